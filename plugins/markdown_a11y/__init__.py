"""Markdown output that keyboard and screen-reader users can use.

Two things the Markdown extensions leave out, added to the rendered HTML:

- every ``<pre>`` gets ``tabindex="0"``: the theme lets long code lines
  scroll sideways instead of wrapping, and a scrolling box must take the
  keyboard focus to be scrolled without a mouse (WCAG 2.1.1);
- every task-list checkbox (pymdownx.tasklist) gets a name, "done" or
  "to do", as a form control without one is announced as "checkbox" only.

The plugin adds its Markdown extension to MARKDOWN when Pelican starts, so
the change is made once per post, at rendering time, and cached with it.

No settings.
"""


def register():
    """Pelican's entry point; imports Pelican only when used as a plugin."""
    from .plugin import register as register_signals

    register_signals()
