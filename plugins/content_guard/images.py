"""Warn about images a post links with a relative path.

A browser or feed reader resolves a relative path from the address of the
page that shows it (``2026/11/slug.html``), not from the ``.md`` file, so
``![desk](../images/desk.png)`` written beside ``content/posts/`` points at
``2026/images/desk.png``, a 404, and a picture next to the ``.md`` file is
not even copied. (The index and tag pages show plain-text summaries, without
pictures: see plugins/plain_summaries.) Pelican's ``{static}`` and
``{attach}`` links are the way to write them: they become the right URL on
every page, and an absolute one in feeds. Each relative ``<img src>`` gets a
WARNING naming the file, the line and the link to write instead (a failure
for `make publish`).
"""

import logging
import os
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .collisions import all_content

logger = logging.getLogger(__name__)


class _ImageSources(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sources = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.sources.append(src)


def image_sources(html):
    """The src of every <img> of an HTML fragment, in order."""
    parser = _ImageSources()
    parser.feed(html)
    parser.close()
    return parser.sources


def is_relative(src):
    """True for a path relative to the page: no scheme, no leading /, no {static}."""
    if src.startswith(("{", "|", "/", "#", "data:")):
        return False
    return not urlsplit(src).scheme


def suggestion(src, source_dir, content_root):
    """The {attach} (a file beside the post) or {static} link for src, and
    whether the file it names exists."""
    path = unquote(urlsplit(src).path)
    for candidate in (posixpath.join(source_dir, path), path):
        target = posixpath.normpath(candidate)
        if not target.startswith("..") and (Path(content_root) / target).is_file():
            if candidate != path and "/" not in path:
                return "{attach}" + path, True
            return "{static}/" + target, True
    return "{static}/" + posixpath.normpath(posixpath.join(source_dir, path)).lstrip("./"), False


def line_of_text(path, needle):
    """1-based line of the first line of a file that contains needle, or None."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return None


def check_generator(generator):
    """article/page_generator_finalized: a warning per relative image of every post."""
    content_root = generator.settings["PATH"]
    for content in all_content([generator]):
        html = content._content or ""
        if "<img" not in html:
            continue
        for src in image_sources(html):
            if not is_relative(src):
                continue
            link, exists = suggestion(src, content.relative_dir, content_root)
            line = line_of_text(content.source_path, src)
            where = content.relative_source_path or content.source_path
            if line:
                where = f"{where}, line {line}"
            missing = (
                ""
                if exists
                else f" (and there is no {os.path.join(content_root, link[9:])}: "
                "put the picture there)"
            )
            logger.warning(
                "%s: image %r is a relative path, which pages and feeds resolve "
                "from their own address, not from the .md file; write %s instead%s",
                where,
                src,
                link,
                missing,
            )
