"""The duplicate-paragraph plugin in real builds of this site.

The reference for "repaired" is the site built from a source whose repeats
were removed by hand (here: by `check_content --fix`, checked against the
seed): the plugin's output must be that, byte for byte, on the post page,
and the same text in the index summary and the feed.
"""

import json
import re
import runpy
import shutil

import feedparser
import pytest
from bs4 import BeautifulSoup

from pelicanconf import PLUGINS as SITE_PLUGINS
from tests.conftest import ROOT, build, make, run_pelican
from tests.test_site import SEED

MARCH_3_SOURCE = "posts/2013-03-03-what-i-am-learning-from-hiring-managers.md"
# The plugin's own corpus of posts with planted copies (its tests use it too).
CORPUS = ROOT / "plugins" / "pelican-dedup" / "tests" / "dedup_corpus.py"
MARCH_3 = "2013/03/what-i-am-learning-from-hiring-managers.html"
MARCH_8 = "2013/03/two-interviews-this-week.html"
# The site's own plugins but the cleaner.
NO_PLUGIN = ["-e", "PLUGINS=" + json.dumps([p for p in SITE_PLUGINS if p != "dedup"])]


def article_html(site, url):
    """The post's content as the theme placed it, between header and tags."""
    page = BeautifulSoup((site / url).read_text(encoding="utf-8"), "html.parser")
    return page.find("article")


def blocks(node):
    return [b.get_text(" ", strip=True) for b in node.find_all(["p", "li"]) if not b.find("p")]


@pytest.fixture(scope="module")
def hand_cleaned(tmp_path_factory):
    """content/ with the March 3 repeat removed from the source, and its build."""
    tmp = tmp_path_factory.mktemp("hand")
    content = shutil.copytree(ROOT / "content", tmp / "content")
    source = content / MARCH_3_SOURCE
    lines = source.read_text(encoding="utf-8").splitlines()
    # The repeat starts at the second "I need to consider" paragraph and runs
    # to the end: 17 blocks, 29 lines with their blank separators.
    starts = [i for i, line in enumerate(lines) if line.startswith("I need to consider")]
    assert len(starts) == 2
    source.write_text("\n".join(lines[: starts[1] - 1]) + "\n", encoding="utf-8")
    output = tmp / "out"
    build(content, output, *NO_PLUGIN)
    return output


def test_post_page_is_byte_identical_to_the_hand_cleaned_source(built_site, hand_cleaned):
    ours = (built_site / MARCH_3).read_bytes()
    reference = (hand_cleaned / MARCH_3).read_bytes()
    assert ours == reference


def test_every_paragraph_and_item_once_in_the_authors_order(built_site):
    seed = SEED.read_text(encoding="utf-8").splitlines()
    body = seed[seed.index("Sunday, March 3, 2013") + 2 : seed.index("Subscribe to:")]
    authors_order = [re.sub(r"^\d+\. ", "", line) for line in body]
    once = list(dict.fromkeys(authors_order))  # first copies, in order
    assert len(once) == len(authors_order) - 17
    texts = [t for t in blocks(article_html(built_site, MARCH_3)) if t in set(once)]
    assert texts == once


def test_index_summary_and_feed_show_the_repaired_text(built_site, hand_cleaned):
    for site in (built_site, hand_cleaned):
        assert (site / "index.html").exists()
    assert (built_site / "index.html").read_bytes() == (hand_cleaned / "index.html").read_bytes()
    ours = feedparser.parse((built_site / "feeds" / "all.atom.xml").read_bytes())
    reference = feedparser.parse((hand_cleaned / "feeds" / "all.atom.xml").read_bytes())
    for entry, expected in zip(ours.entries, reference.entries, strict=True):
        assert entry.content[0].value == expected.content[0].value
        assert entry.summary == expected.summary
    march_3 = ours.entries[1].content[0].value
    assert march_3.count("I need to consider what am I missing") == 1
    assert march_3.count("Convert the ones I've got going.") == 1


def test_march_8_is_byte_identical_to_a_build_without_the_plugin(built_site, tmp_path):
    plain = tmp_path / "plain"
    build(ROOT / "content", plain, *NO_PLUGIN)
    assert (built_site / MARCH_8).read_bytes() == (plain / MARCH_8).read_bytes()


def test_build_says_what_it_removed(tmp_path):
    log = build(ROOT / "content", tmp_path / "out")
    assert "dedup: removed 17 duplicate block(s) from" in log
    assert "2013-03-03-what-i-am-learning-from-hiring-managers.md" in log
    assert "two-interviews-this-week.md" not in log


def test_report_lists_every_decision(tmp_path):
    report = tmp_path / "report.json"
    build(ROOT / "content", tmp_path / "out", "-e", f'DEDUP={{"REPORT_PATH": "{report}"}}')
    data = json.loads(report.read_text(encoding="utf-8"))
    posts = {post["source"]: post for post in data["posts"]}
    march_3 = posts[MARCH_3_SOURCE]
    assert march_3["removed"] == 17
    reasons = {d["reason"] for d in march_3["decisions"]}
    assert reasons == {"repeated-run"}
    for decision in march_3["decisions"]:
        assert decision["text"] == decision["original_text"]
        assert decision["original"] < decision["block"]
    assert posts["posts/2013-03-08-two-interviews-this-week.md"]["decisions"] == []


