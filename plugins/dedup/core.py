"""Decide which blocks of a post are duplicates: blocks in, decisions out.

Kept pure (no Pelican, no HTML parser, no logging) so that the same rules serve
the build-time plugin and the Markdown source checker, and so that they can be
tested on plain lists. The rules are deliberately conservative: a short block
("Thanks!", a heading) only goes when it sits inside a copied run that is
proven by exact long matches, and a merely similar block is only reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import chain, compress, count
from operator import not_

__all__ = [
    "Block",
    "Decision",
    "Options",
    "could_have_decisions",
    "find_duplicates",
    "is_long",
    "normalize",
]


@dataclass(frozen=True)
class Block:
    """One leaf block of a post, as seen by the rules."""

    kind: str
    context: tuple[str, ...]
    text: str
    protected: bool = False


@dataclass(frozen=True)
class Options:
    """Thresholds; a block is long if it has enough characters AND words."""

    min_length: int = 40
    min_words: int = 6
    near_ratio: float = 0.8


@dataclass(frozen=True)
class Decision:
    """What to do with one block; ``original`` is always a kept block."""

    index: int
    action: str
    reason: str
    original: int
    similarity: float


_FOLD = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"),
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None),
}
_DIGITS = re.compile(r"\d+")

# How many recent kept copies of a block may start a run; bounds the work.
_RUN_CANDIDATES = 4
# Shingles shared by more blocks than this say nothing about similarity.
_MAX_SHINGLE_DF = 50
# The screen leaves a post with more pairs of blocks to test to the full check.
_SCREEN_PAIRS = 500
# How many shingle-ranked candidates get the (costly) SequenceMatcher check.
_NEAR_CANDIDATES = 3


def _fold(text: str) -> str:
    """NFKC, case-folded, quotes and dashes folded; ASCII text only lowered.

    On ASCII text NFKC and _FOLD change nothing and casefold equals lower,
    which is several times cheaper.
    """
    if text.isascii():
        return text.lower()
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)


def _fold_words(text: str) -> list[str]:
    """``_fold(text).split()``, folding only the words that are not ASCII.

    NFKC and casefold over a whole post cost about ten times more than
    lower(), and real posts are rarely pure ASCII (curly quotes, &nbsp;,
    an ellipsis). Folding word by word gives the same words: whitespace never
    composes with its neighbours, and a folded word that NFKC splits (a
    spacing accent becomes a space and a mark) is split again. Every other
    word is lowered with the rest of the text, in C.
    """
    lowered = text.lower().split()
    if text.isascii():
        return lowered
    words = text.split()
    if len(words) != len(lowered):  # no case mapping adds or removes a space; never here
        return _fold(text).split()
    split_again = False
    for k in compress(count(), map(not_, map(str.isascii, words))):
        folded = lowered[k] = _fold(words[k])
        split_again = split_again or folded.split() != [folded]
    return " ".join(lowered).split() if split_again else lowered


def normalize(text: str) -> str:
    """Fold the differences editors and renderers introduce, but never digits.

    Copy-paste through different tools changes quotes, dashes, case and
    invisible characters; none of that makes a paragraph different. Numbers
    do: "Step 3" and "Step 4" are different steps.
    """
    return " ".join(_fold_words(text))


def is_long(norm: str, options: Options) -> bool:
    """Long blocks carry enough text that a repeat cannot be a coincidence."""
    return len(norm) >= options.min_length and len(norm.split()) >= options.min_words


def could_have_decisions(chunks: Iterable[str], options: Options = Options()) -> bool:
    """A fast necessary condition for any decision, on the text of each block.

    ``chunks`` holds every leaf block's text as one item (it may hold other
    text too: more chunks only make the answer True more often). Every
    removal needs a long block repeated exactly. Every other decision reports
    two long blocks that share a word 3-gram and pass the first tests of the
    similarity check: their lengths, their digits, and ``quick_ratio``, which
    counts at most the words of either block that occur anywhere in the
    other. Real prose shares phrases between paragraphs ("one of the"), so
    a shared 3-gram alone would send almost every post to the full check;
    those tests send on only the posts with a pair that could be near.
    """
    min_length, min_words = options.min_length, options.min_words
    norms: set[str] = set()
    blocks: list[list[str]] = []
    for chunk in chunks:
        if len(chunk) < min_length and chunk.isascii():
            continue  # folding ASCII only drops spaces: it cannot become long
        words = _fold_words(chunk)
        if len(words) < min_words:
            continue
        norm = " ".join(words)
        if len(norm) < min_length:
            continue
        if norm in norms:
            return True
        norms.add(norm)
        blocks.append(words)
    if len(blocks) < 2:
        return False
    ratio = options.near_ratio
    vocabularies = list(map(set, blocks))
    holders = Counter(chain.from_iterable(vocabularies))
    kept = [k for k, words in enumerate(blocks) if _could_be_near_any(words, holders, ratio)]
    if len(kept) < 2:
        return False
    # Hashes, not the 3-gram tuples: ints are not tracked by the garbage
    # collector. A hash collision only adds a pair to test.
    grams = [set(map(hash, _grams(blocks[k]))) for k in kept]
    repeated = _shared(grams)
    sharing: dict[int, list[int]] = defaultdict(list)
    for k, held in zip(kept, grams, strict=True):
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


def _shared(sets: list[set[int]]) -> set[int]:
    """The members that two or more of ``sets`` hold."""
    seen: set[int] = set()
    shared: set[int] = set()
    for members in sets:
        shared |= members & seen
        seen |= members
    return shared


def _could_be_near_any(words: list[str], holders: Counter, ratio: float) -> bool:
    """False if too few of these words occur in any other long block.

    Two blocks pass the similarity check's first tests only if the shorter
    has at least 2 / ratio - 1 times the longer's words, and at least
    ``ratio`` of all their words match (``quick_ratio``); so a block matches
    at least ratio / (2 - ratio) of its own words in the other (two thirds
    at 0.8). A word that no other block holds never matches. Paragraphs of
    real prose hold many words of their own: most fail here, unhashed.
    """
    shared = len(words) - list(map(holders.__getitem__, words)).count(1)
    return shared * (2 - ratio) >= ratio * len(words) - 1e-9


def _may_be_near(a: list[str], b: list[str], a_set: set, b_set: set, ratio: float) -> bool:
    """False only if ``_Doc._similarity`` of these words is surely 0."""
    total = len(a) + len(b)
    if 2 * min(len(a), len(b)) < ratio * total:
        return False
    # quick_ratio counts each word of a matched in b at most as often as it
    # occurs there: never more than the words of a that occur in b at all.
    if 2.0 * sum(map(b_set.__contains__, a)) / total < ratio:
        return False
    if 2.0 * sum(map(a_set.__contains__, b)) / total < ratio:
        return False
    return _DIGITS.findall(" ".join(a)) == _DIGITS.findall(" ".join(b))


class _Doc:
    """Per-call precomputed facts about the blocks, with a near-match cache."""

    def __init__(self, blocks: Sequence[Block], options: Options) -> None:
        self.blocks = blocks
        self.options = options
        # normalize() and is_long(), with each block's words split once.
        self.words = [_fold_words(b.text) for b in blocks]
        self.norms = [" ".join(words) for words in self.words]
        self.keys = [
            None if b.protected else (b.kind, b.context, norm)
            for b, norm in zip(blocks, self.norms, strict=True)
        ]
        min_length, min_words = options.min_length, options.min_words
        self.long = [
            key is not None and len(norm) >= min_length and len(words) >= min_words
            for key, norm, words in zip(self.keys, self.norms, self.words, strict=True)
        ]
        self._near: dict[tuple[int, int], float] = {}

    def exact(self, a: int, b: int) -> bool:
        return self.keys[a] is not None and self.keys[a] == self.keys[b]

    def near(self, a: int, b: int) -> float:
        """Similarity of two long blocks if they near-match, else 0.0."""
        if not (self.long[a] and self.long[b]):
            return 0.0
        ka, kb = self.keys[a], self.keys[b]
        if ka[0] != kb[0] or ka[1] != kb[1]:
            return 0.0
        cached = self._near.get((a, b))
        if cached is not None:
            return cached
        result = self._similarity(a, b)
        self._near[(a, b)] = result
        return result

    def _similarity(self, a: int, b: int) -> float:
        if _DIGITS.findall(self.norms[a]) != _DIGITS.findall(self.norms[b]):
            return 0.0
        wa, wb = self.words[a], self.words[b]
        ratio = self.options.near_ratio
        if 2 * min(len(wa), len(wb)) < ratio * (len(wa) + len(wb)):
            return 0.0
        matcher = SequenceMatcher(None, wa, wb, autojunk=False)
        if matcher.real_quick_ratio() < ratio or matcher.quick_ratio() < ratio:
            return 0.0
        similarity = matcher.ratio()
        return similarity if similarity >= ratio else 0.0


def find_duplicates(blocks: Sequence[Block], options: Options = Options()) -> list[Decision]:
    """Return the decisions (removals and near-duplicate reports), by index.

    One left-to-right pass: at each block with an earlier kept copy, try to
    grow a copied run from a few recent copies; if no run qualifies, a long
    block still goes on its own. Removed blocks never serve as originals, and
    blocks already used as originals are never removed, so every decision
    points at a kept block and a second pass finds nothing.
    """
    doc = _Doc(blocks, options)
    removed: dict[int, Decision] = {}
    referenced: set[int] = set()
    kept_at: dict[tuple, list[int]] = defaultdict(list)
    dead: dict[int, int] = {}
    n = len(blocks)
    i = 0
    while i < n:
        key = doc.keys[i]
        if key is None:
            i += 1
            continue
        earlier = kept_at.get(key)
        if earlier:
            run = _best_run(doc, earlier, i, removed, dead)
            if run is not None:
                for a, b, sim in _extend_back(doc, run, removed, referenced):
                    kept_at[doc.keys[b]].remove(b)
                    run.insert(0, (a, b, sim))
                for a, b, sim in run:
                    reason = "repeated-run" if sim == 1.0 else "edited-copy-in-run"
                    removed[b] = Decision(b, "remove", reason, a, sim)
                    referenced.add(a)
                i = run[-1][1] + 1
                continue
            if doc.long[i]:
                first = earlier[0]
                removed[i] = Decision(i, "remove", "repeated-block", first, 1.0)
                referenced.add(first)
                i += 1
                continue
        kept_at[key].append(i)
        i += 1
    decisions = list(removed.values()) + _near_reports(doc, removed)
    decisions.sort(key=lambda d: d.index)
    return decisions


def _best_run(
    doc: _Doc, earlier: list[int], i: int, removed: dict[int, Decision], dead: dict[int, int]
) -> list[tuple[int, int, float]] | None:
    """Longest qualifying run starting at ``i``, copied from a recent copy.

    ``dead`` maps an offset i - j to where the last failed run on it ended: a
    run starting inside a failed one is its suffix, so it cannot qualify
    either, and skipping it keeps long near-matching stretches linear.
    """
    best = None
    for j in earlier[-_RUN_CANDIDATES:]:
        if dead.get(i - j, -1) > i:
            continue
        steps: list[tuple[int, int, float]] = []
        exact = exact_long = 0
        n = len(doc.keys)
        while i + len(steps) < n and j + len(steps) < i:
            a, b = j + len(steps), i + len(steps)
            if a in removed:
                break
            if doc.exact(a, b):
                sim = 1.0
                exact += 1
                exact_long += doc.long[b]
            else:
                sim = doc.near(a, b)
                if not sim:
                    break
            steps.append((a, b, sim))
        qualifies = len(steps) >= 2 and exact >= 2 and exact_long >= 1
        if not qualifies:
            dead[i - j] = i + len(steps)
        elif best is None or len(steps) > len(best):
            best = steps
    return best


def _extend_back(
    doc: _Doc,
    run: list[tuple[int, int, float]],
    removed: dict[int, Decision],
    referenced: set[int],
) -> list[tuple[int, int, float]]:
    """Steps that extend ``run`` backwards, nearest first.

    Catches the edited first paragraph of a copied run, which could not
    start the run because it has no exact earlier copy.
    """
    j, i = run[0][0], run[0][1]
    earlier_end = run[-1][0]
    steps = []
    m = 1
    while j - m >= 0 and i - m > earlier_end:
        a, b = j - m, i - m
        if a in removed or b in removed or b in referenced or doc.keys[b] is None:
            break
        sim = 1.0 if doc.exact(a, b) else doc.near(a, b)
        if not sim:
            break
        steps.append((a, b, sim))
        m += 1
    return steps


def _near_reports(doc: _Doc, removed: dict[int, Decision]) -> list[Decision]:
    """Report kept long blocks that closely resemble an earlier kept block.

    Candidates come from an inverted index of word 3-grams, built per place
    (kind and context), so only blocks sharing wording are ever compared.
    """
    places: dict[tuple, list[int]] = defaultdict(list)
    for i, long in enumerate(doc.long):
        if long and i not in removed:
            places[doc.keys[i][:2]].append(i)
    reports = []
    for indices in places.values():
        if len(indices) > 1:
            reports += _near_reports_in(doc, indices)
    return reports


def _near_reports_in(doc: _Doc, indices: list[int]) -> list[Decision]:
    """Near-duplicate reports among the long kept blocks of one place.

    3-grams are kept as their hashes (ints, which the garbage collector does
    not track) and handled with set operations, in C: only the 3-grams that
    two blocks share ever reach a Python loop. A hash collision can only add
    a candidate, which the similarity check then judges on the words; and
    this search only ever reports.
    """
    shingles = [set(map(hash, _grams(doc.words[i]))) for i in indices]
    repeated = _shared(shingles)
    if not repeated:  # most posts: no 3-gram in two blocks, nothing can be near
        return []
    df = Counter(chain.from_iterable(grams & repeated for grams in shingles))
    common = {g for g, n in df.items() if n <= _MAX_SHINGLE_DF}
    postings: dict[int, list[int]] = defaultdict(list)
    reports = []
    for i, grams in zip(indices, shingles, strict=True):
        usable = grams & common
        shared: dict[int, int] = defaultdict(int)
        for g in usable:
            for j in postings.get(g, ()):
                shared[j] += 1
        ranked = sorted(shared, key=lambda j: (-shared[j], j))[:_NEAR_CANDIDATES]
        best, best_sim = -1, 0.0
        for j in ranked:
            sim = doc.near(j, i)
            if sim > best_sim or (sim == best_sim and sim and j < best):
                best, best_sim = j, sim
        if best >= 0:
            reports.append(Decision(i, "report", "near-duplicate", best, best_sim))
        for g in usable:
            postings[g].append(i)
    return reports


def _grams(words: list[str]) -> Iterator[tuple]:
    """A block's word 3-grams, or its whole text if shorter."""
    if len(words) < 3:
        return iter((tuple(words),))
    return zip(words, words[1:], words[2:], strict=False)
