"""The JSON Schema of the report (``numcheck schema``): every field described, and what
``numcheck check --format json`` writes is valid against it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from test_cli import run
from test_models import reports

from numcheck import Report
from numcheck._models import SCHEMA_VERSION, report_schema


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    result = run("schema")
    assert (result.returncode, result.stderr) == (0, "")
    printed: dict[str, Any] = json.loads(result.stdout)
    return printed


def properties(node: Any, at: str = "") -> Iterator[tuple[str, Any]]:
    """Every property of every object schema below ``node``, with where it is."""
    if isinstance(node, dict):
        for name, value in node.get("properties", {}).items():
            yield f"{at}.{name}", value
        for key, value in node.items():
            yield from properties(value, f"{at}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from properties(value, f"{at}[{index}]")


def test_every_field_of_every_model_has_a_description(schema: dict[str, Any]) -> None:
    found = dict(properties(schema))
    assert len(found) > 50  # Report, Article, Claim, TimeSpan, Discrepancy, InputError
    missing = [at for at, prop in found.items() if not prop.get("description", "").strip()]
    assert missing == []
    for name in ("Article", "Claim", "TimeSpan", "Discrepancy", "InputError"):
        model = schema["$defs"][name]
        assert model["description"].strip() and ">>>" not in model["description"], name


def test_the_printed_schema_is_a_valid_schema_that_states_its_version(
    schema: dict[str, Any],
) -> None:
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == report_schema()
    assert schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert SCHEMA_VERSION in schema["title"]
    assert "schema_version" in schema["required"]  # always written


def validate(schema: dict[str, Any], document: Any) -> None:
    jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)


@pytest.mark.parametrize(
    "extra",
    [
        pytest.param((), id="seeds"),
        pytest.param(("--min-severity", "error"), id="filtered"),
        pytest.param(("BAD",), id="with-an-unreadable-input"),
    ],
)
def test_check_json_is_valid_against_the_schema(
    schema: dict[str, Any], tmp_path: Path, extra: tuple[str, ...]
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"---\npublished: soon\n---\nAbout 5,000 US troops are in Iraq.\n")
    paths = [str(bad)] if "BAD" in extra else []
    options = [arg for arg in extra if arg != "BAD"]
    result = run("check", str(SEEDS), *paths, "--format", "json", "--jobs", "1", *options)
    assert result.returncode in (0, 2), result.stderr
    document = json.loads(result.stdout)
    validate(schema, document)
    assert document["schema_version"] == SCHEMA_VERSION
    assert (document["claims"] and document["discrepancies"]) or extra
    assert bool(document["errors"]) == ("BAD" in extra)


@settings(max_examples=40)
@given(reports)
def test_any_report_is_valid_against_the_schema(report: Report) -> None:
    validate(report_schema(), json.loads(report.to_json()))


def test_the_data_model_documents_the_version() -> None:
    text = (ROOT / "docs" / "data-model.md").read_text(encoding="utf-8")
    row = "| `schema_version` | string | *extension*: the version of this contract, "
    row += f"`{SCHEMA_VERSION}`"
    assert row in text
