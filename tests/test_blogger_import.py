"""`make import BLOGGER=FILE`, as a person moving a Blogger diary would run it.

A fresh copy of the site without its starter posts and About page (they are
the ones the export brings back) gets the fixtures of tests/data/blogger
imported with `make import`, then is built with `make html` and `make publish`.
The checks read the Markdown written, the built pages, the feed (feedparser),
and follow the old addresses in Chromium.
"""

import http.client
import http.server
import json
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import pytest

from scripts.blogger_import import bench, sample_export
from scripts.site_server import serve
from tests.conftest import ROOT, copy_content, make, soup
from tests.tools import require

DATA = ROOT / "tests" / "data" / "blogger"
TAKEOUT = DATA / "feed.atom"
BACKUP = DATA / "blog-backup.xml"
SEED = (ROOT / "tests" / "data" / "blogger-seed.txt").read_text(encoding="utf-8").split("\n")
BLOG = "tag:blogger.com,1999:blog-7291846105309947218"
MARCH_3 = "posts/2013-03-03-what-i-am-learning-from-hiring.md"
MARCH_8 = "posts/2013-03-08-blog-post.md"
CAFE = "posts/2013-03-14-networking-night-at-cafe-what-i.md"
SCRIPT = "posts/2013-03-31-tracking-applications-with-tiny-script.md"
# Where Blogger served each published post; the site must serve it there too.
OLD_POST_URLS = [
    "2013/03/what-i-am-learning-from-hiring.html",  # a name Blogger truncated
    "2013/03/blog-post.html",  # untitled
    "2013/03/blog-post_12.html",  # untitled, the second that month
    "2013/03/networking-night-at-cafe-what-i.html",
    "2013/03/tracking-applications-with-tiny-script.html",  # 23:40 -07:00: April in UTC
    "2013/04/blog-post.html",  # untitled, a second "blog-post" in another month
]


def fresh_site(folder):
    """A copy of the site's content/ as a new Blogger mover has it."""
    content = copy_content(folder / "content")
    for post in (content / "posts").glob("*.md"):
        post.unlink()
    (content / "pages" / "about.md").unlink()
    return content


def snapshot(content):
    """Every file under ``content``: {relative path: (bytes, mtime)}."""
    return {
        p.relative_to(content).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(Path(content).rglob("*"))
        if p.is_file()
    }


def do_import(content, export, *variables):
    return make("import", content, content.parent / "output", f"BLOGGER={export}", *variables)


