"""The images a post shows: listed (they stay on Blogger's servers by default),
or fetched into ``content/images/blogger/`` and referenced with ``{static}``.

Blogger shows a small copy (``<img src=".../s320/photo.jpg">``) linked to the
full-size one (``<a href=".../s1600/photo.jpg">``): both count as images.
A file name starts with a hash of its URL, since Blogger reuses names
(``photo.jpg``, ``image.png``) across posts. An image that cannot be fetched
keeps its remote address and is reported; it does not stop the import.
"""

import hashlib
import mimetypes
import posixpath
import re
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urlsplit

FOLDER = "images/blogger"
TIMEOUT = 30
_IMAGE_SUFFIX = re.compile(r"\.(jpe?g|png|gif|webp|svg|bmp)$", re.IGNORECASE)
_IMAGE_HOSTS = re.compile(r"(^|\.)(bp\.blogspot\.com|googleusercontent\.com)$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _is_remote(url):
    return urlsplit(url).scheme in ("http", "https")


def _looks_like_image(url):
    parts = urlsplit(url)
    return bool(_IMAGE_SUFFIX.search(parts.path) or _IMAGE_HOSTS.search(parts.hostname or ""))


def image_urls(soup):
    """Remote image addresses in the soup, in order, each once."""
    found = [img["src"] for img in soup.find_all("img", src=True) if _is_remote(img["src"])]
    found += [
        a["href"]
        for a in soup.find_all("a", href=True)
        if _is_remote(a["href"]) and _looks_like_image(a["href"])
    ]
    return list(dict.fromkeys(u.strip() for u in found))


def _digest(url):
    return hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]


def earlier_copy(content, url):
    """The path (relative to ``content``) an earlier import fetched ``url`` to, or None."""
    for found in sorted((Path(content) / FOLDER).glob(f"{_digest(url)}-*")):
        return found.relative_to(content).as_posix()
    return None


def local_name(url, content_type=None):
    """``images/blogger/<hash>-<name>``: stable for a URL, safe as a file name."""
    digest = _digest(url)
    name = _UNSAFE.sub("-", unquote(posixpath.basename(urlsplit(url).path))).strip("-.")
    if not _IMAGE_SUFFIX.search(name):
        extension = mimetypes.guess_extension((content_type or "").split(";")[0].strip())
        name = f"{name or 'image'}{extension or '.jpg'}"
    return f"{FOLDER}/{digest}-{name[-80:]}"


def fetch(url, destination):
    """Download ``url`` into the file ``destination``; return its Content-Type.

    Raises OSError (URLError, HTTPError and timeouts are OSErrors) on failure.
    """
    request = urllib.request.Request(url, headers={"User-Agent": "blogger-import"})
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
        content_type = response.headers.get("Content-Type", "")
        with open(destination, "wb") as out:
            shutil.copyfileobj(response, out)
    return content_type


def rewrite_images(soup, local):
    """Point img src and image links at the fetched copies in ``local`` (url -> path)."""
    for img in soup.find_all("img", src=True):
        if img["src"].strip() in local:
            img["src"] = f"{{static}}/{local[img['src'].strip()]}"
    for anchor in soup.find_all("a", href=True):
        if anchor["href"].strip() in local:
            anchor["href"] = f"{{static}}/{local[anchor['href'].strip()]}"
