"""Count a post's words once per build, for the theme's reading time.

The theme shows "N min read" on each post's page and again beside it on
the index. Counting in the template (``content|striptags|wordcount``) strips
the whole post's HTML each time; this plugin adds a ``word_count`` template
filter that does the same with the same two Jinja filters, once per post,
and remembers the number on the post. Links differ between pages only in
their ``href``, which stripping the tags removes, so the count is the same
wherever it is asked for.

No settings.
"""

import logging

from pelican import signals

logger = logging.getLogger(__name__)

ATTRIBUTE = "_word_count"


def add_filter(generator):
    """Give the generator's Jinja environment the `word_count` filter."""
    env = generator.env
    striptags, wordcount = env.filters["striptags"], env.filters["wordcount"]

    def word_count(content):
        """Words in `content` (an article or page) as the template would count them."""
        count = content.__dict__.get(ATTRIBUTE)
        if count is None:
            count = wordcount(striptags(content.content))
            setattr(content, ATTRIBUTE, count)
        return count

    env.filters["word_count"] = word_count


def register():
    signals.generator_init.connect(add_filter)
