# Job Search Diary: build, serve, test and publish the site.
# In the conventions of Pelican's quickstart Makefile. Every target that runs
# Python first creates or refreshes the virtualenv from requirements.txt.

PY ?= python3
VENV ?= $(CURDIR)/.venv
BIN = $(VENV)/bin
PELICAN = $(BIN)/pelican
PELICANOPTS ?=

BASEDIR = $(CURDIR)
INPUTDIR = $(BASEDIR)/content
OUTPUTDIR = $(BASEDIR)/output
CONFFILE = $(BASEDIR)/pelicanconf.py
PUBLISHCONF = $(BASEDIR)/publishconf.py
# The production site: only `make publish` writes here, never a development
# build, and every upload sends this folder.
PUBLISHDIR = $(BASEDIR)/public
PUBLISH = $(BIN)/python $(BASEDIR)/scripts/publish.py --content "$(INPUTDIR)" \
	--settings "$(PUBLISHCONF)" --site "$(PUBLISHDIR)" --pelican-options "$(PELICANOPTS)"

# Where `make github` and `make rsync_upload` send the published site.
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_COMMIT_MESSAGE ?= Publish the site
RSYNC_TARGET ?=
SSH ?= ssh
# The modes rsync_upload gives on the server, whatever they are here and
# whatever the server's umask: folders 755 and files 644, readable by a web
# server running as another user (also mends files an earlier upload made).
RSYNC_CHMOD ?= D755,F644

BIND ?= 127.0.0.1
PORT ?= 8000

DEBUG ?= 0
ifeq ($(DEBUG), 1)
	PELICANOPTS += -D
endif

RELATIVE ?= 0
ifeq ($(RELATIVE), 1)
	PELICANOPTS += --relative-urls
endif

# Every build indexes the site for /search/ (plugins/search_index); SEARCH=0
# skips it, e.g. for quicker `make devserver` rebuilds of a large site.
SEARCH ?= 1
ifeq ($(SEARCH), 0)
	override PELICANOPTS += -e 'SEARCH_INDEX={"ENABLED": false}'
endif

.DEFAULT_GOAL := help

help:
	@echo 'Makefile for the Job Search Diary'
	@echo ''
	@echo 'Usage:'
	@echo '   make html                  (re)generate the web site into output/'
	@echo '   make clean                 remove the generated files'
	@echo '   make regenerate            regenerate files upon modification'
	@echo '   make serve [PORT=8000]     serve output/ at http://127.0.0.1:PORT'
	@echo '   make devserver [PORT=8000] serve and regenerate on every change'
	@echo '   make publish               build the production site into public/ (fails on any warning)'
	@echo '   make github                publish, then push public/ to the gh-pages branch'
	@echo '   make rsync_upload RSYNC_TARGET=host:/path   publish, then upload public/'
	@echo '   make test                  lint and run every test'
	@echo '   make check-content         list duplicated paragraphs in content/ (FIX=1 removes them)'
	@echo '   make dist                  build the pelican-dedup sdist and wheel into dist/'
	@echo '   make bench                 print build figures beside stock Pelican on 1,000 posts'
	@echo '   make bench-10k             the same on 10,000 posts (peak memory)'
	@echo '   make bench-bad-input       print build times of pathological posts'
	@echo '   make bench-import          print the time to import a 1,000-post Blogger export'
	@echo '   make pageweight            print the gzipped HTML+CSS size of each page type'
	@echo '   make screenshots           screenshot the theme into screenshots/ (needs npm ci, chromium)'
	@echo '   make lighthouse            print Lighthouse scores (needs npm install, chromium)'
	@echo '   make newpost TITLE="..."   write a dated draft post in content/posts/'
	@echo '   make import BLOGGER=FILE [IMAGES=download]   import a Blogger export into content/'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'
	@echo 'Set the SEARCH variable to 0 to build without the search index'

# The virtualenv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

html: venv
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(BASEDIR)/cache"

regenerate: venv
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: venv
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) $(PELICANOPTS)

devserver: venv
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) $(PELICANOPTS)

