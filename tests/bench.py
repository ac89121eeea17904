"""`make bench`: this site's build beside stock Pelican's, on the same posts, in one run.

Generated posts are the diary's own sentences in a new order (paragraphs, a
numbered list, a heading, sometimes code; one post in ten with a copied run),
so they share phrases as one writer's posts do. Each round builds, taking
turns so that both see the same machine load:

- this site (pelicanconf.py: every plugin, this theme) and
- stock Pelican (no plugins, its default theme, its default settings with the
  content cache on, as this site has it; no search index),

cold (no output, no cache), then warm (one post edited, the content cache
loaded), then warm again with only a draft edited (no published page changes,
so this site puts back its kept search index), and prints medians side by side
with the goals. It also prints the duplicate-paragraph plugin's share of a
cold build's CPU (the plugin times its own work), the time and size of the
search index, the peak memory of each build, and how soon a saved edit reaches
output/ under `pelican -lr` (what `make devserver` runs). With `hugo` on PATH
it builds the same posts with Hugo and minimal templates, as a reference.

Figures, never a pass or fail: docs/benchmarks.md keeps them with their date.
Usage: python -m tests.bench [--posts 1000] [--rounds 3] [--no-devserver]
"""

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
WIDE = {**os.environ, "COLUMNS": "300"}  # one log line per line
PLUGIN_LINE = re.compile(r"dedup: checked \d+ post\(s\) in ([\d.]+) s")
SEARCH_LINE = re.compile(r"search_index: indexed \d+ .* in ([\d.]+) s: (\d+) files, (\d+) KB")
SEED = (ROOT / "tests" / "data" / "blogger-seed.txt").read_text(encoding="utf-8")
WORDS = re.findall(r"[a-z']+", SEED.lower())
# The diary's sentences, each once (its March 3 post was saved twice).
SENTENCES = [
    s
    for s in dict.fromkeys(re.split(r"(?<=[.!?])\s+", " ".join(SEED.split())))
    if len(s.split()) >= 3
]
TAGS = ["interviews", "networking", "resume", "offers", "strategy", "b1", "b12", "2013"]
CATEGORIES = ["Job search", "Career", "Notes"]
STOCK_SETTINGS = """\
# Stock Pelican: its defaults, no plugins, its own theme; the content cache on.
PATH = "content"
TIMEZONE = "UTC"
PLUGINS = []
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
"""
DEVSERVER_TIMEOUT = 120
HUGO_CONFIG = """\
baseURL = "http://127.0.0.1:8000/"
title = "Bench"
paginate = 10
[permalinks]
posts = "/:year/:month/:slug/"
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}'
        '</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>\n'
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }}'
        " · {{ .ReadingTime }} min read</p>{{ .Content }}</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}{{ range (.Paginate .Site.RegularPages).Pages }}<article><h2>'
        '<a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>{{ .Summary }}</article>'
        "{{ end }}{{ end }}\n"
    ),
}


def sentence(rng, words):
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def post_body(rng, duplicated):
    """Paragraphs, a list, a heading, sometimes code; a copied run if duplicated."""
    counts = [rng.randint(2, 5) for _ in range(8)]
    pool = iter(rng.sample(SENTENCES, min(len(SENTENCES), sum(counts) + 4)))
    blocks = [" ".join(next(pool) for _ in range(n)) for n in counts]
    blocks.insert(2, "\n".join(f"{i}. {next(pool)}" for i in range(1, 5)))
    blocks.insert(4, f"## {sentence(rng, 3)[:-1]}")
    if rng.random() < 0.3:
        blocks.insert(5, "```python\nfor offer in offers:\n    print(offer)\n```")
    if duplicated:
        blocks += blocks[rng.randint(1, len(blocks) // 2) :]
    return "\n\n".join(blocks) + "\n"


def generate_site(folder, posts, seed=2013):
    """N dated posts in folder/posts, 2013 to 2025 (none in the future)."""
    rng = random.Random(seed)
    (folder / "posts").mkdir(parents=True)
    for n in range(posts):
        date = f"{2013 + (n // 336) % 13}-{1 + (n // 28) % 12:02d}-{1 + n % 28:02d} 09:{n % 60:02d}"
        header = (
            f"Title: Post {n}: {sentence(rng, 4)[:-1]}\nDate: {date}\n"
            f"Category: {rng.choice(CATEGORIES)}\nTags: {', '.join(rng.sample(TAGS, 2))}\n\n"
        )
        body = post_body(rng, duplicated=n % 10 == 0)
        (folder / "posts" / f"post-{n}.md").write_text(header + body, encoding="utf-8")
    header = "Title: A draft in progress\nDate: 2013-01-01 09:00\nStatus: draft\n\n"
    (folder / "posts" / "draft.md").write_text(header + post_body(rng, False), encoding="utf-8")


def run_measured(command, cwd):
    """Run a command to its end; return wall s, CPU s, peak RSS MB and its log."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=WIDE)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        log.seek(0)
        text = log.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{command[0]} failed:\n{text[-3000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss / 1024,
            "log": text}  # fmt: skip


class Site:
    """One way of building the posts: this site's settings, or stock Pelican's."""

    def __init__(self, name, settings, folder, *extra):
        self.name, self.settings, self.folder, self.extra = name, settings, folder, extra
        self.runs = {"cold": [], "warm": [], "draft": []}

    def command(self, *extra):
        return [
            str(PELICAN), *extra, str(self.folder / "content"), "-o", str(self.folder / "out"),
            "-s", str(self.settings), "--cache-path", str(self.folder / "cache"), *self.extra,
        ]  # fmt: skip

    def build(self, kind):
        run = run_measured(self.command(), cwd=ROOT)
        inside = PLUGIN_LINE.search(run["log"])
        run["plugin"] = float(inside[1]) if inside else None
        run["search"] = SEARCH_LINE.search(run["log"])
        self.runs[kind].append(run)

    def round(self, number):
        for name in ("out", "cache"):
            shutil.rmtree(self.folder / name, ignore_errors=True)
        self.build("cold")
        with (self.folder / "content" / "posts" / "post-1.md").open("a", encoding="utf-8") as f:
            f.write(f"\nEdited in round {number}.\n")
        self.build("warm")
        with (self.folder / "content" / "posts" / "draft.md").open("a", encoding="utf-8") as f:
            f.write(f"\nDraft edited in round {number}.\n")
        self.build("draft")

    def median(self, kind, key):
        return statistics.median(run[key] for run in self.runs[kind])


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, what, process):
    """Poll every 10 ms until predicate() holds; the time it did."""
    deadline = time.perf_counter() + DEVSERVER_TIMEOUT
    while not predicate():
        if process.poll() is not None or time.perf_counter() > deadline:
            sys.exit(f"pelican -lr stopped or took over {DEVSERVER_TIMEOUT} s: {what}")
        time.sleep(0.01)
    return time.perf_counter()


