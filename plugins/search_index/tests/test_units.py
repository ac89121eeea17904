"""The plugin's parts on their own: settings, and Pagefind run on a tiny site."""

import tempfile
from pathlib import Path

import pytest

from search_index import index
from search_index.index import SearchIndexError, build_index
from search_index.plugin import parts_of
from search_index.settings import DEFAULTS, SettingsError, read_settings
from tests.conftest import search_index

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head>
<body><nav>Navigation words</nav>{body}<footer>Footer words</footer></body></html>"""


def test_defaults_and_overrides():
    settings = read_settings({})
    assert settings.enabled and settings.output_subdir == DEFAULTS["OUTPUT_SUBDIR"]
    assert settings.exclude_selectors == (".headerlink", ".toc")
    assert read_settings({"SEARCH_INDEX": None}) == settings
    changed = read_settings({"SEARCH_INDEX": {"ENABLED": False, "EXCLUDE_SELECTORS": []}})
    assert not changed.enabled and changed.exclude_selectors == ()
    listed = read_settings({"SEARCH_INDEX": {"EXCLUDE_SELECTORS": [".toc", "nav"]}})
    assert listed.exclude_selectors == (".toc", "nav")


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"ENABLED": "yes"}, "Expected `bool`, got `str` - at `$.ENABLED`"),
        ({"ENABLED": 1}, "Expected `bool`, got `int` - at `$.ENABLED`"),  # 1 is not True
        ({"OUTPUT_SUBDIR": "../up"}, "matching regex '^[A-Za-z0-9_-]+$' - at `$.OUTPUT_SUBDIR`"),
        ({"OUTPUT_SUBDIR": ""}, "matching regex '^[A-Za-z0-9_-]+$' - at `$.OUTPUT_SUBDIR`"),
        # a string is not a list of selectors
        ({"EXCLUDE_SELECTORS": ".toc"}, "Expected `array`, got `str` - at `$.EXCLUDE_SELECTORS`"),
        ({"EXCLUDE_SELECTORS": [""]}, "matching regex '\\\\S' - at `$.EXCLUDE_SELECTORS[0]`"),
        ({"EXCLUDE_SELECTORS": [".toc", 3]}, "got `int` - at `$.EXCLUDE_SELECTORS[1]`"),
        ({"ENABLE": True}, "Object contains unknown field `ENABLE`"),
        (["ENABLED"], "Expected `object`, got `array`"),
    ],
)
def test_a_bad_key_or_value_is_named(given, said):
    with pytest.raises(SettingsError) as raised:
        read_settings({"SEARCH_INDEX": given})
    assert str(raised.value).startswith("SEARCH_INDEX: ") and said in str(raised.value)


def test_only_the_listed_pages_marked_bodies_are_indexed(tmp_path):
    (tmp_path / "post.html").write_text(
        PAGE.format(
            title="A post",
            body="<article data-pagefind-body><h1>Panel day</h1><p>Quokka facts.</p>"
            '<h2 id="s">Section<a class="headerlink" href="#s">#</a></h2>'
            '<div class="toc">Tocword</div><p data-pagefind-ignore>Ignored words</p></article>',
        )
    )
    (tmp_path / "archive.html").write_text(PAGE.format(title="Archive", body="<p>Wombat list</p>"))
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "draft.html").write_text(
        PAGE.format(title="Draft", body="<article data-pagefind-body>Numbat notes</article>")
    )
    old = tmp_path / "pagefind" / "fragment" / "stale.pf_fragment"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"from an earlier build")
    built = build_index(tmp_path, read_settings({}), ["post.html", "archive.html"])
    assert built.pages == 2 and built.files > 0 and built.bytes > 0 and built.seconds > 0
    assert not old.exists(), "an earlier build's index file survived"
    [(url, fragment)] = search_index(tmp_path).items()
    assert url == "/post.html"
    assert fragment["meta"]["title"] == "Panel day"
    assert "Quokka facts." in fragment["content"]
    for absent in ["Navigation", "Footer", "Tocword", "#", "Ignored", "Wombat", "Numbat"]:
        assert absent not in fragment["content"]


def test_a_failing_pagefind_raises_with_its_message(tmp_path, monkeypatch):
    (tmp_path / "post.html").write_text(PAGE.format(title="A", body="<p>Text</p>"))
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(SearchIndexError, match=r"Pagefind failed on .* \(exit 1\)"):
        build_index(tmp_path, read_settings({}), ["post.html"])
    assert not (tmp_path / "pagefind").exists()


def test_pages_are_staged_beside_the_site_or_else_in_the_temp_folder(tmp_path, monkeypatch):
    site = tmp_path / "output"
    with index.staging_folder(site) as folder:
        assert Path(folder).parent == tmp_path, "beside the site, to link pages"
    real = tempfile.TemporaryDirectory

    def unwritable_beside(*args, dir=None, **kwargs):  # noqa: A002 - tempfile's name
        if dir is not None:
            raise PermissionError(13, "Permission denied", str(dir))
        return real(*args, **kwargs)

    monkeypatch.setattr(index.tempfile, "TemporaryDirectory", unwritable_beside)
    with index.staging_folder(site) as folder:
        assert Path(folder).parent == Path(tempfile.gettempdir())


def test_parts_are_runs_of_whole_years_newest_first_with_the_pages():
    by_year = {"2013": ["a"] * 3, "2014": ["b"] * 2, "2015": ["c"] * 5, "2016": ["d"]}
    parts = parts_of({**by_year, "pages": ["about/"]}, 5)
    assert parts == {"2016": ["d", "about/"], "2015": ["c"] * 5, "2013-2014": ["a"] * 3 + ["b"] * 2}
    # New posts change the newest part only: the older parts' kept indexes still fit.
    grown = parts_of({**by_year, "2016": ["d"] * 4}, 5)
    assert {k: v for k, v in grown.items() if k != "2016"} == {
        "2015": ["c"] * 5, "2013-2014": ["a"] * 3 + ["b"] * 2,
    }  # fmt: skip
    assert list(parts_of(by_year, 1000)) == ["2013-2016"], "a diary is one part"
    assert parts_of({"pages": ["about/"]}, 5) == {"pages": ["about/"]}
