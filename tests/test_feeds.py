"""The Atom feeds, parsed with feedparser and checked against RFC 4287 and the site.

The builds here use a copy of content/ with three more posts: one with a
title holding '<', relative links and its own id in metadata; a draft; and a
hidden post.
"""

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import pytest

import pelicanconf
import publishconf
from tests.conftest import build, copy_content, run_pelican, soup, write_posts

ATOM = "{http://www.w3.org/2005/Atom}"
AUTHORITY = pelicanconf.ATOM_FEEDS["ID_AUTHORITY"]
HOST_A = "https://diary.test"  # make publish refuses example.org
HOST_B = "http://mirror.test/blog"
OWN_ID = "tag:blogger.com,1999:blog-42.post-4242"
ODD_TITLE = "Salary < expectations > reality"
ODD_POST = "posts/2013-03-10-salary.md"
SECRETS = ["A draft nobody sees", "A hidden post", "secret-draft-tag", "secret-hidden-tag"]

EXTRA_POSTS = {
    ODD_POST: f"""Title: {ODD_TITLE}
Date: 2013-03-10 10:00
Modified: 2013-03-12 08:15
Category: Job search
Tags: interviews
Id: {OWN_ID}

The [March 8 post]({{filename}}/posts/2013-03-08-two-interviews-this-week.md) and
[my resume](../../resume/) set the scene; see [the notes](#notes).

![A chart](/images/chart.png)

<img src="chart-small.png" srcset="chart-small.png 1x, ../chart-large.png 2x" alt="Chart">

<p id="notes">Write to <a href="mailto:diarist@example.org">me</a> or
<a href="https://example.com/jobs">see the jobs</a>.</p>
""",
    "posts/draft.md": """Title: A draft nobody sees
Date: 2013-03-11
Category: Drafts only
Tags: secret-draft-tag
Status: draft

Not yet.
""",
    "posts/hidden.md": """Title: A hidden post
Date: 2013-03-09
Category: Job search
Tags: secret-hidden-tag
Status: hidden

Only for those who have the link.
""",
}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return write_posts(copy_content(tmp_path_factory.mktemp("feeds") / "content"), EXTRA_POSTS)


# The odd post's relative images, kept to test how entries resolve them, draw
# content_guard's warning about relative image paths; any other warning or
# error still fails these builds.
RELATIVE_IMAGE_WARNING = "image 'chart-small.png' is a relative path"


def built(tmp_path_factory, content, settings, site_url=None):
    output = tmp_path_factory.mktemp("feeds-site")
    env = {"SITE_URL": site_url} if site_url else None
    conf = publishconf if settings == "publishconf.py" else pelicanconf
    guard = json.dumps({**conf.CONTENT_GUARD, "FAIL_ON": None})
    log = build(content, output, "-e", f"CONTENT_GUARD={guard}", settings=settings, env=env)
    problems = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR", "CRIT"))]
    assert problems and all(RELATIVE_IMAGE_WARNING in line for line in problems), log
    return output


@pytest.fixture(scope="module")
def dev(tmp_path_factory, content):
    """Built with pelicanconf.py (RELATIVE_URLS, SITEURL http://127.0.0.1:8000)."""
    return built(tmp_path_factory, content, "pelicanconf.py")


@pytest.fixture(scope="module")
def prod(tmp_path_factory, content):
    return built(tmp_path_factory, content, "publishconf.py", HOST_A)


@pytest.fixture(scope="module")
def moved(tmp_path_factory, content):
    """The same site published on another host, under a path."""
    return built(tmp_path_factory, content, "publishconf.py", HOST_B)


def feeds(site):
    return sorted(site.rglob("*.atom.xml"))


def parse(path):
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, f"{path}: {feed.get('bozo_exception')}"
    assert feed.version == "atom10", path
    return feed


