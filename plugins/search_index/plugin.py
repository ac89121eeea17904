"""Pelican's side: index the written site at the end of every build.

``all_generators_finalized`` lists the output files of what is published
(posts, pages and their translations: never drafts or hidden ones), by part:
runs of whole years of posts (the pages with the newest), each of at most
PAGES_PER_PART pages. ``finalized`` then runs Pagefind on each part's files
of the output folder into a bundle of its own, and ``pagefind/parts.json``
lists the bundles, which the search page merges (Pagefind's ``mergeIndex``).
So `make html`, `make devserver` and `make publish` all ship a current
index, Pagefind never holds more than a part in memory, and a build that
loads Pelican's content cache puts back, from that cache, each part whose
pages are unchanged (reuse.py).
A failed index stops the build with Pagefind's message and exit status 1.
"""

import json
import logging
import time
from pathlib import Path

from pelican import signals
from pelican.contents import Article

from . import reuse
from .index import SearchIndexError, build_index, folder_size, remove_index, stage
from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)
# Pelican's loggers drop a message that reads as one logged before in the same
# process: under `make devserver`, a rebuild's summary line would go missing
# whenever it matched the last one. This plugin's lines show on every build.
if hasattr(logger, "disable_filter"):  # pelican.log.LimitLogger
    logger.disable_filter()

PAGES_PART = "pages"
PARTS_FILE = "parts.json"


class IndexFailed(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


# The published pages of the build in progress, by year (and the pages apart);
# replaced by each build.
_published = {"by_year": {}}


def year_of(item):
    """A post's year, or PAGES_PART for a page."""
    return f"{item.date:%Y}" if isinstance(item, Article) else PAGES_PART


def list_published(generators):
    """Remember the output file of every published post and page of this build."""
    by_year = {}
    for generator in generators:
        for name in ("articles", "pages", "translations"):
            for item in getattr(generator, name, []):
                if item.save_as:
                    by_year.setdefault(year_of(item), []).append(item.save_as)
    _published["by_year"] = by_year


def put_back(pelican, settings, part, pages):
    """(fingerprint of the part's pages, whether the index kept under it in
    the cache folder was put in place). The fingerprint is None in a build
    that does not load the cache: it neither reuses an index nor keeps one."""
    cache = pelican.settings.get("CACHE_PATH")
    if not cache or not pelican.settings.get("LOAD_CONTENT_CACHE"):
        return None, False
    key = reuse.fingerprint(pelican.output_path, pages, settings)
    index_folder = Path(pelican.output_path, settings.output_subdir, part)
    try:
        return key, reuse.restore(cache, part, key, index_folder, stage)
    except OSError as error:  # another build replacing it: build our own
        logger.debug("search_index: could not reuse the kept index of %s: %s", part, error)
        return key, False


def keep(pelican, settings, part, key):
    """Keep the part's new index in the cache folder for the next build."""
    if key and pelican.settings.get("CACHE_CONTENT"):
        index_folder = Path(pelican.output_path, settings.output_subdir, part)
        try:
            reuse.save(pelican.settings["CACHE_PATH"], part, key, index_folder, stage)
        except OSError as error:  # a full disk, another build saving: next time, Pagefind again
            logger.debug("search_index: could not keep the index of %s: %s", part, error)


def index_parts(pelican, settings, parts):
    """Index (or put back) every part; returns the names of those put back."""
    put_back_parts = []
    for part, pages in parts.items():
        key, reused = put_back(pelican, settings, part, pages)
        if reused:
            put_back_parts.append(part)
            continue
        try:
            build_index(pelican.output_path, settings, pages, part)
        except SearchIndexError as error:
            logger.critical("search_index: %s", error)
            raise IndexFailed(1) from error
        keep(pelican, settings, part, key)
    return put_back_parts


def parts_of(by_year, most):
    """{part: its pages}, the newest part first (the search page loads the
    first and merges the others into it).

    A part is a run of whole years, oldest first, joined while it holds at
    most `most` pages (a bigger year is a part alone); the pages go with the
    newest part. New posts change only the newest part, so the older parts
    and their kept indexes stay as they are.
    """
    parts = []  # [(years, pages)], oldest first
    for year in sorted(part for part in by_year if part != PAGES_PART):
        if parts and len(parts[-1][1]) + len(by_year[year]) <= most:
            parts[-1][0].append(year)
            parts[-1][1].extend(by_year[year])
        else:
            parts.append(([year], list(by_year[year])))
    if PAGES_PART in by_year:
        if not parts:
            parts.append(([PAGES_PART], []))
        parts[-1][1].extend(by_year[PAGES_PART])
    return {"-".join(dict.fromkeys([years[0], years[-1]])): pages for years, pages in parts[::-1]}


def index_site(pelican):
    """Build the search index of pelican.output_path, or stop the build."""
    # Pelican shows WARNING and up unless -v; the one closing line is INFO,
    # as dedup's is (and --fatal warnings does not fail on it).
    package_logger = logging.getLogger(__package__)
    if package_logger.level == logging.NOTSET and logging.getLogger().level <= logging.WARNING:
        package_logger.setLevel(logging.INFO)
    try:
        settings = read_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("search_index: %s", error)
        raise IndexFailed(1) from error
    remove_index(pelican.output_path, settings)
    parts = parts_of(_published["by_year"], settings.pages_per_part)
    if not settings.enabled or not parts:
        if settings.enabled:
            logger.info("search_index: nothing published, so no search index was built")
        return
    started = time.perf_counter()
    put_back_parts = index_parts(pelican, settings, parts)
    index_folder = Path(pelican.output_path, settings.output_subdir)
    (index_folder / PARTS_FILE).write_text(json.dumps([f"{part}/" for part in parts]))
    files, size = folder_size(index_folder)
    unchanged = f"; unchanged, so put back: {', '.join(put_back_parts)}" if put_back_parts else ""
    logger.info(
        "search_index: indexed %d published post(s) and page(s) in %.2f s: %d files, %.0f KB "
        "in %s, in %d part(s)%s",
        sum(map(len, parts.values())), time.perf_counter() - started, files, size / 1024,
        settings.output_subdir + "/", len(parts), unchanged,
    )  # fmt: skip


def register():
    signals.all_generators_finalized.connect(list_published)
    signals.finalized.connect(index_site)
