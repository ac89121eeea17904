"""The parent's side of the pool: start workers, hand their results to the reader.

The build never waits for a worker. The workers render the files ahead of
the build, in the order it reads them, and skip those it has already
reached; when the build comes to a file whose result has not arrived, it
reads the file itself, as it would without the pool. So a worker that is
slow (the machine is busy: workers run at a lower priority than the build)
or dead costs the build nothing but its own CPU. The workers are ended as
soon as the build reaches its last file, when the plugin closes the
session, and on any exception or Ctrl-C.
"""

import contextlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path

from . import worker

logger = logging.getLogger(__name__)


def chunk_size(files, processes):
    """Small chunks: results arrive soon after their files are rendered."""
    return max(1, min(8, files // (processes * 8)))


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


class Session:
    """The workers rendering one generator's Markdown files, and their results."""

    def __init__(self, paths, processes, markdown_settings, refuse=None):
        context = multiprocessing.get_context("fork")
        self.processes = processes
        self.started = time.perf_counter()
        self.files = len(paths)
        self.served = 0  # files whose worker result the reader used
        self.seconds = None  # how long the workers lived
        self._index = {path: number for number, path in enumerate(paths)}
        self._arrived = {}
        self._received = 0
        self._pool = None
        # Shared with the workers: the index of the file the build reads now.
        self._reached = context.RawValue("q", -1)
        size = chunk_size(len(paths), processes)
        numbered = list(enumerate(paths))
        chunks = [numbered[start : start + size] for start in range(0, len(paths), size)]
        try:
            with ctrl_c_deferred():
                self._pool = context.Pool(
                    processes,
                    initializer=worker.start,
                    initargs=(
                        markdown_settings,
                        refuse,
                        os.getpid(),
                        threading.main_thread().ident,
                        self._reached,
                    ),
                )
                self._results = self._pool.imap_unordered(worker.render_all, chunks)
        except BaseException:
            self.close()
            raise

    def take(self, path):
        """The worker's Prepared for path if it has arrived and matches the file, else None."""
        number = self._index.get(path)
        if number is None:
            return None
        try:
            prepared = self._result_for(path, number)
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

    def _result_for(self, path, number):
        if self._pool is not None:
            self._reached.value = max(self._reached.value, number)
            self._collect(timeout=0)
            if number == self.files - 1:
                self.close()  # the build has reached its last file
        return self._arrived.pop(path, None)

    def _collect(self, timeout):
        """Keep every result that has arrived; wait at most timeout for the first."""
        while self._received < self.files:
            try:
                chunk = self._results.next(timeout=timeout)
            except multiprocessing.TimeoutError:
                return False
            timeout = 0
            self._received += len(chunk)
            self._arrived.update((path, p) for path, p in chunk if p is not None)
        return True

    def wait(self, timeout):
        """Wait until every file is rendered (True) or timeout seconds pass (False).

        The build never calls it; tests and benchmarks do.
        """
        deadline = time.monotonic() + timeout
        while self._received < self.files and self._pool is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            self._collect(timeout=min(left, 0.1))
        return self._received == self.files

    def close(self):
        """End the workers (idempotent); results already arrived stay usable."""
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        # Terminate (SIGTERM), not close: a worker never flushes or logs on its
        # way out, so nothing it inherited from the parent can block it.
        with ctrl_c_deferred():
            pool.terminate()
            pool.join()
        self.seconds = time.perf_counter() - self.started
