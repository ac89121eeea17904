"""Bad input never breaks the site: checks and repairs every post as it is read.

Pelican reads a post that is not UTF-8, is empty or nested too deep for
Python-Markdown with at best "Could not process FILE" (after minutes, for deep
nesting); it writes control characters that XML forbids into feeds and then
crashes; it publishes a post with an empty title at ``YYYY/MM/.html``; and two
posts with one slug or one output file silently overwrite each other. This
plugin turns each of these into one clear message naming the file (and line)
and, where the site would be wrong, a skipped post or a stopped build.

Settings (validated; unknown keys are an error)::

    CONTENT_GUARD = {
        # Deepest list/quote nesting (4-space indents plus ">" marks) a
        # Markdown line may have; deeper posts are skipped with an error.
        "MAX_NESTING": 50,
        # Level of the note that a post dated in the future is held back as
        # a draft (needs WITH_FUTURE_DATES = False): "warning" or "info".
        "FUTURE_NOTE": "warning",
    }

One module per job: ``sources`` (reading), ``collisions`` (slugs and
output files), ``schedule`` (future dates), ``taxonomy`` (tag and category
spellings), ``escaping`` (names in templates).
"""

from pelican import signals

from . import collisions, escaping, schedule, sources, taxonomy
from .settings import read_settings

__all__ = ["register", "read_settings"]


def register():
    signals.readers_init.connect(sources.guard_readers)
    signals.article_generator_pretaxonomy.connect(taxonomy.merge_spellings)
    signals.article_generator_finalized.connect(schedule.note_future_posts)
    signals.article_generator_finalized.connect(collisions.remember_articles)
    signals.page_generator_finalized.connect(collisions.report_collisions)
    signals.all_generators_finalized.connect(collisions.stop_on_collisions)
    signals.generator_init.connect(escaping.escape_names_in_templates)
