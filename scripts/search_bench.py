"""How long Pagefind takes to index a large site, and how big the index is.

Generates N posts (tests.bench.generate_site, the benchmark's posts), builds
them once with pelicanconf.py (the build itself indexes them), then runs the
indexing alone a few times on that output and prints the median time, the
index's size and its file count. For `make bench`:

    python -m scripts.search_bench [--posts 1000] [--rounds 3]

or, on a site already built, `index_figures(output, post_paths)`. Wall time
depends on how busy the cores are; the CPU time is Pagefind's own, summed
over its threads.
"""

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from search_index.index import build_index  # noqa: E402
from search_index.settings import read_settings  # noqa: E402


def index_figures(site, pages, rounds=3):
    """(median wall s, median CPU s, files, bytes) of indexing `pages` of the built `site`."""
    runs = [build_index(site, read_settings({}), pages) for _ in range(rounds)]
    wall = statistics.median(r.seconds for r in runs)
    cpu = statistics.median(r.cpu_seconds for r in runs)
    return wall, cpu, runs[-1].files, runs[-1].bytes


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    from tests.bench import generate_site  # noqa: PLC0415 - the benchmark's posts
    from tests.conftest import run_pelican  # noqa: PLC0415 - the tests' way to build

    with tempfile.TemporaryDirectory() as folder:
        content, output = Path(folder) / "content", Path(folder) / "output"
        generate_site(content, args.posts)
        result = run_pelican(content, output)
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        posts = [p.relative_to(output).as_posix() for p in output.glob("[0-9]*/[0-9]*/*.html")]
        posts = [p for p in posts if not p.endswith("index.html")]
        assert len(posts) == args.posts, f"{len(posts)} post pages, not {args.posts}"
        wall, cpu, files, size = index_figures(output, posts, args.rounds)
    print(
        f"Search index (Pagefind) of {args.posts} posts: {wall:.2f} s wall, {cpu:.2f} s CPU"
        f" (median of {args.rounds}); {size / 1024 / 1024:.1f} MB in {files} files"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
