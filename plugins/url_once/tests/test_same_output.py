"""url_once only saves work: the site is the same, byte for byte, without it."""

from tests.conftest import built_with_and_without


def test_the_site_is_the_same_without_url_once(tmp_path):
    with_it, without = built_with_and_without("url_once", tmp_path)
    assert without.keys() == with_it.keys()
    assert [str(p) for p in without if without[p] != with_it[p]] == []
