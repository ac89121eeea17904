"""The plugin's helpers, on their own: settings, ids, links and titles."""

from datetime import datetime
from html.parser import HTMLParser

import pytest
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from atom_feeds.html import absolute_links, html_to_text
from atom_feeds.ids import entry_id, feed_id, is_absolute_iri
from atom_feeds.settings import SettingsError, read_settings

# Character references, whole, cut short or invalid, for titles without tags.
REFERENCE_PIECES = ["&amp;", "&#8217;", "&#x2014;", "&nbsp;", "&", "&amp", "&#", "&#38"]
REFERENCE_PIECES += ["&notit;", "&#0;", "&#xD800;", "&unknown;", "x", ";", " "]
GOOD = {"ATOM_FEEDS": {"ID_AUTHORITY": "example.org,2013"}}


@pytest.mark.parametrize(
    "authority", ["example.org,2013", "me@example.org,2013-03", "a-b.example.org,2013-03-31"]
)
def test_authorities_of_rfc_4151_are_accepted(authority):
    assert read_settings({"ATOM_FEEDS": {"ID_AUTHORITY": authority}})["ID_AUTHORITY"] == authority


@pytest.mark.parametrize(
    "authority", [None, "http://example.org", "example.org,13", "example.org,2013-13"]
)
def test_a_missing_or_bad_authority_is_shown_with_an_example(authority):
    with pytest.raises(SettingsError) as raised:
        read_settings({"ATOM_FEEDS": {"ID_AUTHORITY": authority}} if authority else {})
    said = str(raised.value)
    assert said.startswith("ATOM_FEEDS['ID_AUTHORITY'] must be a domain"), said
    assert "like 'example.org,2013' (RFC 4151)" in said and said.endswith(f"not {authority!r}")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"ID_FIELD": "x"}, "Object contains unknown field `ID_FIELD`"),
        ({"ID_METADATA": " "}, "Expected `str` matching regex '\\\\S' - at `$.ID_METADATA`"),
        ({"ID_METADATA": 3}, "Expected `str`, got `int` - at `$.ID_METADATA`"),
        ({"ID_AUTHORITY": True}, "Expected `str | null`, got `bool` - at `$.ID_AUTHORITY`"),
        (["example.org,2013"], "Expected `object`, got `array`"),
    ],
)
def test_msgspec_names_a_bad_key_or_value(given, said):
    if isinstance(given, dict):
        given = {**GOOD["ATOM_FEEDS"], **given}
    with pytest.raises(SettingsError) as raised:
        read_settings({"ATOM_FEEDS": given})
    assert str(raised.value) == f"ATOM_FEEDS: {said}"


def test_metadata_field_defaults_to_id_and_is_lowercased():
    assert read_settings(GOOD)["ID_METADATA"] == "id"
    options = read_settings({"ATOM_FEEDS": {**GOOD["ATOM_FEEDS"], "ID_METADATA": "Blogger-ID"}})
    assert options["ID_METADATA"] == "blogger-id"


def test_ids_are_tag_uris_of_the_authority_and_never_of_a_host():
    assert feed_id("example.org,2013", "feeds/all.atom.xml") == (
        "tag:example.org,2013:feeds/all.atom.xml"
    )
    assert entry_id("example.org,2013", datetime(2013, 3, 8, 9, 30), "two-interviews") == (
        "tag:example.org,2013:2013-03-08/two-interviews"
    )
    assert feed_id("example.org,2013", "feeds/tag/a b.atom.xml").endswith("a%20b.atom.xml")


@pytest.mark.parametrize(
    "value, expected",
    [
        ("tag:blogger.com,1999:blog-1.post-2", True),
        ("urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6", True),
        ("https://example.org/post", True),
        ("post-2", False),
        ("/2013/03/x.html", False),
        ("tag:example.org,2013:a b", False),
        ("", False),
    ],
)
def test_absolute_iri(value, expected):
    assert is_absolute_iri(value) is expected


def test_relative_links_and_images_become_absolute_against_the_post():
    post = "https://example.org/blog/2013/03/post.html"
    html = (
        '<p><a href="other.html">a</a> <a href="/about/">b</a> <a href="#notes">c</a>'
        ' <a href="mailto:me@example.org">d</a> <a href="https://elsewhere.net/x">e</a></p>'
        '<img src="../../images/chart.png" srcset="chart.png 1x, ../chart@2x.png 2x" alt="">'
    )
    soup = BeautifulSoup(absolute_links(html, post), "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == [
        "https://example.org/blog/2013/03/other.html",
        "https://example.org/about/",
        "https://example.org/blog/2013/03/post.html#notes",
        "mailto:me@example.org",
        "https://elsewhere.net/x",
    ]
    img = soup.find("img")
    assert img["src"] == "https://example.org/blog/images/chart.png"
    assert img["srcset"] == (
        "https://example.org/blog/2013/03/chart.png 1x, "
        "https://example.org/blog/2013/chart@2x.png 2x"
    )


def test_html_without_relative_links_is_returned_unchanged():
    html = '<p>Fish &amp; chips, <a href="https://example.org/">home</a><br>\n</p>'
    assert absolute_links(html, "https://example.org/post.html") == html


@pytest.mark.parametrize(
    "title, text",
    [
        ("Salary < expectations > reality", "Salary < expectations > reality"),
        ("Fish &amp; chips", "Fish & chips"),
        ("An <em>odd</em> week", "An odd week"),
    ],
)
def test_titles_become_the_text_a_browser_shows(title, text):
    assert html_to_text(title) == text


@pytest.mark.parametrize(
    "html",
    [
        '<p><A HREF="other.html">upper case</A></p>',
        "<p><a href>no value</a></p>",
        '<p><img alt="x" SrcSet = "a.png 1x"></p>',
        "<p><a title='a>b' href=other.html>quoted &gt;</a></p>",
    ],
)
def test_every_spelling_of_a_link_attribute_is_read(html):
    """The quick check that skips parsing must not skip these."""
    base = "https://example.org/blog/post.html"
    soup = BeautifulSoup(absolute_links(html, base), "html.parser")
    tag = soup.find(["a", "img"])
    value = tag.get("href", tag.get("srcset"))
    assert value.startswith("https://example.org/blog/")


@given(
    st.text(
        alphabet=st.characters(blacklist_characters="<", blacklist_categories=("Cs",)), max_size=80
    )
    | st.lists(st.sampled_from(REFERENCE_PIECES)).map("".join)
)
def test_text_without_tags_reads_as_the_parser_reads_it(text):
    """Titles with character references but no "<" are decoded without a parse.

    The reference is html.parser itself, which decodes character references
    by HTML's rules (BeautifulSoup keeps a bare "&amp" at the very end).
    """
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    assert html_to_text(text) == " ".join("".join(parser.data).split())


class _TextOnly(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data = []

    def handle_data(self, data):
        self.data.append(data)
