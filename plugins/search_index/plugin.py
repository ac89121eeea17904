"""Pelican's side: index the written site at the end of every build.

``all_generators_finalized`` counts what is published (posts, their
translations, pages); ``finalized`` then runs Pagefind on the output folder,
so `make html`, `make devserver` and `make publish` all ship a current index.
A failed index stops the build with Pagefind's message and exit status 1.
"""

import logging

from pelican import signals

from .index import SearchIndexError, build_index, remove_index
from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)


class IndexFailed(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


_published = {"count": 0}


def count_published(generators):
    """How many published posts and pages this build has (drafts and hidden ones not)."""
    count = 0
    for generator in generators:
        count += len(getattr(generator, "articles", []))
        count += len(getattr(generator, "translations", []))
        count += len(getattr(generator, "pages", []))
    _published["count"] = count


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
    if not settings.enabled:
        remove_index(pelican.output_path, settings)
        return
    if not _published["count"]:
        # Pagefind would index every page whole, drafts included, if no page
        # carried data-pagefind-body: with nothing published, no index.
        remove_index(pelican.output_path, settings)
        logger.info("search_index: nothing published, so no search index was built")
        return
    try:
        built = build_index(pelican.output_path, settings)
    except SearchIndexError as error:
        logger.critical("search_index: %s", error)
        raise IndexFailed(1) from error
    logger.info(
        "search_index: indexed %d published post(s) and page(s) in %.2f s: %d files, %.0f KB in %s",
        _published["count"],
        built.seconds,
        built.files,
        built.bytes / 1024,
        settings.output_subdir + "/",
    )


def register():
    signals.all_generators_finalized.connect(count_published)
    signals.finalized.connect(index_site)
