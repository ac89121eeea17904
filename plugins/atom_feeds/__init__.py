"""Atom feeds that feed readers and RFC 4287 accept, whatever host serves them.

Pelican's stock Atom writer gives every feed the same ``<id>`` (the site's
address), builds entry ids from SITEURL (``tag:None,...`` when it is empty, and
new ids whenever the site moves), leaves relative links in entry content (a
reader resolves them against ``/feeds/``) and strips a title's ``<`` together
with what follows it. This plugin swaps in a writer that fixes those, and turns
the feeds off (with a warning) when SITEURL is not an absolute address.

Settings::

    ATOM_FEEDS = {
        # Required. The tag-URI authority of every id (RFC 4151): a domain or
        # e-mail address the author held on the given date, e.g.
        # "jobsearchdiary.example.org,2013". Never change it once published.
        "ID_AUTHORITY": None,
        # The post metadata field whose value, if present, is the post's entry
        # id (for instance the id Blogger gave it). Must be an absolute IRI.
        "ID_METADATA": "id",
    }

Ids: a feed is ``tag:AUTHORITY:PATH`` (PATH as in FEED_ALL_ATOM, ...), an
entry is ``tag:AUTHORITY:YYYY-MM-DD/SLUG`` from the post's date and slug.
"""

from .plugin import register

__all__ = ["register"]
