"""Verdicts between two claims, and rules validation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import numcheck
from numcheck import Claim, Rules, RulesError, TimeSpan
from numcheck._compare import compare, resolve_keys


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


def test_vague_bounds_take_the_tolerance() -> None:
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
    # The edge of a vague amount is as soft as a stated figure: 1,033,000 is within 5% of
    # "hundreds of thousands" (up to 999,999); 1,200,000 is not.
    assert numcheck.check([claim(1_033_000, "2024-01-12"), vague]).discrepancies == []
    [d] = numcheck.check([claim(1_200_000, "2024-01-12"), vague]).discrepancies
    assert d.verdict == "conflict"


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


def span(start: str, end: str) -> TimeSpan:
    return TimeSpan(
        start=dt.date.fromisoformat(start), end=dt.date.fromisoformat(end), basis="explicit"
    )


def at(value: float, time: TimeSpan, article: str, **fields: object) -> Claim:
    return claim(value, None, article=article, **fields).model_copy(update={"time": time})  # type: ignore[arg-type]


def stated(text: str, time: TimeSpan, **fields: object) -> Claim:
    """A claim as written (vague amounts, open bounds): deaths of X in Y by default."""
    given: dict[str, object] = {"article": "b", "unit": "deaths", "subject": "X", "location": "Y"}
    return Claim.model_validate({**given, **fields, "text": text, "time": time})


YEAR_2016, YEAR_2017 = span("2016-01-01", "2016-12-31"), span("2017-01-01", "2017-12-31")
JAN, FEB = span("2024-01-01", "2024-01-31"), span("2024-02-01", "2024-02-29")
JAN_6, JAN_29 = span("2024-01-06", "2024-01-06"), span("2024-01-29", "2024-01-29")


@pytest.mark.parametrize(
    ("first", "second", "rules", "verdict"),
    [
        pytest.param(JAN_6, JAN_29, {}, "conflict", id="days-23-apart-same-time"),
        pytest.param(JAN, FEB, {}, "change", id="adjacent-months-differ"),
        pytest.param(YEAR_2016, YEAR_2017, {}, "change", id="adjacent-years-differ"),
        pytest.param(JAN, JAN_29, {}, "conflict", id="day-inside-month-overlaps"),
        pytest.param(JAN, FEB, {"time_window": {"month": 1}}, "conflict", id="month-window-1"),
        pytest.param(JAN_6, JAN_29, {"time_window": {"day": 7}}, "change", id="day-window-7"),
        pytest.param(JAN_6, JAN_29, {"same_time_days": 7}, "change", id="shorthand-days"),
    ],
)
def test_time_window_by_granularity(
    first: TimeSpan, second: TimeSpan, rules: dict[str, object], verdict: str
) -> None:
    pair = [at(2000, first, "a", unit="troops"), at(2500, second, "b", unit="troops")]
    [d] = numcheck.check(pair, rules={"default": rules}).discrepancies
    assert d.verdict == verdict


@pytest.mark.parametrize(
    ("values", "severity"),
    [
        pytest.param((2000, 2200), "warning", id="1.1x-warning"),
        pytest.param((2000, 2500), "error", id="1.25x-error"),
    ],
)
def test_default_conflict_severity_grows_with_the_difference(
    values: tuple[int, int], severity: str
) -> None:
    pair = [at(values[0], JAN_6, "a"), at(values[1], JAN_6, "b")]
    assert [d.severity for d in numcheck.check(pair).discrepancies] == [severity]


def test_severity_scale_from_the_rules() -> None:
    rules = {
        "measures": {
            "troops": {
                "change": [
                    {"from_ratio": 1, "severity": "info"},
                    {"from_ratio": 3, "severity": "warning"},
                ]
            }
        }
    }
    small = [at(5000, YEAR_2016, "a", unit="troops"), at(2500, JAN, "b", unit="troops")]
    large = [at(9000, YEAR_2016, "a", unit="troops"), at(2500, JAN, "b", unit="troops")]
    assert numcheck.check(small, rules=rules).discrepancies[0].severity == "info"
    assert numcheck.check(large, rules=rules).discrepancies[0].severity == "warning"
    with pytest.raises(RulesError, match=r"default\.change.*increasing"):
        Rules.parse(
            {
                "default": {
                    "change": [
                        {"from_ratio": 2, "severity": "info"},
                        {"from_ratio": 1, "severity": "error"},
                    ]
                }
            }
        )


def test_vague_intervals_from_the_rules() -> None:
    vague = stated("hundreds", JAN_6, low=200, high=999, qualifier="vague")
    pair = [at(150, JAN_6, "a"), vague]
    assert [d.verdict for d in numcheck.check(pair).discrepancies] == ["conflict"]
    rules = {"measures": {"deaths": {"vague": {"Hundreds": [100, 999]}}}}
    assert numcheck.check(pair, rules=rules).discrepancies == []
    with pytest.raises(RulesError, match="low <= high"):
        Rules.parse({"default": {"vague": {"dozens": [99, 12]}}})


def test_open_ends_close_more_than() -> None:
    more = stated("more than 1,000", JAN_6, value=1000, low=1000, qualifier="more_than")
    pair = [at(5000, JAN_6, "a"), more]
    assert numcheck.check(pair).discrepancies == []
    [d] = numcheck.check(pair, rules={"default": {"open_ends": 1.0}}).discrepancies
    assert d.verdict == "conflict"


def test_copies_are_one_figure_with_support() -> None:
    corpus = [at(2500, JAN_6, a) for a in "abc"] + [at(2000, JAN_6, "d")]
    [d] = numcheck.check(corpus).discrepancies
    assert sorted(d.support) == [1, 3]
    assert {c.article for c in d.claims} == {"a", "d"}


def test_focus_reports_only_and_speaks_for_the_focused_articles() -> None:
    corpus = [at(2500, JAN_6, "a"), at(2000, JAN_6, "b"), at(2500, JAN_6, "new")]
    [d] = compare(corpus, Rules(), focus={"new"})
    assert {c.article for c in d.claims} == {"b", "new"}
    assert compare(corpus[:2], Rules(), focus={"new"}) == []


def test_a_vague_figure_in_between_does_not_hide_a_change() -> None:
    thousands = stated(
        "thousands",
        span("2019-02-11", "2019-02-11"),
        article="c",
        unit="troops",
        low=2000,
        high=9999,
        qualifier="vague",
    )
    corpus = [
        at(5000, YEAR_2016, "a", unit="troops"),
        thousands,
        at(2500, JAN_6, "b", unit="troops"),
    ]
    [d] = numcheck.check(corpus).discrepancies
    assert (d.verdict, d.claims[0].article, d.claims[1].article) == ("change", "a", "b")
    assert "2,562 days apart" in d.explanation


def test_the_documented_example_rules_file() -> None:
    """docs/examples/numcheck.toml loads and does what its comments say."""
    rules = Rules.from_file(Path(__file__).parents[1] / "docs" / "examples" / "numcheck.toml")
    troops = rules.for_unit("troops")[1]
    assert (troops.time_window.day, troops.time_window.month, troops.time_window.year) == (
        92,
        31,
        0,
    )
    deaths = rules.for_unit("deaths")[1]
    assert deaths.cumulative and deaths.absolute_tolerance == 2 and deaths.vague
    far = span("2024-03-20", "2024-03-20")
    pair = [at(2000, JAN_6, "a", unit="troops"), at(2500, far, "b", unit="troops")]
    assert [d.verdict for d in numcheck.check(pair, rules=rules).discrepancies] == ["conflict"]
    assert [d.verdict for d in numcheck.check(pair).discrepancies] == ["change"]
    assert numcheck.check([at(3, JAN_6, "a"), at(4, JAN_6, "b")], rules=rules).discrepancies == []


def test_unknown_time_stands_at_the_publication_date() -> None:
    undated = stated("3,000", TimeSpan(), value=3000, anchor=dt.date(2024, 1, 20))
    [d] = numcheck.check([at(2000, JAN_6, "a"), undated]).discrepancies
    assert (d.verdict, d.rule, d.severity) == ("conflict", "deaths/unknown-time", "warning")
    long_after = undated.model_copy(update={"anchor": dt.date(2025, 6, 1)})
    assert numcheck.check([at(2000, JAN_6, "a"), long_after]).discrepancies == []


def test_support_and_small_ratios_in_the_terminal_report() -> None:
    from numcheck._report import render_text

    corpus = [at(2500, JAN_6, a) for a in "abc"] + [at(2, JAN_29, "d")]
    text = render_text(numcheck.check(corpus))
    assert "(and 2 more with this figure)" in text
    assert "0.0008× the first" in text


def test_equal_claims_share_bookkeeping_but_copies_stay_apart() -> None:
    a, b = stated("1", JAN_6, value=1), stated("2", JAN_6, value=2, article="c")
    assert a.model_fields_set is b.model_fields_set
    changed = a.model_copy(update={"source": "Wire"})
    assert "source" in changed.model_fields_set and "source" not in b.model_fields_set


def _total(value: float, day: str, article: str, attribution: str | None = None) -> Claim:
    return claim(value, day, article=article, unit="attacks").model_copy(
        update={
            "statistic": "running_total",
            "as_of": dt.date.fromisoformat(day),
            "attribution": attribution,
        }
    )


def _toll(value: float, reported: str, article: str, attribution: str) -> Claim:
    """The toll of the drone attacks of 17 October 2023 as reported on ``reported``."""
    return claim(value, "2023-10-17", article=article, unit="injured").model_copy(
        update={
            "statistic": "running_total",
            "as_of": dt.date.fromisoformat(reported),
            "attribution": attribution,
            "event": "attack 2023-10-17",
        }
    )


def test_an_undated_incident_joins_the_one_its_time_holds() -> None:
    """ "hurt when militias sent drones at US bases last week" is the toll of the one
    incident of that week among the dated ones its key agrees with."""
    a = _toll(21, "2023-10-26", "a", "Pentagon")
    other = _toll(3, "2023-09-20", "c", "Pentagon").model_copy(
        update={
            "event": "attack 2023-09-12",
            "time": TimeSpan(
                start=dt.date(2023, 9, 12), end=dt.date(2023, 9, 12), basis="explicit"
            ),
        }
    )
    week = TimeSpan(
        start=dt.date(2023, 10, 16), end=dt.date(2023, 10, 22), basis="relative", text="last week"
    )
    undated = _toll(24, "2023-10-27", "b", "military chiefs").model_copy(
        update={"event": "attack", "time": week, "key": "injured|X|?", "location": None}
    )
    found = numcheck.check([a, other, undated]).discrepancies
    assert [(d.verdict, {c.article for c in d.claims}) for d in found] == [("disputed", {"a", "b"})]


def _rate(value: float, day: str, article: str) -> Claim:
    return claim(value, day, article=article, unit="percent").model_copy(
        update={
            "measure": "inflation",
            "statistic": "rate",
            "period": "year",
            "key": "inflation|X|Y",
        }
    )


def test_rates_agree_within_points_not_a_share_of_themselves() -> None:
    """11.1% against 11.4% is within 5% of the figure but 0.3 points apart: two rates."""
    first, second = _rate(11.1, "2022-10-15", "a"), _rate(11.4, "2022-10-20", "b")
    [d] = numcheck.check([first, second]).discrepancies
    assert d.verdict == "conflict"
    assert not numcheck.check([first, _rate(11.12, "2022-10-20", "b")]).discrepancies
    loose = Rules.parse({"default": {"rate_points": 0.5}})
    assert not numcheck.check([first, second], rules=loose).discrepancies


@pytest.mark.parametrize(
    ("first", "second", "agree"),
    [
        pytest.param(484_507, 494_989, False, id="precise-figures-2pct-apart"),
        pytest.param(1_310_000, 1_313_851, True, id="rounded-million-and-precise"),
        pytest.param(2_000, 2_050, True, id="round-thousand-within-5pct"),
    ],
)
def test_a_precise_figure_takes_no_more_tolerance_than_its_precision(
    first: float, second: float, agree: bool
) -> None:
    a = claim(first, "2023-12-31", unit="deliveries")
    b = claim(second, "2023-12-31", article="b", unit="deliveries")
    assert (not numcheck.check([a, b]).discrepancies) is agree


def test_a_total_below_the_highest_earlier_one_is_a_regression_past_a_lower_one() -> None:
    """150 in October, 100 in November, 120 in December: December is an update on
    November but a regression on October, and both are said."""
    found = numcheck.check(
        [
            _total(150, "2023-10-04", "a"),
            _total(100, "2023-11-04", "b"),
            _total(120, "2023-12-06", "c"),
        ]
    ).discrepancies
    pairs = {(d.claims[0].article, d.claims[1].article): d.verdict for d in found}
    assert pairs[("a", "c")] == "regression"
    assert pairs[("b", "c")] == "update"
    # a lower bound is a height reached too: "more than 150", then 100, then 120
    floor = _total(150, "2023-10-04", "a").model_copy(
        update={"qualifier": "more_than", "high": None, "low": 150}
    )
    found = numcheck.check([floor, _total(100, "2023-11-04", "b"), _total(120, "2023-12-06", "c")])
    pairs = {(d.claims[0].article, d.claims[1].article): d.verdict for d in found.discrepancies}
    assert pairs[("a", "c")] == "regression"


def test_the_tolls_of_one_incident_meet_wherever_its_place_is_named() -> None:
    """One hospital blast, "in Gaza City" in one report and "in Gaza" in another."""

    def toll(value: float, place: str, article: str) -> Claim:
        found = claim(value, "2023-10-17", article=article)
        return found.model_copy(
            update={
                "location": place,
                "subject": None,
                "key": f"deaths|?|{place}",
                "statistic": "running_total",
                "as_of": dt.date(2023, 10, 18),
                "event": "attack 2023-10-17",
            }
        )

    a, b = toll(300, "Gaza (Palestine)", "a"), toll(471, "Gaza", "b")
    [d] = numcheck.check([a, b]).discrepancies
    assert d.key == "deaths|?|Gaza"
    other = toll(300, "Kyiv", "c")  # an incident of that day elsewhere stays apart
    assert not numcheck.check([b, other]).discrepancies


def test_a_level_lower_later_from_another_source_is_a_change() -> None:
    before = claim(5_000, "2016-06-01", unit="troops").model_copy(
        update={"attribution": "Pentagon"}
    )
    now = claim(2_500, "2024-01-10", article="b", unit="troops").model_copy(
        update={"attribution": "Central Command"}
    )
    [d] = numcheck.check([before, now]).discrepancies
    assert d.verdict == "change"


def test_a_rate_over_a_season_is_no_reading_for_one_of_its_months() -> None:
    october = _rate(11.1, "2022-10-15", "a").model_copy(
        update={
            "time": TimeSpan(
                start=dt.date(2022, 10, 1), end=dt.date(2022, 10, 31), basis="explicit"
            )
        }
    )
    year = _rate(11.5, "2022-10-15", "b").model_copy(
        update={
            "time": TimeSpan(start=dt.date(2022, 1, 1), end=dt.date(2022, 12, 31), basis="explicit")
        }
    )
    assert [d.verdict for d in numcheck.check([october, year]).discrepancies] != ["conflict"]


def test_a_figure_of_no_place_joins_the_whole_not_its_parts() -> None:
    """Totals "in Iraq and Syria", "in Iraq" and "in Syria": a total of no place is the
    whole's, whose parts do not compete with it."""

    def total(value: float, place: str | None, article: str) -> Claim:
        return _total(value, "2023-11-14", article).model_copy(
            update={"location": place, "key": f"attacks|X|{place or '?'}"}
        )

    claims = [
        total(55, "Iraq+Syria", "a"),
        total(56, "Iraq+Syria", "b"),
        total(27, "Iraq", "a"),
        total(28, "Syria", "a"),
        total(27, "Iraq", "c"),
        total(28, "Syria", "c"),
        total(30, None, "d"),
    ]
    found = numcheck.check(claims).discrepancies
    keys = {d.key for d in found if "d" in (c.article for c in d.claims)}
    assert keys == {"attacks|X|Iraq+Syria"}


