"""parallel_writing in real builds: a stopped or failing build leaves no worker behind.

(That the output is byte-identical is in tests/test_speedups.py; the
machinery on its own is tested in plugins/parallel_writing/tests.)
"""

import json
import os
import signal
import subprocess
import time

import pytest

from tests.bench import generate_site
from tests.conftest import PELICAN, ROOT, copy_content, run_pelican

FORCED = "PARALLEL_WRITING=" + json.dumps({"PROCESSES": 2, "MIN_CONTENT": 0})


@pytest.fixture(scope="module")
def many_posts(tmp_path_factory):
    content = tmp_path_factory.mktemp("parallel") / "content"
    generate_site(content, 300)
    return content


def session_processes(sid):
    """Processes still alive (not zombies) in session `sid`."""
    listed = subprocess.run(
        ["ps", "-e", "-o", "pid=,sid=,stat="], capture_output=True, text=True, check=True
    )
    return [
        line.split()[0]
        for line in listed.stdout.splitlines()
        if line.split()[1] == str(sid) and not line.split()[2].startswith("Z")
    ]


def start_build(content, folder):
    """pelican in a session of its own (as a terminal's job): its id is the pid."""
    command = [str(PELICAN), str(content), "-o", str(folder / "out"), "-s", "pelicanconf.py"]
    command += ["--cache-path", str(folder / "cache"), "-e", FORCED]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        start_new_session=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )


def test_ctrl_c_while_writing_leaves_no_worker(many_posts, tmp_path):
    output = tmp_path / "out"
    build = start_build(many_posts, tmp_path)
    try:
        deadline = time.monotonic() + 120
        # Posts are written only once every process is writing.
        while not (output / "2013").exists() and build.poll() is None:
            assert time.monotonic() < deadline, "the build never started writing"
            time.sleep(0.02)
        assert build.poll() is None, "the build ended before it could be interrupted"
        os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
        log = build.communicate(timeout=60)[0]
        assert "Keyboard interrupt received" in log  # Pelican's words; it exits 0
        time.sleep(0.5)
        assert session_processes(build.pid) == []
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)


def test_a_template_error_while_writing_fails_the_build(many_posts, tmp_path):
    """Every post names a template that does not exist: both processes fail."""
    broken = tmp_path / "content"
    generate_site(broken, 0)
    for post in sorted((many_posts / "posts").glob("*.md"))[:250]:
        text = post.read_text(encoding="utf-8").replace("\n\n", "\nTemplate: missing\n\n", 1)
        (broken / "posts" / post.name).write_text(text, encoding="utf-8")
    build = start_build(broken, tmp_path)
    log = build.communicate(timeout=300)[0]
    assert build.returncode == 1
    assert "unable to load missing" in log
    time.sleep(0.5)
    assert session_processes(build.pid) == []


def test_a_bad_setting_stops_the_build_before_reading_with_one_line(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "posts" / "latin-1.md").write_bytes(b"Title: Caf\xe9\nDate: 2013-03-09\n\nB.\n")
    bad = "PARALLEL_WRITING=" + json.dumps({"PROCESES": 2})
    result = run_pelican(content, tmp_path / "out", "pelicanconf.py", "-e", bad)
    assert result.returncode == 1
    log = result.stdout + result.stderr
    assert "PARALLEL_WRITING: unknown key(s) ['PROCESES']" in log
    assert "Traceback" not in log
    assert "latin-1.md" not in log  # no post was read
