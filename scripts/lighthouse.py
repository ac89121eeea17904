"""Lighthouse scores (mobile preset) of the index, a post, the archive and the
search page showing results.

A benchmark, not a test: the performance score moves from run to run. Needs
`npm install` (lighthouse is a devDependency) and Debian's chromium.
Run: make lighthouse
"""

import json
import os
import subprocess
import sys

from scripts.browser_flags import CHROMIUM, CHROMIUM_FLAGS
from scripts.built_site import PAGES, ROOT, built_and_served, need

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def scores(url):
    """{category: score 0-100} for one page, plus its transfer size in bytes."""
    command = [
        need(ROOT / "node_modules" / ".bin" / "lighthouse", "run `npm install` (Node 20+)"),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(CHROMIUM_FLAGS),
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    if result.returncode:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    figures = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    figures["bytes"] = report["audits"]["total-byte-weight"]["numericValue"]
    failing = [
        audit
        for c in CATEGORIES[1:]
        for ref in report["categories"][c]["auditRefs"]
        if ref["weight"] and (audit := report["audits"][ref["id"]])["score"] not in (None, 1)
    ]
    return figures, [f"{a['id']}: {a['title']}" for a in failing]


def main():
    need(CHROMIUM, "apt-get install chromium")
    print("Lighthouse", "mobile preset:", " / ".join(CATEGORIES), "(transfer bytes)")
    with built_and_served() as base:
        for name, path in PAGES.items():
            figures, failing = scores(base + path)
            line = "/".join(str(figures[c]) for c in CATEGORIES)
            print(f"{name:<8} {line}  ({figures['bytes']:.0f} B)  {path}")
            for audit in failing:
                print(f"         failing: {audit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
