"""Settings for development builds (`make html`, `make devserver`).

`publishconf.py` imports everything here and overrides what production needs.
"""

AUTHOR = "The Diarist"
SITENAME = "Job Search Diary"
SITESUBTITLE = "Notes from the hunt for the next role"
# Local builds link to the local server so that feeds carry real, absolute
# ids and links; RELATIVE_URLS keeps the pages themselves browsable.
SITEURL = "http://127.0.0.1:8000"
RELATIVE_URLS = True

# output/ always holds what this build wrote, nothing older: the page of a
# post since removed, unpublished or renamed, and production-only files
# (sitemap.xml, .gz and .br copies) left by `make publish`, are deleted first.
# The content cache lives in cache/, outside output/, and is kept.
DELETE_OUTPUT_DIRECTORY = True

PATH = "content"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = ["pages"]
# "p" and "search" hold the redirect pages `make import` leaves at a Blogger
# blog's old page and label addresses (/p/about.html, /search/label/NAME), and
# its rules file for Netlify-style hosts goes to the site root.
STATIC_PATHS = ["images", "extra", "p", "search"]
EXTRA_PATH_METADATA = {"extra/_redirects": {"path": "_redirects"}}
TIMEZONE = "UTC"
# A post dated in the future stays a draft until a build on or after its date.
WITH_FUTURE_DATES = False
DEFAULT_LANG = "en"
# A post without a Category: line (an imported one, say) is filed here, as
# `make newpost` files a new one, instead of Pelican's "misc".
DEFAULT_CATEGORY = "Job search"
DEFAULT_DATE_FORMAT = "%A, %B %-d, %Y"  # Blogger style: "Friday, March 8, 2013"

THEME = "theme"
# Templates escape every value they print unless it is marked as HTML with
# `|safe` (post content, summaries and titles): tag, category and author
# names, URLs and settings are text. Pelican's defaults plus autoescape.
JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "extensions": [],
    "autoescape": True,
}

# Markdown: Pelican's defaults (codehilite, extra, meta) plus what a writer
# expects: ids and a self link on h2-h4 and [TOC] (toc), ~~strikethrough~~
# (pymdownx.tilde), - [ ] task lists (pymdownx.tasklist) and bare URLs as
# links (pymdownx.magiclink). After changing this, run `make clean`.
MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight"},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {
            "toc_depth": "2-4",
            "permalink": "#",
            "permalink_title": "Link to this section",
        },
        "pymdownx.tilde": {"subscript": False},
        "pymdownx.tasklist": {},
        "pymdownx.magiclink": {},
    },
    "output_format": "html5",
}
# Typographic quotes, dashes and ellipses (SmartyPants): off, so that the
# author's text stays exactly as typed. Set to True to turn them on.
TYPOGRAPHIC_QUOTES = False
if TYPOGRAPHIC_QUOTES:
    MARKDOWN["extension_configs"]["markdown.extensions.smarty"] = {}

# Development builds keep each post's rendered Markdown in cache/ and reuse it
# while the file is unchanged, so a rebuild (`make devserver`) renders only the
# posts you edited. A file counts as changed when its bytes do (md5), not only
# its modification time, which `cp -p`, `rsync -a` or `touch -r` keep.
# content_guard keeps one cache per CONTENT_GUARD settings. After changing
# MARKDOWN or other reader settings, run `make clean` (or pelican
# --ignore-cache): the cache does not notice them.
CACHE_CONTENT = True
CHECK_MODIFIED_METHOD = "md5"
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
GZIP_CACHE = False  # compressing it again on every build costs ~5% of a rebuild

# Plugins, in order. The duplicate-paragraph cleaner must run before anything
# reads `.content` or `.summary`, so it is listed first.
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "dedup",  # pelican-dedup (plugins/pelican-dedup): removes repeated paragraphs
    "plain_summaries",  # index and feed excerpts as plain text (after dedup)
    "content_guard",  # clear messages for bad posts; a build with problems fails plainly
    "atom_feeds",  # feeds with stable ids and links that work in readers
    "neighbors",  # previous/next post links (pelican-neighbors)
    "more_on_this",  # "More on this": up to three posts sharing the most tags
    "plain_titles",  # titles shown as text, never as markup
    "markdown_a11y",  # code blocks scrollable by keyboard, task-list checkboxes named
    "search_index",  # the Pagefind index of published posts and pages, for /search/
    "word_count",  # each post's words counted once, for the reading time
    "url_once",  # each post's URL worked out once (build speed, same output)
    "template_cache",  # compiled templates kept in cache/ between builds (same output)
]
# Feed and entry ids are tag URIs under this authority (see plugins/atom_feeds),
# not the site's address, so they survive a move to another host. Never change it.
ATOM_FEEDS = {"ID_AUTHORITY": "jobsearchdiary.example.org,2013"}
# Metadata keys of this site's own plugins (dedup's opt-out, atom_feeds' id):
# content_guard then never takes them for misspellings of Pelican's keys.
CONTENT_GUARD = {"METADATA_KEYS": ["dedup", "id"]}

# Blogger-like URLs: /2013/03/slug.html, with year and month archive pages.
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}.html"
ARTICLE_SAVE_AS = ARTICLE_URL
# Development builds preview drafts here; publishconf.py writes none of them.
DRAFT_URL = "drafts/{date:%Y}/{date:%m}/{slug}.html"
DRAFT_SAVE_AS = DRAFT_URL
# A diary repeats titles: posts are translations of each other only when they
# share slug, year and month (their URL), so "Phone screen" in October and
# in November are two posts, not one post and its translation.
ARTICLE_TRANSLATION_ID = ("slug", "date.year", "date.month")
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
YEAR_ARCHIVE_URL = "{date:%Y}/"
YEAR_ARCHIVE_SAVE_AS = "{date:%Y}/index.html"
MONTH_ARCHIVE_URL = "{date:%Y}/{date:%m}/"
MONTH_ARCHIVE_SAVE_AS = "{date:%Y}/{date:%m}/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"

# The theme's 404 page and search page, rendered from theme/templates. The
# search page (linked from the navigation when SEARCH_URL is set) queries the
# index that plugins/search_index builds.
SEARCH_URL = "search/"
TEMPLATE_PAGES = {"404.html": "404.html", "search.html": "search/index.html"}

# Folder-style URLs for taxonomies. With Pelican's default pagination
# pattern, page 2 of tag "b1" would be tag/b12.html and overwrite tag "b12".
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"

# Only the index is split into pages, ten posts' openings each. Tag, category
# and author pages list titles, as the archive does, all on one page: a reader
# sees every post of a tag at once, and a 1,000-post site writes about 400
# fewer pages (tag/b1/page/2/ and the like).
DEFAULT_PAGINATION = 10
PAGINATED_TEMPLATES = {"index": None}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_ALL_ATOM = "feeds/all.atom.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
TAG_FEED_ATOM = "feeds/tag/{slug}.atom.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
TRANSLATION_FEED_RSS = None
RSS_FEED_SUMMARY_ONLY = False
# Each feed carries the newest 25 posts (Blogger's own default), not Pelican's
# 100: a reader polls for what is new; the archive holds the rest. Twelve feeds
# of 100 full posts were a tenth of a build of 1,000 posts.
FEED_MAX_ITEMS = 25

# The duplicate-paragraph plugin (see plugins/pelican-dedup/README.md for every key).
DEDUP = {
    "MODE": "remove",
}
