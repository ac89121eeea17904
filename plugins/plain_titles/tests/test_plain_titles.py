"""A Markdown title is escaped once, so every page and the feed show it as typed."""

import datetime

from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from plain_titles import escape_title

TITLE = "Salary < offer & <b>perks</b>"


def article(source_path, title=TITLE):
    settings = {**DEFAULT_CONFIG, "SITEURL": ""}
    metadata = {"title": title, "date": datetime.datetime(2013, 3, 3)}
    return Article("<p>Text.</p>", metadata=metadata, settings=settings, source_path=source_path)


def test_a_markdown_title_becomes_text():
    post = article("posts/offer.md")
    slug = post.slug
    escape_title(post)
    assert post.title == post.metadata["title"]
    assert post.title == "Salary &lt; offer &amp; &lt;b&gt;perks&lt;/b&gt;"
    assert post.slug == slug  # still the one Pelican made from the typed text


def test_a_restructuredtext_title_is_already_html():
    post = article("posts/offer.rst", title="Salary &lt; offer")
    escape_title(post)
    assert post.title == "Salary &lt; offer"
