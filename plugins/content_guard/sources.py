"""Check each source file before and after its reader, so bad bytes get a clear message.

At ``readers_init`` (Pelican's documented way to add or change readers) each
reader class of a text format is replaced by a subclass whose read() checks
the file around the original; static files (images, PDFs) are never read as
text. The check skips, with an ERROR naming the file (and line), a file that
is not UTF-8, is empty, has an empty ``Title`` or two, is nested deeper than
MAX_NESTING, or that its reader cannot parse (a date that does not parse:
Pelican alone gives the reason only with ``-D``). It warns
about a post with no text after its metadata. It removes the control
characters XML 1.0 forbids (they make the feed writer crash) or HTML forbids
from the text and metadata, with a WARNING naming their lines; the blank ones
(vertical tab, form feed, U+001C-U+001F, U+0085) become a space so that words
stay apart.

The subclass also checks each metadata value before Pelican processes it
(``process_metadata``, which every reader calls): a Date or Modified line
(``dates``), a Slug, URL or Save_as (``addresses``); a value they refuse skips
the file with an ERROR naming it and the line. And it keeps to the budgets
(``budgets``): a file over MAX_BYTES is not read, a Markdown post estimated
or measured over MAX_RENDER_SECONDS is skipped.
"""

import logging
import re
import time
from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.urlwrappers import URLWrapper

from . import addresses, budgets, dates
from .settings import RejectedMetadata, read_settings_or_stop

logger = logging.getLogger(__name__)

# Characters XML 1.0 forbids even escaped (C0 controls but tab and newlines,
# U+FFFE, U+FFFF, lone surrogates), plus DEL and the C1 controls, which HTML
# forbids and XML discourages (feed readers show U+0091 as a quote). In
# imported posts these are often Windows-1252 quotes decoded as Latin-1.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
# Metadata Pelican keeps as one string; a second line makes it a list, which
# crashes code that expects text (plain_titles, templates).
SINGLE_VALUED = ("title", "lang", "template", "translation")
# Content None, not "": Pelican's reader cache then reads the file again on the
# next build (it re-reads when the cached content is None), so a development
# build with CACHE_CONTENT repeats the error instead of skipping silently.
SKIP = (None, {"status": "skip"})
# The format Pelican's StaticGenerator reads images and other files with.
STATIC_FORMAT = "static"


def line_of(text, position):
    """1-based line number of a character (or byte) position."""
    return text.count("\n" if isinstance(text, str) else b"\n", 0, position) + 1


def decode_utf8(raw, path):
    """The text of a file, or None after an ERROR saying where it is not UTF-8."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = line_of(raw, error.start)
        column = error.start - raw.rfind(b"\n", 0, error.start)
        logger.error(
            "Skipping %s: it is not UTF-8 (byte 0x%02X at line %d, column %d, "
            "offset %d); save it as UTF-8",
            path,
            raw[error.start],
            line,
            column,
            error.start,
        )
        return None


def nesting_depth(line):
    """How deep a Markdown line is nested: its ">" marks plus its 4-space indents."""
    depth = 0
    rest = line.expandtabs(4)
    while True:
        stripped = rest.lstrip(" ")
        indent = len(rest) - len(stripped)
        if stripped.startswith(">"):
            depth += 1 + indent // 4
            rest = stripped[1:]
        else:
            return depth + indent // 4


def too_deep(text, limit):
    """(line number, depth) of the first line nested deeper than limit, or None."""
    for number, line in enumerate(text.splitlines(), 1):
        # Cheap test first: a line this short cannot be nested this deep.
        if len(line) > limit:
            depth = nesting_depth(line)
            if depth > limit:
                return number, depth
    return None


def metadata_lines(text, key):
    """Line numbers of the metadata lines for key ("Title:" or ":title:")."""
    pattern = re.compile(rf"^:?{re.escape(key)}:", re.IGNORECASE)
    return [n for n, line in enumerate(text.splitlines(), 1) if pattern.match(line.strip())]


def without_forbidden(text):
    """text with XML-forbidden characters removed (the blank ones become spaces)."""
    return FORBIDDEN.sub(lambda match: " " if match.group().isspace() else "", text)


def clean(value):
    """value with XML-forbidden characters removed, through lists and names."""
    if isinstance(value, str):
        return without_forbidden(value)
    if isinstance(value, URLWrapper):
        value.name = without_forbidden(value.name)
        return value
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


def line_of_value(text, name, value):
    """The line of a metadata value: its key's line, else the first line holding it."""
    lines = metadata_lines(text, name)
    if lines:
        return lines[0]
    value = str(value).strip()
    found = [n for n, line in enumerate(text.splitlines(), 1) if value and value in line]
    return found[0] if found else None


def check_value(reader, name, value):
    """Raise RejectedMetadata for a date, slug, URL or save_as that cannot be used."""
    if name in ("date", "modified") and isinstance(value, str):
        reason = dates.problem(value)
    elif name in addresses.CHECKED and isinstance(value, str):
        reason = addresses.problem(name, value, reader.settings)
    else:
        return
    if reason:
        raise RejectedMetadata(name, value, reason)


