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


def _selectors(value):
    return isinstance(value, list | tuple) and all(isinstance(s, str) and s.strip() for s in value)


# Each key: (its test, what it must be), for the message naming a bad value.
CHECKS = {
    "ENABLED": (lambda value: isinstance(value, bool), "True or False"),
    "OUTPUT_SUBDIR": (
        lambda value: isinstance(value, str) and bool(SUBDIR.fullmatch(value)),
        "one folder name of letters, digits, - or _",
    ),
    "EXCLUDE_SELECTORS": (_selectors, "a list of CSS selectors"),
}


def read_settings(pelican_settings):
    """Validated Settings from a Pelican settings mapping: every key checked by CHECKS."""
    given = pelican_settings.get("SEARCH_INDEX") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"SEARCH_INDEX must be a dict, not {type(given).__name__}")
    unknown = sorted(set(given) - set(CHECKS))
    if unknown:
        raise SettingsError(f"SEARCH_INDEX has unknown key(s) {unknown}; known: {sorted(CHECKS)}")
    values = {**DEFAULTS, **given}
    for key, (test, expected) in CHECKS.items():
        if not test(values[key]):
            raise SettingsError(f"SEARCH_INDEX[{key!r}] must be {expected}, not {values[key]!r}")
    return Settings(values["ENABLED"], values["OUTPUT_SUBDIR"], tuple(values["EXCLUDE_SELECTORS"]))
