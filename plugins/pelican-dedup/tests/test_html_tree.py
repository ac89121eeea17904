"""The one reader of HTML agrees with an independent reading of the same parse.

BeautifulSoup's html.parser builder records where each element starts; every
element our reader is sure of must be there, with the same name and the same
visible text, on generated markup (odd attributes, comments, entities, stray
and implied tags) and on real posts.
"""

from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from test_no_loss_html import blogger_html, markdown_html

from pelican.plugins.dedup.html_blocks import find_blocks
from pelican.plugins.dedup.html_tree import Text, parse, visible_texts
from pelican.plugins.dedup.repair import repair_html
from pelican.plugins.dedup.text import normalize

ROOT = Path(__file__).resolve().parents[3]
PIECES = [
    "<p>", "</p>", "<li>", "</li>", "<ul>", "</ul>", "<ol>", "</ol>", "<h2>", "</h2>",
    "<blockquote>", "</blockquote>", '<div class="highlight">', "<div>", "</div>", "<pre>",
    "</pre>", "<code>", "</code>", "<em>", "</em>", "<br />", "<br>", "<hr />", "<p/>",
    '<a href="/x?a=1&amp;b=2" title="a>b">', "<a href=https://example.org/it's>", "</a>",
    "<table>", "<td>", "</td>", "</table>", "<dl>", "<dt>", "</dt>", "<dd>", "</dd>",
    "</span>", "<IMG SRC='x.png'>", "\n", " ", "text", "Long words here", "&amp;", "&lt;",
    "&#x27;", "caf\u00e9", "<", ">", "<!-- c -->", "<P class='a>b'>", "</Div >", "<x-y>",
    "&am", "p;", "<script>var a = '<p>';</script>", "<?pi?>", "\r\n",
]  # fmt: skip


def squeeze(text):
    return "".join(text.split())


def offsets(html):
    starts = [0]
    for line in html.split("\n")[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def assert_readings_agree(html):
    root = parse(html)
    if root is None:
        return
    soup = BeautifulSoup(html, "html.parser")
    lines = offsets(html)
    theirs = {
        lines[tag.sourceline - 1] + tag.sourcepos: tag
        for tag in soup.find_all(True)
        if tag.sourceline is not None
    }
    for node in root.descendants():
        if node.tainted or node.in_protective:
            continue
        tag = theirs.get(node.start)
        assert tag is not None and tag.name == node.tag, (node.tag, node.start)
        if not any(n.tag in ("script", "style", "template") for n in node.descendants()):
            assert squeeze(node.text()) == squeeze(tag.get_text()), node.tag
        assert html[node.start : node.inner_start].lower().startswith("<" + node.tag)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_reader_agrees_with_beautifulsoup_on_generated_markup(html):
    assert_readings_agree(html)
    repaired, _ = repair_html(html)  # never crashes, and only cuts
    it = iter(html)
    assert all(char in it for char in repaired)


def test_reader_agrees_with_beautifulsoup_on_the_sites_posts():
    for source in sorted((ROOT / "content").rglob("*.md")):
        html = markdown.markdown(source.read_text(encoding="utf-8"), extensions=["extra"])
        assert_readings_agree(html)
        assert find_blocks(html)


def test_unquoted_attribute_with_an_apostrophe_hides_nothing():
    """The regex screen read the rest of this post as one tag; html.parser does not."""
    para = "The second interview with the logistics firm was a panel of four people."
    html = f"<p>See <a href=https://example.org/it's>this</a>.</p>\n<p>{para}</p>\n<p>{para}</p>"
    repaired, decisions = repair_html(html)
    assert [d.index for d in decisions if d.action == "remove"] == [2]
    assert repaired.count(para) == 1


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_text_pieces_sit_where_the_parser_read_them(html):
    root = parse(html)
    if root is None:
        return
    import html as htmllib

    for node in (root, *root.descendants()):
        for child in node.children:
            if (
                isinstance(child, Text)
                and not node.in_protective
                and node.tag not in ("script", "style")
            ):
                raw = html[child.start : child.end]
                assert htmllib.unescape(raw).startswith(
                    child.text
                ) or child.text in htmllib.unescape(raw)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.lists(st.sampled_from(PIECES), max_size=40).map("".join),
        blogger_html(),
        markdown_html(),
    )
)
def test_every_block_is_one_of_the_screens_texts(html):
    """What the screen relies on: it sees each block's text as one item."""
    texts = visible_texts(html)
    if texts is None:
        return
    screened = {normalize(t) for t in texts}
    for found in find_blocks(html):
        if not found.block.protected and found.block.kind != "table":
            assert normalize(found.block.text) in screened
