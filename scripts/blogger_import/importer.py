"""One import, from the export file to the files in the content folder.

For each post and page: Blogger's HTML is tidied (paragraphs, captions), its
links to the old blog are pointed at the new files, its images listed or
fetched, its duplicated paragraphs removed with the dedup plugin's own rules
(so the Markdown in the repository is clean), and it is converted to Markdown
under a metadata header. Then the redirect pages and rules are added, and
everything is written at once (see ``files``).
"""

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from pelican.plugins.dedup.repair import repair_html
from pelican.plugins.dedup.settings import read_settings as read_dedup_settings
from pelican.urlwrappers import Tag
from pelican.utils import slugify

from . import blogger_html, files, images, links, posts, redirects
from .export import read_export
from .to_markdown import to_markdown

REMOTE_IMAGES = "blogger-import/remote-images.txt"
REDIRECTS_FILE = "extra/_redirects"
NGINX_FILE = "blogger-import/nginx-redirects.conf"


@dataclass
class Summary:
    """What an import did, for the closing report."""

    source: Path
    format: str
    posts: int = 0
    drafts: int = 0
    pages: int = 0
    comments: int = 0
    trashed: int = 0
    duplicates: dict = field(default_factory=dict)  # file -> blocks removed
    remote_images: list = field(default_factory=list)  # (file, url) left on Blogger
    fetched_images: int = 0
    failed_images: list = field(default_factory=list)  # (url, reason)
    links: int = 0
    renamed: list = field(default_factory=list)  # (file, Blogger name, slug)
    empty: list = field(default_factory=list)  # files of entries with no text
    plan: files.Plan | None = None


@dataclass
class _Item:
    entry: object
    soup: object
    title: str
    placement: posts.Placement | None = None


def _no_progress(iterable, total, description):
    return iterable


def run(
    export_path,
    content,
    settings,
    download_images=False,
    blog_urls=(),
    category=None,
    progress=_no_progress,
):
    """Import ``export_path`` into the folder ``content``; return a Summary.

    Raises export.ExportError for a file that cannot be imported (nothing is
    written), ValueError for an unreadable manifest.
    """
    export = read_export(export_path)
    content = Path(content)
    summary = Summary(source=export.source, format=export.format)
    kinds = Counter((e.kind, e.status) for e in export.entries)
    summary.comments = sum(n for (kind, _status), n in kinds.items() if kind == "comment")
    summary.trashed = sum(n for (kind, status), n in kinds.items() if status == "trashed")
    wanted = sorted(
        (e for e in export.entries if e.kind in ("post", "page") and e.status != "trashed"),
        key=lambda e: (e.published, e.id),
    )

    sources = files.existing_sources(content)
    manifest = files.read_manifest(content)
    items = _place(wanted, sources, settings)
    for item in items:
        entry = item.entry
        summary.drafts += entry.status == "draft"
        summary.posts += entry.kind == "post" and entry.status == "live"
        summary.pages += entry.kind == "page" and entry.status == "live"
        if entry.status == "live" and entry.path:
            wanted_slug = posts.blogger_slug(entry, item.title, settings)
            if item.placement.slug != wanted_slug:
                summary.renamed.append((item.placement.path, wanted_slug, item.placement.slug))

    tags = {}
    for item in items:
        if item.entry.kind == "post" and item.entry.status == "live":
            for label in item.entry.labels:
                tags.setdefault(label, Tag(label, settings))
    old_blog = links.OldBlog(
        hosts={*export.blog_hosts, *(_host(url) for url in blog_urls)},
        files={i.placement.old_path: i.placement.path for i in items if i.placement.old_path},
        labels={label: tag.slug for label, tag in tags.items()},
    )
    options = read_dedup_settings(settings).options
    category = category or settings.get("DEFAULT_CATEGORY", "misc")
    written = {}
    fetched = {}  # url -> local path, for images met in several posts

    with files.Staging(content) as staging:
        for item in progress(items, len(items), "Converting"):
            soup = item.soup
            summary.links += links.rewrite_links(soup, old_blog)
            urls = images.image_urls(soup)
            if download_images:
                for url in urls:
                    if url not in fetched:
                        _fetch(url, content, staging, fetched, summary)
                images.rewrite_images(soup, fetched)
                urls = [u for u in urls if u not in fetched]
            summary.remote_images += [(item.placement.path, url) for url in urls]
            html = str(soup)
            repaired, decisions = repair_html(html, options)
            removed = sum(d.action == "remove" for d in decisions)
            if removed:
                summary.duplicates[item.placement.path] = removed
            # The soup as it is, unless dedup cut something (parsing again costs).
            body = to_markdown(repaired if repaired != html else soup)
            if not body.strip():
                summary.empty.append(item.placement.path)
            header = posts.metadata_lines(item.entry, item.title, item.placement, category)
            written[item.placement.path] = "\n".join(header) + "\n\n" + body

        written.update(_redirect_files(items, tags, settings))
        written[REMOTE_IMAGES] = _remote_images_list(summary.remote_images)
        summary.plan = files.plan(content, written, manifest)
        for path, text in summary.plan.write.items():
            staging.write_text(path, text)
        staging.commit()
    return summary


