"""Unit tests of content_guard's pure parts and of its settings; the site-level
behaviour is tested in tests/test_bad_posts.py and tests/test_bad_input.py."""

import json
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

from content_guard.settings import DEFAULTS, read_settings
from content_guard.sources import line_of, nesting_depth, too_deep, without_forbidden

ROOT = Path(__file__).resolve().parents[3]


def test_defaults_are_documented_and_used():
    expected = {
        "MAX_NESTING": 50,
        "FUTURE_NOTE": "warning",
        "FAIL_ON": None,
        "MAX_BYTES": 2_000_000,
        "MAX_RENDER_SECONDS": 10,
        "RESERVED_PATHS": ("robots.txt", "sitemap.xml", "sitemap.txt", "pagefind/"),
        "COMPLETION_MARK": None,
        "KEY_TYPO": "warning",
        "METADATA_KEYS": (),
        "PUBLIC_SITEURL": False,
    }
    assert msgspec.to_builtins(read_settings({})) == DEFAULTS == expected
    assert read_settings({"CONTENT_GUARD": {"MAX_NESTING": 7}}).max_nesting == 7
    # A list where the default is a tuple, an int where a float may be: both as given.
    options = read_settings({"CONTENT_GUARD": {"METADATA_KEYS": ["id"], "MAX_BYTES": 10}})
    assert options.metadata_keys == ("id",) and options.max_bytes == 10


@pytest.mark.parametrize(
    ("key", "value", "reason"),
    [
        ("MAX_NESTING", 0, "Expected `int` >= 1"),
        ("MAX_NESTING", True, "got `bool`"),  # True is not a whole number
        ("MAX_NESTING", "50", "got `str`"),  # nor is a string of digits
        ("FUTURE_NOTE", "error", "Invalid enum value 'error'"),
        ("FAIL_ON", "info", "Invalid enum value 'info'"),
        ("KEY_TYPO", "info", "Invalid enum value 'info'"),
        ("MAX_BYTES", 0, "Expected `int` >= 1"),
        ("MAX_RENDER_SECONDS", "10", "got `str`"),
        ("RESERVED_PATHS", "robots.txt", "Expected `array`, got `str`"),  # not a list of paths
        ("RESERVED_PATHS[1]", ["robots.txt", ""], "Expected `str` of length >= 1"),
        ("COMPLETION_MARK", "a/b", "Expected `str` matching regex"),
        ("COMPLETION_MARK", "", "Expected `str` matching regex"),
        ("METADATA_KEYS", "id", "Expected `array`, got `str`"),
        ("PUBLIC_SITEURL", 1, "Expected `bool`, got `int`"),
    ],
)
def test_a_bad_value_is_named_with_its_key(key, value, reason):
    with pytest.raises(ValueError) as error:
        read_settings({"CONTENT_GUARD": {key.partition("[")[0]: value}})
    said = str(error.value)
    assert said.startswith("CONTENT_GUARD: ") and reason in said and f"at `$.{key}`" in said, said


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"MAX_DEPTH": 3}, "Object contains unknown field `MAX_DEPTH`"),
        (None, "Expected `object`, got `null`"),
    ],
)
def test_an_unknown_key_or_a_non_dict_is_named(given, said):
    with pytest.raises(ValueError) as error:
        read_settings({"CONTENT_GUARD": given})
    assert str(error.value) == f"CONTENT_GUARD: {said}"


@pytest.mark.parametrize(
    "line, depth",
    [
        ("plain text", 0),
        ("- item", 0),
        ("    - nested item", 1),
        ("\t\t- two tabs", 2),
        ("> quote", 1),
        ("> > > three quotes", 3),
        (">     - list in a quote", 2),
        ("   - three spaces is not an indent", 0),
    ],
)
def test_nesting_depth(line, depth):
    assert nesting_depth(line) == depth


def test_too_deep_names_the_first_line_past_the_limit():
    text = "Title: x\n\n" + "".join("    " * level + "- x\n" for level in range(8))
    assert too_deep(text, 5) == (9, 6)
    assert too_deep(text, 7) is None


def test_line_of_counts_from_one_in_text_and_bytes():
    assert line_of("a\nb\nc", 4) == 3
    assert line_of(b"a\nb", 0) == 1


def test_forbidden_characters_go_and_blank_ones_become_spaces():
    assert without_forbidden("a\x0bb\x00c\x91d\ufffee\tf\ng") == "a bcde\tf\ng"


