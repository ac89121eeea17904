"""Under each post, the posts that share the most tags with it ("More on this").

Sets ``article.related_posts`` (a list, at most MORE_ON_THIS["MAX"] long) on
every post, published or draft, from the published posts only: those with the
most tags in common first, the newer first among equals. A post can name its
own with a ``Related_posts: slug-one, slug-two`` metadata line.

Why not the pelican-related-posts package: it looks a draft's tags up in
Pelican's tag table, a defaultdict, and so adds the draft's tags to it, which
publishes an empty page (and a sitemap entry) for each.

Modules: ``settings`` validates MORE_ON_THIS, ``plugin`` ranks the posts.
"""


def register():
    """Pelican's entry point; imports Pelican only when used as a plugin."""
    from .plugin import register as register_signals

    register_signals()
