"""Keep the last index of each part of the site (a year's posts, the pages)
in Pelican's cache folder and put it back while nothing it was built from
has changed.

Pagefind takes seconds and cannot update an index, only build it anew. A
part's index depends only on the published pages it is shown, their bytes,
the plugin's settings and Pagefind's version: the fingerprint below covers
all four. An edit to a post then costs a Pagefind run over that post's year
only, and an edit to a draft, the CSS or anything else no published page
shows costs a link per index file. Only builds that load Pelican's content
cache (LOAD_CONTENT_CACHE) reuse an index, so `make publish` builds its own.
"""

import hashlib
import shutil
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FOLDER = "search_index"  # inside CACHE_PATH


def pagefind_version():
    try:
        return version("pagefind_bin")
    except PackageNotFoundError:  # a Pagefind from elsewhere: never reuse across runs
        return None


def fingerprint(site, pages, settings):
    """What the index of `pages` in `site` is built from, as a hex digest (or None)."""
    found = pagefind_version()
    if found is None:
        return None
    digest = hashlib.sha256(repr((found, settings)).encode())
    for page in sorted(pages):
        digest.update(page.encode() + b"\0")
        digest.update((Path(site) / page).read_bytes())
    return digest.hexdigest()


def restore(cache_path, part, key, index_folder, place):
    """Put the index of `part` saved under `key` at index_folder; False if there is none."""
    saved = Path(cache_path) / FOLDER / part / key
    if key is None or not saved.is_dir():
        return False
    shutil.copytree(saved, index_folder, copy_function=place)
    return True


def save(cache_path, part, key, index_folder, place):
    """Keep index_folder as the index of `part` under `key`, replacing the one kept before."""
    if key is None:
        return
    kept = Path(cache_path) / FOLDER / part
    shutil.rmtree(kept, ignore_errors=True)
    shutil.copytree(index_folder, kept / f".{key}.partial", copy_function=place)
    (kept / f".{key}.partial").rename(kept / key)
