"""The `pelican-dedup` command: `pelican-dedup check [--fix] [--settings FILE] PATH...`.

One subcommand today, so that others (a report, say) can come without
changing how `check` is called. Exit status as `check_content`: 0 nothing
found (or all fixed), 1 duplicates found, 2 a file could not be read.
"""

import argparse
import sys

from . import check_content


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="pelican-dedup", description="Find duplicated paragraphs in Pelican sources."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "check", add_help=False, help="list duplicated paragraphs (--fix removes them)"
    )
    args, rest = parser.parse_known_args(argv)
    if args.command == "check":
        return check_content.main(rest, prog="pelican-dedup check")
    return 2  # argparse has already refused anything else


if __name__ == "__main__":
    sys.exit(main())