def header(path):
    text = Path(path).read_text(encoding="utf-8")
    head, _, body = text.partition("\n\n")
    return dict(line.split(": ", 1) for line in head.splitlines()), body


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The Takeout export imported, built with `make html` and `make publish`."""
    folder = tmp_path_factory.mktemp("blogger")
    content = fresh_site(folder)
    result = do_import(content, TAKEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    html = make("html", content, folder / "output")
    assert html.returncode == 0, html.stdout + html.stderr
    publish = make("publish", content, folder / "published")
    assert publish.returncode == 0, publish.stdout + publish.stderr
    return {
        "content": content,
        "output": folder / "output",
        "published": folder / "published",
        "report": result.stdout,
        "builds": html.stdout + html.stderr + publish.stdout + publish.stderr,
    }


def test_both_export_formats_give_the_same_files(imported, tmp_path):
    content = fresh_site(tmp_path)
    result = do_import(content, BACKUP)
    assert result.returncode == 0, result.stderr
    takeout = {path: data for path, (data, _) in snapshot(imported["content"]).items()}
    backup = {path: data for path, (data, _) in snapshot(content).items()}
    assert sorted(takeout) == sorted(backup)
    assert [p for p in takeout if takeout[p] != backup[p]] == []
    assert len([p for p in takeout if p.startswith("posts/")]) == 7


def test_posts_carry_blogger_metadata(imported):
    content = imported["content"]
    meta, _ = header(content / MARCH_3)
    assert meta["Title"] == "What I am learning from hiring managers"
    assert meta["Date"] == "2013-03-03 14:25-08:00"  # the original offset
    assert meta["Modified"] == "2013-03-03 14:31-08:00"  # updated later
    assert meta["Tags"] == "hiring managers, product management, job search"
    assert meta["Id"] == f"{BLOG}.post-1101"
    assert meta["Slug"] == "what-i-am-learning-from-hiring"
    assert "Status" not in meta

    quick, _ = header(content / "posts/2013-03-12-blog-post_12.md")
    assert quick["Date"] == "2013-03-12 08:05-07:00" and "Modified" not in quick
    # Untitled on Blogger: a title from the first words, never empty.
    untitled, _ = header(content / MARCH_8)
    assert untitled["Title"] == "I had two interviews this week. The first went horribly…"
    draft, _ = header(content / "posts/2013-04-10-thank-you-notes-that-work.md")
    assert draft["Status"] == "draft"
    page, _ = header(content / "pages/about.md")
    assert (page["Title"], page["Id"]) == ("About", f"{BLOG}.post-4401")


def test_trashed_posts_and_comments_do_not_become_posts(imported):
    texts = "".join(p.read_text() for p in imported["content"].rglob("*.md"))
    assert "Testing the new template" not in texts  # the trashed post
    assert "Good luck with the search" not in texts and "Loved the caf" not in texts
    report = imported["report"]
    assert "posts: 6, drafts: 1, pages: 1, comments: 2 (not imported)" in report
    assert "skipped: 1 trashed" in report


def test_every_post_is_served_where_blogger_served_it(imported):
    for site in (imported["output"], imported["published"]):
        for url in OLD_POST_URLS:
            assert (site / url).is_file(), url
    page = soup(imported["published"] / "2013/03/tracking-applications-with-tiny-script.html")
    assert page.find("h1").get_text(strip=True) == "Tracking applications with a tiny script"


def test_feed_readers_see_the_blogger_ids(imported):
    feed = feedparser.parse(str(imported["published"] / "feeds" / "all.atom.xml"))
    assert not feed.bozo, feed.bozo_exception
    ids = {entry.id for entry in feed.entries}
    assert ids == {f"{BLOG}.post-{n}" for n in (1101, 1102, 1103, 1104, 1105, 1106)}
    links = {urlsplit(entry.link).path.lstrip("/") for entry in feed.entries}
    assert links == set(OLD_POST_URLS)


def test_doubled_body_and_repeated_paragraph_are_removed_from_the_markdown(imported):
    _, body = header(imported["content"] / MARCH_3)
    for line in SEED[9:27]:  # every paragraph and list line of the March 3 post
        text = re.sub(r"^\d\. ", "", line)
        assert body.count(text) == 1, text[:50]
    _, body = header(imported["content"] / MARCH_8)
    for line in SEED[0:6]:
        assert body.count(line) == 1, line[:50]
    report = imported["report"]
    assert f"{MARCH_3}: removed 17 duplicated block(s)" in report
    assert f"{MARCH_8}: removed 1 duplicated block(s)" in report
    assert "duplicates removed: 18 block(s) in 2 post(s)" in report
    # Nothing is left for the build's dedup plugin or `make check-content`.
    assert "0 block(s) removed" in imported["builds"]
    check = make("check-content", imported["content"], imported["output"])
    assert check.returncode == 0, check.stdout


def test_classic_editor_lines_become_paragraphs_and_lists(imported):
    page = soup(imported["output"] / "2013/03/what-i-am-learning-from-hiring.html")
    article = page.find("article") or page
    paragraphs = [p.get_text(" ", strip=True) for p in article.find_all("p")]
    assert SEED[9] in paragraphs and SEED[21] in paragraphs  # each its own paragraph
    items = [li.get_text(strip=True) for li in article.find_all("li")]
    assert "Consider other options--school anyone?" in items
    quick = soup(imported["output"] / "2013/03/blog-post_12.html")
    texts = [p.get_text(strip=True) for p in quick.find_all("p")]
    assert "Fingers crossed." in texts  # <div> lines, a <div><br /></div> between


def test_caption_entities_emoji_and_code_survive(imported):
    _, body = header(imported["content"] / CAFE)
    assert "&nbsp;" not in body and "\xa0" not in body and "&eacute;" not in body
    assert "Café Lumière. I met Zoë from Müller & Söhne" in body and "日本語" in body
    page = soup(imported["output"] / "2013/03/networking-night-at-cafe-what-i.html")
    image = page.find("img", src=re.compile("s320/cafe.jpg"))
    caption = "The back room at Café Lumière — full by 7 pm ☕"
    assert image["alt"] == caption
    assert image.find_next("em").get_text() == caption
    assert image.find_parent("a")["href"].endswith("s1600/cafe.jpg")
    assert "🎯" in page.get_text()

    _, body = header(imported["content"] / SCRIPT)
    assert '```python\nimport csv\n\nwith open("applications.csv") as f:' in body
    page = soup(imported["output"] / "2013/03/tracking-applications-with-tiny-script.html")
    code = page.find("pre").get_text()
    assert 'int(row["days"]) < 14:\n            print(row["company"], row["role"])' in code
    # Text that looks like Markdown or HTML stays text; an embedded video stays.
    texts = [p.get_text() for p in page.find_all("p")]
    assert "#1 rule: never paste <div> soup into a cover letter." in texts
    assert page.find("iframe", src="https://www.youtube.com/embed/dQw4w9WgXcQ") is not None


def test_links_to_the_old_blog_point_at_the_new_posts(imported):
    _, body = header(imported["content"] / MARCH_8)
    assert f"({{filename}}/{MARCH_3})" in body
    site = imported["published"]
    for source, text, target in [
        ("2013/03/blog-post.html", "what I am learning",
         "2013/03/what-i-am-learning-from-hiring.html"),
        ("2013/03/tracking-applications-with-tiny-script.html", "networking night",
         "2013/03/networking-night-at-cafe-what-i.html"),
        ("2013/03/networking-night-at-cafe-what-i.html", "networking", "tag/networking/index.html"),
    ]:  # fmt: skip
        link = soup(site / source).find("a", string=re.compile(text))
        href = urljoin(f"https://x.org/{source}", link["href"])
        assert "blogspot" not in href
        path = urlsplit(href).path.lstrip("/")
        assert (site / (path + "index.html" if path.endswith("/") else path)) == site / target


def test_images_stay_remote_and_are_listed(imported):
    listed = (imported["content"] / "blogger-import" / "remote-images.txt").read_text()
    image = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh7c/s320/cafe.jpg"
    assert f"{CAFE} {image}" in listed
    assert "remote images: 2" in imported["report"]


def test_old_page_and_label_addresses_lead_to_the_new_pages_in_a_browser(imported):
    node = require("node", "apt-get install nodejs (Node 20+)")
    require(str(ROOT / "node_modules" / "playwright-core"), "run `npm ci` in the project folder")
    require("/usr/bin/chromium", "apt-get install chromium")
    paths = ["/p/about.html", "/search/label/job%20search", "/search/label/caf%C3%A9%20meetups"]
    with serve(imported["published"]) as base:
        out = subprocess.run(
            [node, str(ROOT / "scripts" / "browser" / "follow.mjs"), base, *paths],
            capture_output=True, text=True, timeout=120, cwd=ROOT,
        )  # fmt: skip
    assert out.returncode == 0, out.stderr
    finals = {r["path"]: r["final"] for r in json.loads(out.stdout)}
    assert finals == {
        "/p/about.html": "/about/",
        "/search/label/job%20search": "/tag/job-search/",
        "/search/label/caf%C3%A9%20meetups": "/tag/cafe-meetups/",
    }


def test_imported_posts_and_redirect_pages_pass_the_nu_html_checker(imported):
    java = require("java", "apt-get install default-jre-headless (Java 17+)")
    vnu = require(str(ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"), "run `npm ci`")
    site = imported["published"]
    pages = [site / url for url in OLD_POST_URLS] + [site / "about" / "index.html"]
    pages += [site / "p" / "about.html", *sorted((site / "search" / "label").rglob("index.html"))]
    out = subprocess.run(
        [java, "-jar", vnu, "--errors-only", "--format", "json", "--exit-zero-always",
         *map(str, pages)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    messages = json.loads(out.stderr or out.stdout)["messages"]
    assert [m for m in messages if m.get("type") == "error"] == []
    assert len(pages) == 15


def test_rules_files_cover_pages_labels_and_old_feeds(imported):
    site = imported["published"]
    rules = (site / "_redirects").read_text()  # at the site root, for Netlify-style hosts
    nginx = (imported["content"] / "blogger-import" / "nginx-redirects.conf").read_text()
    pairs = [line.split()[:2] for line in rules.splitlines() if line and not line.startswith("#")]
    olds = {unquote(old) for old, _ in pairs}
    for old in ("/p/about.html", "/search/label/job search", "/feeds/posts/default",
                "/feeds/posts/default/-/networking"):  # fmt: skip
        assert old in olds, old
        assert f'location = "{old}"' in nginx
    for _old, new in pairs:
        path = unquote(new).lstrip("/")
        assert (site / (path + "index.html" if path.endswith("/") else path)).is_file(), new
    feed_rule = [new for old, new in pairs if old == "/feeds/posts/default"]
    assert feed_rule == ["/feeds/all.atom.xml"]
    assert "?alt=rss" in rules and "?alt=rss" in nginx


NGINX_CONF = """
user root;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 16; }}
http {{
    access_log off;
    types {{ application/atom+xml xml; text/html html; }}
    server {{
        listen 127.0.0.1:{port};
        root {site};
        include {rules};
    }}
}}
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_nginx_rules_redirect_old_addresses_and_feeds(imported, tmp_path):
    nginx = require("nginx", "apt-get install nginx-light")
    port = free_port()
    conf = tmp_path / "nginx.conf"
    conf.write_text(NGINX_CONF.format(
        folder=tmp_path, port=port, site=imported["published"],
        rules=imported["content"] / "blogger-import" / "nginx-redirects.conf",
    ))  # fmt: skip
    # nginx returns once its master has bound the port and gone to the background.
    started = subprocess.run([nginx, "-c", str(conf), "-p", str(tmp_path)], capture_output=True,
                             text=True, timeout=60)  # fmt: skip
    assert started.returncode == 0, started.stderr
    try:
        moved = {}
        olds = ["/p/about.html", "/search/label/job%20search", "/feeds/posts/default",
                "/feeds/posts/default?alt=rss", "/feeds/posts/default/-/networking"]  # fmt: skip
        for old in olds:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", old)
            response = connection.getresponse()
            moved[old] = (response.status, urlsplit(response.getheader("Location", "")).path)
            connection.close()
        assert moved == {
            "/p/about.html": (301, "/about/"),
            "/search/label/job%20search": (301, "/tag/job-search/"),
            "/feeds/posts/default": (301, "/feeds/all.atom.xml"),
            "/feeds/posts/default?alt=rss": (301, "/feeds/all.atom.xml"),
            "/feeds/posts/default/-/networking": (301, "/feeds/tag/networking.atom.xml"),
        }
        # A feed reader subscribed to the old feed follows the redirect.
        feed = feedparser.parse(f"http://127.0.0.1:{port}/feeds/posts/default?alt=rss")
        assert feed.status == 301 and len(feed.entries) == 6
    finally:
        subprocess.run([nginx, "-c", str(conf), "-p", str(tmp_path), "-s", "stop"], timeout=60)


