"""Score numcheck's claims on the seed articles against the hand-annotated table.

Run ``python tests/eval_seeds.py`` to print recall, precision and per-field accuracy.
The expectations live in ``tests/data/seed_claims.toml`` (see its header).
"""

from __future__ import annotations

import math
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "seed_claims.toml"
GOAL_CATEGORIES = ("troops", "casualties", "attacks", "size")
FIELDS = ("unit", "subject", "location", "year")

sys.path.insert(0, str(ROOT))

from numcheck import Claim, load_articles  # noqa: E402
from numcheck._pipeline import extract_articles  # noqa: E402


def _squash(text: str) -> str:
    return " ".join(text.split())


def _matches(claim: Claim, row: dict[str, Any]) -> bool:
    return (
        claim.article == row["article"]
        and claim.text == row["text"]
        and _squash(row.get("near", "")) in _squash(claim.sentence)
    )


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-5)


def _value_ok(claim: Claim, row: dict[str, Any]) -> bool:
    if claim.qualifier != row["qualifier"]:
        return False
    if "low" in row and not _close(claim.low, row["low"]):
        return False
    return "high" not in row or _close(claim.high, row["high"])


def _field(claim: Claim, name: str) -> object:
    if name == "year":
        end = claim.time.end or claim.time.start
        return end.year if end else None
    return getattr(claim, name)


def _field_ok(claim: Claim, row: dict[str, Any], name: str) -> bool:
    expected = row[name]
    options = expected if isinstance(expected, list) else [expected]
    return _field(claim, name) in options


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, what: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append(what)

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0


@dataclass
class Score:
    found: dict[str, Tally]  # per category: found with the right value and qualifier
    fields: dict[str, Tally]  # per field, over the goal categories
    all_fields: dict[str, Tally]  # per field, over every row
    precision: Tally  # extracted claims that are in the table
    traps: list[str]  # trap numbers that became claims

    def goal_recall(self) -> float:
        right = sum(self.found[c].right for c in GOAL_CATEGORIES if c in self.found)
        total = sum(self.found[c].total for c in GOAL_CATEGORIES if c in self.found)
        return right / total if total else 1.0


def load_table(path: Path = TABLE) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return data.get("claim", []), data.get("trap", [])


def score(
    claims: Sequence[Claim], rows: Sequence[dict[str, Any]], traps: Sequence[dict[str, Any]]
) -> Score:
    found: dict[str, Tally] = {}
    fields = {name: Tally() for name in FIELDS}
    all_fields = {name: Tally() for name in FIELDS}
    for row in rows:
        label = f"{row['article'][:3]} {row['text']!r}"
        match = next((c for c in claims if _matches(c, row)), None)
        ok = match is not None and _value_ok(match, row)
        found.setdefault(row["category"], Tally()).add(ok, label)
        for name in FIELDS:
            if name not in row:
                continue
            right = match is not None and _field_ok(match, row, name)
            got = _field(match, name) if match is not None else "not found"
            what = f"{label}: {name} {got!r}, expected {row[name]!r}"
            all_fields[name].add(right, what)
            if row["category"] in GOAL_CATEGORIES:
                fields[name].add(right, what)
    precision = Tally()
    for claim in claims:
        precision.add(
            any(_matches(claim, row) for row in rows),
            f"{claim.article[:3]} {claim.text!r} ({claim.unit})",
        )
    trapped = [
        f"{t['article'][:3]} {t['text']!r}"
        for t in traps
        if any(_matches(c, {"near": "", **t}) for c in claims)
    ]
    return Score(found, fields, all_fields, precision, trapped)


def seed_score() -> Score:
    rows, traps = load_table()
    claims = extract_articles(load_articles(ROOT / "seeds"))
    return score(claims, rows, traps)


def report(result: Score) -> str:
    lines = ["Seed claims: found with the right value and qualifier, by category"]
    for category, tally in sorted(result.found.items()):
        goal = " (goal)" if category in GOAL_CATEGORIES else ""
        lines.append(f"  {category:<11} {tally.right:>3}/{tally.total:<3} {tally.rate:6.1%}{goal}")
    lines.append(f"  goal recall {result.goal_recall():.1%}")
    lines.append("Field accuracy (goal categories | all rows)")
    for name in FIELDS:
        goal, every = result.fields[name], result.all_fields[name]
        lines.append(
            f"  {name:<9} {goal.right:>3}/{goal.total:<3} {goal.rate:6.1%}   |"
            f" {every.right:>3}/{every.total:<3} {every.rate:6.1%}"
        )
    p = result.precision
    lines.append(f"Precision: {p.right}/{p.total} extracted claims are in the table ({p.rate:.1%})")
    lines.append(f"Traps extracted as claims: {len(result.traps)} {result.traps}")
    misses = [m for t in result.found.values() for m in t.misses]
    misses += [m for t in result.all_fields.values() for m in t.misses]
    misses += [f"not in table: {m}" for m in p.misses]
    if misses:
        lines.append("Misses:")
        lines += [f"  - {m}" for m in misses]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(seed_score()))
