"""dedup.html_blocks: finding leaf blocks, protecting doubtful ones, exact cuts."""

import markdown
import pytest

from pelican.plugins.dedup import core
from pelican.plugins.dedup.html_blocks import HtmlBlock, cut_blocks, find_blocks
from pelican.plugins.dedup.repair import repair_html


def render(source):
    """Render Markdown the way Pelican does by default."""
    md = markdown.Markdown(
        extensions=[
            "markdown.extensions.codehilite",
            "markdown.extensions.extra",
            "markdown.extensions.meta",
        ],
        extension_configs={"markdown.extensions.codehilite": {"css_class": "highlight"}},
        output_format="html5",
    )
    return md.convert(source)


def dedup_html(html):
    found = find_blocks(html)
    decisions = core.find_duplicates([b.block for b in found])
    remove = [d.index for d in decisions if d.action == "remove"]
    return cut_blocks(html, found, remove)


def summary(html):
    return [
        (b.block.kind, b.block.context, b.block.text, b.block.protected) for b in find_blocks(html)
    ]


# --- finding blocks ------------------------------------------------------------


def test_leaf_blocks_with_contexts_and_exact_spans():
    html = (
        "<h1>Title</h1>\n<p>Intro <em>text</em>.</p>\n<ol>\n<li>one</li>\n</ol>\n"
        "<blockquote>\n<p>quoted</p>\n</blockquote>\n<dl>\n<dt>T</dt>\n<dd>D</dd>\n</dl>\n"
        "<div><section><p>deep</p></section></div>"
    )
    found = find_blocks(html)
    assert [(b.block.kind, b.block.context, b.block.text) for b in found] == [
        ("h1", (), "Title"),
        ("p", (), "Intro text."),
        ("li", ("ol",), "one"),
        ("p", ("blockquote",), "quoted"),
        ("dt", ("dl",), "T"),
        ("dd", ("dl",), "D"),
        ("p", (), "deep"),  # a wrapping <div> is no place of its own
    ]
    assert not any(b.block.protected for b in found)
    for b in found:
        assert html[b.start] == "<" and html[b.end - 1] == ">"
        assert html[b.start : b.end].startswith(f"<{b.block.kind}")
        assert html[b.start : b.end].endswith(f"</{b.block.kind}>")


def test_loose_list_leaf_is_the_paragraph():
    html = render("1. first item\n\n2. second item\n\n    more text\n")
    assert summary(html) == [
        ("p", ("ol", "li"), "first item", False),
        ("p", ("ol", "li"), "second item", False),
        ("p", ("ol", "li"), "more text", False),
    ]


def test_nested_list_outer_item_is_a_block_holding_its_nested_items():
    html = render("- outer\n    - inner one\n    - inner two\n- sibling\n")
    assert find_blocks(html)[0].block.inner == 2
    assert summary(html) == [
        ("li", ("ul",), "outer", False),
        ("li", ("ul", "li", "ul"), "inner one", False),
        ("li", ("ul", "li", "ul"), "inner two", False),
        ("li", ("ul",), "sibling", False),
    ]


def test_code_blocks_are_protected_and_a_table_is_one_block():
    source = (
        "Para.\n\n```python\nprint('x')\n```\n\n    indented code\n\n"
        "| a | b |\n|---|---|\n| <p>x</p> | 2 |\n"
    )
    found = summary(render(source))
    assert found[0] == ("p", (), "Para.", False)
    assert [(k, c, p) for k, c, _, p in found[1:]] == [
        ("pre", (), True),
        ("pre", (), True),
        ("table", (), False),
    ]


def test_blocks_inside_protected_elements_are_not_separate_blocks():
    html = "<table><tr><td><p>cell</p></td></tr></table><pre><p>raw</p></pre><p>after</p>"
    assert [(b.block.kind, b.block.protected) for b in find_blocks(html)] == [
        ("table", False),
        ("pre", True),
        ("p", False),
    ]


def test_paragraph_with_inline_code_is_ordinary_but_with_script_is_protected():
    html = "<p>Call <code>f()</code> now.</p><p>x<script>var a = '<p>';</script></p>"
    assert summary(html) == [
        ("p", (), "Call f() now.", False),
        ("p", (), "x", True),  # a script is not visible text
    ]


