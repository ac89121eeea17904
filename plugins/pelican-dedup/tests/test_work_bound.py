"""The word-by-word comparison is bounded per pair and per post (issue 19):
long blocks of few distinct words made SequenceMatcher run for minutes."""

import random

from pelican.plugins.dedup import core
from pelican.plugins.dedup.repair import repair_html

VOCABULARY = ["apple", "banana", "cherry", "date", "elder", "fig", "grape", "honey"]


def paragraph(rng, words):
    return " ".join(rng.choice(VOCABULARY) for _ in range(words))


def edited(text):
    words = text.split()
    words[len(words) // 2] = "kiwi"
    return " ".join(words)


def counting(monkeypatch):
    """Record len(a) * len(b) of every SequenceMatcher the rules build."""
    work = []
    real = core.SequenceMatcher

    def matcher(isjunk, a, b, autojunk=True):
        work.append(len(a) * len(b))
        return real(isjunk, a, b, autojunk=autojunk)

    monkeypatch.setattr(core, "SequenceMatcher", matcher)
    return work


def test_long_near_copies_are_not_compared_word_by_word(monkeypatch):
    work = counting(monkeypatch)
    text = paragraph(random.Random(1), 10_000)
    html = f"<p>{text}</p>\n<p>{edited(text)}</p>\n" * 3
    out, decisions = repair_html(html)
    assert all(w <= core._MAX_PAIR_WORK for w in work)
    assert sum(work) <= core._POST_WORK_BUDGET
    # The exact copies still go; the edited ones (each with a word of its own) stay.
    assert out.count("<p>") == 2
    assert "kiwi" in out
    assert len([d for d in decisions if d.action == "remove"]) == 4


def test_a_post_stops_comparing_when_its_budget_is_spent(monkeypatch):
    work = counting(monkeypatch)
    rng = random.Random(2)
    html = "".join(f"<p>{paragraph(rng, 900)}</p>\n" for _ in range(60))
    repair_html(html)
    assert sum(work) <= core._POST_WORK_BUDGET


def test_paragraphs_of_ordinary_length_are_still_compared():
    text = paragraph(random.Random(3), 300)
    _out, decisions = repair_html(f"<p>{text}</p>\n<p>Between.</p>\n<p>{edited(text)}</p>\n")
    assert [d.action for d in decisions] == ["report"]  # a near-duplicate, kept
