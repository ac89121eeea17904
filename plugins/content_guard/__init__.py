"""Bad input never breaks the site, and a build with problems fails plainly.

One module per job: ``sources`` (reading each file, with ``dates``,
``addresses`` and ``budgets`` checking what it holds), ``metadata``
(misspelled keys, Modified before Date), ``images`` (relative image paths),
``placeholders`` (the `make newpost` placeholder), ``collisions`` (output
files), ``reserved`` (feeds, theme, static and plugin files no post may
replace), ``schedule`` (future dates), ``taxonomy`` (tag and category
spellings), ``site_url`` (no placeholder address in production),
``draft_files`` (files only drafts use stay out of a build that does not
write drafts), ``completion`` (the mark a finished build leaves for
``make publish``), ``cache_key`` (a content cache per CONTENT_GUARD
settings), ``failing`` (turn warnings or errors into one plain failure),
``log_lines`` (messages on one line in logs), ``settings``
(CONTENT_GUARD). See README.md for the settings.
"""

from pelican import signals

from . import (
    cache_key,
    collisions,
    completion,
    draft_files,
    failing,
    images,
    log_lines,
    metadata,
    placeholders,
    reserved,
    schedule,
    site_url,
    sources,
    taxonomy,
)
from .settings import read_settings

__all__ = ["register", "read_settings"]


def before_writing(generators):
    """all_generators_finalized: the checks that stop a build, in a fixed order.

    Blinker calls a signal's receivers in no set order, so one receiver runs
    them: failing first, so that where FAIL_ON is set its one list names every
    problem; otherwise collisions and reserved paths still stop the build.
    """
    failing.before_writing(generators)
    collisions.stop_on_collisions(generators)
    reserved.stop_on_clashes(generators)


def register():
    log_lines.unwrap()
    log_lines.repeat_each_build(__name__)
    signals.initialized.connect(failing.start)
    signals.initialized.connect(cache_key.separate_cache)
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
    signals.article_generator_finalized.connect(reserved.remember)
    signals.page_generator_finalized.connect(reserved.remember)
    signals.static_generator_finalized.connect(reserved.report_clashes)
    signals.all_generators_finalized.connect(before_writing)
    signals.all_generators_finalized.connect(draft_files.hold_back)
    signals.finalized.connect(failing.after_writing)
    signals.initialized.connect(completion.start)
    signals.finalized.connect(completion.note_finished)
