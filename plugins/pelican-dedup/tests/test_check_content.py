"""The source checker: file and line of each duplicate, exit codes, --fix."""

from pathlib import Path

import pytest

from pelican.plugins.dedup import check_content

SEED_POST = (
    Path(__file__).resolve().parents[3]
    / "content"
    / "posts"
    / "2013-03-03-what-i-am-learning-from-hiring-managers.md"
)
LONG_A = "The first long paragraph says something worth reading about interviews."
LONG_B = "The second long paragraph is about networking with former colleagues."


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_seed_post_duplicates_are_listed_with_their_lines(tmp_path, capsys):
    post = write(tmp_path, "post.md", SEED_POST.read_text(encoding="utf-8"))
    lines = post.read_text(encoding="utf-8").splitlines()
    second_copy = [i for i, line in enumerate(lines, 1) if line.startswith("I need to consider")][1]

    assert check_content.main([str(tmp_path)]) == 1

    out = capsys.readouterr().out
    reported = [line for line in out.splitlines() if ": duplicate <" in line]
    assert len(reported) == 17
    assert reported[0].startswith(f"{post}:{second_copy}: duplicate <p>")
    numbers = [int(line.split(":")[1]) for line in reported]
    assert numbers == sorted(numbers) and numbers[0] == second_copy
    assert "17 duplicate block(s) found" in out


def test_fix_keeps_the_first_copies_and_a_second_check_is_clean(tmp_path):
    text = SEED_POST.read_text(encoding="utf-8")
    post = write(tmp_path, "post.md", text)
    lines = text.splitlines()
    second_copy = [i for i, line in enumerate(lines) if line.startswith("I need to consider")][1]

    assert check_content.main(["--fix", str(post)]) == 0

    assert post.read_text(encoding="utf-8") == "\n".join(lines[: second_copy - 1]) + "\n"
    assert check_content.main([str(post)]) == 0


def test_clean_sources_pass(tmp_path, capsys):
    write(tmp_path, "a.md", f"Title: A\nDate: 2013-01-01\n\n{LONG_A}\n\n{LONG_B}\n")
    assert check_content.main([str(tmp_path)]) == 0
    assert "duplicate" not in capsys.readouterr().out


def test_metadata_is_not_a_block_and_opt_out_is_honoured(tmp_path):
    body = f"{LONG_A}\n\n{LONG_A}\n"
    write(tmp_path, "out.md", f"Title: {LONG_A}\nDedup: off\n\n{body}")
    assert check_content.main([str(tmp_path)]) == 0
    write(tmp_path, "in.md", f"Title: {LONG_A}\n\n{body}")
    assert check_content.main([str(tmp_path)]) == 1


def test_code_blocks_and_tables_are_never_reported(tmp_path):
    fence = "```\nprint('the same long line of code, repeated on purpose')\n```\n"
    table = "| a long cell with enough words to count as long text |\n| --- |\n"
    write(tmp_path, "code.md", f"{fence}\n{fence}\n{table}\n{table}")
    assert check_content.main([str(tmp_path)]) == 0


def test_near_duplicate_is_noted_not_counted(tmp_path, capsys):
    edited = LONG_A.replace("worth", "useful")
    write(tmp_path, "near.md", f"{LONG_A}\n\n{LONG_B}\n\n{edited}\n")
    assert check_content.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert f"{tmp_path / 'near.md'}:5: note: near-duplicate (kept)" in out


def test_unreadable_file_is_named_and_fails(tmp_path, capsys):
    (tmp_path / "latin1.md").write_bytes("Title: Caf\xe9\n\nCaf\xe9 au lait.\n".encode("latin-1"))
    assert check_content.main([str(tmp_path)]) == 2
    assert "latin1.md: cannot read" in capsys.readouterr().err


@pytest.mark.parametrize("text", ["", "Title: Only metadata\nDate: 2013-01-01\n"])
def test_empty_and_metadata_only_files(tmp_path, text):
    write(tmp_path, "empty.md", text)
    assert check_content.main([str(tmp_path)]) == 0


# --- read as the build reads: Python-Markdown, raw HTML, line endings ----------


def test_a_list_right_under_a_paragraph_is_one_paragraph_as_the_site_shows_it(tmp_path):
    """Python-Markdown reads these lines as one <p>; no "list item" is cut from it."""
    block = f"{LONG_A}\n- list item one\n- list item two"
    post = write(tmp_path, "post.md", f"{block}\n\n{LONG_B}\n\n{block}\n")
    assert check_content.main(["--fix", str(post)]) == 0
    assert post.read_text(encoding="utf-8") == f"{block}\n\n{LONG_B}\n"


def test_raw_html_blocks_are_seen(tmp_path, capsys):
    lines = f"<div>{LONG_A}</div>\n<div>{LONG_B}</div>"
    post = write(tmp_path, "post.md", f"Intro.\n\n{lines}\n\n{lines}\n")
    assert check_content.main([str(post)]) == 1
    out = capsys.readouterr().out
    assert f"{post}:6: duplicate <p>" in out and f"{post}:7: duplicate <p>" in out
    assert check_content.main(["--fix", str(post)]) == 0
    assert post.read_text(encoding="utf-8") == f"Intro.\n\n{lines}\n"


def test_fix_keeps_crlf_line_endings(tmp_path):
    post = tmp_path / "post.md"
    post.write_bytes(f"Title: T\r\n\r\n{LONG_A}\r\n\r\n{LONG_B}\r\n\r\n{LONG_A}\r\n".encode())
    assert check_content.main(["--fix", str(post)]) == 0
    assert post.read_bytes() == f"Title: T\r\n\r\n{LONG_A}\r\n\r\n{LONG_B}\r\n".encode()


def test_fix_of_a_newer_save_keeps_the_fuller_copy(tmp_path):
    update = LONG_B + " Update: they called back on Friday and offered me the job."
    post = write(tmp_path, "post.md", f"{LONG_A}\n\n{LONG_B}\n\n{LONG_A}\n\n{update}\n")
    assert check_content.main(["--fix", str(post)]) == 0
    assert post.read_text(encoding="utf-8") == f"{LONG_A}\n\n{update}\n"


def test_a_file_whose_lines_cannot_match_the_build_is_left_alone(tmp_path, capsys):
    """Two blocks on one raw HTML line: removing the line would remove both."""
    line = f"<p>{LONG_A}</p><p>Something else entirely, said only once here.</p>"
    text = f"{LONG_A}\n\n{LONG_B}\n\n{line}\n"
    post = write(tmp_path, "post.md", text)
    assert check_content.main(["--fix", str(post)]) == 1
    assert post.read_text(encoding="utf-8") == text
    assert "not fixed" in capsys.readouterr().out
