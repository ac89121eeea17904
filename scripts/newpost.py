"""Write a dated Markdown skeleton with every metadata field, as a draft.

Used by `make newpost TITLE="..."`. The post stays a draft (never listed, never
in a feed) until its author changes `Status: draft` to `Status: published`.
"""

import argparse
import datetime
import sys
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

TEMPLATE = """\
Title: {title}
Date: {date}
Modified: {date}
Category: Job search
Tags: job search
Slug: {slug}
Author: {author}
Summary: One or two sentences shown on the index page and in the feed.
Status: draft

Write the post here. Leave a blank line between paragraphs.

1. A numbered line becomes an ordered list.
2. Like this.
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", help="the post's title")
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("--settings", default="pelicanconf.py", help="the site settings")
    args = parser.parse_args(argv)

    title = " ".join(args.title.split())
    if not title:
        parser.error('TITLE is empty: make newpost TITLE="My post title"')
    now = datetime.datetime.now().replace(second=0, microsecond=0)
    settings = read_settings(args.settings)
    slug = slugify(title, regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"])
    path = Path(args.content) / "posts" / f"{now:%Y-%m-%d}-{slug}.md"
    if path.exists():
        print(f"{path} already exists; not overwriting it.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(
            title=title, date=f"{now:%Y-%m-%d %H:%M}", slug=slug, author=settings["AUTHOR"]
        ),
        encoding="utf-8",
    )
    print(f"Wrote {path} (a draft: set Status: published to publish it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
