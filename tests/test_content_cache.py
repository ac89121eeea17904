"""The content cache of development builds changes speed, never output.

`pelicanconf.py` turns Pelican's content cache on so that `make devserver`
renders only edited posts. A rebuild from a warm cache after an edit must
give byte for byte the site a cold build of the same sources gives, and
must show the edit.
"""

import os
import shutil
from pathlib import Path

import pelicanconf
from tests.conftest import SAMPLE_POST, build, copy_content, files, run_pelican

EDITED = "posts/2013-03-08-two-interviews-this-week.md"
EDITED_URL = "2013/03/two-interviews-this-week.html"


def test_development_builds_use_the_content_cache():
    assert pelicanconf.CACHE_CONTENT and pelicanconf.LOAD_CONTENT_CACHE


def test_warm_rebuild_after_an_edit_equals_a_cold_build(tmp_path):
    content = copy_content(tmp_path / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    cache = tmp_path / "cache"
    before, warm, cold = tmp_path / "before", tmp_path / "warm", tmp_path / "cold"
    build(content, before, cache=cache)
    assert any(cache.iterdir()), "the cold build wrote no content cache"

    post = content / EDITED
    post.write_text(post.read_text(encoding="utf-8") + "\nAn edit saved later.\n", "utf-8")
    build(content, warm, cache=cache)
    build(content, cold, cache=tmp_path / "fresh-cache")

    assert "An edit saved later." in (warm / EDITED_URL).read_text(encoding="utf-8")
    assert "An edit saved later." not in (before / EDITED_URL).read_text(encoding="utf-8")
    warm_files, cold_files = files(warm), files(cold)
    assert warm_files.keys() == cold_files.keys()
    different = [str(p) for p in warm_files if warm_files[p] != cold_files[p]]
    assert different == []


def test_git_ignores_the_cache_and_make_clean_removes_it():
    root = Path(__file__).resolve().parent.parent
    assert "cache/" in (root / ".gitignore").read_text().split()
    clean = (root / "Makefile").read_text().split("\nclean:", 1)[1].split("\n\n", 1)[0]
    assert '"$(BASEDIR)/cache"' in clean and pelicanconf.CACHE_PATH == "cache"


def test_an_edit_that_keeps_the_modification_time_is_seen(tmp_path):
    """`cp -p`, `rsync -a` and `touch -r` keep the old time: the bytes decide."""
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    build(content, tmp_path / "before", cache=cache)

    post = content / EDITED
    times = post.stat()
    post.write_text(post.read_text(encoding="utf-8") + "\nA restored edit.\n", "utf-8")
    os.utime(post, ns=(times.st_atime_ns, times.st_mtime_ns))
    warm = tmp_path / "warm"
    build(content, warm, cache=cache)

    assert "A restored edit." in (warm / EDITED_URL).read_text(encoding="utf-8")
    assert pelicanconf.CHECK_MODIFIED_METHOD == "md5"


def test_changing_content_guard_settings_reads_the_posts_again(tmp_path):
    """A post cached under one limit is checked again under another."""
    content = copy_content(tmp_path / "content")
    cache = tmp_path / "cache"
    build(content, tmp_path / "before", cache=cache)
    assert (tmp_path / "before" / EDITED_URL).exists()

    limit = 'CONTENT_GUARD={"MAX_BYTES": 1000}'
    log = run_pelican(content, tmp_path / "strict", "pelicanconf.py", "-e", limit, cache=cache).log
    assert "larger than CONTENT_GUARD['MAX_BYTES'] = 1,000" in " ".join(log.split())
    assert not (tmp_path / "strict" / EDITED_URL).exists()

    # Back to the defaults: the first cache is still there and still right.
    again = tmp_path / "again"
    build(content, again, cache=cache)
    assert (again / EDITED_URL).read_bytes() == (tmp_path / "before" / EDITED_URL).read_bytes()
