"""Stage 5: normalize a claim to the interval it is compared with.

The claim keeps the interval its wording asserts (``low``/``high``); here the rules
widen it by the qualifier and open unbounded sides to infinity.

"about N" is as loose as N is round: half the step N was rounded to ("about 3,000" is
rounded to the thousand, so ± 500; "around 38,400" to the hundred, so ± 50), at least
``approx_min`` and at most ``approx`` of N. "nearly N" is just below N.

Tolerances are applied once, when two intervals are compared, and only where nothing
widened the figure already: an exact figure or the bounds of a vague amount take the
tolerance; an approximate figure does not (its width is its tolerance), so "about" and
the tolerance never stack.

>>> from numcheck import Claim
>>> from numcheck._rules import MeasureRule
>>> claim = Claim(article="a", text="about 900", value=900, qualifier="approx")
>>> comparable_interval(claim, MeasureRule())
Interval(low=850.0, high=950.0, vague=False, widened=True, step=0.0)
>>> claim = Claim(article="a", text="about 3,000", value=3000, qualifier="approx")
>>> comparable_interval(claim, MeasureRule())[:2]
(2700.0, 3300.0)
"""

from __future__ import annotations

import math
from typing import NamedTuple

from ._models import Claim
from ._rules import MeasureRule
from ._units import convert, unit_info

INF = math.inf
_NEARLY = frozenset({"nearly", "almost", "just under", "close to", "not quite"})


class Interval(NamedTuple):
    """A closed interval (infinite ends for unbounded sides) of a stated figure."""

    low: float
    high: float
    vague: bool = False
    """The bounds of a vague amount ("hundreds of thousands"), not a stated figure."""
    widened: bool = False
    """Already widened by its qualifier ("about"): it takes no further tolerance."""
    step: float = 0.0
    """The step an exact figure is stated to (1 for "484,507", 10,000 for "1.31
    million"; 0 when unknown): the relative tolerance never widens it by more, so two
    precise figures that differ are two figures."""


def comparable_interval(claim: Claim, rule: MeasureRule) -> Interval | None:
    """The interval ``claim`` asserts under ``rule``, in the base unit of its family
    (kilometres and miles both in metres), or ``None`` if it has no number."""
    asserted = _asserted(claim, rule)
    if asserted is None:
        return None
    low, high = asserted
    if claim.direction == "down" and (claim.kind == "change" or claim.statistic == "change"):
        low, high = -high, -low  # "fell 1%" is a change of -1%: it meets "rose 40%"
    vague = claim.qualifier == "vague"
    # "nearly N" is widened below only: its upper end N still takes the tolerance.
    widened = claim.qualifier == "approx" and claim.modifier not in _NEARLY
    exact = claim.qualifier == "exact" and claim.value is not None and low == high
    step = rounding_step(claim.value or 0.0) if exact else 0.0
    info = unit_info(claim.unit) if claim.unit is not None else None
    if info is None or info.name == info.base or info.dimension.startswith("currency:"):
        return Interval(low, high, vague, widened, step)
    assert claim.unit is not None
    base_low = _to_base(low, claim.unit, info.base)
    if step:  # the step in the base unit: "3 km" is stated to the 1,000 metres
        step = abs(_to_base(low + step, claim.unit, info.base) - base_low)
    return Interval(base_low, _to_base(high, claim.unit, info.base), vague, widened, step)


def _to_base(value: float, unit: str, base: str) -> float:
    if math.isinf(value):
        return value
    return convert(value, unit, base)


def _asserted(claim: Claim, rule: MeasureRule) -> tuple[float, float] | None:
    """The interval the wording asserts, widened or closed by the qualifier."""
    low = -INF if claim.low is None else claim.low
    high = INF if claim.high is None else claim.high
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        low = high = claim.value
    if claim.qualifier == "vague" and rule.vague:
        return _vague(claim, rule, low, high)
    if (
        claim.qualifier == "at_least"
        and math.isinf(high)
        and claim.value is not None
        and claim.value >= _TALLY_FLOOR
        and rounding_step(claim.value) == 1
    ):
        # "at least 102 times": a count to the unit is the tally itself, "at least" only
        # because more may be reported later (a round "at least 100" stays open)
        high = claim.value
    elif rule.open_ends is not None and claim.value is not None:
        if claim.qualifier in ("at_least", "more_than") and math.isinf(high):
            high = claim.value * (1 + rule.open_ends)
        elif claim.qualifier in ("at_most", "less_than") and math.isinf(low):
            low = claim.value * (1 - rule.open_ends)
    if claim.qualifier == "approx":
        centre = claim.value if claim.value is not None else (low + high) / 2
        if claim.modifier in _NEARLY:
            return centre - abs(centre) * rule.nearly, centre
        half_step = rounding_step(centre) / 2
        spread = min(max(half_step, abs(centre) * rule.approx_min), abs(centre) * rule.approx)
        return min(low, centre - spread), max(high, centre + spread)
    return low, high


_TALLY_FLOOR = 20
"""Below this, "at least N" stays open: "at least 12 people" is a floor, not a tally."""


def rounding_step(value: float) -> float:
    """The step ``value`` looks rounded to: the place of its last significant digit, or
    five of them when that digit is 5 (2,500 is a round half thousand).

    >>> rounding_step(3000), rounding_step(2500), rounding_step(38400), rounding_step(4.9)
    (1000.0, 500.0, 100.0, 0.1)
    """
    value = abs(value)
    if value == 0 or not math.isfinite(value):
        return 0.0
    digits = f"{value:.15g}"
    if "e" in digits:
        return 0.0
    whole, _, fraction = digits.partition(".")
    if fraction:
        step = 10.0 ** -len(fraction)
        last = fraction[-1]
    else:
        stripped = whole.rstrip("0")
        step = 10.0 ** (len(whole) - len(stripped))
        last = stripped[-1] if stripped else "0"
    return round(step * 5, 12) if last == "5" else step


def _vague(claim: Claim, rule: MeasureRule, low: float, high: float) -> tuple[float, float]:
    """A vague amount under the rule's own table: the phrase is read again with it."""
    from ._numbers import find_numbers  # the grammar applies scale words ("several hundred")

    mentions = [m for m in find_numbers(claim.text, vague=rule.vague) if m.qualifier == "vague"]
    if len(mentions) != 1:
        return low, high
    found = mentions[0]
    return (
        -INF if found.low is None else found.low,
        INF if found.high is None else found.high,
    )


def agree(a: Interval, b: Interval, rule: MeasureRule) -> bool:
    """Whether two intervals overlap once the upper end of each one not already widened
    by its qualifier is raised by the tolerance."""
    return a.low <= _up(b, rule) and b.low <= _up(a, rule)


def _up(interval: Interval, rule: MeasureRule) -> float:
    high = interval.high
    if math.isinf(high) or interval.widened:
        return high
    relative = abs(high) * rule.relative_tolerance
    if interval.step:
        relative = min(relative, interval.step)  # "484,507" is stated to the vehicle
    return high + max(rule.absolute_tolerance, relative)


def midpoint(interval: Interval) -> float | None:
    """A representative value of an interval: its middle, or its finite end."""
    low, high = interval.low, interval.high
    if math.isinf(low) and math.isinf(high):
        return None
    if math.isinf(low):
        return high
    if math.isinf(high):
        return low
    return low / 2 + high / 2  # never overflows, unlike (low + high) / 2 near the float limit
