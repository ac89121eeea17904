"""What a writer types in Markdown and sees on the post: heading ids and
links, [TOC], strikethrough, task lists, bare URLs, and quotes kept as typed
unless TYPOGRAPHIC_QUOTES is on."""

import shutil

from tests.conftest import ROOT, SAMPLE_POST, run_pelican, soup

SAMPLE = "2013/04/theme-sample.html"
HEADINGS = {
    "h2": "before-the-panel-interview",
    "h3": "questions-to-ask",
    "h4": "a-long-line-of-code",
}


def body(site):
    return soup(site / SAMPLE).find("article")


def test_h2_to_h4_get_stable_ids_self_links_and_a_table_of_contents(sample_site):
    article = body(sample_site)
    for level, slug in HEADINGS.items():
        heading = article.find(level, id=slug)
        assert heading is not None, f"no <{level} id={slug}>"
        link = heading.find("a", class_="headerlink")
        assert link["href"] == f"#{slug}" and link["title"] == "Link to this section"
    assert article.find("h1").get("id") is None, "the title gets no self link"
    toc = article.find("div", class_="toc")
    assert [a["href"] for a in toc.find_all("a")] == [f"#{s}" for s in HEADINGS.values()]
    assert "[TOC]" not in article.get_text()


def test_strikethrough_task_lists_and_bare_urls(sample_site):
    article = body(sample_site)
    assert article.find("del").get_text() == "Memorise the org chart."
    tasks = article.find("ul", class_="task-list").find_all("li")
    boxes = [(li.input.get("checked") is not None, li.input["aria-label"]) for li in tasks]
    assert boxes == [(True, "done"), (False, "to do")]
    assert all(li.input.has_attr("disabled") for li in tasks)
    assert [li.get_text(strip=True) for li in tasks] == [
        "Send the thank-you notes",
        "Follow up with the recruiter on Friday",
    ]
    link = article.find("a", string="https://example.org/panel-tips")
    assert link is not None and link["href"] == "https://example.org/panel-tips"


def test_quotes_and_dashes_stay_as_typed_by_default(sample_site):
    text = body(sample_site).get_text()
    assert "Bring \"real\" numbers, not 'rounded' ones -- and" in text


def test_typographic_quotes_setting_turns_them_curly(tmp_path):
    # pelicanconf.py itself, with the one setting switched on.
    source = (ROOT / "pelicanconf.py").read_text(encoding="utf-8")
    assert "\nTYPOGRAPHIC_QUOTES = False\n" in source
    settings = tmp_path / "smartconf.py"
    settings.write_text(
        source.replace("\nTYPOGRAPHIC_QUOTES = False\n", "\nTYPOGRAPHIC_QUOTES = True\n")
        + f"\nTHEME = {str(ROOT / 'theme')!r}\nPLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\n",
        encoding="utf-8",
    )
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    shutil.copy(SAMPLE_POST, content / "posts")
    result = run_pelican(content, tmp_path / "output", settings)
    assert result.returncode == 0, result.stdout + result.stderr
    text = body(tmp_path / "output").get_text()
    assert "Bring “real” numbers, not ‘rounded’ ones – and" in text
