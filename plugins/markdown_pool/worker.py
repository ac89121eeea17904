"""What runs in each worker process: render Markdown files as the reader would.

A worker hands back plain data only (a digest of the bytes it read, the HTML
and Markdown's raw ``Meta`` dict), cheap to pickle. Whenever the result could
differ from what the build's own reader would do or say (the file cannot be
decoded, conversion raises, anything logs or warns), it hands back None
instead, and the build reads that file itself, with its usual messages.
"""

import contextlib
import ctypes
import gc
import hashlib
import io
import logging
import os
import signal
import threading
import warnings
from pathlib import Path
from typing import NamedTuple

from markdown_reuse import ready_markdown

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
NICENESS = 10


class Prepared(NamedTuple):
    """One file rendered by a worker."""

    digest: bytes  # of the file's bytes, to notice a file edited since
    html: str
    meta: dict | None  # Markdown's Meta: lower-case key -> list of strings


def digest(raw):
    return hashlib.blake2b(raw, digest_size=16).digest()


class _Noticer(logging.Handler):
    """Counts records instead of showing them: the parent shows its own."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def emit(self, record):
        self.count += 1


# Set up in each worker by start(); the parent never uses them.
_markdown_settings = None
_refuse = None
_md = None
_noticer = None
_reached = None


def end_with_parent(parent, parent_main_thread):
    """Have Linux send this process SIGTERM when its parent dies, however it dies.

    Without it, a parent killed (SIGKILL, the OOM killer, ``pelican -lr``
    ending its builder with SIGTERM) while it was ending its pool could leave
    a worker waiting forever for a queue lock a terminated sibling held.
    Linux sends it when the *thread* that forked the worker ends: only
    workers forked by the main thread ask for it, not the replacements the
    pool's own thread forks for dead workers (that thread ends with the pool,
    and a replacement killed then could hold the lock the pool's terminate()
    waits for).
    """
    if threading.get_ident() != parent_main_thread:
        return
    # Best effort: an initializer that raised would make the pool fork
    # workers again and again.
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # it died before prctl
        os._exit(1)


def start(markdown_settings, refuse, parent, parent_main_thread, reached):
    """Pool initializer: ends with its parent, yields the CPU to it, shows nothing.

    ``refuse(text)`` is true for files the build skips before rendering
    (content_guard's nesting limit): rendering them could take seconds.
    ``reached.value`` is the index of the file the build is reading now.
    """
    global _markdown_settings, _refuse, _noticer, _reached
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with_parent(parent, parent_main_thread)
    # The build itself is the critical path, and other work may share the
    # machine: the workers only take CPU time that is left over.
    os.nice(NICENESS)
    _reached = reached
    # The garbage collector need not walk the objects inherited from the
    # parent (touching them would also copy their pages): freeze them.
    gc.freeze()
    _markdown_settings, _refuse = markdown_settings, refuse
    _noticer = _Noticer()
    loggers = [logging.getLogger()]
    loggers += [
        lg for lg in logging.Logger.manager.loggerDict.values() if isinstance(lg, logging.Logger)
    ]
    for each in loggers:
        if each.handlers or each is loggers[0]:
            each.handlers = [_noticer]


def render(path):
    """Prepared for the file at path, or None if the parent should read it itself."""
    global _md
    try:
        raw = Path(path).read_bytes()
        # As pelican_open reads it: BOM dropped, universal newlines, strict UTF-8.
        text = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8-sig").read()
        if _refuse is not None and _refuse(text):
            return None
        records = _noticer.count
        with warnings.catch_warnings(record=True) as warned:
            _md = ready_markdown(_md, _markdown_settings)
            html = _md.convert(text)
        if warned or _noticer.count != records:
            return None
        meta = getattr(_md, "Meta", None)
        return Prepared(digest(raw), html, dict(meta) if meta is not None else None)
    except Exception:
        _md = None  # whatever state it was left in, start afresh
        return None


def render_all(chunk):
    """(path, render(path)) for each (index, path) of a chunk the build has not reached."""
    return [(path, render(path) if number > _reached.value else None) for number, path in chunk]
