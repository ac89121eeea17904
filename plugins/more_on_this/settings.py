"""The MORE_ON_THIS settings dict, checked by msgspec.

MORE_ON_THIS = {"MAX": 3}  # how many posts to list at most (0: none)
"""

from typing import Annotated

import msgspec


class SettingsError(ValueError):
    """A MORE_ON_THIS setting the plugin cannot use; the message names the key."""


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """MORE_ON_THIS, key by key: ``MAX`` is read into ``max``."""

    max: Annotated[int, msgspec.Meta(ge=0)] = 3


def read_settings(settings):
    """The validated number of posts to list."""
    given = settings.get("MORE_ON_THIS") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"MORE_ON_THIS must be a dict with the key 'MAX' only, not {given!r}")
    try:
        return msgspec.convert(given, type=Settings).max
    except msgspec.ValidationError as error:
        raise SettingsError(_problem(error, given)) from None


def _problem(error, given):
    """msgspec's reason, after the MORE_ON_THIS key and the value it refused."""
    why, _, at = str(error).partition(" - at `$.")
    key = at.partition("`")[0].partition("[")[0]
    return f"MORE_ON_THIS[{key!r}] is {given[key]!r}: {why}" if key else f"MORE_ON_THIS: {why}"
