"""Decide which blocks of a post are duplicates: blocks in, decisions out.

Kept pure (no Pelican, no HTML parser, no logging) so that the same rules serve
the build-time plugin, the source checker and an importer, and so that they
can be tested on plain lists. Finding copies is ``find_duplicates``; deciding
which copy may go without losing a word is ``keep_words``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from itertools import chain

from .keep_words import keep_words
from .model import Block, Decision, Options
from .screen import could_have_decisions, grams, shared
from .text import content_of, fold_words, is_long, length, normalize, units

__all__ = [
    "Block",
    "Decision",
    "Options",
    "could_have_decisions",
    "find_duplicates",
    "is_long",
    "normalize",
]


DEFAULT_OPTIONS = Options()
_DIGITS = re.compile(r"\d+")
_NOT_WORD = re.compile(r"\W+")
# Inside a repeated run a list is a list, numbered or not.
_LOOSE = {"ol": "list", "ul": "list"}

# How many recent kept copies of a block may start a run; bounds the work.
_RUN_CANDIDATES = 4
# Shingles shared by more blocks than this say nothing about similarity.
_MAX_SHINGLE_DF = 50
# How many shingle-ranked candidates get the (costly) SequenceMatcher check.
_NEAR_CANDIDATES = 3
# SequenceMatcher is quadratic on long blocks of few distinct words: two
# 10,000-word paragraphs of an 8-word vocabulary took minutes. A pair longer
# than this (words of one times words of the other) is not compared word by
# word, and a post stops comparing once it has spent the whole budget: such
# blocks can still go as exact copies, never as near ones. (0.04 s for a
# pair of 1,000-word paragraphs of 8 words; the budget is 20 such pairs.)
_MAX_PAIR_WORK = 1_000_000
_POST_WORK_BUDGET = 20_000_000


class _Doc:
    """Per-call precomputed facts about the blocks, with a near-match cache."""

    def __init__(self, blocks: Sequence[Block], options: Options) -> None:
        self.blocks = blocks
        self.options = options
        words = [fold_words(b.text) for b in blocks]
        self.norms = [" ".join(w) for w in words]
        self.units = list(map(units, words))
        # A block with neither text nor anything to show is no block (a spacer).
        self.keys = [
            None if b.protected or not (norm or b.media) else (b.kind, b.context, norm, b.media)
            for b, norm in zip(blocks, self.norms, strict=True)
        ]
        self.loose = [
            None if k is None else (k[0], tuple(_LOOSE.get(c, c) for c in k[1]), *k[2:])
            for k in self.keys
        ]
        min_length, min_words = options.min_length, options.min_words
        self.long = [
            key is not None
            and key[0] != "table"
            and length(norm) >= min_length
            and len(u) >= min_words
            for key, norm, u in zip(self.keys, self.norms, self.units, strict=True)
        ]
        self.refrains: set = set()  # set by find_duplicates
        self._content: dict[int, frozenset] = {}
        self._near: dict[tuple[int, int], float] = {}
        self._work_left = _POST_WORK_BUDGET

    def affordable(self, a: list, b: list) -> bool:
        """Whether two word lists may still be compared word by word (and count it)."""
        work = len(a) * len(b)
        if work > _MAX_PAIR_WORK or work > self._work_left:
            return False
        self._work_left -= work
        return True

    def content(self, i: int) -> frozenset:
        held = self._content.get(i)
        if held is None:
            b = self.blocks[i]
            held = self._content[i] = content_of(self.norms[i], b.media, b.links)
        return held

    def same_content(self, a: int, b: int) -> bool:
        """Cheaply: the same words, sources and targets (same text, media, links)."""
        return self.exact(a, b) and self.blocks[a].links == self.blocks[b].links

    def exact(self, a: int, b: int) -> bool:
        return self.loose[a] is not None and self.loose[a] == self.loose[b]

    def near(self, a: int, b: int) -> float:
        """Similarity of two long blocks if they near-match, else 0.0."""
        if not (self.long[a] and self.long[b]):
            return 0.0
        ka, kb = self.loose[a], self.loose[b]
        if ka[0] != kb[0] or ka[1] != kb[1]:
            return 0.0
        cached = self._near.get((a, b))
        if cached is None:
            cached = self._near[(a, b)] = self._similarity(a, b)
        return cached

    def in_run(self, a: int, b: int) -> float:
        """How alike two blocks are as steps of a copied run, or 0.0.

        Besides exact and near copies, a run takes a long block whose every
        word, in order, is in its counterpart: a paragraph the newer save
        added a sentence to, or lost one from.
        """
        if self.exact(a, b):
            return 1.0
        sim = self.near(a, b)
        if sim or not (self.long[a] and self.long[b]):
            return sim
        ka, kb = self.loose[a], self.loose[b]
        if ka[0] != kb[0] or ka[1] != kb[1]:
            return 0.0
        short, full = sorted((_bare(self.units[a]), _bare(self.units[b])), key=len)
        if not self.affordable(short, full):
            return 0.0
        matcher = SequenceMatcher(None, short, full, autojunk=False)
        if sum(m.size for m in matcher.get_matching_blocks()) < len(short):
            return 0.0
        return matcher.ratio()

    def _similarity(self, a: int, b: int) -> float:
        ua, ub = self.units[a], self.units[b]
        if _DIGITS.findall(" ".join(ua)) != _DIGITS.findall(" ".join(ub)):
            return 0.0
        ratio = self.options.near_ratio
        if 2 * min(len(ua), len(ub)) < ratio * (len(ua) + len(ub)):
            return 0.0
        if not self.affordable(ua, ub):
            return 0.0
        matcher = SequenceMatcher(None, ua, ub, autojunk=False)
        if matcher.real_quick_ratio() < ratio or matcher.quick_ratio() < ratio:
            return 0.0
        similarity = matcher.ratio()
        return similarity if similarity >= ratio else 0.0


def _bare(units: list[str]) -> list[str]:
    """Units without their punctuation: "place," and "place." are one word."""
    return [bare for bare in (_NOT_WORD.sub("", u) for u in units) if bare]


def _refrains(keys: list) -> set:
    """Keys of blocks that recur three or more times, each time between different blocks.

    A poem's refrain or a repeated call to action is the author's; it stays
    unless a copied run takes it. Occurrences right next to one another are
    a doubled save, not a refrain, and do not count.
    """
    at: dict[tuple, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        if key is not None:
            at[key].append(i)
    refrains = set()
    n = len(keys)
    for key, places in at.items():
        if len(places) < 3:
            continue
        apart = [i for i in places if keys[i - 1 : i] != [key] and keys[i + 1 : i + 2] != [key]]
        around = {(keys[i - 1] if i else None, keys[i + 1] if i + 1 < n else None) for i in apart}
        if len(around) >= 3:
            refrains.add(key)
    return refrains


def find_duplicates(blocks: Sequence[Block], options: Options = DEFAULT_OPTIONS) -> list[Decision]:
    """Return the decisions (removals and near-duplicate reports), by index.

    One left-to-right pass finds the copies: at each block with an earlier
    copy, try to grow a copied run from a few recent copies; if no run
    qualifies, a long block repeated exactly is a copy on its own (not a
    refrain, not a block that only comes back between other blocks). Then
    ``keep_words`` decides which copy of each pair goes, so that no word,
    image or link is lost.
    """
    doc = _Doc(blocks, options)
    # Refrains are counted among the blocks that copied runs leave, as a
    # second pass over the result would count them.
    counts = Counter(k for k in doc.keys if k is not None)
    if counts and max(counts.values()) >= 3:
        in_runs = {b for _, steps in _find_copies(doc, singles=False) for _, b, _ in steps}
        doc.refrains = _refrains([k for i, k in enumerate(doc.keys) if i not in in_runs])
    groups = _find_copies(doc)
    removed, reports = keep_words(doc, groups)
    decisions = list(removed.values()) + reports
    reported = {d.index for d in reports}
    decisions += [d for d in _near_reports(doc, removed) if d.index not in reported]
    decisions.sort(key=lambda d: d.index)
    return decisions


def _find_copies(doc: _Doc, singles: bool = True) -> list[tuple[str, list[tuple[int, int, float]]]]:
    """Copied runs and single copies, each a list of (earlier, later, similarity)."""
    groups: list[tuple[str, list[tuple[int, int, float]]]] = []
    taken: set[int] = set()  # later copies found so far
    referenced: set[int] = set()
    kept_at: dict[tuple, list[int]] = defaultdict(list)
    dead: dict[int, int] = {}
    n = len(doc.keys)
    i = 0
    while i < n:
        key = doc.loose[i]
        if key is None:
            i += 1
            continue
        earlier = kept_at.get(key)
        if earlier:
            run = _best_run(doc, earlier, i, taken, dead)
            if run is not None:
                for a, b, sim in _extend_back(doc, run, taken, referenced):
                    kept_at[doc.loose[b]].remove(b)
                    run.insert(0, (a, b, sim))
                for a, b, _sim in run:
                    taken.add(b)
                    referenced.add(a)
                groups.append(("run", run))
                i = run[-1][1] + 1
                continue
            single = _single_copy(doc, earlier, i) if singles else None
            if single is not None:
                taken.add(i)
                referenced.add(single)
                groups.append(("single", [(single, i, 1.0)]))
                i += 1
                continue
        kept_at[key].append(i)
        i += 1
    return groups


def _single_copy(doc: _Doc, earlier: list[int], i: int) -> int | None:
    """The kept block that ``i`` repeats on its own, if it may go on its own."""
    if not doc.long[i]:
        return None
    same = [j for j in earlier if doc.keys[j] == doc.keys[i]]
    if not same:
        return None
    if doc.keys[i] in doc.refrains and doc.keys[i - 1] != doc.keys[i]:
        return None
    if _captions_different_media(doc, same[0], i):
        return None
    return same[0]


def _captions_different_media(doc: _Doc, j: int, i: int) -> bool:
    """True if both blocks stand next to an image or media, and those differ.

    A credit line under each photo ("Photo by the author") is the author's
    own repeat, one for each picture.
    """
    n = len(doc.keys)
    for step in (-1, 1):
        a, b = j + step, i + step
        if 0 <= a < n and 0 <= b < n and a != i and b != j:
            ka, kb = doc.keys[a], doc.keys[b]
            if ka is not None and kb is not None and ka[3] and kb[3] and ka[3] != kb[3]:
                # Unless the text beyond the pictures repeats too: then it is
                # a copied stretch in which one picture was changed.
                a2, b2 = a + step, b + step
                beyond = 0 <= a2 < n and 0 <= b2 < n and doc.exact(a2, b2)
                if not beyond:
                    return True
    return False


def _best_run(
    doc: _Doc, earlier: list[int], i: int, taken: set[int], dead: dict[int, int]
) -> list[tuple[int, int, float]] | None:
    """Longest qualifying run starting at ``i``, copied from a recent copy.

    A run qualifies with two steps, one of them a long exact match (the
    other steps are exact, or long and alike). ``dead`` maps
    an offset i - j to where the last failed run on it ended: a run starting
    inside a failed one is its suffix, so it cannot qualify either, and
    skipping it keeps long near-matching stretches linear.
    """
    best = None
    n = len(doc.keys)
    for j in earlier[-_RUN_CANDIDATES:]:
        if dead.get(i - j, -1) > i:
            continue
        steps: list[tuple[int, int, float]] = []
        exact_long = 0
        while i + len(steps) < n and j + len(steps) < i:
            a, b = j + len(steps), i + len(steps)
            if a in taken:
                break
            sim = doc.in_run(a, b)
            if not sim:
                break
            if sim == 1.0 and doc.exact(a, b):
                exact_long += doc.long[b]
            steps.append((a, b, sim))
        qualifies = len(steps) >= 2 and exact_long >= 1
        if not qualifies:
            dead[i - j] = i + len(steps)
        elif best is None or len(steps) > len(best):
            best = steps
    return best


def _extend_back(
    doc: _Doc, run: list[tuple[int, int, float]], taken: set[int], referenced: set[int]
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
        if a in taken or b in taken or b in referenced or doc.keys[b] is None:
            break
        sim = doc.in_run(a, b)
        if not sim:
            break
        steps.append((a, b, sim))
        m += 1
    return steps


def _near_reports(doc: _Doc, removed: dict[int, Decision]) -> list[Decision]:
    """Report kept long blocks that closely resemble an earlier kept block.

    Candidates come from an inverted index of 3-grams, built per place (kind
    and context), so only blocks sharing wording are ever compared.
    """
    places: dict[tuple, list[int]] = defaultdict(list)
    for i, long in enumerate(doc.long):
        if long and i not in removed:
            places[doc.loose[i][:2]].append(i)
    reports = []
    for indices in places.values():
        if len(indices) > 1:
            reports += _near_reports_in(doc, indices)
    return reports


def _near_reports_in(doc: _Doc, indices: list[int]) -> list[Decision]:
    """Near-duplicate reports among the long kept blocks of one place.

    3-grams are kept as their hashes and handled with set operations, in C:
    only the 3-grams that two blocks share ever reach a Python loop. A hash
    collision can only add a candidate, which the similarity check then
    judges on the units; and this search only ever reports.
    """
    shingles = [set(map(hash, grams(doc.units[i]))) for i in indices]
    repeated = shared(shingles)
    if not repeated:  # most posts: no 3-gram in two blocks, nothing can be near
        return []
    df = Counter(chain.from_iterable(g & repeated for g in shingles))
    common = {g for g, n in df.items() if n <= _MAX_SHINGLE_DF}
    postings: dict[int, list[int]] = defaultdict(list)
    reports = []
    for i, held in zip(indices, shingles, strict=True):
        usable = held & common
        sharing: dict[int, int] = defaultdict(int)
        for g in usable:
            for j in postings.get(g, ()):
                sharing[j] += 1
        ranked = sorted(sharing, key=lambda j: (-sharing[j], j))[:_NEAR_CANDIDATES]
        best, best_sim = -1, 0.0
        for j in ranked:
            if doc.keys[j] == doc.keys[i]:
                continue  # an exact copy kept on purpose: a refrain
            sim = doc.near(j, i)
            if sim > best_sim or (sim == best_sim and sim and j < best):
                best, best_sim = j, sim
        if best >= 0:
            reports.append(Decision(i, "report", "near-duplicate", best, best_sim))
        for g in usable:
            postings[g].append(i)
    return reports
