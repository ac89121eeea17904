"""The SEARCH_INDEX settings dict: defaults and validation in one place.

Every key is optional; a site sets only what it changes::

    SEARCH_INDEX = {
        "ENABLED": True,             # False: build no index (and remove an old one)
        "OUTPUT_SUBDIR": "pagefind", # the index's folder inside the output
        "EXCLUDE_SELECTORS": [".headerlink", ".toc"],  # parts of a post not indexed
    }
"""

import re
from dataclasses import dataclass

DEFAULTS = {
    "ENABLED": True,
    "OUTPUT_SUBDIR": "pagefind",
    # The heading self links ("#") and a [TOC] only repeat the headings.
    "EXCLUDE_SELECTORS": [".headerlink", ".toc"],
}
SUBDIR = re.compile(r"[A-Za-z0-9_-]+")


class SettingsError(ValueError):
    """A SEARCH_INDEX setting the plugin cannot use; the message names the key."""


@dataclass(frozen=True)
class Settings:
    enabled: bool
    output_subdir: str
    exclude_selectors: tuple[str, ...]


def read_settings(pelican_settings):
    """Validated Settings from a Pelican settings mapping."""
    given = pelican_settings.get("SEARCH_INDEX") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"SEARCH_INDEX must be a dict, not {type(given).__name__}")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"SEARCH_INDEX has unknown key(s) {unknown}; known keys are {sorted(DEFAULTS)}"
        )
    values = {**DEFAULTS, **given}
    enabled = values["ENABLED"]
    if not isinstance(enabled, bool):
        raise SettingsError(f"SEARCH_INDEX['ENABLED'] must be True or False, not {enabled!r}")
    subdir = values["OUTPUT_SUBDIR"]
    if not isinstance(subdir, str) or not SUBDIR.fullmatch(subdir):
        raise SettingsError(
            "SEARCH_INDEX['OUTPUT_SUBDIR'] must be one folder name of letters, digits, - or _,"
            f" not {subdir!r}"
        )
    selectors = values["EXCLUDE_SELECTORS"]
    if not isinstance(selectors, list | tuple) or not all(
        isinstance(s, str) and s.strip() for s in selectors
    ):
        raise SettingsError(
            f"SEARCH_INDEX['EXCLUDE_SELECTORS'] must be a list of CSS selectors, not {selectors!r}"
        )
    return Settings(enabled, subdir, tuple(selectors))
