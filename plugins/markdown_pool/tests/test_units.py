"""The pool's parts on their own: settings, the workers' rendering, the reader."""

import copy
import multiprocessing
import os
import signal
import time

import pytest
from markdown_reuse import ReusingMarkdownReader
from pelican.settings import DEFAULT_CONFIG

from markdown_pool.pool import Session
from markdown_pool.reader import PooledMarkdownReader
from markdown_pool.settings import SettingsError, read_settings

POSTS = {
    "summary.md": "Title: S\nDate: 2013-03-10\nSummary: A *formatted* summary\n\nBody.\n",
    "footnote.md": "Title: F\nDate: 2013-03-11\n\nThe HR team[^1].\n\n[^1]: Human resources.\n",
    "abbr.md": "Title: A\nDate: 2013-03-12\n\nThe HR team.\n\n*[HR]: Human resources\n",
    "table.md": "Title: T\nDate: 2013-03-13\n\n| a | b |\n| - | - |\n| 1 | 2 |\n",
    "code.md": "Title: C\nDate: 2013-03-14\n\n```python\nprint('x')\n```\n",
    "plain.md": "Title: P\nDate: 2013-03-15\nTags: a, b\n\nThe HR team, no note.\n",
}


def settings():
    return copy.deepcopy(DEFAULT_CONFIG)


@pytest.fixture
def posts(tmp_path):
    paths = []
    for name, text in POSTS.items():
        paths.append(str(tmp_path / name))
        (tmp_path / name).write_text(text, encoding="utf-8")
    # A BOM and Windows line ends, as pelican_open reads them.
    paths.append(str(tmp_path / "crlf.md"))
    (tmp_path / "crlf.md").write_bytes(b"\xef\xbb\xbfTitle: W\r\nDate: 2013-03-16\r\n\r\nWin.\r\n")
    return paths


def children():
    return {child.pid for child in multiprocessing.active_children()}


@pytest.fixture
def session_for():
    """Start Sessions on the test's files; none may leave a worker behind."""
    before = children()
    sessions = []

    def start(paths, refuse=None):
        reader = PooledMarkdownReader(settings())  # completes settings["MARKDOWN"]
        sessions.append(Session(paths, 2, reader.settings["MARKDOWN"], refuse))
        reader.session = sessions[-1]
        return reader, sessions[-1]

    yield start
    for session in sessions:
        session.close()
    assert children() == before


def test_defaults_and_valid_values():
    assert read_settings({}) == {"PROCESSES": 0, "MIN_FILES": 50}
    assert read_settings({"MARKDOWN_POOL": {"PROCESSES": 3}})["PROCESSES"] == 3


@pytest.mark.parametrize(
    "given, words",
    [
        ([2], "MARKDOWN_POOL must be a dict"),
        ({"PROCESS": 2}, "unknown key(s) ['PROCESS']"),
        ({"PROCESSES": -1}, "MARKDOWN_POOL['PROCESSES'] must be a whole number >= 0, not -1"),
        ({"PROCESSES": "2"}, "MARKDOWN_POOL['PROCESSES'] must be a whole number >= 0, not '2'"),
        ({"MIN_FILES": 0}, "MARKDOWN_POOL['MIN_FILES'] must be a whole number >= 1, not 0"),
        ({"MIN_FILES": True}, "MARKDOWN_POOL['MIN_FILES'] must be a whole number >= 1, not True"),
    ],
)
def test_bad_settings_are_named(given, words):
    with pytest.raises(SettingsError) as error:
        read_settings({"MARKDOWN_POOL": given})
    assert words in str(error.value)


def test_pooled_reads_equal_serial_reads_in_any_order(posts, session_for):
    reader, session = session_for(posts)
    assert session.wait(timeout=30)
    # Reverse order: results that arrived first wait for the reader to ask.
    pooled = {path: reader.read(path) for path in reversed(posts)}
    assert session.served == len(posts)
    serial = ReusingMarkdownReader(settings())
    for path in posts:
        assert pooled[path] == serial.read(path), path
    summary = pooled[posts[0]][1]["summary"]
    assert summary == "<p>A <em>formatted</em> summary</p>"


def test_a_file_edited_after_its_worker_read_it_is_read_again(posts, session_for, tmp_path):
    reader, session = session_for(posts)
    assert session.wait(timeout=30)  # every file was read before the edit
    with open(posts[-2], "a", encoding="utf-8") as handle:
        handle.write("\nEdited since.\n")
    content, _metadata = reader.read(posts[-2])
    assert "Edited since." in content
    assert session.served == 0
    assert session.take(posts[-1]) is not None


def test_files_the_worker_cannot_render_are_left_to_the_build(posts, tmp_path, session_for):
    latin = tmp_path / "latin.md"
    latin.write_bytes("Title: L\n\nCaf\xe9.\n".encode("latin-1"))
    deep = tmp_path / "deep.md"
    deep.write_text("Title: D\n\n" + ">" * 60 + " x\n", encoding="utf-8")
    paths = [str(latin), str(deep), *posts]
    _reader, session = session_for(paths, refuse=lambda text: ">" * 60 in text)
    assert session.wait(timeout=30)
    assert session.take(str(latin)) is None
    assert session.take(str(deep)) is None
    assert all(session.take(path) is not None for path in posts)


def test_a_worker_that_dies_does_not_hang_the_build(posts, session_for):
    def killed_on_footnotes(text):
        if "[^1]" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return False

    reader, session = session_for(posts, refuse=killed_on_footnotes)
    assert not session.wait(timeout=1)  # the dead worker's files never come
    serial = ReusingMarkdownReader(settings())
    # Every file is still read, the lost ones by the reader itself.
    assert [reader.read(path) for path in posts] == [serial.read(path) for path in posts]
    assert 0 < session.served < len(posts)


def test_the_build_never_waits_for_a_worker(posts, session_for):
    def slow(text):
        time.sleep(60)
        return False

    reader, session = session_for(posts, refuse=slow)
    started = time.monotonic()
    serial = ReusingMarkdownReader(settings())
    assert [reader.read(path) for path in posts] == [serial.read(path) for path in posts]
    assert time.monotonic() - started < 30
    assert session.served == 0


def test_workers_hand_back_plain_data(posts, session_for):
    _reader, session = session_for(posts)
    assert session.wait(timeout=30)
    prepared = session.take(posts[0])
    assert type(prepared.html) is str and type(prepared.digest) is bytes
    assert prepared.meta == {
        "title": ["S"],
        "date": ["2013-03-10"],
        "summary": ["A *formatted* summary"],
    }
