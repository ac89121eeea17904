"""Read and check the ATOM_FEEDS setting (msgspec), so that a mistake is named plainly."""

import re
from typing import Annotated

import msgspec

# RFC 4151: taggingEntity = (DNS name / e-mail address) "," (YYYY / YYYY-MM / YYYY-MM-DD)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_AUTHORITY = re.compile(rf"(?:[A-Za-z0-9._%+-]+@)?{_LABEL}(?:\.{_LABEL})*,{_DATE}")


class SettingsError(ValueError):
    """ATOM_FEEDS holds something the plugin cannot use."""


class Settings(msgspec.Struct, forbid_unknown_fields=True, frozen=True, rename="upper"):
    """ATOM_FEEDS, key by key: ``ID_AUTHORITY`` is read into ``id_authority``."""

    id_authority: str | None = None  # required, but named plainly below when missing
    id_metadata: Annotated[str, msgspec.Meta(pattern=r"\S")] = "id"


def read_settings(settings):
    """ATOM_FEEDS as a dict of both keys, or raise SettingsError saying why."""
    try:
        options = msgspec.convert(settings.get("ATOM_FEEDS", {}), type=Settings)
    except msgspec.ValidationError as error:
        raise SettingsError(f"ATOM_FEEDS: {error}") from None
    # Not a msgspec pattern: its message would show the regular expression, not an example.
    if not _AUTHORITY.fullmatch(options.id_authority or ""):
        raise SettingsError(
            "ATOM_FEEDS['ID_AUTHORITY'] must be a domain (or e-mail address) and a date "
            f"you held it, like 'example.org,2013' (RFC 4151), not {options.id_authority!r}"
        )
    field = options.id_metadata.strip().lower()
    return {"ID_AUTHORITY": options.id_authority, "ID_METADATA": field}
