"""Checks with tools from outside PyPI: the Nu HTML Checker and axe-core in Chromium.

They need Java, Debian's chromium and `npm ci` (for vnu-jar, playwright-core
and axe-core); .ci/run installs them. Without them these tests skip, saying
what to install, except in CI, where they fail.
"""

import json
import subprocess

import pytest

from scripts.site_server import serve
from tests.conftest import ROOT, build, sample_content
from tests.tools import require

NODE_MODULES = ROOT / "node_modules"
NPM_HINT = "run `npm ci` in the project folder (Node 20+)"
# The pages the issue names: index, a post (with code), archive, a tag page,
# the 404 page as a host serves it at a missing address, and the search page,
# empty and showing results.
AXE_PAGES = [
    "/",
    "/2013/04/theme-sample.html",
    "/archives/",
    "/tag/interviews/",
    "/no/such/page",
    "/search/",
    "/search/?q=interview",
]
SAMPLE = "/2013/04/theme-sample.html"
MARCH_3 = "/2013/03/what-i-am-learning-from-hiring-managers.html"
BROKEN_PAGE = """<!doctype html><html><head><title>x</title></head><body>
<p style="color:#bbb;background:#fff">Low contrast</p><img src="a.png">
<div id="d"></div><div id="d"><p></div><div style="width:600px">wide</div>
</body></html>"""


def run(command, timeout=300):
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def node():
    node = require("node", "apt-get install nodejs (Node 20+)")
    require(str(NODE_MODULES / "playwright-core"), NPM_HINT)
    require(str(NODE_MODULES / "axe-core"), NPM_HINT)
    require("/usr/bin/chromium", "apt-get install chromium")
    return node


def axe(node, directory, paths):
    with serve(directory) as base:
        out = run([node, str(ROOT / "scripts" / "browser" / "axe.mjs"), base, *paths])
    return json.loads(out)


def test_axe_finds_no_violation_in_light_or_dark(node, sample_site):
    results = axe(node, sample_site, AXE_PAGES)
    assert {(r["path"], r["scheme"]) for r in results} == {
        (path, scheme) for path in AXE_PAGES for scheme in ("light", "dark")
    }
    problems = [
        f"{r['path']} ({r['scheme']}): {v['id']}: {v['help']} {v['nodes'][:3]}"
        for r in results
        for v in r["violations"]
    ]
    assert not problems, "\n".join(problems)
    # Responsive from 320 px: nothing makes the page scroll sideways.
    assert [(r["path"], r["overflow"]) for r in results if r["overflow"] > 0] == []


def test_axe_harness_reports_a_broken_page(node, tmp_path):
    (tmp_path / "broken.html").write_text(BROKEN_PAGE)
    [light, dark] = axe(node, tmp_path, ["/broken.html"])
    found = {v["id"] for v in light["violations"]}
    assert {"color-contrast", "image-alt", "html-has-lang"} <= found
    assert dark["scheme"] == "dark"
    assert light["overflow"] > 0