def test_entities_are_decoded_and_inline_tags_ignored():
    html = "<p>Fish &amp; chips &#8212; caf&eacute; <a href='x'>link</a><br>next&nbsp;line</p>"
    assert find_blocks(html)[0].block.text == "Fish & chips \u2014 caf\u00e9 link next\u00a0line"


def test_offsets_survive_multiline_tags_and_non_ascii():
    html = "<p>\u00e9\u00e9\u00e9 \U0001f600</p>\n<p\n  class='x'>second\nline</p>\r\n<p>third</p>"
    found = find_blocks(html)
    assert [html[b.start : b.end] for b in found] == [
        "<p>\u00e9\u00e9\u00e9 \U0001f600</p>",
        "<p\n  class='x'>second\nline</p>",
        "<p>third</p>",
    ]


# --- malformed HTML --------------------------------------------------------------

MALFORMED = [
    "<p>a<p>b",
    "<p>a<p>b</p>",
    "<ul><li>a<li>b</ul>",
    "<ul><li>a</li><li>b",
    "<div><p>x</p></span><p>y</p></div>",
    "<p>a<div>b</div></p>",
    "<p><em>a</p></em>",
    "<h2>a<h3>b</h3></h2>",
    "<dl><dt>a<dd>b</dl>",
    "<div/><p>a</p>",
    "<p>never closed",
    "<p>a</p",
    "</p></div><p",
    "<<<>>><p>&&&;</p",
    "<![CDATA[<p>x</p>]]><!-- <p>y</p> --><?pi?><!doctype html>",
]


@pytest.mark.parametrize("html", MALFORMED)
def test_malformed_html_never_crashes_and_doubtful_blocks_are_protected(html):
    found = find_blocks(html)
    new, _ = cut_blocks(html, found, range(len(found)))
    for b in found:
        if b.block.protected:
            assert html[b.start : b.end] in new
    doubled = html + html
    new2, _ = dedup_html(doubled)
    assert isinstance(new2, str)


@pytest.mark.parametrize(
    "html",
    [
        "<ul><li>a<li>b</ul>",
        "<div><p>x</p></span><p>y</p></div>",
        "<p>a<div><p>b</p></div></p>",
        "<p/><p>a</p>",
        "<div><p>a<p>b</div>",
        "<ol><li><p>a</li></ol>",
    ],
)
def test_malformed_blocks_are_never_cut(html):
    found = find_blocks(html)
    assert found and all(b.block.protected for b in found)
    assert cut_blocks(html, found, range(len(found))) == (html, [])


def test_stray_end_tag_at_top_level_leaves_neighbours_cuttable():
    html = "<div><p>x</p></div></div><p>y</p>"
    found = find_blocks(html)
    assert [b.block.protected for b in found] == [False, False]
    assert cut_blocks(html, found, [1]) == ("<div><p>x</p></div></div>", [])


def test_blocks_from_another_document_are_not_cut():
    html = "<p>one</p>\n<p>two</p>"
    other = find_blocks("<p>xx</p>\n<p>one</p>")
    assert cut_blocks(html, other, [0, 1]) == (html, [])


def test_protected_block_is_never_cut_even_if_asked():
    html = "<pre>code</pre>\n<p>x</p>"
    found = find_blocks(html)
    assert cut_blocks(html, found, [0]) == (html, [])


# --- cutting ---------------------------------------------------------------------


def test_no_op_returns_the_identical_string():
    html = render("Hello\n\n- a\n- b\n")
    new, emptied = cut_blocks(html, find_blocks(html), [])
    assert new is html and emptied == []


def test_cut_takes_the_neighbouring_whitespace():
    html = "<p>a</p>\n<p>b</p>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>"
    found = find_blocks(html)
    assert cut_blocks(html, found, [1])[0] == "<p>a</p>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>"
    assert cut_blocks(html, found, [2])[0] == "<p>a</p>\n<p>b</p>\n<ol>\n<li>y</li>\n</ol>"
    assert cut_blocks(html, found, [3])[0] == "<p>a</p>\n<p>b</p>\n<ol>\n<li>x</li>\n</ol>"


def test_emptied_list_is_removed_as_a_whole():
    html = "<p>a</p>\n<ol>\n<li>x</li>\n<li>y</li>\n</ol>\n<p>b</p>"
    found = find_blocks(html)
    assert cut_blocks(html, found, [1, 2]) == ("<p>a</p>\n<p>b</p>", ["ol"])