def page_for(site, base, link):
    """The output file that an absolute link of the site ``base`` points to."""
    assert link.startswith(base + "/"), (link, base)
    path = link[len(base) + 1 :]
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def blocks(html):
    """The text of each paragraph and list item, as a reader shows them."""
    return [" ".join(b.get_text().split()) for b in soup(html).find_all(["p", "li"])]


def urls(html, base=None):
    """Every link and image URL in ``html``, resolved against ``base`` if given."""
    found = []
    for tag in soup(html).find_all(["a", "img"]):
        for name in ("href", "src"):
            if tag.get(name):
                found.append(urljoin(base, tag[name]) if base else tag[name])
    return found


def article_html(site, base, link):
    return str(soup(page_for(site, base, link).read_text(encoding="utf-8")).find("article"))


SITES = [("dev", pelicanconf.SITEURL), ("prod", HOST_A), ("moved", HOST_B)]


@pytest.fixture(params=SITES, ids=[name for name, _ in SITES])
def site(request):
    name, base = request.param
    return request.getfixturevalue(name), base


def test_each_category_and_tag_has_a_feed(site):
    """One feed per category and tag page of the site, and the feed of all posts."""
    site, _base = site
    names = {p.relative_to(site).as_posix() for p in feeds(site)}
    pages = {
        f"feeds/{kind}/{page.parent.name}.atom.xml"
        for kind in ("category", "tag")
        for page in site.glob(f"{kind}/*/index.html")
    }
    assert len(pages) >= 5  # a category and four tags in content/, at least
    assert names == {"feeds/all.atom.xml", *pages}


def test_feed_elements_follow_rfc_4287(site):
    """Exactly one id, title and updated per feed and entry; ids absolute; links absolute."""
    site, base = site
    for path in feeds(site):
        root = ET.parse(path).getroot()
        for element in [root, *root.findall(f"{ATOM}entry")]:
            for name in ("id", "title", "updated"):
                assert len(element.findall(f"{ATOM}{name}")) == 1, (path, name)
            assert element.find(f"{ATOM}author/{ATOM}name").text.strip(), path
            assert element.find(f"{ATOM}id").text.startswith("tag:"), path
        feed = parse(path)
        assert feed.feed.id.startswith(f"tag:{AUTHORITY}:"), path
        assert "None" not in path.read_text(encoding="utf-8")
        self_links = [link.href for link in feed.feed.links if link.rel == "self"]
        assert self_links == [f"{base}/{path.relative_to(site).as_posix()}"]
        for entry in feed.entries:
            assert entry.link.startswith(base + "/"), entry.link
            assert page_for(site, base, entry.link).exists(), entry.link
            assert entry.published_parsed <= entry.updated_parsed
            assert entry.author == pelicanconf.AUTHOR
            assert entry.summary.strip()
            assert [c.type for c in entry.content] == ["text/html"]


def test_every_feed_has_its_own_id(prod):
    ids = [parse(path).feed.id for path in feeds(prod)]
    assert len(set(ids)) == len(ids) == len(feeds(prod))


def entry_ids(site):
    """{post path: entry id} over every feed; a post has one id in all of them."""
    found = {}
    for path in feeds(site):
        for entry in parse(path).entries:
            key = urlsplit(entry.link).path.rsplit("/", 3)[-3:]
            assert found.setdefault("/".join(key), entry.id) == entry.id
    return found


def test_entry_ids_do_not_change_with_host_or_build(dev, prod, moved):
    ids = entry_ids(prod)
    assert len(set(ids.values())) == len(ids) == 3
    assert entry_ids(moved) == ids
    assert entry_ids(dev) == ids


def test_entry_id_is_the_posts_own_or_made_of_its_date_and_slug(prod):
    for entry in parse(prod / "feeds" / "all.atom.xml").entries:
        if entry.title == ODD_TITLE:
            assert entry.id == OWN_ID
        else:
            year, month, slug = re.search(r"/(\d{4})/(\d\d)/([^/]+)\.html$", entry.link).groups()
            assert entry.id == f"tag:{AUTHORITY}:{entry.published[:10]}/{slug}"
            assert entry.published.startswith(f"{year}-{month}-")


