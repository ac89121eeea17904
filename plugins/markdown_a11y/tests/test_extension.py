"""The extension on Markdown text, with the site's other extensions around it."""

import types

from bs4 import BeautifulSoup
from markdown import Markdown

from markdown_a11y.extension import A11yExtension
from markdown_a11y.plugin import add_extension

SOURCE = """\
Some code:

    :::python
    print('<pre> and <input type="checkbox" disabled> are text here')

Plain code:

    no highlighting

<pre tabindex="-1">raw HTML keeps its own tabindex</pre>

- [x] done already
- [ ] still to do
"""


def render(text):
    md = Markdown(
        extensions=["codehilite", "extra", "pymdownx.tasklist", A11yExtension()],
        output_format="html5",
    )
    return BeautifulSoup(md.convert(text), "html.parser")


def test_every_pre_can_take_the_focus_once():
    page = render(SOURCE)
    assert [pre.get("tabindex") for pre in page.find_all("pre")] == ["0", "0", "-1"]
    code = page.find("pre").get_text()
    assert '<pre> and <input type="checkbox" disabled> are text here' in code


def test_task_list_checkboxes_are_named_by_their_state():
    page = render(SOURCE)
    boxes = page.find_all("input", type="checkbox")
    assert [(b.has_attr("checked"), b["aria-label"]) for b in boxes] == [
        (True, "done"),
        (False, "to do"),
    ]


def test_the_plugin_adds_the_extension_once():
    pelican = types.SimpleNamespace(settings={"MARKDOWN": {"extension_configs": {}}})
    add_extension(pelican)
    add_extension(pelican)  # `make devserver` may initialise again
    [extension] = pelican.settings["MARKDOWN"]["extensions"]
    assert isinstance(extension, A11yExtension)
