"""The SEARCH_INDEX settings dict: defaults and validation in one place.

Every key is optional; a site sets only what it changes::

    SEARCH_INDEX = {
        "ENABLED": True,             # False: build no index (and remove an old one)
        "OUTPUT_SUBDIR": "pagefind", # the index's folder inside the output
        "EXCLUDE_SELECTORS": [".headerlink", ".toc"],  # parts of a post not indexed
    }

msgspec checks each value against the types declared on Settings.
"""

from typing import Annotated

import msgspec


class SettingsError(ValueError):
    """A SEARCH_INDEX setting the plugin cannot use; the message names the key."""


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """SEARCH_INDEX, key by key: ``OUTPUT_SUBDIR`` is read into ``output_subdir``."""

    enabled: bool = True
    # One folder name: the index never lands outside the output.
    output_subdir: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_-]+$")] = "pagefind"
    # The heading self links ("#") and a [TOC] only repeat the headings.
    exclude_selectors: tuple[Annotated[str, msgspec.Meta(pattern=r"\S")], ...] = (
        ".headerlink",
        ".toc",
    )


DEFAULTS = msgspec.to_builtins(Settings())


def read_settings(pelican_settings):
    """Validated Settings from a Pelican settings mapping."""
    given = pelican_settings.get("SEARCH_INDEX") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"SEARCH_INDEX must be a dict, not {type(given).__name__}")
    try:
        return msgspec.convert(given, type=Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(_problem(error, given)) from None


def _problem(error, given):
    """msgspec's reason, after the SEARCH_INDEX key and the value it refused."""
    why, _, at = str(error).partition(" - at `$.")
    key = at.partition("`")[0].partition("[")[0]
    return f"SEARCH_INDEX[{key!r}] is {given[key]!r}: {why}" if key else f"SEARCH_INDEX: {why}"
