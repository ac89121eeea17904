"""Read a Blogger export, in either format Blogger has produced, into one list of entries.

* Google Takeout's ``feed.atom`` marks each entry with ``blogger:type``
  (POST, PAGE, COMMENT), ``blogger:status`` (LIVE, DRAFT, SOFT_TRASHED) and
  ``blogger:filename`` (``/2013/03/name.html``, ``/p/about.html``).
* The older Settings -> "Back up content" file marks each entry with a
  ``kind#post`` / ``kind#page`` / ``kind#comment`` category, drafts with
  ``app:draft``, the address with ``link rel="alternate"`` and a comment's post
  with ``thr:in-reply-to``; it also holds the blog's template and settings.

Both become the same ``Entry`` objects, so everything after this module is
blind to the format. Parsed with the standard library's ElementTree.
"""

import datetime
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from xml.etree import ElementTree

ATOM = "{http://www.w3.org/2005/Atom}"
TAKEOUT = "{http://schemas.google.com/blogger/2018}"
APP = "{http://purl.org/atom/app#}"
THREAD = "{http://purl.org/syndication/thread/1.0}"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#"
LABEL_SCHEME = "http://www.blogger.com/atom/ns#"

TAKEOUT_TYPES = {"POST": "post", "PAGE": "page", "COMMENT": "comment"}
TAKEOUT_STATUS = {"LIVE": "live", "DRAFT": "draft", "SOFT_TRASHED": "trashed"}


class ExportError(ValueError):
    """The file cannot be imported; the message names it (and the line, for XML)."""


@dataclass
class Entry:
    """One post, page or comment, whichever format it came from."""

    id: str
    kind: str  # "post", "page", "comment" (anything else is not imported)
    status: str  # "live", "draft", "trashed"
    title: str
    html: str
    published: datetime.datetime
    updated: datetime.datetime | None
    labels: list[str] = field(default_factory=list)
    path: str | None = None  # where Blogger served it: "/2013/03/name.html"
    parent: str | None = None  # a comment's post id


@dataclass
class Export:
    source: Path
    format: str  # "takeout" or "backup"
    blog_title: str
    blog_hosts: set[str]  # hosts named by the export itself
    entries: list[Entry]


def read_export(path):
    """The Export in ``path``, or ExportError saying why it cannot be read."""
    path = Path(path)
    if not path.is_file():
        raise ExportError(f"{path}: no such file")
    if zipfile.is_zipfile(path):
        raise ExportError(
            f"{path}: is a zip archive; unpack it and give the feed.atom inside "
            "(Takeout/Blogger/Blogs/<blog name>/feed.atom)"
        )
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        line, column = error.position
        reason = str(error).split(":")[0]  # "not well-formed (invalid token)"
        raise ExportError(f"{path}:{line}:{column}: broken XML: {reason}") from None
    except OSError as error:
        raise ExportError(f"{path}: cannot read: {error.strerror}") from None
    if root.tag != f"{ATOM}feed":
        raise ExportError(f"{path}: not a Blogger export (the document is not an Atom feed)")

    if root.find(f"{ATOM}entry") is None:
        raise ExportError(f"{path}: an empty export (no entries: no posts or pages in it)")
    if root.find(f"{ATOM}entry/{TAKEOUT}type") is not None:
        fmt, read_entry = "takeout", _takeout_entry
    elif _is_backup(root):
        fmt, read_entry = "backup", _backup_entry
    else:
        raise ExportError(
            f"{path}: not a Blogger export (an Atom feed, but without Blogger's "
            "blogger:type elements or kind# categories)"
        )
    try:
        entries = [read_entry(e) for e in root.findall(f"{ATOM}entry")]
    except ExportError as error:
        raise ExportError(f"{path}: {error}") from None
    entries = [e for e in entries if e is not None]
    if not any(e.kind in ("post", "page") for e in entries):
        raise ExportError(f"{path}: an empty Blogger export (no posts or pages in it)")
    hosts = {
        urlsplit(link.get("href", "")).hostname
        for link in root.findall(f"{ATOM}link[@rel='alternate']")
    }
    return Export(
        source=path,
        format=fmt,
        blog_title=_text(root, f"{ATOM}title"),
        blog_hosts={h for h in hosts if h},
        entries=entries,
    )


def _is_backup(root):
    generator = _text(root, f"{ATOM}generator")
    kinds = root.findall(f"{ATOM}entry/{ATOM}category[@scheme='{KIND_SCHEME}']")
    return generator == "Blogger" or bool(kinds)


def _takeout_entry(element):
    kind = TAKEOUT_TYPES.get(_text(element, f"{TAKEOUT}type"))
    if kind is None:
        return None
    labels = [
        c.get("term", "").strip()
        for c in element.findall(f"{ATOM}category")
        if c.get("scheme") != KIND_SCHEME
    ]
    return Entry(
        id=_text(element, f"{ATOM}id"),
        kind=kind,
        status=TAKEOUT_STATUS.get(_text(element, f"{TAKEOUT}status"), "draft"),
        title=_text(element, f"{ATOM}title"),
        html=_text(element, f"{ATOM}content"),
        published=_published(element),
        updated=_date(element, "updated"),
        labels=[label for label in labels if label],
        path=_text(element, f"{TAKEOUT}filename") or None,
        parent=_text(element, f"{TAKEOUT}parent") or None,
    )


def _backup_entry(element):
    categories = element.findall(f"{ATOM}category")
    kinds = [c.get("term", "") for c in categories if c.get("scheme") == KIND_SCHEME]
    kind = kinds[0].removeprefix(KIND_PREFIX) if kinds else ""
    if kind not in ("post", "page", "comment"):
        return None  # the blog's template and settings
    draft = _text(element, f"{APP}control/{APP}draft") == "yes"
    alternate = element.find(f"{ATOM}link[@rel='alternate']")
    reply_to = element.find(f"{THREAD}in-reply-to")
    return Entry(
        id=_text(element, f"{ATOM}id"),
        kind=kind,
        status="draft" if draft else "live",
        title=_text(element, f"{ATOM}title"),
        html=_text(element, f"{ATOM}content"),
        published=_published(element),
        updated=_date(element, "updated"),
        labels=[
            c.get("term", "").strip()
            for c in categories
            if c.get("scheme") == LABEL_SCHEME and c.get("term", "").strip()
        ],
        path=urlsplit(alternate.get("href", "")).path or None if alternate is not None else None,
        parent=reply_to.get("ref") if reply_to is not None else None,
    )


def _text(element, tag):
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _published(element):
    date = _date(element, "published") or _date(element, "updated")
    if date is None:
        raise ExportError(f"entry {_text(element, f'{ATOM}id')!r} has no <published> date")
    return date


def _date(element, name):
    text = _text(element, f"{ATOM}{name}")
    if not text:
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        entry = _text(element, f"{ATOM}id")
        raise ExportError(f"entry {entry!r}: bad <{name}> date {text!r}") from None
