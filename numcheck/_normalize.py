"""Stage 5: normalize a claim to the interval it is compared with.

The claim keeps the interval its wording asserts (``low``/``high``); here the rules
widen it by the qualifier ("about" ± 10%, "nearly" just below) and open unbounded sides
to infinity. Tolerances are applied when two intervals are compared.

>>> from numcheck import Claim
>>> from numcheck._rules import MeasureRule
>>> claim = Claim(article="a", text="about 900", value=900, qualifier="approx")
>>> comparable_interval(claim, MeasureRule())
(810.0, 990.0)
"""

from __future__ import annotations

import math

from ._models import Claim
from ._rules import MeasureRule
from ._units import convert, unit_info

INF = math.inf
_NEARLY = frozenset({"nearly", "almost", "just under", "close to", "not quite"})


def comparable_interval(claim: Claim, rule: MeasureRule) -> tuple[float, float] | None:
    """The interval ``claim`` asserts under ``rule``, in the base unit of its family
    (kilometres and miles both in metres), or ``None`` if it has no number."""
    interval = _asserted(claim, rule)
    if interval is None or claim.unit is None:
        return interval
    info = unit_info(claim.unit)
    if info is None or info.name == info.base or info.dimension.startswith("currency:"):
        return interval
    return _to_base(interval[0], claim.unit, info.base), _to_base(
        interval[1], claim.unit, info.base
    )


def _to_base(value: float, unit: str, base: str) -> float:
    if math.isinf(value):
        return value
    return convert(value, unit, base)


def _asserted(claim: Claim, rule: MeasureRule) -> tuple[float, float] | None:
    """The interval the wording asserts, widened by the qualifier."""
    low = -INF if claim.low is None else claim.low
    high = INF if claim.high is None else claim.high
    if claim.low is None and claim.high is None:
        if claim.value is None:
            return None
        low = high = claim.value
    if claim.qualifier == "approx":
        centre = claim.value if claim.value is not None else (low + high) / 2
        if claim.modifier in _NEARLY:
            return centre - abs(centre) * rule.nearly, centre
        spread = abs(centre) * rule.approx
        return min(low, centre - spread), max(high, centre + spread)
    return low, high


def agree(a: tuple[float, float], b: tuple[float, float], rule: MeasureRule) -> bool:
    """Whether two intervals overlap once each is widened by the tolerance."""
    return a[0] <= _up(b[1], rule) and b[0] <= _up(a[1], rule)


def _up(value: float, rule: MeasureRule) -> float:
    if math.isinf(value):
        return value
    return value + max(rule.absolute_tolerance, abs(value) * rule.relative_tolerance)


def midpoint(interval: tuple[float, float]) -> float | None:
    """A representative value of an interval: its middle, or its finite end."""
    low, high = interval
    if math.isinf(low) and math.isinf(high):
        return None
    if math.isinf(low):
        return high
    if math.isinf(high):
        return low
    return (low + high) / 2
