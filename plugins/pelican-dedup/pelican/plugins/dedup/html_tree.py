"""The one reader of HTML: html.parser's reading, as a tree with exact offsets.

Every other part of the plugin (the screen, the rules, the cut) works from
this tree, so they all see the same document. Offsets come from the parser's
own positions and are checked against the source, so a cut by offsets
removes exactly the element the parser saw. Where a browser would close an
element implicitly, or an end tag is stray, the elements involved are marked
uncertain and never cut: when in doubt, keep.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Node", "Text", "parse", "visible_texts"]

BLOCK_LEVEL = frozenset(
    {
        "address", "article", "aside", "blockquote", "details", "dialog", "dd",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "ul", "tr", "td", "th", "thead", "tbody", "tfoot", "caption",
    }
)  # fmt: skip
VOID = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "param", "source", "track", "wbr",
    }
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose content is never matched or cut: code, scripts, drawings.
PROTECTIVE = frozenset({"pre", "code", "script", "style", "template", "textarea", "svg", "math"})
# Elements that show something besides text: images, media, links.
SHOWING = frozenset({"img", "video", "audio", "source", "iframe", "embed", "object", "a"})


@dataclass(eq=False, slots=True)
class Text:
    """A piece of text as the parser decoded it, and where its source lies."""

    start: int
    end: int
    text: str


@dataclass(eq=False, slots=True)
class Node:
    tag: str
    attrs: dict
    start: int
    inner_start: int
    parent: Node | None
    children: list = field(default_factory=list)
    inner_end: int = -1
    end: int = -1
    closed: bool = False  # by its own explicit, matching end tag
    uncertain: bool = False
    has_block: bool = False
    has_protective: bool = False
    shows: bool = False  # holds an image, media or a link
    breaks: int = 0  # <br> children
    tainted: bool = False  # uncertain, unclosed, or inside such an element
    in_protective: bool = False

    def text(self) -> str:
        """The visible text inside: line breaks and block edges are spaces."""
        parts: list[str] = []
        _collect_text(self, parts)
        return "".join(parts)

    def all_nodes(self) -> list[Node]:
        """Every element of a document (on its root), in document order."""
        return self.attrs["#nodes"]

    def descendants(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.descendants()


def _collect_text(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Text):
            parts.append(child.text)
        elif child.tag == "br":
            parts.append(" ")
        elif child.tag in BLOCK_LEVEL:
            parts.append(" ")
            _collect_text(child, parts)
            parts.append(" ")
        elif child.tag not in ("script", "style", "template"):
            _collect_text(child, parts)


class _Unsure(Exception):
    """Our offsets disagree with the parser; trust nothing in this document."""


class _Reader(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.root = Node("#root", {}, 0, 0, None)
        self.stack: list[Node] = [self.root]
        self.nodes: list[Node] = []
        self.poisoned = False
        self.pending: Text | None = None
        self.after: int | None = 0  # where the last tag ended, if known

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _here(self, prefix: str, tag: str) -> int:
        pos = self._pos()
        if self.html[pos : pos + len(prefix) + len(tag)].lower() != prefix + tag:
            raise _Unsure(pos)
        self._end_text(pos)
        return pos

    def _end_text(self, pos: int) -> None:
        if self.pending is not None:
            self.pending.end = pos
            self.pending = None

    def handle_data(self, data: str) -> None:
        pos = self._pos() if self.after is None else self.after
        self.after = None  # text may come in several calls: ask the parser then
        self._end_text(pos)
        self.pending = Text(pos, len(self.html), data)
        self.stack[-1].children.append(self.pending)

    def handle_comment(self, data: str) -> None:
        self._end_text(self._pos())
        self.after = None  # where it ends is the parser's to know

    handle_decl = handle_pi = unknown_decl = handle_comment

    def handle_starttag(self, tag: str, attrs: list) -> None:
        start = self._here("<", tag)
        text = self.get_starttag_text() or ""
        self.after = start + len(text)
        stack = self.stack
        if tag in BLOCK_LEVEL:
            self._note_implied_closes(tag)
        if tag in PROTECTIVE and tag != "code":  # inline code is ordinary text
            for node in stack:
                node.has_protective = True
        node = Node(tag, dict(attrs), start, start + len(text), stack[-1])
        parent = stack[-1]
        parent.children.append(node)
        if tag == "br":
            parent.breaks += 1
        elif tag in SHOWING:
            for open_node in stack:
                open_node.shows = True
            node.shows = True
        self.nodes.append(node)
        if tag in VOID:
            node.inner_end = node.end = node.inner_start
            node.closed = True
            return
        if self.poisoned:
            node.uncertain = True
        stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            self.handle_starttag(tag, attrs)
            return
        self._end_text(self._pos())
        self.after = None
        if any(node.tag in PROTECTIVE for node in self.stack):
            return  # e.g. <path/> in an svg: fine, and kept anyway
        # "<p/>" or "<div/>" opens an element a browser never closes here.
        self.poisoned = True
        for node in self.stack:
            node.uncertain = True

    def handle_endtag(self, tag: str) -> None:
        start = self._here("</", tag)
        close = self.html.find(">", start)
        end = self.after = len(self.html) if close < 0 else close + 1
        stack = self.stack
        for depth in range(len(stack) - 1, 0, -1):
            if stack[depth].tag == tag:
                break
        else:
            # A stray end tag: browsers mostly ignore it, but we stay wary.
            if len(stack) > 1 and tag not in VOID:
                stack[-1].uncertain = True
            return
        clean = depth == len(stack) - 1
        while len(stack) > depth:
            node = stack.pop()
            node.inner_end = node.end = start
            if not clean:
                node.uncertain = True
        node.end = end
        node.closed = clean and not self.poisoned

    def _note_implied_closes(self, tag: str) -> None:
        """Mark open elements a browser would close implicitly here."""
        for node in self.stack:
            node.has_block = True
            if node.tag == "p":
                node.uncertain = True
            if tag in HEADINGS and node.tag in HEADINGS:
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

    def finish(self) -> Node:
        self.close()
        self._end_text(len(self.html))
        for node in self.stack[1:]:
            node.uncertain = True
            node.end = node.inner_end = len(self.html)
        self.root.end = self.root.inner_end = len(self.html)
        self.root.closed = True
        self.root.attrs = {"#nodes": self.nodes}  # every element, in document order
        for node in self.nodes:  # parents always come before their children
            parent = node.parent
            node.tainted = node.uncertain or not node.closed or parent.tainted
            node.in_protective = parent.in_protective or parent.tag in PROTECTIVE
        return self.root


@functools.lru_cache(maxsize=2)
def parse(html: str) -> Node | None:
    """The document's tree (a root node), or None if the reading is in doubt.

    Parsed once: the cut re-reads the tree the block finder just built.
    """
    reader = _Reader(html)
    try:
        reader.feed(html)
        return reader.finish()
    except (_Unsure, AssertionError, ValueError, IndexError):
        return None


_BR = "\x00"  # no text of ours holds these (documents that do are read in full)
_APART_MARK = "\x01"
_BREAK_PAIR = re.compile(_BR + r"[ \t\n\r\f]*" + _BR + r"[\x00 \t\n\r\f]*")
_HIDDEN = frozenset({"script", "style", "template"})
_APART = BLOCK_LEVEL | (PROTECTIVE - {"code"})


class _TextReader(HTMLParser):
    """html.parser's events, kept only as the text each element holds itself."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = ["#root"]
        self.own: list[list[str]] = [[]]
        self.texts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _APART:
            self.own[-1].append(_APART_MARK)
            if tag not in VOID:
                self.tags.append(tag)
                self.own.append([])
        elif tag == "br":
            self.own[-1].append(_BR)
        if tag in _HIDDEN:
            self.hidden += 1

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in VOID:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in _APART and (self.tags[-1] == tag or tag in self.tags[1:]):
            while self.tags[-1] != tag:
                self._close()
            self._close()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.own[-1].append(data)

    def _close(self) -> None:
        self.tags.pop()
        self._emit(self.own.pop())

    def _emit(self, pieces: list[str]) -> None:
        """The element's own text whole (a list item's, around its nested list),
        and each run of it between block-level children and <br><br>."""
        text = "".join(pieces)
        if _APART_MARK in text:
            runs = text.split(_APART_MARK)
            self.texts.append(text.replace(_APART_MARK, "").replace(_BR, " "))
        else:
            runs = [text]
        for run in runs:
            if _BR in run:
                self.texts += _BREAK_PAIR.split(run)
                run = run.replace(_BR, " ")
            self.texts.append(run)

    def finish(self) -> list[str]:
        self.close()
        while len(self.tags) > 1:
            self._close()
        self._emit(self.own.pop())
        return self.texts


def visible_texts(html: str) -> list[str] | None:
    """The text of every block, among other texts, for the quick screen.

    The same reading as ``parse`` (html.parser's events), kept as the text
    each element holds outside its block-level children, also split where
    two <br> stand together: so each block's text is one item. About half the
    cost of building the tree, which only the posts the screen passes need.
    None if the document holds the marker character itself.
    """
    if _BR in html or _APART_MARK in html:
        return None
    reader = _TextReader()
    try:
        reader.feed(html)
        return reader.finish()
    except (AssertionError, ValueError, IndexError):
        return None