def devserver_seconds(site, edits=3):
    """Seconds from saving an edit to the post's page in output/ holding it."""
    log_path = site.folder / "devserver.log"
    port = ["-b", "127.0.0.1", "-p", str(free_port())]
    with log_path.open("w") as log:
        process = subprocess.Popen(
            site.command("-lr", *port), cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
            env=WIDE, start_new_session=True,
        )  # fmt: skip
    seconds = []
    try:
        builds = lambda: log_path.read_text().count("Done: Processed")  # noqa: E731
        wait_for(lambda: builds() >= 1, "the first build", process)
        post = site.folder / "content" / "posts" / "post-1.md"

        def page_text():
            # The output folder may be emptied and rewritten under our feet.
            try:
                page = next(site.folder.glob("out/**/post-1-*.html"), None)
                return page.read_text() if page else ""
            except OSError:
                return ""

        for number in range(edits):
            # An edit saved during a build is seen only by the next one.
            wait_for(lambda n=number: builds() >= n + 1, "the previous build", process)
            time.sleep(0.5)
            marker = f"Saved edit number {number}."
            with post.open("a", encoding="utf-8") as handle:
                handle.write(f"\n{marker}\n")
            saved = time.perf_counter()
            shown = wait_for(lambda m=marker: m in page_text(), "the edit", process)
            seconds.append(shown - saved)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    return statistics.median(seconds)


