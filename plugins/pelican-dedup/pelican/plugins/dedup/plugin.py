"""The Pelican layer: signals, settings, log lines and the JSON report.

The cleaner edits each article's and page's ``_content`` as soon as Pelican
creates it (``content_object_init``), before anything reads the memoized
``.content`` or ``.summary``; so post pages, index summaries and feeds all
show the repaired text. Objects that come back from Pelican's generator-level
content cache never pass through ``content_object_init``, so the generators'
``*_finalized`` signals look at every object again: one already cleaned with
the same settings is left alone, one cleaned with other settings is redone
from the HTML that Pelican rendered, which is kept beside it.
"""

import json
import logging
import os
import time
import uuid
from collections import Counter
from dataclasses import dataclass

from pelican import signals
from pelican.contents import Static

from . import repair, result_cache
from .settings import SettingsError, read_settings

logger = logging.getLogger(__name__)
# Pelican's loggers drop a message that reads as one logged before in the same
# process: under `make devserver`, a rebuild's summary line would go missing
# whenever it matched the last one. This plugin's lines show on every build.
if hasattr(logger, "disable_filter"):  # pelican.log.LimitLogger
    logger.disable_filter()

OPT_OUT_VALUES = {"off", "false", "no", "0"}
# The lists in which ArticlesGenerator and PagesGenerator keep their content
# (published, hidden, drafts, translations). Kept here, not shared with the
# site's other plugins, so that this plugin can be copied alone.
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


@dataclass
class PostResult:
    """What the cleaner decided for one post; kept on the post across caches."""

    fingerprint: tuple
    source_html: str
    decisions: tuple = ()
    blocks: tuple = ()
    emptied: tuple = ()
    opted_out: bool = False

    @property
    def removed(self):
        return [d for d in self.decisions if d.action == "remove"]

    @property
    def near(self):
        return [d for d in self.decisions if d.action == "report"]


class _Build:
    """State of the current build: settings and every post's result."""

    def __init__(self, settings):
        self.settings = settings
        self.results = {}  # source path -> PostResult
        self.seconds = 0.0  # all the plugin's own time, for the closing summary
        self.cache = None  # set by start(): results remembered across builds
        self.token = uuid.uuid4().hex  # marks the posts this build has seen
        # Per run (`pelican -r` runs many builds in one process; summarize()
        # resets them): the posts whose result came from an earlier run, and
        # the HTML decided in this one (a second post with the same HTML is
        # not "remembered from an earlier build").
        self.remembered = set()
        self.decided = set()


_build = None


def source_name(content):
    return getattr(content, "relative_source_path", None) or content.source_path


def excerpt(text, width=70):
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def opted_out(content):
    value = str(content.metadata.get("dedup", "on")).strip().lower()
    return value in OPT_OUT_VALUES


def decide(source_html, settings):
    """The cache entry for one post's HTML: decisions, blocks, and the cut HTML."""
    return repair.decide(source_html, settings.options, cut=settings.mode == "remove")


def clean(content):
    """Decide and (in "remove" mode) cut the duplicates of one article or page."""
    if _build is None or isinstance(content, Static) or not hasattr(content, "_content"):
        return
    started = time.perf_counter()
    try:
        _clean(content)
    finally:
        _build.seconds += time.perf_counter() - started


def _clean(content):
    settings = _build.settings
    previous = getattr(content, "_dedup_result", None)
    if previous is not None and previous.fingerprint == settings.fingerprint:
        if getattr(content, "_dedup_build", None) != _build.token:
            _build.remembered.add(source_name(content))  # from Pelican's generator cache
            content._dedup_build = _build.token
        _build.results[source_name(content)] = previous
        return
    source_html = previous.source_html if previous is not None else content._content
    result = PostResult(fingerprint=settings.fingerprint, source_html=source_html)
    cut_html = None
    if source_html and opted_out(content):
        result.opted_out = True
        logger.debug("dedup: %s opts out (Dedup: off)", source_name(content))
    elif source_html:
        cache = _build.cache
        digest = result_cache.key(source_html) if cache.active else None
        entry = None if digest is None else cache.get(digest)
        if entry is None:
            entry = decide(source_html, settings)
            if digest is not None:
                cache.put(digest, entry)
                _build.decided.add(digest)
        elif digest not in _build.decided:
            _build.remembered.add(source_name(content))
        result.decisions, result.blocks, result.emptied, cut_html = entry
    content._content = source_html if cut_html is None else cut_html
    content._dedup_result = result
    content._dedup_build = _build.token
    name = source_name(content)
    _build.results[name] = result
    if result.decisions:
        log_details(name, result, settings.mode)


def log_details(name, result, mode):
    """Each decision at debug level; in "error" mode, one error per post."""
    if result.removed and mode == "error":
        logger.error("dedup: %s has %d duplicate block(s)", name, len(result.removed))
    if not logger.isEnabledFor(logging.DEBUG):
        return
    for decision in result.removed:
        block = result.blocks[decision.index].block
        logger.debug(
            "dedup: %s: block %d <%s> %s (%s of block %d): %s",
            name,
            decision.index,
            block.kind,
            "removed" if mode == "remove" else "duplicate",
            decision.reason,
            decision.original,
            excerpt(block.text),
        )


