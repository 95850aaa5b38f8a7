"""The notebook runs top to bottom on a fresh kernel; the docs build renders the PNG."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import html5lib
import nbformat
import pytest
from conftest import ROOT

BUILD = ROOT / "docs" / "build.py"
NOTEBOOK = ROOT / "docs" / "notebooks" / "fact-check.ipynb"
PNG = b"\x89PNG\r\n\x1a\n"


def _build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("numcheck_docs_build", BUILD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs(cell: Any) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for output in cell.outputs:
        assert output.output_type != "error", "".join(output.get("traceback", []))
        data.update(output.get("data", {}))
    return data


@pytest.fixture(scope="module")
def executed() -> Any:
    # No time limit: on a loaded machine it takes longer (speed is for benchmarks).
    return _build_module().execute_notebook(NOTEBOOK)


def test_the_notebook_runs_and_shows_tables_html_and_the_timeline(executed: Any) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    outputs = [_outputs(c) for c in code]
    by_source = {c.source: out for c, out in zip(code, outputs, strict=True)}
    report = next(out for source, out in by_source.items() if source.endswith("\nreport"))
    assert 'class="numcheck-report"' in report["text/html"]
    html5lib.HTMLParser(strict=True).parseFragment(report["text/html"])
    table = next(out for source, out in by_source.items() if "discrepancies_frame()" in source)
    assert "troops/change" in table["text/html"] and "<tbody>" in table["text/html"]
    timeline = next(out for source, out in by_source.items() if "timeline(" in source)
    import base64

    assert base64.b64decode(timeline["image/png"]).startswith(PNG)


def test_the_committed_notebook_has_its_outputs() -> None:
    """So that it renders with its tables and the timeline where it is browsed."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code)
    assert "image/png" in code[-1].outputs[0]["data"]


def test_the_docs_build_renders_the_troops_timeline(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BUILD), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    png = (tmp_path / "troops-timeline.png").read_bytes()
    assert png.startswith(PNG) and len(png) > 10_000
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (900, 480)
    committed = ROOT / "docs" / "img" / "troops-timeline.png"
    assert committed.read_bytes().startswith(PNG)
    assert "docs/img/troops-timeline.png" in (ROOT / "README.md").read_text(encoding="utf-8")
