"""Where each Blogger post or page goes, and the metadata its Markdown file starts with.

A post keeps the address Blogger served it at: its slug is Blogger's file
name (``what-i-am-learning-from.html`` -> ``what-i-am-learning-from``, and so
``blog-post_12`` for an untitled post), and its date keeps the original UTC
offset, so the site's ``{date:%Y}/{date:%m}/{slug}.html`` gives the same path.
When it would not (two months each with a ``blog-post.html`` need two slugs; a
site with other URL settings), ``URL:`` and ``Save_as:`` pin the old path.
"""

import posixpath
import re
from dataclasses import dataclass

from pelican.utils import slugify

TITLE_WORDS_LENGTH = 60
_SPACES = re.compile(r"\s+")


@dataclass
class Placement:
    """An entry's file (relative to the content folder), slug and old address."""

    path: str
    slug: str
    old_path: str | None  # "/2013/03/name.html", None for a draft
    pinned_url: str | None  # written as URL:/Save_as: when the settings would not give it


def one_line(text):
    return _SPACES.sub(" ", text).strip()


def title_from_words(text):
    """A title for an untitled post: its first words, cut at a word, never empty."""
    words = one_line(text)
    if not words:
        return "Untitled"
    if len(words) <= TITLE_WORDS_LENGTH:
        return words
    cut = words[:TITLE_WORDS_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-") + "…"


def blogger_slug(entry, title, settings):
    """Blogger's file name without ``.html``, else (drafts) a slug from the title."""
    if entry.path:
        name = posixpath.basename(entry.path)
        return name.removesuffix(".html") or "post"
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    return slugify(title, regex_subs=subs) or "untitled"


def place(entry, title, settings, taken_slugs, taken_paths, existing_path=None, folder=None):
    """The Placement of a post or page.

    ``taken_slugs`` (per kind) and ``taken_paths`` hold what other files
    already use; both are updated. ``existing_path`` is the file that already
    holds this entry's Id (an earlier import): it is kept, even if renamed.
    ``folder`` is where new files of this kind go ("posts", "pages").
    """
    folder = folder or ("pages" if entry.kind == "page" else "posts")
    local = entry.published
    slug = wanted = blogger_slug(entry, title, settings)
    if slug in taken_slugs:
        slug = f"{wanted}-{local:%Y-%m}" if entry.kind == "post" else f"{wanted}-blogger"
    number = 2
    while slug in taken_slugs:
        slug, number = f"{wanted}-{number}", number + 1
    def file_for(slug):
        if entry.kind == "page":
            return f"{folder}/{slug}.md"
        return f"{folder}/{local:%Y-%m-%d}-{slug}.md"

    path = existing_path or file_for(slug)
    while path in taken_paths:
        slug, number = f"{wanted}-{number}", number + 1
        path = file_for(slug)
    taken_slugs.add(slug)
    taken_paths.add(path)

    old_path = entry.path if entry.status == "live" else None
    pinned = None
    if entry.kind == "post" and old_path:
        try:
            made = settings["ARTICLE_URL"].format(date=local, slug=slug, lang="en")
        except (KeyError, IndexError, AttributeError):
            made = None  # URL settings that need more than date and slug
        if made != old_path.lstrip("/"):
            pinned = old_path.lstrip("/")
    return Placement(path=path, slug=slug, old_path=old_path, pinned_url=pinned)


def metadata_lines(entry, title, placement, category):
    """The header of the Markdown file, one ``Key: value`` a line."""
    lines = [f"Title: {one_line(title)}", f"Date: {_date(entry.published)}"]
    if entry.updated and _minute(entry.updated) > _minute(entry.published):
        lines.append(f"Modified: {_date(entry.updated)}")
    if entry.kind == "post":
        lines.append(f"Category: {category}")
        labels = [one_line(label) for label in entry.labels]
        if labels:
            lines.append(f"Tags: {', '.join(labels)}")
    lines += [f"Slug: {placement.slug}", f"Id: {entry.id}"]
    if placement.pinned_url:
        lines += [f"URL: {placement.pinned_url}", f"Save_as: {placement.pinned_url}"]
    if entry.status == "draft":
        lines.append("Status: draft")
    return lines


def _minute(moment):
    return moment.replace(second=0, microsecond=0)


def _date(moment):
    """ISO date with the original offset, to the minute: ``2013-03-14 21:10-07:00``."""
    return moment.isoformat(sep=" ", timespec="minutes")
