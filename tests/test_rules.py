"""Rules files: every broken file is one RulesError naming it, never another exception."""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from numcheck import MeasureRule, Rules, RulesError
from numcheck._rules import find_rules


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        pytest.param(
            "numcheck.toml",
            b"[default]\nx = 'caf\xe9'\n",
            "not valid UTF-8 (byte 0xE9",
            id="latin-1",
        ),
        pytest.param("numcheck.toml", b"a = [[[[[[", "not valid TOML", id="invalid"),
        pytest.param(
            "numcheck.toml",
            b"a = " + b"1" * 5000,
            "not valid TOML: Exceeds the limit",
            id="huge-int",
        ),
        pytest.param(
            "numcheck.toml",
            b"a = " + b"{b = " * 3000 + b"1" + b"}" * 3000,
            "nested too deeply",
            id="deep",
        ),
        pytest.param(
            "pyproject.toml", b"tool = 'x'\n", "'tool' must be a table, not a string", id="tool-str"
        ),
        pytest.param(
            "pyproject.toml", b"tool = 3\n", "'tool' must be a table, not a int", id="tool-int"
        ),
        pytest.param(
            "pyproject.toml",
            b"[[tool.numcheck]]\ndefault = {}\n",
            "[tool.numcheck] must be a table, not an array",
            id="numcheck-array-of-tables",
        ),
        pytest.param(
            "pyproject.toml", b"[project]\n", "no [tool.numcheck] table", id="numcheck-missing"
        ),
    ],
)
def test_bad_rules_files_name_the_file(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RulesError) as caught:
        Rules.from_file(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert problem in message
    if name == "pyproject.toml" and "missing" not in problem and b"[project]" not in data:
        with pytest.raises(RulesError, match="must be a table"):
            find_rules(tmp_path)


def test_find_rules_reads_pyproject_and_names_a_broken_one(tmp_path: Path) -> None:
    inner = tmp_path / "project" / "src"
    inner.mkdir(parents=True)
    (tmp_path / "project" / "pyproject.toml").write_text(
        "[tool.numcheck.default]\nsame_time_days = 3\n", encoding="utf-8"
    )
    assert find_rules(inner).default.same_time_days == 3
    (tmp_path / "project" / "pyproject.toml").write_bytes(b"[tool]\nx = '\xff'\n")
    with pytest.raises(RulesError, match=r"pyproject.toml: not valid UTF-8 \(byte 0xFF"):
        find_rules(inner)


# -- fuzz ------------------------------------------------------------------------------

FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
SEVERITIES = ("error", "warning", "info")
KEYS = sorted({*MeasureRule.model_fields, *Rules.model_fields, "from_ratio", "severity"})
KEYS += ["day", "week", "month", "hundreds", "troops", "deaths"]

toml_scalars = (
    st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats()
    | st.text(max_size=8)
    | st.sampled_from(["error", "warning", "info", "conflict"])
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=15,
)
tables = st.dictionaries(st.sampled_from(KEYS), toml_values, max_size=4)


def toml_value(value: Any) -> str:
    """A TOML inline value (just enough for the fuzz tables)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # JSON string escapes are TOML's (a surrogate pair is not)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def toml_document(table: dict[str, Any]) -> str:
    return "".join(f"{json.dumps(key)} = {toml_value(value)}\n" for key, value in table.items())


def outcome(load: Callable[[], Rules]) -> Rules | RulesError:
    """The rules, or the RulesError; any other exception fails the test."""
    try:
        return load()
    except RulesError as exc:
        return exc


@FUZZ
@given(data=st.binary(max_size=200), name=st.sampled_from(["numcheck.toml", "pyproject.toml"]))
@example(data=b"tool = 'numcheck'", name="pyproject.toml")
@example(data=b"[tool]\nnumcheck = 1", name="pyproject.toml")
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, name: str) -> None:
    for old in tmp_path.glob("*.toml"):  # tmp_path is shared by the examples
        old.unlink()
    path = tmp_path / name
    path.write_bytes(data)
    for result in (outcome(lambda: Rules.from_file(path)), outcome(lambda: find_rules(tmp_path))):
        if isinstance(result, RulesError):
            assert str(result).startswith(f"{path}: ") and "\n" not in str(result)


@settings(FUZZ, max_examples=100)
@given(table=tables, inside=st.sampled_from(["", "default", "measures.troops", "tool.numcheck"]))
@example(table={"default": {"absolute_tolerance": [], "\n": []}}, inside="")  # key with a break
def test_fuzz_rule_tables(tmp_path: Path, table: dict[str, Any], inside: str) -> None:
    name = "pyproject.toml" if inside.startswith("tool") else "numcheck.toml"
    path = tmp_path / name
    header = f"[{inside}]\n" if inside else ""
    path.write_text(header + toml_document(table), encoding="utf-8", errors="surrogatepass")
    for result in (outcome(lambda: Rules.from_file(path)), outcome(lambda: Rules.parse(table))):
        if isinstance(result, RulesError):
            assert "\n" not in str(result)
        else:
            for unit in (None, "troops", "deaths", *result.measures):
                assert result.for_unit(unit)[1].severity("conflict", 1.5) in SEVERITIES
