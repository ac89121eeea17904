"""The PARALLEL_WRITING settings dict: defaults and validation in one place."""

import os
from dataclasses import dataclass

DEFAULTS = {"PROCESSES": 0, "MIN_CONTENT": 200}


class SettingsError(ValueError):
    """A PARALLEL_WRITING setting the plugin cannot use; the message names the key."""


@dataclass(frozen=True)
class Settings:
    processes: int
    min_content: int


def usable_cores():
    """Cores this process may run on (a container or taskset may allow fewer)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _whole(name, value, minimum):
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise SettingsError(
            f"PARALLEL_WRITING[{name!r}] must be a whole number >= {minimum}, not {value!r}"
        )
    return value


def read_settings(pelican_settings):
    """Validated Settings from a Pelican settings mapping."""
    given = pelican_settings.get("PARALLEL_WRITING") or {}
    if not isinstance(given, dict):
        raise SettingsError(f"PARALLEL_WRITING must be a dict, not {type(given).__name__}")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise SettingsError(
            f"PARALLEL_WRITING: unknown key(s) {unknown}; known: {sorted(DEFAULTS)}"
        )
    options = {**DEFAULTS, **given}
    processes = _whole("PROCESSES", options["PROCESSES"], 0) or usable_cores()
    return Settings(processes, _whole("MIN_CONTENT", options["MIN_CONTENT"], 0))
