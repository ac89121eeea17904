"""Time an import of a generated Blogger export: ``python -m scripts.blogger_import.bench``.

The export holds --posts posts (1,000 by default) made of the seed page's
paragraphs (tests/data/blogger-seed.txt): half in the classic editor's
``<br />`` lines, half in ``<p>`` paragraphs, every tenth with its body saved
twice, four labels each, a comment on every fifth. It is written in both
formats and each is imported into a fresh copy of content/, in this process,
as `make import` would; the figure is the wall time of the import.
"""

import argparse
import datetime
import shutil
import tempfile
import time
from pathlib import Path

from pelican.settings import read_settings

from . import sample_export
from .importer import run

ROOT = Path(__file__).resolve().parents[2]
SEED = [
    line
    for line in (ROOT / "tests" / "data" / "blogger-seed.txt").read_text().split("\n")
    if len(line) > 60
]
LABELS = ["interviews", "networking", "job search", "product management", "tools", "hiring"]


def generated_entries(posts):
    """``posts`` posts over several years, as sample_export describes them."""
    mountain = datetime.timezone(datetime.timedelta(hours=-7))
    start = datetime.datetime(2013, 1, 1, 9, 0, tzinfo=mountain)
    entries = []
    for number in range(posts):
        published = start + datetime.timedelta(hours=31 * number)
        lines = [SEED[(number + k) % len(SEED)] for k in range(8)]
        if number % 10 == 0:
            lines += lines  # a body saved twice
        if number % 2:
            html = "<br /><br />".join(lines)
        else:
            html = "".join(f"<p>{line}</p>" for line in lines)
        entries.append(
            {
                "number": 100000 + number,
                "kind": "post",
                "title": f"Diary day {number}: {lines[0][:30]}",
                "published": published.isoformat(timespec="milliseconds"),
                "filename": f"/{published:%Y/%m}/diary-day-{number}.html",
                "labels": [LABELS[(number + k) % len(LABELS)] for k in range(4)],
                "html": html,
            }
        )
        if number % 5 == 0:
            entries.append(
                {
                    "number": 900000 + number,
                    "kind": "comment",
                    "parent": 100000 + number,
                    "published": published.isoformat(timespec="milliseconds"),
                    "html": "Good luck!",
                }
            )
    return entries


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    args = parser.parse_args(argv)
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    blog = {"title": "Bench", "author": "The Diarist", "host": "bench.blogspot.com"}
    entries = generated_entries(args.posts)
    with tempfile.TemporaryDirectory(prefix="blogger-bench-") as folder:
        folder = Path(folder)
        formats = (("feed.atom", sample_export.takeout), ("backup.xml", sample_export.backup))
        for name, write in formats:
            export = folder / name
            export.write_text(write(blog, entries), encoding="utf-8")
            content = folder / f"content-{name}"
            shutil.copytree(ROOT / "content", content)
            began = time.perf_counter()
            summary = run(export, content, settings)
            seconds = time.perf_counter() - began
            again = time.perf_counter()
            run(export, content, settings)
            second = time.perf_counter() - again
            size = export.stat().st_size / 1e6
            print(
                f"{name}: {summary.posts} posts ({size:.1f} MB), "
                f"{sum(summary.duplicates.values())} duplicated blocks removed: "
                f"import {seconds:.2f} s, second import (nothing to write) {second:.2f} s"
            )


if __name__ == "__main__":
    main()