def test_modified_posts_have_their_own_updated_date(prod):
    entry = next(e for e in parse(prod / "feeds" / "all.atom.xml").entries if e.title == ODD_TITLE)
    assert entry.published.startswith("2013-03-10T10:00")
    assert entry.updated.startswith("2013-03-12T08:15")


def test_titles_read_as_on_the_page(prod):
    for entry in parse(prod / "feeds" / "all.atom.xml").entries:
        page = soup(page_for(prod, HOST_A, entry.link).read_text(encoding="utf-8"))
        assert entry.title == " ".join(page.find("h1").get_text().split())
    assert ODD_TITLE in [e.title for e in parse(prod / "feeds" / "all.atom.xml").entries]


def raw_entries(path):
    """Each entry's title, link and HTML as written, before a reader's sanitizer
    (feedparser drops srcset, for one) or its own URL resolution."""
    entries = []
    for entry in ET.parse(path).getroot().findall(f"{ATOM}entry"):
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        html = {name: entry.find(f"{ATOM}{name}").text for name in ("content", "summary")}
        entries.append((entry.find(f"{ATOM}title").text, link, html))
    return entries


@pytest.mark.parametrize("name, base", [("dev", pelicanconf.SITEURL), ("moved", HOST_B)])
def test_links_and_images_in_entries_work_from_a_reader(request, name, base):
    """Every URL in an entry is absolute and points where the page's link points."""
    site = request.getfixturevalue(name)
    entries = raw_entries(site / "feeds" / "all.atom.xml")
    for title, link, html in entries:
        for url in urls(html["content"]) + urls(html["summary"]):
            assert urlsplit(url).scheme in ("http", "https", "mailto"), (title, url)
        in_feed = urls(html["content"])
        on_page = urls(article_html(site, base, link), base=link)
        assert " ".join(in_feed) in " ".join(on_page), title
    _title, link, html = next(entry for entry in entries if entry[0] == ODD_TITLE)
    post_folder = link.rsplit("/", 1)[0]
    assert urls(html["content"]) == [
        f"{base}/2013/03/two-interviews-this-week.html",
        urljoin(link, "../../resume/"),
        f"{link}#notes",
        urljoin(base + "/", "/images/chart.png"),
        f"{post_folder}/chart-small.png",
        "mailto:diarist@example.org",
        "https://example.com/jobs",
    ]
    assert urls(html["summary"]) == []  # summaries are plain text (plugins/plain_summaries)
    img = soup(html["content"]).find("img", alt="Chart")
    assert img["srcset"] == f"{post_folder}/chart-small.png 1x, {base}/2013/chart-large.png 2x"


def test_a_reader_shows_the_posts_in_order_with_their_content(prod):
    """What a feed reader shows: entries newest first, each with the post's full text."""
    reader = parse(prod / "feeds" / "all.atom.xml")
    index = soup((prod / "index.html").read_text(encoding="utf-8"))
    listed = [" ".join(h.get_text().split()) for h in index.select("article h2")]
    assert [e.title for e in reader.entries] == listed
    for entry in reader.entries:
        in_feed = blocks(entry.content[0].value)
        on_page = blocks(article_html(prod, HOST_A, entry.link))
        assert in_feed, entry.title
        start = on_page.index(in_feed[0])
        assert on_page[start : start + len(in_feed)] == in_feed, entry.title


def test_category_and_tag_feeds_list_what_their_pages_list(prod):
    for path in feeds(prod):
        kind, slug = path.relative_to(prod / "feeds").parts[0], path.name[: -len(".atom.xml")]
        if kind == "all.atom.xml":
            continue
        page = soup((prod / kind / slug / "index.html").read_text(encoding="utf-8"))
        listed = [" ".join(a.get_text().split()) for a in page.select("main article h2, main li a")]
        assert [e.title for e in parse(path).entries] == listed, path


