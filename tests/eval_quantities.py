"""Score :func:`numcheck.extract` on our own business, markets, sport, technology and money
sentences (``tests/data/quantities/``, rules in its README), by value F1 and by
value+qualifier F1; optionally quantulum3 on the same cases with the same scorer.

Run ``python tests/eval_quantities.py [-v] [--quantulum3]`` for precision, recall and F1
overall, per domain and per class (the issue-13 groups); ``-v`` lists every missed gold
quantity and every false positive. :func:`score` returns the same figures for the tests.

Matching, as in ``tests/eval_recognizers.py``:

- a gold quantity is matched by a predicted item of its case that overlaps its surface
  (character offsets) and has the same value, relative tolerance 1e-6; a gold range
  (``range = true``) by the same ``low`` and ``high`` (an open side is ``None`` on both);
- a predicted item is correct when it matches some gold quantity of its case; any other
  predicted item is a false positive (a case with ``quantities = []`` has only those);
- value+qualifier: the value match AND the same qualifier AND the same range flag AND,
  where the gold gives a direction, the same direction.

How today's :class:`numcheck.Claim` is read (:func:`ours`): each claim is one predicted
item. Its qualifier slot holds both the shape and the bound, so a claim with qualifier
``range`` is read as a range whose qualifier is ``approx`` when its modifier is an
approximation word (:data:`APPROX_MODIFIERS`: "about 1,500-1,800"), else ``exact``
("between $40 and $45"); every other claim is not a range and keeps its qualifier. A
fraction, which claims state as a percentage share ("a third" -> 33.3 percent), counts as
the fraction (0.333) when its text has no percent sign or word, as in
``tests/eval_quantulum3.py``. ``direction`` is the claim's.

quantulum3 (:func:`theirs`): each quantity it parses is one item, its span and value; a
quantity with an uncertainty is a range ``value -/+ uncertainty`` (quantulum3 reads
"1,500-1,800" as 1650 +/- 150); it has no qualifier or direction, so every item is
``exact`` with no direction.
"""

from __future__ import annotations

import datetime as dt
import math
import sys
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring import Tally, quantulum3_parse

from numcheck import extract

FOLDER = Path(__file__).resolve().parent / "data" / "quantities"

ANCHOR = dt.date(2024, 6, 1)
"""The publication date every case is extracted with (fixed, so scores do not drift)."""

DOMAINS = ("business", "markets", "sport", "technology", "money")
"""One file per domain: ``<domain>.toml``."""

QUALIFIERS = ("exact", "approx", "at_least", "more_than", "at_most", "less_than", "vague")
DIRECTIONS = ("up", "down")

