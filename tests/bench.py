"""`make bench`: figures for the duplicate-paragraph plugin, on generated data.

Prints (goals from the issue in brackets):
- milliseconds per typical post for the plugin's work: find blocks, decide,
  cut [<= 5 ms];
- seconds for one post of 2,000 blocks [< 1 s];
- whole-site build time of N generated posts with and without the plugin,
  measured side by side in one run, alternating, and their ratio [<= 1.03].

Usage: python -m tests.bench [--posts 1000] [--rounds 3]
"""

import argparse
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))

from dedup import core, html_blocks  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
# Words drawn from the diary itself, with their natural frequencies.
WORDS = re.findall(r"[a-z']+", (ROOT / "tests" / "data" / "blogger-seed.txt").read_text().lower())
TAGS = ["interviews", "networking", "resume", "offers", "strategy", "b1", "b12", "2013"]
CATEGORIES = ["Job search", "Career", "Notes"]


def sentence(rng, words=None):
    n = words or rng.randint(6, 18)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def post_body(rng, paragraphs=8, duplicated=False):
    """A realistic Markdown body: paragraphs, a list, a heading, some code."""
    blocks = [paragraph(rng) for _ in range(paragraphs)]
    blocks.insert(2, "\n".join(f"{i}. {sentence(rng)}" for i in range(1, 5)))
    blocks.insert(4, f"## {sentence(rng, 3)[:-1]}")
    if rng.random() < 0.3:
        blocks.insert(5, "```python\nfor offer in offers:\n    print(offer)\n```")
    if duplicated:
        start = rng.randint(1, len(blocks) // 2)
        blocks += blocks[start:]
    return "\n\n".join(blocks) + "\n"


def generate_site(folder, posts, seed=2013):
    rng = random.Random(seed)
    (folder / "posts").mkdir(parents=True)
    for n in range(posts):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2013 + n // (28 * 12)
        tags = ", ".join(rng.sample(TAGS, 2))
        text = (
            f"Title: Post {n}: {sentence(rng, 4)[:-1]}\n"
            f"Date: {year}-{month:02d}-{day:02d} 09:{n % 60:02d}\n"
            f"Category: {rng.choice(CATEGORIES)}\nTags: {tags}\n\n"
            + post_body(rng, duplicated=n % 10 == 0)
        )
        (folder / "posts" / f"post-{n}.md").write_text(text, encoding="utf-8")


def render(body):
    return markdown.Markdown(extensions=["extra", "codehilite"]).convert(body)


def plugin_seconds(html, repeat):
    """Seconds per run of the plugin's whole work on one rendered post."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(repeat):
            found = html_blocks.find_blocks(html)
            decisions = core.find_duplicates([b.block for b in found])
            removed = [d.index for d in decisions if d.action == "remove"]
            if removed:
                html_blocks.cut_blocks(html, found, removed)
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def build_seconds(content, output, plugins):
    command = [
        str(Path(sys.executable).with_name("pelican")),
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-q",
        "-e",
        f"PLUGINS={plugins}",
    ]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(7)

    typical = render(post_body(rng, paragraphs=12, duplicated=True))
    ms = plugin_seconds(typical, 200) * 1000
    print(f"plugin, typical post ({typical.count('<p>')} paragraphs): {ms:.2f} ms  [goal <= 5 ms]")

    big_blocks = [paragraph(rng) for _ in range(1500)]
    big_blocks += big_blocks[700:1200]  # 2,000 blocks with a repeated run
    big = render("\n\n".join(big_blocks))
    seconds = plugin_seconds(big, 1)
    print(f"plugin, one post of {len(big_blocks)} blocks: {seconds:.3f} s  [goal < 1 s]")

    with tempfile.TemporaryDirectory(prefix="dedup-bench-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", args.posts)
        with_plugin, without = [], []
        for _ in range(args.rounds):  # alternate, so that noise hits both alike
            for plugins, times in (
                ('["dedup","build_guard"]', with_plugin),
                ('["build_guard"]', without),
            ):
                shutil.rmtree(tmp / "out", ignore_errors=True)
                times.append(build_seconds(tmp / "content", tmp / "out", plugins))
        a, b = statistics.median(with_plugin), statistics.median(without)
        print(
            f"site of {args.posts} posts: {a:.2f} s with the plugin, {b:.2f} s without "
            f"(median of {args.rounds}); ratio {a / b:.3f}  [goal <= 1.03]"
        )


if __name__ == "__main__":
    main()
