"""Set each post's summary to the plain text of its opening words.

Pelican's own summary of a post without ``Summary:`` is its first
SUMMARY_MAX_LENGTH words *with their markup*: the post's ``<h2>`` headings
(as big as the index's post titles), images, tables and code blocks end up
on the index and in the feed. Here the summary is the text of the post
without headings, images, tables, code blocks and other non-prose elements,
cut at a word after SUMMARY_MAX_LENGTH words (Pelican's setting, 50) and
ended with SUMMARY_END_SUFFIX ("…"), as one escaped paragraph. It is set as
the post's ``summary`` metadata, which Pelican's ``get_summary`` returns, so
pages and feeds show the same text. A post's own ``Summary:`` is kept.

It runs at ``all_generators_finalized``: after the dedup plugin has cut
repeated paragraphs (and after its safety net for cached posts), before
anything reads ``.summary``.

No settings of its own: SUMMARY_MAX_LENGTH and SUMMARY_END_SUFFIX are Pelican's.
"""

import html

from bs4 import BeautifulSoup
from pelican import signals

# Elements whose text is not prose to quote in an excerpt.
DROPPED = [
    "h1", "h2", "h3", "h4", "h5", "h6",
    "img", "picture", "figure", "svg", "video", "audio", "iframe", "object", "embed",
    "table", "pre", "script", "style", "template", "hr", "form",
]  # fmt: skip
# Elements after which the text breaks, so that words of two blocks never join.
BLOCKS = ["p", "li", "div", "blockquote", "dt", "dd", "br", "ul", "ol", "dl", "section"]
CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def plain_text(fragment):
    """The prose of an HTML fragment, whitespace collapsed."""
    soup = BeautifulSoup(fragment, "html.parser")
    for element in soup.find_all(DROPPED):
        element.decompose()
    for element in soup.select(".toc, .highlight, .codehilite"):
        element.decompose()
    for element in soup.find_all(BLOCKS):
        element.insert_after(" ")
    return " ".join(soup.get_text().split())


def excerpt(text, max_words, suffix):
    """text cut after max_words words (None: never), suffix added if cut."""
    words = text.split()
    if max_words is None or len(words) <= max_words:
        return " ".join(words)
    return " ".join(words[:max_words]) + (f" {suffix}" if suffix else "")


def summary_html(fragment, settings):
    """The plain summary of a post's HTML, as HTML ("" for a post without prose)."""
    text = excerpt(
        plain_text(fragment), settings["SUMMARY_MAX_LENGTH"], settings["SUMMARY_END_SUFFIX"]
    )
    return f"<p>{html.escape(text, quote=False)}</p>" if text else ""


def set_summaries(generators):
    """all_generators_finalized: a plain summary for every post without Summary:."""
    seen = set()
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                if id(content) in seen or "summary" in content.metadata:
                    continue
                seen.add(id(content))
                content.metadata["summary"] = summary_html(content._content or "", content.settings)


def register():
    signals.all_generators_finalized.connect(set_summaries)
