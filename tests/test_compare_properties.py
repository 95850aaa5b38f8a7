"""Properties of the consistency engine (hypothesis), and the sweep against brute force."""

from __future__ import annotations

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import Claim, Discrepancy, Rules, TimeSpan
from numcheck._compare import _ALL_PAIRS, _RANK, _days, compare, granularity
from numcheck._normalize import agree, comparable_interval

# Times of different granularities, some overlapping, some adjacent, some far apart.
SPANS: list[tuple[str, str] | None] = [
    None,
    ("2016-01-01", "2016-12-31"),
    ("2017-01-01", "2017-12-31"),
    ("2023-11-01", "2023-11-30"),
    ("2024-01-01", "2024-01-31"),
    ("2024-01-06", "2024-01-06"),
    ("2024-01-29", "2024-01-29"),
    ("2024-02-20", "2024-02-20"),
    ("2024-03-01", "2024-03-07"),
]
VALUES = [3, 4, 20, 100, 105, 250, 900, 1000, 2000, 2500, 5000]
QUALIFIERS = ["exact", "exact", "approx", "at_least", "more_than", "at_most", "vague"]


def _span(choice: tuple[str, str] | None) -> TimeSpan:
    if choice is None:
        return TimeSpan()
    start, end = (dt.date.fromisoformat(x) for x in choice)
    return TimeSpan(start=start, end=end, basis="explicit", text=f"{start}..{end}")


def bounds(
    draw: st.DrawFn, values: list[int], qualifiers: list[str]
) -> tuple[int, str, float | None, float | None]:
    """A value, a qualifier and the bounds the qualifier gives it (shared with the fold's
    properties in tests/test_compare_fold.py)."""
    value = draw(st.sampled_from(values))
    qualifier = draw(st.sampled_from(qualifiers))
    low: float | None = value
    high: float | None = value
    if qualifier in ("at_least", "more_than"):
        high = None
    elif qualifier == "at_most":
        low = None
    elif qualifier == "vague":
        low, high = value, value * 4
    return value, qualifier, low, high


@st.composite
def claims(draw: st.DrawFn, unit: str = "deaths", scale: float = 1.0) -> Claim:
    value, qualifier, low, high = bounds(draw, VALUES, QUALIFIERS)
    return Claim(
        article=draw(st.sampled_from("abcd")),
        start=draw(st.integers(0, 10_000)),
        end=10_001,
        text=f"{value}",
        value=None if qualifier == "vague" else value * scale,
        low=None if low is None else low * scale,
        high=None if high is None else high * scale,
        qualifier=qualifier,
        unit=unit,
        subject=draw(st.sampled_from(["US", "US", "UK"])),
        location="Iraq",
        time=_span(draw(st.sampled_from(SPANS))),
    )


def _unique(items: list[Claim]) -> list[Claim]:
    """Claims with distinct positions, as extraction gives them."""
    seen: dict[tuple[str, int | None], Claim] = {}
    for c in items:
        seen.setdefault((c.article, c.start), c)
    return list(seen.values())


corpora = st.lists(claims(), max_size=25).map(_unique)


def _pairs(found: list[Discrepancy]) -> set[tuple[str, str, str]]:
    return {(d.verdict, d.claims[0].id, d.claims[1].id) for d in found}


@given(claims(), claims())
def test_symmetry(a: Claim, b: Claim) -> None:
    assert numcheck.check([a, b]).discrepancies == numcheck.check([b, a]).discrepancies


@given(corpora, st.randoms(use_true_random=False))
def test_reordering_the_input_does_not_change_the_report(
    corpus: list[Claim], rnd: random.Random
) -> None:
    shuffled = list(corpus)
    rnd.shuffle(shuffled)
    assert compare(shuffled, Rules()) == compare(corpus, Rules())


