"""Rank the published posts for each post, on article_generator_finalized."""

import heapq
import logging
from collections import Counter

from pelican import signals

from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)


def related(article, published, by_tag, most):
    """Up to `most` published posts sharing the most tags with `article`, the
    newest first among equals. `published` maps each post to its place, newest
    first; `by_tag` each tag to its posts."""
    named = article.metadata.get("related_posts")
    if isinstance(named, str):
        by_slug = {post.slug: post for post in published}
        wanted = [by_slug.get(slug.strip()) for slug in named.split(",")]
        return [post for post in wanted if post is not None and post is not article][:most]
    shared = Counter()
    for tag in getattr(article, "tags", None) or []:
        shared.update(by_tag.get(tag, ()))
    shared.pop(article, None)
    return heapq.nsmallest(most, shared, key=lambda post: (-shared[post], published[post]))


def add_related_posts(generator):
    """article_generator_finalized: give every post its list."""
    try:
        most = read_settings(generator.settings)
    except SettingsError as error:
        logger.critical("more_on_this: %s", error)
        raise SystemExit(1) from error
    newest_first = sorted(generator.articles, key=lambda post: post.date, reverse=True)
    published = {post: place for place, post in enumerate(newest_first)}
    by_tag = {}
    for post in newest_first:
        for tag in getattr(post, "tags", None) or []:
            by_tag.setdefault(tag, []).append(post)
    for article in [*generator.articles, *generator.drafts]:
        article.related_posts = related(article, published, by_tag, most)


def register():
    signals.article_generator_finalized.connect(add_related_posts)
