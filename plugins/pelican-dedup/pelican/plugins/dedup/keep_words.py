"""Which copy of a pair goes: never one that holds a word the other lacks.

``core`` finds copies (runs and single blocks); this decides, for each pair
of copies, what may be removed. A copy goes only when every word, image or
media source and link target in it is also in the copy that stays. When the
later copy holds everything the earlier one holds and more (a body saved
twice, the second save the newer), the earlier one goes and the fuller one
stays; a whole run is turned round at once, so the text keeps its order.
Copies that each hold something of their own both stay, reported as
near-duplicates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import Decision


def keep_words(doc, groups) -> tuple[dict[int, Decision], list[Decision]]:
    """Removals by index, and reports, for the copies ``core`` found."""
    state = _State(doc)
    for kind, steps in groups:
        if kind == "run" and state.later_is_fuller(steps):
            for a, b, sim in steps:
                state.flip(a, b, sim)
            continue
        for a, b, sim in steps:
            state.settle(kind, a, b, sim)
    state.keep_items_with_kept_insides()
    return state.removed, list(state.reports.values())


class _State:
    def __init__(self, doc) -> None:
        self.doc = doc
        self.removed: dict[int, Decision] = {}
        self.reports: dict[int, Decision] = {}
        self.holder_of: dict[int, int] = {}  # an earlier copy removed -> the copy kept for it
        self.pointing: dict[int, list[int]] = defaultdict(list)  # kept -> its copies removed

    def holder(self, a: int) -> int:
        while a in self.holder_of:
            a = self.holder_of[a]
        return a

    def later_is_fuller(self, steps) -> bool:
        doc = self.doc
        if any(a in self.removed for a, _, _ in steps):
            return False
        differ = [(a, b) for a, b, _ in steps if not doc.same_content(a, b)]
        return bool(differ) and all(doc.content(a) < doc.content(b) for a, b in differ)

    def settle(self, kind: str, a: int, b: int, sim: float) -> None:
        a = self.holder(a)
        if self.doc.same_content(a, b):
            held = later = frozenset()
        else:
            held, later = self.doc.content(a), self.doc.content(b)
        if later <= held:
            if kind == "single":
                reason = "repeated-block"
            else:
                reason = "repeated-run" if sim == 1.0 else "edited-copy-in-run"
            self.removed[b] = Decision(b, "remove", reason, a, sim)
            self.pointing[a].append(b)
        elif held <= later:
            self.flip(a, b, sim)
        else:
            similarity = sim if sim < 1.0 else self.doc.near(a, b) or sim
            self.reports[b] = Decision(b, "report", "near-duplicate", a, similarity)

    def flip(self, a: int, b: int, sim: float) -> None:
        """Remove the earlier copy ``a``; the later ``b`` holds all of it."""
        self.removed[a] = Decision(a, "remove", "older-copy", b, sim)
        self.holder_of[a] = b
        for c in self.pointing.pop(a, []):
            self.removed[c] = replace(self.removed[c], original=b)
            self.pointing[b].append(c)
        self.pointing[b].append(a)
        for index, report in list(self.reports.items()):
            if report.original == a:
                self.reports[index] = replace(report, original=b)

    def keep_items_with_kept_insides(self) -> None:
        """A list item's own text goes only with everything nested in it."""
        blocks = self.doc.blocks
        for i in sorted(self.removed, reverse=True):  # inner items first
            inner = blocks[i].inner
            if inner and not all(k in self.removed for k in range(i + 1, i + 1 + inner)):
                del self.removed[i]
