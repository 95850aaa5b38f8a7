"""Verdicts between two claims, and rules validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import numcheck
from numcheck import Claim, Rules, RulesError, TimeSpan


def claim(
    value: float,
    when: str | None,
    *,
    article: str = "a",
    unit: str = "deaths",
    qualifier: str = "exact",
    modifier: str | None = None,
) -> Claim:
    time = TimeSpan()
    if when:
        day = dt.date.fromisoformat(when)
        time = TimeSpan(start=day, end=day, basis="explicit", text=when)
    return Claim(
        article=article,
        text=f"{value:g}",
        value=value,
        qualifier=qualifier,
        modifier=modifier,
        unit=unit,
        subject="X",
        location="Y",
        time=time,
    )


@pytest.mark.parametrize(
    ("first", "second", "verdict", "severity"),
    [
        pytest.param(
            claim(2000, "2024-01-10"),
            claim(2500, "2024-01-20", article="b"),
            "conflict",
            "error",
            id="same-month-disagree",
        ),
        pytest.param(
            claim(2500, "2024-01-10", unit="troops"),
            claim(5000, "2016-06-01", article="b", unit="troops"),
            "change",
            "info",
            id="years-apart-change",
        ),
        pytest.param(
            claim(1000, "2020-01-01"),
            claim(800, "2022-01-01", article="b"),
            "regression",
            "warning",
            id="cumulative-went-down",
        ),
        pytest.param(
            claim(1000, None),
            claim(800, "2022-01-01", article="b"),
            "conflict",
            "warning",
            id="unknown-time",
        ),
        pytest.param(
            claim(2500, "2024-01-10"),
            claim(2520, "2024-01-12", article="b"),
            None,
            None,
            id="within-tolerance",
        ),
        pytest.param(
            claim(2000, "2024-01-10", qualifier="approx", modifier="about"),
            claim(2150, "2024-01-12", article="b"),
            None,
            None,
            id="about-widens",
        ),
        pytest.param(
            claim(4000, "2024-01-10", qualifier="approx", modifier="nearly"),
            claim(4100, "2024-01-12", article="b"),
            None,
            None,
            id="nearly-within-tolerance",
        ),
        pytest.param(
            claim(4000, "2024-01-10", qualifier="approx", modifier="nearly"),
            claim(4500, "2024-01-12", article="b"),
            "conflict",
            "warning",  # 3,800 (middle of 3,600-4,000) against 4,500 is under 1.2x
            id="nearly-is-below",
        ),
    ],
)
def test_verdicts(first: Claim, second: Claim, verdict: str | None, severity: str | None) -> None:
    found = numcheck.check([first, second]).discrepancies
    if verdict is None:
        assert found == []
    else:
        [d] = found
        assert (d.verdict, d.severity) == (verdict, severity)
        known = first.time.known and second.time.known
        assert d.rule.endswith(verdict if known else "unknown-time")
        assert first.text in d.explanation and second.text in d.explanation


def test_vague_bounds_take_no_tolerance() -> None:
    vague = Claim(
        article="b",
        text="hundreds of thousands",
        low=200_000,
        high=999_999,
        qualifier="vague",
        unit="deaths",
        subject="X",
        location="Y",
        time=TimeSpan(start=dt.date(2024, 1, 10), end=dt.date(2024, 1, 10), basis="explicit"),
    )
    [d] = numcheck.check([claim(1_033_000, "2024-01-12"), vague]).discrepancies
    assert d.verdict == "conflict"  # within 5% of 999,999, but "hundreds" is under a million
    assert numcheck.check([claim(990_000, "2024-01-12"), vague]).discrepancies == []


def test_same_article_is_compared_and_flagged() -> None:
    [d] = numcheck.check([claim(10, "2024-01-01"), claim(20, "2024-01-02")]).discrepancies
    assert d.same_article and "(same article)" in d.explanation


def test_different_keys_and_changes_are_not_compared() -> None:
    a = claim(10, "2024-01-01")
    b = claim(20, "2024-01-02", unit="troops")
    c = claim(30, "2024-01-02").model_copy(update={"kind": "change"})
    assert numcheck.check([a, b, c]).discrepancies == []


def test_rules_tolerance_and_severity_per_measure() -> None:
    pair = [claim(2000, "2024-01-10"), claim(2500, "2024-01-20", article="b")]
    rules = {"measures": {"deaths": {"relative_tolerance": 0.3}}}
    assert numcheck.check(pair, rules=rules).discrepancies == []
    rules = {"default": {"conflict": "warning"}}
    assert numcheck.check(pair, rules=rules).discrepancies[0].severity == "warning"


def test_rules_file_errors_name_file_key_and_problem(tmp_path: Path) -> None:
    path = tmp_path / "numcheck.toml"
    path.write_text("[default]\nrelative_tolerance = -1\n[measures.deaths]\nconflcit = 'x'\n")
    with pytest.raises(RulesError) as caught:
        Rules.from_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert "default.relative_tolerance" in message and "greater than or equal to 0" in message
    assert "measures.deaths.conflcit" in message
    path.write_text("[default\n")
    with pytest.raises(RulesError, match="not valid TOML"):
        Rules.from_file(path)


def test_rules_from_pyproject(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text("[tool.numcheck.default]\nsame_time_days = 7\n")
    assert Rules.from_file(path).default.same_time_days == 7
