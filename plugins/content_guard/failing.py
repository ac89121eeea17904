"""Fail a build plainly when Pelican warned or erred, before output is written.

Pelican skips a post it cannot read (no date, no title, a date that does not
parse) with an ERROR and still exits 0, so the post silently vanishes from the
site. Its ``--fatal`` flag exits 1, but at the first message and with a
traceback. This module collects every warning and error of the build and, when
the configured level is reached, stops the build with one plain list of the
problems (Pelican's messages name the file) and exit status 1. Problems found
while reading stop the build before anything is written.

The level is CONTENT_GUARD['FAIL_ON']; ``pelican --fatal warnings|errors``
sets it too, and Pelican's traceback-at-first-message becomes the same list.
"""

import logging
import sys

from pelican import log as pelican_log

from .settings import FAIL_LEVELS, BuildStopped, read_settings_or_stop

logger = logging.getLogger(__name__)


class _Collector(logging.Handler):
    """Remembers every record at or above the failing level."""

    def __init__(self, level):
        super().__init__(level)
        self.messages = []

    def emit(self, record):
        if record.name.startswith(__name__):
            return
        message = record.getMessage().strip()
        # Pelican logs "Could not process FILE" inside its except block but
        # without the exception unless DEBUG is on; the reason is still here.
        error = record.exc_info[1] if record.exc_info else sys.exc_info()[1]
        if error is not None and str(error) not in message:
            message = f"{message}: {error}"
        self.messages.append(message)


_collector = None


def start(pelican):
    """Install the collector for this build."""
    global _collector
    level = FAIL_LEVELS[read_settings_or_stop(pelican.settings).fail_on]
    fatal = pelican_log.FatalLogger.fatal_lvl
    if fatal <= logging.ERROR:
        # Take over --fatal: collect everything, then fail once, plainly.
        level = fatal if level is None else min(level, fatal)
        pelican_log.FatalLogger.fatal_lvl = logging.CRITICAL + 1
    root = logging.getLogger()
    if _collector is not None:
        root.removeHandler(_collector)
    _collector = _Collector(level) if level is not None else None
    if _collector is not None:
        root.addHandler(_collector)


def problems():
    """The messages collected so far in this build."""
    if _collector is None:
        return []
    return list(_collector.messages)


def check(stage):
    """Stop the build if anything at the failing level was logged."""
    found = problems()
    if not found:
        return
    lines = "\n".join(f"  - {message}" for message in found)
    logger.critical(
        "Build failed %s: %d problem(s) must be fixed first:\n%s",
        stage,
        len(found),
        lines,
    )
    raise BuildStopped(1)


def before_writing(generators):
    check("before writing any page")


def after_writing(pelican):
    check("after writing (the output folder is incomplete; do not upload it)")
