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

# Publishing fails on any warning or error, with a plain list of what went
# wrong; `make publish` also passes --fatal warnings. A post scheduled for a
# later date is held back (it stays a draft) and noted at INFO level, so it
# does not count as a problem (see plugins/content_guard).
# The build writes COMPLETION_MARK into its output folder as its very last
# act; `make publish` (scripts/publish.py) swaps in only a build that has it.
CONTENT_GUARD = {
    "FAIL_ON": "warning",
    "FUTURE_NOTE": "info",
    "COMPLETION_MARK": ".publish-complete",
}