def test_a_rise_and_a_fall_of_one_period_contradict_each_other() -> None:
    rise = claim(5, "2024-03-31", unit="percent").model_copy(
        update={"kind": "change", "direction": "up", "measure": "deliveries", "key": "d|X|Y"}
    )
    fall = rise.model_copy(update={"article": "b", "direction": "down"})
    [d] = numcheck.check([rise, fall]).discrepancies
    assert d.verdict == "conflict"


def test_whose_and_where_both_unknown_take_the_one_pair_the_measure_states() -> None:
    stated = [
        _rate(3.9, "2024-02-15", name).model_copy(update={"key": "inflation|US|United States"})
        for name in ("a", "b")
    ]
    vague = _rate(4.1, "2024-02-15", "c").model_copy(update={"key": "inflation|?|?"})
    keys = {d.key for d in numcheck.check([*stated, vague]).discrepancies}
    assert keys == {"inflation|US|United States"}


def test_two_sources_set_against_each_other_in_one_sentence_dispute() -> None:
    sentence = "Analysts expected 457,000, according to FactSet, while a poll pointed to 443,027."
    first = claim(457_000, "2024-03-31", unit="deliveries").model_copy(
        update={"sentence": sentence, "attribution": "FactSet"}
    )
    second = claim(443_027, "2024-03-31", unit="deliveries").model_copy(
        update={"sentence": sentence, "attribution": "poll"}
    )
    [d] = numcheck.check([first, second]).discrepancies
    assert d.verdict == "disputed"
    unattributed = [c.model_copy(update={"attribution": None}) for c in (first, second)]
    assert not numcheck.check(unattributed).discrepancies  # a sentence's own figures