def hugo_seconds(hugo, content, folder, rounds):
    """Median wall seconds of a cold Hugo build of the same posts."""
    for name, text in HUGO_LAYOUTS.items():
        (folder / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / "layouts" / name).write_text(text, encoding="utf-8")
    (folder / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (folder / "content" / "posts").mkdir(parents=True)
    for source in (content / "posts").glob("*.md"):
        header, body = source.read_text(encoding="utf-8").split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        front = f"title: {json.dumps(meta['Title'])}\ndate: {meta['Date'].replace(' ', 'T')}:00Z"
        (folder / "content" / "posts" / source.name).write_text(
            f"---\n{front}\n---\n\n{body}", encoding="utf-8"
        )
    walls = []
    for _ in range(rounds):
        shutil.rmtree(folder / "public", ignore_errors=True)
        walls.append(run_measured([hugo, "--quiet", "--source", str(folder)], cwd=folder)["wall"])
    return statistics.median(walls)


def row(label, ours, stock, goal=""):
    ratio = f"{ours / stock:.2f}x" if stock else ""
    print(f"{label:<44} {ours:>9.2f} {stock:>9.2f} {ratio:>7}  {goal}")


def report(posts, rounds, ours, stock, unsearched):
    print(f"\n{posts} posts, median of {rounds} rounds, both built in turn in one run")
    print(f"{'':<44} {'this site':>9} {'stock':>9} {'ratio':>7}  goal")
    row("cold build, wall s", ours.median("cold", "wall"), stock.median("cold", "wall"),
        "<= 1.0x stock")  # fmt: skip
    row("cold build, CPU s", ours.median("cold", "cpu"), stock.median("cold", "cpu"))
    row("warm rebuild (one post edited), wall s", ours.median("warm", "wall"),
        stock.median("warm", "wall"), "<= 0.9x stock")  # fmt: skip
    row("warm rebuild, CPU s", ours.median("warm", "cpu"), stock.median("warm", "cpu"))
    row("warm rebuild (a draft edited), wall s", ours.median("draft", "wall"),
        stock.median("draft", "wall"))  # fmt: skip
    row("warm rebuild (a draft edited), CPU s", ours.median("draft", "cpu"),
        stock.median("draft", "cpu"))  # fmt: skip
    row("  this site without the search index: cold CPU s", unsearched.median("cold", "cpu"),
        stock.median("cold", "cpu"))  # fmt: skip
    row("  this site without the search index: warm CPU s", unsearched.median("warm", "cpu"),
        stock.median("warm", "cpu"))  # fmt: skip
    peak = {s.name: max(r["rss"] for runs in s.runs.values() for r in runs) for s in (ours, stock)}
    goal = "< 1024 MB at 10,000 posts" if posts >= 10000 else ""
    row("peak memory of a build, MB", peak["ours"], peak["stock"], goal)
    shares = [r["plugin"] / r["cpu"] for r in ours.runs["cold"] if r["plugin"] is not None]
    indexed = [r["search"] for r in ours.runs["cold"] if r["search"]]
    if indexed:
        seconds = statistics.median(float(m[1]) for m in indexed)
        print(f"search index (Pagefind) in a cold build: {seconds:.2f} s wall, {indexed[-1][2]} "
              f"files, {indexed[-1][3]} KB  goal < 5 s")  # fmt: skip
    if shares:
        seconds = ours.median("cold", "plugin")
        print(f"dedup plugin's share of a cold build's CPU: {statistics.median(shares):.1%} "
              f"({seconds:.3f} s, timed by the plugin)  goal <= 10%")  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-devserver", action="store_true", help="skip the devserver figure")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        ours = Site("ours", ROOT / "pelicanconf.py", tmp / "ours")
        stock = Site("stock", tmp / "stock" / "stockconf.py", tmp / "stock")
        unsearched = Site("unsearched", ROOT / "pelicanconf.py", tmp / "unsearched",
                          "-e", 'SEARCH_INDEX={"ENABLED": false}')  # fmt: skip
        for site in (ours, stock, unsearched):
            generate_site(site.folder / "content", args.posts)
        stock.settings.write_text(STOCK_SETTINGS, encoding="utf-8")
        for number in range(args.rounds):
            for site in (ours, stock, unsearched) if number % 2 == 0 else (stock, unsearched, ours):
                site.round(number)
        report(args.posts, args.rounds, ours, stock, unsearched)
        if not args.no_devserver:
            row("devserver: a saved edit in output/, s", devserver_seconds(ours),
                devserver_seconds(stock), "< 2 s")  # fmt: skip
        hugo = shutil.which("hugo")
        if hugo:
            seconds = hugo_seconds(hugo, ours.folder / "content", tmp / "hugo", args.rounds)
            print(f"hugo, same posts, minimal templates, cold build: {seconds:.2f} s wall "
                  "(a reference, not a goal)")  # fmt: skip
        else:
            print("hugo not installed (apt-get install hugo): no Hugo reference printed")


if __name__ == "__main__":
    main()
