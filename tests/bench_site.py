"""`make bench`, site part: how long the whole site takes to build as it grows.

On N generated posts (tests.bench.generate_site) in a temporary folder, each
round builds, side by side:
- a cold build (no output, no content cache; it writes the cache),
- a warm rebuild after editing one post (Pelican's content cache loaded),
- both again with the output written by one process (parallel_writing off),
- if `hugo` is installed, a Hugo build of the same posts with minimal
  templates written here, as the yardstick of the issue.
It prints medians of wall and CPU time, the ratios to Hugo, the duplicate-
paragraph plugin's share (from its closing log line) and the peak memory
(max RSS) of each Pelican process (a worker that writes pages shares most
of its memory with the main process, so the two are not added).

Usage: python -m tests.bench_site [--posts 1000] [--rounds 3]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench import generate_site

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
WIDE = {**os.environ, "COLUMNS": "300"}  # one log line per line
PLUGIN_LINE = re.compile(r"dedup: checked \d+ post\(s\) in ([\d.]+) s")
HUGO_HINT = "apt-get install hugo (Debian package)"
# The same build with the output written by one process (parallel_writing off).
ONE_PROCESS = ("-e", 'PARALLEL_WRITING={"PROCESSES": 1}')

# Minimal Hugo templates: a page per post, paginated home, tag and category
# pages with summaries, and Hugo's default feeds. Enough to be a fair floor.
HUGO_CONFIG = """\
baseURL = "http://127.0.0.1:8000/"
title = "Bench"
paginate = 10
[permalinks]
posts = "/:year/:month/:slug/"
[taxonomies]
tag = "tags"
category = "categories"
[markup.highlight]
noClasses = false
"""
HUGO_LAYOUTS = {
    "_default/baseof.html": (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>{{ .Title }} · {{ .Site.Title }}</title></head><body>"
        '<nav><a href="/">Home</a></nav><main>{{ block "main" . }}{{ end }}</main>'
        "</body></html>\n"
    ),
    "_default/single.html": (
        '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
        '<p><time>{{ .Date.Format "Monday, January 2, 2006" }}</time> · '
        "{{ .ReadingTime }} min read</p>{{ .Content }}"
        '<p>{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a> '
        "{{ end }}</p>"
        '{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
        '{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}'
        "</article>{{ end }}\n"
    ),
    "_default/list.html": (
        '{{ define "main" }}<h1>{{ .Title }}</h1>'
        "{{ $pages := .Pages }}{{ if .IsHome }}{{ $pages = .Site.RegularPages }}{{ end }}"
        "{{ $pager := .Paginate $pages }}{{ range $pager.Pages }}"
        '<article><h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>'
        '<time>{{ .Date.Format "Monday, January 2, 2006" }}</time>'
        "{{ .Summary }}<p>{{ .ReadingTime }} min read</p></article>{{ end }}"
        '{{ with $pager.Next }}<a href="{{ .URL }}">Older posts</a>{{ end }}{{ end }}\n'
    ),
}


def pelican_settings(cache):
    """Overrides: the project's settings with the content cache in `cache`."""
    return [
        "-e",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        f"CACHE_PATH={json.dumps(str(cache))}",
    ]