@given(
    corpora,
    st.floats(0, 0.5),
    st.floats(0, 0.5),
    st.integers(0, 5),
    st.integers(0, 5),
)
def test_widening_a_tolerance_never_adds_a_discrepancy(
    corpus: list[Claim], rel: float, wider: float, absolute: int, more: int
) -> None:
    narrow = Rules.parse({"default": {"relative_tolerance": rel, "absolute_tolerance": absolute}})
    wide = Rules.parse(
        {"default": {"relative_tolerance": rel + wider, "absolute_tolerance": absolute + more}}
    )
    assert _pairs(compare(corpus, wide)) <= _pairs(compare(corpus, narrow))


@given(claims(), st.sampled_from("xyz"))
def test_a_claim_never_disagrees_with_itself_or_a_copy(a: Claim, article: str) -> None:
    copy = a.model_copy(update={"article": article})
    assert numcheck.check([a, a, copy]).discrepancies == []


@given(st.lists(claims(unit="km"), max_size=12).map(_unique), st.data())
def test_converting_units_does_not_change_a_verdict(
    corpus: list[Claim], data: st.DataObject
) -> None:
    """Some claims restated in metres (× 1000) give the same verdicts as in kilometres."""
    converted = []
    for c in corpus:
        if data.draw(st.booleans()):
            c = c.model_copy(
                update={
                    "unit": "m",
                    **{
                        name: None if getattr(c, name) is None else getattr(c, name) * 1000
                        for name in ("value", "low", "high")
                    },
                }
            )
        converted.append(c)

    def verdicts(found: list[Discrepancy]) -> list[tuple[str, str, str, str]]:
        return [(d.verdict, d.severity, d.claims[0].id, d.claims[1].id) for d in found]

    assert verdicts(compare(converted, Rules())) == verdicts(compare(corpus, Rules()))


@settings(max_examples=200)
@given(corpora)
def test_every_same_time_conflict_is_found(corpus: list[Claim]) -> None:
    """Against brute force over all pairs: for every two claims that contradict each
    other at the same time, a conflict is reported between one of them (or a claim
    stating the same figure at the same time) and the other's figure."""
    rules = Rules()
    rule = rules.for_unit("deaths")[1]
    interval = {c.id: comparable_interval(c, rule) for c in corpus}
    met: set[tuple[str, object]] = set()  # (claim id, the figure it was reported against)
    for d in compare(corpus, rules):
        if d.verdict == "conflict":
            a, b = d.claims
            met |= {(a.id, interval[b.id]), (b.id, interval[a.id])}

    def twins(c: Claim) -> set[str]:
        return {
            x.id
            for x in corpus
            if x.key == c.key and x.time == c.time and interval[x.id] == interval[c.id]
        }

    for i, a in enumerate(corpus):
        for b in corpus[i + 1 :]:
            if a.key != b.key or not (a.time.known and b.time.known):
                continue
            ia, ib = interval[a.id], interval[b.id]
            assert ia is not None and ib is not None
            (sa, ea), (sb, eb) = _days(a.time), _days(b.time)
            gap = max(sb - ea, sa - eb, 0)
            coarser = max(granularity(sa, ea), granularity(sb, eb), key=_RANK.__getitem__)
            if gap > rule.time_window.days(coarser) or agree(ia, ib, rule):
                continue
            assert any((x, ib) in met for x in twins(a)) or any((x, ia) in met for x in twins(b)), (
                f"{a.id} against {b.id} not reported"
            )


def test_large_clusters_still_report_every_contradicted_figure() -> None:
    """More distinct figures at one time than are compared pairwise: every figure that
    contradicts another is still in a finding, and the work stays near-linear."""
    day = TimeSpan(start=dt.date(2024, 1, 1), end=dt.date(2024, 1, 1), basis="explicit")
    values = [1000 + 7 * i for i in range(300)]  # neighbours agree, ends disagree
    corpus = [
        Claim(
            article=f"a{i}",
            text=str(v),
            value=v,
            unit="troops",
            subject="US",
            location="Iraq",
            time=day,
        )
        for i, v in enumerate(values)
    ]
    assert len(values) * (len(values) - 1) // 2 > _ALL_PAIRS
    found = compare(corpus, Rules())
    rule = Rules().for_unit("troops")[1]
    intervals = [comparable_interval(c, rule) for c in corpus]
    contradicted = {
        corpus[i].id
        for i, a in enumerate(intervals)
        if any(not agree(a, b, rule) for b in intervals if a is not None and b is not None)
    }
    in_findings = {c.id for d in found for c in d.claims}
    assert contradicted and contradicted <= in_findings
    assert len(found) < 6 * len(corpus)


