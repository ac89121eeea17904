"""Add the extension to Pelican's MARKDOWN settings before any post is read."""

import logging

from pelican import signals

from .extension import A11yExtension

logger = logging.getLogger(__name__)


def add_extension(pelican):
    markdown = pelican.settings.setdefault("MARKDOWN", {})
    extensions = markdown.setdefault("extensions", [])
    if not any(isinstance(e, A11yExtension) for e in extensions):
        extensions.append(A11yExtension())
        logger.debug("markdown_a11y: extension added to MARKDOWN")


def register():
    signals.initialized.connect(add_extension)
