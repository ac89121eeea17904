"""Publishing: what publishconf.py adds, and `make github` / `make rsync_upload`
run end to end against a local bare git repository and a local folder."""

import gzip
import hashlib
import os
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import brotli
import pytest
from bs4 import BeautifulSoup

import publishconf
from tests.conftest import ROOT, copy_content, make, run_pelican

# `make` would rebuild the virtualenv without its stamp; this fixture touches it.
from tests.tools import require

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEW_POST = "Title: A new post\nDate: 2013-04-01\nCategory: Job search\nTags: offers\n\nNews.\n"
# A post long and varied enough (hex digests compress poorly) that uploading
# it and the pages and feeds that include it takes far more than DROP_AFTER
# bytes, while the file list and the first files fit well within.
BIG_POST = NEW_POST + "".join(
    f"\n{hashlib.sha256(str(n).encode()).hexdigest()} words\n" for n in range(2000)
)
DROP_AFTER = 20000
BROKEN_POST = "Title: Broken\nDate: the ides of March\n\nBody.\n"


def test_sitemap_lists_every_page_with_absolute_urls(published_site):
    root = ET.parse(published_site / "sitemap.xml").getroot()
    locations = [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]
    pages = [p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")]
    expected = {
        f"{publishconf.SITEURL}/{page.removesuffix('index.html')}"
        for page in pages
        if not page.startswith("drafts/") and page != "404.html"
    }
    assert len(locations) == len(set(locations))
    assert set(locations) == expected
    assert f"{publishconf.SITEURL}/2013/03/two-interviews-this-week.html" in expected


def test_robots_txt_names_the_sitemap(published_site):
    robots = (published_site / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {publishconf.SITEURL}/sitemap.xml" in robots
    assert "User-agent: *" in robots


def test_pages_carry_absolute_canonical_links(published_site):
    for page, url in [
        ("index.html", "/"),
        ("2013/03/two-interviews-this-week.html", "/2013/03/two-interviews-this-week.html"),
        ("tag/interviews/index.html", "/tag/interviews/"),
    ]:
        html = BeautifulSoup((published_site / page).read_text(encoding="utf-8"), "html.parser")
        assert html.find("link", rel="canonical")["href"] == publishconf.SITEURL + url
        for link in html.find_all("a", href=True):
            assert link["href"].startswith(("http://", "https://", "#", "mailto:")), link


def test_text_files_have_gzip_and_brotli_copies(published_site):
    texts = [
        p
        for p in published_site.rglob("*")
        if p.suffix in (".html", ".xml", ".css", ".txt") and p.stat().st_size > 1000
    ]
    assert any(p.name == "all.atom.xml" for p in texts)
    for path in texts:
        original = path.read_bytes()
        assert gzip.decompress(Path(f"{path}.gz").read_bytes()) == original, path
        assert brotli.decompress(Path(f"{path}.br").read_bytes()) == original, path


def snapshot(folder):
    """{relative path: bytes} of every file under ``folder``."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


@pytest.fixture
def git():
    executable = require("git", "install it with: apt-get install git")

    def run(*args, text=True):
        return subprocess.run(
            [executable, *args], capture_output=True, text=text, check=True
        ).stdout

    return run


def test_make_github_pushes_the_site_and_only_a_good_build(tmp_path, git):
    remote = tmp_path / "remote.git"
    git("init", "--quiet", "--bare", str(remote))
    # ghp-import commits in the repository it runs in: give it a scratch one,
    # not this checkout's.
    local = tmp_path / "local.git"
    git("init", "--quiet", "--bare", str(local))
    env = {
        "GIT_DIR": str(local),
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    content, output = copy_content(tmp_path / "content"), tmp_path / "public"
    remote_setting = f"GITHUB_REMOTE={remote}"

    result = make("github", content, output, remote_setting, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    pushed = git("--git-dir", str(remote), "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert sorted(pushed) == sorted([".nojekyll", *snapshot(output)])
    index = git("--git-dir", str(remote), "show", "gh-pages:index.html", text=False)
    assert index == (output / "index.html").read_bytes()
    online = git("--git-dir", str(remote), "rev-parse", "gh-pages")

    # A build that fails uploads nothing.
    (content / "posts" / "broken.md").write_text(BROKEN_POST)
    result = make("github", content, output, remote_setting, env=env)
    assert result.returncode != 0 and "broken.md" in result.stdout + result.stderr
    assert git("--git-dir", str(remote), "rev-parse", "gh-pages") == online

    # A push the server refuses leaves the previous site in place.
    (content / "posts" / "broken.md").write_text(NEW_POST)
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'refused by the test' >&2\nexit 1\n")
    hook.chmod(0o755)
    result = make("github", content, output, remote_setting, env=env)
    assert result.returncode != 0 and "refused by the test" in result.stderr
    assert git("--git-dir", str(remote), "rev-parse", "gh-pages") == online


@pytest.fixture
def rsync():
    return require("rsync", "install it with: apt-get install rsync")


def test_make_rsync_upload_mirrors_the_site(tmp_path, rsync):
    content, output, www = copy_content(tmp_path / "content"), tmp_path / "public", tmp_path / "www"
    www.mkdir()
    (www / "stale.html").write_text("a page the site no longer has")
    result = make("rsync_upload", content, output, f"RSYNC_TARGET={www}/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(www) == snapshot(output)


@pytest.fixture
def umask_027():
    """This process's umask (which `make` and its children inherit) set to 027."""
    old = os.umask(0o027)
    yield
    os.umask(old)


def modes(folder):
    """{relative path: permission bits} of a folder, itself ("."), and all within."""
    return {
        p.relative_to(folder).as_posix(): stat.S_IMODE(p.stat().st_mode)
        for p in [folder, *folder.rglob("*")]
    }


def test_published_and_uploaded_folders_get_readable_modes(tmp_path, rsync, umask_027):
    content, output = copy_content(tmp_path / "content"), tmp_path / "public"
    private = content / "images" / "private-mode.png"  # saved 600 by a strict app
    private.parent.mkdir(exist_ok=True)
    private.write_bytes(b"\x89PNG\r\n\x1a\n")
    private.chmod(0o600)
    www = tmp_path / "srv" / "www"  # a new folder: rsync makes it
    www.parent.mkdir()
    result = make("rsync_upload", content, output, f"RSYNC_TARGET={www}/")
    assert result.returncode == 0, result.log
    # public/ is a new folder like any other under this umask (not mkdtemp's 700).
    assert stat.S_IMODE(output.stat().st_mode) == 0o750
    assert stat.S_IMODE((output / "2013").stat().st_mode) == 0o750
    # On the server: folders 755 and files 644, whatever the modes here.
    uploaded = modes(www)
    assert uploaded["images/private-mode.png"] == 0o644
    assert {mode for path, mode in uploaded.items() if (www / path).is_dir()} == {0o755}
    assert {mode for path, mode in uploaded.items() if (www / path).is_file()} == {0o644}
    assert set(uploaded) == set(modes(output))
    # An upload also mends the modes an earlier (700) upload left.
    www.chmod(0o700)
    (www / "index.html").chmod(0o600)
    result = make("rsync_upload", content, output, f"RSYNC_TARGET={www}/")
    assert result.returncode == 0, result.log
    assert modes(www)["."] == 0o755 and modes(www)["index.html"] == 0o644


def test_rsync_upload_needs_a_target(tmp_path):
    result = make(
        "rsync_upload", tmp_path / "content", tmp_path / "public", "RSYNC_TARGET="
    )
    assert result.returncode != 0 and "Set RSYNC_TARGET" in result.stderr
    assert not (tmp_path / "public").exists()


def test_a_failed_build_or_upload_leaves_the_previous_site_online(tmp_path, rsync):
    content, output, www = copy_content(tmp_path / "content"), tmp_path / "public", tmp_path / "www"
    assert make("rsync_upload", content, output, f"RSYNC_TARGET={www}/").returncode == 0
    online = snapshot(www)

    (content / "posts" / "broken.md").write_text(BROKEN_POST)
    result = make("rsync_upload", content, output, f"RSYNC_TARGET={www}/")
    assert result.returncode != 0 and "broken.md" in result.stdout + result.stderr
    assert snapshot(www) == online

    # The connection drops part-way through the upload of a changed site.
    (content / "posts" / "broken.md").write_text(BIG_POST)
    flaky = f"{sys.executable} {ROOT / 'tests' / 'flaky_ssh.py'}"
    upload = ("rsync_upload", f"RSYNC_TARGET=server:{www}/", f"SSH={flaky}")
    result = make(
        upload[0], content, output, *upload[1:], env={"FLAKY_SSH_BYTES": str(DROP_AFTER)}
    )
    assert result.returncode != 0 and "connection dropped" in result.stderr
    after = snapshot(www)
    assert {path: after[path] for path in online} == online
    visible = {path for path in after if ".~tmp~" not in path}
    assert visible == set(online)
    assert not (www / "2013" / "04" / "a-new-post.html").exists()

    # The next upload that gets through puts the whole new site in place.
    result = make(upload[0], content, output, *upload[1:])
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(www) == snapshot(output)
    assert (www / "2013" / "04" / "a-new-post.html").exists()


def test_publishing_refuses_a_site_url_that_is_not_an_address(tmp_path):
    result = run_pelican(
        ROOT / "content",
        tmp_path / "out",
        "publishconf.py",
        "--fatal",
        "warnings",
        env={"SITE_URL": "diary.example.org"},
    )
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0 and "Traceback" not in log
    assert "Not publishing: SITEURL 'diary.example.org' has no http(s) scheme" in log
    assert "did you mean SITE_URL=https://diary.example.org ?" in log
