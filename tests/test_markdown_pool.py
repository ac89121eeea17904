"""markdown_pool in real builds: the same site with and without it, the same
messages for bad posts, no pool for a warm rebuild, and no worker process left
behind after a build, Ctrl-C, or the repeated runs of ``pelican -r``.

Generated posts (tests.bench) with MIN_FILES lowered so that a few hundred
posts use the pool, plus posts whose Markdown keeps state (footnotes,
abbreviations), a formatted Summary, a table, code, and two bad posts.
"""

import json
import os
import queue
import re
import signal
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest

import pelicanconf
from tests.bench import generate_site
from tests.conftest import PELICAN, ROOT, run_pelican

POSTS = 300
WORKERS = 2
HEADER = "Date: 2013-02-{day:02d} 10:00\nCategory: Notes\nTags: state\n"
SPECIAL = {
    "summary.md": "Title: Formatted summary\nSummary: A *short* summary\n\nThe body.\n",
    "footnote.md": "Title: A footnote\n\nThe HR team[^1] said so.\n\n[^1]: Human resources.\n",
    "abbr.md": "Title: An abbreviation\n\nThe HR team again.\n\n*[HR]: Human resources\n",
    "table.md": "Title: A table\n\n| offer | salary |\n| --- | --- |\n| Acme | 100 |\n",
    "code.md": "Title: Some code\n\n```python\nfor offer in offers:\n    print(offer)\n```\n",
    "plain.md": "Title: No footnote\n\nThe HR team, with no note.\n",
}
BAD = {
    "latin-1.md": "Title: Latin one\nDate: 2013-04-05\n\nA caf\xe9 in Paris.\n".encode("latin-1"),
    "deep-quote.md": "Title: Deep quote\nDate: 2013-04-05\n\n" + ">" * 1000 + " deep\n",
}
POOL = ["-e", json.dumps({"PROCESSES": WORKERS, "MIN_FILES": 20}).join(("MARKDOWN_POOL=", ""))]
WITHOUT_POOL = json.dumps([p for p in pelicanconf.PLUGINS if p != "markdown_pool"])
POOL_LINE = re.compile(r"markdown_pool: (\d+) of (\d+) Markdown file\(s\) rendered by (\d+) worker")
WIDE = {"COLUMNS": "1000"}  # one log line per message


def write_site(content, posts):
    generate_site(content, posts)
    for day, (name, text) in enumerate(SPECIAL.items(), 1):
        title, body = text.split("\n", 1)
        (content / "posts" / name).write_text(f"{title}\n{HEADER.format(day=day)}{body}")
    for name, data in BAD.items():
        path = content / "posts" / name
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
    return content


