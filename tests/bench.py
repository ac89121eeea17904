"""`make bench`: figures for the duplicate-paragraph plugin, on generated data.

Generated posts are the diary's own sentences in a new order (paragraphs, a
list, a heading, sometimes code; one post in ten with a copied run), so they
share phrases as one writer's posts do. Prints (goals from the issue in
brackets):
- milliseconds per typical post for the plugin's work: find blocks, decide,
  cut [<= 5 ms];
- seconds for one post of 2,000 blocks [< 1 s];
- the quick screen on the N generated posts: microseconds per post, and how
  many it sends on to the full check (of which how many have duplicates);
- the plugin's whole work on posts of real prose (paragraphs of the diary
  and the README): microseconds per post, and how many pass the screen;
- whole-site build time of N generated posts with and without the plugin,
  measured side by side in one run, alternating, and their ratio [<= 1.03];
- then the whole site's figures: cold and warm builds, the ratio to Hugo, the
  plugin's share and peak memory (tests/bench_site.py), and how soon a saved
  edit reaches output/ under `pelican -lr` (tests/bench_devserver.py).

Usage: python -m tests.bench [--posts 1000] [--rounds 3]
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import markdown

sys.path[:0] = [str(Path(__file__).resolve().parent.parent / p) for p in ("plugins", "")]

from dedup import core, html_blocks, repair  # noqa: E402
from dedup.settings import read_settings  # noqa: E402

import pelicanconf  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "tests" / "data" / "blogger-seed.txt").read_text(encoding="utf-8")
# Words drawn from the diary itself, with their natural frequencies.
WORDS = re.findall(r"[a-z']+", SEED.lower())
# The diary's own sentences (its March 3 post was saved twice: each kept once),
# so that generated posts share phrases as one writer's posts do.
SENTENCES = [
    s
    for s in dict.fromkeys(re.split(r"(?<=[.!?])\s+", " ".join(SEED.split())))
    if len(s.split()) >= 3
]
TAGS = ["interviews", "networking", "resume", "offers", "strategy", "b1", "b12", "2013"]
CATEGORIES = ["Job search", "Career", "Notes"]
OPTIONS = core.Options()
SETTINGS = read_settings({})
SITE_PLUGINS = json.dumps(pelicanconf.PLUGINS)
WITHOUT_DEDUP = json.dumps([p for p in pelicanconf.PLUGINS if p != "dedup"])
WIDE = {**os.environ, "COLUMNS": "300"}  # one log line per line


def might_repeat(html):
    """The plugin's quick screen: False only when no decision is possible."""
    texts = [b.block.text for b in html_blocks.find_blocks(html)]
    return core.could_have_decisions(texts, OPTIONS)


