"""Old Blogger addresses that the new site does not have, sent to their new place.

Posts need nothing: they are written at their old address. Pages
(``/p/about.html``) and label listings (``/search/label/NAME``) get a small
static HTML page there, with a meta refresh, a canonical link and a plain link,
which every host serves. For hosts that read rules, and for the old feed
addresses (``/feeds/posts/default``, also asked for with ``?alt=rss``), which
only a real HTTP redirect can move for feed readers, two rules files are
written: ``_redirects`` (Netlify, Cloudflare Pages) and an nginx snippet.
"""

import html
import posixpath
from dataclasses import dataclass
from urllib.parse import quote

REDIRECT_PAGE = """\
<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="canonical" href="{href}">
<meta http-equiv="refresh" content="0; url={href}">
<meta name="robots" content="noindex">
</head>
<body>
<p>{what} is now at <a href="{href}">{href_text}</a>.</p>
</body>
</html>
"""

OLD_FEEDS = ("/feeds/posts/default", "/feeds/posts/summary")


@dataclass(frozen=True)
class Redirect:
    old: str  # "/p/about.html", "/search/label/job search" (unquoted)
    new: str  # site-relative URL: "about/", "tag/job-search/"
    title: str  # what moved, for the page: "About", "Posts labelled job search"
    page: str | None  # where the redirect page goes under content/, or None (rules only)


def page_redirect(old_path, new_url, title):
    return Redirect(old_path, new_url, title, old_path.lstrip("/"))


def label_redirect(label, tag_url):
    safe = "/" not in label and not label.startswith(".")
    page = f"search/label/{label}/index.html" if safe else None
    return Redirect(f"/search/label/{label}", tag_url, f"Posts labelled {label}", page)


def feed_redirects(settings, labels):
    """The old feed addresses, for the rules files (feeds cannot follow a page)."""
    found = []
    if settings.get("FEED_ALL_ATOM"):
        found += [Redirect(old, settings["FEED_ALL_ATOM"], "Feed", None) for old in OLD_FEEDS]
    if settings.get("TAG_FEED_ATOM"):
        for label, slug in sorted(labels.items()):
            new = settings["TAG_FEED_ATOM"].format(slug=slug)
            found += [Redirect(f"{old}/-/{label}", new, "Feed", None) for old in OLD_FEEDS]
    return found


def redirect_page(redirect, lang="en"):
    """The static HTML page left at the old address."""
    folder = posixpath.dirname(redirect.page)
    href = posixpath.relpath(redirect.new.rstrip("/") or ".", folder or ".")
    if redirect.new.endswith("/"):
        href += "/"
    return REDIRECT_PAGE.format(
        lang=html.escape(lang),
        title=html.escape(f"Moved: {redirect.title}"),
        what=html.escape(redirect.title),
        href=html.escape(quote(href)),
        href_text=html.escape(f"/{redirect.new}"),
    )


def redirects_file(redirects):
    """``_redirects`` for Netlify and Cloudflare Pages: ``old new 301`` a line."""
    lines = [
        "# Old Blogger addresses, written by `make import` (scripts/blogger_import).",
        "# A rule without a query matches any query: /feeds/posts/default?alt=rss too.",
    ]
    lines += [f"{quote(r.old)}  /{quote(r.new)}  301" for r in redirects]
    return "\n".join(lines) + "\n"


def nginx_file(redirects):
    """An nginx snippet, to include in the site's ``server { }`` block."""
    lines = [
        "# Old Blogger addresses, written by `make import` (scripts/blogger_import).",
        "# Include it in the site's server { } block:  include /path/to/nginx-redirects.conf;",
        "# location ignores the query, so /feeds/posts/default?alt=rss is covered too.",
    ]
    for r in redirects:
        old = r.old.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'location = "{old}" {{ return 301 /{quote(r.new)}; }}')
    return "\n".join(lines) + "\n"
