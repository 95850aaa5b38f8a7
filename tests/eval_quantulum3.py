"""Score numcheck's numbers + units on quantulum3's own English test sentences.

Run ``python tests/eval_quantulum3.py`` for precision, recall and F1 of (value, unit)
pairs, ours and quantulum3's on the same sentences; :func:`score` returns the same
figures for the tests. The files are ``../shared/conformance/quantulum3/quantities.json``
and ``quantities.ambiguity.json`` (see ``../shared/conformance/README.md``).

How a sentence is read here (the way the framer reads it):

- every figure of :func:`numcheck.find_numbers` (``is_figure``) is one predicted item;
  its unit is the one the number carries (``52%``, ``$5``), else a currency right before
  it (:func:`unit_before`), else the unit right after it (:func:`unit_after`), else none
  ("dimensionless");
- a mention of kind ``other`` is an item only when a unit is glued to its digits
  (``10kg``, :func:`glued_unit`); other non-figures (years, dates, ordinals, identifiers)
  are never items;
- a range counts with its midpoint, as quantulum3 reports ranges ("3 to 4 L" -> 3.5 L).

An expected item is matched by an unused predicted item of the same sentence with the
same unit (quantulum3's names mapped to ours by :data:`UNIT_NAMES`) and the same value
within 1e-9 relative. quantulum3 is scored on the same items with its own unit names.

Items in :data:`DEVIATIONS` are deliberate differences: excluded from both scores and
printed with the reason.
"""

from __future__ import annotations

import json
import math
import sys
import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from numcheck._clean import normalize
from numcheck._lexicon import data_file
from numcheck._numbers import find_numbers
from numcheck._units import glued_unit, unit_after, unit_before

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
        "in 2011",
        "2005",
    ): "a year is a date, not a quantity: numcheck reports it as kind 'year'",
    (
        "Fermilab's Tevatron took about 4 years to reach 1 fb−1 in 2005, while two of "
        "CERN's LHC experiments, ATLAS and CMS, reached over 5 fb−1 of proton-proton data "
        "in 2011",
        "2011",
    ): "a year is a date, not a quantity: numcheck reports it as kind 'year'",
    # identifiers: names of things, not amounts
    ("Hubble images of the non-standard object SCP 06F6, behind galaxy cluster MACS "
     "J1149.5+6663, were sharper than any taken since the passage of Voyager 2 in 1979",
     "2"): "'Voyager 2' is a name (numcheck: a figure, but never a claim about Voyager)",
    ('The class is "English 101". On a second thought, I\'ll skip it.', "101"): (
        "'English 101' is a course name; numcheck reports it as a plain figure anyway"
    ),
    ("Intel Core i7 860 Processor 2.80 GHz 8 MB LGA1156 CPU I7-860BOX", "860.0"): (
        "a model number; numcheck reports it as a plain figure anyway"
    ),
    ("Bahco 9031 Ergo Wide Jaw Adjustable Wrench 8\"", "9031"): (
        "a model number; numcheck reports it as a plain figure anyway"
    ),
    ("Cannington—South 32 Ltd", "32"): "part of a company name ('South32')",
    # physics notation outside news text
    ("The length of my pencil is 2 in.", _ALL): (
        "kept: a sentence-final 'in' is an inch under the inch rule (scored normally)"
    ),
}  # fmt: skip
"""(sentence, expected surface or ``*``) -> reason, for deliberate differences."""

_SCORED_ANYWAY = frozenset(
    key for key, reason in DEVIATIONS.items() if reason.startswith("kept:")
)
_NOT_DEVIATIONS = frozenset(
    key for key, reason in DEVIATIONS.items() if "reports it as a plain figure anyway" in reason
)


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


def predict(text: str) -> list[Item]:
    """Our (value, unit) items for one sentence, read as the framer reads them."""
    norm = normalize(text)
    items: list[Item] = []
    for m in find_numbers(text):
        if m.kind == "other":
            glued = glued_unit(norm, m.start, m.end)
            if glued is not None and m.value is not None:
                items.append(Item(m.value, glued.name, m.text))
            continue
        if not m.is_figure:
            continue
        value = m.value
        if value is None:
            if m.low is None or m.high is None:
                continue
            value = (m.low + m.high) / 2
        unit = m.unit
        if unit is None:
            found = unit_before(norm, m.start) or unit_after(norm, m.end)
            unit = found.name if found is not None else None
        items.append(Item(value, unit, m.text))
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
    from quantulum3 import parser  # the peer; imported only when scored

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = parser.parse(text)
        except Exception:  # a crash of the peer scores as finding nothing
            return []
    return [Item(float(q.value), q.unit.name, str(q.surface)) for q in found]


def _excluded(req: str, surface: str) -> str | None:
    for key in ((req, surface), (req, _ALL)):
        if key in DEVIATIONS and key not in _SCORED_ANYWAY and key not in _NOT_DEVIATIONS:
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
            if reason is None:
                reason = _excluded(req, str(item["value"]))
            if reason is not None:
                result.excluded.append((req, surface, reason))
                continue
            value = float(item["value"])
            expected_ours.append(Item(value, _ours_unit(str(item["unit"])), surface))
            expected_q3.append(Item(value, str(item["unit"]), surface))
        result.expected += len(expected_ours)
        excluded_values = [
            float(i["value"]) for i in case["res"] if _excluded(req, _surface_key(i)) is not None
            or _excluded(req, str(i["value"])) is not None
        ]  # fmt: skip
        predicted = _drop_excluded(predict(req), excluded_values)
        tp, missed = _match(expected_ours, predicted)
        result.ours.tp += tp
        result.ours.fn += len(expected_ours) - tp
        result.ours.fp += len(predicted) - tp
        result.misses.extend((req, expected_ours[i]) for i in missed)
        _, unmatched_pred = _match(predicted, expected_ours)
        result.extras.extend((req, predicted[i]) for i in unmatched_pred)
        if with_quantulum3:
            theirs = _drop_excluded(_quantulum3_items(req), excluded_values)
            tq, _ = _match(expected_q3, theirs)
            result.quantulum3.tp += tq
            result.quantulum3.fn += len(expected_q3) - tq
            result.quantulum3.fp += len(theirs) - tq
    return result


def _drop_excluded(items: Iterable[Item], values: Sequence[float]) -> list[Item]:
    """Drop one predicted item per excluded expected value (a deviation is not an error)."""
    out = list(items)
    for v in values:
        for k, item in enumerate(out):
            if _same(item.value, v):
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
