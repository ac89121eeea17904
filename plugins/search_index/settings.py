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
    """A SEARCH_INDEX setting the plugin cannot use; msgspec's message says why."""


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
    try:
        return msgspec.convert(pelican_settings.get("SEARCH_INDEX") or {}, type=Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(f"SEARCH_INDEX: {error}") from None
