"""Screenshots of the index, a post, the archive and the search page with results,
at 375 and 1280 px, light and dark.

Writes PNGs to screenshots/ (ignored by git; or the folder given as argument)
with Debian's chromium through playwright-core. Run: make screenshots
"""

import subprocess
import sys
from pathlib import Path

from scripts.built_site import PAGES, ROOT, built_and_served, need


def main(argv):
    out = Path(argv[0] if argv else ROOT / "screenshots").resolve()
    out.mkdir(parents=True, exist_ok=True)
    script = ROOT / "scripts" / "browser" / "screenshots.mjs"
    node = need("node", "apt-get install nodejs (Node 20+)")
    need(ROOT / "node_modules" / "playwright-core", "run `npm ci` (Node 20+)")
    need("/usr/bin/chromium", "apt-get install chromium")
    with built_and_served() as base:
        specs = [f"{name}={path}" for name, path in PAGES.items()]
        return subprocess.run([node, str(script), base, str(out), *specs], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