def test_emptied_loose_list_and_blockquote_go_recursively():
    html = render("Para\n\n1. one\n\n2. two\n\n> quoted\n\nEnd\n")
    found = find_blocks(html)
    new, emptied = cut_blocks(html, found, [1, 2, 3])
    assert new == render("Para\n\nEnd\n")
    assert emptied == ["ol", "li", "li", "blockquote"]


def test_container_with_remaining_content_is_kept():
    html = "<ul>\n<li>keep <b>me</b>\n<ul>\n<li>x</li>\n</ul>\n</li>\n</ul>"
    found = find_blocks(html)
    assert [b.block.text for b in found] == ["keep me", "x"]
    new, emptied = cut_blocks(html, found, [1])
    assert new == "<ul>\n<li>keep <b>me</b>\n</li>\n</ul>" and emptied == ["ul"]


LONG = [
    "I finally sat down this weekend to sort out the mess of half-finished projects.",
    "Most of them started as a quick experiment on a Friday night and then stalled.",
    "The list below is what I decided to keep, in the order I intend to work on it.",
    "Everything else goes into an archive folder so it stops nagging me every morning.",
    "If you have used any of these tools, I would love to hear which ones you rely on.",
]
SEED = f"""\
{LONG[0]}

{LONG[1]}

1. Convert the ones I've got going.
2. Finish the static site generator theme.
3. Rewrite the backup script in Python.

{LONG[2]}

## What goes

{LONG[3]}

- Old chat bot.
- Anything that needs Python 2.

{LONG[4]}
"""

