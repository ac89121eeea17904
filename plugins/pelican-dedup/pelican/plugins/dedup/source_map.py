"""Where each block of rendered Markdown came from in the source, by lines.

Python-Markdown gives no line numbers, so the source is cut into the pieces
it reads as blocks (groups of lines between blank lines; a list's items; a
heading line; each line of a raw HTML group), each piece is rendered alone
(with the document's footnote and link definitions) and matched, in order,
with the blocks of the whole document by their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .html_tree import Node, Text, parse
from .text import normalize

_ITEM = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+\S")
_NESTED_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\S")
_HEADING = re.compile(r"^#{1,6}\s")
_DEFINITION = re.compile(r"^\s{0,3}\[[^\]]+\]:")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")


@dataclass(frozen=True)
class Piece:
    """Lines ``first``..``last`` (0-based, inclusive) of the body."""

    first: int
    last: int


def pieces(lines: list[str]) -> list[Piece]:
    """The pieces of a Markdown body that may each be one block."""
    found: list[Piece] = []
    start = None
    in_fence = False
    for n, line in enumerate(lines + [""]):
        if _FENCE.match(line):
            in_fence = not in_fence
        blank = not line.strip() and not in_fence
        if start is not None and blank:
            found += _split_group(lines, start, n - 1)
            start = None
        elif start is None and not blank:
            start = n
    return found


def _split_group(lines: list[str], first: int, last: int) -> list[Piece]:
    group = lines[first : last + 1]
    if all(line.lstrip().startswith("<") for line in group):
        return [Piece(n, n) for n in range(first, last + 1)]  # raw HTML, line by line
    cuts = [first]
    is_list = bool(_ITEM.match(group[0]))
    for n in range(first + 1, last + 1):
        heading = _HEADING.match(lines[n]) or _HEADING.match(lines[n - 1])
        item = is_list and _ITEM.match(lines[n]) and not lines[n][:1].isspace()
        if heading or item:
            cuts.append(n)
    cuts.append(last + 1)
    found = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a < b:
            found.append(Piece(a, b - 1))
            if is_list:  # a nested list's items, after the item that holds them
                nested = [n for n in range(a + 1, b) if _NESTED_ITEM.match(lines[n])]
                found += [Piece(x, y - 1) for x, y in zip(nested, nested[1:] + [b], strict=False)]
    return found


def definitions(lines: list[str]) -> str:
    """The footnote and link definitions, which a piece rendered alone needs."""
    return "\n".join(line for line in lines if _DEFINITION.match(line))


def block_text(html: str, start: int, end: int) -> str:
    """A block's text for matching, without footnote markers (their numbers vary)."""
    root = parse(html[start:end])
    if root is None:
        return ""
    parts: list[str] = []
    _text(root, parts)
    return normalize("".join(parts))


def _text(node: Node, parts: list[str]) -> None:
    for child in node.children:
        if isinstance(child, Text):
            parts.append(child.text)
        elif child.tag == "sup" and str(child.attrs.get("id", "")).startswith("fnref"):
            continue
        elif child.tag == "br":
            parts.append(" ")
        else:
            _text(child, parts)
