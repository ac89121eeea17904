"""Settings for the published site (`make publish`).

The production address comes from one place: SITEURL below, overridden by the
environment variable SITE_URL (for instance in CI or on a staging host).
"""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: E402,F403

# The shipped default is a placeholder: `make publish` refuses it (and any
# example.org/.com/.net address) until SITE_URL is set; see plugins/content_guard.
SITEURL = os.environ.get("SITE_URL", "https://jobsearchdiary.example.org").rstrip("/")
RELATIVE_URLS = False

DELETE_OUTPUT_DIRECTORY = True
# The published site is always rendered from the sources, never from cache/.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False


# Feed links use the production address (feed and entry ids do not: see
# ATOM_FEEDS in pelicanconf.py). sitemap.xml comes from pelican-sitemap, and
# pelican-precompress writes .gz and .br copies for hosts that serve them.
FEED_DOMAIN = SITEURL
PLUGINS = [*PLUGINS, "sitemap", "precompress"]  # noqa: F405
SITEMAP = {"format": "xml", "exclude": [r"^robots\.txt$", r"^404\.html$"]}
PRECOMPRESS_GZIP = True
PRECOMPRESS_BROTLI = True  # logs an error (failing the build) if brotli is missing
# robots.txt is a template in content/ so that it names the absolute sitemap URL.
TEMPLATE_PAGES = {**TEMPLATE_PAGES, "robots.txt": "robots.txt"}  # noqa: F405

# Drafts never leave the machine: nothing of a draft (or of a post dated in
# the future, which Pelican holds back as a draft) is written, so it is in no
# page, feed, sitemap or compressed copy, and `make github` / `make
# rsync_upload` cannot send it. Development builds still preview drafts.
DRAFT_URL = DRAFT_SAVE_AS = ""
DRAFT_LANG_URL = DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_URL = DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_URL = DRAFT_PAGE_LANG_SAVE_AS = ""

# Publishing fails on any warning or error, with a plain list of what went
# wrong; `make publish` also passes --fatal warnings. A post scheduled for a
# later date is held back (it stays a draft) and noted at INFO level, so it
# does not count as a problem (see plugins/content_guard).
# The build writes COMPLETION_MARK into its output folder as its very last
# act; `make publish` (scripts/publish.py) swaps in only a build that has it.
# A misspelled metadata key is an error here (a warning in development), and
# SITEURL must be a real public address.
CONTENT_GUARD = {
    **CONTENT_GUARD,  # noqa: F405
    "FAIL_ON": "warning",
    "FUTURE_NOTE": "info",
    "KEY_TYPO": "error",
    "PUBLIC_SITEURL": True,
    "COMPLETION_MARK": ".publish-complete",
}
