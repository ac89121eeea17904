"""Find the blocks of rendered HTML, with exact spans, and cut them out.

A block is what a reader sees as one paragraph: a leaf ``p``, ``li``,
``dt``, ``dd``, heading or ``div`` (Blogger's classic editor writes
paragraphs as ``<div>`` lines), text set apart by two or more ``<br>``, a
list item's own text before its nested list, a table (compared whole, cut
only with a copied run). Blocks with neither text nor an image are spacers,
not blocks. We edit the HTML string by offsets instead of re-serialising a
tree, so every byte we do not cut stays identical; anything whose extent is
uncertain is protected and never cut.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from . import core
from .html_tree import BLOCK_LEVEL, PROTECTIVE, Node, Text, parse

__all__ = ["HtmlBlock", "cut_blocks", "find_blocks"]

LEAF_KINDS = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "div"})
# Elements that make a place of their own: a paragraph in a blockquote is
# never compared with a body paragraph. div, section and article do not: a
# copy wrapped in one more <div> is compared with the body it copies.
CONTEXTS = frozenset({"ul", "ol", "dl", "li", "blockquote", "table", "figure", "aside", "details"})
# Containers that go as a whole when removals leave them empty.
EMPTIABLE = frozenset(
    {"ul", "ol", "dl", "li", "blockquote", "div", "section", "article", "figure", "figcaption", "p"}
)
ITEMS = frozenset({"li", "dt", "dd"})
MEDIA = {"img": "src", "video": "src", "audio": "src", "source": "src", "iframe": "src",
         "embed": "src", "object": "data"}  # fmt: skip
_WS = " \t\n\r\f"
_TRAILING_WS = re.compile(f"[{_WS}]*")
_WORD = re.compile(r"\w")
# What stands apart from the text around it (inline code is part of it).
_APART = BLOCK_LEVEL | (PROTECTIVE - {"code"})


@dataclass(frozen=True)
class HtmlBlock:
    """A core block plus the span of HTML that goes when it is cut."""

    block: core.Block
    start: int
    end: int


def find_blocks(html: str) -> list[HtmlBlock]:
    """The blocks (and protected blocks, which break runs) in document order."""
    return list(_find_blocks(html))


def clear_caches() -> None:
    """Forget the documents read last (for benchmarks: a build reads each post once)."""
    parse.cache_clear()
    _find_blocks.cache_clear()


@functools.lru_cache(maxsize=2)
def _find_blocks(html: str) -> tuple[HtmlBlock, ...]:
    """Found once: the cut checks its blocks against those of the same HTML."""
    root = parse(html)
    if root is None:
        return ()
    found: list[HtmlBlock] = []
    _walk(html, root, (), found)
    return tuple(found)


def _walk(
    html: str, node: Node, context: tuple[str, ...], found: list[HtmlBlock], own_text=True
) -> None:
    """Blocks inside ``node`` (a container), in order."""
    inner = context + ((node.tag,) if node.tag in CONTEXTS else ())
    for part in _parts(node):
        if isinstance(part, list):
            if own_text:
                _segment(html, part, node, inner, found)
        else:
            _element(html, part, inner, found)


def _element(html: str, node: Node, context: tuple[str, ...], found: list[HtmlBlock]) -> None:
    tag = node.tag
    if tag in PROTECTIVE:
        if tag != "code" or node.has_block:
            found.append(_protected(node, context))
        return
    if tag == "table":
        block = core.Block("table", context, node.text().strip(), node.tainted, *_shown(node))
        found.append(HtmlBlock(block, node.start, node.end))
        return
    if tag in LEAF_KINDS and not node.has_block:
        if tag in ("p", "div") and node.breaks >= 2 and _has_break_pair(node):
            _walk(html, node, context, found)  # text set apart by <br><br>: one block each
            return
        text = node.text().strip()
        media, links = _shown(node)
        if text or media:
            kind = "p" if tag == "div" else tag
            protected = node.tainted or node.has_protective
            found.append(HtmlBlock(core.Block(kind, context, text, protected, media, links),
                                   node.start, node.end))  # fmt: skip
        return
    if tag in ITEMS:
        # A list item holding a nested list: its own text is a block that
        # goes only with everything inside it.
        own = [c for part in _parts(node) if isinstance(part, list) for c in part]
        text = " ".join(_inline_text(own).split())
        at = len(found)
        _walk(html, node, context, found, own_text=False)
        if text:
            media, links = _shown_in(own)
            block = core.Block(tag, context, text, node.tainted or node.has_protective,
                               media, links, inner=len(found) - at)  # fmt: skip
            found.insert(at, HtmlBlock(block, node.start, node.end))
        return
    _walk(html, node, context, found)


def _protected(node: Node, context: tuple[str, ...]) -> HtmlBlock:
    return HtmlBlock(core.Block("pre", context, node.text().strip(), True), node.start, node.end)


def _parts(node: Node) -> list:
    """The children of ``node``: block-level elements, and runs of inline content
    between them (lists), split where two or more <br> stand together."""
    parts: list = []
    run: list = []
    breaks: list = []  # <br>s (and whitespace) not yet known to split
    for child in node.children:
        if isinstance(child, Node) and child.tag == "br":
            breaks.append(child)
            continue
        if isinstance(child, Text) and not child.text.strip() and breaks:
            breaks.append(child)
            continue
        if breaks:
            if sum(isinstance(b, Node) for b in breaks) >= 2:
                if run:
                    parts.append(run)
                parts.append(breaks)  # the separator, as a list of its own
                run = []
            else:
                run += breaks
            breaks = []
        if isinstance(child, Node) and child.tag in _APART:
            if run:
                parts.append(run)
                run = []
            parts.append(child)
        else:
            run.append(child)
    if breaks:
        if sum(isinstance(b, Node) for b in breaks) >= 2:
            if run:
                parts.append(run)
            parts.append(breaks)
            run = []
        else:
            run += breaks
    if run:
        parts.append(run)
    # Whitespace between blocks is no part of anything.
    return [p for p in parts if not (isinstance(p, list) and _blank(p))]


def _blank(items: list) -> bool:
    return all(isinstance(i, Text) and not i.text.strip() for i in items)


def _has_break_pair(node: Node) -> bool:
    return any(isinstance(p, list) and _is_separator(p) for p in _parts(node))


def _is_separator(items: list) -> bool:
    return (
        all(
            (isinstance(i, Node) and i.tag == "br") or (isinstance(i, Text) and not i.text.strip())
            for i in items
        )
        and sum(isinstance(i, Node) for i in items) >= 2
    )


def _segment(html, items: list, parent: Node, context, found: list[HtmlBlock]) -> None:
    """A run of inline content: a block of its own if it shows anything."""
    if _is_separator(items):
        return
    text = " ".join(_inline_text(items).split())
    media, links = _shown_in(items)
    if not (text or media):
        return
    protected = parent.tainted or any(
        isinstance(i, Node) and (i.tainted or i.has_protective or i.tag in PROTECTIVE)
        for i in items
    )
    start, end = _span(html, items)
    block = core.Block("p", context, text, protected, media, links)
    found.append(HtmlBlock(block, start, end))


def _span(html: str, items: list) -> tuple[int, int]:
    """Where a run of inline content starts and ends, without outer whitespace."""
    start, end = items[0].start, items[-1].end
    while start < end and html[start] in _WS:
        start += 1
    while end > start and html[end - 1] in _WS:
        end -= 1
    return start, end


def _inline_text(items: list) -> str:
    parts = []
    for item in items:
        if isinstance(item, Text):
            parts.append(item.text)
        elif item.tag == "br":
            parts.append(" ")
        else:
            parts.append(item.text())
    return "".join(parts)


def _shown(node: Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return _shown_in([node])


def _shown_in(items: list) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Image and media sources, and link targets (not links within the page)."""
    media: list[str] = []
    links: list[str] = []
    for item in items:
        if not isinstance(item, Node) or not item.shows:
            continue
        for node in (item, *item.descendants()):
            attribute = MEDIA.get(node.tag)
            if attribute and node.attrs.get(attribute):
                media.append(node.attrs[attribute])
            if node.tag == "video" and node.attrs.get("poster"):
                media.append(node.attrs["poster"])
            href = node.attrs.get("href") if node.tag == "a" else None
            if href and not href.startswith("#"):
                links.append(href)
    return tuple(dict.fromkeys(media)), tuple(dict.fromkeys(links))


