"""Remove duplicated paragraphs from Pelican posts at build time.

Modules, in the order the data flows: ``core`` decides on plain blocks,
``html_blocks`` finds blocks in rendered HTML and cuts them, ``plugin`` wires
both into Pelican, ``settings`` validates DEDUP, and ``check_content`` checks
Markdown sources without building.
"""


def register():
    """Pelican's entry point; imports Pelican only when used as a plugin."""
    from .plugin import register as register_signals

    register_signals()
