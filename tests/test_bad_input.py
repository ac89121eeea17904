"""Bad input: publishing fails plainly, naming the file; URLs never collide."""

import pytest

from tests.conftest import copy_content, make, run_pelican, soup

GOOD_HEADER = "Title: A fine post\nDate: 2013-04-01\nCategory: Job search\n"


def make_publish(content, site):
    return make("publish", content, site)


def refused(result, output):
    """Publishing stopped plainly and left the previous site; the problem list."""
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in log
    # The previous output is left as it was; no half-built site replaces it.
    assert (output / "previous-site.html").read_text() == "the site that is online now"
    assert not (output / "index.html").exists()
    return log[log.index("Build failed") :]


def previous_site(tmp_path):
    output = tmp_path / "public"
    output.mkdir()
    (output / "previous-site.html").write_text("the site that is online now")
    return output


@pytest.mark.parametrize(
    "name, text, expected",
    [
        ("no-date.md", "Title: No date\n\nBody.\n", "could not find information about 'date'"),
        ("no-title.md", "Date: 2013-04-02\n\nBody.\n", "could not find information about 'title'"),
        ("bad-date.md", "Title: Bad\nDate: the ides of March\n\nBody.\n", "is not a valid date"),
        ("empty-title.md", "Title:\nDate: 2013-04-02\n\nBody.\n", "its Title (line 1) is empty"),
        ("status.md", "Title: S\nDate: 2013-04-02\nStatus: live\n\nB.\n", "Unknown status 'live'"),
        ("latin-1.md", "Title: L\nDate: 2013-04-02\n\nCaf\xe9.\n".encode("latin-1"), "not UTF-8"),
        ("empty.md", "", "the file is empty"),
        ("meta-only.md", "Title: M\nDate: 2013-04-02\n", "has metadata but no text after it"),
        ("deep.md", "Title: D\nDate: 2013-04-02\n\n" + ">" * 1000 + " x\n", "1000 levels deep"),
        ("ctrl.md", "Title: C\x0b\nDate: 2013-04-02\n\nB\x00.\n", "control character(s)"),
        ("emoji.md", "Title: \U0001f600\nDate: 2013-04-02\n\nB.\n", "gives an empty slug"),
    ],
)
def test_publish_fails_plainly_naming_the_file(tmp_path, name, text, expected):
    content = copy_content(tmp_path / "content")
    if isinstance(text, bytes):
        (content / "posts" / name).write_bytes(text)
    else:
        (content / "posts" / name).write_text(text, encoding="utf-8")
    output = previous_site(tmp_path)

    problems = refused(make_publish(content, output), output)

    assert name in problems and expected in problems


def test_publish_fails_on_two_posts_with_one_output_file(tmp_path):
    content = copy_content(tmp_path / "content")
    for name in ("twin-1.md", "twin-2.md"):
        (content / "posts" / name).write_text(GOOD_HEADER + f"\n{name}\n", encoding="utf-8")
    output = previous_site(tmp_path)

    problems = refused(make_publish(content, output), output)

    assert "twin-1.md" in problems and "twin-2.md" in problems
    assert "would both be written to 2013/04/a-fine-post.html" in problems


def test_publish_holds_back_a_future_post_without_failing(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "posts" / "later.md").write_text(
        "Title: Written ahead\nDate: 2099-05-01\n\nNot yet.\n", encoding="utf-8"
    )
    output = tmp_path / "public"
    result = make_publish(content, output)
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert any(
        "INFO" in line and "posts/later.md is dated 2099-05-01" in line and "held back" in line
        for line in log.splitlines()
    ), log
    listed = [output / "index.html", output / "archives" / "index.html"]
    listed += list((output / "feeds").rglob("*.xml"))
    assert not any("Written ahead" in path.read_text(encoding="utf-8") for path in listed)
    assert not (output / "2099").exists()


def test_publish_succeeds_on_good_content(tmp_path):
    content = copy_content(tmp_path / "content")
    (content / "posts" / "fine.md").write_text(GOOD_HEADER + "\nBody.\n", encoding="utf-8")
    output = tmp_path / "public"
    result = make_publish(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "2013" / "04" / "a-fine-post.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "public", "public.lock"]


def test_publish_copies_a_binary_image_in_content(tmp_path):
    # Static files are copied as they are: never read as text, never "not UTF-8".
    content = copy_content(tmp_path / "content")
    (content / "images").mkdir()
    (content / "images" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not text")
    site = tmp_path / "public"
    result = make_publish(content, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "images" / "photo.jpg").read_bytes() == b"\xff\xd8\xff\xe0 not text"


def test_tag_pages_do_not_collide_with_each_other_or_archives(tmp_path):
    content = tmp_path / "content"
    (content / "posts").mkdir(parents=True)
    for day in range(1, 13):  # 12 posts: more than the index's 10 a page
        (content / "posts" / f"b1-{day}.md").write_text(
            f"Title: B1 post {day}\nDate: 2014-01-{day:02d}\nTags: b1, 2013\n\nText {day}.\n"
        )
    (content / "posts" / "b12.md").write_text(
        "Title: The b12 post\nDate: 2013-05-05\nTags: b12\n\nText.\n"
    )
    output = tmp_path / "output"
    result = run_pelican(content, output)
    assert result.returncode == 0, result.stdout + result.stderr

    b12 = (output / "tag" / "b12" / "index.html").read_text()
    assert "The b12 post" in b12 and "B1 post" not in b12
    # A tag page lists every post of the tag at once: no page 2 to collide.
    b1 = (output / "tag" / "b1" / "index.html").read_text()
    assert all(f"B1 post {day}<" in b1 for day in range(1, 13))
    assert "(12)" in b1 and "The b12 post" not in b1
    assert [h2.get_text(" ", strip=True) for h2 in soup(b1).main.find_all("h2")] == ["2014 (12)"]
    assert not (output / "tag" / "b1" / "page").exists()
    assert (output / "page" / "2" / "index.html").is_file(), "the index still has pages"
    # Tag "2013" has its own folder; the 2013 archive lists the b12 post only.
    assert "B1 post" in (output / "tag" / "2013" / "index.html").read_text()
    year = (output / "2013" / "index.html").read_text()
    assert "The b12 post" in year and "B1 post" not in year
