"""template_cache only saves work: the same site, and a template edit shows at once."""

import shutil

from tests.conftest import ROOT, built_with_and_without, copy_content, run_pelican


def test_the_site_is_the_same_without_template_cache(tmp_path):
    with_it, without = built_with_and_without("template_cache", tmp_path)
    assert without.keys() == with_it.keys()
    assert [str(p) for p in without if without[p] != with_it[p]] == []


def test_a_rebuild_reuses_compiled_templates_but_never_a_stale_one(tmp_path):
    content, output, cache = copy_content(tmp_path / "content"), tmp_path / "out", tmp_path / "c"
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    options = ("-e", f'THEME="{theme}"')

    def rebuild():
        result = run_pelican(content, output, "pelicanconf.py", *options, cache=cache)
        assert result.returncode == 0, result.stdout + result.stderr
        return (output / "index.html").read_text()

    assert "Skip to content" in rebuild()
    compiled = sorted(p.name for p in cache.rglob("templates-*/*"))
    assert compiled, "no compiled template was kept"
    assert "Skip to content" in rebuild()
    assert sorted(p.name for p in cache.rglob("templates-*/*")) == compiled
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text().replace("Skip to content", "Skip to the posts"))
    assert "Skip to the posts" in rebuild(), "an edited template was not compiled again"
