"""Import a Blogger blog as Markdown posts and pages: ``make import BLOGGER=FILE``.

One job per module, in the order an import runs:

* ``export``: read Takeout's feed.atom or the older backup XML into entries;
* ``blogger_html``: Blogger's HTML made plain (classic-editor paragraphs, captions);
* ``links``: links to the old blog pointed at the imported files;
* ``images``: images listed, or fetched into content/images/blogger/;
* ``to_markdown``: HTML to Markdown with markdownify;
* ``posts``: each entry's file, slug, address and metadata header;
* ``redirects``: redirect pages and rules for the old page, label and feed addresses;
* ``files``: all files written or none, local edits never overwritten;
* ``importer``: the steps above for a whole export; ``__main__``: the command.

``sample_export`` writes exports for the fixtures and ``bench``.
See docs/moving-from-blogger.md.
"""