def test_summary_is_the_posts_own_or_its_opening_words(prod):
    entries = {e.title: e for e in parse(prod / "feeds" / "all.atom.xml").entries}
    summary = entries["Two interviews this week"].summary
    assert soup(summary).get_text().strip() == (
        "One phone screen went horribly, one in-person interview went very well."
    )
    # Without a Summary line, Pelican's summary is the opening words (all of a short post).
    for title in ["What I am learning from hiring managers", ODD_TITLE]:
        text = soup(entries[title].content[0].value).get_text().split()
        words = soup(entries[title].summary).get_text().split()
        assert len(words) > 10
        assert words[:-1] == text[: len(words) - 1], title
    long_post = entries["What I am learning from hiring managers"]
    assert len(long_post.summary) < len(long_post.content[0].value) / 5


def test_drafts_and_hidden_posts_appear_in_no_feed_archive_or_sitemap(prod):
    own_pages = {"2013/03/a-hidden-post.html"}  # drafts are not published at all
    assert all((prod / page).exists() for page in own_pages)
    assert not (prod / "drafts").exists()
    for path in prod.rglob("*"):
        relative = path.relative_to(prod).as_posix()
        if path.suffix not in (".html", ".xml", ".txt") or relative in own_pages:
            continue
        text = path.read_text(encoding="utf-8")
        for secret in [*SECRETS, *own_pages, "a-draft-nobody-sees"]:
            assert secret not in text, (relative, secret)


def test_feeds_carry_the_deduplicated_content(prod):
    if "dedup" not in pelicanconf.PLUGINS:
        pytest.skip("the dedup plugin is not in PLUGINS (pelicanconf.py) on this branch")
    for entry in parse(prod / "feeds" / "all.atom.xml").entries:
        paragraphs = [b for b in blocks(entry.content[0].value) if len(b) > 40]
        assert len(paragraphs) == len(set(paragraphs)), entry.title


def test_a_build_without_siteurl_writes_no_feeds(tmp_path, content):
    result = run_pelican(content, tmp_path / "out", "pelicanconf.py", "-e", 'SITEURL=""')
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Writing no feeds" in result.stdout + result.stderr
    assert not list((tmp_path / "out").rglob("*.atom.xml"))
    # No template links a feed (a post's own text may still mention one).
    for page in (tmp_path / "out").rglob("*.html"):
        html = soup(page.read_text(encoding="utf-8"))
        assert not html.find_all(["link", "a"], type="application/atom+xml"), page
        assert "tag:None" not in str(html), page


def test_a_bad_or_shared_entry_id_fails_publishing_naming_the_files(tmp_path):
    content = write_posts(
        copy_content(tmp_path / "content"),
        {
            "posts/bad-id.md": "Title: Bad id\nDate: 2013-04-01\nId: post 17\n\nText.\n",
            "posts/twin-1.md": f"Title: Twin one\nDate: 2013-04-02\nId: {OWN_ID}\n\nText.\n",
            "posts/twin-2.md": f"Title: Twin two\nDate: 2013-04-03\nId: {OWN_ID}\n\nText.\n",
        },
    )
    result = run_pelican(content, tmp_path / "out", "publishconf.py", "--fatal", "warnings")
    log = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "Traceback" not in log
    problems = log[log.index("Build failed") :]
    assert "bad-id.md" in problems and "'post 17' is not an absolute IRI" in problems
    assert re.search(r"twin-\d\.md: feed entry id .* is already the id of .*twin-\d\.md", problems)


def test_missing_id_authority_stops_the_build_plainly(tmp_path):
    result = run_pelican(
        Path(pelicanconf.__file__).parent / "content",
        tmp_path / "out",
        "pelicanconf.py",
        "-e",
        "ATOM_FEEDS={}",
    )
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ID_AUTHORITY" in log and "Traceback" not in log
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").rglob("*.html"))
