"""Pelican wiring: fork the writers once every post is read, gather them at the end."""

import contextlib
import functools
import gc
import logging
import os
import pickle
import signal
import sys
import threading
import time
import weakref

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator, TemplatePagesGenerator
from pelican.writers import FileOverwriteFailedError

from .settings import SettingsError, read_settings
from .shares import Shares, feed_cost, page_cost

logger = logging.getLogger(__name__)

# Generators that write only through the writer: every process runs them and
# the writer decides which files each one writes. Any other generator (static
# files, a plugin's) runs in the main process alone.
SHARED = (ArticlesGenerator, PagesGenerator, TemplatePagesGenerator)
# Signals sent while writing. A receiver would run in whichever process wrote
# the file, and what it remembered there would be lost.
WRITING_SIGNALS = (
    "content_written",
    "feed_generated",
    "feed_written",
    "article_writer_finalized",
    "page_writer_finalized",
)
# Log record fields a worker sends back (the rest may not pickle).
RECORD_FIELDS = (
    "name",
    "msg",
    "levelno",
    "levelname",
    "pathname",
    "filename",
    "module",
    "lineno",
    "funcName",
    "created",
    "msecs",
    "exc_text",
)


class ParallelWritingError(RuntimeError):
    """A worker could not write its part of the site; the message says why."""


def _name(receiver):
    if isinstance(receiver, weakref.ref):
        receiver = receiver()
    module = getattr(receiver, "__module__", None) or "?"
    return f"{module}.{getattr(receiver, '__qualname__', repr(receiver))}"


def _harmless(thread):
    """The main thread, and the thread of Pelican's "Generating..." spinner (rich).

    A forked worker has only the thread that forked. The spinner's thread may
    hold the console's locks at that moment; a worker never uses the console
    (it sends its log records to the main process, and gets its own
    sys.stdout and sys.stderr), so it cannot wait on them.
    """
    return thread is threading.main_thread() or type(thread).__module__.startswith("rich.")


def why_one_process(settings, generators):
    """The reason to write with one process, or None when forking is safe and worth it."""
    if settings.processes < 2:
        return "PARALLEL_WRITING['PROCESSES'] is 1 or only one core is usable"
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        return f"forking a build is only done on Linux, not {sys.platform}"
    others = [t.name for t in threading.enumerate() if not _harmless(t)]
    if others:
        return f"other threads are running in this process ({', '.join(others)})"
    content = sum(
        len(getattr(g, "articles", ())) + len(getattr(g, "pages", ())) for g in generators
    )
    if content < settings.min_content:
        return (
            f"{content} articles and pages is fewer than "
            f"PARALLEL_WRITING['MIN_CONTENT'] = {settings.min_content}"
        )
    for name in WRITING_SIGNALS:
        receivers = getattr(signals, name).receivers
        if receivers:
            listening = ", ".join(sorted(_name(r) for r in receivers.values()))
            return f"{listening} listens to the {name} signal"
    return None


class _Forward(logging.Handler):
    """In a worker: keep the records of the files it writes, for the main process.

    Records logged outside a write come from code that every process runs
    on the same data; the main process logs those itself.
    """

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records = []
        self.writing = False

    def emit(self, record):
        if not self.writing:
            return
        fields = {key: getattr(record, key, None) for key in RECORD_FIELDS}
        fields["msg"], fields["args"] = record.getMessage(), None
        if record.exc_info and not record.exc_text:
            fields["exc_text"] = logging.Formatter().formatException(record.exc_info)
        self.records.append(fields)


