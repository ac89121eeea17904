"""Write feed.atom (Google Takeout) and blog-backup.xml (the older "Back up
content" file) in this folder: the diary as it was on Blogger, in both formats.

Run ``python -m tests.data.blogger.make_exports`` after changing it; the
files are committed. The two posts of March 2013 are the seed page
(tests/data/blogger-seed.txt): the March 3 post in the classic editor with its
body saved twice, the March 8 post untitled. Around them: every case the
importer handles once (see ENTRIES).
"""

from pathlib import Path

from scripts.blogger_import import sample_export

HERE = Path(__file__).resolve().parent
SEED = (HERE.parent / "blogger-seed.txt").read_text(encoding="utf-8").split("\n")
MARCH_8 = SEED[0:6]  # untitled on Blogger: the page shows no title above it
MARCH_3_FIRST, MARCH_3_REST = SEED[9], SEED[10:27]  # the rest was saved twice
BLOG = {"title": "Job Search Diary", "author": "The Diarist", "host": "jobsearchdiary.blogspot.com"}
HOST = f"https://{BLOG['host']}"


def classic(lines):
    """The classic editor: a line ends with <br />, a blank line between paragraphs,
    except for the numbered lines of a list, typed one under the other."""
    html = ""
    for line in lines:
        numbered = line[:2] in ("1.", "2.", "3.", "4.")
        if html:
            html += "<br />" if numbered else "<br /><br />"
        html += line.replace("&", "&amp;").replace('"', "&quot;")
    return html


MARCH_3 = classic([MARCH_3_FIRST, *MARCH_3_REST]) + "<br /><br />" + classic(MARCH_3_REST)
MARCH_8_HTML = (
    "".join(f"<p>{line}</p>" for line in MARCH_8[:4])
    + f"<p>Like I wrote in <a href=\"{HOST}/2013/03/what-i-am-learning-from-hiring.html\">"
    "what I am learning from hiring managers</a>, the phone screen is where it stops.</p>"
    + "".join(f"<p>{line}</p>" for line in MARCH_8[4:])
    + f"<p>{MARCH_8[3]}</p>"  # one paragraph saved a second time, at the end
)
CAFE = (
    "<p>Went to the networking night at Caf&eacute; Lumi&egrave;re. I met Zo&euml; from "
    "M&uuml;ller &amp; S&ouml;hne, a na&iuml;ve question about their 日本語 support team "
    "turned into a twenty-minute talk.&nbsp; Bring business cards! 🎯</p>"
    '<table align="center" cellpadding="0" cellspacing="0" class="tr-caption-container" '
    'style="margin-left: auto; margin-right: auto;"><tbody><tr><td style="text-align: center;">'
    '<a href="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh7c/s1600/cafe.jpg" '
    'style="margin-left: auto; margin-right: auto;"><img border="0" height="240" '
    'src="https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh7c/s320/cafe.jpg" '
    'width="320" /></a></td></tr><tr><td class="tr-caption" style="text-align: center;">'
    "The back room at Caf&eacute; Lumi&egrave;re &mdash; full by 7 pm ☕</td></tr></tbody></table>"
    "<p>Three things I will do next time:</p><ul><li>Arrive early, when people still talk.</li>"
    "<li>Ask what they are hiring for <i>next</i> quarter.</li>"
    "<li>Follow up within a day.</li></ul>"
    f'<p>More on this under <a href="{HOST}/search/label/networking">networking</a>.</p>'
)
SCRIPT = (
    "<p>My spreadsheet of applications outgrew itself, so here is the tiny script I use now:</p>"
    '<pre class="brush: python">import csv\n\n'
    "with open(\"applications.csv\") as f:\n"
    "    for row in csv.DictReader(f):\n"
    "        if row[\"status\"] != \"closed\" and int(row[\"days\"]) &lt; 14:\n"
    "            print(row[\"company\"], row[\"role\"])\n</pre>"
    "<p>#1 rule: never paste &lt;div&gt; soup into a cover letter.</p>"
    '<iframe allowfullscreen="" frameborder="0" height="266" '
    'src="https://www.youtube.com/embed/dQw4w9WgXcQ" width="320"></iframe>'
    "<p>Run it with <code>python track.py</code> every Monday. It found the caf&eacute; contact "
    f'from <a href="{HOST}/2013/03/networking-night-at-cafe-what-i.html?m=1">networking night</a>.'
    "</p>"
)

