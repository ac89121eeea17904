"""Keep the content cache apart for each CONTENT_GUARD configuration.

Pelican's content cache (CACHE_CONTENT, used by development builds) stores
what each reader returned and reuses it while the file is unchanged, so a
post read under one limit (MAX_BYTES, MAX_RENDER_SECONDS, MAX_NESTING, ...)
would keep its old verdict after the limit changes. At ``initialized`` the
cache moves to a subfolder of CACHE_PATH named after a hash of the
CONTENT_GUARD settings: other settings, other cache (switching back reuses
the earlier one). ``make clean`` removes them all with cache/.
"""

import hashlib
import os

import msgspec

from .settings import read_settings

PREFIX = "content_guard-"


def fingerprint(options):
    """A short hash of the CONTENT_GUARD settings (a Settings)."""
    return hashlib.sha256(msgspec.json.encode(options)).hexdigest()[:12]


def separate_cache(pelican):
    """initialized: point CACHE_PATH at this configuration's own subfolder."""
    settings = pelican.settings
    path = settings.get("CACHE_PATH")
    if not path or os.path.basename(os.path.normpath(path)).startswith(PREFIX):
        return
    options = read_settings(settings)
    settings["CACHE_PATH"] = os.path.join(path, PREFIX + fingerprint(options))
