"""Find leaf text blocks in rendered HTML, with exact spans, and cut them out.

We edit the HTML string by offsets instead of re-serialising a parsed tree, so
every byte we do not cut stays identical. That is only safe where the extent
of an element is certain, so anything malformed, implied or unbalanced is
marked protected and never cut: when in doubt, keep.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from itertools import repeat

from . import core

__all__ = ["HtmlBlock", "cut_blocks", "find_blocks", "visible_chunks"]

LEAF_KINDS = frozenset({"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6"})
CONTAINERS = frozenset(
    {
        "ul", "ol", "dl", "li", "blockquote", "table", "figure", "aside",
        "details", "section", "article", "div",
    }
)  # fmt: skip
# Elements whose content must never be matched or cut (code, tables, ...).
PROTECTIVE = frozenset(
    {"pre", "code", "table", "td", "th", "script", "style", "template", "textarea", "svg", "math"}
)
# Containers that go as a whole when removals leave them empty.
EMPTIABLE = frozenset({"ul", "ol", "dl", "li", "blockquote"})
BLOCK_LEVEL = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "dd",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "ul",
    }
)  # fmt: skip
VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WS = " \t\n\r\f"
_TRAILING_WS = re.compile(f"[{_WS}]*")


# A tag: "<", an optional "/", the name, then attributes whose quoted values
# may contain ">". Read with split(), which alternates text and the groups:
# the whole tag, "/" and the name, for the walker;
_ATTRIBUTES = r"""(?:[^>"']|"[^"]*"|'[^']*')*>"""
_WHOLE_TAG = re.compile(r"(<(/?)([A-Za-z][^\s/>]*)" + _ATTRIBUTES + ")")
# "/" and the name in one group, for the screen.
_TAG_NAME = re.compile(r"<(/?[A-Za-z][^\s/>]*)" + _ATTRIBUTES)
# For visible_chunks: block-level tags cut the text (with a character that
# no text of ours holds), a line break is a space, other tags vanish.
_CUT = "\x00"
_TAG_CUTS = {f"{slash}{name}": _CUT for name in BLOCK_LEVEL for slash in ("", "/")}
_TAG_CUTS.update({"br": " ", "/br": " "})
# What a regex cannot read as the parser does: comments, CDATA, processing
# instructions, raw-text elements, and a "<" that does not open a tag.
_UNSURE_MARKUP = re.compile(r"<(?![A-Za-z/])|<!|<\?|<(?:script|style|textarea|title|xmp)\b", re.I)


def visible_chunks(html: str) -> list[str] | None:
    """The document's text cut wherever a block begins or ends, for a quick screen.

    Each leaf block's text (as find_blocks reads it: entities decoded in each
    piece of text, inline tags gone, a line break a space) is exactly one
    chunk; other chunks hold the text of containers, or nothing. Returns None
    for markup that only the real parser reads reliably, or that holds the
    cutting character itself. C-speed: one regex split, each tag's cut looked
    up by name, no Python call per tag.
    """
    if _CUT in html or _UNSURE_MARKUP.search(html):
        return None
    parts = _TAG_NAME.split(html)  # text, tag, text, ..., text
    if "&" in html:
        parts[::2] = map(unescape, parts[::2])
    parts[1::2] = map(_TAG_CUTS.get, map(str.lower, parts[1::2]), repeat(""))
    return "".join(parts).split(_CUT)


@dataclass(frozen=True)
class HtmlBlock:
    """A core block plus where it sits in the HTML string."""

    block: core.Block
    start: int
    end: int


@dataclass(eq=False, slots=True)
class _Node:
    tag: str
    start: int
    inner_start: int
    parent: _Node | None
    first_piece: int  # the text inside: pieces[first_piece:last_piece]
    last_piece: int = -1
    inner_end: int = -1
    end: int = -1
    closed: bool = False  # by its own explicit, matching end tag
    uncertain: bool = False
    has_block: bool = False
    has_protective: bool = False
    # filled in by finish (text: only for leaf kinds and protective elements)
    text: str = ""
    tainted: bool = False
    in_protective: bool = False
    leaf: bool = False


class _Unsure(Exception):
    """Our offsets disagree with the parser; trust nothing in this document."""


class _TreeBuilder:
    """Builds a light element tree with offsets from tags and text; records doubt.

    Text goes into one list of pieces; each element remembers which pieces
    arrived while it was open, so a piece costs one append however deep.
    """

    def __init__(self, html: str) -> None:
        self.html = html
        self.stack: list[_Node] = []
        self.nodes: list[_Node] = []
        self.pieces: list[str] = []
        self.poisoned = False

    def _inside_protective(self) -> bool:
        return any(node.tag in PROTECTIVE for node in self.stack)

    def _note_implied_closes(self, tag: str) -> None:
        """Mark open elements a browser would close implicitly here."""
        if tag in BLOCK_LEVEL:
            for node in self.stack:
                node.has_block = True
                if node.tag == "p":
                    node.uncertain = True
        if tag in HEADINGS:
            for node in self.stack:
                if node.tag in HEADINGS:
                    node.uncertain = True
        if tag == "li":
            self._close_nearest(("li",), ("ul", "ol", "menu"))
        elif tag in ("dt", "dd"):
            self._close_nearest(("dt", "dd"), ("dl",))

    def _close_nearest(self, tags: tuple[str, ...], barriers: tuple[str, ...]) -> None:
        for node in reversed(self.stack):
            if node.tag in barriers:
                return
            if node.tag in tags:
                node.uncertain = True
                return

    def _start(self, tag: str, start: int, text: str) -> None:
        """A start tag ``text`` at offset ``start``."""
        stack = self.stack
        if tag in BLOCK_LEVEL:  # the only tags that imply closes
            self._note_implied_closes(tag)
        if tag in PROTECTIVE and tag != "code":  # inline code is ordinary text
            for node in stack:
                node.has_protective = True
        if tag in VOID:
            if tag == "br":
                self.pieces.append(" ")
            return
        node = _Node(tag, start, start + len(text), stack[-1] if stack else None, len(self.pieces))
        if self.poisoned:
            node.uncertain = True
        stack.append(node)
        self.nodes.append(node)

    def _end(self, tag: str, start: int) -> None:
        """An end tag at offset ``start``."""
        close = self.html.find(">", start)
        end = len(self.html) if close < 0 else close + 1
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth].tag == tag:
                break
        else:
            # A stray end tag: browsers mostly ignore it, but we stay wary.
            if self.stack and tag not in VOID:
                self.stack[-1].uncertain = True
            return
        clean = depth == len(self.stack) - 1
        pieces = len(self.pieces)
        while len(self.stack) > depth:
            node = self.stack.pop()
            node.inner_end = start
            node.end = start
            node.last_piece = pieces
            if not clean:
                node.uncertain = True
        node.end = end
        node.closed = clean and not self.poisoned

    def finish(self) -> None:
        for node in self.stack:
            node.uncertain = True
            node.end = node.inner_end = len(self.html)
            node.last_piece = len(self.pieces)
        self.stack.clear()
        for node in self.nodes:
            if node.tag in LEAF_KINDS or node.tag in PROTECTIVE:
                node.text = "".join(self.pieces[node.first_piece : node.last_piece])
        _classify(self.nodes)


class _Walker(_TreeBuilder, HTMLParser):
    """The tree, from html.parser's reading: for any markup, never raises."""

    def __init__(self, html: str) -> None:
        _TreeBuilder.__init__(self, html)
        HTMLParser.__init__(self, convert_charrefs=True)
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]

    def _offset(self, prefix: str, tag: str) -> int:
        line, col = self.getpos()
        pos = self.line_starts[line - 1] + col
        probe = self.html[pos : pos + len(prefix) + len(tag)]
        if probe.lower() != prefix + tag:
            raise _Unsure(pos)
        return pos

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self._start(tag, self._offset("<", tag), self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            self.handle_starttag(tag, attrs)
            return
        if self._inside_protective():  # e.g. <path/> in an svg: fine, and kept anyway
            return
        # "<p/>" or "<div/>" opens an element a browser never closes here.
        self.poisoned = True
        for node in self.stack:
            node.uncertain = True

    def handle_endtag(self, tag: str) -> None:
        self._end(tag, self._offset("</", tag))

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)

    def finish(self) -> None:
        self.close()
        super().finish()


