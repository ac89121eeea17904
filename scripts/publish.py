"""Build the production site and put it in place whole, or leave the old one.

Used by `make publish`, `make github` and `make rsync_upload`. The steps:

1. Take a lock beside the production folder (``public.lock`` for ``public/``),
   so that a second publish waits for the first instead of mixing files with
   it. The lock is released when this process ends, however it ends.
2. Build with Pelican into a fresh folder beside the production one
   (``public.new-XXXXXXXX``, with the mode a new folder gets under the
   user's umask), never into a folder a development build uses.
3. Swap it in only if the build finished: Pelican exits 0 even after an
   interrupt (SIGINT), so besides its exit status the build must have written
   the completion mark (CONTENT_GUARD['COMPLETION_MARK'] in the settings, see
   plugins/content_guard/completion.py). The swap is two renames: the old
   site to ``public.old-XXXXXXXX``, the new one to ``public``; then the old
   one is deleted.
4. Optionally run an upload command (after ``--``), still holding the lock,
   so that no other publish replaces the folder while it is being uploaded.

Exit status: 0 when the site was published (and uploaded), else 1, or the
upload command's own status.
"""

import argparse
import fcntl
import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from pelican.settings import read_settings

PELICAN = Path(sys.executable).with_name("pelican")


def say(message):
    print(f"publish: {message}", file=sys.stderr, flush=True)


def take_lock(site):
    """Hold an exclusive lock on ``SITE.lock``; wait, saying so, if it is taken."""
    lock = open(f"{site}.lock", "a+")  # noqa: SIM115 -- held until the process exits
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        say(f"waiting: {holder} is publishing {site} (lock {site}.lock)")
        fcntl.flock(lock, fcntl.LOCK_EX)
    lock.seek(0)
    lock.truncate()
    lock.write(f"make publish (pid {os.getpid()})\n")
    lock.flush()
    return lock


def tidy_leftovers(site):
    """Remove what an earlier publish killed half-way left beside ``site``.

    A build folder is always incomplete. If the kill fell between the two
    renames of the swap, ``site`` is missing and the previous site is in an
    ``.old-`` folder: put it back.
    """
    for folder in sorted(site.parent.glob(f"{site.name}.new-*")):
        say(f"removing {folder.name}, left by an interrupted publish")
        shutil.rmtree(folder)
    olds = sorted(site.parent.glob(f"{site.name}.old-*"), key=lambda p: p.stat().st_mtime)
    if olds and not site.exists():
        say(f"putting back {olds[-1].name} as {site.name}, left by an interrupted publish")
        olds.pop().rename(site)
    for folder in olds:
        shutil.rmtree(folder)


def new_folder(site):
    """A fresh, empty ``SITE.new-XXXXXXXX`` folder beside ``site``.

    With the mode any new folder gets (0o777 less the umask, 755 usually), not
    mkdtemp's 700: the folder becomes the site, and an upload copies its mode,
    so a web server running as another user could not read it.
    """
    folder = Path(tempfile.mkdtemp(prefix=f"{site.name}.new-", dir=site.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)
    return folder


def completion_mark(settings_file):
    """The file name the build writes into its output folder when it finished."""
    mark = read_settings(str(settings_file)).get("CONTENT_GUARD", {}).get("COMPLETION_MARK")
    if not mark:
        say(f"{settings_file} must set CONTENT_GUARD['COMPLETION_MARK'] (see docs/publishing.md)")
        sys.exit(1)
    return mark


def build(content, settings_file, staging, pelican_options):
    """Run Pelican into ``staging``; its exit status (130 if interrupted here)."""
    command = [
        str(PELICAN), str(content), "-o", str(staging), "-s", str(settings_file),
        "--fatal", "warnings", *pelican_options,
    ]  # fmt: skip
    process = subprocess.Popen(command)
    say(f"building into {staging.name} (pelican pid {process.pid})")
    try:
        return process.wait()
    except KeyboardInterrupt:  # Ctrl-C reaches Pelican too; let it stop first
        process.wait()
        return 130


def swap_in(staging, site):
    """Put ``staging`` in place of ``site`` with renames, then delete the old site.

    Ctrl-C waits until both renames are done (SIGINT is blocked meanwhile)."""
    old = None
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f"{site.name}.old-", dir=site.parent))
            old.rmdir()  # a free name beside the site, for the rename
            site.rename(old)
        staging.rename(site)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    if old is not None:
        shutil.rmtree(old)


def publish(content, settings_file, site, pelican_options):
    """Build and swap in; True if ``site`` now holds the new site."""
    mark = completion_mark(settings_file)
    tidy_leftovers(site)
    staging = new_folder(site)
    try:
        status = build(content, settings_file, staging, pelican_options)
        finished = (staging / mark).is_file()
        if status != 0 or not finished:
            reason = f"exit status {status}" if status else "stopped before its end, no mark"
            say(f"the build did not finish ({reason}): {site} is unchanged")
            return False
        (staging / mark).unlink()
        swap_in(staging, site)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    say(f"published the new site in {site}")
    return True


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, required=True, help="the sources (content/)")
    parser.add_argument("--settings", type=Path, required=True, help="publishconf.py")
    parser.add_argument("--site", type=Path, required=True, help="the production folder")
    parser.add_argument("--pelican-options", default="", help="more pelican options, one string")
    parser.add_argument("upload", nargs=argparse.REMAINDER, help="-- then an upload command")
    args = parser.parse_args(argv)
    site = args.site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    upload = args.upload[1:] if args.upload[:1] == ["--"] else args.upload

    _lock = take_lock(site)
    try:
        if not publish(args.content, args.settings, site, shlex.split(args.pelican_options)):
            return 1
    except KeyboardInterrupt:
        say(f"interrupted: {site} is unchanged")
        return 130
    if not upload:
        return 0
    try:
        return subprocess.run(upload).returncode
    except KeyboardInterrupt:
        say(f"interrupted during the upload; {site} holds the new site, run the upload again")
        return 130


if __name__ == "__main__":
    sys.exit(main())
