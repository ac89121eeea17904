"""Rank the published posts for each post, on article_generator_finalized."""

import logging
from collections import Counter

from pelican import signals

from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)


def related(article, published, by_tag, most):
    """Up to `most` published posts sharing the most tags with `article`."""
    named = article.metadata.get("related_posts")
    if isinstance(named, str):
        by_slug = {post.slug: post for post in published}
        wanted = [by_slug.get(slug.strip()) for slug in named.split(",")]
        return [post for post in wanted if post is not None and post is not article][:most]
    shared = Counter()
    for tag in getattr(article, "tags", None) or []:
        shared.update(by_tag.get(tag, ()))
    shared.pop(article, None)
    order = {post: n for n, post in enumerate(published)}  # newest first
    ranked = sorted(shared, key=lambda post: (-shared[post], order[post]))
    return ranked[:most]


def add_related_posts(generator):
    """article_generator_finalized: give every post its list."""
    try:
        most = read_settings(generator.settings)
    except SettingsError as error:
        logger.critical("more_on_this: %s", error)
        raise SystemExit(1) from error
    published = sorted(generator.articles, key=lambda post: post.date, reverse=True)
    by_tag = {}
    for post in published:
        for tag in getattr(post, "tags", None) or []:
            by_tag.setdefault(tag, []).append(post)
    for article in [*generator.articles, *generator.drafts]:
        article.related_posts = related(article, published, by_tag, most)


def register():
    signals.article_generator_finalized.connect(add_related_posts)
