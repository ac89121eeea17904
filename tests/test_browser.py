"""Checks with tools from outside PyPI: the Nu HTML Checker and axe-core in Chromium.

They need Java, Debian's chromium and `npm ci` (for vnu-jar, playwright-core
and axe-core); .ci/run installs them. Without them these tests skip, saying
what to install, except in CI, where they fail.
"""

import json
import subprocess

import pytest

from scripts.site_server import serve
from tests.conftest import ROOT
from tests.tools import require

NODE_MODULES = ROOT / "node_modules"
NPM_HINT = "run `npm ci` in the project folder (Node 20+)"
# The pages the issue names: index, a post (with code), archive, a tag page, and
# the 404 page as a host serves it at a missing address.
AXE_PAGES = ["/", "/2013/04/theme-sample.html", "/archives/", "/tag/interviews/", "/no/such/page"]
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


def test_nu_html_checker_finds_no_error_on_any_page(sample_site, tmp_path):
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
