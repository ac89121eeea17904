"""Keep a picture or file that only a draft uses out of a build that does not write drafts.

Pelican copies every static file a post links with ``{static}`` or
``{attach}``, and every file under STATIC_PATHS, whether or not the post that
uses it is published: ``make publish`` left out a draft's pages but copied
``images/offer-letter.png`` from its body into ``public/``. Here, in a build
that does not write drafts (publishconf.py: DRAFT_SAVE_AS = ""; a post dated
in the future is held back as a draft, so it counts as one), a static file
used by at least one unwritten draft (post or page) and by no published or
hidden post or page is taken off the StaticGenerator's ``staticfiles`` list
before anything is written, with an INFO line naming the draft. So it is in
no output folder, ``.gz``/``.br`` copy, search index or upload. A file that
nothing uses is still copied (it was put in content/ on purpose), and a
development build, which writes drafts, copies everything as before.

A post "uses" a file when its body or a metadata value (``Summary``,
``Image``) links it with ``{static}``, ``{attach}`` or ``{filename}``, an
``<img>`` points at it with a relative path, or a metadata value is its path.
"""

import logging
import posixpath
import re
from urllib.parse import unquote, urlsplit

from .collisions import all_content, source
from .images import image_sources, is_relative

logger = logging.getLogger(__name__)

LINK_KINDS = ("static", "attach", "filename")


def link_pattern(settings):
    """Pelican's {static}/{attach}/{filename} link syntax (INTRASITE_LINK_REGEX), with its value."""
    return re.compile(settings["INTRASITE_LINK_REGEX"] + r"(?P<value>[^\"'\s<>]*)")


def resolved(path, content):
    """The content-relative path a link of ``content`` names (as Pelican resolves it)."""
    path = unquote(urlsplit(path).path)
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(content.relative_dir or "", path))


def used_files(content, pattern, static_paths):
    """The static files (content-relative paths) a post or page uses."""
    html = content._content or ""
    texts = [html] + [v for v in content.metadata.values() if isinstance(v, str)]
    used = set()
    for text in texts:
        for match in pattern.finditer(text):
            if match.group("what") in LINK_KINDS:
                used.add(resolved(match.group("value"), content))
    for src in image_sources(html) if "<img" in html else []:
        if is_relative(src):
            used.add(resolved(src, content))
            used.add(resolved("/" + src, content))  # a path from content/, as images.py suggests
    for value in content.metadata.values():  # Image: images/card.png
        if isinstance(value, str) and value.strip() and "\n" not in value:
            used.add(resolved("/" + value.strip().lstrip("/"), content))
    return used & static_paths


def hold_back(generators):
    """all_generators_finalized: drop the static files only unwritten drafts use."""
    statics = [g for g in generators if getattr(g, "staticfiles", None)]
    if not statics:
        return
    unwritten, written = [], []
    for content in all_content(generators):
        if content.status == "draft" and not content.save_as:
            unwritten.append(content)
        else:
            written.append(content)
    if not unwritten:
        return  # a development build writes its drafts, and so their files
    settings = statics[0].settings
    pattern = link_pattern(settings)
    static_paths = {s.relative_source_path for g in statics for s in g.staticfiles}
    users = {}
    for draft in unwritten:
        for path in used_files(draft, pattern, static_paths):
            users.setdefault(path, []).append(source(draft))
    if not users:
        return
    for content in written:
        for path in used_files(content, pattern, static_paths):
            users.pop(path, None)
    if logger.level == logging.NOTSET and logging.getLogger().level <= logging.WARNING:
        logger.setLevel(logging.INFO)  # Pelican shows WARNING and up unless -v
    for generator in statics:
        kept = []
        for static in generator.staticfiles:
            drafts_using = users.get(static.relative_source_path)
            if drafts_using is None:
                kept.append(static)
                continue
            logger.info(
                "%s is used only by the draft %s, which this build does not publish: "
                "not published either",
                static.relative_source_path,
                ", ".join(sorted(set(drafts_using))),
            )
        generator.staticfiles[:] = kept  # the same list as context["staticfiles"]