def test_a_second_import_changes_nothing(imported):
    content = imported["content"]
    before = snapshot(content)
    result = do_import(content, TAKEOUT)
    assert result.returncode == 0, result.stderr
    assert "files written: 0, unchanged: 19" in result.stdout
    assert snapshot(content) == before


def test_local_edits_are_never_overwritten(tmp_path):
    content = fresh_site(tmp_path)
    assert do_import(content, TAKEOUT).returncode == 0
    # Edited and deleted since the import; and the export changed.
    edited = content / MARCH_8
    edited.write_text(edited.read_text() + "\nAdded later, by hand.\n")
    (content / "posts/2013-03-12-blog-post_12.md").unlink()
    changed = tmp_path / "feed.atom"
    changed.write_text(TAKEOUT.read_text().replace("Fingers crossed.", "Fingers crossed!")
                       .replace("Second interview done.", "Second interview: done."))  # fmt: skip
    result = do_import(content, changed)
    assert result.returncode == 0, result.stderr
    assert edited.read_text().endswith("Added later, by hand.\n")
    assert f"{MARCH_8}: edited since the last import, kept as it is" in result.stdout
    assert not (content / "posts/2013-03-12-blog-post_12.md").exists()
    assert "posts/2013-03-12-blog-post_12.md: deleted since the last import" in result.stdout
    # An untouched post does follow the export.
    followed = content / "posts/2013-04-05-blog-post-2013-04.md"
    assert "Second interview: done." in followed.read_text()


