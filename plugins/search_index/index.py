"""Run Pagefind on a built site and say what it wrote.

Pagefind (PyPI ``pagefind[bin]``, which ships the binary) reads the HTML
files and, because the theme marks the body of each published post and page
with ``data-pagefind-body``, indexes only those bodies: every other page
(index, archives, tags, drafts) carries no such mark and is skipped. Pagefind
would index whole pages if no page were marked, so a site with nothing
published gets no index at all (see ``plugin``).
"""

import logging
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)


class SearchIndexError(RuntimeError):
    """Pagefind could not index the site; the message says why."""


@dataclass(frozen=True)
class Built:
    seconds: float
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


def build_index(site, settings):
    """Index the built site at `site` into site/OUTPUT_SUBDIR; return a Built.

    Raises SearchIndexError with Pagefind's own message when it fails.
    """
    site = Path(site)
    remove_index(site, settings)
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site),
        "--output-subdir", settings.output_subdir, "--quiet",
    ]  # fmt: skip
    if settings.exclude_selectors:
        command += ["--exclude-selectors", ",".join(settings.exclude_selectors)]
    started = time.perf_counter()
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        hint = "is pagefind[bin] installed (requirements.txt)?"
        raise SearchIndexError(f"cannot run Pagefind ({error}); {hint}") from error
    seconds = time.perf_counter() - started
    said = (result.stdout + result.stderr).strip()
    if result.returncode:
        remove_index(site, settings)
        raise SearchIndexError(f"Pagefind failed on {site} (exit {result.returncode}):\n{said}")
    if said:
        logger.warning("search_index: Pagefind said, while indexing %s:\n%s", site, said)
    files, size = folder_size(site / settings.output_subdir)
    return Built(seconds, files, size)
