"""Rank the published posts for each post, on article_generator_finalized."""

import heapq
import logging

from pelican import signals

from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)


def index_by_tags(newest_first, most):
    """{tag: [(a set of tags, the newest most + 1 posts with exactly those tags)]}.

    Posts with the same tags rank in date order, so no more than the newest
    most + 1 of them (one may be the post itself) can ever be listed: ranking a
    post reads a few posts per set of tags, not every post sharing a tag,
    which on 10,000 posts would be millions.
    """
    groups = {}
    for post in newest_first:
        newest = groups.setdefault(frozenset(getattr(post, "tags", None) or ()), [])
        if len(newest) <= most:
            newest.append(post)
    by_tag = {}
    for tags, newest in groups.items():
        for tag in tags:
            by_tag.setdefault(tag, []).append((tags, newest))
    return by_tag


def related(article, published, by_tag, most):
    """Up to `most` published posts sharing the most tags with `article`, the
    newest first among equals. `published` maps each post to its place, newest
    first; `by_tag` is index_by_tags()."""
    named = article.metadata.get("related_posts")
    if isinstance(named, str):
        by_slug = {post.slug: post for post in published}
        wanted = [by_slug.get(slug.strip()) for slug in named.split(",")]
        return [post for post in wanted if post is not None and post is not article][:most]
    tags = frozenset(getattr(article, "tags", None) or ())
    ranked, seen = [], set()
    for tag in tags:
        for group, newest in by_tag.get(tag, ()):
            if group not in seen:
                seen.add(group)
                shared = len(tags & group)
                ranked += [(-shared, published[p], p) for p in newest if p is not article]
    return [post for *_, post in heapq.nsmallest(most, ranked)]


def add_related_posts(generator):
    """article_generator_finalized: give every post its list."""
    try:
        most = read_settings(generator.settings)
    except SettingsError as error:
        logger.critical("more_on_this: %s", error)
        raise SystemExit(1) from error
    newest_first = sorted(generator.articles, key=lambda post: post.date, reverse=True)
    published = {post: place for place, post in enumerate(newest_first)}
    by_tag = index_by_tags(newest_first, most)
    for article in [*generator.articles, *generator.drafts]:
        article.related_posts = related(article, published, by_tag, most)


def register():
    signals.article_generator_finalized.connect(add_related_posts)