def test_an_existing_page_of_the_site_is_kept(tmp_path):
    content = copy_content(tmp_path / "content")  # with the site's own About page
    about = (content / "pages" / "about.md").read_bytes()
    result = do_import(content, TAKEOUT)
    assert result.returncode == 0, result.stderr
    assert (content / "pages" / "about.md").read_bytes() == about
    meta, _ = header(content / "pages" / "about-blogger.md")
    assert meta["Slug"] == "about-blogger"
    assert "../about-blogger/" in (content / "p" / "about.html").read_text()
    html = make("publish", content, tmp_path / "published")
    assert html.returncode == 0, html.stdout + html.stderr


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("broken.xml", TAKEOUT.read_text()[:5000], r"broken\.xml:\d+:\d+: broken XML"),
        ("feed.xml", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
         "<title>Some feed</title><entry><id>1</id><title>x</title></entry></feed>",
         "feed.xml: not a Blogger export"),
        ("page.html", "<html><body><p>Hello</p></body></html>", "page.html: not a Blogger export"),
        ("empty.atom", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' "
         "xmlns:blogger='http://schemas.google.com/blogger/2018'><entry><id>c</id>"
         "<blogger:type>COMMENT</blogger:type><content>Hi</content>"
         "<published>2013-03-04T08:12:00.000-08:00</published></entry></feed>",
         "empty.atom: an empty Blogger export"),
        ("nothing.atom", "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' "
         "xmlns:blogger='http://schemas.google.com/blogger/2018'><title>B</title></feed>",
         "nothing.atom: an empty export"),
        ("missing.atom", None, "missing.atom: no such file"),
    ],
)  # fmt: skip
def test_bad_input_is_named_and_writes_nothing(tmp_path, name, text, message):
    content = fresh_site(tmp_path)
    export = tmp_path / name
    if text is not None:
        export.write_text(text, encoding="utf-8")
    before = snapshot(content)
    result = do_import(content, export)
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if "blogger import" in line]
    assert len(errors) == 1 and re.search(message, errors[0]), result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(content) == before


