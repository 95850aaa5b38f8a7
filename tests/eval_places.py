"""Location accuracy on ``tests/data/places_eval.toml``: the hand list only vs the gazetteer.

Run ``python tests/eval_places.py`` to print, per category and overall, the share of
sentences whose figure gets its gold place (a sentence with gold "" must get no place),
framed with the packaged hand list only and with the generated gazetteer behind it.
"""

from __future__ import annotations

import dataclasses
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE = ROOT / "tests" / "data" / "places_eval.toml"

sys.path.insert(0, str(ROOT))

from numcheck import extract  # noqa: E402
from numcheck._lexicon import Lexicon, default_lexicon  # noqa: E402


@dataclass(frozen=True)
class Outcome:
    id: str
    category: str
    gold: str
    found: str | None  # None: the figure was not extracted

    @property
    def right(self) -> bool:
        return self.found == self.gold


def cases() -> list[dict[str, Any]]:
    with TABLE.open("rb") as handle:
        return list(tomllib.load(handle)["case"])


def lexicon(*, gazetteer: bool) -> Lexicon:
    return dataclasses.replace(default_lexicon(), gazetteer=gazetteer)


def outcomes(*, gazetteer: bool) -> list[Outcome]:
    """The place numcheck gives each case's figure."""
    words = lexicon(gazetteer=gazetteer)
    result = []
    for case in cases():
        claims = [
            c for c in extract(case["text"], lexicon=words) if c.text.endswith(case["figure"])
        ]
        found = (claims[0].location or "") if claims else None
        result.append(Outcome(case["id"], case["category"], case["place"], found))
    return result


def accuracy(results: list[Outcome]) -> float:
    return sum(r.right for r in results) / len(results)


def main() -> int:
    hand, full = outcomes(gazetteer=False), outcomes(gazetteer=True)
    categories = sorted({r.category for r in hand})
    print(f"{'category':10} {'cases':>5} {'hand list':>10} {'gazetteer':>10}")
    for category in [*categories, "all"]:
        pick = [i for i, r in enumerate(hand) if category in ("all", r.category)]
        before = accuracy([hand[i] for i in pick])
        after = accuracy([full[i] for i in pick])
        print(f"{category:10} {len(pick):5} {before:10.0%} {after:10.0%}")
    wrong = [r for r in full if not r.right]
    if wrong:
        print("\nwrong with the gazetteer:")
        for r in wrong:
            print(f"  {r.id}: gold {r.gold!r}, got {r.found!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