def _daily(value: float, day: str, article: str) -> Claim:
    return claim(value, day, article=article).model_copy(
        update={"statistic": "flow", "period": "day"}
    )


@pytest.mark.parametrize(
    ("first", "second", "verdict", "rule"),
    [
        pytest.param(
            _daily(150, "2023-12-31", "a"),
            _daily(178, "2024-01-21", "b"),
            "change",
            "deaths/change",
            id="daily-counts-three-weeks-apart",
        ),
        pytest.param(
            _daily(178, "2024-01-21", "a"),
            _daily(1_780, "2024-01-21", "b"),
            "conflict",
            "deaths/conflict",
            id="daily-counts-of-one-day-differ",
        ),
        pytest.param(
            claim(25_000, "2024-01-10", unit="troops"),
            claim(2_500, "2024-09-10", article="b", unit="troops"),
            "conflict",
            "troops/typo",
            id="slipped-zero-months-apart",
        ),
        pytest.param(
            claim(2, "2024-01-10", unit="troops"),
            claim(20, "2024-09-10", article="b", unit="troops"),
            "change",
            "troops/change",
            id="small-counts-grow-tenfold",
        ),
        pytest.param(
            _total(31, "2023-11-04", "a"),
            _total(35, "2023-11-06", "b"),
            "update",
            "attacks/update",
            id="running-total-grows-between-reports",
        ),
        pytest.param(
            _total(210, "2023-11-04", "a"),
            _total(2_100, "2023-12-06", "b"),
            "update",
            "attacks/update",
            id="running-total-grows-tenfold",
        ),
        pytest.param(
            _total(40, "2023-11-04", "a"),
            _total(35, "2023-11-06", "b"),
            "regression",
            "attacks/regression",
            id="running-total-lower-later",
        ),
        pytest.param(
            _total(150, "2023-10-04", "a"),
            _total(120, "2023-12-06", "c"),
            "regression",
            "attacks/regression",
            id="running-total-lower-than-an-earlier-peak",
        ),
        pytest.param(
            _total(31, "2023-11-04", "a"),
            _total(35, "2023-11-04", "b"),
            "conflict",
            "attacks/conflict",
            id="running-totals-of-one-day-differ",
        ),
        pytest.param(
            _total(40, "2023-11-04", "a", "Pentagon"),
            _total(35, "2023-11-06", "b", "Central Command"),
            "disputed",
            "attacks/disputed",
            id="lower-later-from-another-source",
        ),
        pytest.param(
            _total(35, "2023-11-04", "a", "Pentagon"),
            _total(40, "2023-11-06", "b", "Central Command"),
            "update",
            "attacks/update",
            id="higher-later-from-another-source",
        ),
        pytest.param(
            _toll(21, "2023-10-26", "a", "Pentagon"),
            _toll(45, "2023-11-06", "b", "Central Command"),
            "update",
            "injured/update",
            id="incident-toll-higher-in-a-later-report-from-another-source",
        ),
        pytest.param(
            _toll(21, "2023-10-26", "a", "Pentagon"),
            _toll(24, "2023-10-27", "b", "Central Command"),
            "disputed",
            "injured/disputed",
            id="incident-toll-from-two-sources-the-next-day",
        ),
        pytest.param(
            _toll(45, "2023-10-26", "a", "Pentagon"),
            _toll(21, "2023-11-06", "b", "Central Command"),
            "disputed",
            "injured/disputed",
            id="incident-toll-lower-in-a-later-report-from-another-source",
        ),
    ],
)
def test_judgement_of_totals_and_slipped_zeros(
    first: Claim, second: Claim, verdict: str, rule: str
) -> None:
    [d] = numcheck.check([first, second]).discrepancies
    assert (d.verdict, d.rule) == (verdict, rule), d.explanation


