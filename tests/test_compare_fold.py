"""The per-key sweep as a fold over time-ordered chunks: a hot key split and stitched back
gives the findings of one sweep, with a small carried state."""

from __future__ import annotations

import datetime as dt
import pickle
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_compare_properties import bounds

from numcheck import Claim, Discrepancy, Rules, TimeSpan
from numcheck._compare import (
    _REACH,
    Outline,
    block,
    finish,
    merge_outlines,
    outline,
    plan_of,
    start,
    step,
)

DAYS = [dt.date(2016, 1, 1) + dt.timedelta(days=d) for d in (0, 1, 2, 9, 40, 41, 400, 800, 3000)]
# the same digits at several powers of ten: slipped zeros among them
VALUES = [3, 20, 100, 250, 900, 1000, 2000, 2500, 5000, 9000, 20_000, 25_000, 250_000]
QUALIFIERS = ["exact", "exact", "exact", "approx", "at_least", "more_than", "at_most", "vague"]
FAMILIES = {  # statistic, period
    "level": (None, None),
    "total": ("running_total", None),
    "flow": ("flow", "day"),
}
Found = list[tuple[tuple[object, ...], Discrepancy]]


@st.composite
def _claim(draw: st.DrawFn, family: str) -> Claim:
    value, qualifier, low, high = bounds(draw, VALUES, QUALIFIERS)
    time = TimeSpan()
    anchor: dt.date | None = None
    when = draw(st.integers(0, 9))  # 9: unknown time (at the anchor, or adrift)
    if when < 9:
        first = DAYS[when]
        last = first + dt.timedelta(days=draw(st.sampled_from([0, 0, 6, 30, 364])))
        time = TimeSpan(start=first, end=last, basis="explicit", text=str(first))
    if draw(st.booleans()):
        anchor = draw(st.sampled_from(DAYS))
    statistic, period = FAMILIES[family]
    found = Claim(
        article=draw(st.sampled_from("abcde")),
        start=draw(st.integers(0, 10_000)),
        end=10_001,
        text=f"{value}",
        value=None if qualifier == "vague" else value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit="troops",
        subject="US",
        location="Iraq",
        time=time,
        anchor=anchor,
    )
    return found.model_copy(update={"statistic": statistic, "period": period, "as_of": time.end})


@st.composite
def _key(draw: st.DrawFn) -> list[Claim]:
    family = draw(st.sampled_from(sorted(FAMILIES)))
    found = draw(st.lists(_claim(family), max_size=40))
    unique: dict[tuple[str, int | None], Claim] = {}
    for c in found:
        unique.setdefault((c.article, c.start), c)
    return list(unique.values())


def _one_sweep(claims: list[Claim], focus: set[str] | None) -> Found:
    where = block(claims[0])
    assert where is not None
    state = start(where, claims[0].unit, Rules(), focus=focus)
    state, found = step(state, claims)
    return sorted(found + finish(state), key=lambda item: item[0])


def _folded(claims: list[Claim], cuts: list[int], focus: set[str] | None) -> Found:
    """The key's outline made from parts, its claims in time order split at ``cuts``,
    the state sent through pickle between steps (as between processes)."""
    where = block(claims[0])
    assert where is not None
    rules = Rules()
    probe = start(where, claims[0].unit, rules, focus=focus)
    ordered = sorted(claims, key=probe.when)
    whole: Outline = {}
    for part in (ordered[::2], ordered[1::2]):  # outlines of parts, merged
        whole = merge_outlines(whole, outline(probe, part))
    state = start(where, claims[0].unit, rules, focus=focus, plan=plan_of(probe, whole))
    found: Found = []
    for first, last in zip([0, *cuts], [*cuts, len(ordered)], strict=True):
        state, more = step(state, ordered[first:last])
        found += more
        state = pickle.loads(pickle.dumps(state))  # the next step may run elsewhere
    return sorted(found + finish(state), key=lambda item: item[0])


