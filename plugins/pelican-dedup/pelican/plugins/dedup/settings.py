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

A post opts out with the metadata line ``Dedup: off``.
"""

from dataclasses import dataclass

from .core import Options

MODES = ("remove", "report", "error")
DEFAULTS = {
    "MODE": "remove",
    "MIN_LENGTH": 40,
    "MIN_WORDS": 6,
    "NEAR_RATIO": 0.8,
    "REPORT_PATH": None,
}


class SettingsError(ValueError):
    """A DEDUP setting that the plugin cannot use; the message names the key."""


@dataclass(frozen=True)
class Settings:
    mode: str
    options: Options
    report_path: str | None

    @property
    def fingerprint(self):
        """What a cached decision depends on: change it and posts are redone."""
        return (self.mode, self.options)


def _require_int(name, value, minimum):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(f"DEDUP[{name!r}] must be a whole number >= {minimum}, not {value!r}")
    return value


def read_settings(pelican_settings):
    """Build validated Settings from a Pelican settings mapping."""
    given = pelican_settings.get("DEDUP") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"DEDUP must be a dict, not {type(given).__name__}")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"DEDUP has unknown key(s) {unknown}; known keys are {sorted(DEFAULTS)}"
        )
    values = {**DEFAULTS, **given}
    mode = values["MODE"]
    if mode not in MODES:
        raise SettingsError(f"DEDUP['MODE'] must be one of {list(MODES)}, not {mode!r}")
    ratio = values["NEAR_RATIO"]
    if isinstance(ratio, bool) or not isinstance(ratio, int | float) or not 0 < ratio <= 1:
        raise SettingsError(f"DEDUP['NEAR_RATIO'] must be a number in (0, 1], not {ratio!r}")
    report_path = values["REPORT_PATH"]
    if report_path is not None and not isinstance(report_path, str):
        raise SettingsError(
            f"DEDUP['REPORT_PATH'] must be a path string or None, not {report_path!r}"
        )
    options = Options(
        min_length=_require_int("MIN_LENGTH", values["MIN_LENGTH"], 1),
        min_words=_require_int("MIN_WORDS", values["MIN_WORDS"], 1),
        near_ratio=float(ratio),
    )
    return Settings(mode=mode, options=options, report_path=report_path)