def _classify(nodes: list[_Node]) -> None:
    """Propagate doubt and protection downwards; decide which nodes are leaves."""
    for node in nodes:  # parents always come before their children
        parent = node.parent
        node.tainted = node.uncertain or not node.closed or bool(parent and parent.tainted)
        node.in_protective = bool(parent and (parent.in_protective or parent.tag in PROTECTIVE))
        node.leaf = node.tag in LEAF_KINDS and not node.has_block and not node.in_protective


@functools.lru_cache(maxsize=2)
def _parse(html: str) -> list[_Node] | None:
    """Parsed once: cut_blocks re-reads the tree find_blocks just built."""
    try:
        fast = _RegexWalker(html)
        if fast.walk():
            fast.finish()
            return fast.nodes
        walker = _Walker(html)
        walker.feed(html)
        walker.finish()
    except _Unsure:  # offsets html.parser does not give exactly: None, "cut nothing"
        return None
    return walker.nodes


class _RegexWalker(_TreeBuilder):
    """The same tree, from one regex instead of html.parser's Python loop.

    Rendered Markdown is plain tags and text; for that, a tag regex finds
    exactly the tags html.parser finds, several times faster. Anything else
    (comments, raw-text elements, a "<" that opens no tag) makes ``walk``
    return False, and the document goes to html.parser.
    """

    def walk(self) -> bool:
        html = self.html
        if _UNSURE_MARKUP.search(html):
            return False
        parts = _WHOLE_TAG.split(html)  # text, tag, "/" or "", name, ..., text
        texts = parts[::4]
        if "<" in "".join(texts):
            return False
        decoded = list(map(unescape, texts)) if "&" in html else texts
        pieces = self.pieces
        pos = 0
        for k, tag in enumerate(parts[1::4]):
            pieces.append(decoded[k])
            pos += len(texts[k])
            name = parts[4 * k + 3].lower()
            if parts[4 * k + 2]:
                self._end(name, pos)
            elif tag.endswith("/>") and name not in VOID:
                return False  # html.parser's reading of "<p/>" varies with attributes
            else:
                self._start(name, pos, tag)
            pos += len(tag)
        pieces.append(decoded[-1])
        return True


