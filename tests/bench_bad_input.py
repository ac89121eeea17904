"""Print how long bad input takes to build, why MAX_NESTING is 50, and how
content_guard's render-time estimate compares with Python-Markdown's real time.

Figures, not pass/fail: timings are noisy. Run with the project's virtualenv:

    make bench-bad-input   (python -m tests.bench_bad_input)
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from content_guard.budgets import estimate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
HEADER = "Title: {title}\nDate: 2013-04-01\n\n"
FEW_WORDS_HEADER = "Title: Few words\nDate: 2013-04-01\n"


def nested_list(depth):
    return "".join("    " * level + f"- level {level}\n" for level in range(depth))


def big_post():
    paragraph = "A paragraph of a very long imported post, with some words in it. " * 6
    return "\n\n".join(f"{paragraph} {n}" for n in range(13_000))


def few_words_twice(words):
    """Two paragraphs of `words` words from an 8-word vocabulary, one word apart:
    the worst case of the duplicate-paragraph plugin's word-by-word comparison."""
    vocabulary = ["apple", "banana", "cherry", "date", "elder", "fig", "grape", "honey"]
    text = [vocabulary[(n * 7 + n // 3) % 8] for n in range(words)]
    edited = text[: words // 2] + ["kiwi"] + text[words // 2 + 1 :]
    return f"{' '.join(text)}\n\n{' '.join(edited)}\n"


def timed_build(extra_posts, *options):
    """Seconds for a development build of content/ plus extra_posts."""
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        shutil.copytree(ROOT / "content", content)
        for name, text in extra_posts.items():
            (content / "posts" / name).write_text(text, encoding="utf-8")
        start = time.perf_counter()
        result = subprocess.run(
            [
                str(PELICAN),
                str(content),
                "-o",
                str(Path(folder) / "out"),
                "-s",
                "pelicanconf.py",
                *options,
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "1000"},
            timeout=600,
        )
        seconds = time.perf_counter() - start
        size = sum(len(text.encode()) for text in extra_posts.values())
        return seconds, result.returncode, size


def markdown_seconds(depth):
    """Seconds for Python-Markdown alone to render a list nested depth levels."""
    start = time.perf_counter()
    try:
        markdown.markdown(nested_list(depth))
        outcome = "ok"
    except RecursionError:
        outcome = "RecursionError"
    return time.perf_counter() - start, outcome


def main():
    deep = {"deep.md": HEADER.format(title="Deep") + nested_list(1000)}
    without_guard = ("-e", "PLUGINS=[]")
    cases = [
        ("no extra post", {}, ()),
        (
            "a 5 MB post (skipped: MAX_BYTES)",
            {"big.md": HEADER.format(title="Big") + big_post()},
            (),
        ),
        (
            "20 KB of '[' (skipped: MAX_RENDER_SECONDS, estimated)",
            {"brackets.md": HEADER.format(title="Brackets") + "[" * 20_000},
            (),
        ),
        ("a list nested 1000 levels (skipped by content_guard)", deep, ()),
        ("the same, without content_guard", deep, without_guard),
        (
            "two 10,000-word paragraphs of 8 words, one word apart",
            {"few-words.md": FEW_WORDS_HEADER + "\n" + few_words_twice(10_000)},
            (),
        ),
        (
            "the same, with Dedup: off",
            {"few-words.md": FEW_WORDS_HEADER + "Dedup: off\n\n" + few_words_twice(10_000)},
            (),
        ),
        (
            "1000 '>' quote marks (skipped by content_guard)",
            {"quote.md": HEADER.format(title="Quote") + ">" * 1000 + " deep\n"},
            (),
        ),
    ]
    print("Site builds (content/ plus one post), pelicanconf.py:")
    for label, posts, options in cases:
        seconds, status, size = timed_build(posts, *options)
        print(f"  {label:55} {seconds:6.2f} s  exit {status}  ({size / 1e6:.2f} MB added)")
    print("Render time, content_guard's estimate against Python-Markdown's (one paragraph):")
    for label, text in [
        ("'[' x 4,000", "[" * 4_000),
        ("'[' x 8,000", "[" * 8_000),
        ("'![a' x 3,000", "![a" * 3_000),
        ("'<a' x 20,000", "<a" * 20_000),
        ("'*a' x 100,000", "*a" * 100_000),
        ("'`a' x 40,000", "`a" * 40_000),
        ("a 5 MB post of plain paragraphs", big_post()),
        ("'[link](x) ' x 3,000", "[link](x) " * 3_000),
    ]:
        start = time.perf_counter()
        markdown.markdown(text)
        took = time.perf_counter() - start
        print(f"  {label:34} estimated {estimate(text)[0]:7.2f} s, took {took:7.2f} s")
    print("Python-Markdown alone, a list nested N levels (why MAX_NESTING is 50):")
    for depth in (50, 100, 200, 400):
        seconds, outcome = markdown_seconds(depth)
        print(f"  N = {depth:4}  {seconds:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
