"""Read and check the ATOM_FEEDS setting, so that a mistake is named plainly."""

import re

DEFAULTS = {"ID_AUTHORITY": None, "ID_METADATA": "id"}

# RFC 4151: taggingEntity = (DNS name / e-mail address) "," (YYYY / YYYY-MM / YYYY-MM-DD)
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_DATE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_AUTHORITY = re.compile(rf"(?:[A-Za-z0-9._%+-]+@)?{_LABEL}(?:\.{_LABEL})*,{_DATE}")


class SettingsError(ValueError):
    """ATOM_FEEDS holds something the plugin cannot use."""


def read_settings(settings):
    """Return ATOM_FEEDS merged over DEFAULTS, or raise SettingsError saying why."""
    given = settings.get("ATOM_FEEDS", {})
    if not isinstance(given, dict):
        raise SettingsError(f"ATOM_FEEDS must be a dict, not {type(given).__name__}")
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise SettingsError(f"ATOM_FEEDS: unknown key(s) {sorted(unknown)}")
    options = {**DEFAULTS, **given}
    authority = options["ID_AUTHORITY"]
    if not isinstance(authority, str) or not _AUTHORITY.fullmatch(authority):
        raise SettingsError(
            "ATOM_FEEDS['ID_AUTHORITY'] must be a domain (or e-mail address) and a date "
            f"you held it, like 'example.org,2013' (RFC 4151), not {authority!r}"
        )
    field = options["ID_METADATA"]
    if not isinstance(field, str) or not field.strip():
        raise SettingsError(f"ATOM_FEEDS['ID_METADATA'] must name a metadata field, not {field!r}")
    options["ID_METADATA"] = field.strip().lower()
    return options
