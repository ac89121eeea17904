"""Bad input never breaks the site: checks and repairs every post as it is read.

Pelican reads a post that is not UTF-8, or has a date that does not parse,
with only "Could not process FILE"; Markdown nested 1000 levels deep takes it
20 s and 800 MB before failing the same way; control characters that XML
forbids crash the feed writer; an empty title publishes ``YYYY/MM/.html``;
two posts with one slug or one output file silently overwrite each other, and
a page titled "Archives" crashes the writer. This plugin turns each of these
into one clear message naming the file (and line) and, where the site would
be wrong, a skipped post or a build stopped before anything is written.

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
    signals.generator_init.connect(sources.guard_readers)
    signals.article_generator_pretaxonomy.connect(taxonomy.merge_spellings)
    signals.article_generator_finalized.connect(schedule.note_future_posts)
    signals.article_generator_finalized.connect(collisions.remember_articles)
    signals.page_generator_finalized.connect(collisions.report_collisions)
    signals.all_generators_finalized.connect(collisions.stop_on_collisions)
    signals.generator_init.connect(escaping.escape_names_in_templates)
