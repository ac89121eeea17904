"""Render the Markdown of many posts on every CPU core at once (build speed, same output).

Pelican reads posts one after the other, and Markdown's ``convert`` is about
a third of a cold build. When a build has many Markdown articles to render
(a cold build, ``make clean``, ``make publish``), this plugin starts a pool
of worker processes (forked, so they start in milliseconds) that render them
ahead of Pelican, in the order Pelican reads them; the reader then takes
each file's HTML and raw metadata from the pool and does the rest (metadata
processing, content_guard's checks, the content cache) as before. Output is
byte-identical. The build never waits for a worker: a file whose result has
not arrived, that changed since its worker read it, or that the worker could
not render quietly (not UTF-8, too deeply nested, any error, warning or log
line) is read by the build itself, so every message stays as it was, and
workers that are slow (they run at a lower priority, on CPU time the build
leaves over) or dead cost only their own CPU. A warm rebuild, which renders
only the edited posts, never starts the pool. The workers are ended as soon
as the build reaches its last article, on any exception or Ctrl-C, and when
the build process dies.

Settings (validated; a bad value stops the build with one line, exit 1)::

    MARKDOWN_POOL = {
        # Worker processes: 0 = one per usable CPU core (and no pool on a
        # one-core machine); any other number is used as given.
        "PROCESSES": 0,
        # Fewest Markdown files to render for the pool to start: below
        # this, starting it costs more than it saves.
        "MIN_FILES": 50,
    }

It replaces markdown_reuse's reader (and reuses its one Markdown instance
per process), so list it after "markdown_reuse". Forking needs Linux and no
other thread running; elsewhere the plugin reads serially, as before.
Modules: ``settings``, ``plugin`` (when to start and close the pool),
``pool`` (the parent's side), ``worker`` (the workers' side), ``reader``.
"""

from pelican import signals

from .plugin import register_signals
from .settings import read_settings

__all__ = ["register", "read_settings"]


def register():
    register_signals(signals)
