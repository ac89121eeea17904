"""The CONTENT_GUARD settings: defaults and validation, in one place."""

import logging

logger = logging.getLogger(__name__)

DEFAULTS = {
    "MAX_NESTING": 50,
    "FUTURE_NOTE": "warning",
    "FAIL_ON": None,
    "MAX_BYTES": 2_000_000,
    "MAX_RENDER_SECONDS": 10,
    # Files and folders (ending in "/") that plugins or the host write beside
    # Pelican's own output: no post or page may be written there.
    "RESERVED_PATHS": ("robots.txt", "sitemap.xml", "sitemap.txt", "pagefind/"),
    "COMPLETION_MARK": None,
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
    for key in ("MAX_BYTES", "MAX_RENDER_SECONDS"):
        value = options[key]
        if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
            raise ValueError(f"CONTENT_GUARD[{key!r}] must be a positive number, not {value!r}")
    reserved = options["RESERVED_PATHS"]
    if isinstance(reserved, str) or not all(isinstance(p, str) and p for p in reserved):
        raise ValueError(
            f"CONTENT_GUARD['RESERVED_PATHS'] must be a list of paths, not {reserved!r}"
        )
    mark = options["COMPLETION_MARK"]
    if mark is not None and (not isinstance(mark, str) or not mark or "/" in mark):
        raise ValueError(
            f"CONTENT_GUARD['COMPLETION_MARK'] must be None or a file name, not {mark!r}"
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


class RejectedMetadata(ValueError):
    """A metadata value content_guard refuses; the message says why."""

    def __init__(self, name, value, reason):
        key = {"url": "URL", "save_as": "Save_as"}.get(name, name.capitalize())
        super().__init__(f"{key} {value!r} {reason}")
        self.name, self.value = name, value


class BuildStopped(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


def read_settings_or_stop(settings):
    """read_settings, but a bad setting stops the build with one plain line."""
    try:
        return read_settings(settings)
    except ValueError as error:
        logger.critical("%s (in the settings file)", error)
        raise BuildStopped(1) from None
