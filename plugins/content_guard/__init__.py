"""Bad input never breaks the site, and a build with problems fails plainly.

One module per job: ``sources`` (reading each file), ``metadata`` (misspelled
keys, Modified before Date), ``images`` (relative image paths),
``placeholders`` (the `make newpost` placeholder), ``collisions`` (slugs and
output files), ``schedule`` (future dates), ``taxonomy`` (tag and category
spellings), ``site_url`` (no placeholder address in production),
``failing`` (turn warnings or errors into one plain failure), ``log_lines``
(messages on one line in logs), ``settings`` (CONTENT_GUARD). See README.md
for the settings.
"""

from pelican import signals

from . import (
    collisions,
    failing,
    images,
    log_lines,
    metadata,
    placeholders,
    schedule,
    site_url,
    sources,
    taxonomy,
)
from .settings import read_settings

__all__ = ["register", "read_settings"]


def register():
    log_lines.unwrap()
    signals.initialized.connect(failing.start)
    signals.initialized.connect(site_url.check)
    signals.readers_init.connect(sources.guard_readers)
    signals.content_object_init.connect(metadata.check)
    signals.article_generator_pretaxonomy.connect(taxonomy.merge_spellings)
    signals.article_generator_finalized.connect(schedule.note_future_posts)
    signals.article_generator_finalized.connect(images.check_generator)
    signals.article_generator_finalized.connect(placeholders.check_generator)
    signals.article_generator_finalized.connect(collisions.remember_articles)
    signals.page_generator_finalized.connect(images.check_generator)
    signals.page_generator_finalized.connect(placeholders.check_generator)
    signals.page_generator_finalized.connect(collisions.report_collisions)
    # failing first: where FAIL_ON is set its one list names every problem,
    # collisions included; otherwise collisions still stop the build alone.
    signals.all_generators_finalized.connect(failing.before_writing)
    signals.all_generators_finalized.connect(collisions.stop_on_collisions)
    signals.finalized.connect(failing.after_writing)
