"""Pelican's Writer with Atom feeds fixed (ids, absolute links, titles, author)."""

import logging
from urllib.parse import urljoin

from feedgenerator import Atom1Feed
from pelican.utils import set_date_tzinfo
from pelican.writers import Writer

from .html import absolute_links, html_to_text
from .ids import entry_id, feed_id, is_absolute_iri

logger = logging.getLogger(__name__)


def make_writer(options):
    """A Writer class bound to the validated ATOM_FEEDS ``options``."""

    class AtomFeedWriter(Writer):
        """Writes Atom feeds with their own ids and content that works in readers.

        RSS feeds and every other file are left to Pelican's Writer.
        """

        def __init__(self, output_path, settings=None):
            super().__init__(output_path, settings)
            self._feed_path = None
            self._ids = {}  # entry id -> source file, to catch two posts sharing one
            self._html = {}  # (source file, link) -> (summary, content), as a post is in many feeds

        def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
            self._feed_path = path or url
            return super().write_feed(elements, context, path, url, *args, **kwargs)

        def _create_new_feed(self, feed_type, feed_title, context):
            feed = super()._create_new_feed(feed_type, feed_title, context)
            if not isinstance(feed, Atom1Feed):
                return feed
            # SITENAME may hold HTML (an entity); a feed title (the name of a
            # tag, category or author) and AUTHOR are text, as typed.
            title = html_to_text(context["SITENAME"])
            if feed_title:
                title = f"{title} - {feed_title}"
            feed.feed["title"] = title
            feed.feed["id"] = feed_id(options["ID_AUTHORITY"], self._feed_path)
            feed.feed["author_name"] = str(context.get("AUTHOR") or title)
            feed.feed["language"] = context.get("DEFAULT_LANG")
            return feed

        def _add_item_to_the_feed(self, feed, item):
            if not isinstance(feed, Atom1Feed):
                return super()._add_item_to_the_feed(feed, item)
            link = urljoin(self.site_url.rstrip("/") + "/", item.url)
            if self.settings.get("FEED_APPEND_REF"):
                link = link + "?ref=feed"
            categories = [item.category] if getattr(item, "category", None) else []
            categories.extend(getattr(item, "tags", []))
            timezone = self.settings.get("TIMEZONE")
            modified = getattr(item, "modified", None)
            key = (item.source_path, link)
            if key not in self._html:
                self._html[key] = (
                    absolute_links(item.get_summary(self.site_url), link),
                    absolute_links(item.get_content(self.site_url), link),
                )
            summary, content = self._html[key]
            feed.add_item(
                title=html_to_text(item.title),
                link=link,
                unique_id=self._entry_id(item),
                description=summary,
                content=content,
                categories=categories or None,
                author_name=str(getattr(item, "author", "") or feed.feed["author_name"]),
                pubdate=set_date_tzinfo(item.date, timezone),
                updateddate=set_date_tzinfo(modified, timezone) if modified else None,
            )

        def _entry_id(self, item):
            """The post's own id from its metadata, else one from its date and slug."""
            made = entry_id(options["ID_AUTHORITY"], item.date, item.slug)
            own = item.metadata.get(options["ID_METADATA"])
            if own is not None:
                own = str(own).strip()
                if is_absolute_iri(own):
                    made = own
                else:
                    logger.error(
                        "%s: metadata '%s' %r is not an absolute IRI "
                        "(like tag:example.org,2013:post-1); the feed uses %s",
                        item.source_path,
                        options["ID_METADATA"],
                        own,
                        made,
                    )
            first = self._ids.setdefault(made, item.source_path)
            if first != item.source_path:
                logger.error(
                    "%s: feed entry id %s is already the id of %s; give one of them "
                    "its own '%s' metadata",
                    item.source_path,
                    made,
                    first,
                    options["ID_METADATA"],
                )
                self._ids[made] = item.source_path  # report each clash once
            return made

    return AtomFeedWriter
