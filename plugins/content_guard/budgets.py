"""Keep one post from stalling or swamping the build: a size limit and a render-time budget.

A 20 MB post made Pelican use 1 GB; Python-Markdown's inline parsing is
quadratic in a paragraph's length times its count of some characters (a
20 KB paragraph of ``[`` took 34 s, ``*a`` x 200,000 took 45 s). A build runs
in one process, with no threads or timers, so a render cannot be cut off
once started. Instead:

- a file larger than CONTENT_GUARD['MAX_BYTES'] is skipped before it is read;
- before rendering, each paragraph's cost is estimated: for each ``[``,
  Markdown reads on to its matching ``]`` (to the paragraph's end if there is
  none), so the characters so read are counted; for ``<``, ``*``, ``_`` and
  backticks, which it retries at every position, the paragraph's length
  times their count. A post whose estimate is over
  CONTENT_GUARD['MAX_RENDER_SECONDS'] is skipped without rendering;
- a post that still took longer than the budget to render is skipped after.

The costs were measured with Python-Markdown 3.11 on one core of a 2-core
virtual machine (``[``: 4e-7 s a character read; ``<``: 3.6e-9 s, ``*``,
``_``, backtick: 3.5e-10 s per character and occurrence); a faster machine
only makes the estimate cautious. Code blocks (fenced, or indented by four
spaces) are not parsed inline and are left out of the estimate.
"""

import re

# Seconds per character Markdown reads looking for the "]" of a "[".
BRACKET_COST = 4e-7
# Seconds per (character of a paragraph x occurrence of the character in it).
COST = {"<": 3.6e-9, "*": 3.5e-10, "_": 3.5e-10, "`": 3.5e-10}
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_BRACKET = re.compile(r"[\[\]]")


def paragraphs(text):
    """(first line number, text) of each paragraph outside code blocks."""
    found, block, start, fenced = [], [], 1, False
    for number, line in enumerate(text.splitlines(), 1):
        if _FENCE.match(line):
            fenced = not fenced
            line = ""
        if fenced or not line.strip():
            if block:
                found.append((start, block))
            block = []
            continue
        if not block:
            start = number
        block.append(line)
    if block:
        found.append((start, block))
    return [
        (start, "\n".join(lines))
        for start, lines in found
        if not all(line.startswith(("    ", "\t")) for line in lines)
    ]


def bracket_reach(paragraph):
    """How many characters Markdown reads from each "[" to its "]" (or the end), summed."""
    total, opened = 0, []
    for match in _BRACKET.finditer(paragraph):
        if match.group() == "[":
            opened.append(match.start())
        elif opened:
            total += match.start() - opened.pop()
    return total + sum(len(paragraph) - start for start in opened)


def estimated_seconds(paragraph):
    """Roughly how long Python-Markdown takes on the inline parts of a paragraph."""
    retried = sum(paragraph.count(char) * cost for char, cost in COST.items())
    return bracket_reach(paragraph) * BRACKET_COST + len(paragraph) * retried


def estimate(text):
    """(estimated seconds for the whole text, line where its slowest paragraph starts)."""
    estimates = [(estimated_seconds(body), start) for start, body in paragraphs(text)]
    if not estimates:
        return 0.0, None
    return sum(seconds for seconds, _ in estimates), max(estimates)[1]
