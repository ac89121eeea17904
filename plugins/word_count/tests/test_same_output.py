"""word_count only saves work: without it the theme counts the same words itself."""

import re

from tests.conftest import built_with_and_without


def test_the_site_is_the_same_without_word_count(tmp_path):
    with_it, without = built_with_and_without("word_count", tmp_path)
    assert without.keys() == with_it.keys()
    assert [str(p) for p in without if without[p] != with_it[p]] == []

    # And a count remembered on the post is the one its own page shows.
    pages = b"".join(html for path, html in with_it.items() if path.name == "index.html")
    pairs = re.findall(rb'href="([^"]+\.html)">Read on.*?(\d+) min read', pages)
    assert len(pairs) == 3  # every post of the sample site, once
    for url, minutes in pairs:
        post = next(html for path, html in with_it.items() if url.endswith(path.name.encode()))
        assert re.search(rb'<p class="meta"[^>]*>.*?(\d+) min read', post)[1] == minutes, url
