"""Fuzz properties of the pipeline (hypothesis): no input makes extract or check raise.

The long campaign is ``benchmarks/fuzz.py`` (50,000 inputs per entry point); these are the
same properties on fewer inputs, run by the suite.
"""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import Claim, NumcheckError, TimeSpan
from numcheck._models import PUBLISHED_MAX, PUBLISHED_MIN
from numcheck._pipeline import build_report
from numcheck._report import render_json, render_markdown, render_text
from numcheck._rules import Rules

FUZZ = settings(max_examples=150)

NEWSY = st.sampled_from(
    ["There were", "5000", "2,500", "US troops", "in Iraq", "in 2016", "now", "last year",
     "since 2007", "last week", "before 2000", "after 2100", "last month", "in January",
     "about", "more than", "hundreds of thousands", "deaths", ",", ".", " ", "\n", "1E308",
     "10^1000", "1,234.56.78", "one one one", "1 to 1 to", "\u200b", "\ud800", "\x1b[2J",
     "\u202b", "\u0662\u0665", "\uff12\uff15", "between 3 and 5 million", "so far"]
)  # fmt: skip
TEXTS = st.one_of(st.lists(NEWSY, max_size=30).map(" ".join), st.text(max_size=200))
EXTREME_DATES = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from([dt.date.min, dt.date.max, PUBLISHED_MIN, PUBLISHED_MAX]),
)


@FUZZ
@given(TEXTS, EXTREME_DATES)
@example("There were 2,500 troops last year.", dt.date(1, 1, 1))
@example("2,500 troops since 2007, after 2100 and before 2000.", dt.date(9999, 12, 31))
@example("300 troops last week, 400 last month", PUBLISHED_MIN)
@example("inflation one hundred-\u00bd;", dt.date(2024, 1, 1))  # fuzz.py: extract 142
def test_extract_answers_or_refuses_the_date(text: str, published: dt.date | None) -> None:
    inside = published is None or PUBLISHED_MIN <= published <= PUBLISHED_MAX
    if not inside:
        with pytest.raises(NumcheckError, match="outside the years"):
            numcheck.extract(text, published=published)
        return
    claims = numcheck.extract(text, published=published)
    for claim in claims:
        assert claim.start is not None and claim.end is not None
        assert claim.text == text[claim.start : claim.end].replace("\ud800", "\ufffd")
        for number in (claim.value, claim.low, claim.high):
            assert number is None or math.isfinite(number)
        json.loads(claim.model_dump_json())
        assert claim.time.label() and repr(claim) and claim._repr_html_()


VALUES = st.one_of(
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([0.0, 1e308, -1e308, 1.7976931348623157e308, 5e-324, 2500.0, 2000.0]),
)
DATES = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max]))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    low, high = draw(VALUES), draw(st.one_of(st.none(), VALUES))
    if high is not None and low > high:
        low, high = high, low
    start, end = draw(DATES), draw(DATES)
    if start and end and start > end:
        start, end = end, start
    basis = draw(st.sampled_from(["explicit", "relative", "published", "unknown"]))
    return Claim(
        article=draw(st.sampled_from(["a", "b", "c", "|x\n# y", "<script>"])),
        text=draw(st.sampled_from(["2,500", "", "a|b", "\x1b[31mred"])),
        value=low if high == low else None,
        low=low,
        high=high,
        qualifier="exact" if high == low else draw(st.sampled_from(["range", "at_least"])),
        unit=draw(st.sampled_from(["troops", "km", "USD", None])),
        location=draw(st.sampled_from(["Iraq", None])),
        time=TimeSpan(start=start, end=end, basis=basis),
        anchor=draw(DATES),
        kind=draw(st.sampled_from(["level", "level", "change"])),
    )


FAR_APART = [
    Claim(article="a", text="x", value=1.7976931348623157e308, unit="troops"),
    Claim(article="b", text="y", value=5e-324, unit="troops"),
    Claim(article="c", text="z", low=1.7e308, high=1.79e308, qualifier="range", unit="troops"),
]


@FUZZ
@given(st.lists(claims(), max_size=12), st.booleans())
@example(FAR_APART, False)
def test_check_and_its_renderers_never_raise(given_claims: list[Claim], cumulative: bool) -> None:
    rules = Rules.parse({"default": {"cumulative": cumulative}})
    report = build_report([], given_claims, rules=rules)
    for finding in report.discrepancies:
        assert finding.ratio is None or math.isfinite(finding.ratio)
    json.loads(render_json(report))
    assert render_text(report) and render_markdown(report)
