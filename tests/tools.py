"""Tools from outside PyPI that some tests need (installed by .ci/run in CI).

Outside CI a missing tool skips those tests with a reason saying what to
install; with CI=true it fails them, so CI can never pass by skipping.
"""

import os
import shutil
from pathlib import Path

import pytest


def require(executable_or_path, hint):
    """Return the tool's full path; skip (or, in CI, fail) when it is missing."""
    found = shutil.which(executable_or_path)
    if found is None and Path(executable_or_path).is_file():
        found = str(executable_or_path)
    if found is not None:
        return found
    message = f"{executable_or_path} is not installed; {hint}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)
