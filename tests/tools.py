"""Find a tool from outside PyPI, or skip the test (fail it in CI) saying how to install it.

`.ci/run` installs every such tool, so with CI=true a missing one is a bug in
the CI script and must fail loudly instead of hiding behind a skip.
"""

import os
import shutil
from pathlib import Path

import pytest


def require(executable_or_path, hint):
    """Return the tool's path: an executable on PATH, or a file or folder path.

    Outside CI a missing tool skips the test with `hint` (what to install);
    with CI=true it fails the test.
    """
    name = str(executable_or_path)
    found = shutil.which(name) if os.sep not in name else None
    if found is None and os.sep in name and Path(name).exists():
        found = name
    if found is None:
        message = f"{name} not found: {hint}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    return found
