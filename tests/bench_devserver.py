"""`make bench`, devserver part: seconds from saving a post to its page in output/.

Starts `pelican -lr` (what `make devserver` runs) on N generated posts in a
temporary folder, waits for its first build, then saves an edit to one post
several times and polls the post's output file until the edit shows, printing
the median seconds. This is the latency a writer sees before reloading the
browser (the server then only reads the file).

Usage: python -m tests.bench_devserver [--posts 1000] [--edits 3]
"""

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import generate_site

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
TIMEOUT = 120


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, what, process):
    """Poll every 10 ms until predicate() is true; return the time it became so."""
    deadline = time.perf_counter() + TIMEOUT
    while not predicate():
        if process.poll() is not None:
            sys.exit(f"pelican -lr exited ({process.returncode}) while waiting for {what}")
        if time.perf_counter() > deadline:
            sys.exit(f"gave up after {TIMEOUT} s waiting for {what}")
        time.sleep(0.01)
    return time.perf_counter()


def measure(posts, edits):
    """Median seconds from saving an edit to the page in output/ holding it."""
    with tempfile.TemporaryDirectory(prefix="devserver-bench-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", posts)
        output, log_path = tmp / "out", tmp / "pelican.log"
        command = [
            str(PELICAN), "-lr", str(tmp / "content"), "-o", str(output),
            "-s", str(ROOT / "pelicanconf.py"), "-b", "127.0.0.1", "-p", str(free_port()),
            "-e", f"CACHE_PATH={json.dumps(str(tmp / 'cache'))}",
        ]  # fmt: skip
        with log_path.open("w") as log:
            process = subprocess.Popen(
                command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                env={**os.environ, "COLUMNS": "300"}, start_new_session=True,
            )  # fmt: skip
        try:
            builds = lambda: log_path.read_text().count("Done: Processed")  # noqa: E731
            wait_for(lambda: builds() == 1, "the first build", process)
            page = next(output.glob("*/*/post-1-*.html"))
            post = tmp / "content" / "posts" / "post-1.md"
            seconds = []
            for number in range(edits):
                # An edit saved while a build runs is only seen by the next
                # one: wait for the previous build to finish, then settle.
                wait_for(lambda n=number: builds() == n + 1, "the previous build", process)
                time.sleep(0.5)
                marker = f"Saved edit number {number}."
                with post.open("a", encoding="utf-8") as handle:
                    handle.write(f"\n{marker}\n")
                saved = time.perf_counter()
                shown = wait_for(lambda m=marker: m in page.read_text(), "the edit", process)
                seconds.append(shown - saved)
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)
    return seconds


def report(posts, seconds):
    print(
        f"devserver (pelican -lr), {posts} posts: a saved edit reaches output/ in "
        f"{statistics.median(seconds):.2f} s (median of {len(seconds)}; "
        f"{', '.join(f'{s:.2f}' for s in seconds)})  [goal < 2 s]"
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args(argv)
    report(args.posts, measure(args.posts, args.edits))


if __name__ == "__main__":
    main()
