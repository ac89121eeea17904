"""The search index as built by `make html` and `make publish`: what is in it,
what never is (drafts, hidden pages, navigation), and builds that cannot index.

The browser side (typing a word into /search/) is in tests/test_browser.py.
"""

import gzip
import json
import os
import zlib

from tests.conftest import copy_content, make, run_pelican, search_index, soup

MARCH_3 = "/2013/03/what-i-am-learning-from-hiring-managers.html"
PUBLISHED = {
    MARCH_3,
    "/2013/03/two-interviews-this-week.html",
    "/2013/04/theme-sample.html",
    "/about/",
}
DRAFT = """Title: A draft about quokkas
Date: 2013-03-10
Category: Job search
Status: draft

Quokkafest notes, not ready for anyone.
"""
HIDDEN_PAGE = """Title: Hidden notes
Status: hidden

Wombatgala plans, linked from nowhere.
"""


def every_index_file(site):
    """The bytes of every file of the index, decompressed where compressed."""
    for path in (site / "pagefind").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            try:
                yield path, gzip.decompress(data)
            except (OSError, EOFError, zlib.error):
                yield path, data


def test_index_holds_the_bodies_of_published_posts_and_pages_only(sample_site):
    pages = search_index(sample_site)
    assert set(pages) == PUBLISHED
    assert "Nothing too glitzy" in pages[MARCH_3]["content"]
    assert pages[MARCH_3]["meta"] == {
        "title": "What I am learning from hiring managers",
        "date": "Sunday, March 3, 2013",
        "datetime": "2013-03-03T00:00:00+00:00",
    }
    for url, page in pages.items():
        text = page["content"]
        for chrome in ["Skip to content", "Notes from the hunt", "Subscribe to", "min read"]:
            assert chrome not in text, f"{url}: navigation or footer text indexed"
        for footer in ["Posted by", "Tags:", "Newer post", "Older post"]:
            assert footer not in text, f"{url}: the post footer indexed"
    # The [TOC] and the heading self links only repeat the headings.
    sample = pages["/2013/04/theme-sample.html"]["content"]
    assert sample.count("Before the panel interview") == 1
    assert "interview#" not in sample


def test_make_publish_indexes_the_site_but_never_a_draft_or_hidden_page(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "posts" / "2013-03-10-draft.md").write_text(DRAFT, encoding="utf-8")
    (content / "pages" / "hidden.md").write_text(HIDDEN_PAGE, encoding="utf-8")
    output = tmp_path / "public"
    result = make("publish", content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    # The hidden page is built, and the index leaves it out, as it does drafts.
    assert "Wombatgala" in (output / "hidden-notes" / "index.html").read_text()
    pages = search_index(output)
    assert set(pages) == PUBLISHED - {"/2013/04/theme-sample.html"}
    found = [path for path, data in every_index_file(output) if b"glitzy" in data.lower()]
    assert found, "the index files could not be read"
    for word in [b"quokka", b"wombat"]:
        leaked = [path for path, data in every_index_file(output) if word in data.lower()]
        assert leaked == [], f"{word} is in the index"
    # Only the search page loads a script, and it is linked from every page.
    assert soup(output / "index.html").find("a", href=f"{os.environ['SITE_URL']}/search/")


def test_a_site_with_nothing_published_gets_no_index(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "draft.md").write_text(DRAFT, encoding="utf-8")
    output = tmp_path / "output"
    result = run_pelican(content, output, env={"COLUMNS": "300"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "nothing published, so no search index was built" in result.stdout + result.stderr
    assert list((output / "drafts").rglob("a-draft-about-quokkas.html"))
    assert not (output / "pagefind").exists()


def test_a_failed_index_stops_the_build_plainly(tmp_path):
    output = tmp_path / "output"
    result = run_pelican(
        copy_content(tmp_path / "content"), output, env={"PAGEFIND_BINARY_PATH": "/bin/false"}
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "search_index: Pagefind failed on" in said
    assert "Traceback" not in said
    assert not (output / "pagefind").exists()


def test_a_bad_setting_stops_the_build_naming_it(tmp_path):
    result = run_pelican(
        copy_content(tmp_path / "content"), tmp_path / "output", "pelicanconf.py",
        "-e", 'SEARCH_INDEX={"OUTPUT_DIR": "x"}',
    )  # fmt: skip
    said = result.stdout + result.stderr
    assert result.returncode == 1, said
    assert "SEARCH_INDEX: Object contains unknown field `OUTPUT_DIR`" in said
    assert "Traceback" not in said


def test_make_html_indexes_and_search_0_skips_it(tmp_path):
    content, output = copy_content(tmp_path / "content"), tmp_path / "output"
    cache = f"PELICANOPTS=--cache-path {tmp_path / 'cache'}"  # not the repo's cache/
    result = make("html", content, output, cache)
    assert result.returncode == 0, result.stdout + result.stderr
    assert set(search_index(output)) == PUBLISHED - {"/2013/04/theme-sample.html"}
    # A rebuild without the index removes the one it would leave stale.
    result = make("html", content, output, cache, "SEARCH=0")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "search" / "index.html").exists()
    assert not (output / "pagefind").exists()


def test_a_rebuild_indexes_only_the_parts_whose_published_pages_changed(tmp_path):
    content, output = copy_content(tmp_path / "content"), tmp_path / "output"
    (content / "posts" / "draft.md").write_text(DRAFT)
    (content / "posts" / "later.md").write_text(
        "Title: A later year\nDate: 2014-02-01\n\nNumbatfair notes from the next year.\n"
    )
    cache = tmp_path / "cache"

    def rebuild(*options):
        result = run_pelican(content, output, "pelicanconf.py", *options, cache=cache)
        assert result.returncode == 0, result.log
        return next(line for line in result.log.splitlines() if "search_index:" in line)

    every_page = PUBLISHED - {"/2013/04/theme-sample.html"} | {"/2014/02/a-later-year.html"}
    # The diary is small: one part.
    assert "in 1 part(s)" in rebuild()
    assert json.loads((output / "pagefind" / "parts.json").read_text()) == ["2013-2014/"]
    # A part a year (two pages a part at most), newest first, the pages with it.
    one_a_year = ("-e", 'SEARCH_INDEX={"PAGES_PER_PART": 2}')
    said = rebuild(*one_a_year)
    assert "in 2 part(s)" in said and "put back" not in said, said
    assert json.loads((output / "pagefind" / "parts.json").read_text()) == ["2014/", "2013/"]
    assert set(search_index(output)) == every_page
    # Only a draft changed: no published page did, so Pagefind does not run.
    with (content / "posts" / "draft.md").open("a") as draft:
        draft.write("\nMore quokka notes.\n")
    assert "unchanged, so put back: 2014, 2013" in rebuild(*one_a_year)
    assert set(search_index(output)) == every_page
    # An edit to a 2013 post: only 2013 is indexed again, and has the edit.
    post = next((content / "posts").glob("*hiring-managers*"))
    with post.open("a") as published:
        published.write("\nA word added later: zeugmatic.\n")
    assert "unchanged, so put back: 2014" in rebuild(*one_a_year)
    assert "zeugmatic" in search_index(output)[MARCH_3]["content"]
    assert set(search_index(output)) == every_page
    # `make publish` loads no cache: it always runs Pagefind.
    result = make("publish", content, tmp_path / "public", f"PELICANOPTS=--cache-path {cache}")
    assert "in 1 part(s)" in result.stdout and "put back" not in result.stdout