def _same(a: Found, b: Found) -> None:
    assert [(k, d.model_dump()) for k, d in a] == [(k, d.model_dump()) for k, d in b]


@settings(max_examples=300)
@given(_key(), st.data())
def test_a_key_split_anywhere_gives_the_findings_of_one_sweep(
    claims: list[Claim], data: st.DataObject
) -> None:
    if not claims:
        return
    cuts = sorted(data.draw(st.lists(st.integers(0, len(claims)), max_size=6)))
    focus = data.draw(st.none() | st.sets(st.sampled_from("abcde"), max_size=2))
    _same(_folded(claims, cuts, focus), _one_sweep(claims, focus))


def _level(value: float, day: str, article: str) -> Claim:
    when = dt.date.fromisoformat(day)
    return Claim(
        article=article,
        text=f"{value:,.0f}",
        value=value,
        unit="troops",
        subject="US",
        location="Iraq",
        time=TimeSpan(start=when, end=when, basis="explicit", text=day),
    )


IRAQ = [  # the level held at 2,500 while one outlet wrote 25,000: its twins on both sides
    _level(3_000, "2020-09-30", "a"),
    _level(2_500, "2020-11-17", "b"),
    _level(2_500, "2021-01-15", "c"),
    _level(25_000, "2024-01-29", "e"),
    _level(2_500, "2024-09-27", "f"),
    _level(2_500, "2025-03-01", "g"),
]


@pytest.mark.parametrize(
    "focus",
    [pytest.param(None, id="all"), pytest.param({"f"}, id="focus-on-a-twin-after-the-slip")],
)
def test_a_slip_split_from_its_twins_in_every_step_is_still_judged(
    focus: set[str] | None,
) -> None:
    """One claim a step: the slip's nearest twin comes after it, in a later step."""
    folded = _folded(IRAQ, list(range(1, len(IRAQ))), focus)
    _same(folded, _one_sweep(IRAQ, focus))
    assert any(d.rule == "troops/typo" for _, d in folded)


def test_claims_out_of_time_order_are_refused() -> None:
    where = block(IRAQ[0])
    assert where is not None
    state = start(where, "troops", Rules(), plan=plan_of(start(where, "troops", Rules()), {}))
    step(state, IRAQ[3:5])  # 2024-01-29 swept, 2024-09-27 pending
    step(state, IRAQ[4:5])  # more claims of the pending time are welcome
    with pytest.raises(ValueError, match="out of time order"):
        step(state, IRAQ[:1])


def test_a_key_in_several_steps_needs_its_plan() -> None:
    where = block(IRAQ[0])
    assert where is not None
    state = start(where, "troops", Rules())
    step(state, IRAQ[:2])
    with pytest.raises(ValueError, match="needs its plan"):
        step(state, IRAQ[2:])


def test_the_carried_state_stays_small_on_a_hot_key() -> None:
    """Ten years of daily running totals folded 100 days a step: the state holds the
    times of the window, the latest _REACH records, and nothing of what it passed."""
    rnd = random.Random(3)
    claims = []
    for day in range(3650):
        when = dt.date(2010, 1, 1) + dt.timedelta(days=day)
        for article in "ab":
            found = _level(1000 + day + rnd.choice([0, 0, -50]), str(when), article)
            claims.append(found.model_copy(update={"statistic": "running_total", "as_of": when}))
    where = block(claims[0])
    assert where is not None
    probe = start(where, "troops", Rules())
    state = start(where, "troops", Rules(), plan=plan_of(probe, outline(probe, claims)))
    found = 0
    for first in range(0, len(claims), 200):
        state, more = step(state, claims[first : first + 200])
        found += len(more)
        assert len(state._records) <= _REACH
        assert len(state._active) <= 2 + state.widest
        assert len(state._seen) <= 4 * len(state._active)
        assert not state._words
    found += len(finish(state))
    assert found == len(_one_sweep(claims, None))
