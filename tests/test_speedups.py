"""Plugins that only make the build faster must not change a byte of output.

Each is checked by building the sample site (every theme feature once) with
the project's plugins and again without the speed-up, then comparing every
file. Without word_count the theme counts words itself, so this also shows
that the theme needs neither plugin.
"""

import json
import re
import shutil

import pytest

import pelicanconf
from tests.conftest import SAMPLE_POST, build, copy_content, files

SPEEDUPS = ["url_once", "word_count"]


# Posts with Markdown state (footnotes, abbreviations) beside one without.
STATEFUL_POSTS = {
    "a-stateful.md": (
        "Title: Footnotes and abbreviations\nDate: 2013-03-10\nTags: state\n\n"
        "The HR team[^1] said so.\n\n[^1]: Human resources.\n\n*[HR]: Human resources\n"
    ),
    "b-plain.md": (
        "Title: No footnotes here\nDate: 2013-03-11\n\nThe HR team said so, without a note.\n"
    ),
}


@pytest.fixture(scope="module")
def sample_content(tmp_path_factory):
    content = copy_content(tmp_path_factory.mktemp("speed") / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    for name, text in STATEFUL_POSTS.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def with_all(sample_content, tmp_path_factory):
    output = tmp_path_factory.mktemp("with-all")
    build(sample_content, output, "-e", "DEFAULT_PAGINATION=2")
    return files(output)


@pytest.mark.parametrize("plugin", SPEEDUPS)
def test_the_site_is_the_same_without_the_speedup(plugin, sample_content, with_all, tmp_path):
    assert plugin in pelicanconf.PLUGINS
    others = json.dumps([p for p in pelicanconf.PLUGINS if p != plugin])
    extra = ["-e", "DEFAULT_PAGINATION=2", f"PLUGINS={others}"]
    build(sample_content, tmp_path / "out", *extra)
    without = files(tmp_path / "out")
    assert without.keys() == with_all.keys()
    assert [str(p) for p in without if without[p] != with_all[p]] == []


def test_reading_time_counted_once_is_the_same_on_index_and_post(with_all):
    """word_count remembers a post's count: the index and the post must agree."""
    index_pages = [html for path, html in with_all.items() if path.name == "index.html"]
    pairs = re.findall(rb'href="([^"]+\.html)">Read on.*?(\d+) min read', b"".join(index_pages))
    assert len(pairs) == len(STATEFUL_POSTS) + 3
    for url, minutes in pairs:
        post = next(html for path, html in with_all.items() if url.endswith(path.name.encode()))
        assert re.search(rb"<p class=\"meta\">.*?(\d+) min read", post)[1] == minutes, url
