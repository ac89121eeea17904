"""Format each date once per build: Pelican's ``strftime``, remembered.

Pelican formats every date through its own ``pelican.utils.strftime`` (it
gives ``%-d`` on every platform), which takes the format apart with regular
expressions at each call, about 10 µs. A build of 1,000 posts calls it some
17,000 times, mostly with a few formats and the same dates again: the
theme's archive lists, each post's URL and file name (``{date:%Y}/{date:%m}``),
its locale date. This plugin remembers each result until the next build.

A result is only reused for the same format, the same date (the same type,
time zone object, ``fold`` and zone name, so that equal instants in other
zones or zone names never share one) and the same ``LC_TIME`` locale (Pelican
switches the locale for a ``DATE_FORMATS`` entry that names one). Output is
unchanged.

No settings.
"""

import locale
import logging

import pelican.utils
from pelican import signals

logger = logging.getLogger(__name__)


class RememberingStrftime:
    """A drop-in for ``pelican.utils.strftime`` that remembers its results."""

    def __init__(self, original):
        self.original = original
        self.results = {}

    def __call__(self, date, date_format):
        key = (
            date_format,
            type(date),
            date,
            getattr(date, "tzinfo", None),
            getattr(date, "fold", 0),
            date.tzname() if hasattr(date, "tzname") else None,
            locale.setlocale(locale.LC_TIME),
        )
        try:
            known = self.results.get(key)
        except TypeError:  # an unhashable time zone: format it every time
            return self.original(date, date_format)
        if known is None:
            known = self.results[key] = self.original(date, date_format)
        return known


def install(_pelican=None):
    """Put the remembering strftime in place (once), and forget earlier builds' dates."""
    current = pelican.utils.strftime
    if isinstance(current, RememberingStrftime):
        current.results.clear()
    else:
        pelican.utils.strftime = RememberingStrftime(current)
        logger.debug("strftime_once: Pelican's strftime now remembers its results")


def register():
    signals.initialized.connect(install)
