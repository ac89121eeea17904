"""The theme's pages: what each shows, titles as text, weight, code colours."""

import math
import re

import feedparser
from pygments.styles import get_style_by_name

from scripts import code_css, page_weight
from tests.conftest import run_pelican, soup

SAMPLE = "2013/04/theme-sample.html"
SAMPLE_TITLE = 'Salary < offer & <b>perks</b> "quoted"'
OLDER = "2013/03/two-interviews-this-week.html"


def pages(site):
    return sorted(site.rglob("*.html"))


def test_title_with_markup_characters_is_text_everywhere(sample_site):
    shown_on = set()
    for path in pages(sample_site):
        page = soup(path)
        assert page.find("b") is None, f"{path}: the title's <b> became markup"
        for link in page.find_all("a", href=re.compile(r"theme-sample\.html$")):
            text = link.get_text()
            if "Read on" not in text:
                assert text.replace("Newer post ", "").strip() == SAMPLE_TITLE, path
                shown_on.add(path.relative_to(sample_site).as_posix())
    # Listed on the index, archive, period, tag, category and author pages, and
    # as the neighbour of the post before it.
    assert {
        "index.html",
        "archives/index.html",
        "2013/index.html",
        "2013/04/index.html",
        "tag/interviews/index.html",
        "category/job-search/index.html",
        "author/the-diarist/index.html",
        OLDER,
    } <= shown_on
    post = soup(sample_site / SAMPLE)
    assert post.find("h1").get_text() == SAMPLE_TITLE
    assert post.title.get_text() == f"{SAMPLE_TITLE} · Job Search Diary"
    feed = feedparser.parse((sample_site / "feeds" / "all.atom.xml").read_bytes())
    assert feed.entries[0].title == SAMPLE_TITLE


def test_every_page_has_landmarks_skip_link_feed_and_favicon(sample_site):
    for path in pages(sample_site):
        page = soup(path)
        for landmark in ["header", "nav", "main", "footer"]:
            assert page.find(landmark) is not None, f"{path}: no <{landmark}>"
        skip = page.find("a", class_="skip")
        assert skip is not None and page.find(id=skip["href"][1:]).name == "main", path
        assert page.find("link", rel="alternate", type="application/atom+xml"), path
        icon = page.find("link", rel="icon")["href"]
        base = sample_site if icon.startswith("/") else path.parent
        assert (base / icon.lstrip("/")).resolve().is_file(), path
        scripts = [s for s in page.find_all("script") if s.get("type") != "application/ld+json"]
        if path.relative_to(sample_site).as_posix() == "search/index.html":
            # The search page alone runs a script, its own module.
            assert [(s["type"], s["src"]) for s in scripts] == [("module", "../theme/js/search.js")]
        else:
            assert scripts == [], f"{path}: the theme needs no JavaScript"
        for tag in page.find_all(["link", "img", "iframe", "source"]):
            url = tag.get("href") or tag.get("src") or ""
            if tag.name != "link" or "alternate" not in tag.get("rel", []):
                assert not re.match(r"(https?:)?//", url), f"{path}: third-party {url}"


def test_post_page_shows_date_reading_time_tags_category_and_neighbours(sample_site):
    page = soup(sample_site / OLDER)
    article = page.find("article")
    time = article.find("time")
    assert time.get_text() == "Friday, March 8, 2013"
    body = " ".join(p.get_text(" ") for p in article.find_all("p", recursive=False)[1:])
    minutes = math.ceil(len(re.findall(r"\w+", body)) / 200)
    assert f"{minutes} min read" in article.find("p", class_="meta").get_text()
    assert minutes > 1
    assert article.find("a", href=re.compile(r"category/job-search/$")) is not None
    tags = [a.get_text() for a in article.select(".tags a")]
    assert tags == ["interviews", "hiring managers"]
    nav = page.find("nav", class_="post-nav")
    newer, older = nav.find("a", class_="newer"), nav.find("a", class_="older")
    assert newer["href"].endswith("theme-sample.html") and "Newer post" in newer.get_text()
    assert older["href"].endswith("what-i-am-learning-from-hiring-managers.html")


def test_index_pager_and_blogger_dates(sample_site):
    first = soup(sample_site / "index.html")
    dates = [t.get_text() for t in first.select("article .date-header time")]
    assert dates == ["Tuesday, April 2, 2013", "Friday, March 8, 2013"]
    older = first.find("a", string="Older posts")
    assert older is not None and first.find("a", string="Newer posts") is None
    second_path = sample_site / older["href"] / "index.html"
    second = soup(second_path)
    assert [h.get_text() for h in second.select("article h2")] == [
        "What I am learning from hiring managers"
    ]
    newer = second.find("a", string="Newer posts")
    assert (second_path.parent / newer["href"]).resolve() == (sample_site / "index.html").resolve()
    assert second.title.get_text().endswith(", page 2")