def cut_blocks(
    html: str, blocks: Sequence[HtmlBlock], remove: Collection[int]
) -> tuple[str, list[str]]:
    """Cut the chosen blocks, the containers they leave empty and the footnote
    back-links that pointed into them, out of ``html``.

    Each cut takes the whitespace after it with it (or, at the very end of the
    document, the whitespace before it), which reproduces the whitespace
    Python-Markdown emits between the remaining blocks. Returns the new HTML
    and the tag names of containers removed because they were emptied.
    """
    if not remove:
        return html, []
    root = parse(html)
    if root is None:
        return html, []
    certain = {(b.start, b.end) for b in _find_blocks(html) if not b.block.protected}
    chosen = {
        (blocks[k].start, blocks[k].end)
        for k in remove
        if 0 <= k < len(blocks) and not blocks[k].block.protected
    }
    spans = _outermost(chosen & certain)
    if not spans:
        return html, []
    nodes = root.all_nodes()
    spans = _outermost(spans + _back_links(html, nodes, spans))
    spans = _with_separators(html, nodes, spans)
    spans = _with_spacers(html, nodes, spans)
    emptied = []
    containers = [n for n in nodes if n.tag in EMPTIABLE and not n.tainted and not n.in_protective]
    for node in reversed(containers):  # inner containers first
        starts = [s for s, _ in spans]
        lo = bisect.bisect_left(starts, node.inner_start)
        hi = bisect.bisect_left(starts, node.inner_end)
        inner = [s for s in spans[lo:hi] if s[1] <= node.inner_end]
        if inner and _only_whitespace_between(html, node.inner_start, node.inner_end, inner):
            spans = _outermost([s for s in spans if s not in inner] + [(node.start, node.end)])
            emptied.append((node.start, node.tag))
    return _splice(html, spans), [tag for _, tag in sorted(emptied)]