def _place(entries, sources, settings):
    """Each entry parsed and tidied, titled, and given its file, slug and address."""
    ids = {e.id for e in entries}
    by_id = {meta["id"]: path for path, meta in sources.items() if meta.get("id") in ids}
    subs = settings.get("SLUG_REGEX_SUBSTITUTIONS", [])
    taken_slugs = {"post": set(), "page": set()}
    taken_paths = set()
    for path, meta in sources.items():
        if meta.get("id") in ids:
            continue  # an earlier import of this export: its slugs are ours again
        taken_paths.add(path)
        kind = "page" if _under(path, settings.get("PAGE_PATHS", [])) else "post"
        taken_slugs[kind].add(meta.get("slug") or slugify(meta.get("title", ""), regex_subs=subs))
    folders = {
        "post": (settings.get("ARTICLE_PATHS") or ["posts"])[0] or "posts",
        "page": (settings.get("PAGE_PATHS") or ["pages"])[0] or "pages",
    }
    items = []
    for entry in entries:
        soup = blogger_html.tidy(blogger_html.parse(entry.html))
        title = posts.one_line(entry.title) or posts.title_from_words(soup.get_text(" "))
        item = _Item(entry, soup, title)
        item.placement = posts.place(
            entry,
            title,
            settings,
            taken_slugs[entry.kind],
            taken_paths,
            existing_path=by_id.get(entry.id),
            folder=folders[entry.kind],
        )
        items.append(item)
    return items


def _under(path, folders):
    return any(path.startswith(f"{folder.rstrip('/')}/") for folder in folders if folder)


def _host(url):
    return urlsplit(url if "//" in url else f"//{url}").hostname or ""


def _fetch(url, content, staging, fetched, summary):
    """Fetch one image into the staging folder, unless an earlier import did."""
    earlier = images.earlier_copy(content, url)
    if earlier:
        fetched[url] = earlier
        return
    download = staging.scratch()
    try:
        content_type = images.fetch(url, download)
    except (OSError, ValueError) as error:
        summary.failed_images.append((url, str(getattr(error, "reason", error))))
        return
    name = images.local_name(url, content_type)
    staging.adopt(download, name)
    fetched[url] = name
    summary.fetched_images += 1


def _redirect_files(items, tags, settings):
    """Redirect pages for old page and label addresses, and the two rules files."""
    found = []
    for item in items:
        entry, placement = item.entry, item.placement
        if entry.kind == "page" and placement.old_path:
            new_url = settings["PAGE_URL"].format(slug=placement.slug, lang="en")
            found.append(redirects.page_redirect(placement.old_path, new_url, item.title))
    for label, tag in sorted(tags.items()):
        found.append(redirects.label_redirect(label, tag.url))
    lang = settings.get("DEFAULT_LANG", "en")
    result = {r.page: redirects.redirect_page(r, lang) for r in found if r.page}
    rules = found + redirects.feed_redirects(settings, {k: t.slug for k, t in tags.items()})
    result[REDIRECTS_FILE] = redirects.redirects_file(rules)
    result[NGINX_FILE] = redirects.nginx_file(rules)
    return result


def _remote_images_list(remote):
    lines = ["# Images the imported posts still load from Blogger (file, address)."]
    lines += [f"{path} {url}" for path, url in remote]
    return "\n".join(lines) + "\n"