CLASSES: dict[str, str] = {
    # 1. numbers inside names and labels (not figures)
    "index": "1 stock index names: the S&P 500, FTSE 100, Nikkei 225",
    "league": "1 leagues and series: Big 12, Ligue 1, Formula 1",
    "product": "1 products and models: iPhone 11, Model Y, Airbus A320neo, PS5",
    "label": "1 labels and positions: Section 112, Row 8, Game 5, Part 2, Category 1, No. 23",
    "standard": "1 standards and identifiers: ISO 9001, COVID-19, Form 10-K, Wi-Fi 7, CVE ids",
    "address": "1 addresses and postcodes: 1450 Market Street, CA 94103, N17 0BX",
    "score": "1 sports scores: won 3-1, a 7-2 lead, 6-4, 412-7",
    "clock": "1 times of day and clock times: 9 a.m., 14:52, 0630 GMT, lap time 1:41.2",
    "date-range": "1 date ranges and seasons: Aug. 4-9, Nov. 3-19, 2016-17",
    # 2. money as British and international papers write it
    "money-uk": "2 pounds (and euros) with m/bn: £9m, £2.6bn, €103m",
    "pence": "2 pence: 210p, 42.5p",
    "pc": "2 'pc' for percent: 2.4pc, 17pc",
    "currency-code": "2 currency codes and prefixed dollars: RM45, $US40 billion, A$65m, USD25m",
    "pound-ps": "2 a pound sign scraped to 'PS': PS45m, PS150",
    # 3. direction and qualifiers
    "market-verb": "3 direction from market verbs: lost, slid, plunged, tumbled, advanced, to drop",
    "apposition": "3 direction carried into an apposition: shed 240 points, or 0.8%",
    "sign": "3 signs as direction: +0.3%, -1.1%",
    "tilde": "3 '~' as about: ~30",
    "bound-idiom": "3 bound idioms: passed 30,000, approaching 200,000, nearing the 3,000 mark",
    # 4. a range is a shape, not a qualifier
    "range-shape": "4 range shape apart from qualifier: about 1,500-1,800, between $40 and $45",
    # 5. ranges assembled right, and never wrong
    "range-units": "5 ranges with units: between 12kHz and 18kHz, 3-8W, 20 – 35min",
    "range-words": "5 ranges in words: two or three weeks, 60 or 70,000",
    "not-range": "5 not a range: rose by $12.1 billion to $301.5 billion; in 2019 to 4.2 million",
    "from-to": "5 'from X to Y' after a change verb: both ends kept as two figures",
    # 6. token clean-up
    "glued-unit": "6 glued units and scale letters: 520bhp, 50Mbps, 45m2, 8GB",
    "metre": "6 'm' as metres against millions: 45m (148ft), 6.5m mirror",
    "minus-sub": "6 minus-8, sub-5 nanometre, now-21",
    "fold": "6 fourfold, threefold, doubled",
    "fraction": "6 fractions: 3/16, 1⁄64, a third, two-thirds",
    "no-merge": "6 no merging: six million 330ml cans",
    "unit-not-year": "6 no year reading before a unit: 2400 sq m, 1900 kW",
    "idiom": "6 multiplier idioms that are not figures: half-mast, second half, third-party",
    # control
    "plain": "0 ordinary figures (control)",
}
"""Class name -> its issue-13 group number and what it covers."""

APPROX_MODIFIERS = frozenset(
    {
        "about",
        "around",
        "roughly",
        "approximately",
        "some",
        "an estimated",
        "estimated",
        "nearly",
        "almost",
        "close to",
        "circa",
        "~",
    }
)
"""Modifiers of a range claim that make it an approximate range."""


@dataclass(frozen=True, slots=True)
class Gold:
    surface: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    range: bool
    direction: str | None
    unit: str


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    domain: str
    classes: tuple[str, ...]
    text: str
    quantities: tuple[Gold, ...]


@dataclass(frozen=True, slots=True)
class Item:
    """One predicted quantity, in the gold's terms."""

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    range: bool
    direction: str | None


@dataclass
class Scores:
    value: Tally = field(default_factory=Tally)
    full: Tally = field(default_factory=Tally)
    """value + qualifier (and range flag and direction)."""

    def add(self, other: Scores) -> None:
        self.value.add(other.value)
        self.full.add(other.full)


@dataclass
class Result:
    overall: Scores = field(default_factory=Scores)
    by_domain: dict[str, Scores] = field(default_factory=dict)
    by_class: dict[str, Scores] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)
    """One line per gold quantity not matched by value (or matched by value only)."""
    false_positives: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- loading


def _number(raw: Any) -> float | None:
    return None if raw is None else float(raw)


def _gold(text: str, raw: dict[str, Any], after: int) -> Gold:
    surface = str(raw["surface"])
    start = text.find(surface, after)
    if start < 0:
        start = text.find(surface)
    if start < 0:
        raise ValueError(f"surface {surface!r} is not in the text")
    is_range = bool(raw.get("range", False))
    value = _number(raw.get("value"))
    low, high = _number(raw.get("low")), _number(raw.get("high"))
    if is_range:
        if value is not None or (low is None and high is None):
            raise ValueError(f"range {surface!r} needs low and/or high, no value")
    elif value is None or low is not None or high is not None:
        raise ValueError(f"{surface!r} needs a value (low/high only with range = true)")
    return Gold(
        surface=surface,
        start=start,
        end=start + len(surface),
        value=value,
        low=low,
        high=high,
        qualifier=str(raw["qualifier"]),
        range=is_range,
        direction=None if raw.get("direction") is None else str(raw["direction"]),
        unit=str(raw.get("unit", "")),
    )


