"""Print tag, category and author names as text in every template.

Names are plain text (the Atom writer escapes them as such), but Pelican's
Jinja environment does not autoescape, so ``{{ tag }}`` would put a tag
``<script>`` into the page as markup. A ``finalize`` hook escapes these
objects wherever a template prints one; ``{{ tag|e }}`` still works (once).
"""

from markupsafe import escape
from pelican.urlwrappers import URLWrapper


def escape_names_in_templates(generator):
    """generator_init: escape URLWrapper objects (Tag, Category, Author) on output."""
    env = getattr(generator, "env", None)
    if env is None:
        return
    previous = env.finalize

    def finalize(value):
        if previous is not None:
            value = previous(value)
        if isinstance(value, URLWrapper):
            return str(escape(str(value)))
        return value

    env.finalize = finalize