def run_measured(command, cwd=ROOT):
    """Run a command; return wall s, CPU s (user + system), peak RSS MB, log."""
    with tempfile.TemporaryFile("w+") as log:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT, env=WIDE)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        text = log.read()
    if process.returncode != 0:
        sys.exit(f"{command[0]} failed (exit {process.returncode}):\n{text[-3000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, text


def pelican_build(content, output, cache, *extra):
    wall, cpu, rss, log = run_measured(
        [str(PELICAN), str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py")]
        + pelican_settings(cache)
        + list(extra)
    )
    inside = PLUGIN_LINE.search(log)
    return {"wall": wall, "cpu": cpu, "rss": rss, "plugin": float(inside[1]) if inside else 0.0}


def edit_one_post(content, round_number):
    """Append a paragraph to one post, as a writer saving an edit would."""
    post = content / "posts" / "post-1.md"
    with post.open("a", encoding="utf-8") as handle:
        handle.write(f"\nEdited in round {round_number}.\n")


def write_hugo_site(content, folder):
    """The same posts as a Hugo site: metadata turned into YAML front matter."""
    (folder / "content" / "posts").mkdir(parents=True)
    for name, text in HUGO_LAYOUTS.items():
        path = folder / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    for source in sorted((content / "posts").glob("*.md")):
        header, body = source.read_text(encoding="utf-8").split("\n\n", 1)
        meta = dict(line.split(": ", 1) for line in header.splitlines())
        front = {
            "title": meta["Title"],
            "date": meta["Date"].replace(" ", "T") + ":00Z",
            "categories": [meta["Category"]],
            "tags": [tag.strip() for tag in meta["Tags"].split(",")],
        }
        lines = [f"{key}: {json.dumps(value)}" for key, value in front.items()]
        (folder / "content" / "posts" / source.name).write_text(
            "---\n" + "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8"
        )


def hugo_build(hugo, folder):
    shutil.rmtree(folder / "public", ignore_errors=True)
    wall, cpu, rss, _log = run_measured([hugo, "--quiet", "--source", str(folder)], cwd=folder)
    return {"wall": wall, "cpu": cpu, "rss": rss}


def median(runs, key):
    return statistics.median(run[key] for run in runs)


def measure(posts, rounds):
    """Build `rounds` times cold, warm and with Hugo; return the runs by kind."""
    hugo = shutil.which("hugo")
    runs = {"cold": [], "warm": [], "hugo": [], "cold, one process": [], "warm, one process": []}
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", posts)
        if hugo:
            write_hugo_site(tmp / "content", tmp / "hugo")
        for number in range(rounds):
            for suffix, extra in (("", ()), (", one process", ONE_PROCESS)):
                for name in ("out", "cache"):
                    shutil.rmtree(tmp / name, ignore_errors=True)
                build = (tmp / "content", tmp / "out", tmp / "cache", *extra)
                runs["cold" + suffix].append(pelican_build(*build))
                edit_one_post(tmp / "content", number)
                runs["warm" + suffix].append(pelican_build(*build))
            if hugo:
                runs["hugo"].append(hugo_build(hugo, tmp / "hugo"))
    return runs


def report(posts, rounds, runs):
    of = f"median of {rounds}"
    for kind, label in (("cold", "cold build"), ("warm", "warm rebuild, one post edited")):
        print(
            f"site of {posts} posts, {label}: {median(runs[kind], 'wall'):.2f} s wall, "
            f"{median(runs[kind], 'cpu'):.2f} s CPU ({of})"
        )
    for kind in ("cold", "warm"):
        one, every = median(runs[f"{kind}, one process"], "wall"), median(runs[kind], "wall")
        print(
            f"  {kind}, output written by one process instead: {one:.2f} s wall "
            f"(writing on every core saves {1 - every / one:.0%})"
        )
    if runs["hugo"]:
        hugo_wall, hugo_cpu = median(runs["hugo"], "wall"), median(runs["hugo"], "cpu")
        print(
            f"hugo, same posts, minimal templates, cold: {hugo_wall:.2f} s wall, "
            f"{hugo_cpu:.2f} s CPU ({of})"
        )
        for kind, goal in (("cold", 3.5), ("warm", 2.0)):
            wall, cpu = median(runs[kind], "wall"), median(runs[kind], "cpu")
            print(
                f"ratio to hugo's cold build, {kind}: {wall / hugo_wall:.2f}x wall, "
                f"{cpu / hugo_cpu:.2f}x CPU  [goal <= {goal}x]"
            )
    else:
        print(f"hugo not installed, no ratio printed: {HUGO_HINT}")
    for kind in ("cold", "warm"):
        share = statistics.median(run["plugin"] / run["wall"] for run in runs[kind])
        print(
            f"dedup plugin's share of the {kind} build: {share:.1%} "
            f"({median(runs[kind], 'plugin'):.3f} s, timed by the plugin)  [goal <= 3%]"
        )
    peak = max(run["rss"] for run in runs["cold"] + runs["warm"])
    goal = "  [goal < 1024 MB at 10,000 posts]" if posts >= 10000 else ""
    print(f"peak memory of a pelican build, {posts} posts: {peak:.0f} MB (max RSS){goal}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    report(args.posts, args.rounds, measure(args.posts, args.rounds))


if __name__ == "__main__":
    main()
