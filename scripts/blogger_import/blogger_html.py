"""Blogger's HTML made plain, before it becomes Markdown.

Blogger's classic editor wrote no ``<p>``: a line ends with ``<br />`` or with
a ``<div>``, and a blank line (``<br /><br />``, ``<div><br /></div>``) ends a
paragraph. Here such runs become ``<p>`` paragraphs, so that the converter
writes Markdown paragraphs and the dedup rules (which compare ``<p>`` blocks)
see them. Also: caption tables become an image with its caption under it, the
"Read more" jump break goes, an image gets alt text if it has none, and
``&nbsp;`` becomes a plain space (not in code).
"""

import posixpath
import re
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

# Elements that stand on their own between paragraphs.
BLOCKS = {
    "p", "ul", "ol", "dl", "pre", "blockquote", "table", "hr", "figure", "iframe",
    "h1", "h2", "h3", "h4", "h5", "h6",
}  # fmt: skip
# Inline wrappers that Blogger puts around whole posts (fonts, colours):
# their content is read as if they were not there.
TRANSPARENT = {"span", "font"}
LINE_BREAK = object()
_NAME_SEPARATORS = re.compile(r"[-_+.\s]+")
_NUMBERED = re.compile(r"\s*(\d+)[.)]\s+")
NBSP = "\xa0"


def parse(html):
    return BeautifulSoup(html, "html.parser")


def tidy(soup):
    """Rewrite ``soup`` in place: paragraphs, captions, no jump break, no &nbsp;."""
    # One walk over the tree collects what each step needs (find_all is slow).
    comments, nbsp, tags = [], [], {"a": [], "table": [], "img": []}
    for node in soup.descendants:
        if isinstance(node, Comment):
            comments.append(node)  # <!--more--> and editor leftovers
        elif isinstance(node, NavigableString):
            if NBSP in node:
                nbsp.append(node)
        elif node.name in tags:
            tags[node.name].append(node)
    for comment in comments:
        comment.extract()
    for anchor in tags["a"]:
        if anchor.get("name") == "more":
            anchor.decompose()
    for table in tags["table"]:
        if "tr-caption-container" in (table.get("class") or []):
            table.replace_with(_captioned_image(soup, table))
    for image in tags["img"]:
        if not (image.get("alt") or "").strip():
            image["alt"] = _alt_text(image)
    for text in nbsp:
        if not text.find_parent(["pre", "code"]):
            text.replace_with(text.replace(NBSP, " "))
    _make_paragraphs(soup, soup)
    for paragraph in soup.find_all("p"):
        _numbered_lines_to_list(soup, paragraph)
    return soup


def _numbered_lines_to_list(soup, paragraph):
    """``1. a<br>2. b``, typed as lines in the classic editor, as a real list.

    Lines before the first number (``So my options are to...``) stay a paragraph.
    """
    lines, line = [], []
    for node in paragraph.contents:
        if isinstance(node, Tag) and node.name == "br":
            lines.append(line)
            line = []
        else:
            line.append(node)
    lines.append(line)
    numbers = [_numbered(line) for line in lines]
    first = next((i for i, number in enumerate(numbers) if number), len(lines))
    if len(lines) - first < 2 or not all(numbers[first:]):
        return
    ordered = soup.new_tag("ol")
    if numbers[first].group(1) != "1":
        ordered["start"] = numbers[first].group(1)
    for line, number in zip(lines[first:], numbers[first:], strict=True):
        item = soup.new_tag("li")
        item.append(line[0][number.end() :])
        for node in line[1:]:
            item.append(node.extract())
        ordered.append(item)
    if first:
        lead = soup.new_tag("p")
        for node in [n for line in lines[:first] for n in (*line, None)][:-1]:
            lead.append(node.extract() if node is not None else soup.new_tag("br"))
        paragraph.insert_before(lead)
    paragraph.replace_with(ordered)


def _numbered(line):
    first = line[0] if line else None
    return _NUMBERED.match(first) if isinstance(first, NavigableString) else None


def _captioned_image(soup, table):
    """Blogger's caption table as ``<p>image<br><em>caption</em></p>``."""
    caption_cell = table.find(class_="tr-caption")
    caption = caption_cell.get_text(" ", strip=True) if caption_cell else ""
    if caption_cell:
        caption_cell.decompose()
    image = table.find("img")
    paragraph = soup.new_tag("p")
    if image is None:
        paragraph.string = caption
        return paragraph
    if caption:
        if not image.get("alt"):
            image["alt"] = caption
        image["title"] = caption
    link = image.find_parent("a")
    paragraph.append((link or image).extract())
    if caption:
        paragraph.append(soup.new_tag("br"))
        emphasis = soup.new_tag("em")
        emphasis.string = caption
        paragraph.append(emphasis)
    return paragraph


def _alt_text(image):
    """Blogger wrote images without alt text, which Pelican warns about (and
    `make publish` fails on): the title, else the file's name in words."""
    title = (image.get("title") or "").strip()
    if title:
        return title
    name = posixpath.basename(urlsplit(image.get("src") or "").path)
    words = _NAME_SEPARATORS.sub(" ", unquote(posixpath.splitext(name)[0])).strip()
    return words or "Image"


def _is_image_block(tag):
    """Blogger's ``<div class="separator">`` holding an image."""
    return tag.name == "div" and "separator" in (tag.get("class") or [])


def _flow(container):
    """The container's content as a stream: inline nodes, LINE_BREAK marks, blocks.

    A ``<div>`` is read through, ending a line; a span or font is read through.
    """
    for child in list(container.children):
        if not isinstance(child, Tag):
            yield child
        elif child.name == "br":
            yield LINE_BREAK
        elif child.name == "div" and not _is_image_block(child):
            yield from _flow(child)
            yield LINE_BREAK
        elif child.name in TRANSPARENT and child.find(["br", "div", *BLOCKS]):
            yield from _flow(child)
        else:
            yield child  # a block, or inline content


def _make_paragraphs(soup, container):
    """Replace ``container``'s children by blocks and ``<p>`` paragraphs."""
    result, run, breaks = [], [], 0

    def flush():
        if any(_visible(node) for node in run):
            paragraph = soup.new_tag("p")
            while run and _is_blank(run[-1]):
                run.pop()
            for node in run:
                paragraph.append(node.extract())
            result.append(paragraph)
        run.clear()

    for item in list(_flow(container)):
        if item is LINE_BREAK:
            breaks += 1
            if breaks >= 2:
                flush()
        elif isinstance(item, Tag) and (item.name in BLOCKS or _is_image_block(item)):
            flush()
            breaks = 0
            if item.name == "blockquote" or _is_image_block(item):
                _make_paragraphs(soup, item)
            result.append(item.extract())
        elif _is_blank(item):
            if run:
                run.append(item)
        else:
            if breaks == 1 and run:
                run.append(soup.new_tag("br"))
            breaks = 0
            run.append(item)
    flush()
    for child in list(container.children):
        child.extract()
    for block in result:
        if _is_image_block(block):
            for paragraph in list(block.children):
                container.append(paragraph.extract())
        else:
            container.append(block)


def _is_blank(node):
    return isinstance(node, NavigableString) and not node.strip()


def _visible(node):
    if isinstance(node, NavigableString):
        return bool(node.strip())
    return bool(node.get_text().strip()) or node.find(["img", "iframe"]) is not None or (
        node.name in ("img", "iframe")
    )