def _outermost(spans) -> list[tuple[int, int]]:
    """Sorted spans, without those that lie inside another."""
    result: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
        if result and end <= result[-1][1]:
            continue
        result.append((start, end))
    return result


def _back_links(html: str, nodes: list[Node], spans) -> list[tuple[int, int]]:
    """Footnote back-links (no words of their own) to anchors being cut."""
    starts = [s for s, _ in spans]

    def inside(n: Node) -> bool:
        k = bisect.bisect_right(starts, n.start) - 1
        return k >= 0 and n.end <= spans[k][1]

    ids = {n.attrs["id"] for n in nodes if n.attrs.get("id") and inside(n)}
    if not ids:
        return []
    found = []
    for n in nodes:
        href = n.attrs.get("href") or ""
        if (
            n.tag == "a"
            and href.startswith("#")
            and href[1:] in ids
            and not n.tainted
            and not _WORD.search(n.text())
            and not any(s <= n.start < e for s, e in spans)
        ):
            found.append((n.start, n.end))
    return found


def _with_separators(html: str, nodes: list[Node], spans) -> list[tuple[int, int]]:
    """A cut text segment takes the <br><br> after it (before it, if last)."""
    result = list(spans)
    for node in (nodes[0].parent, *nodes) if nodes else ():
        if node.breaks < 2:
            continue
        parts = _parts(node)
        for k, part in enumerate(parts):
            if not (isinstance(part, list) and not _is_separator(part)):
                continue
            span = _span(html, part)
            if span not in spans:
                continue
            if k + 1 < len(parts) and isinstance(parts[k + 1], list):
                result.append((span[1], parts[k + 1][-1].end))
            elif k and isinstance(parts[k - 1], list):
                result.append((parts[k - 1][0].start, span[0]))
    return _merge_touching(result)


def _with_spacers(html: str, nodes: list[Node], spans) -> list[tuple[int, int]]:
    """A spacer (``<div><br></div>``, ``<p>&nbsp;</p>``) right after a cut goes with it."""
    ends = {end for _, end in spans}
    added = []
    for node in nodes:  # in document order, so a row of spacers goes together
        if node.tag not in LEAF_KINDS or node.tainted or node.in_protective or node.shows:
            continue
        before = node.start
        while before > 0 and html[before - 1] in _WS:
            before -= 1
        if before not in ends or node.has_block or node.has_protective:
            continue
        if not node.text().strip():
            added.append((node.start, node.end))
            ends.add(node.end)
    return _merge_touching(list(spans) + added) if added else spans


def _merge_touching(spans) -> list[tuple[int, int]]:
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [tuple(s) for s in result]


def _only_whitespace_between(html: str, start: int, end: int, spans: list) -> bool:
    pos = start
    for s, e in spans:
        if html[pos:s].strip(_WS):
            return False
        pos = e
    return not html[pos:end].strip(_WS)


def _splice(html: str, spans: list[tuple[int, int]]) -> str:
    groups: list[list[int]] = []
    for start, end in spans:  # neighbours apart only by whitespace cut as one
        if groups and not html[groups[-1][1] : start].strip(_WS):
            groups[-1][1] = max(groups[-1][1], end)
        else:
            groups.append([start, end])
    pieces = []
    pos = 0
    for start, end in groups:
        after = _TRAILING_WS.match(html, end).end()
        if after == len(html):
            # Last thing in the document: the whitespace before it goes instead.
            while start > pos and html[start - 1] in _WS:
                start -= 1
            after = end
        pieces.append(html[pos:start])
        pos = after
    pieces.append(html[pos:])
    return "".join(pieces)