CASES = {
    "seed doubled": (SEED + "\n" + SEED, SEED),
    "meta header kept": (
        "Title: x\nDate: 2024-01-01\n\n" + SEED + "\n" + SEED,
        "Title: x\n\n" + SEED,
    ),
    "repeat after code block": (
        f"{LONG[0]}\n\n```python\nprint(1)\n```\n\n{LONG[0]}\n\n{LONG[1]}\n",
        f"{LONG[0]}\n\n```python\nprint(1)\n```\n\n{LONG[1]}\n",
    ),
    "repeat before code block": (
        f"{LONG[0]}\n\n{LONG[1]}\n\n{LONG[0]}\n\n    code\n\n{LONG[2]}\n",
        f"{LONG[0]}\n\n{LONG[1]}\n\n    code\n\n{LONG[2]}\n",
    ),
    "repeat at the end": (
        f"{LONG[0]}\n\n{LONG[1]}\n\n{LONG[0]}\n",
        f"{LONG[0]}\n\n{LONG[1]}\n",
    ),
    "repeated list item inside a list": (
        f"Intro.\n\n- {LONG[0]}\n- short\n- {LONG[0]}\n- end\n",
        "Intro.\n\n- " + LONG[0] + "\n- short\n- end\n",
    ),
    "repeated first and last list items": (
        f"- {LONG[1]}\n- {LONG[3]}\n\n{LONG[2]}\n\n- {LONG[1]}\n- b\n- {LONG[3]}\n",
        f"- {LONG[1]}\n- {LONG[3]}\n\n{LONG[2]}\n\n- b\n",
    ),
    "whole list emptied": (
        f"{LONG[0]}\n\n1. {LONG[1]}\n2. Short one.\n\n{LONG[2]}\n\n"
        f"1. {LONG[1]}\n2. Short one.\n\nBye.\n",
        f"{LONG[0]}\n\n1. {LONG[1]}\n2. Short one.\n\n{LONG[2]}\n\nBye.\n",
    ),
    "loose list item": (
        f"- {LONG[0]}\n\n- {LONG[1]}\n\n- {LONG[0]}\n\nAfter.\n",
        f"- {LONG[0]}\n\n- {LONG[1]}\n\nAfter.\n",
    ),
    "blockquote emptied": (
        f"> {LONG[3]}\n\n{LONG[1]}\n\n> {LONG[3]}\n\n{LONG[2]}\n",
        f"> {LONG[3]}\n\n{LONG[1]}\n\n{LONG[2]}\n",
    ),
    "heading inside a copied run": (
        f"## Setup\n\n{LONG[0]}\n\n{LONG[1]}\n\n## Setup\n\n{LONG[0]}\n\n{LONG[1]}\n",
        f"## Setup\n\n{LONG[0]}\n\n{LONG[1]}\n",
    ),
    "table and definition list around copies": (
        f"{LONG[0]}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n:   {LONG[1]}\n\n"
        f"{LONG[0]}\n\nTerm\n:   {LONG[1]}\n\nDone.\n",
        f"{LONG[0]}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n:   {LONG[1]}\n\nDone.\n",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_cut_matches_markdown_rendering_of_deduplicated_source(name):
    duplicated, clean = CASES[name]
    new, _ = dedup_html(render(duplicated))
    assert new == render(clean)


def test_cut_is_idempotent_on_markdown_output():
    once, _ = dedup_html(render(SEED + "\n" + SEED))
    assert dedup_html(once) == (once, [])


def test_returned_block_is_hashable_and_frozen():
    block = find_blocks("<p>x</p>")[0]
    assert isinstance(block, HtmlBlock) and hash(block)
    with pytest.raises(AttributeError):
        block.start = 3


# --- the structures of issue 15 ---------------------------------------------

A = "The second interview with the logistics firm was a panel of four people."
B = "I prepared for a week and still felt nervous walking into the building."


def test_a_removed_footnote_reference_takes_its_back_link_with_it():
    source = f"{A}[^1]\n\n{B}\n\n{A}[^1]\n\n{B}\n\n[^1]: The panel ran two hours.\n"
    html = markdown.markdown(source, extensions=["footnotes"])
    assert html.count('class="footnote-backref"') == 2
    repaired, decisions = repair_html(html)
    assert [d.index for d in decisions if d.action == "remove"] == [2, 3]
    assert repaired.count('class="footnote-backref"') == 1
    assert 'href="#fnref2:1"' not in repaired and 'href="#fnref:1"' in repaired
    assert "The panel ran two hours." in repaired


def test_a_doubled_rst_section_leaves_no_empty_section_behind():
    html = (
        '<div class="section" id="monday">\n<h2>Monday</h2>\n<p>'
        + A
        + "</p>\n<p>"
        + B
        + "</p>\n</div>\n"
        '<div class="section" id="monday-1">\n<h2>Monday</h2>\n<p>'
        + A
        + "</p>\n<p>"
        + B
        + "</p>\n</div>\n"
    )
    repaired, _ = repair_html(html)
    assert repaired == html[: html.index('<div class="section" id="monday-1">')]


def test_spacers_are_not_blocks_and_images_are_compared_by_source():
    html = (
        f'<p>{A}</p>\n<p>&nbsp;</p>\n<p><img src="a.jpg"></p>\n<p><img src="b.jpg"></p>\n<p>{B}</p>'
    )
    found = find_blocks(html)
    assert [(b.block.text, b.block.media) for b in found] == [
        (A, ()),
        ("", ("a.jpg",)),
        ("", ("b.jpg",)),
        (B, ()),
    ]
    assert repair_html(html) == (html, [])


def test_blogger_div_lines_and_br_pairs_are_blocks():
    html = f"<div>{A}</div><div>{B}</div>\n{A}<br /><br />{B}<br>\n<br>tail words"
    assert [(b.block.kind, b.block.text) for b in find_blocks(html)] == [
        ("p", A),
        ("p", B),
        ("p", A),
        ("p", B),
        ("p", "tail words"),
    ]
    repaired, _ = repair_html(html)
    assert repaired == f"<div>{A}</div><div>{B}</div>\ntail words"


def test_a_copy_wrapped_in_another_div_is_compared_with_the_body():
    html = f"<div>{A}</div>\n<div>{B}</div>\n<div><div><div>{A}</div>\n<div>{B}</div></div></div>"
    repaired, decisions = repair_html(html)
    assert repaired == f"<div>{A}</div>\n<div>{B}</div>"
    assert [d.reason for d in decisions] == ["repeated-run", "repeated-run"]


def test_a_copied_nested_list_goes_whole_whatever_its_list_type():
    items = f"<li>{A}<ul><li>{B}</li><li>Short one.</li></ul></li>"
    html = f"<ol>{items}</ol>\n<p>Between.</p>\n<ul>{items}</ul>"
    repaired, _ = repair_html(html)
    assert repaired == f"<ol>{items}</ol>\n<p>Between.</p>"


def test_an_outer_item_stays_when_its_nested_items_differ():
    html = (
        f"<ul><li>{A}<ul><li>{B}</li></ul></li></ul>\n<p>x</p>\n"
        f"<ul><li>{A}<ul><li>A nested item of its own, long enough to count.</li></ul></li></ul>"
    )
    repaired, _ = repair_html(html)
    assert "A nested item of its own" in repaired and repaired.count(A) == 2
