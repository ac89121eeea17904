"""Functional tests: the real site, built with the project's settings."""

import datetime
from pathlib import Path

import feedparser
import pytest

from tests.conftest import copy_content, make, run_pelican, soup

ROOT = Path(__file__).resolve().parent.parent
# A copy of ../shared/seed/000_218d20a8b3dc48cb.txt, the scraped Blogger page.
SEED = ROOT / "tests" / "data" / "blogger-seed.txt"
SHARED_SEED = ROOT.parent / "shared" / "seed" / "000_218d20a8b3dc48cb.txt"
MARCH_3 = "2013/03/what-i-am-learning-from-hiring-managers.html"
MARCH_8 = "2013/03/two-interviews-this-week.html"
MARCH_3_TITLE = "What I am learning from hiring managers"
MARCH_8_TITLE = "Two interviews this week"


def source_body(name):
    """The body lines of a content file (after its metadata header)."""
    text = (ROOT / "content" / "posts" / name).read_text(encoding="utf-8")
    _header, body = text.split("\n\n", 1)
    return [line for line in body.splitlines() if line.strip()]


def test_seed_copy_matches_shared_seed():
    if not SHARED_SEED.exists():
        pytest.skip(f"{SHARED_SEED} is not beside this checkout")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_sources_are_faithful_to_the_seed():
    seed = SEED.read_text(encoding="utf-8").splitlines()
    march_8 = seed[: seed.index("Friday, March 8, 2013")]
    start = seed.index("Sunday, March 3, 2013")
    assert seed[start + 1] == MARCH_3_TITLE
    march_3 = seed[start + 2 : seed.index("Subscribe to:")]
    assert source_body("2013-03-08-two-interviews-this-week.md") == march_8
    # The repeated part stays in the source: removing it is the plugin's job.
    assert source_body("2013-03-03-what-i-am-learning-from-hiring-managers.md") == march_3


def test_both_posts_at_their_urls_with_their_dates(built_site):
    for url, title, iso, long_date in [
        (MARCH_3, MARCH_3_TITLE, "2013-03-03", "Sunday, March 3, 2013"),
        (MARCH_8, MARCH_8_TITLE, "2013-03-08", "Friday, March 8, 2013"),
    ]:
        page = soup(built_site / url)
        assert page.find("h1").get_text(strip=True) == title
        time = page.find("article").find("time")
        assert time["datetime"].startswith(iso)
        assert time.get_text(strip=True) == long_date


def test_numbered_lines_are_ordered_lists(built_site):
    page = soup(built_site / MARCH_3)
    lists = page.find("article").find_all("ol")
    assert [len(ol.find_all("li")) for ol in lists[:2]] == [3, 4]
    assert lists[1].find("li").get_text().startswith("Wait until positions")


def test_index_lists_posts_newest_first(built_site):
    titles = [h.get_text(strip=True) for h in soup(built_site / "index.html").select("article h2")]
    assert titles == [MARCH_8_TITLE, MARCH_3_TITLE]


def test_archive_groups_both_posts_under_2013_march(built_site):
    page = soup(built_site / "archives" / "index.html")
    year = page.find(lambda tag: tag.name == "h2" and "2013" in tag.get_text())
    assert year is not None and "(2)" in year.get_text()
    month = year.find_next("h3")
    assert month.get_text(" ", strip=True).startswith("March")
    links = [a.get_text(strip=True) for a in month.find_next("ul").find_all("a")]
    assert links == [MARCH_8_TITLE, MARCH_3_TITLE]
    assert (built_site / "2013" / "index.html").exists()
    assert (built_site / "2013" / "03" / "index.html").exists()


def test_atom_feed_has_both_entries_with_full_content(built_site):
    feed = feedparser.parse((built_site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert [e.title for e in feed.entries] == [MARCH_8_TITLE, MARCH_3_TITLE]
    by_title = {e.title: e.content[0].value for e in feed.entries}
    # Full content: the last paragraph of each post is in its entry.
    assert "For me, being unemployed is way better" in by_title[MARCH_8_TITLE]
    assert "I will indeed hit the ground running." in by_title[MARCH_3_TITLE]


def test_every_page_links_the_feed(built_site):
    for name in ["index.html", MARCH_3, "archives/index.html"]:
        page = soup(built_site / name)
        link = page.find("link", rel="alternate", type="application/atom+xml")
        assert link is not None and link["href"].endswith("feeds/all.atom.xml")
        assert "Posts (Atom)" in page.find("footer").get_text()


def test_newpost_writes_a_draft_with_every_field_that_builds(tmp_path):
    content = copy_content(tmp_path / "content")
    result = make("newpost", content, tmp_path / "output", 'TITLE=Second interview at "Acme"')
    now = datetime.date.today()
    assert result.returncode == 0, result.stdout + result.stderr
    (post,) = [p for p in (content / "posts").glob("*.md") if "acme" in p.name]
    fields = [line.split(":")[0] for line in post.read_text().split("\n\n")[0].splitlines()]
    assert fields == [
        "Title", "Date", "Category", "Tags", "Slug", "Author", "Status"
    ]  # fmt: skip
    assert "Status: draft" in post.read_text()

    output = tmp_path / "output"
    build = run_pelican(content, output)
    assert build.returncode == 0, build.stdout + build.stderr
    draft = f"drafts/{now:%Y}/{now:%m}/second-interview-at-acme.html"
    assert (output / draft).exists()
    assert "Acme" not in (output / "index.html").read_text()
    assert "Acme" not in (output / "feeds" / "all.atom.xml").read_text()
