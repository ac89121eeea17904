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

# Publishing fails on any warning or error, with a plain list of what went
# wrong (see plugins/build_guard); `make publish` also passes --fatal warnings.
BUILD_GUARD = {"FAIL_ON": "warning"}

# A post scheduled for a later date is held back (it stays a draft) and noted
# at INFO level, so it does not count as a problem (see plugins/content_guard).
CONTENT_GUARD = {"FUTURE_NOTE": "info"}
