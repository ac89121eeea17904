"""Work out each published post's and page's URL once per build, not at every use.

Pelican's ``Content.url`` is a property: every access formats the
``ARTICLE_URL`` setting anew (a copy of the metadata, the source's relative
path, the date through Pelican's own ``strftime``). A post's URL is read on
its own page, by its neighbours, on the index, tag, category, author and
archive pages and in three feeds: about 15 times a post, a fifth of a warm
rebuild of 1,000 posts. Once every generator has finished nothing moves a
post, so this plugin then stores the URL in ``override_url``, the attribute
Pelican's ``get_url_setting`` itself returns first (as for a ``URL:``
metadata line). Output is unchanged.

``save_as`` is left alone on purpose: Pelican lets a post with an
``override_save_as`` overwrite another's file without a warning, and
``content_guard`` must keep seeing that warning.

No settings.
"""

import logging

from pelican import signals
from pelican.contents import Article, Page

logger = logging.getLogger(__name__)

# The published articles and pages: each is linked from many pages. Drafts
# and hidden posts are linked from few, and keep Pelican's own property.
PUBLISHED = ("articles", "translations", "pages")


def freeze_urls(generators):
    """Store each article's and page's URL in its override_url."""
    done = 0
    for generator in generators:
        for name in PUBLISHED:
            for content in getattr(generator, name, None) or []:
                if isinstance(content, Article | Page) and not hasattr(content, "override_url"):
                    content.override_url = content.url
                    done += 1
    logger.debug("url_once: stored the URL of %d post(s) and page(s)", done)


def register():
    signals.all_generators_finalized.connect(freeze_urls)
