"""Links to the old blog become links to the imported files.

A link to one of the blog's own posts or pages (on its blogspot host or its
custom domain, http or https, with ``?m=1`` or not) becomes Pelican's
``{filename}`` link to the imported Markdown file, so it follows the post
wherever the site's URL settings put it; a label link becomes ``{tag}``.
Links to anything else are left alone.
"""

import re
from urllib.parse import unquote, urlsplit

_BLOGSPOT = re.compile(r"(^|\.)blogspot\.[a-z]{2,3}(\.[a-z]{2})?$")
_LABEL = "/search/label/"


class OldBlog:
    """What a link may point to: the blog's hosts, its files and its labels."""

    def __init__(self, hosts, files, labels):
        self.hosts = {h.lower().removeprefix("www.") for h in hosts}
        self.files = files  # old path ("/2013/03/x.html") -> content-relative file
        self.labels = labels  # {label: tag slug} for the labels published posts carry

    def is_own_host(self, host):
        host = (host or "").lower().removeprefix("www.")
        return host in self.hosts or bool(_BLOGSPOT.search(host))

    def new_href(self, href):
        """The href to write for ``href``, or None to keep it."""
        try:
            parts = urlsplit(href.strip())
        except ValueError:
            return None
        if not parts.hostname or not self.is_own_host(parts.hostname):
            return None
        if parts.path in self.files:
            anchor = f"#{parts.fragment}" if parts.fragment else ""
            return f"{{filename}}/{self.files[parts.path]}{anchor}"
        if parts.path.startswith(_LABEL):
            label = unquote(parts.path[len(_LABEL) :]).strip("/")
            if label in self.labels:  # by slug: Pelican does not unquote {tag} values
                return f"{{tag}}{self.labels[label]}"
        return None


def rewrite_links(soup, old_blog):
    """Point the soup's links to the old blog at the imported files; count them."""
    count = 0
    for anchor in soup.find_all("a", href=True):
        new = old_blog.new_href(anchor["href"])
        if new is not None:
            anchor["href"] = new
            count += 1
    return count
