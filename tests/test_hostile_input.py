"""Hostile or careless metadata and pathological posts never reach the site.

Each case is a post on a copy of content/: `make publish` refuses it with a
message naming the file (and line, or the other file), and the production
folder keeps the previous site; a development build reports the same. Dates
in an accepted form publish as the moment they name; names with markup are
text in pages and feeds; every URL of the sitemap is a plain URL.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from calendar import timegm

import feedparser
import pytest

from tests.conftest import copy_content, make, run_pelican, soup
from tests.test_publishing import SITEMAP, snapshot

WIDE = {"COLUMNS": "1000"}  # rich never wraps a message
GOOD = "Category: Job search\n"

# name: (metadata lines, what the message says after "line N: ")
BAD_METADATA = {
    "year-only.md": ("Date: 2013", "Date '2013' is incomplete"),
    "month-day.md": ("Date: December 25", "Date 'December 25' is incomplete"),
    "day-only.md": ("Date: 15", "Date '15' is incomplete"),
    "no-minutes.md": ("Date: 2013-06-01 10", "Date '2013-06-01 10' is incomplete"),
    "us-style.md": ("Date: 01/02/2013", "Date '01/02/2013' is ambiguous"),
    "dotted.md": ("Date: 1.2.2013", "Date '1.2.2013' is ambiguous"),
    "named-zone.md": ("Date: 2013-06-01 10:00 PST", "names a time zone (PST)"),
    "utc-name.md": ("Date: 2013-06-01T10:00 UTC", "names a time zone (UTC)"),
    "no-such-day.md": ("Date: 2013-02-30", "Date '2013-02-30' is not a real date"),
    "modified.md": ("Date: 2013-06-01\nModified: June 2", "Modified 'June 2' is incomplete"),
    "quote-slug.md": (
        'Date: 2013-06-01\nSlug: x" onmouseover="alert(1)',
        """Slug 'x" onmouseover="alert(1)' may hold only ASCII letters, digits, '-', '_' """
        "and '.', and not start with '.'; use Slug: x-onmouseoveralert1",
    ),
    "query-slug.md": ("Date: 2013-06-01\nSlug: why?", "use Slug: why"),
    "hash-slug.md": ("Date: 2013-06-01\nSlug: c#-jobs", "use Slug: c-jobs"),
    "amp-slug.md": ("Date: 2013-06-01\nSlug: r&d", "use Slug: rd"),
    "dot-slug.md": ("Date: 2013-06-01\nSlug: ..", "spell it with letters or digits"),
    "js-url.md": (
        "Date: 2013-06-01\nURL: javascript:alert(1)",
        "URL 'javascript:alert(1)' is an address elsewhere (javascript:)",
    ),
    "far-url.md": ("Date: 2013-06-01\nURL: //evil.example/x", "is an address elsewhere (//evil"),
    "root-url.md": ("Date: 2013-06-01\nURL: /x.html", "URL '/x.html' starts with '/'"),
    "up-save-as.md": ("Date: 2013-06-01\nSave_as: ../x.html", "Save_as '../x.html' is not a"),
}


def post(title, metadata, body="Body."):
    return f"Title: {title}\n{metadata}\n{GOOD}\n{body}\n"


def write(content, posts):
    for name, text in posts.items():
        (content / "posts" / name).write_text(text, encoding="utf-8")


@pytest.fixture
def online(tmp_path):
    """A published site in tmp_path/public and a copy of content/; (content, site, files)."""
    content, site = copy_content(tmp_path / "content"), tmp_path / "public"
    result = make("publish", content, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return content, site, snapshot(site)


def refused(result, site, before):
    """Publishing failed plainly and left the previous site; the log."""
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "Traceback" not in log
    assert snapshot(site) == before
    assert [p.name for p in site.parent.glob("public.*") if p.is_dir()] == []
    return log


def test_publish_refuses_each_bad_date_slug_and_url_naming_file_and_line(online, tmp_path):
    content, site, before = online
    write(content, {name: post(name, meta) for name, (meta, _) in BAD_METADATA.items()})

    log = refused(make("publish", content, site, env=WIDE), site, before)

    for name, (meta, message) in BAD_METADATA.items():
        line = 2 + meta.count("\n")
        assert re.search(rf"Skipping \S*posts/{re.escape(name)}: line {line}: .*", log), name
        assert message in log.split(f"{name}: line {line}: ", 1)[1].splitlines()[0], name

    # A development build says the same and leaves the posts out.
    result = run_pelican(content, tmp_path / "dev", env=WIDE)
    assert result.returncode == 0
    errors = [line for line in result.stdout.splitlines() if "ERROR" in line]
    for name in BAD_METADATA:
        assert any(f"posts/{name}: line" in line for line in errors), name
    assert not (tmp_path / "dev" / "2013" / "06").exists()


# name: (metadata, the other file the message names)
RESERVED = {
    "feed.md": (
        "Save_as: feeds/all.atom.xml",
        "feeds/all.atom.xml, which is the feed FEED_ALL_ATOM",
    ),
    "tag-feed.md": (
        "Save_as: feeds/tag/interviews.atom.xml",
        "feeds/tag/interviews.atom.xml, which is the feed of 'interviews' (TAG_FEED_ATOM)",
    ),
    "css.md": (
        "Save_as: theme/css/site.css",
        "theme/css/site.css, which is the theme's file static/css/site.css",
    ),
    "sitemap.md": ("Save_as: sitemap.xml", "sitemap.xml, which is written by a plugin"),
    "robots.md": ("Save_as: robots.txt", "robots.txt, which is"),
    "search.md": ("Save_as: pagefind/index.html", "pagefind/index.html, which is inside pagefind/"),
    "image.md": ("Save_as: images/photo.png", "images/photo.png, which is the static file"),
    "url-feed.md": (
        "URL: feeds/all.atom.xml",
        "has URL: feeds/all.atom.xml, which opens feeds/all.atom.xml, the feed FEED_ALL_ATOM",
    ),
    "url-archives.md": (
        "URL: archives/",
        "has URL: archives/, which opens archives/index.html, the site's archives page",
    ),
}


def test_publish_stops_on_each_post_over_a_file_the_site_needs(online, tmp_path):
    content, site, before = online
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    for name, (meta, _) in RESERVED.items():
        (content / "posts" / name).write_text(
            post(name, f"Date: 2013-06-01\n{meta}"), encoding="utf-8"
        )

    log = refused(make("publish", content, site, env=WIDE), site, before)

    for name, (_, message) in RESERVED.items():
        assert any(f"posts/{name}" in line and message in line for line in log.splitlines()), name
    assert re.search(r"Build (failed|stopped) before writing", log)

    # A development build stops the same way (the sitemap and robots.txt are
    # reserved even where no plugin writes them, so both builds agree).
    result = run_pelican(content, tmp_path / "dev", env=WIDE)
    assert result.returncode != 0
    for name in RESERVED:
        assert f"posts/{name}" in result.stdout + result.stderr, name


ACCEPTED = {
    "2013-06-01": datetime.datetime(2013, 6, 1),
    "2013-06-01 10:00": datetime.datetime(2013, 6, 1, 10),
    "2013-06-01 10:00:30": datetime.datetime(2013, 6, 1, 10, 0, 30),
    "2013-06-01 10:00 +02:00": datetime.datetime(2013, 6, 1, 8),
    "2013-06-01 10:00:30-0500": datetime.datetime(2013, 6, 1, 15, 0, 30),
    "2013-06-01T10:00:00Z": datetime.datetime(2013, 6, 1, 10),
    "2013-06-01T10:00:00.5+02:00": datetime.datetime(2013, 6, 1, 8, 0, 0),
    "2013-06-01T23:30-08": datetime.datetime(2013, 6, 2, 7, 30),
}


def test_each_accepted_date_form_publishes_the_moment_it_names(tmp_path):
    content = copy_content(tmp_path / "content")
    for n, value in enumerate(ACCEPTED):
        (content / "posts" / f"form-{n}.md").write_text(
            post(f"Form {n}", f"Date: {value}"), encoding="utf-8"
        )
    site = tmp_path / "public"
    result = make("publish", content, site)
    assert result.returncode == 0, result.stdout + result.stderr

    entries = feedparser.parse(str(site / "feeds" / "all.atom.xml")).entries
    published = {entry.title: entry.published_parsed for entry in entries}
    for n, expected in enumerate(ACCEPTED.values()):  # TIMEZONE is UTC
        moment = datetime.datetime.fromtimestamp(timegm(published[f"Form {n}"]), datetime.UTC)
        assert moment.replace(tzinfo=None) == expected, list(ACCEPTED)[n]


PATHOLOGICAL = {
    # Python-Markdown retries these at every position of the paragraph.
    "brackets.md": "[" * 20_000,
    "emphasis.md": "*a" * 200_000,
    "angles.md": "<a" * 100_000,
    "images.md": "![a" * 10_000,
}


def test_pathological_posts_are_skipped_naming_them_and_the_budget(online):
    content, site, before = online
    write(
        content, {name: post(name, "Date: 2013-06-01", body) for name, body in PATHOLOGICAL.items()}
    )
    huge = "Title: Huge\nDate: 2013-06-01\n\n" + "A line of an imported archive.\n" * 700_000
    (content / "posts" / "huge.md").write_text(huge, encoding="utf-8")  # 21 MB

    log = refused(make("publish", content, site, env=WIDE), site, before)

    for name in PATHOLOGICAL:
        assert re.search(
            rf"Skipping \S*posts/{re.escape(name)}: it would take about \d+ s to render, more "
            r"than CONTENT_GUARD\['MAX_RENDER_SECONDS'\] = 10 \(the paragraph at line 5 is long",
            log,
        ), name
    assert re.search(
        r"Skipping \S*posts/huge\.md: it is 21,700,030 bytes, larger than "
        r"CONTENT_GUARD\['MAX_BYTES'\] = 2,000,000",
        log,
    )


def test_a_post_that_took_longer_than_the_budget_is_skipped(tmp_path):
    """The measured side of the budget: a limit below any real render time."""
    content = copy_content(tmp_path / "content")
    result = run_pelican(
        content,
        tmp_path / "out",
        "pelicanconf.py",
        "-e",
        'CONTENT_GUARD={"MAX_RENDER_SECONDS": 1e-9}',
        env=WIDE,
    )
    log = result.stdout + result.stderr
    assert re.search(
        r"Skipping \S*posts/2013-03-08-two-interviews-this-week\.md: it took \d+\.\d s to "
        r"render, more than CONTENT_GUARD\['MAX_RENDER_SECONDS'\] = 1e-09",
        log,
    ), log
    assert not (tmp_path / "out" / "2013" / "03" / "two-interviews-this-week.html").exists()


NAMES_POST = (
    "Title: Names with markup\nDate: 2013-06-01\nCategory: The <head> element\n"
    "Tags: Q&A <x>, R&D\nAuthor: Jane Doe <jane@example.com>\nSlug: ok_slug-1.2\n\nBody.\n"
)
# RFC 3986: the characters a URL may hold as they are.
PLAIN_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def test_names_are_text_once_and_every_url_is_plain(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "posts" / "names.md").write_text(NAMES_POST, encoding="utf-8")
    site = tmp_path / "public"
    result = make("publish", content, site)
    assert result.returncode == 0, result.stdout + result.stderr

    # Pelican makes slugs of names as text without tags: "The <head> element" is the-element.
    feed = feedparser.parse(str(site / "feeds" / "category" / "the-element.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Job Search Diary - The <head> element"
    (entry,) = feed.entries
    assert entry.author_detail.name == "Jane Doe <jane@example.com>"
    assert {tag.term for tag in entry.tags} == {"The <head> element", "Q&A <x>", "R&D"}
    tag_feed = feedparser.parse(str(site / "feeds" / "tag" / "qa.atom.xml"))
    assert tag_feed.feed.title == "Job Search Diary - Q&A <x>"

    page = site / "2013" / "06" / "ok_slug-1.2.html"
    html = page.read_text(encoding="utf-8")
    assert "The &lt;head&gt; element" in html and "&amp;lt;" not in html
    assert "The <head> element" in soup(page).get_text()

    locations = [
        url.find(f"{SITEMAP}loc").text
        for url in ET.parse(site / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    ]
    assert any(location.endswith("/2013/06/ok_slug-1.2.html") for location in locations)
    assert any("/tag/qa/" in location for location in locations)
    assert all(PLAIN_URL.fullmatch(location) for location in locations), locations
