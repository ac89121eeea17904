"""Settings for the published site (`make publish`).

The production address comes from one place: SITEURL below, overridden by the
environment variable SITE_URL (for instance in CI or on a staging host).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

SITEURL = os.environ.get("SITE_URL", "https://jobsearchdiary.example.org").rstrip("/")
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True
# The published site is always rendered from the sources, never from cache/.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False

# Publishing fails on any warning or error, with a plain list of what went
# wrong (see plugins/build_guard); `make publish` also passes --fatal warnings.
BUILD_GUARD = {"FAIL_ON": "warning"}