def _context(node: _Node) -> tuple[str, ...]:
    names = []
    parent = node.parent
    while parent is not None:
        if parent.tag in CONTAINERS:
            names.append(parent.tag)
        parent = parent.parent
    return tuple(reversed(names))


def _standalone_protective(node: _Node) -> bool:
    """A protected element that stands as a block of its own (breaking runs)."""
    if node.tag not in PROTECTIVE or node.in_protective or _inside_leaf(node):
        return False
    return node.tag != "code" or node.has_block


def _inside_leaf(node: _Node) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.leaf:
            return True
        parent = parent.parent
    return False


def find_blocks(html: str) -> list[HtmlBlock]:
    """Leaf blocks (and protected blocks, which break runs) in document order."""
    nodes = _parse(html)
    if nodes is None:
        return []
    found = []
    for node in nodes:
        if node.leaf:
            protected = node.tainted or node.has_protective
        elif _standalone_protective(node):
            protected = True
        else:
            continue
        text = node.text.strip()
        block = core.Block(node.tag, _context(node), text, protected)
        found.append(HtmlBlock(block, node.start, node.end))
    return found


def _cuttable(node: _Node) -> bool:
    return node.leaf and not node.tainted and not node.has_protective


def cut_blocks(
    html: str, blocks: Sequence[HtmlBlock], remove: Collection[int]
) -> tuple[str, list[str]]:
    """Cut the chosen blocks, and containers they leave empty, out of ``html``.

    Each cut takes the whitespace after the element with it (or, at the very
    end of the document, the whitespace before it), which reproduces the
    whitespace Python-Markdown emits between the remaining blocks. Returns the
    new HTML and the tag names of containers removed because they were emptied.
    """
    if not remove:
        return html, []
    nodes = _parse(html)
    if nodes is None:
        return html, []
    certain = {(n.start, n.end) for n in nodes if _cuttable(n)}
    spans = sorted(
        {
            (blocks[k].start, blocks[k].end)
            for k in remove
            if 0 <= k < len(blocks) and not blocks[k].block.protected
        }
        & certain
    )
    if not spans:
        return html, []
    emptied = []
    containers = [n for n in nodes if n.tag in EMPTIABLE and not n.tainted and not n.in_protective]
    for node in sorted(containers, key=lambda n: n.start, reverse=True):
        starts = [s for s, _ in spans]
        lo = bisect.bisect_left(starts, node.inner_start)
        hi = bisect.bisect_left(starts, node.inner_end)
        inner = spans[lo:hi]
        if inner and _only_whitespace_between(html, node.inner_start, node.inner_end, inner):
            spans[lo:hi] = [(node.start, node.end)]
            emptied.append((node.start, node.tag))
    return _splice(html, spans), [tag for _, tag in sorted(emptied)]


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
            groups[-1][1] = end
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