def test_nu_html_checker_finds_no_error_on_any_page(sample_site, published_site, tmp_path):
    # The development build has every theme feature; the published one adds
    # the share cards (Open Graph, JSON-LD), which need absolute URLs.
    java = require("java", "apt-get install default-jre-headless (Java 17+)")
    vnu = require(str(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"), NPM_HINT)
    broken = tmp_path / "broken.html"
    broken.write_text(BROKEN_PAGE)
    out = subprocess.run(
        [
            java,
            "-jar",
            vnu,
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            "--exit-zero-always",
            str(sample_site),
            str(published_site),
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(out.stderr or out.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    # The checker works (it flags the broken page) and finds nothing in the site.
    assert any(m["url"].endswith("broken.html") for m in errors)
    site_errors = [
        f"{m['url']}:{m.get('lastLine')}: {m['message']}"
        for m in errors
        if not m["url"].endswith("broken.html")
    ]
    assert not site_errors, "\n".join(site_errors)
    checked = len(list(sample_site.rglob("*.html")))
    assert checked > 15


def browse(node, directory, script, *args):
    with serve(directory) as base:
        out = run([node, str(ROOT / "scripts" / "browser" / script), base, *args])
    return json.loads(out)


def test_search_finds_the_march_3_post_with_the_keyboard(node, sample_site):
    shown = browse(node, sample_site, "search.mjs", "/search/", "glitzy")
    assert shown["focused"], "Tab never reached the search field"
    assert shown["errors"] == []
    assert shown["status"] == "1 result for “glitzy”."
    [hit] = shown["results"]
    assert hit["title"] == "What I am learning from hiring managers"
    assert hit["href"].endswith(MARCH_3)
    assert (hit["date"], hit["datetime"]) == ("Sunday, March 3, 2013", "2013-03-03T00:00:00+00:00")
    assert "Nothing too glitzy, not Global Marketing Managers" in hit["excerpt"]
    assert [m.strip(",") for m in hit["marks"]] == ["glitzy"]
    # The query is in the address, so a search can be shared or bookmarked.
    assert shown["url"].endswith("/search/?q=glitzy")
    assert [s.rsplit("/", 2)[-2:] for s in shown["scripts"]] == [["js", "search.js"]]


def test_search_merges_every_part_of_the_index(node, tmp_path):
    # A part a year: 2014 (with the About page) first, then 2013; the search
    # page merges them, so one search finds what each holds.
    content = sample_content(tmp_path)
    (content / "posts" / "later.md").write_text(
        "Title: Marketing again\nDate: 2014-02-01\n\nMarketing notes, a year on.\n"
    )
    site = tmp_path / "site"
    build(content, site, "-e", 'SEARCH_INDEX={"PAGES_PER_PART": 1}')
    assert json.loads((site / "pagefind" / "parts.json").read_text()) == ["2014/", "2013/"]
    shown = browse(node, site, "search.mjs", "/search/", "marketing")
    assert shown["errors"] == []
    found = {hit["href"].split("/", 3)[-1] for hit in shown["results"]}
    assert found == {"about/", MARCH_3.lstrip("/"), "2014/02/marketing-again.html"}, found


def test_search_without_a_match_says_so_and_offers_the_archive(node, sample_site):
    shown = browse(node, sample_site, "search.mjs", "/search/", "zebra")
    assert shown["results"] == [] and shown["errors"] == []
    assert shown["status"].startswith("Nothing found for “zebra”.")
    assert "Every post is listed in the archive." in shown["status"]


# What a reader sees of the theme details, as JavaScript expressions (probe.mjs).
CODE_BLOCKS = """[...document.querySelectorAll("pre")].map((pre) => ({
    whiteSpace: getComputedStyle(pre).whiteSpace,
    scrolls: pre.scrollWidth > pre.clientWidth,
    tabIndex: pre.tabIndex,
}))"""
SPACE_AFTER_TABLE = """(() => {
    const table = document.querySelector("table");
    const next = table.nextElementSibling.getBoundingClientRect();
    return next.top - table.getBoundingClientRect().bottom;
})()"""
SUBSCRIBE_AND_FOOTER = """[".feed", "footer.site p"].map((selector) => {
    const style = getComputedStyle(document.querySelector(selector));
    return [style.fontFamily, style.fontSize, style.color];
})"""
HEADING_LINK_ON_FOCUS = """(async () => {
    const link = document.querySelector("h2 .headerlink");
    const before = getComputedStyle(link).opacity;
    while (document.activeElement !== link) await press("Tab");
    return [before, getComputedStyle(link).opacity, link.getAttribute("href")];
})()"""


def test_code_scrolls_headings_link_and_lines_match_at_375_px(node, sample_site):
    pre, table, feed, heading = browse(
        node, sample_site, "probe.mjs", "375",
        SAMPLE, CODE_BLOCKS,
        SAMPLE, SPACE_AFTER_TABLE,
        "/tag/interviews/", SUBSCRIBE_AND_FOOTER,
        SAMPLE, HEADING_LINK_ON_FOCUS,
    )  # fmt: skip
    # Code keeps its lines (indentation stays true) and scrolls, by keyboard too.
    assert {p["whiteSpace"] for p in pre} == {"pre"}
    assert any(p["scrolls"] for p in pre) and {p["tabIndex"] for p in pre} == {0}
    assert table >= 16, "no space between the table and the next paragraph"
    assert feed[0] == feed[1], "the tag page's Subscribe line differs from the footer's"
    # The self link is hidden until the keyboard reaches it.
    assert heading == ["0", "1", "#before-the-panel-interview"]