# Under a lock (a second publish waits), build into a fresh folder beside
# public/ and swap it in only if the build finished; see scripts/publish.py
# and docs/publishing.md.
publish: venv
	$(PUBLISH)

# Both uploads publish first and run only if that succeeded, still holding
# the publish lock. A push is atomic; rsync holds every new file back until
# all arrived (--delay-updates) and deletes old ones only after that
# (--delete-after), so a broken upload leaves the previous site online.
github: venv
	$(PUBLISH) -- $(BIN)/ghp-import --no-jekyll --push --force --remote "$(GITHUB_REMOTE)" \
		--branch "$(GITHUB_PAGES_BRANCH)" --message "$(GITHUB_COMMIT_MESSAGE)" "$(PUBLISHDIR)"

ifneq ($(filter rsync_upload,$(MAKECMDGOALS)),)
ifeq ($(strip $(RSYNC_TARGET)),)
$(error Set RSYNC_TARGET, e.g. make rsync_upload RSYNC_TARGET=user@host:/var/www/diary/)
endif
endif

rsync_upload: venv
	$(PUBLISH) -- rsync -e "$(SSH)" --recursive --links --times --compress --checksum \
		--perms --chmod="$(RSYNC_CHMOD)" \
		--delete-after --delay-updates --itemize-changes "$(PUBLISHDIR)/" "$(RSYNC_TARGET)"

test: venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest


# Lists each duplicated block of the Markdown sources with file and line;
# exits 1 if there is any. FIX=1 removes what the build removes.
check-content: venv
	$(BIN)/pelican-dedup check --settings "$(CONFFILE)" $(if $(filter 1,$(FIX)),--fix) "$(INPUTDIR)"

# The sdist and wheel of the pelican-dedup plugin (plugins/pelican-dedup) into
# DISTDIR; its README says how a maintainer uploads them.
DISTDIR ?= $(BASEDIR)/dist
dist: venv
	$(BIN)/python -m build --outdir "$(DISTDIR)" "$(BASEDIR)/plugins/pelican-dedup"

bench: venv
	$(BIN)/python -m tests.bench

bench-10k: venv
	$(BIN)/python -m tests.bench --posts 10000 --rounds 1 --no-devserver

# How long bad input (pathological Markdown, huge posts) takes, and what
# content_guard's budgets estimate for it.
bench-bad-input: venv
	$(BIN)/python -m tests.bench_bad_input

bench-import: venv
	$(BIN)/python -m scripts.blogger_import.bench

# The theme's own figures and pictures (see scripts/).
pageweight: venv
	$(BIN)/python -m scripts.page_weight

screenshots: venv
	$(BIN)/python -m scripts.screenshots

lighthouse: venv
	$(BIN)/python -m scripts.lighthouse

# The title reaches the script through the environment, unexpanded
# ($(value ...)): neither make nor the shell evaluates $, quotes or backticks.
newpost: export NEWPOST_TITLE = $(value TITLE)
newpost: venv
ifndef TITLE
	@echo 'Usage: make newpost TITLE="My post title"'
	@exit 1
endif
	$(BIN)/python scripts/newpost.py --content "$(INPUTDIR)" --settings "$(CONFFILE)"

# Imports a Blogger export (Takeout's feed.atom or the older backup XML) as
# Markdown posts and pages, with redirects for the old addresses; see
# docs/moving-from-blogger.md. IMAGES=download also fetches the images;
# BLOG_URL=https://your.domain names a custom domain; CATEGORY=... the category.
import: venv
ifndef BLOGGER
	@echo 'Usage: make import BLOGGER=path/to/feed.atom [IMAGES=download] [BLOG_URL=...] [CATEGORY=...]'
	@exit 1
endif
	$(BIN)/python -m scripts.blogger_import \
		--content "$(INPUTDIR)" --settings "$(CONFFILE)" \
		$(if $(filter download,$(IMAGES)),--download-images) \
		$(if $(BLOG_URL),--blog-url "$(BLOG_URL)") $(if $(CATEGORY),--category "$(CATEGORY)") \
		"$(BLOGGER)"


.PHONY: help venv html clean regenerate serve devserver publish github rsync_upload test check-content bench bench-10k bench-import bench-bad-input newpost import dist
