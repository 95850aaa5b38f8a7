"""The public data model: every model survives a JSON round trip; defaults and checks."""

from __future__ import annotations

import datetime as dt
import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from numcheck import Article, Claim, Discrepancy, Report, TimeSpan
from numcheck._models import PUBLISHED_MAX, PUBLISHED_MIN, InputError

texts = st.text(max_size=40)
names = st.one_of(st.none(), st.text(min_size=1, max_size=12))
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1)))
published_dates = st.one_of(st.none(), st.dates(min_value=PUBLISHED_MIN, max_value=PUBLISHED_MAX))
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def times(draw: st.DrawFn) -> TimeSpan:
    a, b = draw(dates), draw(dates)
    if a and b and a > b:
        a, b = b, a
    basis = draw(st.sampled_from(["explicit", "relative", "published", "unknown"]))
    return TimeSpan(start=a, end=b, basis=basis, text=draw(st.one_of(st.none(), texts)))


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    low, high = draw(st.one_of(st.none(), finite)), draw(st.one_of(st.none(), finite))
    if low is not None and high is not None and low > high:
        low, high = high, low
    value = draw(st.one_of(st.none(), finite))
    qualifier = draw(
        st.sampled_from(
            ["exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"]
        )
    )
    if value is not None and qualifier in ("exact", "approx"):
        low = high = value
    start = draw(st.one_of(st.none(), st.integers(0, 10**6)))
    end = None if start is None else start + draw(st.integers(0, 100))
    return Claim(
        article=draw(st.text(min_size=1, max_size=10)),
        start=start,
        end=end,
        text=draw(texts),
        sentence=draw(texts),
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=draw(names),
        subject=draw(names),
        location=draw(names),
        time=draw(times()),
        modifier=draw(names),
        kind=draw(st.sampled_from(["level", "change"])),
        anchor=draw(dates),
        source=draw(names),
    )


articles = st.builds(
    Article,
    id=st.text(min_size=1, max_size=10),
    text=st.text(max_size=200),
    published=published_dates,
    title=names,
    source=names,
    url=names,
    path=names,
    published_precision=st.sampled_from(["day", "month", "year"]),
    meta=st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), texts), max_size=3),
)
discrepancies = st.builds(
    Discrepancy,
    key=texts,
    verdict=st.sampled_from(["conflict", "change", "regression"]),
    severity=st.sampled_from(["error", "warning", "info"]),
    claims=st.tuples(claims(), claims()),
    rule=texts,
    explanation=texts,
    ratio=st.one_of(st.none(), finite),
    same_article=st.booleans(),
)
reports = st.builds(
    Report,
    articles=st.lists(articles, max_size=2),
    claims=st.lists(claims(), max_size=3),
    discrepancies=st.lists(discrepancies, max_size=2),
    errors=st.lists(st.builds(InputError, path=texts, message=texts), max_size=2),
)


@given(times())
def test_timespan_round_trip(time: TimeSpan) -> None:
    assert TimeSpan.model_validate_json(time.model_dump_json()) == time


@given(articles)
def test_article_round_trip(article: Article) -> None:
    assert Article.model_validate_json(article.model_dump_json()) == article


@given(claims())
def test_claim_round_trip(claim: Claim) -> None:
    assert Claim.model_validate_json(claim.model_dump_json()) == claim


@given(discrepancies)
def test_discrepancy_round_trip(item: Discrepancy) -> None:
    assert Discrepancy.model_validate_json(item.model_dump_json()) == item


@given(reports)
def test_report_round_trip(report: Report) -> None:
    assert Report.model_validate_json(report.to_json()) == report


def test_json_uses_contract_names_iso_dates_and_integers() -> None:
    claim = Claim(
        article="004",
        start=10,
        end=14,
        text="5000",
        value=5000,
        unit="troops",
        subject="US",
        location="Iraq",
        time=TimeSpan(
            start=dt.date(2016, 1, 1), end=dt.date(2016, 12, 31), basis="explicit", text="in 2016"
        ),
    )
    data = json.loads(claim.model_dump_json())
    for field in (
        "article",
        "start",
        "end",
        "text",
        "sentence",
        "value",
        "low",
        "high",
        "qualifier",
        "unit",
        "subject",
        "location",
        "time",
        "key",
    ):
        assert field in data
    assert data["value"] == 5000 and isinstance(data["value"], int)
    assert data["time"] == {
        "start": "2016-01-01",
        "end": "2016-12-31",
        "basis": "explicit",
        "text": "in 2016",
    }
    assert data["key"] == "troops|US|Iraq"


