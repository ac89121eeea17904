"""Say which posts are held back because they are dated in the future.

With WITH_FUTURE_DATES = False Pelican quietly turns a future-dated post into
a draft: it is not listed nor in a feed until a build on or after its date.
This makes that visible, at the level CONTENT_GUARD['FUTURE_NOTE'] chooses
(publishconf.py uses "info" so that a scheduled post does not fail
``make publish``; the note is shown all the same, as dedup's INFO lines are,
unless Pelican runs with ``-q``).
"""

import datetime
import logging

from .settings import NOTE_LEVELS, read_settings

logger = logging.getLogger(__name__)


def is_future(date):
    now = datetime.datetime.now(date.tzinfo) if date.tzinfo else datetime.datetime.now()
    return date > now


def note_future_posts(generator):
    """article_generator_finalized: one note per post held back for its date."""
    level = NOTE_LEVELS[read_settings(generator.settings).future_note]
    if logger.level == logging.NOTSET and logging.getLogger().level <= logging.WARNING:
        logger.setLevel(logging.INFO)  # Pelican shows WARNING and up unless -v
    for draft in generator.drafts + generator.drafts_translations:
        asked = str(draft.metadata.get("status", "published")).lower()
        if asked != "draft" and is_future(draft.date):
            logger.log(
                level,
                "%s is dated %s, in the future: it is held back as a draft (%s) "
                "and published by the first build on or after that day",
                draft.relative_source_path,
                draft.date.isoformat(" ", "minutes"),
                draft.save_as or "not written by this build",
            )