def over_budget(reader, path, text):
    """Log and return True if the post is estimated to take too long to render."""
    limit = reader.content_guard.max_render_seconds
    seconds, line = budgets.estimate(text)
    if seconds <= limit:
        return False
    logger.error(
        "Skipping %s: it would take about %.0f s to render, more than "
        "CONTENT_GUARD['MAX_RENDER_SECONDS'] = %s (the paragraph at line %d is long, with "
        "'[' that are not closed or many '<', '*', '_' or '`', which Markdown reads "
        "again and again); split it into shorter paragraphs or escape those characters",
        path,
        seconds,
        limit,
        line,
    )
    return True


def checked_read(reader, read, path):
    """Run read(path) for reader, with the checks of this module around it."""
    size, limit = Path(path).stat().st_size, reader.content_guard.max_bytes
    if size > limit:
        logger.error(
            "Skipping %s: it is %s bytes, larger than CONTENT_GUARD['MAX_BYTES'] = %s",
            path,
            f"{size:,}",
            f"{limit:,}",
        )
        return SKIP
    raw = Path(path).read_bytes()
    text = decode_utf8(raw, path)
    if text is None:
        return SKIP
    if not text.strip():
        logger.error("Skipping %s: the file is empty", path)
        return SKIP
    limit = reader.content_guard.max_nesting
    deep = too_deep(text, limit) if isinstance(reader, MarkdownReader) else None
    if deep:
        logger.error(
            "Skipping %s: line %d is nested %d levels deep (lists or quotes); "
            "Markdown cannot render more than CONTENT_GUARD['MAX_NESTING'] = %d",
            path,
            deep[0],
            deep[1],
            limit,
        )
        return SKIP
    if isinstance(reader, MarkdownReader) and over_budget(reader, path, text):
        return SKIP

    started = time.perf_counter()
    try:
        content, metadata = read(path)
    except RejectedMetadata as error:
        line = line_of_value(text, error.name, error.value)
        where = f"line {line}: " if line else ""
        logger.error("Skipping %s: %s%s", path, where, error)
        return SKIP
    except Exception as error:  # noqa: BLE001 - any reader, any error: skip the file, say why
        # Pelican would log only "Could not process FILE" (the reason needs -D).
        logger.error("Skipping %s: %s", path, error)
        return SKIP
    took, budget = time.perf_counter() - started, reader.content_guard.max_render_seconds
    if took > budget:
        logger.error(
            "Skipping %s: it took %.1f s to render, more than "
            "CONTENT_GUARD['MAX_RENDER_SECONDS'] = %s",
            path,
            took,
            budget,
        )
        return SKIP

    forbidden = [match.start() for match in FORBIDDEN.finditer(text)]
    if forbidden:
        lines = sorted({line_of(text, position) for position in forbidden})
        names = sorted({f"U+{ord(text[position]):04X}" for position in forbidden})
        logger.warning(
            "%s: removed %d control character(s) that XML or HTML forbid (%s) on line(s) %s",
            path,
            len(forbidden),
            ", ".join(names),
            ", ".join(map(str, lines)),
        )
        content = clean(content)
        metadata = {key: clean(value) for key, value in metadata.items()}

    for key in SINGLE_VALUED:
        if isinstance(metadata.get(key), list):
            lines = ", ".join(map(str, metadata_lines(text, key)))
            logger.error(
                "Skipping %s: it has %d %s lines (lines %s); keep one",
                path,
                len(metadata[key]),
                key.capitalize(),
                lines,
            )
            return SKIP
    title = metadata.get("title")
    if isinstance(title, str) and not title.strip():
        where = metadata_lines(text, "title")
        where = f" (line {where[0]})" if where else ""
        logger.error("Skipping %s: its Title%s is empty", path, where)
        return SKIP
    if "title" in metadata and not (content or "").strip():
        logger.warning("%s has metadata but no text after it", path)
    return content, metadata


def checking(reader_class, options):
    """A subclass of reader_class whose read() checks the file first and after.

    It keeps the class name: Pelican records it as the post's ``reader``.
    """

    class Checked(reader_class):
        content_guard = options

        def read(self, path):
            return checked_read(self, super().read, path)

        def process_metadata(self, name, value):
            check_value(self, name, value)
            return super().process_metadata(name, value)

    Checked.__name__ = Checked.__qualname__ = reader_class.__name__
    return Checked


def guard_readers(readers):
    """readers_init: read every text format through a checking subclass."""
    options = read_settings_or_stop(readers.settings)  # before any file is read
    for fmt, reader_class in readers.reader_classes.items():
        if fmt != STATIC_FORMAT and getattr(reader_class, "content_guard", None) is None:
            readers.reader_classes[fmt] = checking(reader_class, options)
