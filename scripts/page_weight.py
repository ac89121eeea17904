"""How much each built page weighs over the wire: its HTML plus its CSS, gzipped.

14 KB is what the first TCP round trip carries (10 segments of ~1.4 KB), so a
page within it paints after one round trip. tests/test_theme.py holds every
page to it; `make pageweight` builds the site and prints the figure per page,
and what the search page's script loads besides (not in the budget: it is
needed only once the reader searches).
"""

import gzip
import json
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

BUDGET = 14 * 1024
ROOT = Path(__file__).resolve().parent.parent


class _Stylesheets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.hrefs.append(attrs["href"])


def gzipped_size(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def stylesheets(page, site):
    """The local CSS files a page links (relative or root-relative hrefs)."""
    parser = _Stylesheets()
    parser.feed(page.read_text(encoding="utf-8"))
    files = []
    for href in parser.hrefs:
        path = urlsplit(href).path
        base = site if path.startswith("/") else page.parent
        files.append((base / path.lstrip("/")).resolve())
    return files


def weigh(site):
    """[(page, html_gz, css_gz)] for every HTML page of a built site."""
    site = Path(site)
    rows = []
    for page in sorted(site.rglob("*.html")):
        css = sum(gzipped_size(f.read_bytes()) for f in stylesheets(page, site))
        rows.append((page.relative_to(site).as_posix(), gzipped_size(page.read_bytes()), css))
    return rows


def search_script(site, bundle="pagefind"):
    """[(what, bytes over the wire)] of the search page's script and what it loads.

    JavaScript and JSON are measured gzipped; Pagefind's own index files
    (.pagefind, .pf_*) are stored compressed and measured as they are.
    """
    site = Path(site)
    folder = site / bundle

    def wire(path):
        data = path.read_bytes()
        return gzipped_size(data) if path.suffix in (".js", ".json") else len(data)

    # The index is in parts (parts.json): Pagefind comes from the first, and
    # each part brings its own WebAssembly and metadata.
    parts = [folder / part for part in json.loads((folder / "parts.json").read_text())]
    first = [folder / "parts.json", parts[0] / "pagefind.js"]
    for part in parts:
        entry = part / "pagefind-entry.json"
        first.append(entry)
        for language in json.loads(entry.read_text(encoding="utf-8"))["languages"].values():
            first += [
                part / f"wasm.{language['wasm']}.pagefind",
                part / f"pagefind.{language['hash']}.pf_meta",
            ]
    index = [p for p in folder.rglob("*.pf_*") if p.is_file()]
    return [
        ("search.js, with the page", wire(site / "theme" / "js" / "search.js")),
        (
            "Pagefind, its WebAssembly and index metadata, on the first search",
            sum(map(wire, first)),
        ),
        (f"whole index ({len(index)} files), of which a search loads a few", sum(map(wire, index))),
    ]


def page_type(path):
    """A name for the kind of page at `path`, for the printed table."""
    parts = path.split("/")
    if path == "index.html" or parts[0] == "page":
        return "index"
    if parts[0] in ("tag", "category", "author", "archives", "tags", "categories", "authors"):
        return parts[0]
    if parts[0].isdigit():
        if parts[-1] != "index.html":
            return "post"
        return "year" if len(parts) == 2 else "month"
    return parts[0].removesuffix(".html")


def main():
    sys.path.insert(0, str(ROOT))
    from tests.conftest import run_pelican  # noqa: PLC0415 - only for this command

    with tempfile.TemporaryDirectory() as output:
        result = run_pelican(ROOT / "content", output)
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            return 1
        heaviest = {}
        for path, html, css in weigh(output):
            kind = page_type(path)
            if kind not in heaviest or html + css > sum(heaviest[kind][1:]):
                heaviest[kind] = (path, html, css)
        script = search_script(output)
    print(f"Heaviest page of each type, gzip -9 (budget {BUDGET} bytes = 14 KB):")
    print(f"{'type':<11}{'HTML':>7}{'CSS':>7}{'total':>8}  page")
    for kind, (path, html, css) in sorted(heaviest.items()):
        print(f"{kind:<11}{html:>7}{css:>7}{html + css:>8}  {path}")
    print("Search page script, not in the budget (bytes over the wire):")
    for what, size in script:
        print(f"{size:>9}  {what}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