@pytest.mark.parametrize("key", ["plain", "a|b", "a|?|c|d", "|", "?|?|?|?"])
def test_given_keys_of_any_shape_are_compared_as_they_are(key: str) -> None:
    """A key from a claims file may be any string: it is never resolved, never breaks the
    resolution of the others (fuzz: claims 84), and still meets its own kind."""
    odd = [claim(10, "2024-01-01").model_copy(update={"key": key, "article": a}) for a in "ab"]
    odd[1] = odd[1].model_copy(update={"value": 20.0, "low": 20.0, "high": 20.0})
    usual = claim(30, "2024-01-01", article="c")
    found = numcheck.check([*odd, usual]).discrepancies
    assert [d.key for d in found] == ([key] if not key.startswith("?|") else [])


def _level(
    value: float, day: str, article: str, *, about: bool = False, sentence: str = ""
) -> Claim:
    """A troop level; ``about`` marks "about N"; ``sentence`` the sentence it is stated in."""
    qualifier, modifier = ("approx", "about") if about else ("exact", None)
    found = claim(value, day, article=article, unit="troops", qualifier=qualifier)
    return found.model_copy(update={"modifier": modifier, "sentence": sentence or None})


FEWER_THAN_1000 = _level(1_000, "2025-04-18", "h").model_copy(
    update={"qualifier": "less_than", "low": None, "high": 1_000.0, "text": "fewer than 1,000"}
)
SYRIA = [  # US troops in Syria as a desk meets them: "20,000" is a slipped zero of 2,000
    _level(503, "2017-11-30", "0"),
    _level(2_000, "2017-12-06", "a", about=True),
    _level(900, "2024-01-29", "b", about=True),
    _level(900, "2024-09-28", "c", about=True),
    _level(2_000, "2024-12-19", "d", about=True),
    _level(900, "2024-12-19", "e"),
    _level(20_000, "2024-12-20", "f", sentence="There are 20,000, not the 900 it cited."),
    _level(900, "2024-12-20", "f", sentence="There are 20,000, not the 900 it cited."),
    FEWER_THAN_1000,
]
IRAQ = [  # US troops in Iraq: the level held at 2,500 while one outlet wrote 25,000
    _level(160_000, "2007-10-15", "0", about=True),
    _level(3_000, "2020-09-30", "a", about=True),
    _level(2_500, "2020-11-17", "b"),
    _level(2_500, "2021-01-15", "c"),
    _level(2_500, "2024-01-29", "d", about=True),
    _level(25_000, "2024-01-29", "e", about=True),
    _level(2_500, "2024-09-27", "f", about=True),
]


