"""Refuse to publish a site whose address is still a placeholder.

publishconf.py takes the address from the environment variable SITE_URL and
falls back to the shipped example address. A site published with it has
canonical links, a sitemap and feeds that point nowhere; an address without
``https://`` makes every absolute link relative. With
CONTENT_GUARD['PUBLIC_SITEURL'] = True (publishconf.py) the build stops
before reading any post, with one line saying how to set SITE_URL.
"""

import logging
from urllib.parse import urlsplit

from .settings import BuildStopped, read_settings_or_stop

logger = logging.getLogger(__name__)

# Host names that stand for "an address goes here" (RFC 2606, RFC 6761).
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
PLACEHOLDER_SUFFIXES = (".example", ".invalid", ".localhost")
LOCAL_HOSTS = ("localhost", "127.0.0.1", "0.0.0.0", "::1")
HOW = "set SITE_URL to the address the site is published at, e.g. SITE_URL=https://{} make publish"


def problem(url):
    """What is wrong with url as a public address, or None if nothing is."""
    url = (url or "").strip()
    if not url:
        return "SITEURL is empty: " + HOW.format("diary.yourname.net")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        host = url.split("://", 1)[-1].lstrip("/")
        return f"SITEURL {url!r} has no http(s) scheme: did you mean SITE_URL=https://{host} ?"
    host = parts.hostname.lower().rstrip(".")
    if (
        host in LOCAL_HOSTS
        or host.endswith(PLACEHOLDER_SUFFIXES)
        or any(host == domain or host.endswith("." + domain) for domain in PLACEHOLDER_DOMAINS)
    ):
        return f"SITEURL {url!r} is a placeholder, not your site's address: " + HOW.format(
            "diary.yourname.net"
        )
    return None


def check(pelican):
    """initialized: stop a production build whose SITEURL is not a real address."""
    if not read_settings_or_stop(pelican.settings).public_siteurl:
        return
    found = problem(pelican.settings.get("SITEURL"))
    if found:
        logger.critical("Not publishing: %s", found)
        raise BuildStopped(1)
