"""Atom ids that stay the same when the site is rebuilt or moves host.

They are tag URIs (RFC 4151) under an authority from the settings, never
derived from SITEURL.
"""

import re
from urllib.parse import quote

# RFC 3987 absolute IRI, loosely: a scheme, a colon, then no white space.
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_SPECIFIC_SAFE = "/:,;=@!$&'()*+-._~"


def feed_id(authority, path):
    """The id of the feed written to ``path`` (e.g. ``feeds/all.atom.xml``)."""
    return f"tag:{authority}:{quote(str(path).lstrip('/'), safe=_SPECIFIC_SAFE)}"


def entry_id(authority, date, slug):
    """The id of a post from its date and slug."""
    return f"tag:{authority}:{date:%Y-%m-%d}/{quote(slug, safe=_SPECIFIC_SAFE)}"


def is_absolute_iri(value):
    """True if ``value`` can be an atom:id (RFC 4287 4.2.6: an absolute IRI)."""
    return isinstance(value, str) and _ABSOLUTE_IRI.fullmatch(value) is not None
