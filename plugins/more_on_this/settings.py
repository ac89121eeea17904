"""The MORE_ON_THIS settings dict: defaults and validation.

MORE_ON_THIS = {"MAX": 3}  # how many posts to list at most (0: none)
"""

DEFAULTS = {"MAX": 3}


class SettingsError(ValueError):
    """A MORE_ON_THIS setting the plugin cannot use; the message names the key."""


def read_settings(settings):
    """The validated number of posts to list."""
    given = settings.get("MORE_ON_THIS") or {}
    if not isinstance(given, dict) or set(given) - set(DEFAULTS):
        raise SettingsError(f"MORE_ON_THIS must be a dict with the key 'MAX' only, not {given!r}")
    most = {**DEFAULTS, **given}["MAX"]
    if isinstance(most, bool) or not isinstance(most, int) or most < 0:
        raise SettingsError(f"MORE_ON_THIS['MAX'] must be a whole number >= 0, not {most!r}")
    return most