@pytest.mark.parametrize("layer", ["reader", "generator"])
def test_content_cache_gives_the_same_output_and_follows_setting_changes(tmp_path, layer):
    cache = tmp_path / "cache"
    cached = [
        "-e",
        "CACHE_CONTENT=true",
        "LOAD_CONTENT_CACHE=true",
        f'CONTENT_CACHING_LAYER="{layer}"',
        f'CACHE_PATH="{cache}"',
    ]
    reference = tmp_path / "reference"
    build(ROOT / "content", reference)
    plain = tmp_path / "plain"
    build(ROOT / "content", plain, *NO_PLUGIN)

    first = tmp_path / "first"

    log = build(ROOT / "content", first, *cached)
    assert "(0 remembered from an earlier build)" in log
    assert (cache / "dedup-results.pickle").exists()
    second = tmp_path / "second"
    log = build(ROOT / "content", second, *cached)
    checked = re.search(r"checked (\d+) post\(s\) in [\d.]+ s \((\d+) remembered", log)
    assert checked[1] == checked[2]  # every post's result came from the cache
    for site in (first, second):
        for url in (MARCH_3, MARCH_8, "index.html", "feeds/all.atom.xml"):
            assert (site / url).read_bytes() == (reference / url).read_bytes(), (site, url)

    # A change of the plugin's settings takes effect despite the cache ...
    report_only = tmp_path / "report"
    build(ROOT / "content", report_only, *cached[:-1], cached[-1], 'DEDUP={"MODE": "report"}')
    assert (report_only / MARCH_3).read_bytes() == (plain / MARCH_3).read_bytes()
    # ... and so does changing it back.
    again = tmp_path / "again"
    build(ROOT / "content", again, *cached)
    assert (again / MARCH_3).read_bytes() == (reference / MARCH_3).read_bytes()