@pytest.mark.parametrize(
    ("corpus", "pairs"),
    [
        pytest.param(
            SYRIA,
            {("0", "f"), ("a", "f"), ("b", "f"), ("c", "f"), ("d", "f"), ("e", "f")}
            | {("f", "f"), ("f", "h")},
            id="a-slip-no-figure-comes-near-is-an-error-against-every-figure",
        ),
        pytest.param(
            [_level(15_000, "2003-05-01", "z"), *SYRIA],
            {("a", "f"), ("c", "f"), ("d", "f"), ("e", "f"), ("f", "f"), ("f", "h")},
            id="a-slip-is-an-error-against-its-twins-and-the-figures-around-it",
        ),
        pytest.param(
            IRAQ,
            {("b", "e"), ("c", "e"), ("d", "e"), ("e", "f")},
            id="a-slip-meets-its-twins-years-before-it",
        ),
        pytest.param(
            IRAQ[1:],
            {("a", "e"), ("b", "e"), ("c", "e"), ("d", "e"), ("e", "f")},
            id="a-key-never-near-the-slip-meets-it-everywhere",
        ),
    ],
)
def test_slipped_zeros_anywhere_in_a_key(corpus: list[Claim], pairs: set[tuple[str, str]]) -> None:
    """A slipped zero (the same digits a power of ten from figures of the key, among
    figures of the other size) is judged against each of its twins whatever the time
    between them, and a level's change to or from it is an error, not a change; when no
    figure of the key ever came near its size, it is an error against every figure (Iraq
    had 160,000 troops in 2007, so there 25,000 meets only 2,500 and its neighbours)."""
    slip = next(c for c in corpus if c.value in (20_000, 25_000))
    found = [d for d in numcheck.check(corpus).discrepancies if slip in d.claims]
    assert {(d.claims[0].article, d.claims[1].article) for d in found} == pairs
    assert {d.verdict for d in found} == {"conflict"}  # never a change
    around = [d for d in found if "slipped zero of" in d.explanation]
    assert all("an error, not a change" in d.explanation for d in around)
    assert bool(around) is (slip.value == 20_000 or len(corpus) == 6)  # not only twins


