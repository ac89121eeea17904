"""Accept a Slug, URL or Save_as line only when it is a plain path under the site.

Pelican puts these values into links, file names, feeds and the sitemap as
they are: ``Slug: x" onmouseover="alert(1)`` ended an ``href`` early, ``?``
and ``#`` broke links, ``&`` made sitemap.xml invalid XML (pelican-sitemap
does not escape), ``URL: javascript:alert(1)`` reached the feed, and
``Save_as: ../x`` points outside the output folder. So:

- a slug is ASCII letters, digits, ``-``, ``_`` and ``.``, not starting with
  a dot; the message suggests the slug Pelican would make of it;
- a URL or Save_as is a relative path made of such names joined by ``/``
  (a URL may end with ``/``; an empty one is the site's root).

These characters need no escaping in HTML, XML or a URL, so every page, feed
and the sitemap show them as they are. ``problem(name, value, settings)``
says what is wrong, or None.
"""

import re
from urllib.parse import urlsplit

from pelican.utils import slugify

_NAME = r"[A-Za-z0-9_-][A-Za-z0-9._-]*"
_SLUG = re.compile(_NAME)
_PATH = re.compile(rf"(?:{_NAME}/)*(?:{_NAME})?")
CHECKED = ("slug", "url", "save_as")


def suggested_slug(value, settings):
    """The slug Pelican would make of ``value`` (as it does of a title)."""
    return slugify(
        value,
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=False,
    )


def problem(name, value, settings):
    """Why a slug, url or save_as metadata value cannot be used, or None."""
    text = str(value).strip()
    if name == "slug":
        if _SLUG.fullmatch(text):
            return None
        suggestion = suggested_slug(text, settings)
        fix = f"use Slug: {suggestion}" if suggestion else "spell it with letters or digits"
        return (
            f"may hold only ASCII letters, digits, '-', '_' and '.', and not start with '.'; {fix}"
        )
    if _PATH.fullmatch(text) and (name == "url" or not text.endswith("/")):
        return None
    parts = urlsplit(text)
    if parts.scheme or parts.netloc:
        where = f"{parts.scheme}:" if parts.scheme else f"//{parts.netloc}"
        reason = f"is an address elsewhere ({where}), not a path under the site"
    elif text.startswith("/"):
        reason = "starts with '/'; Pelican adds the site's address itself"
    else:
        reason = "is not a plain path under the site"
    example = "2013/03/my-post.html" if name == "save_as" else "2013/03/my-post.html or about/"
    return (
        f"{reason}: use folder and file names of ASCII letters, digits, '-', '_' and '.' "
        f"joined by '/', like {example}"
    )
