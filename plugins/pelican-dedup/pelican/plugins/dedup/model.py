"""What the rules take and give: blocks, thresholds, decisions (plain data)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Block", "Decision", "Options"]


@dataclass(frozen=True)
class Block:
    """One block of a post, as seen by the rules.

    ``media`` and ``links`` are the image or media sources and link targets
    it shows; ``inner`` counts the blocks that follow it and sit inside it
    (a list item's own text before its nested list): it goes only with them.
    """

    kind: str
    context: tuple[str, ...]
    text: str
    protected: bool = False
    media: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    inner: int = 0


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
