"""The importer's parts on small inputs: Blogger HTML to paragraphs and
Markdown, links to the old blog, titles and slugs, and the plugin's dedup
rules finding a body saved twice once the classic editor's lines are <p>s."""

import datetime

import pytest
from pelican.plugins.dedup.repair import repair_html

from scripts.blogger_import import blogger_html, links, posts
from scripts.blogger_import.export import Entry
from scripts.blogger_import.to_markdown import to_markdown

PARAGRAPHS = [
    "I beat myself up about that for the rest of the day but did pull it together.",
    "This interview was in person where I met the Sales Manager and the team.",
    "I will work on preparing better for the next time I meet an interview sniper.",
]


def tidy(html):
    return str(blogger_html.tidy(blogger_html.parse(html)))


def markdown(html):
    return to_markdown(tidy(html))


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # The classic editor: <br /> ends a line, a blank line ends a paragraph.
        ("One a.<br />one b.<br /><br />Two.<br /><br /><br />Three<br />",
         "<p>One a.<br/>one b.</p><p>Two.</p><p>Three</p>"),
        # Compose mode: a <div> a line, <div><br /></div> a blank line.
        ("<div>A one</div><div>A two</div><div><br /></div><div>B</div>",
         "<p>A one<br/>A two</p><p>B</p>"),
        # A font span around the whole post is read through.
        ('<span style="font-family: Georgia">A<br><br>B <b>bold</b></span>',
         "<p>A</p><p>B <b>bold</b></p>"),
        # The new editor's paragraphs stay as they are.
        ("<p>new</p>\n<p>editor</p>", "<p>new</p><p>editor</p>"),
        # The jump break and comments go.
        ('Before<a name="more"></a><!--more--><br /><br />After', "<p>Before</p><p>After</p>"),
        # Numbered lines typed one under another become a list.
        ("So:<br />1. Wait.<br />2. Back it up.",
         "<p>So:</p><ol><li>Wait.</li><li>Back it up.</li></ol>"),
    ],
)  # fmt: skip
def test_classic_editor_html_becomes_paragraphs(html, expected):
    assert tidy(html) == expected


def test_nbsp_becomes_a_space_except_in_code():
    assert tidy("<p>a&nbsp; b</p><pre>x&nbsp;=&nbsp;1</pre>") == "<p>a  b</p><pre>x\xa0=\xa01</pre>"
    assert markdown("Two.&nbsp; Spaces&nbsp;") == "Two. Spaces\n"


def test_caption_table_becomes_an_image_with_its_caption():
    html = (
        '<table class="tr-caption-container"><tbody><tr><td><a href="https://h/s1600/a.jpg">'
        '<img src="https://h/s320/a.jpg" /></a></td></tr><tr><td class="tr-caption">'
        "The caf&eacute;</td></tr></tbody></table>"
    )
    assert markdown(html) == (
        '[![The café](https://h/s320/a.jpg "The café")](https://h/s1600/a.jpg)  \n*The café*\n'
    )


def test_images_without_alt_text_get_their_file_name():
    assert 'alt="team lunch 2013"' in tidy('<img src="https://h/s320/team_lunch-2013.jpg">')
    assert 'alt="Kept"' in tidy('<img alt="Kept" src="https://h/x.png">')


def test_code_stays_code_with_its_language():
    html = '<pre class="brush: python">if a &lt; b:<br />    print("*ok*")</pre>'
    assert markdown(html) == '```python\nif a < b:\n    print("*ok*")\n```\n'
    assert markdown("<p>Run <code>make_html</code></p>") == "Run `make_html`\n"


def test_text_that_looks_like_markdown_or_html_stays_text():
    html = "#1 rule &lt;b&gt; &amp;copy; a_b<br />1. not a list<br />- nor this<br />&gt; nor this"
    assert markdown(html) == (
        "\\#1 rule &lt;b> &amp;copy; a\\_b  \n1\\. not a list  \n\\- nor this  \n\\> nor this\n"
    )


def test_an_embedded_video_stays_without_obsolete_attributes():
    html = '<iframe frameborder="0" src="https://www.youtube.com/embed/x" width="320"></iframe>'
    assert markdown(html) == '<iframe src="https://www.youtube.com/embed/x" width="320"></iframe>\n'


def test_the_plugin_finds_a_classic_editor_body_saved_twice():
    body = "<br /><br />".join(PARAGRAPHS)
    html = tidy(f"{body}<br /><br />{body}")
    repaired, decisions = repair_html(html)
    assert sum(d.action == "remove" for d in decisions) == len(PARAGRAPHS)
    assert repaired == "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_links_to_the_old_blog_find_the_new_files():
    old = links.OldBlog(
        hosts={"diary.example.org"},
        files={"/2013/03/x.html": "posts/2013-03-03-x.md"},
        labels={"job search": "job-search"},
    )
    assert old.new_href("http://jobsearchdiary.blogspot.com/2013/03/x.html") == (
        "{filename}/posts/2013-03-03-x.md"
    )
    assert old.new_href("https://www.diary.example.org/2013/03/x.html?m=1#c42") == (
        "{filename}/posts/2013-03-03-x.md#c42"
    )
    assert old.new_href("https://diary.blogspot.co.uk/search/label/job%20search") == (
        "{tag}job-search"
    )
    assert old.new_href("https://other.example.com/2013/03/x.html") is None
    assert old.new_href("https://jobsearchdiary.blogspot.com/2013/03/gone.html") is None
    assert old.new_href("https://1.bp.blogspot.com/-a/s1600/x.jpg") is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short note.", "Short note."),
        ("  ", "Untitled"),
        ("I had two interviews this week. The first went horribly, the second, very well.",
         "I had two interviews this week. The first went horribly…"),
    ],
)  # fmt: skip
def test_an_untitled_post_gets_its_first_words(text, title):
    assert posts.title_from_words(text) == title


def entry(path, published="2013-03-08T19:47:00-08:00", status="live"):
    return Entry(
        id="tag:blogger.com,1999:blog-1.post-2",
        kind="post",
        status=status,
        title="",
        html="",
        published=datetime.datetime.fromisoformat(published),
        updated=None,
        path=path,
    )


SETTINGS = {"ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}.html", "SLUG_REGEX_SUBSTITUTIONS": []}


def test_a_post_keeps_blogger_s_address():
    placed = posts.place(entry("/2013/03/blog-post_12.html"), "t", SETTINGS, set(), set())
    assert (placed.slug, placed.path) == ("blog-post_12", "posts/2013-03-08-blog-post_12.md")
    assert placed.pinned_url is None  # the settings give the old address


def test_a_second_slug_of_a_kind_pins_the_old_address():
    slugs = {"blog-post"}
    placed = posts.place(
        entry("/2013/04/blog-post.html", "2013-04-05T10:00:00-07:00"), "t", SETTINGS, slugs, set()
    )
    assert placed.slug == "blog-post-2013-04"
    assert placed.pinned_url == "2013/04/blog-post.html"


def test_a_date_given_in_utc_pins_the_month_blogger_used():
    # 2013-04-01 06:40 UTC was still March 31 on the blog's clock, and in its URL.
    placed = posts.place(
        entry("/2013/03/late.html", "2013-04-01T06:40:00+00:00"), "t", SETTINGS, set(), set()
    )
    assert placed.pinned_url == "2013/03/late.html"
