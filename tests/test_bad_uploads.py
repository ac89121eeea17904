"""`make rsync_upload` after each kind of bad input uploads nothing: the site
online stays byte for byte what it was. (`make github` depends on the same
`make publish`; tests/test_publishing.py checks it refuses a failed build.)"""

from tests.conftest import copy_content, make
from tests.test_publishing import rsync, snapshot  # noqa: F401

GOOD = "Date: 2013-04-01\nCategory: Job search\n"
# One post (or pair) per way content_guard reacts: a skipped post, a repaired
# one (warning), two posts on one slug, a page over the archive (build stops).
BAD_INPUTS = {
    "a file that is not UTF-8": {
        "posts/latin-1.md": ("Title: Latin\n" + GOOD + "\nCaf\xe9.\n").encode("latin-1")
    },
    "a control character": {"posts/ctrl.md": "Title: Ctrl\x0b\n" + GOOD + "\nB.\n"},
    "an empty title": {"posts/empty-title.md": "Title:\n" + GOOD + "\nB.\n"},
    "two posts with one slug": {
        "posts/twin-1.md": "Title: Twin\n" + GOOD + "\nOne.\n",
        "posts/twin-2.md": "Title: Twin\n" + GOOD + "\nTwo.\n",
    },
    "a page over the archive": {"pages/archives.md": "Title: Archives\n\nMine.\n"},
}


def test_rsync_upload_after_bad_input_uploads_nothing(tmp_path, rsync):  # noqa: F811
    content, output, www = copy_content(tmp_path / "content"), tmp_path / "public", tmp_path / "www"
    target = f"RSYNC_TARGET={www}/"
    result = make("rsync_upload", content, output, target)
    assert result.returncode == 0, result.stdout + result.stderr
    online = snapshot(www)
    assert "index.html" in online

    for case, files in BAD_INPUTS.items():
        for name, text in files.items():
            path = content / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        result = make("rsync_upload", content, output, target)
        log = result.stdout + result.stderr
        assert result.returncode != 0, f"{case}: {log}"
        assert "Build failed" in log, f"{case}: {log}"
        assert all(name.split("/")[1] in log for name in files), f"{case}: {log}"
        assert snapshot(www) == online, case
        for name in files:
            (content / name).unlink()
