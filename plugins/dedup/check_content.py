"""Check Markdown sources for duplicated paragraphs without building the site.

The build-time plugin repairs the rendered pages but leaves the sources as
they are; this command shows an author where the repeats are (file and line),
so that the sources can be cleaned too, and with ``--fix`` removes them,
keeping the first copies. It applies the same rules (``core``) to the blocks
that markdown-it-py finds, with their line numbers.

    python -m dedup.check_content [--fix] [--settings pelicanconf.py] PATH...

Exit status: 0 when no duplicate is found (or all were fixed), 1 when
duplicates are found, 2 when a file cannot be read.
"""

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from . import core

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
META_LINE = re.compile(r"^[A-Za-z0-9_-]+:\s*(.*)$")
CONTAINERS = {
    "bullet_list_open": "ul",
    "ordered_list_open": "ol",
    "blockquote_open": "blockquote",
    "list_item_open": "li",
    "table_open": "table",
}
LEAVES = {"paragraph_open", "heading_open"}
PROTECTED = {"fence", "code_block", "html_block"}


@dataclass(frozen=True)
class SourceBlock:
    """A block of a Markdown file and the lines it spans (1-based, inclusive)."""

    block: core.Block
    first_line: int
    last_line: int


def split_metadata(lines):
    """Return how many lines Pelican's Markdown reader takes as metadata."""
    count = 0
    while count < len(lines) and (
        META_LINE.match(lines[count])
        or (count and lines[count][:1] in (" ", "\t") and lines[count].strip())
    ):
        count += 1
    return count if count and (count == len(lines) or not lines[count].strip()) else 0


def metadata_opts_out(header_lines):
    for line in header_lines:
        key, _, value = line.partition(":")
        if key.strip().lower() == "dedup" and value.strip().lower() in {"off", "false", "no", "0"}:
            return True
    return False


def inline_text(token):
    """Visible text of an inline token, without Markdown's inline syntax."""
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def find_source_blocks(text):
    """Leaf blocks of a Markdown document with their line spans.

    Contexts match those of the HTML layer: a tight list item's paragraph is
    the list item itself; a loose one's is a paragraph inside the item.
    """
    lines = text.splitlines()
    offset = split_metadata(lines)
    body = "\n".join(lines[offset:])
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    blocks, stack = [], []
    for index, token in enumerate(tokens):
        if token.type in CONTAINERS:
            stack.append(CONTAINERS[token.type])
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in CONTAINERS:
            stack.pop()
        elif token.type in LEAVES and token.map:
            inline = tokens[index + 1]
            if token.type == "heading_open":
                kind, context = token.tag, tuple(stack)
            elif token.hidden and stack and stack[-1] == "li":
                kind, context = "li", tuple(stack[:-1])
            else:
                kind, context = "p", tuple(stack)
            protected = "table" in stack
            block = core.Block(kind, context, inline_text(inline), protected)
            blocks.append(SourceBlock(block, offset + token.map[0] + 1, offset + token.map[1]))
        elif token.type in PROTECTED and token.map:
            block = core.Block("pre", tuple(stack), token.content, protected=True)
            blocks.append(SourceBlock(block, offset + token.map[0] + 1, offset + token.map[1]))
    return blocks


def check_text(text, options):
    """Blocks and decisions for one Markdown document (empty when it opts out)."""
    lines = text.splitlines()
    if metadata_opts_out(lines[: split_metadata(lines)]):
        return [], []
    blocks = find_source_blocks(text)
    return blocks, core.find_duplicates([b.block for b in blocks], options)


def fix_text(text, blocks, decisions):
    """The source without the lines of removed blocks, blank lines tidied."""
    drop = set()
    for decision in decisions:
        if decision.action == "remove":
            block = blocks[decision.index]
            drop.update(range(block.first_line, block.last_line + 1))
    kept = [line for number, line in enumerate(text.splitlines(), 1) if number not in drop]
    tidy = []
    for line in kept:
        if not line.strip() and (not tidy or not tidy[-1].strip()):
            continue  # no doubled blank lines where blocks went
        tidy.append(line)
    while tidy and not tidy[-1].strip():
        tidy.pop()
    return "\n".join(tidy) + "\n"


def markdown_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES)
        else:
            yield path


def load_options(settings_path):
    if not settings_path:
        return core.Options()
    from pelican.settings import read_settings as read_pelican_settings

    from .settings import read_settings

    return read_settings(read_pelican_settings(settings_path)).options


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="check-content", description="List duplicated paragraphs in Markdown sources."
    )
    parser.add_argument("paths", nargs="+", help="Markdown files or folders")
    parser.add_argument(
        "--fix", action="store_true", help="rewrite the sources, keeping first copies"
    )
    parser.add_argument("--settings", help="a Pelican settings file whose DEDUP options to use")
    args = parser.parse_args(argv)
    options = load_options(args.settings)

    found = unreadable = fixed = 0
    for path in markdown_files(args.paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            print(f"{path}: cannot read: {error}", file=sys.stderr)
            unreadable += 1
            continue
        blocks, decisions = check_text(text, options)
        removals = [d for d in decisions if d.action == "remove"]
        for d in decisions:
            block, original = blocks[d.index], blocks[d.original]
            what = "duplicate" if d.action == "remove" else "note: near-duplicate (kept)"
            print(
                f"{path}:{block.first_line}: {what} <{block.block.kind}> "
                f"({d.reason}, {d.similarity:.0%} like line {original.first_line}): "
                f"{block.block.text[:60]!r}"
            )
        if removals and args.fix:
            path.write_text(fix_text(text, blocks, decisions), encoding="utf-8")
            print(f"{path}: removed {len(removals)} duplicate block(s), kept the first copies")
            fixed += len(removals)
        found += len(removals)
    if unreadable:
        return 2
    if found and not args.fix:
        print(f"{found} duplicate block(s) found; `--fix` removes them, keeping the first copies.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