def _portable(error):
    """The error itself if it survives pickling, else a RuntimeError that says it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:
        return ParallelWritingError(f"{type(error).__name__}: {error}")


def _describe(status):
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


class Run:
    """One build's output stage, split between the main process and its workers."""

    def __init__(self, settings, pelican_settings, generators):
        self.processes = settings.processes
        self.pelican_settings = pelican_settings
        self.outputs = [g for g in generators if hasattr(g, "generate_output")]
        self.shares = Shares(self.processes)
        self.rank = 0  # 0 in the main process, 1.. in the workers
        self.workers = []  # (pid, read end of its pipe), in the main process
        self.pipe = None  # write end, in a worker
        self.forward = None  # a worker's log records
        self.sharing = False  # while a SHARED generator writes

    def install(self):
        for generator in self.outputs:
            original = generator.generate_output
            generator.generate_output = functools.partial(self.generate_output, generator, original)

    def generate_output(self, generator, original, writer):
        """Stand-in for each generator's generate_output, in every process."""
        if generator is self.outputs[0]:
            self.started = time.perf_counter()
            self._share_writer(writer)
            self._fork()
        shared = type(generator) in SHARED
        try:
            if shared or self.rank == 0:
                self.sharing = shared
                try:
                    original(writer)
                finally:
                    self.sharing = False
        except BaseException as error:
            if self.rank:
                self._report(writer, error)  # does not return
            self._stop_workers()
            raise
        if generator is self.outputs[-1]:
            if self.rank:
                self._report(writer, None)  # does not return
            try:
                self._gather(writer)
            except BaseException:  # Ctrl-C while waiting, say
                self._stop_workers()
                raise

    def _share_writer(self, writer):
        """Make the writer skip the calls another process makes."""
        write_file, write_feed = writer.write_file, writer.write_feed
        settings = self.pelican_settings

        @functools.wraps(write_file)
        def shared_write_file(
            name,
            template,
            context,
            relative_urls=False,
            paginated=None,
            template_name=None,
            override_output=False,
            url=None,
            **kwargs,
        ):
            if self.sharing and name:
                cost = page_cost(settings, template_name, paginated, kwargs)
                if self.shares.assign(name, cost) != self.rank:
                    return None
            with self._writing():
                return write_file(
                    name,
                    template,
                    context,
                    relative_urls=relative_urls,
                    paginated=paginated,
                    template_name=template_name,
                    override_output=override_output,
                    url=url,
                    **kwargs,
                )

        @functools.wraps(write_feed)
        def shared_write_feed(elements, context, path=None, *args, **kwargs):
            # Feeds stay together in the main process, where a writer can
            # compare entries across feeds (atom_feeds catches shared ids).
            if self.sharing and path:
                cost = feed_cost(settings, elements)
                if self.shares.assign(path, cost, rank=0) != self.rank:
                    return None
            with self._writing():
                return write_feed(elements, context, path, *args, **kwargs)

        writer.write_file, writer.write_feed = shared_write_file, shared_write_feed

    @contextlib.contextmanager
    def _writing(self):
        """While a file is written: a worker forwards what is logged."""
        if self.forward is None:
            yield
            return
        self.forward.writing = True
        try:
            yield
        finally:
            self.forward.writing = False

    def _fork(self):
        # Frozen objects are left out of garbage collections until the output
        # is written: a worker's would touch (and so copy) every page of the
        # heap, and the main process's would walk a heap that only grows.
        gc.freeze()
        for rank in range(1, self.processes):
            read_end = write_end = None
            try:
                read_end, write_end = os.pipe()
                pid = os.fork()
            except OSError as error:  # out of processes, files or memory: fewer writers
                for end in (read_end, write_end):
                    if end is not None:
                        os.close(end)
                logger.info(
                    "parallel_writing: could not start a worker (%s); writing with one process",
                    error,
                )
                # Nothing is written yet. Workers already started count on
                # this many processes: end them, and write everything here.
                self._stop_workers()
                self.processes = 1
                self.shares = Shares(1)
                return
            if pid == 0:
                os.close(read_end)
                for _pid, other in self.workers:
                    os.close(other)
                self.rank, self.pipe, self.workers = rank, write_end, []
                self._become_worker()
                return
            os.close(write_end)
            self.workers.append((pid, read_end))
        logger.debug("parallel_writing: %d worker process(es) started", len(self.workers))

    def _become_worker(self):
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.stdout = open(os.dup(1), "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        sys.stderr = open(os.dup(2), "w", encoding="utf-8", errors="replace")  # noqa: SIM115
        self.forward = _Forward()
        logging.getLogger().handlers = [self.forward]

    def _report(self, writer, error):
        """In a worker: send what the main process needs, then exit at once."""
        status = 0 if error is None else 1
        report = {
            "seen": self.shares.seen,
            "written": writer._written_files,
            "overridden": writer._overridden_files,
            "records": self.forward.records,
            "seconds": time.perf_counter() - self.started,
            "error": None if error is None else _portable(error),
        }
        try:
            with os.fdopen(self.pipe, "wb") as pipe:
                pickle.dump(report, pipe, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            status = 2
        finally:
            # Skip the rest of Pelican's run (and atexit handlers): the main
            # process finishes the build.
            os._exit(status)

    def _gather(self, writer):
        """In the main process: wait for every worker and take in its report."""
        failures = []
        written = 0
        main_seconds = time.perf_counter() - self.started
        worker_seconds = 0.0
        while self.workers:
            pid, read_end = self.workers[0]
            with os.fdopen(read_end, "rb") as pipe:
                data = pipe.read()
            _pid, status = os.waitpid(pid, 0)
            self.workers.pop(0)
            try:
                report = pickle.loads(data)
            except Exception:
                failures.append(
                    ParallelWritingError(
                        "a worker process writing part of the site stopped before "
                        f"it reported ({_describe(status)}); the output is incomplete"
                    )
                )
                continue
            worker_seconds = max(worker_seconds, report["seconds"])
            for fields in report["records"]:
                record = logging.makeLogRecord(fields)
                logging.getLogger(record.name).callHandlers(record)
            if report["error"] is not None:
                failures.append(report["error"])
                continue
            if report["seen"] != self.shares.seen:
                failures.append(self._out_of_step(report["seen"]))
                continue
            failures.extend(self._clashes(writer, report))
            writer._written_files |= report["written"]
            writer._overridden_files |= report["overridden"]
            written += len(report["written"])
        gc.unfreeze()
        if failures:
            raise failures[0]
        logger.info(
            "parallel_writing: %d processes wrote the site; the main one in %.2f s, "
            "the workers (%d files) in %.2f s",
            self.processes,
            main_seconds,
            written,
            worker_seconds,
        )

    def _out_of_step(self, seen):
        mine = self.shares.seen
        at = next(
            (i for i, pair in enumerate(zip(seen, mine, strict=False)) if pair[0] != pair[1]),
            min(len(seen), len(mine)),
        )
        return ParallelWritingError(
            f"processes writing the site went out of step at file {at + 1} "
            f"({mine[at] if at < len(mine) else 'end'} here, "
            f"{seen[at] if at < len(seen) else 'end'} in a worker); the output may be "
            "incomplete. Set PARALLEL_WRITING = {'PROCESSES': 1} and report this"
        )

    @staticmethod
    def _clashes(writer, report):
        """Files two processes both wrote, which Pelican refuses on one core."""
        overridden = writer._overridden_files | report["overridden"]
        both = (writer._written_files & report["written"]) - overridden
        return [
            FileOverwriteFailedError(
                f'Failed to overwrite "{path}" as Pelican has already written to it '
                "previously (set `override=True` if intended)"
            )
            for path in sorted(both)
        ]

    def _stop_workers(self):
        for pid, read_end in self.workers:
            try:
                os.kill(pid, signal.SIGTERM)
                os.waitpid(pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            with contextlib.suppress(OSError):  # closed already if reading it failed
                os.close(read_end)
        self.workers = []
        gc.unfreeze()


def settings_or_stop(pelican_settings):
    """Validated settings; a bad one stops the build with one plain line, exit 1."""
    try:
        return read_settings(pelican_settings)
    except SettingsError as error:
        logger.critical("%s", error)
        raise SystemExit(1) from None


def check_settings(pelican):
    """initialized: refuse bad settings before any post is read."""
    settings_or_stop(pelican.settings)


def start(generators):
    """all_generators_finalized: share the output stage when it is worth it."""
    if not generators:
        return
    pelican_settings = generators[0].settings
    settings = settings_or_stop(pelican_settings)
    reason = why_one_process(settings, generators)
    if reason:
        logger.debug("parallel_writing: writing with one process: %s", reason)
        return
    Run(settings, pelican_settings, generators).install()


def register():
    signals.initialized.connect(check_settings)
    signals.all_generators_finalized.connect(start)
