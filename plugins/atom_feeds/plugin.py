"""Signal handlers: check ATOM_FEEDS, turn feeds off without a real SITEURL,
and hand Pelican the fixed writer."""

import logging
import re
from urllib.parse import urlsplit

from pelican import signals

from .settings import SettingsError, read_settings
from .writer import make_writer

logger = logging.getLogger(__name__)

# FEED_ATOM, FEED_ALL_RSS, CATEGORY_FEED_ATOM, TAG_FEED_RSS, ... (not *_URL).
_FEED_SETTING = re.compile(r"(?:[A-Z]+_)?FEED_(?:ALL_)?(?:ATOM|RSS)")

_writer = None


class SettingsFailed(SystemExit):
    """Exit status 1 without a traceback: Pelican only catches ``Exception``."""


def feed_settings(settings):
    """The names of the settings that turn a feed on, for those that are set."""
    return sorted(key for key, value in settings.items() if _FEED_SETTING.fullmatch(key) and value)


def start(pelican):
    """Validate the settings; drop every feed if they could not have valid ids and links."""
    global _writer
    settings = pelican.settings
    try:
        options = read_settings(settings)
    except SettingsError as error:
        logger.critical("Settings: %s", error)
        raise SettingsFailed(1) from None
    _writer = make_writer(options)

    address = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or ""
    parts = urlsplit(address)
    enabled = feed_settings(settings)
    if enabled and not (parts.scheme in ("http", "https") and parts.netloc):
        logger.warning(
            "Writing no feeds: SITEURL (or FEED_DOMAIN) %r is not an absolute http(s) "
            "address, which feed links need; set it, e.g. SITEURL = 'http://127.0.0.1:8000'",
            address,
        )
        for key in enabled:
            settings[key] = None


def get_writer(pelican):
    return _writer


def register():
    signals.initialized.connect(start)
    signals.get_writer.connect(get_writer)
