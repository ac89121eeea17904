"""Plugins that only make the build faster must not change a byte of output.

Each is checked by building the sample site (every theme feature once) with
the project's plugins and again without the speed-up, then comparing every
file.
"""

import copy
import json
import re
import shutil

import pytest
from markdown_reuse import ReusingMarkdownReader
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG

import pelicanconf
from tests.conftest import SAMPLE_POST, copy_content, run_pelican

SPEEDUPS = ["url_once", "strftime_once", "markdown_reuse"]


def files(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


# Markdown state that must not leak from one file to the next when one
# Markdown instance reads them all: footnotes, abbreviations, metadata.
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


@pytest.mark.parametrize("processes", [2, 3])
def test_the_site_written_by_several_processes_is_the_same(
    processes, sample_content, with_all, tmp_path
):
    """with_all is small enough to be written by one process; force the workers."""
    assert "parallel_writing" in pelicanconf.PLUGINS
    forced = json.dumps({"PROCESSES": processes, "MIN_CONTENT": 0})
    extra = ["-e", "DEFAULT_PAGINATION=2", f"PARALLEL_WRITING={forced}", "-v"]
    result = run_pelican(sample_content, tmp_path / "out", "pelicanconf.py", *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"parallel_writing: {processes} processes wrote the site" in result.stdout
    assert "(0 files)" not in result.stdout
    written = files(tmp_path / "out")
    assert written.keys() == with_all.keys()
    assert [str(p) for p in written if written[p] != with_all[p]] == []


def test_no_markdown_state_leaks_into_the_next_post(with_all):
    plain = next(html for path, html in with_all.items() if path.name == "no-footnotes-here.html")
    assert b"<abbr" not in plain and b'class="footnote"' not in plain
    stateful = next(html for path, html in with_all.items() if "footnotes-and" in path.name)
    assert b'<abbr title="Human resources">HR</abbr>' in stateful


def test_one_markdown_instance_reads_each_file_as_a_fresh_one_would(tmp_path):
    settings = copy.deepcopy(DEFAULT_CONFIG)
    paths = []
    for name, text in [*STATEFUL_POSTS.items(), ("c.md", "Title: C\nSummary: *Formatted*\n\nC.")]:
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    reusing = ReusingMarkdownReader(settings)
    for path in paths + paths[::-1]:
        assert reusing.read(str(path)) == MarkdownReader(settings).read(str(path)), path.name


def test_reading_time_counted_once_is_the_same_on_index_and_post(with_all):
    """word_count remembers a post's count: the index and the post must agree."""
    index_pages = [html for path, html in with_all.items() if path.name == "index.html"]
    pairs = re.findall(rb'href="([^"]+\.html)">Read on.*?(\d+) min read', b"".join(index_pages))
    assert len(pairs) == len(STATEFUL_POSTS) + 3
    for url, minutes in pairs:
        post = next(html for path, html in with_all.items() if url.endswith(path.name.encode()))
        assert re.search(rb"<p class=\"meta\"[^>]*>.*?(\d+) min read", post)[1] == minutes, url
