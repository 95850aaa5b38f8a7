"""Score :func:`numcheck.find_numbers` on the Microsoft Recognizers-Text number specs.

Run ``python tests/eval_recognizers.py`` for precision, recall and F1 by type (number /
percent / range) and overall; :func:`score` returns the same figures for the tests.

Matching (see ``../shared/conformance/README.md`` for the file format):

- an expected ``number`` or ``percent`` is matched by a mention that overlaps it and has
  the same value (percent values in percent points). The reference Number model reports
  years and the parts of dates as numbers; our finder reports them as ``year``/``date``
  mentions, which match an expected number when it is one of their ``parts``;
- an expected ``range`` is matched by an overlapping mention with the same low and high
  (open sides ``None``). Inclusiveness is not compared: "25000 to 30000" is half-open in
  the reference and closed here (a documented choice, see ``docs/numbers.md``);
- a negative case (``expected: []``) is respected when nothing of the type its model
  tests is found: no figure (Number model), no bounded interval (NumberRange model: a
  mention whose qualifier is not exact/approx), no percent (Percent model). Non-figure
  mentions (years, dates, ordinals, pronouns, identifiers) never violate a negative.

Precision counts figure mentions (:attr:`NumberMention.is_figure`) only: a figure that
matches no expected item of its case is a false positive.

Cases in :data:`DEVIATIONS` are deliberate differences, listed with the reason; they are
scored like the others (the headline score includes them) and shown separately.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scoring import Tally

from numcheck._numbers import NumberMention, find_numbers

SPECS = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "conformance"
    / "recognizers-text"
    / "number-specs.jsonl"
)

DEVIATIONS: dict[str, str] = {
    "1m isn't a number.": (
        "news write '1.2m'/'4m' for millions, so a glued 'm' after digits is a million "
        "(the reference reads it as one metre)"
    ),
    "The number is from 200 to 300 in 2008": (
        "the reference drops this range because of the following year; here 'from 200 to "
        "300' is a range and 2008 a year"
    ),
    "10G": "a glued 'G' (giga) is read as an identifier ('4G', '5G networks'), kind other",
    "1,674.5 G": "'G' is not a scale word in news text; the number is 1674.5",
    "one hundred one thousand fifths": (
        "read as 101000/5; the reference splits it as 100/1005, which no news text needs"
    ),
    "How about more than 2 in 5": (
        "'2 in 5' is read as the ratio 0.4 (as the reference itself does for '2 in 5 or "
        "more'), so the bound is 'more than 0.4'"
    ),
    "He ranks between the tenth and the fifteenth.": (
        "ordinals are ranks, not amounts: reported as two ordinal mentions, not a range"
    ),
    "He ranks higher than the tenth but lower than the fifteenth.": (
        "ordinals are ranks, not amounts: reported as two ordinal mentions, not a range"
    ),
}
"""Input -> reason, for every case where numcheck deliberately differs from the reference."""

TYPES = ("number", "percent", "range")


@dataclass
class Result:
    by_type: dict[str, Tally] = field(default_factory=lambda: {t: Tally() for t in TYPES})
    negatives: int = 0
    negatives_respected: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)
    """(input, what went wrong) for every unmatched item or violated negative."""

    @property
    def overall(self) -> Tally:
        total = Tally()
        for t in self.by_type.values():
            total.expected += t.expected
            total.matched += t.matched
            total.predicted += t.predicted
            total.correct += t.correct
        return total

    def unexplained(self) -> list[tuple[str, str]]:
        return [f for f in self.failures if f[0] not in DEVIATIONS]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _overlaps(m: NumberMention, item: dict[str, Any]) -> bool:
    return m.start < int(item["end"]) and int(item["start"]) < m.end


def _matches(m: NumberMention, item: dict[str, Any]) -> bool:
    if not _overlaps(m, item):
        return False
    kind = item["type"]
    if kind == "range":
        low, high = item["range"][0], item["range"][1]
        return _close(m.low, low) and _close(m.high, high)
    value = float(item["value"])
    if kind == "percent" and m.kind != "percent":
        return False
    if m.parts is not None and any(p is not None and _close(float(p), value) for p in m.parts):
        return True
    return _close(m.value, value)


def _model(source: str) -> str:
    name = source.rsplit("/", 1)[-1]
    if "Range" in name:
        return "range"
    if "Percent" in name:
        return "percent"
    return "number"


def _violates(m: NumberMention, model: str) -> bool:
    if model == "range":
        return m.qualifier not in ("exact", "approx")
    if model == "percent":
        return m.kind == "percent"
    return m.is_figure


def _type_of(m: NumberMention) -> str:
    if m.kind == "percent":
        return "percent"
    if m.qualifier in ("exact", "approx"):
        return "number"
    return "range"


def load(path: Path = SPECS) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score(cases: Sequence[dict[str, Any]] | None = None) -> Result:
    """Score every case of the spec file (or ``cases``)."""
    result = Result()
    for case in load() if cases is None else cases:
        text = case["input"]
        expected = case["expected"]
        mentions = find_numbers(text)
        model = _model(case["source"])
        if not expected:
            result.negatives += 1
            bad = [m for m in mentions if _violates(m, model)]
            if bad:
                result.failures.append((text, f"negative: found {[m.text for m in bad]}"))
            else:
                result.negatives_respected += 1
            continue
        for item in expected:
            tally = result.by_type[item["type"]]
            tally.expected += 1
            if any(_matches(m, item) for m in mentions):
                tally.matched += 1
            else:
                got = [(m.text, m.kind, m.value, m.low, m.high) for m in mentions]
                result.failures.append((text, f"missed {item['text']!r}: got {got}"))
        for m in mentions:
            if not m.is_figure:
                continue
            tally = result.by_type[_type_of(m)]
            tally.predicted += 1
            if any(_matches(m, item) for item in expected):
                tally.correct += 1
    return result


def main() -> int:
    if not SPECS.exists():
        print(f"conformance file not found: {SPECS}")
        return 1
    result = score()
    print(f"{'type':<8} {'expected':>8} {'matched':>8} {'recall':>7} {'precision':>9} {'F1':>6}")
    rows = [*result.by_type.items(), ("overall", result.overall)]
    for name, t in rows:
        print(
            f"{name:<8} {t.expected:>8} {t.matched:>8} {t.recall:>7.1%} "
            f"{t.precision:>9.1%} {t.f1:>6.3f}"
        )
    print(f"negatives respected: {result.negatives_respected}/{result.negatives}")
    print(f"\ndeliberate deviations ({len(DEVIATIONS)}):")
    for text, reason in DEVIATIONS.items():
        print(f"  {text!r}: {reason}")
    unexplained = result.unexplained()
    print(f"\nunexplained failures ({len(unexplained)}):")
    for text, what in unexplained:
        print(f"  {text!r}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
