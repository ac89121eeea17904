"""HTML to Markdown, with markdownify.

markdownify (MIT, maintained, built on BeautifulSoup, which the project
already uses) is a plain Python library: no pandoc binary to install, and each
conversion rule is a method that can be adjusted. html2text was the
alternative; it wraps lines and turns Markdown-looking text into escapes less
predictably, and its rules cannot be overridden one tag at a time.
"""

import re

from markdownify import MarkdownConverter

_BRUSH = re.compile(r"brush:\s*([\w+#-]+)")
_LANGUAGE = re.compile(r"(?:language|lang)-([\w+#-]+)")
_BLANK_LINES = re.compile(r"\n{3,}")
_ENTITY_LIKE = re.compile(r"&(#?\w+;)")
# What Python-Markdown reads at the start of a line as a heading, a quote or a
# list item ("#1 rule", "- dash", "2. point"), even inside a paragraph.
_BLOCK_START = re.compile(r"^([ \t]*)(#|>|[-+](?=[ \t])|\d+(?=[.)]))", re.MULTILINE)
# The attributes an embedded video or map keeps (frameborder & co are obsolete).
_IFRAME_ATTRIBUTES = ("src", "width", "height", "title", "allow", "allowfullscreen", "loading")


def _code_language(pre):
    """The language of a code block: SyntaxHighlighter's ``brush: python`` or
    ``class="language-python"`` on the pre or its code element."""
    for element in (pre, pre.find("code")):
        if element is None:
            continue
        classes = " ".join(element.get("class") or [])
        found = _BRUSH.search(classes) or _LANGUAGE.search(classes)
        if found:
            return found.group(1).lower()
    return ""


def _escape_block_start(found):
    indent, start = found.groups()
    return f"{indent}{start}\\" if start[0].isdigit() else f"{indent}\\{start}"


class _Converter(MarkdownConverter):
    def escape(self, text, parent_tags):
        # Text that Python-Markdown would take for HTML or an entity stays text.
        text = super().escape(text, parent_tags)
        return _ENTITY_LIKE.sub(r"&amp;\1", text).replace("<", "&lt;")

    def convert_p(self, el, text, parent_tags):
        return super().convert_p(el, _BLOCK_START.sub(_escape_block_start, text), parent_tags)

    def convert_iframe(self, el, text, parent_tags):
        # Embedded videos and maps stay, as raw HTML (Markdown has no syntax for them).
        for name in list(el.attrs):
            if name not in _IFRAME_ATTRIBUTES:
                del el[name]
        return f"\n\n{el}\n\n"

    def convert_pre(self, el, text, parent_tags):
        # Blogger's editors put <br> inside <pre>; they are line ends in code.
        for br in el.find_all("br"):
            br.replace_with("\n")
        return super().convert_pre(el, el.get_text(), parent_tags)


def to_markdown(html_or_soup):
    """Markdown for a post's (tidied) HTML, given as text or as a parsed soup:
    ATX headings, fenced code, ``-`` bullets.

    A line break is two trailing spaces: Python-Markdown knows no other.
    """
    converter = _Converter(
        heading_style="ATX",
        bullets="-",
        code_language_callback=_code_language,
    )
    if isinstance(html_or_soup, str):
        markdown = converter.convert(html_or_soup)
    else:
        markdown = converter.convert_soup(html_or_soup)
    return _BLANK_LINES.sub("\n\n", markdown).strip() + "\n"
