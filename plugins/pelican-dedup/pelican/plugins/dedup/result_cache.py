"""Remember each post's decisions across builds, keyed by its rendered HTML.

Pelican's content cache keeps the HTML it rendered before this plugin ran, so
a warm rebuild would clean every post again. The result depends only on that
HTML, the settings and the rules, so it is kept in CACHE_PATH beside Pelican's
own cache, under the same switches (CACHE_CONTENT to write, LOAD_CONTENT_CACHE
to read). A file written with other settings, or by rules whose source code
differs in any byte, is ignored.
Posts restored from the generator-level cache keep their result on the post
itself (see plugin.py) and count as remembered too.
"""

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

FILE_NAME = "dedup-results.pickle"
def rule_modules(folder=Path(__file__).parent):
    """The plugin's modules: the rules and everything they read HTML with."""
    return sorted(path.name for path in folder.glob("*.py"))


def rules_digest(folder=Path(__file__).parent):
    """A hash of the plugin's own source: any edit to it invalidates old results."""
    digest = hashlib.blake2b(digest_size=16)
    for name in rule_modules(folder):
        digest.update(name.encode())
        digest.update((folder / name).read_bytes())
    return digest.hexdigest()


def key(html):
    return hashlib.blake2b(html.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class ResultCache:
    """Entries are (decisions, blocks, emptied, html after cuts or None)."""

    def __init__(self, pelican_settings, fingerprint):
        self.path = os.path.join(pelican_settings.get("CACHE_PATH", "cache"), FILE_NAME)
        self.stamp = (rules_digest(), fingerprint)
        self.save_enabled = bool(pelican_settings.get("CACHE_CONTENT"))
        self.old = {}
        self.new = {}
        if pelican_settings.get("LOAD_CONTENT_CACHE"):
            self.old = self._load()
        # Nothing to look up and nothing to save: no need to hash each post.
        self.active = self.save_enabled or bool(self.old)

    def _load(self):
        try:
            with open(self.path, "rb") as handle:
                stamp, entries = pickle.load(handle)
        except FileNotFoundError:
            return {}
        # A damaged or foreign file is rebuilt, never fatal.
        except (OSError, EOFError, pickle.UnpicklingError, ImportError, AttributeError,
                ValueError, TypeError) as error:  # fmt: skip
            logger.warning("dedup: ignoring the unreadable cache %s (%s)", self.path, error)
            return {}
        return entries if stamp == self.stamp else {}

    def get(self, digest):
        entry = self.new.get(digest) or self.old.get(digest)
        if entry is not None:
            self.new[digest] = entry
        return entry

    def put(self, digest, entry):
        self.new[digest] = entry

    def save(self):
        """Keep the entries of this build only, so the file never grows stale."""
        if not self.save_enabled:
            return
        folder = os.path.dirname(self.path) or "."
        os.makedirs(folder, exist_ok=True)
        # A name of its own, so that two builds at once never share a file;
        # the last one to finish replaces the cache whole.
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=FILE_NAME)
        try:
            with os.fdopen(descriptor, "wb") as handle:
                pickle.dump((self.stamp, self.new), handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
        except BaseException:
            os.unlink(temporary)
            raise
