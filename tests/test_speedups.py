"""Plugins that only make the build faster must not change a byte of output.

Each is checked by building the sample site (every theme feature once) with
the project's plugins and again without the speed-up, then comparing every
file.
"""

import json
import shutil

import pytest

import pelicanconf
from tests.conftest import SAMPLE_POST, copy_content, run_pelican

SPEEDUPS = ["url_once"]


def files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def sample_content(tmp_path_factory):
    content = copy_content(tmp_path_factory.mktemp("speed") / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    return content


@pytest.fixture(scope="module")
def with_all(sample_content, tmp_path_factory):
    output = tmp_path_factory.mktemp("with-all")
    result = run_pelican(sample_content, output, "pelicanconf.py", "-e", "DEFAULT_PAGINATION=2")
    assert result.returncode == 0, result.stdout + result.stderr
    return files(output)


@pytest.mark.parametrize("plugin", SPEEDUPS)
def test_the_site_is_the_same_without_the_speedup(plugin, sample_content, with_all, tmp_path):
    assert plugin in pelicanconf.PLUGINS
    others = json.dumps([p for p in pelicanconf.PLUGINS if p != plugin])
    extra = ["-e", "DEFAULT_PAGINATION=2", f"PLUGINS={others}"]
    result = run_pelican(sample_content, tmp_path / "out", "pelicanconf.py", *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    without = files(tmp_path / "out")
    assert without.keys() == with_all.keys()
    assert [str(p) for p in without if without[p] != with_all[p]] == []

