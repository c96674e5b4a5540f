"""``ruff check`` passes on the package, the lesson sources, the tests, the benchmarks and the tools (settings:
``[tool.ruff]`` in pyproject.toml)."""
import importlib.util
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
LINTED = ["gan_course", "notebooks/src", "tests", "benchmarks", "tools", "conftest.py"]


@pytest.mark.skipif(importlib.util.find_spec("ruff") is None,
                    reason="ruff is not installed (pip install -r requirements.txt)")
def test_ruff_check_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *LINTED],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
