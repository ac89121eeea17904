"""DEDUP read by msgspec: defaults and overrides come through, and a bad value
is refused with msgspec's reason after the setting and the key."""

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
    ("bad", "reason"),
    [
        ({"MIN_LENGTH": 0}, "Expected `int` >= 1"),
        ({"MIN_LENGTH": "50"}, "Expected `int`, got `str`"),  # not read as a number
        ({"MIN_WORDS": True}, "Expected `int`, got `bool`"),  # True is not a whole number
        ({"MIN_WORDS": 2.0}, "Expected `int`, got `float`"),
        ({"NEAR_RATIO": 2}, "Expected `float` <= 1.0"),
        ({"NEAR_RATIO": False}, "Expected `float`, got `bool`"),
        ({"MODE": "delete"}, "Invalid enum value 'delete'"),
        ({"REPORT_PATH": 3}, "got `int`"),
    ],
)
def test_a_bad_value_is_named_with_its_key(bad, reason):
    with pytest.raises(SettingsError) as raised:
        read_settings({"DEDUP": bad})
    [key] = bad
    said = str(raised.value)
    assert said.startswith("DEDUP: ") and reason in said and f"at `$.{key}`" in said, said


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ({"MIN_LENGHT": 10}, "DEDUP: Object contains unknown field `MIN_LENGHT`"),
        (["MODE"], "DEDUP: Expected `object`, got `array`"),
    ],
)
def test_an_unknown_key_or_a_non_dict_is_named(given, said):
    with pytest.raises(SettingsError) as raised:
        read_settings({"DEDUP": given})
    assert str(raised.value) == said
