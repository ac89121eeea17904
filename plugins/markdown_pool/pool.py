"""The parent's side of the pool: start workers, hand out their results in reading order.

Results arrive in the order the files were given (the order Pelican reads
them), so the build consumes each one while the workers render the next.
The workers live only while they render: they are ended as soon as the last
result has arrived, when the build stops waiting (any exception, Ctrl-C),
or when the plugin closes the session.
"""

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from pathlib import Path

from . import worker

logger = logging.getLogger(__name__)

# How long to wait for a result before checking that no worker died (a
# worker killed, e.g. by the kernel's OOM killer, never sends its result).
POLL_SECONDS = 0.5


def chunk_size(files, processes):
    """Small chunks: the first results arrive early and the work stays balanced."""
    return max(1, min(16, files // (processes * 8)))


@contextlib.contextmanager
def ctrl_c_deferred():
    """Hold back Ctrl-C (SIGINT) while workers start or stop, then deliver it.

    A Ctrl-C in the middle of starting or ending the pool would leave workers
    that nothing ends; a worker forked in that time inherits the deferring
    handler, so it cannot die of it either before it ignores Ctrl-C.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous if previous is not None else signal.SIG_DFL)
        if caught:
            signal.raise_signal(signal.SIGINT)


class WorkerDied(RuntimeError):
    """A worker process ended while it still had files to render."""


class Session:
    """The workers rendering one generator's Markdown files, and their results."""

    def __init__(self, paths, processes, markdown_settings, refuse=None):
        context = multiprocessing.get_context("fork")
        self.processes = processes
        self.started = time.perf_counter()
        self.files = len(paths)
        self.rendered = 0  # files the workers rendered
        self.served = 0  # of which the reader used the result
        self._waiting = deque(paths)
        self._expected = set(paths)
        self._arrived = {}
        self._chunk = deque()
        self._pool = None
        before = {child.pid for child in multiprocessing.active_children()}
        try:
            with ctrl_c_deferred():
                self._pool = context.Pool(
                    processes,
                    initializer=worker.start,
                    initargs=(markdown_settings, refuse, os.getpid()),
                )
                self._workers = {c.pid for c in multiprocessing.active_children()} - before
                size = chunk_size(len(paths), processes)
                chunks = [paths[start : start + size] for start in range(0, len(paths), size)]
                self._chunks = self._pool.imap(worker.render_all, chunks)
        except BaseException:
            self.close()
            raise

    def take(self, path):
        """The worker's Prepared for path if it still matches the file, else None."""
        try:
            prepared = self._result_for(path)
        except Exception as error:  # the pool broke: the build reads the rest itself
            logger.info("markdown_pool: %s; reading the remaining files in this process", error)
            self.close()
            return None
        except BaseException:  # Ctrl-C, SystemExit: no worker outlives the build
            self.close()
            raise
        if prepared is None:
            return None
        try:
            unchanged = worker.digest(Path(path).read_bytes()) == prepared.digest
        except OSError:
            unchanged = False
        if not unchanged:
            logger.debug("%s changed after a worker read it; reading it again", path)
            return None
        self.served += 1
        return prepared

    def _result_for(self, path):
        if path in self._arrived:
            return self._arrived.pop(path)
        if path not in self._expected or self._pool is None:
            return None
        while self._waiting:
            arrived = self._waiting.popleft()
            self._expected.discard(arrived)
            prepared = self._next()
            self.rendered += prepared is not None
            if not self._waiting:
                self.close()  # every result is in: end the workers now
            if arrived == path:
                return prepared
            self._arrived[arrived] = prepared
        return None

    def _next(self):
        """The next result in order, from the current chunk or the next one."""
        while not self._chunk:
            try:
                self._chunk.extend(self._chunks.next(timeout=POLL_SECONDS))
            except multiprocessing.TimeoutError:
                alive = {child.pid for child in multiprocessing.active_children()}
                if self._workers - alive:
                    raise WorkerDied("a worker process died") from None
        return self._chunk.popleft()

    def close(self):
        """End the workers (idempotent); results already arrived stay usable."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        self._waiting.clear()
        self._expected.clear()
        # Terminate (SIGTERM), not close: a worker never flushes or logs on its
        # way out, so nothing it inherited from the parent can block it.
        with ctrl_c_deferred():
            pool.terminate()
            pool.join()
        logger.info(
            "markdown_pool: %s of %s Markdown file(s) rendered by %s worker process(es) in %.2f s",
            self.rendered,
            self.files,
            self.processes,
            time.perf_counter() - self.started,
        )
