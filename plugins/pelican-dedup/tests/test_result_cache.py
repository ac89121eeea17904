"""The result cache: invalidated by any edit to the rules, safe when builds overlap."""

import shutil
from pathlib import Path

from pelican.plugins.dedup import result_cache
from pelican.plugins.dedup.result_cache import FILE_NAME, ResultCache, rule_modules, rules_digest

PLUGIN = Path(result_cache.__file__).parent
SETTINGS = {"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}


def test_any_edit_to_a_rule_module_changes_the_digest(tmp_path):
    modules = rule_modules(PLUGIN)
    assert {"core.py", "html_blocks.py", "repair.py"} <= set(modules)
    for name in modules:
        shutil.copy(PLUGIN / name, tmp_path / name)
    before = rules_digest(tmp_path)
    assert before == rules_digest(PLUGIN)
    for name in modules:
        source = tmp_path / name
        original = source.read_bytes()
        source.write_bytes(original + b"\n# a comment is enough\n")
        assert rules_digest(tmp_path) != before, name
        source.write_bytes(original)
    assert rules_digest(tmp_path) == before


def test_results_saved_by_other_rules_are_ignored(tmp_path, monkeypatch):
    settings = {**SETTINGS, "CACHE_PATH": str(tmp_path)}
    old = ResultCache(settings, "fingerprint")
    old.put(b"key", "entry")
    old.save()
    assert ResultCache(settings, "fingerprint").get(b"key") == "entry"
    monkeypatch.setattr(result_cache, "rules_digest", lambda: "edited rules")
    assert ResultCache(settings, "fingerprint").get(b"key") is None


def test_saving_never_uses_a_shared_temporary_name(tmp_path):
    """Two builds at once used to write one `.tmp` file; a leftover one (here a
    folder, which no write can replace) must not stop the save."""
    settings = {**SETTINGS, "CACHE_PATH": str(tmp_path)}
    (tmp_path / f"{FILE_NAME}.tmp").mkdir()
    first, second = ResultCache(settings, "f"), ResultCache(settings, "f")
    first.put(b"a", "first")
    second.put(b"b", "second")
    first.save()
    second.save()  # the last build to finish replaces the file whole
    remembered = ResultCache(settings, "f")
    assert (remembered.get(b"a"), remembered.get(b"b")) == (None, "second")
    leftovers = {p.name for p in tmp_path.iterdir()} - {FILE_NAME, f"{FILE_NAME}.tmp"}
    assert leftovers == set()
