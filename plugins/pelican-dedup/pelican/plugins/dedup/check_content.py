"""Check Markdown sources for duplicated paragraphs without building the site.

The build-time plugin repairs the rendered pages but leaves the sources as
they are; this command shows an author where the repeats are (file and line)
and with ``--fix`` removes them. It reads each source as the build does:
Python-Markdown with the site's own ``MARKDOWN`` settings, then the same
``repair.decide`` the plugin runs on the HTML (raw HTML blocks included). A
fix is written only when the fixed source renders to the same visible text
as the build's repaired page; otherwise the file is left alone and named.
Each file keeps its line endings.

    pelican-dedup check [--fix] [--settings pelicanconf.py] PATH...

Exit status: 0 when no duplicate is found (or all were fixed), 1 when
duplicates are found (or one could not be fixed), 2 when a file cannot be read.
"""

import argparse
import re
import sys
import textwrap
from pathlib import Path

import markdown

from . import core, repair, source_map
from .html_tree import parse

MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
META_LINE = re.compile(r"^[A-Za-z0-9_-]+:\s*(.*)$")
DEFAULT_MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
    },
    "output_format": "html5",
}


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


class Renderer:
    """Markdown to HTML as the site's build does it (Pelican's MARKDOWN setting)."""

    def __init__(self, config=None):
        config = config or DEFAULT_MARKDOWN
        configs = dict(config.get("extension_configs", {}))
        configs.pop("markdown.extensions.meta", None)  # Pelican reads metadata itself
        self.md = markdown.Markdown(
            extensions=list(configs) + list(config.get("extensions", [])),
            extension_configs=configs,
            output_format=config.get("output_format", "html5"),
        )

    def __call__(self, text):
        self.md.reset()
        return self.md.convert(text)


def visible_text(html):
    root = parse(html)
    return " ".join(root.text().split()) if root is not None else html


class Checked:
    """One file's decisions, with the source lines of each block found."""

    def __init__(self, text, options, render):
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.lines = text.splitlines()
        self.offset = split_metadata(self.lines)
        self.decisions = ()
        self.repaired = None
        self.places = {}
        if metadata_opts_out(self.lines[: self.offset]):
            return
        body = self.lines[self.offset :]
        self.html = render("\n".join(body))
        self.decisions, self.blocks, _emptied, self.repaired = repair.decide(self.html, options)
        if self.decisions:
            self.places = self._place_blocks(body, render)

    def _place_blocks(self, body, render):
        """Block index -> (first, last) line numbers (1-based) in the file."""
        defs = source_map.definitions(body)
        texts = []
        for piece in source_map.pieces(body):
            source = textwrap.dedent("\n".join(body[piece.first : piece.last + 1]))
            html = render(source + "\n\n" + defs)
            found = repair.html_blocks.find_blocks(html)
            first = source_map.block_text(html, found[0].start, found[0].end) if found else ""
            texts.append((piece, first))
        places, at = {}, 0
        for index, block in enumerate(self.blocks):
            wanted = source_map.block_text(self.html, block.start, block.end)
            for k in range(at, len(texts)):
                if texts[k][1] == wanted:
                    piece = texts[k][0]
                    places[index] = (self.offset + piece.first + 1, self.offset + piece.last + 1)
                    at = k + 1
                    break
        return places

    @property
    def removals(self):
        return [d for d in self.decisions if d.action == "remove"]

    def line(self, index):
        return self.places.get(index, (0, 0))[0]

    def fixed(self, render):
        """The source without the removed blocks' lines, or None if that is not
        exactly what the build removes."""
        drop = set()
        for decision in self.removals:
            if decision.index not in self.places:
                return None
            first, last = self.places[decision.index]
            drop.update(range(first, last + 1))
        kept = [line for number, line in enumerate(self.lines, 1) if number not in drop]
        tidy = []
        for line in kept:
            if not line.strip() and (not tidy or not tidy[-1].strip()):
                continue  # no doubled blank lines where blocks went
            tidy.append(line)
        while tidy and not tidy[-1].strip():
            tidy.pop()
        body = tidy[self.offset :] if self.offset <= len(tidy) else []
        if visible_text(render("\n".join(body))) != visible_text(self.repaired or self.html):
            return None
        return self.newline.join(tidy) + self.newline


def markdown_files(paths):
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in MARKDOWN_SUFFIXES)
        else:
            yield path


def load_settings(settings_path):
    """The DEDUP options and the MARKDOWN settings of the site (defaults without one)."""
    if not settings_path:
        return core.Options(), None
    from pelican.settings import read_settings as read_pelican_settings

    from .settings import read_settings

    pelican_settings = read_pelican_settings(settings_path)
    return read_settings(pelican_settings).options, pelican_settings.get("MARKDOWN")


def main(argv=None, prog="check-content"):
    parser = argparse.ArgumentParser(
        prog=prog, description="List duplicated paragraphs in Markdown sources."
    )
    parser.add_argument("paths", nargs="+", help="Markdown files or folders")
    parser.add_argument(
        "--fix", action="store_true", help="rewrite the sources as the build repairs them"
    )
    parser.add_argument("--settings", help="a Pelican settings file (DEDUP and MARKDOWN)")
    args = parser.parse_args(argv)
    options, markdown_config = load_settings(args.settings)
    render = Renderer(markdown_config)

    found = unreadable = unfixed = 0
    for path in markdown_files(args.paths):
        try:
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"{path}: cannot read: {error}", file=sys.stderr)
            unreadable += 1
            continue
        checked = Checked(text, options, render)
        for d in checked.decisions:
            block = checked.blocks[d.index].block
            what = "duplicate" if d.action == "remove" else "note: near-duplicate (kept)"
            print(
                f"{path}:{checked.line(d.index)}: {what} <{block.kind}> "
                f"({d.reason}, {d.similarity:.0%} like line {checked.line(d.original)}): "
                f"{block.text[:60]!r}"
            )
        removals = checked.removals
        found += len(removals)
        if removals and args.fix:
            fixed = checked.fixed(render)
            if fixed is None:
                print(
                    f"{path}: not fixed: removing whole lines would not match the build; "
                    "edit it by hand"
                )
                unfixed += 1
                continue
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(fixed)
            print(f"{path}: removed {len(removals)} duplicate block(s), as the build does")
    if unreadable:
        return 2
    if unfixed or (found and not args.fix):
        if not args.fix:
            print(f"{found} duplicate block(s) found; `--fix` removes them as the build does.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
