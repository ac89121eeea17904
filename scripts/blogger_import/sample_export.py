"""Write Blogger exports, in both formats, from a plain description of a blog.

For the test fixtures (tests/data/blogger/make_exports.py) and the benchmark:
one description gives a Takeout ``feed.atom`` and an older backup XML that
hold the same posts, laid out as Blogger lays them out.

An entry is a dict: ``number`` (its post id), ``kind`` ("post", "page",
"comment"), ``status`` ("LIVE", "DRAFT", "SOFT_TRASHED"), ``title``, ``html``,
``published``, ``updated`` (ISO strings with an offset), ``labels``,
``filename`` ("/2013/03/name.html"), ``parent`` (a comment's post number),
``author``.
"""

from xml.sax.saxutils import escape, quoteattr

BLOG_ID = "7291846105309947218"
TAG = f"tag:blogger.com,1999:blog-{BLOG_ID}"
KIND = "http://schemas.google.com/blogger/2008/kind#"
LABELS = "http://www.blogger.com/atom/ns#"


def _id(number):
    return f"{TAG}.post-{number}"


def takeout(blog, entries):
    """Google Takeout's feed.atom (Blogger/Blogs/<name>/feed.atom)."""
    out = [
        "<?xml version='1.0' encoding='utf-8'?>",
        "<feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:blogger='http://schemas.google.com/blogger/2018'>",
        f"  <id>{TAG}</id>",
        f"  <title>{escape(blog['title'])}</title>",
    ]
    for e in entries:
        out.append("  <entry>")
        out.append(f"    <id>{_id(e['number'])}</id>")
        if e.get("parent"):
            out.append(f"    <blogger:parent>{_id(e['parent'])}</blogger:parent>")
        out.append(f"    <blogger:type>{e['kind'].upper()}</blogger:type>")
        out.append(f"    <blogger:status>{e.get('status', 'LIVE')}</blogger:status>")
        out.append(
            f"    <author><name>{escape(e.get('author', blog['author']))}</name>"
            "<uri>https://www.blogger.com/profile/04718305568265521913</uri>"
            "<blogger:type>BLOGGER</blogger:type></author>"
        )
        out.append(f"    <title>{escape(e.get('title', ''))}</title>")
        out.append(f"    <content type='html'>{escape(e['html'])}</content>")
        out.append(f"    <blogger:created>{e['published']}</blogger:created>")
        out.append(f"    <published>{e['published']}</published>")
        out.append(f"    <updated>{e.get('updated', e['published'])}</updated>")
        for label in e.get("labels", []):
            out.append(f"    <category term={quoteattr(label)}/>")
        if e.get("filename") and e.get("status", "LIVE") == "LIVE":
            out.append(f"    <blogger:filename>{escape(e['filename'])}</blogger:filename>")
        out.append("  </entry>")
    out.append("</feed>")
    return "\n".join(out) + "\n"


def backup(blog, entries):
    """The older Settings -> "Back up content" file (blog-MM-DD-YYYY.xml).

    It has no trash: trashed entries are left out, as Blogger left them out.
    """
    host = blog["host"]
    out = [
        "<?xml version='1.0' encoding='UTF-8'?>"
        "<?xml-stylesheet href=\"https://www.blogger.com/styles/atom.css\" type=\"text/css\"?>"
        "<feed xmlns='http://www.w3.org/2005/Atom' "
        "xmlns:openSearch='http://a9.com/-/spec/opensearchrss/1.0/' "
        "xmlns:gd='http://schemas.google.com/g/2005' "
        "xmlns:thr='http://purl.org/syndication/thread/1.0' "
        "xmlns:georss='http://www.georss.org/georss'>",
        f"<id>{TAG}.archive</id><updated>2013-04-20T10:00:00.000-07:00</updated>",
        f"<title type='text'>{escape(blog['title'])}</title>",
        f"<link rel='alternate' type='text/html' href='https://{host}/'/>",
        f"<author><name>{escape(blog['author'])}</name></author>",
        "<generator version='7.00' uri='https://www.blogger.com'>Blogger</generator>",
        f"<entry><id>{TAG}.layout</id><published>2013-03-01T10:00:00.000-08:00</published>"
        f"<updated>2013-03-01T10:00:00.000-08:00</updated><category scheme="
        f"'http://schemas.google.com/g/2005#kind' term='{KIND}template'/>"
        "<title type='text'>Template: Job Search Diary</title>"
        "<content type='html'>&lt;?xml version=\"1.0\"?&gt;&lt;html/&gt;</content></entry>",
        f"<entry><id>{TAG}.settings.BLOG_NAME</id><published>2013-03-01T10:00:00.000-08:00"
        f"</published><updated>2013-03-01T10:00:00.000-08:00</updated><category scheme="
        f"'http://schemas.google.com/g/2005#kind' term='{KIND}settings'/>"
        f"<title type='text'>BLOG_NAME</title><content type='html'>{escape(blog['title'])}"
        "</content></entry>",
    ]
    posts = {e["number"]: e for e in entries}
    for e in entries:
        status = e.get("status", "LIVE")
        if status == "SOFT_TRASHED":
            continue
        parts = [
            f"<entry><id>{_id(e['number'])}</id>",
            f"<published>{e['published']}</published>",
            f"<updated>{e.get('updated', e['published'])}</updated>",
        ]
        if status == "DRAFT":
            parts.append(
                "<app:control xmlns:app='http://purl.org/atom/app#'>"
                "<app:draft>yes</app:draft></app:control>"
            )
        parts.append(
            f"<category scheme='http://schemas.google.com/g/2005#kind' term='{KIND}{e['kind']}'/>"
        )
        for label in e.get("labels", []):
            parts.append(f"<category scheme='{LABELS}' term={quoteattr(label)}/>")
        parts.append(f"<title type='text'>{escape(e.get('title', ''))}</title>")
        parts.append(f"<content type='html'>{escape(e['html'])}</content>")
        feed = f"https://www.blogger.com/feeds/{BLOG_ID}/posts/default/{e['number']}"
        parts.append(f"<link rel='edit' type='application/atom+xml' href='{feed}'/>")
        parts.append(f"<link rel='self' type='application/atom+xml' href='{feed}'/>")
        if e["kind"] == "comment":
            post = posts[e["parent"]]
            page = f"https://{host}{post['filename']}"
            parts.append(
                f"<link rel='alternate' type='text/html' href='{page}?showComment=1#c{e['number']}'"
                " title=''/>"
            )
            parts.append(
                f"<thr:in-reply-to href='{page}' ref='{_id(e['parent'])}' "
                f"source='https://www.blogger.com/feeds/{BLOG_ID}/posts/default/{e['parent']}' "
                "type='text/html'/>"
            )
        elif status == "LIVE" and e.get("filename"):
            parts.append(
                f"<link rel='alternate' type='text/html' href='https://{host}{e['filename']}' "
                f"title={quoteattr(e.get('title', ''))}/>"
            )
        parts.append(
            f"<author><name>{escape(e.get('author', blog['author']))}</name>"
            "<uri>https://www.blogger.com/profile/04718305568265521913</uri>"
            "<email>noreply@blogger.com</email></author>"
        )
        parts.append("</entry>")
        out.append("".join(parts))
    out.append("</feed>")
    return "\n".join(out) + "\n"
