"""Keep the placeholder line of `make newpost` from being published.

scripts/newpost.py writes PLACEHOLDER as the body of a new post. A post that
is to be published (not a draft) and still holds it gets a WARNING naming
the file and line, which fails `make publish` (CONTENT_GUARD['FAIL_ON']).
Drafts may keep it: nothing of a draft is published.
"""

import logging
from pathlib import Path

logger = logging.getLogger(__name__)

PLACEHOLDER = "TODO: write the post here; make publish refuses a published post with this line."
# What Pelican writes for each post that is not a draft.
PUBLISHED_LISTS = (
    "articles",
    "hidden_articles",
    "pages",
    "hidden_pages",
    "translations",
    "hidden_translations",
)


def placeholder_lines(text):
    """Line numbers of the placeholder lines in a source text."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip() == PLACEHOLDER]


def check_generator(generator):
    """article/page_generator_finalized: one warning per published post with the placeholder."""
    seen = set()
    for name in PUBLISHED_LISTS:
        for content in getattr(generator, name, None) or []:
            if id(content) in seen or PLACEHOLDER not in (content._content or ""):
                continue
            seen.add(id(content))
            text = Path(content.source_path).read_text(encoding="utf-8")
            lines = placeholder_lines(text)
            logger.warning(
                "%s, line %s: still holds the placeholder of make newpost (%r); "
                "replace it with your text, or set Status: draft",
                content.relative_source_path or content.source_path,
                ", ".join(map(str, lines)) or "?",
                PLACEHOLDER,
            )