def test_a_failure_while_moving_files_in_puts_everything_back(tmp_path):
    content = fresh_site(tmp_path)
    (content / "search").write_text("a file where the label pages' folder must go")
    before = snapshot(content)
    result = do_import(content, TAKEOUT)
    assert result.returncode != 0
    assert "nothing was written" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(content) == before
    assert not [p for p in content.iterdir() if p.name.startswith(".blogger-import")]


class _Images(http.server.BaseHTTPRequestHandler):
    """Blogger's image host, on 127.0.0.1: any .jpg path is an image, others 404."""

    requests = []

    def do_GET(self):  # noqa: N802 - http.server's name
        type(self).requests.append(self.path)
        if not self.path.endswith(".jpg"):
            self.send_error(404)
            return
        body = b"\xff\xd8\xff\xe0 a JPEG for " + self.path.encode()
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def test_images_download_into_content_and_references_follow(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Images)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        export = tmp_path / "feed.atom"
        export.write_text(
            TAKEOUT.read_text().replace("https://blogger.googleusercontent.com", host)
            .replace("Bring business cards!",
                     f"Bring business cards! &lt;img src=&quot;{host}/gone.png&quot;&gt;"),
            encoding="utf-8",
        )  # fmt: skip
        content = fresh_site(tmp_path)
        result = do_import(content, export, "IMAGES=download")
        assert result.returncode == 0, result.stderr
        fetched = sorted((content / "images" / "blogger").iterdir())
        assert [p.name.split("-", 1)[1] for p in fetched] == ["cafe.jpg", "cafe.jpg"]
        assert all(p.read_bytes().startswith(b"\xff\xd8") for p in fetched)
        _, body = header(content / CAFE)
        for image in fetched:
            assert f"({{static}}/images/blogger/{image.name}" in body
        assert f"![gone]({host}/gone.png)" in body  # not fetched: kept remote, and reported
        assert f"image not fetched, left on Blogger: {host}/gone.png" in result.stdout
        assert "images fetched: 2, remote images: 1" in result.stdout

        published = tmp_path / "published"
        build = make("publish", content, published)
        assert build.returncode == 0, build.stdout + build.stderr
        page = soup(published / "2013/03/networking-night-at-cafe-what-i.html")
        src = page.find("img", alt=re.compile("back room"))["src"]
        path = urlsplit(urljoin("https://x.org/2013/03/", src)).path.lstrip("/")
        assert (published / path).is_file()

        count = len(_Images.requests)
        again = do_import(content, export, "IMAGES=download")
        assert "files written: 0" in again.stdout
        assert _Images.requests[count:] == ["/gone.png"]  # fetched images are not fetched again
    finally:
        server.shutdown()
        server.server_close()
        shutil.rmtree(tmp_path / "published", ignore_errors=True)


