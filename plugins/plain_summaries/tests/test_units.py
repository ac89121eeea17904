"""The pure parts of plain_summaries: which text is kept, and where it is cut."""

from plain_summaries.plugin import excerpt, plain_text, summary_html

SETTINGS = {"SUMMARY_MAX_LENGTH": 5, "SUMMARY_END_SUFFIX": "…"}


def test_headings_images_tables_and_code_blocks_are_left_out():
    html = (
        "<h2>Heading</h2><p>One <em>two</em> <code>three</code></p>"
        '<p><img src="x.png" alt="pic"></p><table><tr><td>cell</td></tr></table>'
        '<div class="highlight"><pre>code()</pre></div><ul><li>four</li></ul>'
    )
    assert plain_text(html) == "One two three four"


def test_the_text_is_cut_at_a_word_with_the_suffix_only_when_longer():
    assert excerpt("a b c", 5, "…") == "a b c"
    assert excerpt("a b c d e f g", 5, "…") == "a b c d e …"
    assert excerpt("a b c d e f g", None, "…") == "a b c d e f g"


def test_the_summary_is_escaped_text_in_one_paragraph():
    assert summary_html("<p>Salary &lt; 5 &amp; more</p>", SETTINGS) == (
        "<p>Salary &lt; 5 &amp; more</p>"
    )
    assert summary_html("<h2>Only a heading</h2>", SETTINGS) == ""
