"""Stop the build when two posts share an output file, or a slug is empty.

Two posts may share a title or a slug when their files differ (a diary has a
"Phone screen" in October and another in November: ``2026/10/phone-screen.html``
and ``2026/11/phone-screen.html``; pelicanconf.py's ARTICLE_TRANSLATION_ID
makes only posts of the same month and slug translations of each other).
When two land on one output file, or a page titled "Archives" lands on the
site's own ``archives/index.html``, Pelican's writer crashes halfway, with a
traceback, leaving a partial output folder. A title with no letters or
digits Pelican can use ("😀") gives an empty slug, so the post goes to
``2013/04/.html`` (a page to ``/index.html``, over the home page); a tag "😀"
gets ``tag/index.html``. Here each such case is an ERROR naming the file(s)
and a fix, and the build stops before anything is written."""

import logging
from collections import defaultdict
from itertools import combinations

from .settings import BuildStopped

logger = logging.getLogger(__name__)

# Every list in which Pelican's generators keep content that gets a file.
CONTENT_LISTS = (
    "articles",
    "translations",
    "drafts",
    "drafts_translations",
    "hidden_articles",
    "hidden_translations",
    "pages",
    "hidden_pages",
    "draft_pages",
    "draft_translations",
)


def all_content(generators):
    """Every content object of the build, each once."""
    seen = {}
    for generator in generators:
        for name in CONTENT_LISTS:
            for content in getattr(generator, name, None) or []:
                seen[id(content)] = content
    return list(seen.values())


def source(content):
    return content.relative_source_path or content.source_path


def taxonomy_names(content):
    """The tags, category and authors of a content object."""
    names = list(getattr(content, "tags", []))
    if getattr(content, "category", None) is not None:
        names.append(content.category)
    return names + list(getattr(content, "authors", []))


def site_pages(articles, settings):
    """{output path: what it is} for the pages Pelican makes itself: index,
    archives, tag and category lists and pages, period archives, template pages.
    A post or page written to one of these makes Pelican crash while writing."""
    paths = {}
    for template in settings.get("DIRECT_TEMPLATES", []):
        path = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        if path:
            paths[path] = f"the site's {template} page"
    for source_name, path in (settings.get("TEMPLATE_PAGES") or {}).items():
        paths[path] = f"the page made from {source_name}"
    if articles is not None:
        for attribute in ("tags", "categories", "authors"):
            names = getattr(articles, attribute, None) or []
            for name in names.keys() if isinstance(names, dict) else (n for n, _ in names):
                kind = type(name).__name__.lower()
                paths[name.save_as] = f"the page of {kind} {name.name!r}"
        for granularity, archives in (getattr(articles, "period_archives", None) or {}).items():
            for archive in archives:
                paths[archive["save_as"]] = f"the {granularity} archive {archive['url']}"
    return paths


def find_collisions(contents, reserved=None):
    """Messages for each pair of files sharing an output file, and for each
    file written over one of the reserved pages."""
    reserved = reserved or {}
    messages = []
    by_path = defaultdict(list)
    for content in contents:
        if not getattr(content, "slug", None):
            messages.append(
                f"{source(content)}: its title {content.title!r} gives an empty slug "
                f"(it would be written to {content.save_as}); add a Slug: line"
            )
            continue
        for name in taxonomy_names(content):
            if not name.slug:
                messages.append(
                    f"{source(content)}: its {type(name).__name__.lower()} {name.name!r} "
                    f"gives an empty slug (its page would be {name.save_as}); "
                    "spell it with letters or digits"
                )
        save_as = content.save_as  # a property that formats a setting at each read
        if save_as in reserved:
            messages.append(
                f"{source(content)} would be written to {save_as}, which is "
                f"{reserved[save_as]}; give it another Slug: (or Save_as:)"
            )
        elif save_as:
            by_path[save_as].append(content)
    for path, group in by_path.items():
        for first, second in combinations(group, 2):
            messages.append(
                f"{source(first)} and {source(second)} would both be written to {path}; "
                "give one of them its own Slug: line"
            )
    return messages


# Per build: the articles generator, then how many problems were logged.
_state = {"articles": None, "found": 0}


def remember_articles(generator):
    """article_generator_finalized: keep the articles for the check after pages."""
    _state["articles"] = generator
    _state["found"] = 0


def report_collisions(pages_generator):
    """page_generator_finalized: log each problem, before the failing check runs."""
    articles = _state["articles"]
    generators = [g for g in (articles, pages_generator) if g is not None]
    reserved = site_pages(articles, pages_generator.settings)
    messages = find_collisions(all_content(generators), reserved)
    for message in messages:
        logger.error("%s", message)
    _state["found"] = len(messages)


def stop_on_collisions(generators):
    """all_generators_finalized: stop before anything is written."""
    found, _state["found"], _state["articles"] = _state["found"], 0, None
    if found:
        logger.critical(
            "Build stopped before writing: %d problem(s) with slugs or output files",
            found,
        )
        raise BuildStopped(1)
