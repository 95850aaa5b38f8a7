"""Report.claims_frame() (the flat claim columns) and Report.discrepancies_frame() (one
column per Discrepancy field)."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import ANCHOR

import numcheck
from numcheck import Claim, Discrepancy, Report
from numcheck._columns import CLAIM_COLUMN_NAMES


@pytest.fixture(scope="module")
def seed_report(seed_articles: list[numcheck.Article]) -> Report:
    return numcheck.check(seed_articles)


def test_claims_frame_has_one_column_per_field_and_one_row_per_claim(
    seed_report: Report,
) -> None:
    frame = seed_report.claims_frame()
    assert tuple(frame.columns) == CLAIM_COLUMN_NAMES  # time as time_start, time_end, ...
    assert len(frame) == len(seed_report.claims)
    assert list(frame.index) == [c.id for c in seed_report.claims]
    first = seed_report.claims[0]
    row = frame.iloc[0]
    assert (row["article"], row["text"], row["key"]) == (first.article, first.text, first.key)
    assert (row["time_start"].date(), row["time_basis"]) == (first.time.start, first.time.basis)


def test_claims_frame_dtypes(seed_report: Report) -> None:
    frame = seed_report.claims_frame()
    for name in ("value", "low", "high"):
        assert frame[name].dtype == "float64"
    assert str(frame["start"].dtype) == "Int64"
    assert str(frame["line"].dtype) == str(frame["column"].dtype) == "Int64"
    assert pd.api.types.is_datetime64_any_dtype(frame["anchor"])
    troops = frame[frame.key == "troops|US|Iraq"]
    assert sorted(troops["value"].dropna()) == [2500.0, 2500.0, 5000.0, 170300.0]
    # an unbounded bound is NaN, not None
    assert frame["high"].isna().any()


def test_discrepancies_frame(seed_report: Report) -> None:
    frame = seed_report.discrepancies_frame()
    assert list(frame.columns) == list(Discrepancy.model_fields)
    assert len(frame) == len(seed_report.discrepancies) > 0
    assert frame["ratio"].dtype == "float64"
    assert frame["same_article"].dtype == bool
    first = frame.iloc[0]
    assert first["claims"] == seed_report.discrepancies[0].claims
    assert set(frame.verdict) <= {"conflict", "change", "regression"}


def test_empty_report_gives_empty_frames_with_the_columns() -> None:
    claims, discrepancies = Report().claims_frame(), Report().discrepancies_frame()
    assert claims.empty and discrepancies.empty
    assert tuple(claims.columns) == CLAIM_COLUMN_NAMES
    assert list(discrepancies.columns) == list(Discrepancy.model_fields)
    assert claims["value"].dtype == "float64"
    assert claims["key"].dtype != "float64"


def test_given_claims_without_offsets() -> None:
    report = numcheck.check(
        [
            Claim(article="sheet", value=2500, unit="troops", subject="US", location="Iraq"),
            *numcheck.extract(
                "There are 2,000 US troops in Iraq.", published=ANCHOR, article_id="w"
            ),
        ]
    )
    frame = report.claims_frame()
    assert frame.loc["sheet:", "start"] is pd.NA
    assert frame.loc["w:10-15", "value"] == 2000.0


def test_missing_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"numcheck\[notebook\]"):
        Report().claims_frame()
