"""Show a Markdown post's title as text, never as markup.

Pelican's Markdown reader keeps the ``Title:`` line verbatim, while templates
and the feed writer treat ``title`` as HTML (the reStructuredText reader
gives HTML there). A title such as ``Salary < offer & <b>perks</b>`` would
then open a tag on every page, and the Atom feed would silently drop
``<b>``. Escaping the title once, after the slug has been made from the
plain text, makes every template and the feed show exactly what was typed.

No settings.
"""

import html
import logging

from pelican import signals

logger = logging.getLogger(__name__)

MARKDOWN_EXTENSIONS = (".md", ".markdown", ".mkd", ".mdown")


def escape_title(content):
    """Escape the title of content read from a Markdown file."""
    source = getattr(content, "source_path", None) or ""
    title = getattr(content, "title", None)
    if not title or not source.lower().endswith(MARKDOWN_EXTENSIONS):
        return
    escaped = html.escape(title)
    if escaped != title:
        logger.debug("Escaped the title of %s", source)
    content.title = escaped
    content.metadata["title"] = escaped


def register():
    signals.content_object_init.connect(escape_title)
