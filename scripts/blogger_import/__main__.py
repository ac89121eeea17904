"""``python -m scripts.blogger_import FILE``: the command behind ``make import``.

Uses the dedup plugin (pelican-dedup, installed by requirements.txt). Exit
status: 0 imported (files kept because of local edits are
reported, not failures), 1 the export or the content folder could not be used;
then nothing was written.
"""

import argparse
import sys

from pelican.settings import read_settings
from rich.console import Console
from rich.progress import track

from .export import ExportError
from .importer import REMOTE_IMAGES, run

# Below this many posts and pages, a bar would only flash.
PROGRESS_FROM = 50


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="blogger_import",
        description="Import a Blogger export (Takeout feed.atom or the older backup XML) "
        "as Markdown posts and pages.",
    )
    parser.add_argument("export", help="the Blogger export file")
    parser.add_argument("--content", default="content", help="the site's content folder")
    parser.add_argument("--settings", default="pelicanconf.py", help="the Pelican settings file")
    parser.add_argument(
        "--download-images",
        action="store_true",
        help="fetch images into content/images/blogger/ instead of leaving them on Blogger",
    )
    parser.add_argument(
        "--blog-url",
        action="append",
        default=[],
        help="the blog's custom domain (its blogspot host is known), for its links; repeatable",
    )
    parser.add_argument("--category", help="Category: of imported posts (default: the site's)")
    args = parser.parse_args(argv)

    errors = Console(stderr=True, highlight=False)

    def progress(items, total, description):
        if total < PROGRESS_FROM:
            return items
        return track(items, total=total, description=description, console=errors)

    settings = read_settings(args.settings)
    try:
        summary = run(
            args.export,
            args.content,
            settings,
            download_images=args.download_images,
            blog_urls=args.blog_url,
            category=args.category,
            progress=progress,
        )
    except ExportError as error:
        print(f"blogger import: {error}; nothing was written", file=sys.stderr)
        return 1
    except (OSError, ValueError) as error:
        print(f"blogger import: {error}; nothing was written", file=sys.stderr)
        return 1
    print_summary(summary, args.content)
    return 0


def print_summary(summary, content):
    plan = summary.plan
    kind = "Google Takeout feed.atom" if summary.format == "takeout" else "Blogger backup XML"
    print(f"Imported {summary.source} ({kind}) into {content}/")
    for path, wanted, slug in summary.renamed:
        print(f"  {path}: slug {slug!r} (another post has {wanted!r}); its old URL is kept")
    for path, removed in summary.duplicates.items():
        print(f"  {path}: removed {removed} duplicated block(s), kept the first copies")
    for path in summary.empty:
        print(f"  {path}: has no text on Blogger; Pelican warns about it until you write some")
    for path in plan.edited:
        print(f"  {path}: edited since the last import, kept as it is")
    for path in plan.foreign:
        print(f"  {path}: already exists and was not written by the importer, kept as it is")
    for path in plan.deleted:
        print(f"  {path}: deleted since the last import, not written again")
    for url, reason in summary.failed_images:
        print(f"  image not fetched, left on Blogger: {url} ({reason})")
    skipped = len(plan.edited) + len(plan.foreign) + len(plan.deleted)
    print(
        f"posts: {summary.posts}, drafts: {summary.drafts}, pages: {summary.pages}, "
        f"comments: {summary.comments} (not imported), "
        f"skipped: {summary.trashed} trashed + {skipped} kept local file(s)"
    )
    print(
        f"duplicates removed: {sum(summary.duplicates.values())} block(s) in "
        f"{len(summary.duplicates)} post(s); links to the old blog rewritten: {summary.links}"
    )
    remote = len({url for _path, url in summary.remote_images})
    fetched = f"images fetched: {summary.fetched_images}, " if summary.fetched_images else ""
    print(f"{fetched}remote images: {remote} (listed in {content}/{REMOTE_IMAGES})")
    written = len([p for p in plan.write if not p.endswith("manifest.json")])
    print(f"files written: {written}, unchanged: {len(plan.unchanged)}")


if __name__ == "__main__":
    sys.exit(main())
