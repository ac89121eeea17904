"""Write a mark into the output folder when a build has run to its very end.

Pelican exits with status 0 after an interrupt (SIGINT: "Keyboard interrupt
received. Exiting."), leaving a half-written output folder, so its exit status
cannot tell a finished build from a stopped one. With
CONTENT_GUARD['COMPLETION_MARK'] set to a file name, that file is written into
the output folder as the Pelican process exits, and only if the build reached
the ``finalized`` signal and no SIGINT arrived while it ran. Nothing can come
after it: it is the last thing the process does. ``scripts/publish.py`` swaps
a build in only if its mark is there (and deletes the mark first).
"""

import atexit
import logging
import os
import signal
from pathlib import Path

from .settings import read_settings

logger = logging.getLogger(__name__)

_state = {"mark": None, "finished": False, "interrupted": False}


def _note_interrupt(signum, frame):
    """SIGINT: remember it, then stop as Python always does (KeyboardInterrupt)."""
    _state["interrupted"] = True
    raise KeyboardInterrupt


def start(pelican):
    """initialized: if a mark is wanted, watch for SIGINT and write it at exit."""
    name = read_settings(pelican.settings).completion_mark
    if not name:
        return
    _state.update(mark=Path(pelican.output_path) / name, finished=False, interrupted=False)
    signal.signal(signal.SIGINT, _note_interrupt)
    atexit.register(_write_mark)


def note_finished(pelican):
    """finalized: every file has been written."""
    _state["finished"] = True


def _write_mark():
    mark = _state["mark"]
    if mark is None or not _state["finished"] or _state["interrupted"]:
        return
    mark.write_text(f"finished (pelican pid {os.getpid()})\n", encoding="utf-8")
    logger.debug("Wrote the completion mark %s", mark)
