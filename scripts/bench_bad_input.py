"""Print how long bad input takes to build, and why MAX_NESTING is 50.

Figures, not pass/fail: timings are noisy. Run with the project's virtualenv:

    .venv/bin/python scripts/bench_bad_input.py
"""

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
HEADER = "Title: {title}\nDate: 2013-04-01\n\n"


def nested_list(depth):
    return "".join("    " * level + f"- level {level}\n" for level in range(depth))


def big_post():
    paragraph = "A paragraph of a very long imported post, with some words in it. " * 6
    return "\n\n".join(f"{paragraph} {n}" for n in range(13_000))


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
    without_guard = ("-e", 'PLUGINS=["build_guard"]')
    cases = [
        ("no extra post", {}, ()),
        ("a 5 MB post", {"big.md": HEADER.format(title="Big") + big_post()}, ()),
        ("a list nested 1000 levels (skipped by content_guard)", deep, ()),
        ("the same, without content_guard", deep, without_guard),
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
    print("Python-Markdown alone, a list nested N levels (why MAX_NESTING is 50):")
    for depth in (50, 100, 200, 400):
        seconds, outcome = markdown_seconds(depth)
        print(f"  N = {depth:4}  {seconds:6.2f} s  {outcome}")


if __name__ == "__main__":
    main()
