"""Shared fixtures: build the real site, with the project's own settings, in a
temporary folder, as `make html` would, and hand the output to the tests."""

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
        return subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "200", **(env or {})},
            timeout=600,
        )


def soup(path):
    """A built page, parsed."""
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def make(target, content, output, *variables, env=None):
    """Run a Makefile target on another content and output folder, as a user
    would, with this test run's virtualenv."""
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            target,
            f"INPUTDIR={content}",
            f"OUTPUTDIR={output}",
            f"VENV={Path(sys.prefix)}",
            *variables,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
        timeout=600,
    )


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
    result = run_pelican(ROOT / "content", output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The site built from content/ with publishconf.py, as `make publish` does."""
    output = tmp_path_factory.mktemp("published")
    result = run_pelican(ROOT / "content", output, "publishconf.py", "--fatal", "warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


SAMPLE_POST = ROOT / "tests" / "data" / "theme-sample.md"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """content/ plus tests/data/theme-sample.md (code, a title with `<` and `&`),
    two posts a page so that the index has a pager: every theme feature once."""
    content = copy_content(tmp_path_factory.mktemp("sample") / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    output = tmp_path_factory.mktemp("sample-site")
    result = run_pelican(content, output, "pelicanconf.py", "-e", "DEFAULT_PAGINATION=2")
    assert result.returncode == 0, result.stdout + result.stderr
    return output
