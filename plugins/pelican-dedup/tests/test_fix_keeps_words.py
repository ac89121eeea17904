"""Property test: `check_content --fix` never loses a word, image or link.

Generated Markdown (paragraphs, lists, quotes, headings, footnotes, raw
HTML lines, with copies of runs pasted in, some edited) is fixed as the
checker would; the fixed source, rendered, shows the same words, image
sources and link targets as the original, and the same text as the build's
repaired page.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_no_loss_html import paragraph, with_copies, words_images_links

from pelican.plugins.dedup import check_content
from pelican.plugins.dedup.core import Options

RENDER = check_content.Renderer()
SHAPES = ["{}", "- {}", "1. {}", "> {}", "## {}", "{}[^1]", "<div>{}</div>"]


@st.composite
def markdown_post(draw):
    items = draw(with_copies(draw(st.lists(paragraph(), max_size=8))))
    shapes = st.sampled_from(SHAPES)
    body = "\n\n".join(draw(shapes).format(t) for t in items)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = f"Title: T\n\n{body}\n\n[^1]: A footnote with its own words.\n"
    return text.replace("\n", newline)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_post())
def test_fix_keeps_every_word_image_and_link_and_the_line_endings(text):
    checked = check_content.Checked(text, Options(), RENDER)
    fixed = checked.fixed(RENDER) if checked.removals else None
    if fixed is None:
        return  # nothing to fix, or left alone and named
    body = lambda source: source.replace("\r\n", "\n").split("\n\n", 1)[1]  # noqa: E731
    assert words_images_links(RENDER(body(fixed))) == words_images_links(RENDER(body(text)))
    assert ("\r\n" in fixed) == ("\r\n" in text)
    assert check_content.visible_text(RENDER(body(fixed))) == check_content.visible_text(
        checked.repaired
    )
