"""Stage 5: normalize a claim to the interval it is compared with.

The claim keeps the interval its wording asserts (``low``/``high``); here the rules
widen it by the qualifier ("about" ± 10%, "nearly" just below) and open unbounded sides
to infinity. Tolerances are applied when two intervals are compared, to stated figures
only: the bounds of a vague amount are its meaning ("hundreds of thousands" is less
than a million), not a figure that may be slightly off.

>>> from numcheck import Claim
>>> from numcheck._rules import MeasureRule
>>> claim = Claim(article="a", text="about 900", value=900, qualifier="approx")
>>> comparable_interval(claim, MeasureRule())
Interval(low=810.0, high=990.0, vague=False)
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
    """A closed interval (infinite ends for unbounded sides); ``vague`` bounds take no
    tolerance."""

    low: float
    high: float
    vague: bool = False


def comparable_interval(claim: Claim, rule: MeasureRule) -> Interval | None:
    """The interval ``claim`` asserts under ``rule``, in the base unit of its family
    (kilometres and miles both in metres), or ``None`` if it has no number."""
    asserted = _asserted(claim, rule)
    if asserted is None:
        return None
    low, high = asserted
    vague = claim.qualifier == "vague"
    info = unit_info(claim.unit) if claim.unit is not None else None
    if info is None or info.name == info.base or info.dimension.startswith("currency:"):
        return Interval(low, high, vague)
    assert claim.unit is not None
    return Interval(
        _to_base(low, claim.unit, info.base), _to_base(high, claim.unit, info.base), vague
    )


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
    if rule.open_ends is not None and claim.value is not None:
        if claim.qualifier in ("at_least", "more_than") and math.isinf(high):
            high = claim.value * (1 + rule.open_ends)
        elif claim.qualifier in ("at_most", "less_than") and math.isinf(low):
            low = claim.value * (1 - rule.open_ends)
    if claim.qualifier == "approx":
        centre = claim.value if claim.value is not None else (low + high) / 2
        if claim.modifier in _NEARLY:
            return centre - abs(centre) * rule.nearly, centre
        spread = abs(centre) * rule.approx
        return min(low, centre - spread), max(high, centre + spread)
    return low, high


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
    """Whether two intervals overlap once each stated one is widened by the tolerance."""
    return a.low <= _up(b.high, rule, b.vague) and b.low <= _up(a.high, rule, a.vague)


def _up(value: float, rule: MeasureRule, vague: bool) -> float:
    if math.isinf(value) or vague:
        return value
    return value + max(rule.absolute_tolerance, abs(value) * rule.relative_tolerance)


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