def _case(raw: dict[str, Any]) -> Case:
    text = str(raw["text"])
    golds: list[Gold] = []
    after = 0
    for item in raw["quantities"]:
        gold = _gold(text, item, after)
        golds.append(gold)
        after = gold.end
    return Case(
        id=str(raw["id"]),
        domain=str(raw["domain"]),
        classes=tuple(str(c) for c in raw["classes"]),
        text=text,
        quantities=tuple(golds),
    )


def raw_cases(folder: Path = FOLDER) -> list[tuple[str, dict[str, Any]]]:
    """(file name, case table) for every case of every domain file, in file order."""
    out: list[tuple[str, dict[str, Any]]] = []
    for domain in DOMAINS:
        path = folder / f"{domain}.toml"
        with path.open("rb") as handle:
            out.extend((path.name, case) for case in tomllib.load(handle)["case"])
    return out


def load(folder: Path = FOLDER) -> list[Case]:
    """Every case, with each gold surface located in its text (in order of listing: a
    surface is looked for after the previous one, so a repeated surface is listed twice)."""
    cases: list[Case] = []
    for name, raw in raw_cases(folder):
        try:
            cases.append(_case(raw))
        except (KeyError, ValueError) as exc:
            raise ValueError(f"{name}: case {raw.get('id', '?')!r}: {exc}") from None
    return cases


# ------------------------------------------------------------------------- predicting

_PERCENT_WORDS = ("%", "per cent", "percent", "pc", "percentage")


def _as_fraction(claim_text: str, unit: str | None) -> bool:
    lowered = claim_text.lower()
    return unit == "percent" and not any(w in lowered for w in _PERCENT_WORDS)


def ours(text: str) -> list[Item]:
    """numcheck's claims of ``text`` as predicted items (see the module docstring)."""
    items: list[Item] = []
    for claim in extract(text, published=ANCHOR):
        if claim.start is None or claim.end is None:
            continue
        value, low, high = claim.value, claim.low, claim.high
        if _as_fraction(claim.text, claim.unit):
            value, low, high = (None if v is None else v / 100 for v in (value, low, high))
        is_range = claim.qualifier == "range"
        if is_range:
            approx = (claim.modifier or "").lower() in APPROX_MODIFIERS
            qualifier = "approx" if approx else "exact"
        else:
            qualifier = claim.qualifier
        item = Item(claim.start, claim.end, claim.text, value, low, high, qualifier, is_range,
                    claim.direction)  # fmt: skip
        items.append(item)
    return items


def theirs(text: str) -> list[Item]:
    """quantulum3's quantities of ``text`` as predicted items (a crash finds nothing)."""
    items: list[Item] = []
    for q in quantulum3_parse(text):
        start, end = (int(x) for x in q.span)
        value = float(q.value)
        spread = float(getattr(q, "uncertainty", None) or 0.0)
        low, high = value - spread, value + spread
        item = Item(start, end, str(q.surface), value, low, high, "exact", bool(spread), None)
        items.append(item)
    return items


SYSTEMS: dict[str, Callable[[str], list[Item]]] = {"numcheck": ours, "quantulum3": theirs}


# ---------------------------------------------------------------------------- scoring


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def value_match(item: Item, gold: Gold) -> bool:
    """Overlapping, with the same value (a range: the same low and high)."""
    if not (item.start < gold.end and gold.start < item.end):
        return False
    if gold.range:
        return _close(item.low, gold.low) and _close(item.high, gold.high)
    return item.value is not None and _close(item.value, gold.value)


def full_match(item: Item, gold: Gold) -> bool:
    """The value match, the same qualifier and range flag, and the gold's direction."""
    return (
        value_match(item, gold)
        and item.qualifier == gold.qualifier
        and item.range == gold.range
        and (gold.direction is None or item.direction == gold.direction)
    )


def _describe(item: Item) -> str:
    shape = f"{item.low}..{item.high}" if item.range else f"{item.value}"
    direction = f" {item.direction}" if item.direction else ""
    return f"{item.text!r}={shape} {item.qualifier}{direction}"