def test_a_slip_among_daily_counts_or_totals_meets_only_its_twins() -> None:
    """A day's count of another day, or a total counted to another day, is another
    quantity: around a slipped zero they stay a change or an update."""
    days = [
        _daily(150, "2023-12-31", "a"),
        _daily(178, "2024-01-20", "b"),
        _daily(1_780, "2024-01-21", "c"),
        _daily(160, "2024-01-22", "d"),
    ]
    found = {
        (d.claims[0].article, d.claims[1].article): d.rule
        for d in numcheck.check(days).discrepancies
    }
    assert found[("b", "c")] == "deaths/typo"
    assert {rule for pair, rule in found.items() if pair != ("b", "c")} <= {"deaths/change"}
    totals = [
        _total(98_000, "2004-09-30", "a"),
        _total(654_965, "2006-06-30", "b"),
        _total(601_027, "2006-06-30", "c"),
        _total(65_500, "2006-06-30", "d"),
        _total(461_000, "2011-06-30", "e"),
        _total(655_000, "2013-03-19", "f"),
    ]
    judged = numcheck.check(totals).discrepancies
    found = {(d.claims[0].article, d.claims[1].article): d for d in judged}
    assert found[("d", "f")].rule == "attacks/typo"
    assert found[("d", "e")].verdict == "update"


