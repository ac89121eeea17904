"""The duplicate-paragraph plugin, side by side with an earlier commit of it.

On the N generated posts of `make bench` (tests.bench.generate_site, rendered
by tests.bench.render), times in one process, alternating which goes first,
for this tree's plugins/dedup and the one at --against:
- the quick screen (plugin.might_repeat) over every post, and how many posts
  it sends on to the full check;
- all the plugin's work on every post: the result-cache key, the screen, and
  for the posts that pass, finding blocks, deciding and cutting.
Prints the medians and best of the rounds. A figure for comparing versions
on this machine, not a goal: cold builds are in tests/bench_site.py.

Usage: python -m tests.bench_screen --against c500eb7 [--posts 1000] [--rounds 7]
"""

import argparse
import importlib
import io
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from tests.bench import OPTIONS, generate_site, render

ROOT = Path(__file__).resolve().parent.parent


class _Settings:
    options = OPTIONS
    mode = "remove"


def load_plugin(name, folder):
    """Import dedup's modules from ``folder`` as the package ``name``."""
    sys.path.insert(0, str(folder.parent))
    try:
        return {m: importlib.import_module(f"{name}.{m}") for m in ("plugin", "result_cache")}
    finally:
        sys.path.pop(0)


def earlier_plugin(revision, into):
    """plugins/dedup as it was at ``revision``, unpacked into ``into``/dedup_then."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", revision, "plugins/dedup"],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    folder = into / "dedup_then"
    (into / "plugins" / "dedup").rename(folder)
    return load_plugin("dedup_then", folder)


def whole_work(modules):
    plugin, result_cache = modules["plugin"], modules["result_cache"]
    blocks = plugin.repair.html_blocks
    forget = getattr(blocks, "clear_caches", None) or blocks._parse.cache_clear

    def run(html):
        result_cache.key(html)
        forget()  # each post is parsed afresh, as in a build
        plugin.decide(html, _Settings)

    return run


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, help="a git revision, e.g. c500eb7")
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dedup-side-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", args.posts)
        sources = sorted((tmp / "content" / "posts").glob("*.md"))
        htmls = [render(p.read_text(encoding="utf-8").split("\n\n", 1)[1]) for p in sources]
        versions = {
            args.against: earlier_plugin(args.against, tmp),
            "this tree": load_plugin("dedup", ROOT / "plugins" / "dedup"),
        }
    tasks = {}
    for label, modules in versions.items():
        might_repeat = modules["plugin"].might_repeat
        tasks[f"screen, {label}"] = lambda html, f=might_repeat: f(html, OPTIONS)
        tasks[f"all the work, {label}"] = whole_work(modules)
    for label, modules in versions.items():
        passed = sum(modules["plugin"].might_repeat(html, OPTIONS) for html in htmls)
        print(f"{label}: the screen sends {passed} of {len(htmls)} posts on to the full check")
    runs = {name: [] for name in tasks}
    for number in range(args.rounds):  # alternate, so that noise hits both alike
        order = list(tasks) if number % 2 else list(reversed(tasks))
        for name in order:
            start = time.perf_counter()
            for html in htmls:
                tasks[name](html)
            runs[name].append(time.perf_counter() - start)
    for name, seconds in runs.items():
        print(
            f"{name}: {statistics.median(seconds) * 1000:.1f} ms for {len(htmls)} posts "
            f"(median of {args.rounds}; best {min(seconds) * 1000:.1f} ms)"
        )


if __name__ == "__main__":
    main()