def _gold_text(gold: Gold) -> str:
    shape = f"{gold.low}..{gold.high}" if gold.range else f"{gold.value}"
    direction = f" {gold.direction}" if gold.direction else ""
    return f"{gold.surface!r}={shape} {gold.qualifier}{direction}"


def score_case(case: Case, items: Sequence[Item], result: Result) -> None:
    """Add one case's tallies to ``result`` (overall, its domain, each of its classes)."""
    scores = Scores()
    for gold in case.quantities:
        scores.value.expected += 1
        scores.full.expected += 1
        by_value = [i for i in items if value_match(i, gold)]
        if by_value:
            scores.value.matched += 1
        if any(full_match(i, gold) for i in by_value):
            scores.full.matched += 1
        else:
            got = [_describe(i) for i in items if i.start < gold.end and gold.start < i.end]
            what = "qualifier" if by_value else "value"
            result.misses.append(f"{case.id}: {what} {_gold_text(gold)}; got {got}")
    for item in items:
        scores.value.predicted += 1
        scores.full.predicted += 1
        if any(value_match(item, g) for g in case.quantities):
            scores.value.correct += 1
        else:
            result.false_positives.append(f"{case.id}: {_describe(item)} in {case.text!r}")
        if any(full_match(item, g) for g in case.quantities):
            scores.full.correct += 1
    result.overall.add(scores)
    result.by_domain.setdefault(case.domain, Scores()).add(scores)
    for name in case.classes:
        result.by_class.setdefault(name, Scores()).add(scores)


def score(cases: Sequence[Case] | None = None, *, system: str = "numcheck") -> Result:
    """Score ``system`` (``numcheck`` or ``quantulum3``) on every case (or ``cases``)."""
    predict = SYSTEMS[system]
    result = Result()
    for case in load() if cases is None else cases:
        score_case(case, predict(case.text), result)
    return result


# ---------------------------------------------------------------------------- report


def _row(name: str, s: Scores) -> str:
    v, f = s.value, s.full
    return (
        f"{name:<14} {v.expected:>4} {v.predicted:>4} {v.precision:>6.1%} {v.recall:>6.1%} "
        f"{v.f1:>6.1%}   {f.precision:>6.1%} {f.recall:>6.1%} {f.f1:>6.1%}"
    )


def _table(title: str, result: Result) -> None:
    print(f"\n{title}")
    head = f"{'':<14} {'gold':>4} {'pred':>4} {'P':>6} {'R':>6} {'F1':>6}   {'P':>6} {'R':>6}"
    print(f"{'':<14} {'':>4} {'':>4} {'value':^20}   {'value+qualifier':^20}")
    print(f"{head} {'F1':>6}")
    print(_row("overall", result.overall))
    for domain in DOMAINS:
        if domain in result.by_domain:
            print(_row(domain, result.by_domain[domain]))
    print("per class (a case counts in each of its classes):")
    for name in CLASSES:
        if name in result.by_class:
            print(_row(name, result.by_class[name]))


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    cases = load()
    total = sum(len(c.quantities) for c in cases)
    print(f"{len(cases)} cases, {total} gold quantities, anchor {ANCHOR}")
    result = score(cases)
    _table("numcheck", result)
    if verbose:
        print(f"\nmissed or wrong qualifier ({len(result.misses)}):")
        for line in result.misses:
            print(f"  {line}")
        print(f"\nfalse positives ({len(result.false_positives)}):")
        for line in result.false_positives:
            print(f"  {line}")
    if "--quantulum3" in args:
        peer = score(cases, system="quantulum3")
        _table("quantulum3 (same cases, same scorer)", peer)
        ours_o, theirs_o = result.overall, peer.overall
        print(
            f"\nvalue F1: numcheck {ours_o.value.f1:.1%}, quantulum3 {theirs_o.value.f1:.1%}; "
            f"value+qualifier F1: numcheck {ours_o.full.f1:.1%}, "
            f"quantulum3 {theirs_o.full.f1:.1%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
