"""tests/tools.py: a missing tool skips outside CI and fails in CI."""

import sys

import pytest

from tests.tools import require

MISSING = "no-such-tool-for-this-test"


def test_a_present_tool_is_returned_by_path():
    assert require("sh", "install a shell").endswith("/sh")
    assert require(sys.executable, "install python") == sys.executable


def test_a_missing_tool_skips_outside_ci_saying_what_to_install(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=f"{MISSING} not found: apt-get it"):
        require(MISSING, "apt-get it")


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="apt-get it"):
        require(MISSING, "apt-get it")