def test_a_large_export_shows_a_progress_bar_and_a_summary(tmp_path):
    export = tmp_path / "feed.atom"
    blog = {"title": "Bench", "author": "The Diarist", "host": "bench.blogspot.com"}
    export.write_text(sample_export.takeout(blog, bench.generated_entries(60)), encoding="utf-8")
    content = fresh_site(tmp_path)
    # TTY_COMPATIBLE=1 makes rich draw as on a terminal, which stderr is not here.
    result = make("import", content, tmp_path / "output", f"BLOGGER={export}",
                  env={"TTY_COMPATIBLE": "1"})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Converting" in result.stderr and "100%" in result.stderr
    assert "posts: 60, drafts: 0, pages: 0, comments: 12 (not imported)" in result.stdout
    assert "duplicates removed: 48 block(s) in 6 post(s)" in result.stdout
    assert len(list((content / "posts").glob("*.md"))) == 60


def test_a_post_without_text_is_named_in_the_summary(tmp_path):
    export = tmp_path / "feed.atom"
    blog = {"title": "Diary", "author": "The Diarist", "host": "diary.blogspot.com"}
    export.write_text(sample_export.takeout(blog, [{
        "number": 1, "kind": "post", "title": "Gone fishing", "html": "<div><br /></div>",
        "published": "2013-05-01T10:00:00.000-07:00", "filename": "/2013/05/gone-fishing.html",
    }]), encoding="utf-8")  # fmt: skip
    content = fresh_site(tmp_path)
    result = do_import(content, export)
    assert result.returncode == 0, result.stderr
    assert "posts/2013-05-01-gone-fishing.md: has no text on Blogger" in result.stdout
    meta, body = header(content / "posts/2013-05-01-gone-fishing.md")
    assert meta["Title"] == "Gone fishing" and body.strip() == ""
