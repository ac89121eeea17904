"""Run Pagefind on the published pages of a built site and say what it wrote.

Pagefind (PyPI ``pagefind[bin]``, which ships the binary) is shown only the
pages it may index: the published posts and pages, linked (or, across file
systems, copied) into a temporary folder beside the site with their paths
kept. A draft, a hidden page, an archive or a tag page never reaches it,
whatever the templates say, and it parses fewer files on a large site.
Inside those pages the theme marks what to index: the ``data-pagefind-body``
element (the post without its navigation, footer or byline).
"""

import logging
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why."""


@dataclass(frozen=True)
class Built:
    seconds: float  # wall-clock time of the indexing
    cpu_seconds: float  # Pagefind's own CPU time (user + system), on every core
    pages: int
    files: int
    bytes: int


def folder_size(folder):
    """(files, bytes) under `folder`."""
    sizes = [p.stat().st_size for p in Path(folder).rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def remove_index(site, settings):
    """Delete an index left by an earlier build, so no stale entry survives."""
    folder = Path(site) / settings.output_subdir
    if folder.is_dir():
        shutil.rmtree(folder)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_pagefind(pages_folder, index_folder, settings):
    """Pagefind's CompletedProcess for indexing `pages_folder` into `index_folder`."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(pages_folder),
        "--output-path", str(index_folder), "--quiet",
    ]  # fmt: skip
    if settings.exclude_selectors:
        command += ["--exclude-selectors", ",".join(settings.exclude_selectors)]
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        hint = "is pagefind[bin] installed (requirements.txt)?"
        raise SearchIndexError(f"cannot run Pagefind ({error}); {hint}") from error


def stage(source, target):
    """Put `source` at `target`: a hard link, no bytes copied, where the file
    system allows it; a copy where it does not."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def staging_folder(site):
    """A temporary folder beside the site, so that its pages can be linked
    rather than copied; the system's temporary folder if that is not writable."""
    try:
        return tempfile.TemporaryDirectory(prefix=".search-index-", dir=site.parent)
    except OSError:
        return tempfile.TemporaryDirectory(prefix="search-index-")


def build_index(site, settings, pages, part=""):
    """Index `pages` (paths relative to the built site `site`) into
    site/OUTPUT_SUBDIR/part, a Pagefind bundle of its own.

    Returns a Built; raises SearchIndexError with Pagefind's own message.
    """
    site = Path(site)
    index_folder = site / settings.output_subdir / part
    if index_folder.is_dir():
        shutil.rmtree(index_folder)
    started, cpu = time.perf_counter(), children_cpu()
    with staging_folder(site) as staging:
        for page in pages:
            target = Path(staging) / page
            target.parent.mkdir(parents=True, exist_ok=True)
            stage(site / page, target)
        result = run_pagefind(staging, index_folder, settings)
    seconds, cpu = time.perf_counter() - started, children_cpu() - cpu
    said = (result.stdout + result.stderr).strip()
    if result.returncode:
        remove_index(site, settings)
        raise SearchIndexError(f"Pagefind failed on {site} (exit {result.returncode}):\n{said}")
    if said:
        logger.warning("search_index: Pagefind said, while indexing %s:\n%s", site, said)
    files, size = folder_size(index_folder)
    return Built(seconds, cpu, len(pages), files, size)
