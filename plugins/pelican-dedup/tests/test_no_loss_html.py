"""Property tests on whole documents: no word, image or link is ever lost.

Words, image sources and link targets are read here independently of the
plugin (BeautifulSoup), from generated Markdown rendered as Pelican does and
from generated Blogger-style HTML, both with copies of runs pasted in, some
of them edited.
"""

import re
import unicodedata

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pelican.plugins.dedup.repair import repair_html

SENTENCES = [
    "The second interview with the logistics firm was a panel of four people.",
    "I prepared for a week and still felt nervous walking into the building.",
    "They asked about the partner program and how I measured its return.",
    "Afterwards I wrote a thank-you note to each of them that same evening.",
    "My friend at the agency says the market picks up after the holidays.",
    "I rehearsed how I position my experience to be everything but the title.",
    "Chinese: 我今天去了第二次面试，面试官问了很多关于合作伙伴计划的问题。",
]
EDITS = [
    lambda t: t,
    lambda t: t,
    lambda t: t + " Update: they called back on Friday and offered me the job.",
    lambda t: t.replace("four", "five"),
    lambda t: t.replace(" the ", " -- the ", 1),
    lambda t: " ".join(t.split()[:-3]) + ".",
]
IMAGES = ["photo-1.jpg", "photo-2.jpg"]
LINKS = ["https://example.org/a", "https://example.org/b"]


def words_images_links(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.find_all(["script", "style"]):
        hidden.decompose()
    text = unicodedata.normalize("NFKC", soup.get_text(" ")).casefold()
    images = {img.get("src") for img in soup.find_all("img")}
    links = {a.get("href") for a in soup.find_all("a") if not a.get("href", "#").startswith("#")}
    return set(re.findall(r"\w+", text)), images, links


@st.composite
def paragraph(draw):
    text = draw(st.sampled_from(SENTENCES))
    if draw(st.integers(0, 4)) == 0:
        text += f' <a href="{draw(st.sampled_from(LINKS))}">link</a>'
    if draw(st.integers(0, 5)) == 0:
        return f'<img src="{draw(st.sampled_from(IMAGES))}">'
    return text


@st.composite
def with_copies(draw, items):
    items = list(items)
    for _ in range(draw(st.integers(0, 3))):
        if not items:
            break
        start = draw(st.integers(0, len(items) - 1))
        stop = draw(st.integers(start + 1, min(len(items), start + 6)))
        copy = [
            draw(st.sampled_from(EDITS))(t) if "<img" not in t else t for t in items[start:stop]
        ]
        items[draw(st.integers(stop, len(items))) : 0] = copy
    return items


@st.composite
def blogger_html(draw):
    items = draw(with_copies(draw(st.lists(paragraph(), max_size=8))))
    style = draw(st.sampled_from(["div", "br", "p", "mixed"]))
    out = []
    for text in items:
        shape = style if style != "mixed" else draw(st.sampled_from(["div", "br", "p", "wrap"]))
        if shape == "div":
            out.append(f"<div>{text}</div>")
        elif shape == "br":
            out.append(f"{text}<br /><br />")
        elif shape == "wrap":
            out.append(f"<div><div>{text}</div></div>")
        else:
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


@st.composite
def markdown_html(draw):
    items = draw(with_copies(draw(st.lists(paragraph(), max_size=8))))
    shapes = st.sampled_from(["{}", "- {}", "1. {}", "> {}", "## {}", "{}[^1]"])
    source = "\n\n".join(draw(shapes).format(t) for t in items)
    source += "\n\n[^1]: A footnote with its own words.\n"
    return markdown.markdown(source, extensions=["extra"], output_format="html5")


SLOW = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


MIXED_EDITS = "\n".join(
    f"<p>{t}</p>"
    for t in [
        *SENTENCES[:3],
        SENTENCES[0].replace("four", "five"),
        SENTENCES[1],
        SENTENCES[2] + " Update: they called back on Friday and offered me the job.",
    ]
)


@SLOW
@given(st.one_of(blogger_html(), markdown_html()))
@example(MIXED_EDITS)
def test_repair_keeps_every_word_image_and_link(html):
    repaired, decisions = repair_html(html)
    assert words_images_links(repaired) == words_images_links(html)
    if not any(d.action == "remove" for d in decisions):
        assert repaired is html


@SLOW
@given(st.one_of(blogger_html(), markdown_html()))
def test_repair_is_a_cut_of_the_original(html):
    """Every kept byte is the original's: the output is the input minus some spans."""
    repaired, _ = repair_html(html)
    it = iter(html)
    assert all(char in it for char in repaired)
