"""One call from HTML to repaired HTML: what the plugin, the checker and an importer share.

The plugin runs it on each post Pelican renders; anything else that holds a
post's HTML (an importer, a script) calls ``repair_html`` and gets the same
decisions the build would make.
"""

from . import core, html_blocks, html_tree

NOTHING_FOUND = ((), (), (), None)  # decisions, blocks, emptied, cut HTML
DEFAULT_OPTIONS = core.Options()


def decide(html, options=DEFAULT_OPTIONS, cut=True):
    """(decisions, blocks, emptied containers, HTML after the cuts or None).

    The HTML is None when nothing was cut (no removal, or ``cut`` is False).
    The quick screen looks at the document's texts first; most posts stop
    there, before their tree is built.
    """
    texts = html_tree.visible_texts(html)
    if texts is not None and not core.could_have_decisions(texts, options):
        return NOTHING_FOUND
    blocks = html_blocks.find_blocks(html)
    decisions = core.find_duplicates([b.block for b in blocks], options)
    if not decisions:
        return NOTHING_FOUND
    removed = [d.index for d in decisions if d.action == "remove"]
    if not cut or not removed:
        return tuple(decisions), tuple(blocks), (), None
    cut_html, emptied = html_blocks.cut_blocks(html, blocks, removed)
    return tuple(decisions), tuple(blocks), tuple(emptied), cut_html


def repair_html(html, options=DEFAULT_OPTIONS):
    """The HTML with its duplicated blocks removed, and every decision taken."""
    decisions, _blocks, _emptied, cut_html = decide(html, options)
    return (html if cut_html is None else cut_html), list(decisions)
