"""Scale of the consistency engine: time and peak memory for 10^3 to 10^6 claims.

Run: ``python benchmarks/bench_compare.py [--max 1000000] [--worst]`` (not part of the
test suite). Each size runs in a fresh process, so the peak resident memory (ru_maxrss)
is that size's own, claims included. Goal: 10^6 claims checked in under 60 s and 2 GB.

The synthetic corpus looks like a news archive: 3,000 keys (6 measures x 20 subjects x
25 locations, drawn with a skew so that some keys are crowded); per key a level that
drifts year by year over 2000-2025; 85% of claims state that year's level, 15% a figure
that is off (×0.5 to ×2), all rounded to two digits as reporters round (so many claims
are copies of a figure); times are days (60%), months (20%), years
(15%) or unknown (5%); qualifiers exact, about, at least, more than, ranges and vague.
``--worst`` adds one adversarial key: every claim on the same day with its own value.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck import Claim, Rules, TimeSpan  # noqa: E402
from numcheck._compare import compare  # noqa: E402

MEASURES = ["troops", "deaths", "attacks", "injured", "displaced", "fighters"]
SUBJECTS = [f"S{i}" for i in range(20)]
PLACES = [f"P{i}" for i in range(25)]
GOAL_SECONDS, GOAL_BYTES = 60.0, 2 * 1024**3


def synthetic(n: int, seed: int = 1, worst: bool = False) -> list[Claim]:
    rnd = random.Random(seed)
    keys = [(m, s, p) for m in MEASURES for s in SUBJECTS for p in PLACES]
    weights = [1 / (i + 1) ** 0.8 for i in range(len(keys))]
    level = {k: 10 ** rnd.uniform(1, 5) for k in keys}
    drift = {k: rnd.uniform(-0.08, 0.12) for k in keys}
    spans: dict[tuple[str, int, int], TimeSpan] = {}  # shared: claims are immutable

    def span(kind: str, year: int, day: int) -> TimeSpan:
        if (kind, year, day) not in spans:
            if kind == "day":
                start = end = dt.date(year, 1, 1) + dt.timedelta(days=day)
            elif kind == "month":
                start = dt.date(year, day % 12 + 1, 1)
                end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
            else:
                start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
            spans[kind, year, day] = TimeSpan(start=start, end=end, basis="explicit")
        return spans[kind, year, day]

    claims: list[Claim] = []
    picks = rnd.choices(keys, weights, k=n)
    for i, key in enumerate(picks):
        year = rnd.randint(2000, 2025)
        roll = rnd.random()
        anchor = dt.date(year, 1, 1) + dt.timedelta(days=rnd.randint(0, 364))
        if roll < 0.05:
            when = TimeSpan()  # unknown time: placed at its publication date (anchor)
        elif roll < 0.65:
            when = span("day", year, rnd.randint(0, 364))
        elif roll < 0.85:
            when = span("month", year, rnd.randint(0, 11))
        else:
            when = span("year", year, 0)
        value = level[key] * (1 + drift[key]) ** (year - 2000)
        if rnd.random() < 0.15:  # a figure that is off: another source, a typo, a misreading
            value *= rnd.choice((0.5, 0.7, 0.8, 1.25, 1.5, 2.0))
        value = float(f"{value:.2g}")  # reporters round: many copies of one figure
        q = rnd.random()
        fields: dict[str, object] = {"value": value, "qualifier": "exact"}
        if q < 0.15:
            fields["qualifier"] = "approx"
        elif q < 0.22:
            fields.update(qualifier="at_least", low=value, high=None)
        elif q < 0.27:
            fields.update(qualifier="more_than", low=value, high=None)
        elif q < 0.30:
            fields.update(qualifier="range", value=None, low=value * 0.9, high=value * 1.1)
        elif q < 0.33:
            fields.update(qualifier="vague", value=None, low=value, high=value * 5)
        claims.append(
            Claim(
                article=f"a{i // 20}",
                start=(i % 20) * 100,
                end=(i % 20) * 100 + 5,
                text=f"{value:g}",
                unit=key[0],
                subject=key[1],
                location=key[2],
                time=when,
                anchor=anchor,
                **fields,  # type: ignore[arg-type]
            )
        )
    if worst:
        day = span("day", 2024, 0)
        for i in range(n // 10):
            claims.append(
                Claim(
                    article=f"w{i}",
                    start=0,
                    end=4,
                    text=str(1000 + i),
                    value=1000 + i,
                    unit="troops",
                    subject="W",
                    location="W",
                    time=day,
                )
            )
    return claims


def run_one(n: int, worst: bool) -> dict[str, float]:
    started = time.perf_counter()
    claims = synthetic(n, worst=worst)
    built = time.perf_counter() - started
    started = time.perf_counter()
    found = compare(claims, Rules())
    checked = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # KiB on Linux
    keys = len({c.key for c in claims})
    return {
        "claims": len(claims),
        "keys": keys,
        "build_s": built,
        "check_s": checked,
        "peak_bytes": peak,
        "findings": len(found),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max", type=int, default=1_000_000)
    parser.add_argument("--worst", action="store_true", help="add an adversarial key")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.worst)))
        return
    sizes = [n for n in (10**3, 10**4, 10**5, 10**6) if n <= args.max]
    print(
        f"{'claims':>9} {'keys':>6} {'build s':>8} {'check s':>8} {'µs/claim':>9} "
        f"{'peak MB':>8} {'findings':>9}"
    )
    rows = []
    for n in sizes:
        command = [sys.executable, __file__, "--one", str(n)] + (["--worst"] if args.worst else [])
        row = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        rows.append(row)
        print(
            f"{row['claims']:>9,} {row['keys']:>6,} {row['build_s']:>8.2f} {row['check_s']:>8.2f} "
            f"{1e6 * row['check_s'] / row['claims']:>9.1f} {row['peak_bytes'] / 2**20:>8.0f} "
            f"{row['findings']:>9,}"
        )
    for before, after in itertools.pairwise(rows):
        growth = (after["check_s"] / before["check_s"]) / (after["claims"] / before["claims"])
        print(
            f"{before['claims']:,} -> {after['claims']:,} claims: time per claim "
            f"x{growth:.2f} (1.00 = linear)"
        )
    last = rows[-1]
    if last["claims"] >= 10**6:
        ok = last["check_s"] < GOAL_SECONDS and last["peak_bytes"] < GOAL_BYTES
        print(f"goal 10^6 claims < {GOAL_SECONDS:.0f} s and < 2 GB: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
