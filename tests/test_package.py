"""pelican-dedup as a user installs it: the wheel `make dist` builds, in a clean
virtualenv with only Pelican and Markdown, in a bare site with no PLUGINS and no
PLUGIN_PATHS, with the oldest and the newest Pelican the package supports."""

import re
import shutil
import subprocess
import sys

import pytest

from tests.conftest import ROOT, make, soup

PACKAGE = ROOT / "plugins" / "pelican-dedup"
MARCH_3 = "2013-03-03-what-i-am-learning-from-hiring-managers.md"
# The oldest Pelican that runs on Python 3.11 (the package's floor), and ours.
PELICANS = ["4.8.0", "4.12.0"]
BARE_SETTINGS = 'AUTHOR = "A"\nSITENAME = "Bare"\nPATH = "content"\nTIMEZONE = "UTC"\n'


def run(*command, cwd=None):
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)
    result.log = result.stdout + result.stderr
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    dist = tmp_path_factory.mktemp("dist")
    result = make("dist", ROOT / "content", tmp_path_factory.mktemp("out"), f"DISTDIR={dist}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(list(dist.glob("pelican_dedup-*.tar.gz"))) == 1
    (wheel,) = dist.glob("pelican_dedup-*-py3-none-any.whl")
    return wheel


@pytest.fixture(scope="module", params=PELICANS)
def venv(request, wheel, tmp_path_factory):
    """A clean virtualenv with this Pelican, Markdown and the wheel, nothing else."""
    folder = tmp_path_factory.mktemp(f"pelican-{request.param}")
    assert run(sys.executable, "-m", "venv", str(folder)).returncode == 0
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    result = run(*pip, "--disable-pip-version-check", f"pelican=={request.param}", "markdown",
                 str(wheel))  # fmt: skip
    assert result.returncode == 0, result.log
    return folder / "bin"


def paragraphs(path):
    """The text of each paragraph and list item of a built post."""
    article = soup(path).find("div", class_="entry-content") or soup(path).find("body")
    return [" ".join(b.get_text().split()) for b in article.find_all(["p", "li"])]


def test_a_bare_site_loads_the_installed_plugin_and_repairs_the_post(venv, tmp_path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "posts" / MARCH_3, site / "content" / MARCH_3)
    (site / "pelicanconf.py").write_text(BARE_SETTINGS, encoding="utf-8")
    result = run(str(venv / "pelican"), "content", "-o", "output", "-s", "pelicanconf.py",
                 cwd=site)  # fmt: skip
    assert result.returncode == 0, result.log
    assert "removed 17 duplicate block(s)" in result.log
    (page,) = (site / "output").glob("what-i-am-learning-from-hiring-managers.html")
    shown = [p for p in paragraphs(page) if len(p) > 20]
    assert len(shown) >= 17 and len(shown) == len(set(shown))
    # Every paragraph of the source is still there, once.
    source = (site / "content" / MARCH_3).read_text(encoding="utf-8")
    assert "Of course, my preference is to work on converting current" in " ".join(shown)
    assert source.count("Of course, my preference is to work on converting current") == 2


def test_the_command_lists_then_fixes_the_repeats(venv, tmp_path):
    post = tmp_path / MARCH_3
    shutil.copy(ROOT / "content" / "posts" / MARCH_3, post)
    listed = run(str(venv / "pelican-dedup"), "check", str(post))
    assert listed.returncode == 1, listed.log
    lines = re.findall(rf"{re.escape(str(post))}:(\d+): duplicate <(p|li)>", listed.stdout)
    assert len(lines) == 17
    fixed = run(str(venv / "pelican-dedup"), "check", "--fix", str(post))
    assert fixed.returncode == 0, fixed.log
    text = post.read_text(encoding="utf-8")
    assert text.count("Of course, my preference is to work on converting current") == 1
    again = run(str(venv / "pelican-dedup"), "check", str(post))
    assert again.returncode == 0, again.log


def test_the_package_tests_pass_against_this_pelican(venv, tmp_path):
    pip = [str(venv / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    assert run(*pip, "pytest", "hypothesis", "beautifulsoup4").returncode == 0
    # From another folder, so that the installed wheel is what is imported.
    result = run(str(venv / "pytest"), "-q", "-p", "no:cacheprovider", str(PACKAGE / "tests"),
                 cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.log[-3000:]
    assert re.search(r"\d+ passed", result.stdout)
