"""Shared fixtures and helpers: build the real site, with the project's own
settings, in a temporary folder, as `make html` would, and read the output.
Every test module uses these; none keeps a copy of its own."""

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
PELICAN = Path(sys.executable).with_name("pelican")
# `make publish` refuses the shipped placeholder address: tests publish to a
# reserved test domain (RFC 6761) unless SITE_URL is already set. Set here,
# before any test imports publishconf, so that its SITEURL is the same.
os.environ.setdefault("SITE_URL", "https://jobsearchdiary.test")


def run_pelican(content, output, settings="pelicanconf.py", *extra, cwd=ROOT, env=None, cache=None):
    """Run the pelican command as a user would; return the CompletedProcess.

    The content cache goes to `cache`, or to a fresh folder that is then
    deleted: a test build is cold and never reads or writes the repo's cache/.
    """
    with tempfile.TemporaryDirectory(prefix="pelican-cache-") as fresh:
        command = [
            str(PELICAN), str(content), "-o", str(output), "-s", str(ROOT / settings),
            "--cache-path", str(cache or fresh), *extra,
        ]  # fmt: skip
        result = subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            # Wide enough that rich never wraps a message.
            env={**os.environ, "COLUMNS": "1000", **(env or {})},
            timeout=600,
        )
        result.log = result.stdout + result.stderr
        return result


def build(content, output, *options, settings="pelicanconf.py", **kwargs):
    """A build that must succeed (`make html`, or `make publish` with
    settings="publishconf.py"); returns its log."""
    result = run_pelican(content, output, settings, *options, **kwargs)
    assert result.returncode == 0, result.log
    return result.log


def soup(page):
    """A built page (a Path) or a piece of HTML (text), parsed."""
    html = page.read_text(encoding="utf-8") if isinstance(page, Path) else page
    return BeautifulSoup(html, "html.parser")


def files(site):
    """{relative path: bytes} of every file of a built site."""
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def lines_naming(log, name):
    """The log lines that name a content file."""
    return [line for line in log.splitlines() if name in line]


def write_posts(folder, posts):
    """Write {name: text or bytes} into folder (names may hold subfolders)."""
    for name, text in posts.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


# The targets that publish: their site goes to PUBLISHDIR, never OUTPUTDIR.
PUBLISH_TARGETS = ("publish", "github", "rsync_upload")


def make(target, content, output, *variables, env=None):
    """Run a Makefile target on another content folder, as a user would, with
    this test run's virtualenv; the site it builds goes to `output`.

    A publishing target writes `output` as PUBLISHDIR; the development output
    folder it is given (a sibling, `output.name + "-dev"`) must stay untouched,
    as a publish never writes there."""
    development = output.with_name(output.name + "-dev")
    folders = [f"OUTPUTDIR={output}"]
    if target in PUBLISH_TARGETS:
        folders = [f"OUTPUTDIR={development}", f"PUBLISHDIR={output}"]
    result = subprocess.run(
        ["make", "--no-print-directory", target, f"INPUTDIR={content}", *folders,
         f"VENV={Path(sys.prefix)}", *variables],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=600,
    )  # fmt: skip
    if target in PUBLISH_TARGETS:
        assert not development.exists(), f"make {target} wrote the development output"
    result.log = result.stdout + result.stderr
    return result


@pytest.fixture(scope="session", autouse=True)
def venv_stamp():
    """`make` rebuilds the virtualenv unless its stamp is newer than requirements.txt."""
    stamp = Path(sys.prefix) / ".installed"
    if not stamp.exists():
        stamp.touch()


def copy_content(destination):
    """A private copy of content/, for tests that add or break posts."""
    shutil.copytree(ROOT / "content", destination)
    return destination


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The site built from content/ with pelicanconf.py."""
    output = tmp_path_factory.mktemp("site")
    build(ROOT / "content", output)
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The site built from content/ with publishconf.py, as `make publish` does."""
    output = tmp_path_factory.mktemp("published")
    build(ROOT / "content", output, "--fatal", "warnings", settings="publishconf.py")
    return output


SAMPLE_POST = ROOT / "tests" / "data" / "theme-sample.md"


def sample_content(folder):
    """content/ plus tests/data/theme-sample.md (code, a title with `<` and `&`):
    every theme feature once."""
    content = copy_content(folder / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    return content


def built_with_and_without(plugin, folder):
    """The sample site (two posts a page) built with every plugin of PLUGINS and
    again without `plugin`: ({path: bytes}, {path: bytes})."""
    import pelicanconf

    assert plugin in pelicanconf.PLUGINS
    content = sample_content(folder)
    others = json.dumps([p for p in pelicanconf.PLUGINS if p != plugin])
    sites = []
    # One -e: Pelican keeps only the last one given.
    for name, extra in (("with", ()), ("without", (f"PLUGINS={others}",))):
        build(content, folder / name, "-e", "DEFAULT_PAGINATION=2", *extra)
        sites.append(files(folder / name))
    return sites


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample site, two posts a page so that the index has a pager."""
    content = sample_content(tmp_path_factory.mktemp("sample"))
    output = tmp_path_factory.mktemp("sample-site")
    build(content, output, "-e", "DEFAULT_PAGINATION=2")
    return output


def search_index(site, folder="pagefind"):
    """{url: fragment} of a built site's Pagefind index: each indexed page's
    text ("content"), "meta" (title, date) and "anchors", as the browser gets them."""
    pages = {}
    for path in (Path(site) / folder).rglob("fragment/*.pf_fragment"):  # every part's
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(b"pagefind_dcd"), path
        fragment = json.loads(data[len(b"pagefind_dcd") :])
        pages[fragment["url"]] = fragment
    return pages