def post_lines(name, result, mode):
    """The summary's lines for one post: what went, and the near-duplicates kept."""
    lines = []
    count = len(result.removed)
    reasons = ", ".join(
        f"{n} {reason}" for reason, n in Counter(d.reason for d in result.removed).items()
    )
    if count and mode == "remove":
        lines.append(f"dedup: removed {count} duplicate block(s) from {name} ({reasons})")
    elif count:
        lines.append(f"dedup: {name} has {count} duplicate block(s) ({reasons}; report mode: kept)")
    for decision in result.near:
        text = excerpt(result.blocks[decision.index].block.text)
        lines.append(
            f"dedup: {name}: kept near-duplicate block {decision.index} "
            f"({decision.similarity:.0%} like block {decision.original}): {text}"
        )
    return lines


def report_entries():
    """Every decision of the build, in a JSON-ready form."""
    posts = []
    for name, result in sorted(_build.results.items()):
        decisions = []
        for d in result.decisions:
            block = result.blocks[d.index].block
            original = result.blocks[d.original].block
            decisions.append(
                {
                    "block": d.index,
                    "kind": block.kind,
                    "text": block.text,
                    "action": d.action,
                    "reason": d.reason,
                    "original": d.original,
                    "original_text": original.text,
                    "similarity": round(d.similarity, 3),
                }
            )
        posts.append(
            {
                "source": name,
                "opted_out": result.opted_out,
                "removed": len(result.removed) if _build.settings.mode == "remove" else 0,
                "emptied_containers": list(result.emptied),
                "decisions": decisions,
            }
        )
    return {"mode": _build.settings.mode, "posts": posts}


def start(pelican):
    """Read and validate DEDUP, and make the plugin's own lines visible."""
    global _build
    try:
        settings = read_settings(pelican.settings)
    except SettingsError as error:
        logger.critical("%s", error)
        raise SystemExit(1) from None
    _build = _Build(settings)
    started = time.perf_counter()
    _build.cache = result_cache.ResultCache(pelican.settings, settings.fingerprint)
    _build.seconds += time.perf_counter() - started  # loading remembered results
    # Pelican shows warnings by default; the one line per cleaned post is
    # INFO, so that it never fails a build run with --fatal warnings.
    package_logger = logging.getLogger(__package__)
    if package_logger.level == logging.NOTSET and logging.getLogger().level <= logging.WARNING:
        package_logger.setLevel(logging.INFO)


def clean_generator(generator):
    """Safety net for objects restored from Pelican's generator-level cache."""
    for name in CONTENT_LISTS:
        for content in getattr(generator, name, None) or []:
            clean(content)


def before_writing(generators):
    """In "error" mode, stop before any page is written."""
    if _build.settings.mode != "error":
        return
    failing = [name for name, result in _build.results.items() if result.removed]
    if failing:
        logger.critical(
            "dedup: duplicate paragraphs found in %d file(s): %s. "
            "Run `make check-content` to see them, or set DEDUP['MODE'] to 'remove'.",
            len(failing),
            ", ".join(sorted(failing)),
        )
        raise SystemExit(1)


def summarize(pelican):
    """The build's account: one line per post with duplicates, then totals.

    Written as one log record at the end of the build: a rich-rendered
    record per post cost more than cleaning the post. The time it reports
    includes this summary's own work and saving the results.
    """
    started = time.perf_counter()
    mode = _build.settings.mode
    lines = []
    for name, result in sorted(_build.results.items()):
        if result.decisions:
            lines += post_lines(name, result, mode)
    cleaned = [r for r in _build.results.values() if r.removed]
    _build.cache.save()
    _build.seconds += time.perf_counter() - started
    lines.append(
        f"dedup: checked {len(_build.results)} post(s) in {_build.seconds:.3f} s "
        f"({len(_build.remembered)} remembered from an earlier build); "
        f"{len(cleaned)} with duplicates, {sum(len(r.removed) for r in cleaned)} block(s) "
        + ("removed" if mode == "remove" else "found")
    )
    # Plain text: Rich's highlighter (numbers, paths) took several times
    # longer over a summary of a hundred lines than writing it.
    logger.info("%s", "\n".join(lines), extra={"highlighter": None})
    write_report()
    # The next run of `pelican -r` counts afresh.
    _build.results, _build.seconds = {}, 0.0
    _build.remembered, _build.decided = set(), set()


def write_report():
    path = _build.settings.report_path
    if not path:
        return
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(report_entries(), handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    logger.info("dedup: wrote the report of every decision to %s", path)


def register():
    signals.initialized.connect(start)
    signals.content_object_init.connect(clean)
    signals.article_generator_finalized.connect(clean_generator)
    signals.page_generator_finalized.connect(clean_generator)
    signals.all_generators_finalized.connect(before_writing)
    signals.finalized.connect(summarize)
