"""How the rules read a block's text: folded words, the units compared, what it holds.

Copy-paste through different tools changes quotes, dashes, case and invisible
characters; none of that makes a paragraph different, so all of it is folded.
Numbers are never folded: "Step 3" and "Step 4" are different steps. Scripts
written without spaces (Chinese, Japanese) are measured on characters.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import compress, count
from operator import not_

__all__ = ["HYPHENS", "content_of", "fold_words", "is_long", "length", "normalize", "units"]

_FOLD = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b"), "-"),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
}
# "--" and "---" are how plain-text editors write the dashes folded above.
HYPHENS = re.compile(r"-{2,}")
_WORD = re.compile(r"\w+")
# Scripts written without spaces between words: Chinese, Japanese, Thai, Lao,
# Myanmar, Khmer (Korean puts spaces between words, so it is read by words).
_UNSPACED = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff"
    "\u1000-\u109f\u1780-\u17ff\U00020000-\U0002fa1f]"
)


def _fold(text: str) -> str:
    """NFKC, case-folded, quotes and dashes folded; ASCII text only lowered."""
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)


def fold_words(text: str) -> list[str]:
    """The folded words of ``text``, folding only the words that are not ASCII.

    NFKC and casefold over a whole post cost about ten times more than
    lower(), and real posts are rarely pure ASCII (curly quotes, &nbsp;, an
    ellipsis). Folding word by word gives the same words: whitespace never
    composes with its neighbours, and a folded word that NFKC splits (a
    spacing accent becomes a space and a mark) is split again.
    """
    if text.isascii():
        return (HYPHENS.sub("-", text) if "--" in text else text).lower().split()
    lowered = text.lower().split()
    words = text.split()
    if len(words) != len(lowered):  # no case mapping adds or removes a space
        lowered = _fold(text).split()
    else:
        split_again = False
        for k in compress(count(), map(not_, map(str.isascii, words))):
            folded = lowered[k] = _fold(words[k])
            split_again = split_again or folded.split() != [folded]
        if split_again:
            lowered = " ".join(lowered).split()
    if "--" in " ".join(lowered):
        lowered = [HYPHENS.sub("-", w) for w in lowered]
    return lowered


def normalize(text: str) -> str:
    """Fold the differences editors and renderers introduce, but never digits."""
    return " ".join(fold_words(text))


def units(words: list[str]) -> list[str]:
    """What length and similarity count: words, or characters for unspaced scripts.

    A Chinese paragraph is one "word" to split(); its characters are what
    a reader compares.
    """
    joined = "".join(words)
    if joined.isascii() or not _UNSPACED.search(joined):
        return words
    return list(joined)


def length(norm: str) -> int:
    """Characters, a wide (CJK) character counting as two, as a terminal shows it.

    A Chinese sentence says in 20 characters what English says in 40.
    """
    if norm.isascii():
        return len(norm)
    return len(norm) + sum(unicodedata.east_asian_width(c) in "WF" for c in norm)


def is_long(norm: str, options) -> bool:
    """Long blocks carry enough text that a repeat cannot be a coincidence."""
    return length(norm) >= options.min_length and len(units(norm.split())) >= options.min_words


def content_of(norm: str, media=(), links=()) -> frozenset:
    """What a block shows: its words, image and media sources, link targets.

    A block may go only when all of this is also in a copy that stays.
    Sources and targets are tagged so that they never equal a word.
    """
    held = set(_WORD.findall(norm))
    held.update("\x00src " + src for src in media)
    held.update("\x00href " + href for href in links)
    return frozenset(held)
