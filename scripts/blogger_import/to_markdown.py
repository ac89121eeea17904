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


class _Converter(MarkdownConverter):
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