def test_a_bad_setting_stops_the_build_in_one_plain_line(tmp_path):
    settings = tmp_path / "settings.py"
    settings.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"
        f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]\nTHEME = {str(ROOT / 'theme')!r}\n"
        "CONTENT_GUARD = {'FUTURE_NOTE': 'loud'}\n"
    )
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "a.md").write_text("Title: A\nDate: 2013-01-01\n\nA.\n")
    pelican = Path(sys.executable).with_name("pelican")
    result = subprocess.run(
        [str(pelican), str(content), "-o", str(tmp_path / "out"), "-s", str(settings)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"COLUMNS": "1000", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 1
    said = "CONTENT_GUARD: Invalid enum value 'loud' - at `$.FUTURE_NOTE` (in the settings file)"
    assert said in log
    assert "Traceback" not in log


@pytest.mark.parametrize(
    "key, expected",
    [
        ("Staus", "status"),
        ("Tittle", "title"),
        ("Tag", "tags"),
        ("Catgory", "category"),
        ("Sumary", "summary"),
        ("Modifed", "modified"),
        ("Company", None),
        ("Mood", None),
        ("Location", None),
        ("Tagline", None),
        ("Dedup", None),
        ("Id", None),
        ("Status", None),
    ],
)
def test_near_miss_keys_are_found_and_custom_keys_left_alone(key, expected):
    from content_guard.metadata import known_keys, likely_key

    known = known_keys({}, read_settings({"CONTENT_GUARD": {"METADATA_KEYS": ["dedup", "id"]}}))
    assert likely_key(key, known) == expected


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://diary.yourname.net", None),
        ("http://me.github.io/blog", None),
        ("https://jobsearchdiary.example.org", "is a placeholder"),
        ("https://EXAMPLE.com/", "is a placeholder"),
        ("https://blog.example.net", "is a placeholder"),
        ("http://127.0.0.1:8000", "is a placeholder"),
        ("diary.yourname.net", "did you mean SITE_URL=https://diary.yourname.net ?"),
        ("", "SITEURL is empty"),
    ],
)
def test_placeholder_and_schemeless_addresses_are_refused(url, expected):
    from content_guard.site_url import problem

    found = problem(url)
    assert found is None if expected is None else expected in found


def test_the_files_a_post_uses_are_found_in_every_link_form():
    from types import SimpleNamespace

    from pelican.settings import DEFAULT_CONFIG

    from content_guard.draft_files import link_pattern, used_files

    post = SimpleNamespace(
        relative_dir="posts",
        _content=(
            '<img src="{static}/images/a.png"><img src="{attach}b%20c.png">'
            '<a href="{filename}../images/d.pdf#page=2">d</a><img src="../images/e.png">'
            '<img src="https://example.org/images/f.png"><a href="{static}/images/g.png">'
        ),
        metadata={"image": "images/h.png", "summary": '<img src="|static|/images/i.png">'},
    )
    files = {f"images/{n}" for n in ("a.png", "d.pdf", "e.png", "f.png", "h.png", "i.png")}
    files |= {"posts/b c.png", "images/unused.png"}
    found = used_files(post, link_pattern(DEFAULT_CONFIG), files)
    assert found == files - {"images/f.png", "images/unused.png"}


REBUILD_TWICE = """
import json, sys
from pelican import Pelican
from pelican.settings import read_settings
pelican = Pelican(read_settings("pelicanconf.py", override=json.loads(sys.argv[1])))
pelican.run()
pelican.run()
"""


def test_a_warning_shows_on_every_rebuild_in_one_process(tmp_path):
    # `make devserver` rebuilds in one process, and Pelican's loggers drop a
    # message that reads as one logged before: the typo must show each time.
    (tmp_path / "content" / "posts").mkdir(parents=True)
    (tmp_path / "content" / "posts" / "typo.md").write_text(
        "Title: A private note\nDate: 2013-03-10\nStaus: draft\n\nNot for anyone yet.\n"
    )
    override = {
        "PATH": str(tmp_path / "content"), "OUTPUT_PATH": str(tmp_path / "out"),
        "CACHE_PATH": str(tmp_path / "cache"), "SEARCH_INDEX": {"ENABLED": False},
    }  # fmt: skip
    result = subprocess.run(
        [sys.executable, "-c", REBUILD_TWICE, json.dumps(override)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    said = result.stdout + result.stderr
    assert result.returncode == 0, said
    assert said.count("did you mean Status") == 2, said
