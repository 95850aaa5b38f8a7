"""Score numcheck's numbers + units on quantulum3's own English test sentences.

Run ``python tests/eval_quantulum3.py`` for precision, recall and F1 of (value, unit)
pairs, ours and quantulum3's on the same sentences; :func:`score` returns the same
figures for the tests. The files are ``../shared/conformance/quantulum3/quantities.json``
and ``quantities.ambiguity.json`` (see ``../shared/conformance/README.md``).

How a sentence is read here: the claim layer itself, :func:`numcheck.extract`; each
claim is one predicted item, with its unit when that is a physical, money or percent unit
(a unit the number carries, a currency before it, a unit after it or glued to its digits:
see ``numcheck/_frame.py``), else none ("dimensionless"); a range counts with its
midpoint, as quantulum3 reports ranges ("3 to 4 L" -> 3.5 L). Years, dates, ordinals and
identifiers are never claims.

An expected item is matched by an unused predicted item of the same sentence with the
same unit (quantulum3's names mapped to ours by :data:`UNIT_NAMES`) and the same value
within 1e-9 relative. quantulum3 is scored on the same items with its own unit names.

Items in :data:`DEVIATIONS` are deliberate differences: excluded from both scores and
printed with the reason.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring import quantulum3_parse

from numcheck import extract
from numcheck._lexicon import data_file
from numcheck._units import unit_info

FOLDER = Path(__file__).resolve().parents[2] / "shared" / "conformance" / "quantulum3"
FILES = ("quantities.json", "quantities.ambiguity.json")


def _unit_names() -> dict[str, str | None]:
    """quantulum3 unit name -> our short name: ``numcheck/data/units.toml`` plus a few."""
    config = data_file("units.toml")
    table: dict[str, str | None] = {q: str(spec["name"]) for q, spec in config["unit"].items()}
    table.update({q: str(spec["name"]) for q, spec in config["extra"].items()})
    table.update(
        {
            "dimensionless": None,  # a bare number
            "degree Fahrenheit": "°F",  # quantulum3 spells it both ways in its tests
        }
    )
    return table


UNIT_NAMES: Mapping[str, str | None] = _unit_names()
"""quantulum3 name -> ours. Its units we do not support keep their quantulum3 name (with
a ``q3:`` prefix), so they can only be missed, never matched by accident."""

_ALL = "*"
_PM = "'pm'/'am' after a number is a time of day in news, never pico-/attometres"

DEVIATIONS: dict[tuple[str, str], str] = {
    # years and dates: quantulum3 reports them as dimensionless quantities
    (
        "Hubble images of the non-standard object SCP 06F6, behind galaxy cluster MACS "
        "J1149.5+6663, were sharper than any taken since the passage of Voyager 2 in 1979",
        "1979",
    ): "a year is a date, not a quantity: numcheck reports it as kind 'year'",
    ("It increased by 35% by the end of the 1960s", "1960"): (
        "'the 1960s' is a decade (kind 'year'), not the quantity 1960"
    ),
    ("valued at $13,009 million in 2013, and 278,000 t valued 10 000 dollars.", "2013"): (
        "a year is a date, not a quantity: numcheck reports it as kind 'year'"
    ),
    (
        "Fermilab's Tevatron took about 4 years to reach 1 fb−1 in 2005, while two of "
        "CERN's LHC experiments, ATLAS and CMS, reached over 5 fb−1 of proton-proton data "
        "in 2011 alone.",
        "2005",
    ): "a year is a date, not a quantity: numcheck reports it as kind 'year'",
    (
        "Fermilab's Tevatron took about 4 years to reach 1 fb−1 in 2005, while two of "
        "CERN's LHC experiments, ATLAS and CMS, reached over 5 fb−1 of proton-proton data "
        "in 2011 alone.",
        "2011",
    ): "a year is a date, not a quantity: numcheck reports it as kind 'year'",
    # "pm" and "am" after a number are times of day in news, never pico-/attometres
    ("This nano grid has a size of 2.1 pm.", "2.1 pm"): _PM,
    ("This nano grid has a size of 2.123 pm.", "2.123 pm"): _PM,
    ("This nano grid has a size of 2.123 am.", "2.123 am"): _PM,
    # a glued K / b after digits is a scale in news (the number layer's choice)
    ("32K word magnetic core memory board", "32K"): (
        "'32K' is 32 thousand in news text (number layer), not 32 kibibytes"
    ),
    ("At normal operating temperatures of 300 °C (572 °F, 573.15K), zircaloy is inert. "
     "However, above 1200 degrees Celsius, it reacts exothermically with water", "573.15K"): (
        "a glued 'K' is a thousand in news text (number layer), so no kelvin"
    ),
    ("The server receives the 1500b packet of information", "1500b"): (
        "a glued 'b' is a billion in news text (number layer: '$1.5b'), not bits"
    ),
}  # fmt: skip
"""(sentence, expected surface or ``*``) -> reason, for deliberate differences."""


@dataclass(frozen=True, slots=True)
class Item:
    value: float
    unit: str | None
    surface: str = ""


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Result:
    ours: Counts = field(default_factory=Counts)
    quantulum3: Counts = field(default_factory=Counts)
    expected: int = 0
    excluded: list[tuple[str, str, str]] = field(default_factory=list)
    misses: list[tuple[str, Item]] = field(default_factory=list)
    extras: list[tuple[str, Item]] = field(default_factory=list)


def cases() -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for name in FILES:
        with (FOLDER / name).open(encoding="utf-8") as handle:
            out.extend(json.load(handle))
    return out


def _ours_unit(name: str) -> str | None:
    if name in UNIT_NAMES:
        return UNIT_NAMES[name]
    return f"q3:{name}"


DURATIONS = {"years": "yr", "months": "month", "days": "d"}
_PERCENT = re.compile(r"%|per ?cent", re.IGNORECASE)


def predict(text: str) -> list[Item]:
    """Our (value, unit) items for one sentence: the claims of :func:`numcheck.extract`.

    A claim's unit counts when it is a physical, money or percent unit (``unit_info``
    knows it); counted things (troops, deaths) and plain nouns are "dimensionless" to
    quantulum3, which has no such units, except durations (``years`` -> ``yr``). A range
    counts with its midpoint; a fraction, which claims state as a percentage share, counts
    as the fraction.
    """
    items: list[Item] = []
    for claim in extract(text):
        value = claim.value
        if value is None:
            if claim.low is None or claim.high is None:
                continue
            value = (claim.low + claim.high) / 2
        unit = claim.unit if claim.unit and unit_info(claim.unit) is not None else None
        if claim.unit in DURATIONS:  # the taxonomy's durations are quantulum3's time units
            unit = DURATIONS[claim.unit]
        if unit == "percent" and not _PERCENT.search(claim.text):
            value, unit = value / 100, None  # a fraction ("two thirds"), stated as a share
        items.append(Item(value, unit, claim.text))
    return items


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _match(expected: Sequence[Item], predicted: Sequence[Item]) -> tuple[int, list[int]]:
    """Greedy one-to-one match: (matched count, indexes of unmatched expected items)."""
    used: set[int] = set()
    missed: list[int] = []
    for i, e in enumerate(expected):
        for j, p in enumerate(predicted):
            if j not in used and p.unit == e.unit and _same(p.value, e.value):
                used.add(j)
                break
        else:
            missed.append(i)
    return len(used), missed


def _quantulum3_items(text: str) -> list[Item]:
    return [Item(float(q.value), q.unit.name, str(q.surface)) for q in quantulum3_parse(text)]


def _excluded(req: str, surface: str) -> str | None:
    for key in ((req, surface), (req, _ALL)):
        if key in DEVIATIONS:
            return DEVIATIONS[key]
    return None


def _surface_key(item: dict[str, Any]) -> str:
    return str(item["surface"])


def score(*, with_quantulum3: bool = True) -> Result:
    """Score both systems on every sentence of the two files."""
    result = Result()
    for case in cases():
        req = str(case["req"])
        expected_ours: list[Item] = []
        expected_q3: list[Item] = []
        for item in case["res"]:
            surface = _surface_key(item)
            reason = _excluded(req, surface)
            if reason is not None:
                result.excluded.append((req, surface, reason))
                continue
            value = float(item["value"])
            expected_ours.append(Item(value, _ours_unit(str(item["unit"])), surface))
            expected_q3.append(Item(value, str(item["unit"]), surface))
        result.expected += len(expected_ours)
        excluded_surfaces = [
            _surface_key(i) for i in case["res"] if _excluded(req, _surface_key(i)) is not None
        ]
        predicted = _drop_excluded(predict(req), excluded_surfaces)
        tp, missed = _match(expected_ours, predicted)
        result.ours.tp += tp
        result.ours.fn += len(expected_ours) - tp
        result.ours.fp += len(predicted) - tp
        result.misses.extend((req, expected_ours[i]) for i in missed)
        _, unmatched_pred = _match(predicted, expected_ours)
        result.extras.extend((req, predicted[i]) for i in unmatched_pred)
        if with_quantulum3:
            theirs = _drop_excluded(_quantulum3_items(req), excluded_surfaces)
            tq, _ = _match(expected_q3, theirs)
            result.quantulum3.tp += tq
            result.quantulum3.fn += len(expected_q3) - tq
            result.quantulum3.fp += len(theirs) - tq
    return result


def _drop_excluded(items: Iterable[Item], surfaces: Sequence[str]) -> list[Item]:
    """Drop the predicted items written inside an excluded expected item's surface."""
    out = list(items)
    for surface in surfaces:
        for k, item in enumerate(out):
            if item.surface and (item.surface in surface or surface in item.surface):
                del out[k]
                break
    return out


def _line(name: str, c: Counts) -> str:
    return (
        f"{name:<11} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f} "
        f"(tp={c.tp} fp={c.fp} fn={c.fn})"
    )


def main() -> None:
    result = score()
    print(f"quantulum3 test sentences: {len(cases())}, expected items scored: {result.expected}")
    print(_line("numcheck", result.ours))
    print(_line("quantulum3", result.quantulum3))
    print(f"\nexcluded as deliberate deviations ({len(result.excluded)}):")
    for req, surface, reason in result.excluded:
        print(f"  {surface!r} in {req[:60]!r}...: {reason}")
    if "-v" in sys.argv:
        print("\nmissed by numcheck:")
        for req, item in result.misses:
            print(f"  {item.surface!r} = {item.value} {item.unit}   <- {req[:70]!r}")
        print("\nnot expected (numcheck):")
        for req, item in result.extras:
            print(f"  {item.surface!r} = {item.value} {item.unit}   <- {req[:70]!r}")


if __name__ == "__main__":
    main()
