"""When to start the pool, and making sure it is always closed.

Pelican sends ``article_generator_preread`` before each article it reads; the
first one of a build decides: it lists the files the generator will read, in
the order it will read them, keeps the Markdown files its content caches
cannot serve, and starts the pool if there are enough of them.
"""

import functools
import logging
import os
import sys
import threading
import weakref

from markdown_reuse import ReusingMarkdownReader
from pelican.readers import MarkdownReader
from pelican.utils import file_suffix

from .pool import Session
from .reader import PooledMarkdownReader
from .settings import read_settings_or_stop

logger = logging.getLogger(__name__)


class _Build:
    """The plugin's state for one Pelican run."""

    def __init__(self):
        self.options = None
        self.generator = None  # weak reference to the ArticlesGenerator
        self.decided = False
        self.session = None
        self.readers = []


_build = _Build()


def use_pooled_reader(readers):
    """readers_init: read Markdown with PooledMarkdownReader (it reuses one instance too)."""
    for extension, reader in list(readers.reader_classes.items()):
        if reader in (MarkdownReader, ReusingMarkdownReader):
            readers.reader_classes[extension] = PooledMarkdownReader


def read_options(pelican):
    """initialized: validate MARKDOWN_POOL before anything is read."""
    _build.options = read_settings_or_stop(pelican.settings)


def new_generator(generator):
    """article_generator_init: a new run; close anything a failed run left open."""
    close_pool()
    if _build.options is None:
        _build.options = read_settings_or_stop(generator.settings)
    _build.generator = weakref.ref(generator)
    _build.decided = False


def fork_is_safe():
    """Fork copies only the calling thread: no other thread may hold a lock then.

    The ``pelican`` command's "Generating..." spinner (rich) draws from a
    thread of its own; the workers never write to the console and are ended
    with SIGTERM, so it is the one thread allowed.
    """
    if not (sys.platform.startswith("linux") and hasattr(os, "fork")):
        return False
    others = [t for t in threading.enumerate() if t is not threading.current_thread()]
    return all(type(t).__module__.startswith("rich.") for t in others)


def files_to_render(generator):
    """Absolute paths of the Markdown articles Pelican will render, in its order."""
    settings = generator.settings
    readers = generator.readers
    paths = []
    for name in generator.get_files(
        settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
    ):
        if generator.get_cached_data(name, None) is not None:
            continue  # generator-level content cache
        path = os.path.abspath(os.path.join(generator.path, name))
        if not isinstance(readers.readers.get(file_suffix(path)), PooledMarkdownReader):
            continue
        content, _metadata = readers.get_cached_data(path, (None, None))
        if content is None:  # reader-level content cache: Pelican will read it
            paths.append(path)
    return paths


def nesting_guard(reader):
    """content_guard's test for files it skips unread (too deeply nested), if it runs."""
    options = getattr(reader, "content_guard", None)
    if not options:
        return None
    from content_guard.sources import too_deep

    return functools.partial(_too_deep, too_deep, options["MAX_NESTING"])


def _too_deep(too_deep, limit, text):
    return too_deep(text, limit) is not None


def start_pool(generator):
    """article_generator_preread: on the first one of the run, maybe start the pool."""
    if _build.decided or _build.generator is None or _build.generator() is not generator:
        return
    _build.decided = True
    options = _build.options
    processes = options["PROCESSES"] or len(os.sched_getaffinity(0))
    if processes < 1 or (not options["PROCESSES"] and processes < 2) or not fork_is_safe():
        return
    paths = files_to_render(generator)
    if len(paths) < options["MIN_FILES"]:
        logger.debug("markdown_pool: %s file(s) to render, no pool", len(paths))
        return
    readers = [r for r in generator.readers.readers.values() if isinstance(r, PooledMarkdownReader)]
    processes = min(processes, len(paths))
    try:
        session = Session(
            paths, processes, generator.settings["MARKDOWN"], nesting_guard(readers[0])
        )
    except Exception as error:  # e.g. fork refused: read as without the plugin
        logger.info("markdown_pool: could not start worker processes (%s); reading serially", error)
        return
    _build.session, _build.readers = session, readers
    for reader in readers:
        reader.session = session


def close_pool(*_sender):
    """End the workers and forget their results (after reading, or at the end of a run)."""
    session, _build.session = _build.session, None
    for reader in _build.readers:
        reader.session = None
    _build.readers = []
    if session is not None:
        session.close()
        logger.info(
            "markdown_pool: %s of %s Markdown file(s) rendered by %s worker process(es) in %.2f s",
            session.served,
            session.files,
            session.processes,
            session.seconds,
        )


def register_signals(signals):
    signals.initialized.connect(read_options)
    signals.readers_init.connect(use_pooled_reader)
    signals.article_generator_init.connect(new_generator)
    signals.article_generator_preread.connect(start_pool)
    signals.article_generator_pretaxonomy.connect(close_pool)
    signals.finalized.connect(close_pool)
