"""The MARKDOWN_POOL settings: defaults and validation, in one place."""

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {"PROCESSES": 0, "MIN_FILES": 50}


class SettingsError(ValueError):
    """A MARKDOWN_POOL setting the plugin cannot use; the message names the key."""


def _whole_number(name, value, minimum):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(
            f"MARKDOWN_POOL[{name!r}] must be a whole number >= {minimum}, not {value!r}"
        )
    return value


def read_settings(pelican_settings):
    """MARKDOWN_POOL merged over the defaults; SettingsError names a bad key or value."""
    given = pelican_settings.get("MARKDOWN_POOL") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"MARKDOWN_POOL must be a dict, not {type(given).__name__}")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"MARKDOWN_POOL has unknown key(s) {unknown}; known keys are {sorted(DEFAULTS)}"
        )
    values = {**DEFAULTS, **given}
    _whole_number("PROCESSES", values["PROCESSES"], 0)
    _whole_number("MIN_FILES", values["MIN_FILES"], 1)
    return values


def read_settings_or_stop(pelican_settings):
    """read_settings, but a bad setting stops the build with one plain line, exit 1."""
    try:
        return read_settings(pelican_settings)
    except SettingsError as error:
        logger.critical("%s (in the settings file)", error)
        raise SystemExit(1) from None
