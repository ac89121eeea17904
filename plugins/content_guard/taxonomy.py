"""One spelling per tag and category, so "Café" and "cafe" are one page.

Pelican already files tags whose slugs match (case and accents differ) under
one page, but each post still shows its own spelling and the page's name is
whichever came first. Here every post gets the spelling of the newest post
that used that slug, and an INFO line says which spelling was replaced.
"""

import logging

logger = logging.getLogger(__name__)


def merge_spellings(generator):
    """article_generator_pretaxonomy: replace variant spellings by the chosen one."""
    contents = generator.articles + generator.drafts + generator.hidden_articles
    chosen = {}
    for content in contents:
        for tag in getattr(content, "tags", []):
            chosen.setdefault(tag, tag)
        if hasattr(content, "category"):
            chosen.setdefault(content.category, content.category)

    def pick(name, content):
        winner = chosen.get(name, name)
        if winner.name != name.name:
            logger.info(
                "%s: %s %r is shown as %r (same page: %s)",
                content.relative_source_path,
                type(name).__name__.lower(),
                name.name,
                winner.name,
                winner.url,
            )
        return winner

    for content in contents:
        if hasattr(content, "tags"):
            # dict.fromkeys: "Ē, ë" on one post is one tag, listed once.
            content.tags = list(dict.fromkeys(pick(tag, content) for tag in content.tags))
        if hasattr(content, "category"):
            content.category = pick(content.category, content)
