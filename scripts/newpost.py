"""Write a dated Markdown skeleton for a new post, as a draft.

Used by `make newpost TITLE="..."`, which hands the title over in the
environment variable NEWPOST_TITLE so that neither make nor the shell
evaluates it: `TITLE='A $120k offer'` is written as it is. A title without
letters or digits ("🎉") gets a slug made of the date and time.

Its Date is the current time in the site's TIMEZONE (the zone Pelican reads
it in), whatever the computer's own zone.

The post stays a draft (previewed by `make html`, never published) until its
author changes `Status: draft` to `Status: published`. Its body is one
placeholder line that `make publish` refuses in a published post
(plugins/content_guard/placeholders.py), so it is never published by mistake.
"""

import argparse
import datetime
import os
import sys
import zoneinfo
from pathlib import Path

from pelican.settings import read_settings
from pelican.utils import slugify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plugins"))
from content_guard.placeholders import PLACEHOLDER  # noqa: E402

TEMPLATE = """\
Title: {title}
Date: {date}
Category: Job search
Tags:
Slug: {slug}
Author: {author}
Status: draft

{placeholder}
"""


def one_line(title):
    """The title as typed, on one line (a metadata value cannot span lines)."""
    return " ".join(line.strip() for line in title.strip().splitlines() if line.strip())


def site_now(settings, settings_file):
    """The current time, to the minute, in the site's TIMEZONE.

    Pelican reads a Date: without an offset in TIMEZONE, so the local time of
    a machine in another zone would date the post hours off (in the future,
    east of it: held back by `make publish` until then)."""
    name = settings.get("TIMEZONE") or "UTC"
    try:
        zone = zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        sys.exit(f"{settings_file}: TIMEZONE {name!r} is not a time zone name, like 'Europe/Paris'")
    return datetime.datetime.now(zone).replace(second=0, microsecond=0, tzinfo=None)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "title",
        nargs="?",
        default=os.environ.get("NEWPOST_TITLE"),
        help="the post's title (default: the environment variable NEWPOST_TITLE)",
    )
    parser.add_argument("--content", default="content", help="the content folder")
    parser.add_argument("--settings", default="pelicanconf.py", help="the site settings")
    args = parser.parse_args(argv)

    title = one_line(args.title or "")
    if not title:
        parser.error('the title is empty: make newpost TITLE="My post title"')
    settings = read_settings(args.settings)
    now = site_now(settings, args.settings)
    slug = slugify(
        title,
        regex_subs=settings["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=settings["SLUGIFY_PRESERVE_CASE"],
        use_unicode=settings["SLUGIFY_USE_UNICODE"],
    )
    if slug:
        path = Path(args.content) / "posts" / f"{now:%Y-%m-%d}-{slug}.md"
    else:  # nothing usable in the title: the date and time make the slug
        slug = f"{now:%Y-%m-%d-%H%M}"
        path = Path(args.content) / "posts" / f"{slug}.md"
    if path.exists():
        print(f"{path} already exists; not overwriting it.", file=sys.stderr)
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        TEMPLATE.format(
            title=title,
            date=f"{now:%Y-%m-%d %H:%M}",
            slug=slug,
            author=settings["AUTHOR"],
            placeholder=PLACEHOLDER,
        ),
        encoding="utf-8",
    )
    print(f"Wrote {path} (a draft: set Status: published to publish it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
