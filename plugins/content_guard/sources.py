"""Check each source file before and after its reader, so bad bytes get a clear message.

Every reader's read() is wrapped, once the generator has its readers: after
every plugin's readers_init (markdown_reuse swaps the
Markdown reader class there and would not recognise a wrapped one). The
wrapper skips, with an ERROR naming the file
(and line), a file that is not UTF-8, is empty, has an empty ``Title`` or two, is
nested deeper than MAX_NESTING, or that its reader cannot parse (a date that
does not parse: Pelican alone gives the reason only with ``-D``). It warns
about a post with no text after its metadata. It removes the control
characters XML 1.0 forbids (they make the feed writer crash) or HTML forbids
from the text and metadata, with a WARNING naming their lines; the blank ones
(vertical tab, form feed, U+001C-U+001F, U+0085) become a space so that words
stay apart.
"""

import functools
import logging
import re
from pathlib import Path

from pelican.readers import MarkdownReader
from pelican.urlwrappers import URLWrapper

from .settings import read_settings_or_stop

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


def checked_read(reader, read, path):
    """Run read(path) for reader, with the checks of this module around it."""
    raw = Path(path).read_bytes()
    text = decode_utf8(raw, path)
    if text is None:
        return SKIP
    if not text.strip():
        logger.error("Skipping %s: the file is empty", path)
        return SKIP
    limit = reader.content_guard["MAX_NESTING"]
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

    try:
        content, metadata = read(path)
    except Exception as error:
        # Pelican would log only "Could not process FILE" (the reason needs -D).
        logger.error("Skipping %s: %s", path, error)
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


def guard_readers(generator):
    """generator_init: wrap the read() of each reader of this generator (once)."""
    readers = getattr(generator, "readers", None)
    if readers is None:
        return
    options = read_settings_or_stop(generator.settings)  # before any file is read
    for fmt, reader in readers.readers.items():
        if fmt == "static":
            continue  # static files (images) are copied as they are, never read as text
        if getattr(reader, "content_guard", None) is None:
            reader.content_guard = options
            reader.read = functools.partial(checked_read, reader, reader.read)
