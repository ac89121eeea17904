"""Catch metadata mistakes Pelican accepts in silence: misspelled keys, and
``Modified:`` earlier than ``Date:``.

Pelican keeps any key it does not know as custom metadata, so ``Staus: draft``
publishes a private post, ``Tag:`` and ``Catgory:`` are dropped and ``Tittle:``
only gives "could not find information about 'title'". A key that is not
known but is close to a known one (difflib, the standard library's fuzzy
match) gets a message naming the file, the line and the likely key, at the
level CONTENT_GUARD['KEY_TYPO'] sets ("warning" for development builds,
"error" in publishconf.py). Any other key is a genuine custom key and is
left alone; the site's own keys (plugins' ones) are listed in
CONTENT_GUARD['METADATA_KEYS'] so that they never count as near misses.

Both checks run at ``content_object_init``, for every post of every build,
so that a development build working from Pelican's content cache repeats
them; the file is read again only to find the line of a problem.
"""

import difflib
import logging
import re
from pathlib import Path

from pelican.contents import Static
from pelican.readers import METADATA_PROCESSORS

from .settings import TYPO_LEVELS, read_settings_or_stop

logger = logging.getLogger(__name__)

# Pelican's documented metadata keys ("File metadata" in its docs) and the
# ones its readers process.
PELICAN_KEYS = {
    "title",
    "date",
    "modified",
    "tags",
    "keywords",
    "category",
    "slug",
    "author",
    "authors",
    "summary",
    "lang",
    "translation",
    "status",
    "template",
    "save_as",
    "url",
    "reader",  # set by Pelican itself on every post
    *METADATA_PROCESSORS,
}
# How alike a key must be to a known one to count as a misspelling of it:
# "staus"/"status" 0.91, "tag"/"tags" 0.86, "tagline"/"tags" 0.55.
CUTOFF = 0.8


def known_keys(settings, options):
    """Every key this site uses on purpose, lower case: Pelican's, the ones
    its settings give every post (defaults, file name and path patterns)
    and CONTENT_GUARD['METADATA_KEYS']."""
    keys = set(PELICAN_KEYS)
    keys.update(settings.get("DEFAULT_METADATA", {}))
    keys.update(settings.get("FORMATTED_FIELDS", []))
    for name in ("FILENAME_METADATA", "PATH_METADATA"):
        if settings.get(name):
            keys.update(re.compile(settings[name]).groupindex)
    for extra in (settings.get("EXTRA_PATH_METADATA") or {}).values():
        keys.update(extra)
    keys.update(options.metadata_keys)
    return {key.lower() for key in keys}


def likely_key(key, known):
    """The known key that ``key`` is probably a misspelling of, or None."""
    key = key.lower()
    if key in known:
        return None
    matches = difflib.get_close_matches(key, sorted(known), n=1, cutoff=CUTOFF)
    return matches[0] if matches else None


def key_line(path, key):
    """(line number, key as written) of the first metadata line for key, or (None, key)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None, key
    pattern = re.compile(rf"^\s*:?({re.escape(key)})\s*:", re.IGNORECASE)
    for number, line in enumerate(text.splitlines(), 1):
        match = pattern.match(line)
        if match:
            return number, match.group(1)
    return None, key


def where(path, line):
    return f"{path}, line {line}" if line else path


def check_keys(path, metadata, settings, options):
    """Log each near-miss key of one file; return how many there were."""
    known = known_keys(settings, options)
    level = TYPO_LEVELS[options.key_typo]
    found = 0
    for key in metadata:
        guess = likely_key(key, known)
        if guess is None:
            continue
        line, written = key_line(path, key)
        logger.log(
            level,
            "%s: unknown metadata key %r (did you mean %s?); correct its spelling, "
            "or list a key of your own in CONTENT_GUARD['METADATA_KEYS']",
            where(path, line),
            written,
            guess.capitalize(),
        )
        found += 1
    return found


def check_dates(path, content):
    """Warn when Modified: is earlier than Date:; return True if it was."""
    if "date" not in content.metadata or "modified" not in content.metadata:
        return False
    date, modified = content.date, content.modified  # both in TIMEZONE by now
    if modified >= date:
        return False
    line, _written = key_line(path, "modified")
    logger.warning(
        "%s: Modified: %s is earlier than Date: %s; a post cannot be updated "
        "before it was written: correct one of them (or remove Modified:)",
        where(path, line),
        modified.isoformat(" ", "minutes"),
        date.isoformat(" ", "minutes"),
    )
    return True


def check(content):
    """content_object_init: check the metadata of one post or page."""
    if isinstance(content, Static) or not content.source_path:
        return
    options = read_settings_or_stop(content.settings)
    path = content.source_path
    check_keys(path, content.metadata, content.settings, options)
    check_dates(path, content)
