"""Keep the theme's compiled templates in Pelican's cache folder between builds.

Every build compiles each template again, in each generator's own Jinja
environment: a fifth to a third of a rebuild of a small site. Jinja's own
FileSystemBytecodeCache (a public Jinja API) keeps the compiled code and
drops it when a template's source changes. Compiled code also depends on the
environment's options (autoescape, extensions, ...), so it is kept in a
folder named after a hash of JINJA_ENVIRONMENT and Jinja's version. Only
builds that keep Pelican's content cache use it: `make publish` compiles
afresh.

No settings: CACHE_PATH, CACHE_CONTENT and JINJA_ENVIRONMENT are Pelican's.
"""

import hashlib
from pathlib import Path

import jinja2
from pelican import signals


def folder(settings):
    """The bytecode folder for these settings, or None when nothing is cached."""
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return None
    options = repr((jinja2.__version__, sorted(settings["JINJA_ENVIRONMENT"].items())))
    name = "templates-" + hashlib.sha256(options.encode()).hexdigest()[:12]
    return Path(settings["CACHE_PATH"]) / name


def use_cache(generator):
    """generator_init: give the generator's Jinja environment the bytecode cache."""
    where = folder(generator.settings)
    if where is not None:
        where.mkdir(parents=True, exist_ok=True)
        generator.env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(where))


def register():
    signals.generator_init.connect(use_cache)
