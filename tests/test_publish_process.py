"""`make publish` leaves the production folder whole and new, or unchanged and
old, whatever happens around it: a second publish at the same time, an
interrupt sent to Pelican alone, a development server rebuilding after an
edit. Each test runs the real make targets on a copy of content/ and waits on
the processes' own output (or on a FIFO the build reads), never on a clock.
"""

import os
import re
import select
import signal
import socket
import subprocess
import sys
import threading
from pathlib import Path

from tests.conftest import ROOT, copy_content
from tests.test_publishing import snapshot

NEW_POST = "Title: A new post\nDate: 2013-04-01\nCategory: Job search\n\nNews.\n"


def start_make(target, content, site, *variables):
    """`make TARGET` in its own process group, output (merged) readable line by line.

    Development builds go to ``site``'s sibling ``dev-output``."""
    return subprocess.Popen(
        [
            "make",
            "--no-print-directory",
            target,
            f"INPUTDIR={content}",
            f"OUTPUTDIR={site.parent / 'dev-output'}",
            f"PUBLISHDIR={site}",
            f"VENV={Path(sys.prefix)}",
            *variables,
        ],  # fmt: skip
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "COLUMNS": "1000"},  # rich never wraps a message
        start_new_session=True,
    )


def read_until(process, pattern, seen):
    """Read the process's output up to a line matching ``pattern``; the match.

    Fails with the whole output if the process ends first."""
    for line in process.stdout:
        seen.append(line)
        found = re.search(pattern, line)
        if found:
            return found
    process.wait()
    raise AssertionError(f"no line matching {pattern!r} in:\n{''.join(seen)}")


def finish(process, seen):
    """Wait for the process; its exit status and whole output."""
    rest, _ = process.communicate(timeout=600)
    return process.returncode, "".join(seen) + rest


def publish(content, site):
    process = start_make("publish", content, site)
    status, log = finish(process, [])
    assert status == 0, log
    return snapshot(site)


def leftovers(site):
    return sorted(p.name for p in site.parent.glob(f"{site.name}.*") if p.is_dir())


def test_a_second_publish_waits_for_the_first_then_publishes_whole(tmp_path):
    old = copy_content(tmp_path / "old")
    new = copy_content(tmp_path / "new")
    (new / "posts" / "new.md").write_text(NEW_POST, encoding="utf-8")
    expected = publish(new, tmp_path / "reference" / "public")
    site = tmp_path / "public"

    first, first_seen = start_make("publish", old, site), []
    read_until(first, r"building into public\.new-", first_seen)
    os.killpg(first.pid, signal.SIGSTOP)  # hold it mid-build, lock taken
    try:
        second, second_seen = start_make("publish", new, site), []
        waiting = read_until(second, r"publish: waiting: .*", second_seen)
        assert f"{site}.lock" in waiting.group(0) and "pid" in waiting.group(0)
    finally:
        os.killpg(first.pid, signal.SIGCONT)

    first_status, first_log = finish(first, first_seen)
    second_status, second_log = finish(second, second_seen)
    assert first_status == 0, first_log
    assert second_status == 0, second_log
    # The second publish ran after the first and its site is whole: every
    # file a publish of the same sources gives, byte for byte (the sitemap
    # dates pages by their source file's time, so it is compared by name).
    published = snapshot(site)
    assert published.keys() == expected.keys()
    assert {k: v for k, v in published.items() if not k.startswith("sitemap.xml")} == {
        k: v for k, v in expected.items() if not k.startswith("sitemap.xml")
    }
    assert "2013/04/a-new-post.html" in expected
    assert leftovers(site) == []


def open_for_writing(fifo):
    """Open ``fifo`` for writing: this returns once a reader has opened it."""
    opened = {}
    thread = threading.Thread(target=lambda: opened.setdefault("fd", os.open(fifo, os.O_WRONLY)))
    thread.start()
    thread.join(timeout=300)
    assert "fd" in opened, "the build never opened the FIFO"
    return opened["fd"]


def test_sigint_to_pelican_alone_leaves_the_previous_site(tmp_path):
    content = copy_content(tmp_path / "content")
    site = tmp_path / "public"
    online = publish(content, site)

    # A post the build blocks on: Pelican is mid-build, reading content.
    fifo = content / "posts" / "slow.md"
    os.mkfifo(fifo)
    (content / "posts" / "new.md").write_text(NEW_POST, encoding="utf-8")
    process, seen = start_make("publish", content, site), []
    pelican = int(read_until(process, r"\(pelican pid (\d+)\)", seen).group(1))
    writer = open_for_writing(fifo)
    os.kill(pelican, signal.SIGINT)  # as an IDE's stop button or a supervisor
    os.close(writer)

    status, log = finish(process, seen)
    assert status != 0, log
    assert "Keyboard interrupt received" in log  # Pelican itself exited 0
    assert f"the build did not finish (stopped before its end, no mark): {site} is unchanged" in log
    assert snapshot(site) == online
    assert leftovers(site) == []


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rebuild_after_an_edit(server, post):
    """Save an edit once the devserver has built, until it rebuilds; its output.

    Pelican starts watching files right after printing "Done"; an edit saved
    in between is not seen, so a save that brings no output within 5 s is
    made again (at most 60 times)."""
    fd, log, saves = server.stdout.fileno(), "", 0
    while log.count("Done: Processed") < 2:
        built = "Done: Processed" in log
        ready, _, _ = select.select([fd], [], [], 5 if saves else 0 if built else None)
        if ready:
            chunk = os.read(fd, 65536).decode("utf-8", "replace")
            assert chunk, f"the devserver stopped:\n{log}"
            log += chunk
        elif built:
            assert saves < 60, f"the devserver never rebuilt:\n{log}"
            saves += 1
            post.write_text(post.read_text() + f"\nEdit number {saves}.\n", encoding="utf-8")
    return log


def test_devserver_after_a_publish_never_touches_the_published_site(tmp_path):
    content = copy_content(tmp_path / "content")
    site = tmp_path / "public"
    online = publish(content, site)
    post = content / "posts" / "2013-03-08-two-interviews-this-week.md"
    dev_page = tmp_path / "dev-output" / "2013" / "03" / "two-interviews-this-week.html"

    server = start_make(
        "devserver",
        content,
        site,
        f"PORT={free_port()}",
        f"PELICANOPTS=--cache-path {tmp_path}/cache",
    )
    try:
        log = rebuild_after_an_edit(server, post)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.communicate(timeout=60)

    assert log.count("Done: Processed") >= 2, log
    assert "Edit number" in dev_page.read_text(encoding="utf-8")
    assert (
        "http://127.0.0.1:8000" in (tmp_path / "dev-output" / "feeds" / "all.atom.xml").read_text()
    )
    assert snapshot(site) == online


def test_a_publish_killed_between_its_renames_is_repaired_by_the_next(tmp_path):
    content = copy_content(tmp_path / "content")
    site = tmp_path / "public"
    online = publish(content, site)
    # What a kill leaves: the previous site renamed away, a build folder.
    site.rename(tmp_path / "public.old-killed0")
    (tmp_path / "public.new-killed1").mkdir()
    (tmp_path / "public.new-killed1" / "index.html").write_text("half a site")
    (content / "posts" / "broken.md").write_text("Title: Broken\nDate: 2013\n\nBody.\n")

    status, log = finish(start_make("publish", content, site), [])

    assert status != 0 and "posts/broken.md: line 2: Date '2013' is incomplete" in log
    assert "putting back public.old-killed0 as public" in log
    assert "removing public.new-killed1" in log
    assert snapshot(site) == online
    assert leftovers(site) == []