def test_a_post_can_opt_out(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    source = content / MARCH_3_SOURCE
    source.write_text(
        source.read_text(encoding="utf-8").replace("Date:", "Dedup: off\nDate:", 1),
        encoding="utf-8",
    )
    ours = tmp_path / "out"
    log = build(content, ours)
    plain = tmp_path / "plain"
    build(content, plain, *NO_PLUGIN)
    assert (ours / MARCH_3).read_bytes() == (plain / MARCH_3).read_bytes()
    assert "dedup: removed" not in log
    assert "0 with duplicates, 0 block(s) removed" in log


def test_pages_are_cleaned_too(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    paragraph = "This page says the same long thing twice because it was pasted twice."
    (content / "pages").mkdir(exist_ok=True)
    (content / "pages" / "twice.md").write_text(
        f"Title: Twice\n\n{paragraph}\n\nA different paragraph in between.\n\n{paragraph}\n",
        encoding="utf-8",
    )
    ours = tmp_path / "out"
    log = build(content, ours)
    html = str(BeautifulSoup((ours / "twice" / "index.html").read_text(), "html.parser").main)
    assert html.count(paragraph) == 1
    assert "A different paragraph in between." in html
    assert "removed 1 duplicate block(s) from pages/twice.md" in log


def test_error_mode_fails_before_writing_and_names_the_file(tmp_path):
    output = tmp_path / "out"
    result = run_pelican(
        ROOT / "content", output, "pelicanconf.py", "-e", 'DEDUP={"MODE": "error"}'
    )
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert "duplicate paragraphs found in 1 file(s)" in log
    assert MARCH_3_SOURCE in log
    assert "Traceback" not in log
    assert not (output / "index.html").exists()


@pytest.mark.parametrize(
    "value, message",
    [
        ('{"MODE": "delete"}', "DEDUP: Invalid enum value 'delete' - at `$.MODE`"),
        ('{"MIN_LENGHT": 10}', "DEDUP: Object contains unknown field `MIN_LENGHT`"),
        ('{"NEAR_RATIO": 2}', "DEDUP: Expected `float` <= 1.0 - at `$.NEAR_RATIO`"),
    ],
)
def test_bad_settings_stop_the_build_with_a_plain_message(tmp_path, value, message):
    result = run_pelican(
        ROOT / "content", tmp_path / "out", "pelicanconf.py", "-e", f"DEDUP={value}"
    )
    log = result.stdout + result.stderr
    assert result.returncode == 1
    assert message in log
    assert "Traceback" not in log


def test_make_check_content_lists_the_seed_repeat_and_fails(tmp_path):
    content = shutil.copytree(ROOT / "content", tmp_path / "content")
    result = make("check-content", content, tmp_path / "output")
    assert result.returncode != 0
    assert f"{content / MARCH_3_SOURCE}:" in result.stdout
    assert "17 duplicate block(s) found" in result.stdout

    fixed = make("check-content", content, tmp_path / "output", "FIX=1")
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    again = make("check-content", content, tmp_path / "output")
    assert again.returncode == 0 and "duplicate" not in again.stdout


LONG = "This paragraph is long enough to count, with well over six words in it."


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory):
    """Posts at the plugin's edges, built with the site's settings."""
    tmp = tmp_path_factory.mktemp("edges")
    posts = tmp / "content" / "posts"
    posts.mkdir(parents=True)
    header = "Title: {title}\nDate: 2014-01-{day:02d}\nSlug: {slug}\n\n"
    bodies = {
        "only-duplicates": f"{LONG}\n\n{LONG}\n\n{LONG}\n",
        "one-word-blocks": "Yes\n\nNo\n\nYes\n\n1. Yes\n2. No\n3. Yes\n\nYes\n",
        "shared-a": f"{LONG}\n\nThe first post's own words end it here.\n",
        "shared-b": f"{LONG}\n\nThe second post's own words end it there.\n",
    }
    for day, (slug, body) in enumerate(bodies.items(), 1):
        (posts / f"{slug}.md").write_text(header.format(title=slug, day=day, slug=slug) + body)
    (posts / "malformed.html").write_text(
        '<html><head><title>malformed</title><meta name="date" content="2014-01-09">'
        '<meta name="slug" content="malformed"></head><body>'
        f"<p>{LONG}<p>{LONG}<div>stray</span></div><ul><li>{LONG}<li>{LONG}</ul>"
        "</body></html>"
    )
    output = tmp / "out"
    log = build(tmp / "content", output)
    return output, log


def edge_article(site, slug):
    return str(article_html(site, f"2014/01/{slug}.html"))


def test_a_post_of_only_duplicates_keeps_one_copy(edge_site):
    site, log = edge_site
    assert edge_article(site, "only-duplicates").count(LONG) == 1
    assert "removed 2 duplicate block(s) from posts/only-duplicates.md" in log


def test_a_post_of_one_word_blocks_is_untouched(edge_site, tmp_path):
    site, log = edge_site
    html = edge_article(site, "one-word-blocks")
    assert html.count("<p>Yes</p>") == 3 and html.count("<li>Yes</li>") == 2
    assert "one-word-blocks.md" not in log


def test_text_shared_between_two_posts_stays_in_both(edge_site):
    site, log = edge_site
    assert LONG in edge_article(site, "shared-a")
    assert LONG in edge_article(site, "shared-b")
    assert "shared-a.md" not in log and "shared-b.md" not in log


def test_malformed_raw_html_is_kept_whole(edge_site):
    site, log = edge_site
    html = edge_article(site, "malformed")
    assert html.count(LONG) == 4  # unclosed <p> and <li>: extents uncertain, kept
    assert "malformed.html" not in log
    assert "Traceback" not in log


def test_a_damaged_result_cache_is_rebuilt_not_fatal(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "dedup-results.pickle").write_bytes(b"not a pickle")
    cached = ["-e", "CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true", f'CACHE_PATH="{cache}"']
    site = tmp_path / "out"
    log = build(ROOT / "content", site, *cached)
    assert "ignoring the unreadable cache" in log
    reference = tmp_path / "reference"
    build(ROOT / "content", reference)
    assert (site / MARCH_3).read_bytes() == (reference / MARCH_3).read_bytes()
    log = build(ROOT / "content", tmp_path / "again", *cached)
    assert "unreadable" not in log


def test_check_content_fix_removes_what_the_build_removes_on_the_corpus(tmp_path):
    """The Markdown posts of the plugin's corpus: a build of the sources fixed by
    `make check-content FIX=1` (without the plugin) shows the same text as the
    build of the untouched sources with the plugin."""
    CASES = runpy.run_path(str(CORPUS))["CASES"]

    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    names = [case[0] for case in CASES if case[1] == "md"]
    assert len(names) >= 25
    for day, (name, _fmt, source, _once, _stays) in enumerate(
        (c for c in CASES if c[1] == "md"), 1
    ):
        header = (
            f"Title: {name}\nDate: 2014-{1 + day // 28:02d}-{1 + day % 28:02d}\nSlug: {name}\n\n"
        )
        (posts / f"{name}.md").write_text(header + source, encoding="utf-8")
    fixed = shutil.copytree(tmp_path / "content", tmp_path / "fixed")
    result = make("check-content", fixed, tmp_path / "unused", "FIX=1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "not fixed" not in result.stdout
    cleaned, by_hand = tmp_path / "cleaned", tmp_path / "by-hand"
    build(tmp_path / "content", cleaned)
    build(fixed, by_hand, *NO_PLUGIN)
    pages = sorted(p.relative_to(cleaned) for p in cleaned.glob("2014/*/md-*.html"))
    assert len(pages) == len(names)
    for page in pages:
        ours, theirs = article_html(cleaned, page), article_html(by_hand, page)
        assert ours.get_text(" ", strip=True) == theirs.get_text(" ", strip=True), page
