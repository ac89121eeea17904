"""DEDUP read by msgspec: defaults and overrides come through, and a bad value
is refused with a message naming the setting, the key and the value."""

import pytest

from pelican.plugins.dedup.core import Options
from pelican.plugins.dedup.settings import SettingsError, read_settings


def test_defaults_and_overrides():
    default = read_settings({})
    assert (default.mode, default.report_path, default.options) == ("remove", None, Options())
    assert read_settings({"DEDUP": None}) == default
    changed = read_settings({"DEDUP": {"MODE": "report", "MIN_WORDS": 3, "NEAR_RATIO": 1}})
    assert changed.options == Options(min_length=40, min_words=3, near_ratio=1.0)
    assert changed.fingerprint == ("report", changed.options) != default.fingerprint


@pytest.mark.parametrize(
    "bad",
    [
        {"MIN_LENGTH": 0},
        {"MIN_LENGTH": "50"},  # not read as a number
        {"MIN_WORDS": True},  # True is not a whole number
        {"MIN_WORDS": 2.0},
        {"NEAR_RATIO": 2},
        {"NEAR_RATIO": False},
        {"MODE": "delete"},
        {"REPORT_PATH": 3},
    ],
)
def test_a_bad_value_is_named_with_its_key(bad):
    with pytest.raises(SettingsError) as raised:
        read_settings({"DEDUP": bad})
    [(key, value)] = bad.items()
    assert f"DEDUP[{key!r}] is {value!r}" in str(raised.value)


@pytest.mark.parametrize(
    "given, words",
    [
        ({"MIN_LENGHT": 10}, ["DEDUP", "unknown", "MIN_LENGHT"]),
        (["MODE"], ["DEDUP must be a dict"]),
    ],
)
def test_an_unknown_key_or_a_non_dict_is_named(given, words):
    with pytest.raises(SettingsError) as raised:
        read_settings({"DEDUP": given})
    assert all(word in str(raised.value) for word in words), raised.value
