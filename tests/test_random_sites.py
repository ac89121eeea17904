"""Property: whatever titles, dates, tags and bodies (odd Unicode included) a
small site has, every post is on its own page, in the archive and in the feed,
with its title and every word of its body, and every feed is well-formed XML.

Each example is a real build (about 1 s), so there are few of them.
"""

import datetime
import re
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import feedparser
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.conftest import build, soup

# Control characters content_guard removes: those XML 1.0 forbids, DEL and C1.
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
ATOM = "{http://www.w3.org/2005/Atom}"
LINE_BREAKS = "\r\n\x85\u2028\u2029"
# Markdown syntax turns body words into markup, so bodies do without it;
# titles are text (plugins/plain_titles) and may hold anything on one line.
MARKDOWN = "<>&*_`[]!#\\|~=+-.:,"


def words(exclude):
    """Words of letters of any script, digits, combining marks, emoji and other
    symbols, format characters (zero-width joiner, right-to-left marks) and the
    control characters XML or HTML forbid."""
    chars = st.characters(exclude_categories=("Cs",), exclude_characters=exclude)
    return st.text(chars, min_size=1, max_size=12).filter(
        lambda w: (
            " ".join(CONTROLS.sub("", w).split()) == CONTROLS.sub("", w)
            and any(c.isalnum() for c in w)
        )
    )


title_word = words(LINE_BREAKS)
word = words(LINE_BREAKS + MARKDOWN)
tag_name = st.text(
    st.characters(categories=("Lu", "Ll"), max_codepoint=0x17F), min_size=1, max_size=6
)
post = st.fixed_dictionaries(
    {
        "title": st.lists(title_word, min_size=1, max_size=5).map(" ".join),
        "date": st.datetimes(datetime.datetime(2000, 1, 1), datetime.datetime(2025, 12, 31)),
        "tags": st.lists(tag_name, max_size=3),
        "words": st.lists(word, min_size=1, max_size=30),
    }
)


def visible(text):
    """What a reader sees of a text: XML-forbidden characters gone, spaces collapsed."""
    blank = CONTROLS.sub(lambda m: " " if m.group().isspace() else "", text)
    return " ".join(blank.split())


def write_site(content, posts):
    (content / "posts").mkdir(parents=True)
    for number, p in enumerate(posts):
        tags = f"Tags: {', '.join(p['tags'])}\n" if p["tags"] else ""
        body = " ".join(p["words"])
        (content / "posts" / f"post-{number}.md").write_text(
            f"Title: {p['title']}\nDate: {p['date']:%Y-%m-%d %H:%M}\nSlug: post-{number}\n"
            f"{tags}\n{body}\n",
            encoding="utf-8",
        )


@settings(
    max_examples=10,
    deadline=None,
    # No shrinking: each try is a build, and shrinking can take many minutes.
    # The failing site is printed as generated (at most 4 posts).
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(post, min_size=1, max_size=4))
def test_every_post_is_on_its_page_in_the_archive_and_in_the_feed(posts):
    with tempfile.TemporaryDirectory() as folder:
        content, output = Path(folder) / "content", Path(folder) / "output"
        write_site(content, posts)
        log = build(content, output)
        assert "Traceback" not in log and "ERROR" not in log, log

        for feed in (output / "feeds").rglob("*.xml"):
            ElementTree.parse(feed)
        feed = feedparser.parse(str(output / "feeds" / "all.atom.xml"))
        assert not feed.bozo, feed.bozo_exception
        # The entries as the XML says (feedparser "repairs" titles such as "Ùµ",
        # which look like UTF-8 read as Latin-1, into "ٵ").
        entries = {}
        for entry in ElementTree.parse(output / "feeds" / "all.atom.xml").iter(ATOM + "entry"):
            link = entry.find(ATOM + "link").get("href").rsplit("/", 1)[-1]
            html = soup(entry.findtext(ATOM + "content"))
            entries[link] = (entry.findtext(ATOM + "title"), html.get_text())
        archive = soup(output / "archives" / "index.html")
        archived = {a["href"].rsplit("/", 1)[-1]: visible(a.get_text()) for a in archive("a")}

        for number, p in enumerate(posts):
            title, body = visible(p["title"]), visible(" ".join(p["words"]))
            name = f"post-{number}.html"
            page = soup(output / f"{p['date']:%Y/%m}" / name)
            assert visible(page.find("h1").get_text()) == title
            assert body in visible(page.find("article").get_text())
            assert archived.get(name) == title
            entry_title, entry_text = entries[name]
            assert visible(entry_title) == title
            assert body in visible(entry_text)
            # Each tag links to a page that lists the post.
            links = [a["href"] for a in page.select("p.tags a")]
            assert len(links) == len({link for link in links}) >= min(1, len(p["tags"]))
            for link in links:
                tag_page = (output / f"{p['date']:%Y/%m}" / link / "index.html").resolve()
                assert name in {a["href"].rsplit("/", 1)[-1] for a in soup(tag_page)("a")}