def test_archive_and_period_pages_count_posts_newest_first(sample_site):
    archive = soup(sample_site / "archives" / "index.html")
    year = archive.find("h2")
    assert year.get_text(" ", strip=True) == "2013 (3)"
    months = [h.get_text(" ", strip=True) for h in archive.find_all("h3")]
    assert months == ["April (1)", "March (2)"]
    month = soup(sample_site / "2013" / "03" / "index.html")
    assert month.find("h1").get_text(" ", strip=True) == "Posts from March 2013 (2)"
    year_page = soup(sample_site / "2013" / "index.html")
    assert [h.get_text(" ", strip=True) for h in year_page.find_all("h2")] == months


def test_navigation_marks_the_current_page(sample_site):
    for path, current in [
        ("index.html", "Home"),
        ("archives/index.html", "Archive"),
        ("tags/index.html", "Tags"),
        ("about/index.html", "About"),
        ("search/index.html", "Search"),
        (OLDER, None),
    ]:
        nav = soup(sample_site / path).find("nav", attrs={"aria-label": "Site"})
        marked = [a.get_text() for a in nav.find_all("a", attrs={"aria-current": "page"})]
        assert marked == ([current] if current else []), path


def test_about_and_404_pages(sample_site):
    about = soup(sample_site / "about" / "index.html")
    assert "job search in product management and marketing" in about.find("main").get_text()
    missing = soup(sample_site / "404.html")
    assert missing.find("h1").get_text() == "Page not found"
    assert missing.find("main").find("a", href=re.compile(r"archives/$")) is not None
    # Served at any missing address, at any depth: no link may be relative.
    for tag in missing.find_all(["a", "link"], href=True):
        assert re.match(r"(/|#|https?://)", tag["href"]), tag


def test_every_page_with_its_css_fits_the_first_round_trip(sample_site):
    rows = page_weight.weigh(sample_site)
    assert len(rows) == len(pages(sample_site))
    post = next(row for row in rows if row[0] == SAMPLE)
    assert post[2] > next(row for row in rows if row[0] == OLDER)[2], "code.css not counted"
    too_big = [(path, html + css) for path, html, css in rows if html + css > page_weight.BUDGET]
    assert not too_big


def contrast(foreground, background):
    def luminance(colour):
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted([luminance(foreground), luminance(background)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def expand(colour):
    colour = colour.lstrip("#")
    return "#" + ("".join(c * 2 for c in colour) if len(colour) == 3 else colour)


def test_code_colours_pass_contrast_and_css_is_generated(sample_site):
    committed = code_css.TARGET.read_text(encoding="utf-8")
    assert committed == code_css.css(), "run: .venv/bin/python -m scripts.code_css"
    for name in (code_css.LIGHT_STYLE, code_css.DARK_STYLE):
        style = get_style_by_name(name)
        for token, rule in style:
            if rule["color"]:
                background = expand(rule["bgcolor"] or style.background_color)
                ratio = contrast(expand(rule["color"]), background)
                assert ratio >= 4.5, f"{name} {token}: {ratio:.2f}"
    post = soup(sample_site / SAMPLE)
    assert post.find("div", class_="highlight") is not None
    assert post.find("link", href=re.compile(r"code\.css$")) is not None
    assert soup(sample_site / OLDER).find("link", href=re.compile(r"code\.css$")) is None


def test_search_page_without_javascript_says_so_and_links_the_archive(sample_site):
    page = soup(sample_site / "search" / "index.html")
    form = page.find("form", role="search")
    # The form works only with the script, which unhides it.
    assert form.has_attr("hidden") and form.find("input", type="search")["name"] == "q"
    fallback = page.find("p", class_="search-fallback")
    assert "needs JavaScript" in fallback.get_text()
    assert fallback.find("a")["href"] == "../archives/"
    # Linked from every page's navigation.
    for path in pages(sample_site):
        nav = soup(path).find("nav", attrs={"aria-label": "Site"})
        assert nav.find("a", string="Search") is not None, path


def test_search_script_is_measured_apart_from_the_budget(sample_site):
    sizes = dict(page_weight.search_script(sample_site))
    assert len(sizes) == 3 and all(size > 0 for size in sizes.values())
    script = sample_site / "theme" / "js" / "search.js"
    assert sizes["search.js, with the page"] == page_weight.gzipped_size(script.read_bytes())


def test_more_on_this_lists_up_to_three_posts_sharing_the_most_tags(tmp_path):
    tags = {"a": "x, y, z", "b": "x, y", "c": "x", "d": "y", "e": "z, y, x", "f": "w"}
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for day, (slug, post_tags) in enumerate(tags.items(), start=1):
        (content / "posts" / f"{slug}.md").write_text(
            f"Title: Post {slug}\nDate: 2013-05-{day:02d}\nTags: {post_tags}\n\nText of {slug}.\n"
        )
    result = run_pelican(content, tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    related = soup(tmp_path / "out" / "2013" / "05" / "post-a.html").find("aside", class_="related")
    titles = [a.get_text() for a in related.find_all("a")]
    assert related.find("h2").get_text() == "More on this"
    assert titles[:2] == ["Post e", "Post b"] and titles[2] in ("Post c", "Post d")
    assert len(titles) == 3
    lonely = soup(tmp_path / "out" / "2013" / "05" / "post-f.html")
    assert lonely.find("aside", class_="related") is None
