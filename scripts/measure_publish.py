"""Print figures about feeds and publishing: build times, the cost of the
atom_feeds plugin on a large synthetic site, compressed sizes, upload times.

Figures, not pass/fail: timings vary from one machine and run to the next.
Run: .venv/bin/python scripts/measure_publish.py [--posts 300]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import pelicanconf  # noqa: E402

PELICAN = Path(sys.executable).with_name("pelican")


def pelican(content, output, settings, *extra):
    started = time.perf_counter()
    subprocess.run(
        [str(PELICAN), str(content), "-o", str(output), "-s", str(ROOT / settings), "-q", *extra],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def median_time(runs, *args):
    return statistics.median(pelican(*args) for _ in range(runs))


def synthetic_content(folder, posts):
    """``posts`` posts of six paragraphs with links, in 5 categories and 20 tags."""
    (folder / "posts").mkdir(parents=True)
    for n in range(posts):
        tags = ", ".join(f"tag{(n + k) % 20}" for k in range(3))
        body = "\n\n".join(
            f"Paragraph {p} of post {n}, [a link](../other-{p}.html) and ![image](img-{p}.png) "
            + "words " * 60
            for p in range(6)
        )
        (folder / "posts" / f"post-{n}.md").write_text(
            f"Title: Post {n}\nDate: 2014-{n % 12 + 1:02d}-{n % 28 + 1:02d} {n % 24:02d}:00\n"
            f"Category: cat{n % 5}\nTags: {tags}\n\n{body}\n",
            encoding="utf-8",
        )


def sizes(output):
    raw = gz = br = 0
    for path in output.rglob("*"):
        if Path(f"{path}.gz").exists():
            raw += path.stat().st_size
            gz += Path(f"{path}.gz").stat().st_size
            br += Path(f"{path}.br").stat().st_size if Path(f"{path}.br").exists() else 0
    return raw, gz, br


def make(*args):
    started = time.perf_counter()
    subprocess.run(
        ["make", "--no-print-directory", *args, f"VENV={Path(sys.prefix)}"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=300, help="posts in the synthetic site")
    parser.add_argument("--runs", type=int, default=3, help="builds per timing (median)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="measure-publish-"))
    try:
        out = work / "out"
        dev = median_time(args.runs, ROOT / "content", out, "pelicanconf.py")
        prod = median_time(args.runs, ROOT / "content", out, "publishconf.py")
        print(f"site ({len(list((ROOT / 'content' / 'posts').glob('*.md')))} posts):")
        print(f"  development build      {dev:6.2f} s (median of {args.runs})")
        print(f"  production build       {prod:6.2f} s (with sitemap, .gz and .br copies)")
        feeds = sorted(out.rglob("*.atom.xml"))
        feed_bytes = sum(f.stat().st_size for f in feeds)
        print(f"  feeds                  {len(feeds)} files, {feed_bytes / 1024:.1f} KiB")
        raw, gz, br = sizes(out)
        print(f"  compressible text      {raw / 1024:7.1f} KiB")
        print(f"    as .gz               {gz / 1024:7.1f} KiB ({gz / raw:.0%})")
        print(f"    as .br               {br / 1024:7.1f} KiB ({br / raw:.0%})")

        (Path(sys.prefix) / ".installed").touch(exist_ok=True)  # keep make from reinstalling
        www, staged = work / "www", work / "staged"
        target = (f"PUBLISHDIR={staged}", f"RSYNC_TARGET={www}/")
        first = make("rsync_upload", *target)
        again = make("rsync_upload", *target)
        print(
            f"  make rsync_upload      {first:6.2f} s to an empty folder, {again:.2f} s unchanged"
        )

        content = work / "synthetic"
        synthetic_content(content, args.posts)
        with_plugin = median_time(args.runs, content, out, "pelicanconf.py")
        others = json.dumps([name for name in pelicanconf.PLUGINS if name != "atom_feeds"])
        without = median_time(args.runs, content, out, "pelicanconf.py", "-e", f"PLUGINS={others}")
        feeds = len(list(out.rglob("*.atom.xml")))
        print(f"synthetic site ({args.posts} posts, {feeds} feeds), development build:")
        print(f"  with atom_feeds        {with_plugin:6.2f} s")
        print(f"  with Pelican's writer  {without:6.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    os.environ.setdefault("COLUMNS", "200")
    sys.exit(main())
