"""Stop the build when a post or page would take over a file the site needs.

``Save_as: feeds/all.atom.xml`` replaced the feed with an HTML page;
``Save_as: theme/css/site.css`` and ``sitemap.xml`` lost the post silently
(the other file was written over it); ``URL: feeds/all.atom.xml`` makes every
link to the post open the feed. Here each post's and page's output file
(``save_as``) and link (``url``) are compared with every other file the build
writes: feeds, the theme's files, static files (images, content/extra), and
the files plugins or the host write beside them (CONTENT_GUARD['RESERVED_PATHS'],
e.g. sitemap.xml, robots.txt, a ``pagefind/`` search index folder). A clash is
an ERROR naming the source file and the file it would replace, and the build
stops before anything is written. (Clashes with the site's own pages, such as
``archives/index.html``, are in ``collisions``.)
"""

import logging
import os
import re

from .collisions import all_content, site_pages, source
from .settings import BuildStopped, read_settings

logger = logging.getLogger(__name__)

# FEED_ATOM, FEED_ALL_RSS, CATEGORY_FEED_ATOM, TRANSLATION_FEED_RSS, ... (not *_URL).
_FEED_SETTING = re.compile(r"(?:[A-Z]+_)?FEED_(?:ALL_)?(?:ATOM|RSS)")
_NAMES = {"CATEGORY": "categories", "TAG": "tags", "AUTHOR": "authors"}


def names(articles, attribute):
    """The tags, categories or authors of the articles generator."""
    found = getattr(articles, attribute, None) or []
    return list(found.keys()) if isinstance(found, dict) else [name for name, _ in found]


def feed_paths(articles, settings):
    """{path: what} for every feed the settings turn on."""
    paths = {}
    for key, pattern in settings.items():
        if not (_FEED_SETTING.fullmatch(key) and pattern):
            continue
        kind = key.split("_FEED")[0]
        if kind in _NAMES:
            for name in names(articles, _NAMES[kind]):
                paths[str(pattern).format(slug=name.slug)] = f"the feed of {name.name!r} ({key})"
        elif kind == "TRANSLATION":
            for lang in {a.lang for a in getattr(articles, "articles", [])}:
                paths[str(pattern).format(lang=lang)] = f"the {lang} feed ({key})"
        else:
            paths[str(pattern)] = f"the feed {key}"
    return paths


def theme_paths(settings):
    """{path: what} for each file Pelican copies from the theme's static folders."""
    paths = {}
    theme, into = settings["THEME"], settings.get("THEME_STATIC_DIR", "theme")
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        top = os.path.join(theme, folder)
        if os.path.isfile(top):
            paths[f"{into}/{os.path.basename(top)}"] = f"the theme's file {folder}"
        for root, _dirs, files in os.walk(top):
            for name in files:
                relative = os.path.relpath(os.path.join(root, name), top).replace(os.sep, "/")
                paths[f"{into}/{relative}"] = f"the theme's file {folder}/{relative}"
    return paths


def static_paths(generators):
    """{path: what} for each static file (images, files in content/extra).

    Through get_url_setting, not the ``save_as`` property: reading that marks
    the file's place as referenced, and Pelican then refuses to move it beside
    a post that links it with ``{attach}``.
    """
    return {
        static.get_url_setting("save_as"): f"the static file {static.relative_source_path}"
        for generator in generators
        for static in getattr(generator, "staticfiles", None) or []
    }


def linked_file(url):
    """The output file a relative URL opens: ``about/`` is ``about/index.html``."""
    path = url.split("#")[0].split("?")[0].lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


def owner(path, reserved, prefixes):
    """What ``path`` belongs to, or None."""
    if path in reserved:
        return reserved[path]
    for prefix in prefixes:
        if path.startswith(prefix):
            return f"inside {prefix}, which a plugin or the host writes (RESERVED_PATHS)"
    return None


def find_clashes(contents, reserved, site, prefixes=()):
    """Messages for each post or page whose file or link is a reserved output.

    ``reserved`` is checked against the output file and the link, ``site``
    (the site's own pages, which ``collisions`` checks as output files)
    against the link only."""
    messages = []
    for content in contents:
        save_as = getattr(content, "save_as", "") or ""
        what = owner(save_as, reserved, prefixes) if save_as else None
        if what:
            messages.append(
                f"{source(content)} would be written to {save_as}, which is {what}; "
                "give it another Slug: (or Save_as:)"
            )
            continue
        url = content.metadata.get("url")
        if url is None:
            continue
        target = linked_file(str(url))
        what = owner(target, {**site, **reserved}, prefixes) if target != save_as else None
        if what:
            messages.append(
                f"{source(content)} has URL: {url}, which opens {target}, {what}; "
                "remove the URL: line or point it to the post's own file"
            )
    return messages


# Per build: the article and page generators, then how many clashes were logged.
_state = {"generators": [], "found": 0}


def remember(generator):
    """article_generator_finalized, page_generator_finalized: keep the content."""
    _state["generators"].append(generator)


def report_clashes(static_generator):
    """static_generator_finalized (the last generator): log each clash.

    Logged before all_generators_finalized, so that content_guard's failing
    list names them too, whichever of its handlers runs first."""
    generators = [*_state["generators"], static_generator]
    settings = static_generator.settings
    articles = next((g for g in generators if hasattr(g, "articles")), None)
    options = read_settings(settings)
    own = options.reserved_paths
    reserved = {
        **feed_paths(articles, settings),
        **theme_paths(settings),
        **static_paths(generators),
        **{path: "written by a plugin or the host (RESERVED_PATHS)" for path in own},
    }
    if options.completion_mark:
        reserved[options.completion_mark] = "the mark of a finished build (COMPLETION_MARK)"
    prefixes = [path for path in own if path.endswith("/")]
    messages = find_clashes(
        all_content(generators), reserved, site_pages(articles, settings), prefixes
    )
    for message in messages:
        logger.error("%s", message)
    _state.update(generators=[], found=len(messages))


def stop_on_clashes(generators):
    """all_generators_finalized: stop before anything is written."""
    found, _state["found"], _state["generators"] = _state["found"], 0, []
    if found:
        logger.critical(
            "Build stopped before writing: %d post(s) or page(s) would replace a file "
            "the site needs",
            found,
        )
        raise BuildStopped(1)
