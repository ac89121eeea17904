"""Unit tests of the checks on metadata values, the render-time estimate, the
reserved paths and the cache key; the builds that use them are tested in
tests/test_hostile_input.py and tests/test_content_cache.py."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican.settings import DEFAULT_CONFIG

from content_guard import addresses, budgets, cache_key, dates, reserved
from content_guard.settings import read_settings

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "value",
    [
        "2013-06-01",
        "2013-06-01 10:00",
        "2013-06-01 10:00:30",
        "2013-06-01 10:00 +02:00",
        "2013-06-01 10:00:30-0500",
        "2013-06-01 10:00Z",
        "2013-06-01T10:00",
        "2013-06-01T10:00:00.250+02:00",
        "2013-06-01T10:00:00,5-08",
        "  2013-06-01  ",
    ],
)
def test_full_dates_are_accepted(value):
    assert dates.problem(value) is None


@pytest.mark.parametrize(
    "value, reason",
    [
        ("2013", "is incomplete"),
        ("2013-06", "is incomplete"),
        ("December 25", "is incomplete"),
        ("15", "is incomplete"),
        ("2013-06-01 10", "is incomplete"),
        ("2013-6-1", "is incomplete"),
        ("20130601", "is incomplete"),
        ("01/02/2013", "is ambiguous"),
        ("1.2.2013", "is ambiguous"),
        ("01-02-13", "is ambiguous"),
        ("2013-06-01 10:00 PST", "names a time zone (PST)"),
        ("2013-06-01T10:00 Europe/Paris", "names a time zone (Europe/Paris)"),
        ("2013-02-30", "is not a real date or time (day is out of range for month)"),
        ("2013-06-01 24:00", "is not a real date or time"),
        ("2013-06-01 10:00 +24:00", "has an offset beyond 23:59"),
        ("the ides of March", "is not a valid date"),
        ("", "is not a valid date"),
    ],
)
def test_other_dates_are_refused_saying_why(value, reason):
    problem = dates.problem(value)
    assert problem is not None and problem.startswith(reason), problem


SETTINGS = {"SLUG_REGEX_SUBSTITUTIONS": DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]}


@pytest.mark.parametrize("slug", ["two-interviews", "a_b", "v1.2", "X", "2013"])
def test_plain_slugs_are_accepted(slug):
    assert addresses.problem("slug", slug, SETTINGS) is None


@pytest.mark.parametrize(
    "slug, fix",
    [
        ('x" onmouseover="alert(1)', "use Slug: x-onmouseoveralert1"),
        ("why?", "use Slug: why"),
        ("c#", "use Slug: c"),
        ("R&D", "use Slug: rd"),
        ("two words", "use Slug: two-words"),
        ("café", "use Slug: cafe"),
        ("a/b", "use Slug: ab"),
        (".hidden", "use Slug: hidden"),
        ("..", "spell it with letters or digits"),
    ],
)
def test_other_slugs_are_refused_with_a_suggestion(slug, fix):
    assert addresses.problem("slug", slug, SETTINGS).endswith(fix)


@pytest.mark.parametrize(
    "name, value",
    [
        ("url", ""),
        ("url", "about/"),
        ("url", "2013/03/my-post.html"),
        ("save_as", "2013/03/my-post.html"),
        ("save_as", ""),
    ],
)
def test_plain_paths_are_accepted(name, value):
    assert addresses.problem(name, value, SETTINGS) is None


@pytest.mark.parametrize(
    "name, value, reason",
    [
        ("url", "javascript:alert(1)", "is an address elsewhere (javascript:)"),
        ("url", "https://evil.example/", "is an address elsewhere (https:)"),
        ("url", "//evil.example/x", "is an address elsewhere (//evil.example)"),
        ("url", "/about/", "starts with '/'"),
        ("url", "a/../../b", "is not a plain path under the site"),
        ("url", "a b.html", "is not a plain path under the site"),
        ("url", "x.html?a=1", "is not a plain path under the site"),
        ("save_as", "about/", "is not a plain path under the site"),
        ("save_as", "../outside.html", "is not a plain path under the site"),
    ],
)
def test_other_paths_are_refused_saying_why(name, value, reason):
    assert addresses.problem(name, value, SETTINGS).startswith(reason)


def test_render_estimate_is_high_for_quadratic_inputs_and_tiny_for_posts():
    assert budgets.estimate("[" * 20_000)[0] > 10
    assert budgets.estimate("*a" * 200_000)[0] > 10
    assert budgets.estimate("<a" * 100_000)[0] > 10
    for post in (ROOT / "content" / "posts").glob("*.md"):
        assert budgets.estimate(post.read_text(encoding="utf-8"))[0] < 0.01, post
    # Matched brackets are cheap, even many in one long paragraph.
    assert budgets.estimate("See [the offer](offer.html) and [a note][1]. " * 2000)[0] < 1
    links = "\n\n".join(
        "See [the offer](offer.html) and [the team](team.html). " * 20 for _ in range(50)
    )
    assert budgets.estimate(links)[0] < 0.1


def test_bracket_reach_follows_nesting_to_the_matching_bracket():
    assert budgets.bracket_reach("[a] [b]") == 4
    assert budgets.bracket_reach("[a [b] c]") == 8 + 2
    assert budgets.bracket_reach("[[[") == 3 + 2 + 1
    assert budgets.bracket_reach("] no opening") == 0


def test_render_estimate_names_the_slowest_paragraph_and_skips_code():
    text = "Title: x\n\nA short one.\n\n" + "[" * 5000 + "\n\nAnother.\n"
    seconds, line = budgets.estimate(text)
    assert line == 5 and seconds > 1
    fenced = "Text.\n\n```\n" + "[" * 50_000 + "\n```\n"
    indented = "Text.\n\n    " + "[" * 50_000 + "\n"
    assert budgets.estimate(fenced)[0] < 0.001
    assert budgets.estimate(indented)[0] < 0.001


def content(source, save_as, url=None):
    metadata = {"url": url} if url is not None else {}
    return SimpleNamespace(
        relative_source_path=source, source_path=source, save_as=save_as, metadata=metadata
    )


def test_clashes_name_the_source_and_the_file_it_would_replace():
    taken = {"feeds/all.atom.xml": "the feed FEED_ALL_ATOM", "robots.txt": "robots"}
    site = {"archives/index.html": "the site's archives page"}
    posts = [
        content("posts/a.md", "feeds/all.atom.xml"),
        content("posts/b.md", "2013/06/b.html", url="archives/"),
        content("posts/c.md", "pagefind/x.html"),
        content("posts/d.md", "about/index.html", url="about/"),  # its own file
        content("posts/e.md", "2013/06/e.html"),
    ]
    messages = reserved.find_clashes(posts, taken, site, prefixes=["pagefind/"])
    assert messages == [
        "posts/a.md would be written to feeds/all.atom.xml, which is the feed FEED_ALL_ATOM; "
        "give it another Slug: (or Save_as:)",
        "posts/b.md has URL: archives/, which opens archives/index.html, the site's archives "
        "page; remove the URL: line or point it to the post's own file",
        "posts/c.md would be written to pagefind/x.html, which is inside pagefind/, which a "
        "plugin or the host writes (RESERVED_PATHS); give it another Slug: (or Save_as:)",
    ]


def test_theme_paths_are_where_pelican_copies_the_theme():
    settings = {"THEME": str(ROOT / "theme"), "THEME_STATIC_DIR": "theme"}
    paths = reserved.theme_paths({**settings, "THEME_STATIC_PATHS": ["static"]})
    assert "theme/css/site.css" in paths and "theme/favicon.svg" in paths


def test_the_cache_key_follows_every_content_guard_setting():
    default = cache_key.fingerprint(read_settings({}))
    assert default == cache_key.fingerprint(read_settings({}))
    for change in ({"MAX_BYTES": 1000}, {"MAX_RENDER_SECONDS": 2}, {"MAX_NESTING": 9}):
        assert cache_key.fingerprint(read_settings({"CONTENT_GUARD": change})) != default