ENTRIES = [
    {
        "number": 4401, "kind": "page", "title": "About",
        "published": "2013-03-01T12:00:00.000-08:00", "updated": "2013-03-01T12:00:00.000-08:00",
        "filename": "/p/about.html",
        "html": "<p>This is a diary of a job search in product management and marketing, begun "
        "in 2013.</p><p>I write about interviews, networking and what hiring managers say.</p>",
    },
    {
        "number": 1101, "kind": "post", "title": "What I am learning from hiring managers",
        "published": "2013-03-03T14:25:00.000-08:00", "updated": "2013-03-03T14:31:07.000-08:00",
        "filename": "/2013/03/what-i-am-learning-from-hiring.html",
        "labels": ["hiring managers", "product management", "job search"],
        "html": MARCH_3,
    },
    {
        "number": 1102, "kind": "post", "title": "",
        "published": "2013-03-08T19:47:00.000-08:00", "updated": "2013-03-08T19:47:41.000-08:00",
        "filename": "/2013/03/blog-post.html", "labels": ["interviews", "job search"],
        "html": MARCH_8_HTML,
    },
    {
        "number": 1103, "kind": "post", "title": "",
        "published": "2013-03-12T08:05:00.000-07:00",
        "filename": "/2013/03/blog-post_12.html", "labels": ["interviews"],
        "html": "<div>Quick note: the recruiter from Acme called back. Second interview on "
        "Monday! 🎉</div><div><br /></div><div>Fingers crossed.&nbsp;</div>",
    },
    {
        "number": 1104, "kind": "post", "title": "Networking night at the café ☕ — what I learned",
        "published": "2013-03-14T21:10:00.000-07:00", "updated": "2013-03-14T21:12:00.000-07:00",
        "filename": "/2013/03/networking-night-at-cafe-what-i.html",
        "labels": ["networking", "café meetups"],
        "html": CAFE,
    },
    {
        "number": 1105, "kind": "post", "title": "Tracking applications with a tiny script",
        "published": "2013-03-31T23:40:00.000-07:00", "updated": "2013-04-02T08:00:00.000-07:00",
        "filename": "/2013/03/tracking-applications-with-tiny-script.html",
        "labels": ["tools", "job search"],
        "html": SCRIPT,
    },
    {
        "number": 1106, "kind": "post", "title": "",
        "published": "2013-04-05T10:00:00.000-07:00",
        "filename": "/2013/04/blog-post.html", "labels": ["interviews"],
        "html": "Second interview done. They asked about my spreadsheet of applications, "
        "of all things.<br /><br />Next step: a presentation to the team.<br />",
    },
    {
        "number": 1107, "kind": "post", "status": "DRAFT", "title": "Thank-you notes that work",
        "published": "2013-04-10T09:00:00.000-07:00", "labels": ["interviews"],
        "html": "Three lines, sent the same day.<br /><br />Name one thing you learned.",
    },
    {
        "number": 1108, "kind": "post", "status": "SOFT_TRASHED",
        "title": "test post please ignore",
        "published": "2013-03-02T10:00:00.000-08:00",
        "filename": "/2013/03/test-post-please-ignore.html",
        "html": "<p>Testing the new template.</p>",
    },
    {
        "number": 9901, "kind": "comment", "parent": 1101, "author": "Pat",
        "published": "2013-03-04T08:12:00.000-08:00",
        "html": "Great insights. Good luck with the search! 👍",
    },
    {
        "number": 9902, "kind": "comment", "parent": 1104, "author": "Sam",
        "published": "2013-03-15T07:30:00.000-07:00", "html": "Loved the caf&eacute; idea.",
    },
]  # fmt: skip


def main():
    (HERE / "feed.atom").write_text(sample_export.takeout(BLOG, ENTRIES), encoding="utf-8")
    (HERE / "blog-backup.xml").write_text(sample_export.backup(BLOG, ENTRIES), encoding="utf-8")


if __name__ == "__main__":
    main()
