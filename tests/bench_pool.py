"""How much the markdown_pool plugin saves on a cold build, measured side by side.

On N generated posts (tests.bench.generate_site) in a temporary folder, each
round builds cold (no output, no content cache) without the plugin and with
it (by default with its default settings: one worker per usable core; --processes 1 2
compares pool sizes), alternating so that
the machine's load hits both alike. It prints medians of the whole build's
wall and CPU time (CPU includes the workers) and of the reading phase (from
article_generator_init to article_generator_pretaxonomy: what the pool
speeds up), timed by a small plugin written into the temporary folder.

Usage: python -m tests.bench_pool [--posts 1000] [--rounds 5]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import pelicanconf
from tests.bench import generate_site
from tests.bench_site import run_measured

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
# Prints how long the articles took to read; loaded from the temporary folder.
TIMER = """\
import sys, time
from pelican import signals
started = []
def start(generator):
    started.append(time.perf_counter())
def stop(generator):
    print(f"READING {time.perf_counter() - started[-1]:.4f}", file=sys.stderr)
def register():
    signals.article_generator_init.connect(start)
    signals.article_generator_pretaxonomy.connect(stop)
"""
READING = re.compile(r"READING ([\d.]+)")
WITHOUT = "without the pool"


def variants(processes):
    """Name -> (plugins, MARKDOWN_POOL) of each build measured in a round."""
    found = {WITHOUT: ([p for p in pelicanconf.PLUGINS if p != "markdown_pool"], {})}
    for number in processes:
        name = "with the pool" + (f" of {number} worker(s)" if number else "")
        found[name] = (list(pelicanconf.PLUGINS), {"PROCESSES": number})
    return found


def build(content, output, cache, plugins, pool, timer_path):
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    wall, cpu, _rss, log = run_measured(
        [
            str(PELICAN),
            str(content),
            "-o",
            str(output),
            "-s",
            str(ROOT / "pelicanconf.py"),
            "-v",
            "--cache-path",
            str(cache),
            "-e",
            f"PLUGINS={json.dumps([*plugins, 'reading_timer'])}",
            f"PLUGIN_PATHS={json.dumps([str(ROOT / 'plugins'), str(timer_path)])}",
            f"MARKDOWN_POOL={json.dumps(pool)}",
        ]  # fmt: skip
    )
    pooled = "markdown_pool:" in log
    return {"wall": wall, "cpu": cpu, "reading": float(READING.search(log)[1]), "pooled": pooled}


def measure(posts, rounds, processes=(0,)):
    measured = variants(processes)
    runs = {name: [] for name in measured}
    with tempfile.TemporaryDirectory(prefix="pool-bench-") as tmp:
        tmp = Path(tmp)
        generate_site(tmp / "content", posts)
        (tmp / "timer" / "reading_timer").mkdir(parents=True)
        (tmp / "timer" / "reading_timer" / "__init__.py").write_text(TIMER)
        for _ in range(rounds):
            for name, (plugins, pool) in measured.items():
                run = build(
                    tmp / "content", tmp / "out", tmp / "cache", plugins, pool, tmp / "timer"
                )
                if run["pooled"] != (name != WITHOUT):
                    sys.exit(f"the build {name} did {'' if run['pooled'] else 'not '}use the pool")
                runs[name].append(run)
    return runs


def report(posts, rounds, runs):
    cores = len(os.sched_getaffinity(0))
    print(f"site of {posts} posts, cold builds, {cores} usable cores, median of {rounds}:")
    for key, label in (("wall", "whole build, wall"), ("cpu", "whole build, CPU"),
                       ("reading", "reading the posts, wall")):  # fmt: skip
        without = statistics.median(run[key] for run in runs[WITHOUT])
        for name, variant in runs.items():
            if name != WITHOUT:
                with_pool = statistics.median(run[key] for run in variant)
                print(
                    f"  {label}: {with_pool:.2f} s {name}, {without:.2f} s without; "
                    f"ratio {with_pool / without:.2f}"
                )
    for name, variant in runs.items():
        walls = ", ".join(f"{run['wall']:.2f}" for run in variant)
        print(f"  each build's wall time, {name}: {walls}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--processes", type=int, nargs="+", default=[0],
        help="MARKDOWN_POOL['PROCESSES'] of each variant with the pool (0: one per core)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    report(args.posts, args.rounds, measure(args.posts, args.rounds, args.processes))


if __name__ == "__main__":
    main()
