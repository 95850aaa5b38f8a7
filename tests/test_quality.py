"""ruff (explicit rule list in pyproject.toml) and mypy --strict stay clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]')")
    return found


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("ruff", "check", "numcheck", "tests", "benchmarks", "docs"), id="ruff-check"),
        pytest.param(
            ("ruff", "format", "--check", "numcheck", "tests", "benchmarks", "docs"),
            id="ruff-format",
        ),
        pytest.param(("mypy",), id="mypy-strict"),
    ],
)
def test_tool_is_clean(args: tuple[str, ...]) -> None:
    result = subprocess.run(
        [_tool(args[0]), *args[1:]], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    quickstart = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    commands = [line for line in quickstart.splitlines() if line.startswith("python3 -m venv")]
    assert len(commands) == 2
    assert "numcheck check seeds/" in commands[0]
    assert commands[1] in ci
