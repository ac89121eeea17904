"""Writing the import: all files or none, and never over a local edit.

Every file is first written into a hidden staging folder inside the content
folder (Pelican ignores dot-folders), then moved into place by renames on the
same file system. If anything fails before that, the staging folder is
removed; if a rename fails, the files already moved are put back. Either way
the content folder is left as it was.

A manifest (``blogger-import/manifest.json``) keeps a SHA-256 of each text
file as the importer wrote it. A file whose text now differs was edited
locally: it is kept and reported, as is one the importer did not write, and
one it wrote that was deleted since is not brought back.
"""

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = "blogger-import/manifest.json"
_HEADER = re.compile(r"^(\w[\w-]*):\s*(.*?)\s*$")


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_header(path):
    """A Markdown file's metadata ({lowercased key: value}), up to the first blank line."""
    metadata = {}
    try:
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                found = _HEADER.match(line)
                if not found:
                    break
                metadata[found.group(1).lower()] = found.group(2)
    except (OSError, UnicodeDecodeError):
        pass  # Pelican reports an unreadable post; here it simply holds no Id
    return metadata


def existing_sources(content):
    """{relative path: metadata} of every Markdown file under the content folder."""
    content = Path(content)
    return {
        path.relative_to(content).as_posix(): read_header(path)
        for path in sorted(content.rglob("*.md"))
        if not any(part.startswith(".") for part in path.relative_to(content).parts)
    }


def read_manifest(content):
    try:
        return json.loads((Path(content) / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise ValueError(f"{Path(content) / MANIFEST}: unreadable manifest: {error}") from None


@dataclass
class Plan:
    """What happens to each file of the import."""

    write: dict = field(default_factory=dict)  # path -> text (new or updated)
    unchanged: list = field(default_factory=list)
    edited: list = field(default_factory=list)  # changed locally since the import: kept
    foreign: list = field(default_factory=list)  # not written by the importer: kept
    deleted: list = field(default_factory=list)  # deleted locally since the import
    manifest: dict = field(default_factory=dict)

    @property
    def changes(self):
        return bool(self.write)


def plan(content, files, manifest):
    """Decide, for each {path: text} the import would write, what to do."""
    content = Path(content)
    result = Plan(manifest=dict(manifest))
    for path, text in files.items():
        target = content / path
        if not target.exists():
            if path in manifest:
                result.deleted.append(path)
            else:
                result.write[path] = text
                result.manifest[path] = sha256(text)
            continue
        current = target.read_text(encoding="utf-8", errors="replace")
        if current == text:
            result.unchanged.append(path)
            result.manifest[path] = sha256(text)
        elif path not in manifest:
            result.foreign.append(path)
        elif sha256(current) != manifest[path]:
            result.edited.append(path)
        else:
            result.write[path] = text
            result.manifest[path] = sha256(text)
    manifest_text = json.dumps(dict(sorted(result.manifest.items())), indent=1) + "\n"
    if result.write or manifest != result.manifest:
        result.write[MANIFEST] = manifest_text
    return result


class Staging:
    """A hidden folder in the content folder that becomes part of it on commit."""

    def __init__(self, content):
        self.content = Path(content)
        self.folder = None
        self.paths = []

    def __enter__(self):
        self.content.mkdir(parents=True, exist_ok=True)
        self.folder = Path(tempfile.mkdtemp(prefix=".blogger-import-", dir=self.content))
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.folder, ignore_errors=True)
        return False

    def file(self, path):
        """A staged file's location, its folder made; moved to ``path`` on commit."""
        staged = self.folder / path
        staged.parent.mkdir(parents=True, exist_ok=True)
        self.paths.append(path)
        return staged

    def scratch(self):
        """A fresh file name in the staging folder, not moved on commit."""
        handle, name = tempfile.mkstemp(dir=self.folder, prefix=".scratch-")
        os.close(handle)
        return Path(name)

    def adopt(self, scratch, path):
        """Stage a scratch file as ``path``."""
        os.replace(scratch, self.file(path))

    def write_text(self, path, text):
        with open(self.file(path), "w", encoding="utf-8", newline="\n") as out:
            out.write(text)

    def commit(self):
        """Move every staged file into the content folder; on a failure, put
        back every file already moved (and the ones they replaced), and raise."""
        moved = []  # (target, the file it replaced, kept in the staging folder, or None)
        try:
            for path in self.paths:
                target = self.content / path
                replaced = None
                if target.is_file():
                    replaced = self.folder / ".replaced" / path
                    replaced.parent.mkdir(parents=True, exist_ok=True)
                    os.replace(target, replaced)
                moved.append((target, replaced))
                target.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.folder / path, target)
        except OSError:
            for target, replaced in reversed(moved):
                if target.is_file():
                    target.unlink()
                if replaced is not None:
                    os.replace(replaced, target)
            raise