def test_a_lower_total_is_a_regression_against_every_record_above_it() -> None:
    """16, 55, 78, at least 102, more than 150, more than 160, then 66: the 66 is below
    each of the last four counts, not only the highest and the nearest precise one."""
    tally = [
        _total(16, "2023-10-24", "a"),
        _total(55, "2023-11-12", "b"),
        _total(78, "2023-12-05", "c"),
        _total(102, "2023-12-21", "d").model_copy(update={"qualifier": "at_least", "high": None}),
        _total(150, "2024-01-28", "e").model_copy(update={"qualifier": "more_than", "high": None}),
        _total(160, "2024-01-30", "f").model_copy(update={"qualifier": "more_than", "high": None}),
        _total(66, "2024-02-03", "g"),
    ]
    found = numcheck.check(tally).discrepancies
    below = {d.claims[0].article for d in found if d.claims[1].article == "g"}
    assert below == {"c", "d", "e", "f"}
    assert all(d.verdict == "regression" for d in found if d.claims[1].article == "g")


def _at_least(value: float, article: str, qualifier: str = "at_least") -> Claim:
    found = _total(value, "2023-12-21", article)
    return found.model_copy(update={"qualifier": qualifier, "high": None})


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        pytest.param(
            _at_least(102, "a"),
            _at_least(120, "b", "more_than"),
            "conflict",
            id="a-tally-to-the-unit-against-a-higher-floor",
        ),
        pytest.param(
            _at_least(100, "a"), _at_least(120, "b", "more_than"), None, id="a-round-floor"
        ),
        pytest.param(_at_least(12, "a"), _total(20, "2023-12-21", "b"), None, id="a-small-floor"),
    ],
)
def test_at_least_a_count_to_the_unit_is_the_tally(
    first: Claim, second: Claim, verdict: str | None
) -> None:
    """ "at least 102 times" (a Pentagon tally) and "more than 120" the same day disagree;
    "at least 100" and "at least 12" are floors."""
    found = numcheck.check([first, second]).discrepancies
    assert [d.verdict for d in found] == ([verdict] if verdict else [])


def test_a_record_stated_again_is_the_latest_record() -> None:
    """1,400 on 19 October and again on 9 November, then 1,200: below both statements."""
    first, again = _total(1_400, "2023-10-19", "a"), _total(1_400, "2023-11-09", "b")
    later = _total(1_200, "2024-01-21", "c")
    found = numcheck.check([first, again, later]).discrepancies
    pairs = sorted(tuple(sorted(c.article for c in d.claims)) for d in found)
    assert pairs == [("a", "c"), ("b", "c")]
    assert {d.verdict for d in found} == {"regression"}


