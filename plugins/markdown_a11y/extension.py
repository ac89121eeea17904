"""The Markdown extension: one postprocessor over the finished HTML."""

import re

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

# After Python-Markdown puts back stashed raw HTML (priority 30), where
# codehilite's and the task list's markup lives.
PRIORITY = 5
PRE = re.compile(r"<pre(?![^>]*\btabindex=)(?=[\s>])")
CHECKBOX = re.compile(r'<input type="checkbox" disabled( checked)?(?![^>]*\baria-label=)')


def _name(match):
    return f'{match.group(0)} aria-label="{"done" if match.group(1) else "to do"}"'


class A11yPostprocessor(Postprocessor):
    def run(self, text):
        text = PRE.sub('<pre tabindex="0"', text)
        return CHECKBOX.sub(_name, text)


class A11yExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Python-Markdown's name
        md.postprocessors.register(A11yPostprocessor(md), "markdown_a11y", PRIORITY)


def makeExtension(**kwargs):  # noqa: N802 - Python-Markdown's name
    return A11yExtension(**kwargs)
