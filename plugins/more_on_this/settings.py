"""The MORE_ON_THIS settings dict, checked by msgspec.

MORE_ON_THIS = {"MAX": 3}  # how many posts to list at most (0: none)
"""

from typing import Annotated

import msgspec


class SettingsError(ValueError):
    """A MORE_ON_THIS setting the plugin cannot use; msgspec's message says why."""


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """MORE_ON_THIS, key by key: ``MAX`` is read into ``max``."""

    max: Annotated[int, msgspec.Meta(ge=0)] = 3


def read_settings(settings):
    """The validated number of posts to list."""
    try:
        return msgspec.convert(settings.get("MORE_ON_THIS") or {}, type=Settings).max
    except msgspec.ValidationError as error:
        raise SettingsError(f"MORE_ON_THIS: {error}") from None
