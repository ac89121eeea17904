""" "More on this" under a post: the posts that share the most tags with it.

Sets ``article.related_posts`` (a list, at most MORE_ON_THIS["MAX"] long) on
every post, published or draft, from the published posts only: those with the
most tags in common first, the newer first among equals. A post can name its
own with a ``Related_posts: slug-one, slug-two`` metadata line.

Why not the pelican-related-posts package: it looks a draft's tags up in
Pelican's tag table, a defaultdict, and so adds the draft's tags to it, which
publishes an empty page (and a sitemap entry) for each.

Settings::

    MORE_ON_THIS = {"MAX": 3}  # how many posts to list at most (0: none)
"""

import logging
from collections import Counter

from pelican import signals

logger = logging.getLogger(__name__)

DEFAULTS = {"MAX": 3}


class SettingsError(ValueError):
    """A MORE_ON_THIS setting the plugin cannot use; the message names the key."""


def read_settings(settings):
    """The validated number of posts to list."""
    given = settings.get("MORE_ON_THIS") or {}
    if not isinstance(given, dict) or set(given) - set(DEFAULTS):
        raise SettingsError(f"MORE_ON_THIS must be a dict with the key 'MAX' only, not {given!r}")
    most = {**DEFAULTS, **given}["MAX"]
    if isinstance(most, bool) or not isinstance(most, int) or most < 0:
        raise SettingsError(f"MORE_ON_THIS['MAX'] must be a whole number >= 0, not {most!r}")
    return most


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
