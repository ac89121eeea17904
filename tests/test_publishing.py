"""Publishing: what publishconf.py adds to the built site."""

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path

import brotli
from bs4 import BeautifulSoup

import publishconf

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_every_page_with_absolute_urls(published_site):
    root = ET.parse(published_site / "sitemap.xml").getroot()
    locations = [url.find(f"{SITEMAP}loc").text for url in root.findall(f"{SITEMAP}url")]
    pages = [p.relative_to(published_site).as_posix() for p in published_site.rglob("*.html")]
    expected = {
        f"{publishconf.SITEURL}/{page.removesuffix('index.html')}"
        for page in pages
        if not page.startswith("drafts/")
    }
    assert len(locations) == len(set(locations))
    assert set(locations) == expected
    assert f"{publishconf.SITEURL}/2013/03/two-interviews-this-week.html" in expected


def test_robots_txt_names_the_sitemap(published_site):
    robots = (published_site / "robots.txt").read_text().splitlines()
    assert f"Sitemap: {publishconf.SITEURL}/sitemap.xml" in robots
    assert "User-agent: *" in robots


def test_pages_carry_absolute_canonical_links(published_site):
    for page, url in [
        ("index.html", "/"),
        ("2013/03/two-interviews-this-week.html", "/2013/03/two-interviews-this-week.html"),
        ("tag/interviews/index.html", "/tag/interviews/"),
    ]:
        html = BeautifulSoup((published_site / page).read_text(encoding="utf-8"), "html.parser")
        assert html.find("link", rel="canonical")["href"] == publishconf.SITEURL + url
        for link in html.find_all("a", href=True):
            assert link["href"].startswith(("http://", "https://", "#", "mailto:")), link


def test_text_files_have_gzip_and_brotli_copies(published_site):
    texts = [
        p
        for p in published_site.rglob("*")
        if p.suffix in (".html", ".xml", ".css", ".txt") and p.stat().st_size > 1000
    ]
    assert any(p.name == "all.atom.xml" for p in texts)
    for path in texts:
        original = path.read_bytes()
        assert gzip.decompress(Path(f"{path}.gz").read_bytes()) == original, path
        assert brotli.decompress(Path(f"{path}.br").read_bytes()) == original, path