def test_claim_without_text_gets_interval_and_key() -> None:
    claim = Claim.model_validate({"article": "sheet", "value": 2500, "unit": "troops"})
    assert (claim.low, claim.high, claim.key, claim.start) == (2500, 2500, "troops|?|?", None)
    assert Claim(article="x", value=5, qualifier="at_least", low=5).high is None


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param({"low": 5, "high": 3}, id="low-above-high"),
        pytest.param({"start": 5, "end": 3}, id="end-before-start"),
        pytest.param({"start": 5}, id="start-without-end"),
        pytest.param({"qualifier": "roughly"}, id="unknown-qualifier"),
        pytest.param({"value": math.nan}, id="nan"),
        pytest.param({"low": math.inf}, id="infinite"),
    ],
)
def test_invalid_claims_are_rejected(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        Claim.model_validate({"article": "a", **fields})


def test_report_json_can_leave_out_article_text() -> None:
    report = Report(articles=[Article(id="a", text="secret body")])
    assert "secret body" in report.to_json()
    assert "secret body" not in report.to_json(include_text=False)


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(dt.date(1, 1, 1), id="year-1-cms-placeholder"),
        pytest.param(dt.date(999, 12, 31), id="just-before-range"),
        pytest.param(dt.date(9999, 12, 31), id="date-max"),
    ],
)
def test_publication_dates_outside_the_range_are_refused(published: dt.date) -> None:
    with pytest.raises(ValidationError, match="outside the years 1000-8999"):
        Article(id="a", text="5000 troops now.", published=published)


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        pytest.param(dt.date.max, dt.date.max, "9999-12-31", id="last-day"),
        pytest.param(None, dt.date.max, "until 9999", id="until-the-end"),
        pytest.param(dt.date(9999, 12, 1), dt.date.max, "9999-12", id="last-month"),
        pytest.param(dt.date.min, dt.date.min, "0001-01-01", id="first-day"),
        pytest.param(dt.date.min, None, "since 1", id="since-the-start"),
    ],
)
def test_labels_at_the_ends_of_the_calendar(
    start: dt.date | None, end: dt.date | None, label: str
) -> None:
    time = TimeSpan(start=start, end=end, basis="explicit")
    assert time.label() == label
    claim = Claim(article="a", text="5", value=5, time=time)
    assert label in repr(claim) and label in claim._repr_html_()


def test_one_table_of_verdicts_read_by_engine_html_and_plots() -> None:
    """Every verdict the model allows has one entry in VERDICTS, and the explanations,
    the HTML cards and the plot rings read it."""
    from typing import get_args

    from numcheck._html import discrepancy_html
    from numcheck._models import VERDICTS, Verdict
    from numcheck.plot import MARKS

    assert set(get_args(Verdict)) == set(VERDICTS)
    assert {v: i.colour for v, i in VERDICTS.items() if i.colour} == MARKS
    a = Claim(article="a", text="5", value=5, unit="troops", statistic="running_total")
    b = a.model_copy(update={"article": "b", "text": "9", "value": 9.0, "low": 9.0, "high": 9.0})
    found = Discrepancy(
        key=a.key,
        verdict="update",
        severity="info",
        claims=(a, b),
        rule="troops/update",
        explanation="",
    )
    assert VERDICTS["update"].means in discrepancy_html(found)


# -- the public surface ------------------------------------------------------------------


def test_public_names_resolve_to_their_modules() -> None:
    """Every name of ``numcheck.__all__`` resolves, is the object its module defines, and
    ``dir(numcheck)`` lists it."""
    import importlib

    import numcheck

    for name in numcheck.__all__:
        home = importlib.import_module(numcheck._HOME[name], "numcheck")
        assert getattr(numcheck, name) is getattr(home, name), name
        assert name in dir(numcheck)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        numcheck.nothing  # noqa: B018


def test_import_loads_no_stage_until_a_name_is_used() -> None:
    """``import numcheck`` (and so the pytest plugin's first import) loads no stage of the
    pipeline; the first use of a name loads what it needs."""
    import subprocess
    import sys

    code = (
        "import sys, numcheck\n"
        "before = sorted(m for m in sys.modules if m.startswith('numcheck.'))\n"
        "numcheck.extract('2,500 troops')\n"
        "after = {'numcheck._frame', 'numcheck._numbers'} <= set(sys.modules)\n"
        "print(before, after)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "True"]
