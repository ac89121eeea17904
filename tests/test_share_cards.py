"""Share cards (Open Graph, Twitter, JSON-LD) on a production build, as
`make publish` makes it: every post and page, absolute URLs, JSON that parses."""

import json
import os
import shutil
import types
from datetime import UTC, datetime

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

from scripts import page_weight
from tests.conftest import ROOT, SAMPLE_POST, copy_content, run_pelican, soup

SITEURL = os.environ["SITE_URL"]  # set for every test run by tests/conftest.py
IMAGE_POST = """Title: The offer, in a picture
Date: 2013-04-10 09:30
Modified: 2013-04-12 18:00
Category: Job search
Tags: negotiation
Image: images/offer-card.png

The offer letter arrived; here is the card I made of it.
"""
IMAGE_URL = "/2013/04/the-offer-in-a-picture.html"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    content = copy_content(tmp_path_factory.mktemp("cards") / "content")
    shutil.copy(SAMPLE_POST, content / "posts" / SAMPLE_POST.name)
    (content / "posts" / "2013-04-10-offer.md").write_text(IMAGE_POST, encoding="utf-8")
    output = tmp_path_factory.mktemp("cards-site")
    result = run_pelican(content, output, "publishconf.py", "--fatal", "warnings")
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def card(page):
    """{property or name: content} of a page's share meta tags, and its JSON-LD."""
    tags = {
        (m.get("property") or m.get("name")): m["content"]
        for m in page.find_all("meta")
        if (m.get("property") or m.get("name") or "").startswith(("og:", "article:", "twitter:"))
    }
    scripts = page.find_all("script", type="application/ld+json")
    return tags, [json.loads(s.string) for s in scripts]


def shared_pages(site):
    posts = [p for p in site.glob("20[0-9][0-9]/[0-9][0-9]/*.html") if p.name != "index.html"]
    return posts + [site / "about" / "index.html"]


def test_every_post_and_page_has_a_card_with_absolute_urls(published):
    pages = shared_pages(published)
    assert len(pages) == 5
    for path in pages:
        page = soup(path)
        tags, [data] = card(page)
        title = page.find("h1").get_text()
        canonical = page.find("link", rel="canonical")["href"]
        assert tags["og:title"] == data["headline"] == title, path
        assert tags["og:url"] == data["url"] == canonical, path
        assert canonical.startswith(SITEURL + "/"), path
        description = page.find("meta", attrs={"name": "description"})["content"]
        assert tags["og:description"] == data["description"] == description, path
        assert "<" not in description and description.strip(), path
        assert tags["og:site_name"] == "Job Search Diary"
        assert tags["twitter:card"] in ("summary", "summary_large_image")
        assert data["@context"] == "https://schema.org"
        assert data["author"]["name"] == "The Diarist"
        assert data["author"]["url"] == SITEURL + "/author/the-diarist/"
        if path.parent.name == "about":
            assert tags["og:type"] == "website" and data["@type"] == "WebPage"
            continue
        published_at = page.find("article").find("time")["datetime"]
        assert tags["og:type"] == "article" and data["@type"] == "BlogPosting", path
        assert tags["article:published_time"] == data["datePublished"] == published_at
        assert datetime.fromisoformat(data["dateModified"]) >= datetime.fromisoformat(published_at)


def test_a_title_with_markup_characters_is_plain_text_in_the_card(published):
    tags, [data] = card(soup(published / "2013" / "04" / "theme-sample.html"))
    assert tags["og:title"] == data["headline"] == 'Salary < offer & <b>perks</b> "quoted"'
    assert tags["og:description"].startswith("A post that tries the theme: a title with markup")


def test_a_post_with_an_image_gets_it_in_the_card(published):
    page = soup(published / IMAGE_URL.lstrip("/"))
    tags, [data] = card(page)
    image = SITEURL + "/images/offer-card.png"
    assert tags["og:image"] == data["image"] == image
    assert tags["twitter:card"] == "summary_large_image"
    assert data["datePublished"] == "2013-04-10T09:30:00+00:00"
    assert data["dateModified"] == tags["article:modified_time"] == "2013-04-12T18:00:00+00:00"
    others = [p for p in shared_pages(published) if not p.match(IMAGE_URL.lstrip("/"))]
    for path in others:
        tags, [data] = card(soup(path))
        assert "og:image" not in tags and "image" not in data, path


def test_lists_and_the_dev_build_have_no_card(published, sample_site):
    for path in ["index.html", "archives/index.html", "tag/interviews/index.html"]:
        assert card(soup(published / path)) == ({}, []), path
    # With relative URLs (make html) no URL would be absolute: no card at all.
    assert card(soup(sample_site / "2013" / "04" / "theme-sample.html")) == ({}, [])


def test_published_pages_with_cards_fit_the_budget(published):
    rows = page_weight.weigh(published)
    assert [path for path, html, css in rows if html + css > page_weight.BUDGET] == []


def render_card(autoescape):
    """The partial on its own, as the theme renders it with or without autoescape."""
    env = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"), autoescape=autoescape)
    author = type("Author", (), {"url": "author/ann/", "__str__": lambda self: "Ann & Bo"})()
    item = types.SimpleNamespace(
        # Titles and summaries are HTML (plain_titles escapes a Markdown title).
        title="Salary &lt; offer &amp; &lt;b&gt;perks&lt;/b&gt; &quot;q&quot;",
        summary="<p>Offer &amp; <em>counter</em>-offer.</p>",
        url="2013/04/salary.html",
        date=datetime(2013, 4, 2, 10, tzinfo=UTC),
        modified=None,
        author=author,
        image="images/a b.png",
    )
    html = env.get_template("partials/share_meta.html").render(
        item=item, SITEURL=SITEURL, SITENAME="Job & Search", RELATIVE_URLS=False
    )
    return card(BeautifulSoup(html, "html.parser"))


def test_the_card_is_the_same_with_and_without_autoescape():
    tags, [data] = render_card(autoescape=True)
    assert (tags, [data]) == render_card(autoescape=False)
    assert tags["og:title"] == data["headline"] == 'Salary < offer & <b>perks</b> "q"'
    assert tags["og:description"] == "Offer & counter-offer."
    assert tags["og:site_name"] == "Job & Search"
    assert data["author"]["name"] == "Ann & Bo"
    assert data["image"] == SITEURL + "/images/a b.png"
