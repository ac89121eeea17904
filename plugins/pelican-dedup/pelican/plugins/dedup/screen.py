"""A fast necessary condition for any decision, so most posts skip the rules.

Every removal needs a long block repeated exactly (a removed run holds one
too); every other decision concerns two long blocks that are at least
``NEAR_RATIO`` alike. Real prose shares phrases between paragraphs ("one of
the"), so a shared 3-gram alone would send almost every post on; the
similarity check's own first tests (lengths, digits, words held at all) send
on only the posts with a pair that could be near.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import chain

from .model import Options
from .text import HYPHENS, fold_words, length, units

__all__ = ["could_have_decisions", "grams", "shared"]

DEFAULT = Options()
_DIGITS = re.compile(r"\d+")
# The screen leaves a post with more pairs of blocks to test to the full check.
_SCREEN_PAIRS = 500
# Up to this many candidate blocks, every pair is tested without 3-grams: the
# near-duplicate search only compares blocks sharing a 3-gram, so testing
# every pair can only send on more posts, never fewer.
_DIRECT = 12


def could_have_decisions(texts: Iterable[str], options: Options = DEFAULT) -> bool:
    """False only if no decision is possible for blocks with these texts."""
    min_length, min_words = options.min_length, options.min_words
    norms: set[str] = set()
    blocks: list[list[str]] = []
    for text in texts:
        if text.isascii():  # the common case, folded here without the calls
            if len(text) < min_length:
                continue  # folding ASCII only drops spaces: it cannot become long
            words = (HYPHENS.sub("-", text) if "--" in text else text).lower().split()
            if len(words) < min_words:
                continue
            norm = " ".join(words)
            if len(norm) < min_length:
                continue
            compared = words
        else:
            words = fold_words(text)
            norm = " ".join(words)
            compared = units(words)
            if length(norm) < min_length or len(compared) < min_words:
                continue
        if norm in norms:
            return True
        norms.add(norm)
        blocks.append(compared)
    if len(blocks) < 2:
        return False
    ratio = options.near_ratio
    # A word counted once in the whole post is in no other block. (A word
    # twice in one block counts as held elsewhere: that only sends more on.)
    holders = Counter(chain.from_iterable(blocks))
    once = list(map(holders.__getitem__, chain.from_iterable(blocks)))
    kept = []
    at = 0
    for k, words in enumerate(blocks):  # _could_be_near_any, on one list for the post
        n = len(words)
        if (n - once[at : at + n].count(1)) * (2 - ratio) >= ratio * n - 1e-9:
            kept.append(k)
        at += n
    if len(kept) < 2:
        return False
    vocabularies = {k: set(blocks[k]) for k in kept}
    if len(kept) <= _DIRECT:  # few blocks: test every pair, no 3-grams needed
        return any(
            _may_be_near(blocks[a], blocks[b], vocabularies[a], vocabularies[b], ratio)
            for x, a in enumerate(kept)
            for b in kept[x + 1 :]
        )
    # Hashes, not the 3-gram tuples: ints are not tracked by the garbage
    # collector. A hash collision only adds a pair to test.
    hashed = [set(map(hash, grams(blocks[k]))) for k in kept]
    repeated = shared(hashed)
    sharing: dict[int, list[int]] = defaultdict(list)
    for k, held in zip(kept, hashed, strict=True):
        for gram in held & repeated:
            sharing[gram].append(k)
    pairs: set[tuple[int, int]] = set()
    for ks in set(map(tuple, sharing.values())):  # a phrase's 3-grams share their blocks
        if len(pairs) + len(ks) * (len(ks) - 1) // 2 > _SCREEN_PAIRS:
            return True  # so many to test: leave them to the full check
        pairs.update((ks[x], ks[y]) for x in range(len(ks)) for y in range(x + 1, len(ks)))
    return any(
        _may_be_near(blocks[a], blocks[b], vocabularies[a], vocabularies[b], ratio)
        for a, b in pairs
    )


def shared(sets: list[set[int]]) -> set[int]:
    """The members that two or more of ``sets`` hold."""
    seen: set[int] = set()
    both: set[int] = set()
    for members in sets:
        both |= members & seen
        seen |= members
    return both


def grams(words: list[str]) -> Iterator[tuple]:
    """A block's 3-grams of units, or its whole text if shorter."""
    if len(words) < 3:
        return iter((tuple(words),))
    return zip(words, words[1:], words[2:], strict=False)


def _could_be_near_any(words: list[str], holders: Counter, ratio: float) -> bool:
    """False if too few of these units occur in any other long block.

    Two blocks pass the similarity check's first tests only if the shorter
    has at least 2 / ratio - 1 times the longer's units, and at least
    ``ratio`` of all their units match (``quick_ratio``); so a block matches
    at least ratio / (2 - ratio) of its own units in the other (two thirds
    at 0.8). A unit that no other block holds never matches.
    """
    held_elsewhere = len(words) - list(map(holders.__getitem__, words)).count(1)
    return held_elsewhere * (2 - ratio) >= ratio * len(words) - 1e-9


def _may_be_near(a: list[str], b: list[str], a_set: set, b_set: set, ratio: float) -> bool:
    """False only if the similarity of these units is surely below ``ratio``."""
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < ratio * total:
        return False
    if 2.0 * sum(map(b_set.__contains__, a)) / total < ratio:
        return False
    if 2.0 * sum(map(a_set.__contains__, b)) / total < ratio:
        return False
    return _DIGITS.findall(" ".join(a)) == _DIGITS.findall(" ".join(b))
