"""Pelican's side: index the written site at the end of every build.

``all_generators_finalized`` lists the output files of what is published
(posts, pages and their translations: never drafts or hidden ones);
``finalized`` then runs Pagefind on those files of the output folder, so
`make html`, `make devserver` and `make publish` all ship a current index.
A failed index stops the build with Pagefind's message and exit status 1.
While the published pages are unchanged, a build that loads Pelican's content
cache puts back the index kept there instead (see reuse.py).
"""

import logging
import time

from pelican import signals

from . import reuse
from .index import SearchIndexError, build_index, folder_size, remove_index, stage
from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)


class IndexFailed(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


# The published pages of the build in progress, replaced by each build.
_published = {"pages": []}


def list_published(generators):
    """Remember the output file of every published post and page of this build."""
    pages = []
    for generator in generators:
        for name in ("articles", "pages", "translations"):
            pages += [item.save_as for item in getattr(generator, name, []) if item.save_as]
    _published["pages"] = pages


def put_back_kept_index(pelican, settings, pages):
    """(fingerprint of `pages`, whether the index kept under it in the cache
    folder was put in place). The fingerprint is None in a build that does not
    load the cache: it neither reuses an index nor keeps one."""
    cache = pelican.settings.get("CACHE_PATH")
    if not cache or not pelican.settings.get("LOAD_CONTENT_CACHE"):
        return None, False
    started = time.perf_counter()
    key = reuse.fingerprint(pelican.output_path, pages, settings)
    remove_index(pelican.output_path, settings)
    index_folder = f"{pelican.output_path}/{settings.output_subdir}"
    try:
        if not reuse.restore(cache, key, index_folder, stage):
            return key, False
    except OSError as error:  # another build replacing it: build our own
        logger.debug("search_index: could not reuse the kept index: %s", error)
        remove_index(pelican.output_path, settings)
        return key, False
    files, size = folder_size(index_folder)
    logger.info(
        "search_index: the %d published post(s) and page(s) are unchanged, so the index "
        "kept in %s was put back in %.2f s: %d files, %.0f KB in %s",
        len(pages), cache, time.perf_counter() - started, files, size / 1024,
        settings.output_subdir + "/",
    )  # fmt: skip
    return key, True


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
    pages = _published["pages"]
    if not settings.enabled or not pages:
        remove_index(pelican.output_path, settings)
        if settings.enabled:
            logger.info("search_index: nothing published, so no search index was built")
        return
    key, reused = put_back_kept_index(pelican, settings, pages)
    if reused:
        return
    try:
        built = build_index(pelican.output_path, settings, pages)
    except SearchIndexError as error:
        logger.critical("search_index: %s", error)
        raise IndexFailed(1) from error
    logger.info(
        "search_index: indexed %d published post(s) and page(s) in %.2f s: %d files, %.0f KB in %s",
        built.pages,
        built.seconds,
        built.files,
        built.bytes / 1024,
        settings.output_subdir + "/",
    )
    if key and pelican.settings.get("CACHE_CONTENT"):
        try:
            index_folder = f"{pelican.output_path}/{settings.output_subdir}"
            reuse.save(pelican.settings["CACHE_PATH"], key, index_folder, stage)
        except OSError as error:  # a full disk, another build saving: next time, Pagefind again
            logger.debug("search_index: could not keep the index for reuse: %s", error)


def register():
    signals.all_generators_finalized.connect(list_published)
    signals.finalized.connect(index_site)