def sentence(rng, words=None):
    n = words or rng.randint(6, 18)
    text = " ".join(rng.choice(WORDS) for _ in range(n))
    return text[0].upper() + text[1:] + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def post_body(rng, paragraphs=8, duplicated=False):
    """A realistic Markdown body: paragraphs, a list, a heading, some code.

    The paragraphs and list items are the diary's sentences in a new order,
    none twice in a post: the only repeats are the copied run of a post
    with ``duplicated``.
    """
    counts = [rng.randint(2, 5) for _ in range(paragraphs)]
    pool = iter(rng.sample(SENTENCES, min(len(SENTENCES), sum(counts) + 4)))
    blocks = [" ".join(next(pool) for _ in range(n)) for n in counts]
    blocks.insert(2, "\n".join(f"{i}. {next(pool)}" for i in range(1, 5)))
    blocks.insert(4, f"## {sentence(rng, 3)[:-1]}")
    if rng.random() < 0.3:
        blocks.insert(5, "```python\nfor offer in offers:\n    print(offer)\n```")
    if duplicated:
        start = rng.randint(1, len(blocks) // 2)
        blocks += blocks[start:]
    return "\n\n".join(blocks) + "\n"


def generate_site(folder, posts, seed=2013, duplicated_every=10):
    rng = random.Random(seed)
    (folder / "posts").mkdir(parents=True)
    for n in range(posts):
        day = 1 + n % 28
        month = 1 + (n // 28) % 12
        year = 2013 + (n // (28 * 12)) % 13  # 2013 to 2025: none in the future
        tags = ", ".join(rng.sample(TAGS, 2))
        text = (
            f"Title: Post {n}: {sentence(rng, 4)[:-1]}\n"
            f"Date: {year}-{month:02d}-{day:02d} 09:{n % 60:02d}\n"
            f"Category: {rng.choice(CATEGORIES)}\nTags: {tags}\n\n"
            + post_body(rng, duplicated=bool(duplicated_every) and n % duplicated_every == 0)
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
            html_blocks.clear_caches()  # each run parses, as in a build
            if not might_repeat(html):
                continue
            found = html_blocks.find_blocks(html)
            decisions = core.find_duplicates([b.block for b in found])
            removed = [d.index for d in decisions if d.action == "remove"]
            if removed:
                html_blocks.cut_blocks(html, found, removed)
        best = min(best, (time.perf_counter() - start) / repeat)
    return best


def screen_figures(posts):
    """The quick screen on every generated post: cost per post, and who passes."""
    with tempfile.TemporaryDirectory(prefix="dedup-screen-") as tmp:
        generate_site(Path(tmp) / "content", posts)
        sources = sorted((Path(tmp) / "content" / "posts").glob("*.md"))
        htmls = [render(p.read_text(encoding="utf-8").split("\n\n", 1)[1]) for p in sources]
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        passed = [html for html in htmls if might_repeat(html)]
        best = min(best, time.perf_counter() - start)
    found = sum(
        bool(core.find_duplicates([b.block for b in html_blocks.find_blocks(html)]))
        for html in passed
    )
    print(
        f"plugin, quick screen of {posts} generated posts: {best / posts * 1e6:.0f} \u00b5s "
        f"per post (best of 5); {len(passed)} go on to the full check, "
        f"{found} of them with duplicates"
    )


def prose_paragraphs():
    """Distinct paragraphs of real writing: the diary's seed, and this README's prose."""
    found = []
    for path in (ROOT / "tests" / "data" / "blogger-seed.txt", ROOT / "README.md"):
        for block in re.split(r"\n\s*\n|\n(?=[A-Z])", path.read_text(encoding="utf-8")):
            text = " ".join(block.split())
            if len(text.split()) >= 12 and text[0].isalpha() and text not in found:
                found.append(text)
    return found


def prose_figures(posts=300):
    """The plugin on posts of whole real paragraphs, from two kinds of writing.

    Paragraphs by one writer share phrases ("I had to", "one of the"); a
    screen that looked for any repeated 3-gram sent almost every such post
    on to the full check.
    """
    rng = random.Random(11)
    paragraphs = prose_paragraphs()
    htmls = [render("\n\n".join(rng.sample(paragraphs, rng.randint(6, 12)))) for _ in range(posts)]
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for html in htmls:
            html_blocks.clear_caches()
            repair.decide(html, SETTINGS.options)
        best = min(best, time.process_time() - start)
    passed = sum(might_repeat(html) for html in htmls)
    words = statistics.median(
        len(" ".join(b.block.text for b in html_blocks.find_blocks(html)).split()) for html in htmls
    )
    print(
        f"plugin, {posts} posts of real prose (6 to 12 of {len(paragraphs)} distinct paragraphs "
        f"of the diary and the README, median {words:.0f} words): {best / posts * 1e6:.0f} \u00b5s "
        f"CPU per post (best of 5); {passed} of {posts} pass the quick screen"
    )


def build_seconds(content, output, plugins):
    """Wall and CPU seconds of one `pelican` build (CPU: user + system)."""
    command = [
        str(Path(sys.executable).with_name("pelican")),
        str(content),
        "-o",
        str(output),
        "-s",
        str(ROOT / "pelicanconf.py"),
        "-e",
        f"PLUGINS={plugins}",
        # Cold builds, as before development builds cached content.
        "CACHE_CONTENT=false",
        "LOAD_CONTENT_CACHE=false",
    ]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    log = subprocess.run(
        command, cwd=ROOT, check=True, capture_output=True, text=True, env=WIDE
    ).stdout
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    inside = re.search(r"dedup: checked \d+ post\(s\) in ([\d.]+) s", log)
    return wall, cpu, float(inside[1]) if inside else 0.0


def compare_builds(posts, rounds, duplicated_every, kind):
    """Site builds with and without the plugin, alternating, in one run.

    With repeats, the build without the plugin also renders the repeated
    text, so the wall-time ratio understates the plugin's cost; the site
    without repeats and the plugin's own timing show it plainly.
    """
    with tempfile.TemporaryDirectory(prefix="dedup-bench-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", posts, duplicated_every=duplicated_every)
        runs = {"with": [], "without": []}
        for _ in range(rounds):  # alternate, so that noise hits both alike
            for name, plugins in (("with", SITE_PLUGINS), ("without", WITHOUT_DEDUP)):
                shutil.rmtree(tmp / "out", ignore_errors=True)
                runs[name].append(build_seconds(tmp / "content", tmp / "out", plugins))
        site = f"site of {posts} posts ({kind})"
        for label, pick in (("wall", 0), ("CPU", 1)):
            a = statistics.median(r[pick] for r in runs["with"])
            b = statistics.median(r[pick] for r in runs["without"])
            print(
                f"{site}, {label} time: {a:.2f} s with the plugin, {b:.2f} s without "
                f"(median of {rounds}); ratio {a / b:.3f}  [goal <= 1.03]"
            )
        share = statistics.median(r[2] / r[0] for r in runs["with"])
        inside = statistics.median(r[2] for r in runs["with"])
        print(
            f"{site}: the plugin's own time is {inside:.3f} s, {share:.1%} of the "
            f"build's wall time (timed by the plugin itself)  [goal <= 3%]"
        )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    rng = random.Random(7)

    for duplicated in (False, True):
        typical = render(post_body(rng, paragraphs=12, duplicated=duplicated))
        ms = plugin_seconds(typical, 200) * 1000
        print(
            f"plugin, typical post ({typical.count('<p>')} paragraphs, "
            f"{'with' if duplicated else 'no'} repeats): {ms:.2f} ms  [goal <= 5 ms]"
        )

    big_blocks = [paragraph(rng) for _ in range(1500)]
    big_blocks += big_blocks[700:1200]  # 2,000 blocks with a repeated run
    big = render("\n\n".join(big_blocks))
    seconds = plugin_seconds(big, 1)
    print(f"plugin, one post of {len(big_blocks)} blocks: {seconds:.3f} s  [goal < 1 s]")
    screen_figures(args.posts)
    prose_figures()

    for duplicated_every, kind in ((10, "one post in 10 with repeats"), (0, "no repeats")):
        compare_builds(args.posts, args.rounds, duplicated_every, kind)

    # Imported here: both modules import generate_site from this one.
    from tests import bench_devserver, bench_site

    bench_site.report(args.posts, args.rounds, bench_site.measure(args.posts, args.rounds))
    bench_devserver.report(args.posts, bench_devserver.measure(args.posts, edits=3))


if __name__ == "__main__":
    main()
