"""The fork-and-gather machinery, on Pelican's real Writer and stand-in generators.

Each test forks real worker processes. A worker that returned into pytest
would run the rest of the test suite twice, so every loop that may fork ends
with a guard that stops any process other than the test's own.
"""

import logging
import os

import jinja2
import pytest
from pelican import signals
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import FileOverwriteFailedError, Writer

from parallel_writing import plugin
from parallel_writing.settings import Settings, SettingsError, read_settings

TEMPLATE = jinja2.Template("{{ log(text) }}{{ text }}")
LOG = logging.getLogger("parallel_writing.test")


class Generator:
    """Writes `names` through the writer, as Pelican's generators do."""

    def __init__(self, names, extra_in_worker=(), fail_on=None):
        self.names = names
        self.extra_in_worker = extra_in_worker
        self.fail_on = fail_on
        self.main = os.getpid()

    def generate_output(self, writer):
        # Pelican logs a message once per process: tests make each one new.
        LOG.warning("generating %s", id(self))  # in every process
        names = list(self.names)
        if os.getpid() != self.main:
            names += list(self.extra_in_worker)
        for name in names:
            if name == self.fail_on:
                raise ValueError(f"cannot render {name}")
            writer.write_file(name, TEMPLATE, {}, text=f"page {name} {id(self)}", log=self.log)

    @staticmethod
    def log(text):
        LOG.warning("rendering %s", text)  # where the page is written
        return ""


class Other:
    """A generator of another kind: it must run in the main process only."""

    def __init__(self, folder):
        self.folder = folder

    def generate_output(self, writer):
        (self.folder / f"other-{os.getpid()}.txt").write_text("x")


@pytest.fixture(autouse=True)
def shared_stand_in(monkeypatch):
    monkeypatch.setattr(plugin, "SHARED", (Generator,))


def build(tmp_path, generators, processes=2):
    """Run the output stage as Pelican.run does; return the main process's writer."""
    settings = dict(DEFAULT_CONFIG)
    writer = Writer(str(tmp_path), settings)
    plugin.Run(Settings(processes, 0), settings, generators).install()
    main = os.getpid()
    try:
        for generator in generators:
            generator.generate_output(writer)
    finally:
        if os.getpid() != main:  # a worker must never get here
            os._exit(99)
    return writer


def no_children_left():
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


NAMES = [f"page-{n}.html" for n in range(40)]


@pytest.mark.parametrize("processes", [2, 3])
def test_every_file_is_written_once_by_some_process(tmp_path, caplog, processes):
    caplog.set_level(logging.INFO)
    writer = build(tmp_path, [Generator(NAMES)], processes)
    for name in NAMES:
        assert (tmp_path / name).read_text().startswith(f"page {name} ")
    assert writer._written_files == {str(tmp_path / name) for name in NAMES}
    done = [r.getMessage() for r in caplog.records if r.name == plugin.logger.name]
    assert done and f"{processes} processes wrote the site" in done[-1]
    assert "(0 files)" not in done[-1]  # the workers did write
    no_children_left()


def test_log_records_of_the_workers_reach_the_main_process(tmp_path, caplog):
    caplog.set_level(logging.WARNING)
    generator = Generator(NAMES)
    build(tmp_path, [generator])
    logged = sorted(r.getMessage() for r in caplog.records if r.name == LOG.name)
    # Each page's record once, from whichever process wrote it, and the
    # generator's own record once, though every process ran the generator.
    expected = [f"rendering page {name} {id(generator)}" for name in NAMES]
    assert logged == sorted([f"generating {id(generator)}", *expected])


def test_other_generators_run_in_the_main_process_only(tmp_path):
    build(tmp_path, [Generator(NAMES), Other(tmp_path)])
    assert [p.name for p in tmp_path.glob("other-*")] == [f"other-{os.getpid()}.txt"]
    no_children_left()


@pytest.mark.parametrize("failing", [NAMES[1], NAMES[0]], ids=["in-a-worker", "in-main"])
def test_an_error_while_writing_fails_the_build_with_its_message(tmp_path, failing):
    with pytest.raises(ValueError, match=f"cannot render {failing}"):
        build(tmp_path, [Generator(NAMES, fail_on=failing)])
    no_children_left()


def test_processes_that_see_different_files_fail_the_build(tmp_path):
    generators = [Generator(NAMES, extra_in_worker=["only-in-the-worker.html"])]
    with pytest.raises(plugin.ParallelWritingError, match="out of step"):
        build(tmp_path, generators)
    no_children_left()


def test_two_names_for_one_file_fail_as_on_one_core(tmp_path):
    # Two calls whose names differ but land on one file, one per process.
    with pytest.raises(FileOverwriteFailedError, match="clash.html"):
        build(tmp_path, [Generator(["clash.html", "./clash.html"])])
    no_children_left()


@pytest.mark.parametrize("started", [0, 1], ids=["none-started", "one-started"])
def test_when_a_worker_cannot_start_the_main_process_writes_everything(
    tmp_path, monkeypatch, started
):
    fork, calls = os.fork, []

    def refused_after_some():
        calls.append(1)
        if len(calls) > started:
            raise BlockingIOError(11, "Resource temporarily unavailable")
        return fork()

    monkeypatch.setattr(os, "fork", refused_after_some)
    writer = build(tmp_path, [Generator(NAMES)], processes=3)
    assert writer._written_files == {str(tmp_path / name) for name in NAMES}
    assert all((tmp_path / name).exists() for name in NAMES)
    no_children_left()


def test_reasons_to_stay_on_one_process():
    def listener(*args, **kwargs):
        pass

    big = type("Big", (), {"articles": [None] * 300})()
    assert plugin.why_one_process(Settings(2, 200), [big]) is None
    assert "PROCESSES" in plugin.why_one_process(Settings(1, 200), [big])
    assert "MIN_CONTENT" in plugin.why_one_process(Settings(2, 500), [big])
    signals.content_written.connect(listener)
    try:
        reason = plugin.why_one_process(Settings(2, 200), [big])
    finally:
        signals.content_written.disconnect(listener)
    assert "listener" in reason and "content_written" in reason


@pytest.mark.parametrize(
    "given, message",
    [
        ({"PROCESSES": -1}, "'PROCESSES'] must be a whole number >= 0"),
        ({"MIN_CONTENT": "10"}, "'MIN_CONTENT'] must be a whole number"),
        ({"PROCES": 2}, "unknown key(s) ['PROCES']"),
        (["PROCESSES"], "must be a dict"),
    ],
)
def test_bad_settings_are_named(given, message):
    with pytest.raises(SettingsError) as error:
        read_settings({"PARALLEL_WRITING": given})
    assert message in str(error.value)


def test_defaults_use_every_usable_core():
    settings = read_settings({})
    assert settings.processes == len(os.sched_getaffinity(0))
    assert settings.min_content == 200
