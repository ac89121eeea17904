"""The DEDUP settings dict: defaults, documentation and validation in one place.

Every key is optional; a site sets only what it changes::

    DEDUP = {
        "MODE": "remove",      # "remove" duplicates, "report" them only, or
                               # "error": fail the build when any is found
        "MIN_LENGTH": 40,      # a block repeated anywhere must have at least
        "MIN_WORDS": 6,        # this many characters and words; shorter blocks
                               # go only inside a repeated run of blocks
        "NEAR_RATIO": 0.8,     # word similarity from which two long blocks are
                               # near-duplicates (reported, or removed in a run)
        "REPORT_PATH": None,   # a JSON file listing every decision, relative
                               # to the folder the build runs in
    }

A post opts out with the metadata line ``Dedup: off``. msgspec checks the
types and ranges declared on Settings (``True`` is not a whole number).
"""

from typing import Annotated, Literal

import msgspec

from .core import Options

AtLeastOne = Annotated[int, msgspec.Meta(ge=1)]


class SettingsError(ValueError):
    """A DEDUP setting that the plugin cannot use; msgspec's message says why."""


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """DEDUP, key by key: ``MIN_LENGTH`` is read into ``min_length``."""

    mode: Literal["remove", "report", "error"] = "remove"
    min_length: AtLeastOne = 40
    min_words: AtLeastOne = 6
    near_ratio: Annotated[float, msgspec.Meta(gt=0, le=1)] = 0.8
    report_path: str | None = None

    @property
    def options(self):
        """The thresholds as core.find_duplicates takes them."""
        return Options(self.min_length, self.min_words, self.near_ratio)

    @property
    def fingerprint(self):
        """What a cached decision depends on: change it and posts are redone."""
        return (self.mode, self.options)


def read_settings(pelican_settings):
    """Build validated Settings from a Pelican settings mapping."""
    try:
        return msgspec.convert(pelican_settings.get("DEDUP") or {}, type=Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(f"DEDUP: {error}") from None
