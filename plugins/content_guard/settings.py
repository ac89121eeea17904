"""The CONTENT_GUARD settings: defaults and validation, in one place."""

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    "MAX_NESTING": 50,
    "FUTURE_NOTE": "warning",
    "FAIL_ON": None,
    "KEY_TYPO": "warning",
    "METADATA_KEYS": [],
    "PUBLIC_SITEURL": False,
}
NOTE_LEVELS = {"warning": logging.WARNING, "info": logging.INFO}
TYPO_LEVELS = {"warning": logging.WARNING, "error": logging.ERROR}
FAIL_LEVELS = {None: None, "warning": logging.WARNING, "error": logging.ERROR}


def read_settings(settings):
    """CONTENT_GUARD merged over the defaults; ValueError names a bad key or value."""
    options = {**DEFAULTS, **settings.get("CONTENT_GUARD", {})}
    unknown = set(options) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"CONTENT_GUARD: unknown key(s) {sorted(unknown)}")
    nesting = options["MAX_NESTING"]
    if not isinstance(nesting, int) or isinstance(nesting, bool) or nesting < 1:
        raise ValueError(
            f"CONTENT_GUARD['MAX_NESTING'] must be a positive integer, not {nesting!r}"
        )
    if options["FUTURE_NOTE"] not in NOTE_LEVELS:
        raise ValueError(
            "CONTENT_GUARD['FUTURE_NOTE'] must be 'warning' or 'info', "
            f"not {options['FUTURE_NOTE']!r}"
        )
    if options["FAIL_ON"] not in FAIL_LEVELS:
        raise ValueError(
            "CONTENT_GUARD['FAIL_ON'] must be None, 'warning' or 'error', "
            f"not {options['FAIL_ON']!r}"
        )
    if options["KEY_TYPO"] not in TYPO_LEVELS:
        raise ValueError(
            f"CONTENT_GUARD['KEY_TYPO'] must be 'warning' or 'error', not {options['KEY_TYPO']!r}"
        )
    keys = options["METADATA_KEYS"]
    if isinstance(keys, str) or not all(isinstance(key, str) for key in keys):
        raise ValueError(
            f"CONTENT_GUARD['METADATA_KEYS'] must be a list of key names, not {keys!r}"
        )
    if not isinstance(options["PUBLIC_SITEURL"], bool):
        raise ValueError(
            "CONTENT_GUARD['PUBLIC_SITEURL'] must be True or False, "
            f"not {options['PUBLIC_SITEURL']!r}"
        )
    return options


class BuildStopped(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


def read_settings_or_stop(settings):
    """read_settings, but a bad setting stops the build with one plain line."""
    try:
        return read_settings(settings)
    except ValueError as error:
        logger.critical("%s (in the settings file)", error)
        raise BuildStopped(1) from None