def files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def processes_with(token):
    """Pids of the live processes whose environment holds token (the build and its workers)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
                state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if token.encode() in environ and state != "Z":
                found.add(int(entry.name))
    return found


def pool_runs(log):
    """(rendered, files, workers) of each pool the log reports."""
    return [tuple(map(int, match)) for match in POOL_LINE.findall(log)]


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return write_site(tmp_path_factory.mktemp("pool") / "content", POSTS)


@pytest.fixture(scope="module")
def token():
    return f"markdown-pool-test-{uuid.uuid4()}"


@pytest.fixture(scope="module")
def pooled(content, token, tmp_path_factory):
    output = tmp_path_factory.mktemp("pooled")
    env = {**WIDE, "MARKDOWN_POOL_TEST": token}
    result = run_pelican(content, output, "pelicanconf.py", "-v", *POOL, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


@pytest.fixture(scope="module")
def serial(content, tmp_path_factory):
    output = tmp_path_factory.mktemp("serial")
    extra = ["-v", *POOL, f"PLUGINS={WITHOUT_POOL}"]
    result = run_pelican(content, output, "pelicanconf.py", *extra, env=WIDE)
    assert result.returncode == 0, result.stdout + result.stderr
    return output, result.stdout + result.stderr


def test_the_site_is_byte_identical_with_and_without_the_pool(pooled, serial):
    with_pool, without = files(pooled[0]), files(serial[0])
    assert with_pool.keys() == without.keys()
    assert [str(p) for p in with_pool if with_pool[p] != without[p]] == []
    posts = [p for p in with_pool if re.fullmatch(r"\d{4}/\d\d/[^/]+\.html", str(p))]
    posts = [p for p in posts if p.name != "index.html"]
    assert len(posts) == POSTS + len(SPECIAL)


def test_the_workers_rendered_posts_the_build_used(pooled, serial, content):
    markdown_files = len(list((content / "posts").glob("*.md")))
    [(rendered, files, workers)] = pool_runs(pooled[1])
    assert (files, workers) == (markdown_files, WORKERS)
    # The build reads itself any file whose result has not arrived yet, and
    # the bad posts; the workers rendered the others.
    assert 0 < rendered <= files - len(BAD)
    assert pool_runs(serial[1]) == []


def test_markdown_state_does_not_leak_between_posts(pooled):
    html = {p.name: p.read_text() for p in pooled[0].glob("2013/02/*.html")}
    assert '<abbr title="Human resources">HR</abbr>' in html["an-abbreviation.html"]
    assert 'class="footnote"' in html["a-footnote.html"]
    assert "<abbr" not in html["no-footnote.html"]
    assert 'class="footnote"' not in html["no-footnote.html"]
    assert "<table>" in html["a-table.html"]
    assert 'class="highlight"' in html["some-code.html"]


@pytest.mark.parametrize("name, message", [
    ("latin-1.md", "is not UTF-8 (byte 0xE9 at line 4, column 6"),
    ("deep-quote.md", "line 4 is nested 1000 levels deep"),
])  # fmt: skip
def test_a_bad_post_gets_the_same_message_as_without_the_pool(pooled, serial, name, message):
    def lines(log):
        found = [re.sub(r"^\[[\d:]+\]", "", line).strip() for line in log.splitlines()]
        return [line for line in found if name in line]

    assert lines(pooled[1]) == lines(serial[1])
    assert any(line.startswith("ERROR") and message in line for line in lines(pooled[1]))


def test_no_worker_outlives_the_build(pooled, token):
    assert processes_with(token) == set()


def test_a_warm_rebuild_starts_no_pool(tmp_path):
    content = write_site(tmp_path / "content", 30)
    cache = tmp_path / "cache"
    cold = run_pelican(content, tmp_path / "out", "pelicanconf.py", "-v", *POOL, cache=cache)
    assert len(pool_runs(cold.stdout + cold.stderr)) == 1, cold.stdout + cold.stderr
    with (content / "posts" / "post-1.md").open("a") as post:
        post.write("\nEdited.\n")
    warm = run_pelican(content, tmp_path / "out", "pelicanconf.py", "-v", *POOL, cache=cache)
    assert warm.returncode == 0, warm.stdout + warm.stderr
    assert pool_runs(warm.stdout + warm.stderr) == []
    (page,) = (tmp_path / "out" / "2013" / "01").glob("post-1-*.html")
    assert "Edited." in page.read_text()


class Running:
    """A pelican command in its own session, its output read line by line."""

    def __init__(self, *args, token):
        self.process = subprocess.Popen(
            [str(PELICAN), *map(str, args)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, **WIDE, "MARKDOWN_POOL_TEST": token},
            start_new_session=True,
        )
        self.lines = queue.Queue()
        self.log = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.put(line)

    def wait_for(self, text, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                self.log.append(self.lines.get(timeout=0.2))
            except queue.Empty:
                continue
            if text in self.log[-1]:
                return
        pytest.fail(f"no {text!r} within {timeout} s:\n{''.join(self.log)}")

    def interrupt(self):
        """Ctrl-C, as a terminal sends it: SIGINT to the whole process group."""
        os.killpg(self.process.pid, signal.SIGINT)
        self.process.wait(timeout=60)
        time.sleep(0.2)
        while not self.lines.empty():
            self.log.append(self.lines.get())
        return "".join(self.log)


def wait_for_workers(build, token):
    """Until the build's workers are running (they carry its token)."""
    deadline = time.monotonic() + 60
    while len(processes_with(token) - {build.process.pid}) < WORKERS:
        assert build.process.poll() is None, "the build ended before its workers were seen"
        assert time.monotonic() < deadline, "no worker process was started"
        time.sleep(0.005)


def test_ctrl_c_while_the_workers_render_leaves_none_behind(content, tmp_path):
    token = f"markdown-pool-test-{uuid.uuid4()}"
    build = Running(content, "-o", tmp_path / "out", "-s", ROOT / "pelicanconf.py", *POOL,
                    "--cache-path", tmp_path / "cache", token=token)  # fmt: skip
    wait_for_workers(build, token)
    log = build.interrupt()
    assert "Traceback" not in log
    assert processes_with(token) == set()


def test_pelican_r_keeps_no_worker_between_runs(tmp_path):
    token = f"markdown-pool-test-{uuid.uuid4()}"
    content = write_site(tmp_path / "content", 60)
    build = Running("-r", content, "-o", tmp_path / "out", "-s", ROOT / "pelicanconf.py", "-v",
                    *POOL, "--cache-path", tmp_path / "cache", token=token)  # fmt: skip
    try:
        build.wait_for("Done: Processed")
        assert processes_with(token) == {build.process.pid}
        time.sleep(1)  # let the watcher start before the edit
        with (content / "posts" / "post-1.md").open("a") as post:
            post.write("\nEdited.\n")
        build.wait_for("re-generating")
        build.wait_for("Done: Processed")
        assert processes_with(token) == {build.process.pid}
    finally:
        log = build.interrupt()
    assert len(pool_runs(log)) == 1, log  # the cold run; the warm one starts none
    assert processes_with(token) == set()


def test_workers_end_when_the_build_is_killed(content, tmp_path):
    token = f"markdown-pool-test-{uuid.uuid4()}"
    build = Running(content, "-o", tmp_path / "out", "-s", ROOT / "pelicanconf.py", *POOL,
                    "--cache-path", tmp_path / "cache", token=token)  # fmt: skip
    wait_for_workers(build, token)
    build.process.kill()  # SIGKILL: no clean-up code of the build runs
    build.process.wait(timeout=60)
    deadline = time.monotonic() + 10
    while processes_with(token) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert processes_with(token) == set()


def test_a_bad_setting_stops_the_build_with_one_plain_line(tmp_path):
    setting = json.dumps({"PROCESSES": -1}).join(("MARKDOWN_POOL=", ""))
    result = run_pelican(ROOT / "content", tmp_path / "out", "pelicanconf.py", "-e", setting)
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "MARKDOWN_POOL['PROCESSES'] must be a whole number >= 0, not -1" in log
    assert "Traceback" not in log
    assert not (tmp_path / "out" / "index.html").exists()
