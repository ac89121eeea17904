"""The CONTENT_GUARD settings: defaults and validation (by msgspec), in one place."""

import logging
from typing import Annotated, Literal

import msgspec

logger = logging.getLogger(__name__)

Positive = Annotated[int, msgspec.Meta(gt=0)] | Annotated[float, msgspec.Meta(gt=0)]
Levels = Literal["warning", "error"]


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """CONTENT_GUARD, key by key: ``MAX_NESTING`` is read into ``max_nesting``."""

    max_nesting: Annotated[int, msgspec.Meta(ge=1)] = 50
    future_note: Literal["warning", "info"] = "warning"
    fail_on: Levels | None = None
    max_bytes: Positive = 2_000_000
    max_render_seconds: Positive = 10
    # Files and folders (ending in "/") that plugins or the host write beside
    # Pelican's own output: no post or page may be written there.
    reserved_paths: tuple[Annotated[str, msgspec.Meta(min_length=1)], ...] = (
        "robots.txt",
        "sitemap.xml",
        "sitemap.txt",
        "pagefind/",
    )
    # A file name in the output folder, so no "/" in it.
    completion_mark: Annotated[str, msgspec.Meta(pattern=r"^[^/]+$")] | None = None
    key_typo: Levels = "warning"
    metadata_keys: tuple[str, ...] = ()
    public_siteurl: bool = False


DEFAULTS = msgspec.to_builtins(Settings())
NOTE_LEVELS = {"warning": logging.WARNING, "info": logging.INFO}
TYPO_LEVELS = {"warning": logging.WARNING, "error": logging.ERROR}
FAIL_LEVELS = {None: None, "warning": logging.WARNING, "error": logging.ERROR}


def read_settings(settings):
    """CONTENT_GUARD as Settings over the defaults; ValueError names a bad key or value."""
    try:
        return msgspec.convert(settings.get("CONTENT_GUARD", {}), type=Settings)
    except msgspec.ValidationError as error:
        raise ValueError(f"CONTENT_GUARD: {error}") from None


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
