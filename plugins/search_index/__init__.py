"""A static search index of the site's published posts and pages, with Pagefind.

Modules: ``settings`` validates SEARCH_INDEX, ``index`` runs Pagefind on a
built site, ``plugin`` wires it to Pelican's signals, ``measure`` prints the
index time and size for a generated site (for `make bench`).
"""


def register():
    """Pelican's entry point; imports Pelican only when used as a plugin."""
    from .plugin import register as register_signals

    register_signals()