# -- running totals and flows (issue 12) --------------------------------------------------

DAYS = [dt.date(2023, 10, 17) + dt.timedelta(days=n) for n in (0, 3, 4, 20, 45, 90)]


@st.composite
def totals(draw: st.DrawFn) -> list[Claim]:
    """A tally reported by several articles as it grows: each as-of day has one value,
    never below an earlier day's, stated with any qualifier that keeps it a figure."""
    days = sorted(draw(st.lists(st.sampled_from(DAYS), min_size=1, max_size=6, unique=True)))
    steps = draw(st.lists(st.integers(0, 60), min_size=len(days), max_size=len(days)))
    out: list[Claim] = []
    value = draw(st.integers(1, 200))
    for n, (day, step) in enumerate(zip(days, steps, strict=True)):
        value += step
        for copy in range(draw(st.integers(1, 2))):
            out.append(
                Claim(
                    article=f"a{n}-{copy}",
                    text=str(value),
                    value=value,
                    qualifier=draw(st.sampled_from(["exact", "approx", "at_least"])),
                    unit="attacks",
                    subject="US",
                    location="Iraq+Syria",
                    statistic="running_total",
                    as_of=day,
                    time=TimeSpan(start=DAYS[0], end=day, basis="explicit"),
                    attribution=draw(st.sampled_from([None, "Pentagon", "Central Command"])),
                )
            )
    return out


@given(totals())
def test_an_upward_revision_of_a_running_total_is_never_a_conflict(corpus: list[Claim]) -> None:
    """A total that only grows from one as-of day to the next gives updates at most: no
    conflict, dispute or regression, whoever reports it."""
    for d in compare(corpus, Rules()):
        assert d.verdict == "update", d.explanation


@given(
    st.lists(
        st.tuples(
            claims(unit="deaths"),
            st.sampled_from(["running_total", "flow", "level", None]),
            st.sampled_from(["day", "week", None]),
        ),
        max_size=20,
    )
)
def test_a_flow_is_never_compared_with_a_running_total(
    drawn: list[tuple[Claim, str | None, str | None]],
) -> None:
    corpus = _unique(
        [
            c.model_copy(
                update={
                    "statistic": statistic,
                    "period": period if statistic == "flow" else None,
                    "as_of": c.time.end if statistic == "running_total" else None,
                }
            )
            for c, statistic, period in drawn
        ]
    )
    family = {"running_total": "total", "flow": "flow", "level": "level", None: "level"}
    for d in compare(corpus, Rules()):
        a, b = d.claims
        assert family[a.statistic] == family[b.statistic], d.explanation
        if a.statistic == "flow":
            assert a.period == b.period


def _tally_with_stale_copies(n: int) -> list[Claim]:
    """A tally that grows for ``n`` days, then ``n`` days of stale, lower counts."""
    start = dt.date(2023, 10, 17)
    out = []
    for day in range(2 * n):
        value = 1000 + 10 * day if day < n else 500 + day  # stale: below every record
        as_of = start + dt.timedelta(days=day)
        out.append(
            Claim(
                article=f"a{day}",
                text=str(value),
                value=value,
                unit="attacks",
                subject="US",
                location="Iraq+Syria",
                statistic="running_total",
                as_of=as_of,
                time=TimeSpan(start=start, end=as_of, basis="explicit"),
            )
        )
    return out


def test_a_total_meets_a_bounded_number_of_records() -> None:
    """Each stale count is a regression against the records above it, but against a
    bounded number of them: twice the claims, about twice the findings, not four times."""
    small = len(compare(_tally_with_stale_copies(100), Rules()))
    large = len(compare(_tally_with_stale_copies(200), Rules()))
    assert small > 200  # each stale count meets several records, not only the highest
    assert large / small < 2.5
