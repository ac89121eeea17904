"""One line per log message when the output is not a terminal.

Pelican logs through rich, which lays each message out in a column as wide
as the terminal and breaks long lines, file paths included; when the output
is a pipe or a file (CI logs, ``make html | tee build.log``) rich assumes 80
columns, so a path in a message is cut in two and cannot be searched for.
There, this swaps Pelican's rich handler (``pelican.log.DEFAULT_LOG_HANDLER``)
for a plain one that writes ``LEVEL    message`` on one line, to the same
stream, and turns on rich's ``soft_wrap`` for the lines Pelican prints
itself (``-> Modified: PATH`` in `make devserver`, "Done: Processed ...").
In a terminal rich's layout is kept.

Pelican's loggers also drop a message that reads as one logged before in the
same process. `make devserver` runs every rebuild in one process, so a
warning about a post (a misspelled ``Staus:``) showed on the first build
only, though the mistake was still there: ``repeat_each_build`` lets this
plugin's messages through every time.
"""

import logging
import sys

from pelican import log as pelican_log

FORMAT = "%(levelname)-8s %(message)s"


def unwrap():
    """At plugin registration: plain one-line messages unless writing to a terminal."""
    root = logging.getLogger()
    rich = pelican_log.DEFAULT_LOG_HANDLER
    if rich not in root.handlers or pelican_log.console.is_terminal:
        return
    pelican_log.console.soft_wrap = True
    plain = logging.StreamHandler(sys.stdout)
    plain.setFormatter(logging.Formatter(FORMAT))
    plain.setLevel(rich.level)
    root.removeHandler(rich)
    root.addHandler(plain)


def repeat_each_build(package):
    """At plugin registration: Pelican's duplicate filter off for the loggers
    of `package`'s modules (``pelican.log.LimitLogger.disable_filter``)."""
    for name, module in list(sys.modules.items()):
        if name == package or name.startswith(package + "."):
            logger = getattr(module, "logger", None)
            if hasattr(logger, "disable_filter"):
                logger.disable_filter()
