"""Build the site from content/ into a temporary folder and serve it, for the
screenshot and Lighthouse scripts (which look at the site, not at output/)."""

import contextlib
import shutil
import sys
import tempfile
from pathlib import Path

from scripts.site_server import serve

ROOT = Path(__file__).resolve().parent.parent
PAGES = {
    "index": "/",
    "post": "/2013/03/two-interviews-this-week.html",
    "archive": "/archives/",
    "search": "/search/?q=interview",  # the search page showing results
}


@contextlib.contextmanager
def built_and_served(settings="pelicanconf.py"):
    """Yield the base URL of a fresh build of content/; exit 1 if the build fails."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import run_pelican  # noqa: PLC0415 - the tests' way to build

    with tempfile.TemporaryDirectory() as output:
        result = run_pelican(ROOT / "content", output, settings)
        if result.returncode:
            print(result.stdout + result.stderr, file=sys.stderr)
            raise SystemExit(1)
        with serve(output) as base:
            yield base


def need(path, hint):
    """Exit with `hint` (what to install) unless `path` exists or is on PATH."""
    if not (shutil.which(str(path)) or Path(path).exists()):
        raise SystemExit(f"{path} not found: {hint}")
    return str(path)
