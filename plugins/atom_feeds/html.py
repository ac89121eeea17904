"""HTML helpers for feed entries: links a reader can follow, titles as text."""

import re
from functools import lru_cache
from html import unescape
from urllib.parse import urljoin

# Attributes that hold one URL, and those that hold a srcset list.
URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "longdesc", "background")
SRCSET_ATTRIBUTES = ("srcset",)
# Any of those names as a word: HTML that does not match has none of those
# attributes (not even one without a value), so it needs no parse. Most posts
# have none, and parsing them cost a tenth of a cold build. A false alarm
# ("action" in a sentence) only costs the parse.
_MAY_HOLD_URL = re.compile(
    r"\b(?:" + "|".join(URL_ATTRIBUTES + SRCSET_ATTRIBUTES) + r")\b", re.IGNORECASE
)


def _join_srcset(base, value):
    candidates = []
    for candidate in value.split(","):
        parts = candidate.split()
        if parts:
            parts[0] = urljoin(base, parts[0])
            candidates.append(" ".join(parts))
    return ", ".join(candidates)


@lru_cache(maxsize=256)
def absolute_links(html, base):
    """Return ``html`` with every link and image URL made absolute against ``base``.

    A feed reader resolves relative URLs against the feed's address (or
    nothing), not the post's, so links that work on the page break there.
    Remembered: a post is in the site's feed, its category's and each of its
    tags', with the same HTML and base each time.
    """
    if not html or not _MAY_HOLD_URL.search(html):
        return html
    soup = _parse(html)
    changed = False
    for tag in soup.find_all(True):
        for name in URL_ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str):
                joined = urljoin(base, value.strip())
                if joined != value:
                    tag[name], changed = joined, True
        for name in SRCSET_ATTRIBUTES:
            value = tag.get(name)
            if isinstance(value, str):
                joined = _join_srcset(base, value)
                if joined != value:
                    tag[name], changed = joined, True
    return str(soup) if changed else html


def html_to_text(html):
    """The text a browser shows for ``html`` (a Pelican title is HTML).

    ``Markup.striptags`` drops ``< b ... >`` from "a < b > c"; HTML's own
    parsing rules keep such text and still remove real tags and entities.
    Text without "<" is all character data, whose references html.parser
    decodes with ``html.unescape``: most titles ("I&#8217;m") need no parse.
    """
    html = str(html)
    if "<" not in html:
        return " ".join(unescape(html).split())
    return " ".join(_parse(html).get_text().split())


def _parse(html):
    """BeautifulSoup's tree of ``html``. Imported here, when first needed: the
    import costs more than a whole build of a site whose posts have no links."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")
