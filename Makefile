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
STAGINGDIR = $(OUTPUTDIR).staging

# Where `make github` and `make rsync_upload` send the published site.
GITHUB_REMOTE ?= origin
GITHUB_PAGES_BRANCH ?= gh-pages
GITHUB_COMMIT_MESSAGE ?= Publish the site
RSYNC_TARGET ?=
SSH ?= ssh

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
	@echo '   make publish               build the production site (fails on any warning)'
	@echo '   make github                publish, then push output/ to the gh-pages branch'
	@echo '   make rsync_upload RSYNC_TARGET=host:/path   publish, then upload output/'
	@echo '   make test                  lint and run every test'
	@echo '   make check-content         list duplicated paragraphs in content/ (FIX=1 removes them)'
	@echo '   make bench                 print the benchmark figures'
	@echo '   make bench-10k             print build time and peak memory for 10,000 posts'
	@echo '   make pageweight            print the gzipped HTML+CSS size of each page type'
	@echo '   make screenshots           screenshot the theme into screenshots/ (needs npm ci, chromium)'
	@echo '   make lighthouse            print Lighthouse scores (needs npm install, chromium)'
	@echo '   make newpost TITLE="..."   write a dated draft post in content/posts/'
	@echo ''
	@echo 'Set the DEBUG variable to 1 to enable debugging, e.g. make DEBUG=1 html'
	@echo 'Set the RELATIVE variable to 1 to enable relative urls'

# The virtualenv is rebuilt whenever requirements.txt changes.
$(VENV)/.installed: requirements.txt
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

venv: $(VENV)/.installed

html: venv
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

clean:
	rm -rf "$(OUTPUTDIR)" "$(STAGINGDIR)" "$(BASEDIR)/cache"

regenerate: venv
	$(PELICAN) -r "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: venv
	$(PELICAN) -l "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) $(PELICANOPTS)

devserver: venv
	$(PELICAN) -lr "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" -b $(BIND) -p $(PORT) $(PELICANOPTS)

# Build into a staging folder and swap it in only when the build succeeded,
# so that output/ never holds a half-built site.
publish: venv
	rm -rf "$(STAGINGDIR)"
	$(PELICAN) "$(INPUTDIR)" -o "$(STAGINGDIR)" -s "$(PUBLISHCONF)" --fatal warnings $(PELICANOPTS)
	rm -rf "$(OUTPUTDIR)"
	mv "$(STAGINGDIR)" "$(OUTPUTDIR)"

# Both uploads run only after a successful `make publish`. A push is atomic;
# rsync holds every new file back until all arrived (--delay-updates) and
# deletes old ones only after that (--delete-after), so a broken upload
# leaves the previous site online.
github: publish
	$(BIN)/ghp-import --no-jekyll --push --force --remote "$(GITHUB_REMOTE)" \
		--branch "$(GITHUB_PAGES_BRANCH)" --message "$(GITHUB_COMMIT_MESSAGE)" "$(OUTPUTDIR)"

ifneq ($(filter rsync_upload,$(MAKECMDGOALS)),)
ifeq ($(strip $(RSYNC_TARGET)),)
$(error Set RSYNC_TARGET, e.g. make rsync_upload RSYNC_TARGET=user@host:/var/www/diary/)
endif
endif

rsync_upload: publish
	rsync -e "$(SSH)" --recursive --links --times --compress --checksum \
		--delete-after --delay-updates --itemize-changes "$(OUTPUTDIR)/" "$(RSYNC_TARGET)"

test: venv
	$(BIN)/ruff check .
	$(BIN)/python -m pytest


# Lists each duplicated block of the Markdown sources with file and line;
# exits 1 if there is any. FIX=1 rewrites the sources, keeping first copies.
check-content: venv
	PYTHONPATH="$(BASEDIR)/plugins" $(BIN)/python -m dedup.check_content \
		--settings "$(CONFFILE)" $(if $(filter 1,$(FIX)),--fix) "$(INPUTDIR)"

bench: venv
	$(BIN)/python -m tests.bench

bench-10k: venv
	$(BIN)/python -m tests.bench_site --posts 10000 --rounds 1

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

.PHONY: help venv html clean regenerate serve devserver publish test check-content bench bench-10k newpost
