"""The SEARCH_INDEX settings dict: defaults and validation in one place.

Every key is optional; a site sets only what it changes::

    SEARCH_INDEX = {
        "ENABLED": True,             # False: build no index (and remove an old one)
        "OUTPUT_SUBDIR": "pagefind", # the index's folder inside the output
        "EXCLUDE_SELECTORS": [".headerlink", ".toc"],  # parts of a post not indexed
        "PAGES_PER_PART": 1000,      # the index is in parts of whole years, each
                                     # of at most this many pages (unless one
                                     # year alone has more)
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
    # Pagefind holds a part's pages in memory (about 250 KB a page), and the
    # search page fetches each part's WebAssembly (about 75 KB) once.
    pages_per_part: Annotated[int, msgspec.Meta(ge=1)] = 1000


DEFAULTS = msgspec.to_builtins(Settings())


def read_settings(pelican_settings):
    """Validated Settings from a Pelican settings mapping."""
    try:
        return msgspec.convert(pelican_settings.get("SEARCH_INDEX") or {}, type=Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(f"SEARCH_INDEX: {error}") from None