def test_a_sentence_revising_a_total_down_is_a_regression() -> None:
    """ "about a million now, after the 1.2 million it gave in November": one sentence,
    a lower count at a later as-of day. A rise in one sentence, or two counts to the same
    day (a whole and its part), stay the sentence's own story."""
    said = "The firm says the toll is now about a million, after the 1.2 million it gave."
    first = _total(1_200_000, "2007-11-30", "a").model_copy(update={"sentence": said})
    later = _total(1_000_000, "2008-01-30", "a").model_copy(update={"sentence": said})
    [d] = numcheck.check([first, later]).discrepancies
    assert (d.verdict, d.same_article) == ("regression", True)
    rise = later.model_copy(update={"value": 1_500_000.0, "low": 1_500_000.0, "high": 1_500_000.0})
    assert not numcheck.check([first, rise]).discrepancies
    part = later.model_copy(update={"as_of": first.as_of, "time": first.time})
    assert not numcheck.check([first, part]).discrepancies


@pytest.mark.parametrize(
    ("counts", "unknown", "resolved"),
    [
        pytest.param(
            {"attacks|US|Iraq+Syria": 8, "attacks|US|Iraq+Jordan+Syria": 1, "attacks|US|?": 1},
            "attacks|US|?",
            "attacks|US|Iraq+Syria",
            id="a-place-stated-once-is-no-rival",
        ),
        pytest.param(
            {"attacks|US|Iraq+Syria": 2, "attacks|US|Jordan": 2, "attacks|US|?": 1},
            "attacks|US|?",
            "attacks|US|?",
            id="two-places-stated-twice-stay-unknown",
        ),
        pytest.param(
            {"deaths|Palestinians|Gaza": 3, "deaths|Israel|Israel": 1, "deaths|?|?": 1},
            "deaths|?|?",
            "deaths|Palestinians|Gaza",
            id="a-pair-stated-once-is-no-rival",
        ),
    ],
)
def test_a_part_stated_once_does_not_compete_with_a_consensus(
    counts: dict[str, int], unknown: str, resolved: str
) -> None:
    assert resolve_keys(counts)[unknown] == resolved


def _counted(value: float, start: str, as_of: str, published: str, article: str) -> Claim:
    """A running total whose time runs from ``start`` to ``as_of``."""
    return _total(value, as_of, article).model_copy(
        update={"time": span(start, as_of), "anchor": dt.date.fromisoformat(published)}
    )


@pytest.mark.parametrize(
    ("first", "second", "verdict"),
    [
        pytest.param(
            _counted(151_000, "2003-03-01", "2006-06-30", "2008-01-09", "a"),
            _counted(600_000, "2006-01-01", "2006-12-31", "2008-01-09", "b"),
            "conflict",
            id="counted-to-some-day-of-2006-meets-mid-2006",
        ),
        pytest.param(
            _counted(151_000, "2003-03-01", "2006-06-30", "2008-01-09", "a"),
            _counted(600_000, "2006-07-01", "2006-09-30", "2008-01-09", "b"),
            "update",
            id="a-later-quarter-is-later",
        ),
        pytest.param(
            _counted(20, "2024-01-01", "2024-01-20", "2024-01-20", "a"),
            _counted(31, "2024-01-01", "2024-01-31", "2024-01-31", "b"),
            "update",
            id="since-new-year-counted-to-the-day-of-publication",
        ),
    ],
)
def test_a_total_counted_to_a_calendar_period_is_as_of_any_day_of_it(
    first: Claim, second: Claim, verdict: str
) -> None:
    """ "The more than 600,000 reported in 2006": the count is to some day of 2006, so it
    is the same count as one to 30 June 2006; a count to the day it is published is to
    that day, whatever the day."""
    [d] = numcheck.check([first, second]).discrepancies
    assert d.verdict == verdict, d.explanation


@pytest.mark.parametrize(
    ("first", "second", "narrowed"),
    [
        pytest.param(
            at(484507, JAN, "b", unit="troops"),
            at(494989, JAN, "c", unit="troops"),
            True,
            id="two-exact-figures-within-the-tolerance",
        ),
        pytest.param(
            at(2500, JAN, "b", unit="troops", qualifier="approx", modifier="about"),
            at(5000, JAN, "c", unit="troops"),
            False,
            id="an-about-figure-beyond-the-tolerance",
        ),
    ],
)
def test_an_explanation_says_when_precise_figures_narrow_the_tolerance(
    first: Claim, second: Claim, narrowed: bool
) -> None:
    [d] = compare([first, second], Rules())
    assert d.verdict == "conflict"
    assert ("narrowed to the last digit" in d.explanation) is narrowed, d.explanation
