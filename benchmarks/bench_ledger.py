"""Checking one new article against a ledger of 10^6 claims: the goal is under 100 ms.

Run: ``python benchmarks/bench_ledger.py [--claims N] [--ledger FILE]`` (not part of the
test suite; about two minutes for 10^6 claims). It builds a synthetic ledger with
:meth:`numcheck.Ledger.add_claims` (one transaction) and prints the ingest time, the file
size, and the median and 95th percentile of ``Ledger.check([article])`` for new articles
(extraction included).

The synthetic claims, all seeded: 10 measures x 12 subjects x 25 places = 3,000 keys,
each claim's key drawn uniformly (about 333 claims per key at 10^6); 10 claims per
article, articles published uniformly over 2000-2024; each key follows its own level
(10^2..10^5, slowly drifting, growing for cumulative measures) with 10% noise; 50% of
times are the publication date, 30% a year, 15% a month, 5% unknown; 60% exact figures,
30% "about" (rounded), 10% "at least". The new articles are real sentences run through
the extractor, about five figures each, whose keys are in the ledger.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck import Article, Claim, Ledger, Rules, TimeSpan, extract  # noqa: E402

MEASURES = [
    "troops",
    "deaths",
    "attacks",
    "injured",
    "displaced",
    "fighters",
    "refugees",
    "people",
    "civilians",
    "bases",
]
CUMULATIVE = {"deaths", "attacks", "injured", "displaced"}
SUBJECTS = [None, "US", "UK", "PMU", "UN", "Turkey", "Iran", "Russia", "France", "NATO"]
SUBJECTS += ["Germany", "Israel"]
PLACES = "Iraq Syria Baghdad Mosul Basra Erbil Kirkuk Anbar Aleppo Damascus Raqqa Idlib".split()
PLACES += "Homs Fallujah Ramadi Tikrit Najaf Karbala Sulaymaniyah Deir Hasakah Latakia".split()
PLACES += ["Dohuk", "Samarra", "Diyala"]
ARTICLE_CLAIMS = 10
START = dt.date(2000, 1, 1)
DAYS = (dt.date(2024, 12, 31) - START).days

NEW_SENTENCES = [
    "About {n:,} US troops are in {place} now, officials said.",
    "There are {n:,} Turkish troops in {place}.",
    "At least {n:,} people were killed in {place} last week.",
    "More than {n:,} families were displaced in {place} this month.",
    "Some {n:,} attacks hit bases in {place} since October.",
    "UN officials said {n:,} civilians were injured in {place}.",
]


def level(key_index: int, day: int, measure: str) -> float:
    rng = random.Random(key_index)
    base = 10 ** rng.uniform(2, 5)
    years = day / 365.25
    if measure in CUMULATIVE:
        return base * (1 + years / 4)
    return base * (1 + 0.4 * math.sin(years / 3 + rng.uniform(0, 6)))


def synthetic(articles: int, seed: int = 6) -> Iterator[tuple[Article, list[Claim]]]:
    rng = random.Random(seed)
    keys = [(m, s, p) for m in MEASURES for s in SUBJECTS for p in PLACES]
    for number in range(articles):
        published = START + dt.timedelta(days=rng.randrange(DAYS))
        article = Article(
            id=f"wire-{number:07d}",
            text=f"(synthetic article {number})",
            published=published,
            source=rng.choice(["Wire A", "Wire B", "Daily C", "Agency D"]),
        )
        claims = []
        for slot in range(ARTICLE_CLAIMS):
            index = rng.randrange(len(keys))
            measure, subject, place = keys[index]
            shape = rng.random()
            if shape < 0.5:
                time_ = TimeSpan(start=published, end=published, basis="published")
                day = (published - START).days
            elif shape < 0.8:
                year = published.year - rng.randrange(4)
                time_ = TimeSpan(
                    start=dt.date(year, 1, 1), end=dt.date(year, 12, 31), basis="explicit"
                )
                day = (dt.date(year, 7, 1) - START).days
            elif shape < 0.95:
                first = published.replace(day=1)
                last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                time_ = TimeSpan(start=first, end=last, basis="relative", text="this month")
                day = (first - START).days
            else:
                time_ = TimeSpan()
                day = (published - START).days
            value = round(level(index, day, measure) * rng.uniform(0.9, 1.1))
            form = rng.random()
            if form < 0.6:
                text, qualifier, modifier = f"{value:,}", "exact", None
                low, high = value, value
            elif form < 0.9:
                value = round(value, -max(0, len(str(value)) - 2))
                text, qualifier, modifier = f"about {value:,}", "approx", "about"
                low, high = value, value
            else:
                text, qualifier, modifier = f"at least {value:,}", "at_least", "at least"
                low, high = value, None
            who = f"{subject} " if subject else ""
            sentence = f"Officials said {text} {who}{measure} were counted in {place}."
            start = 40 * slot
            claims.append(
                Claim(
                    article=article.id,
                    start=start,
                    end=start + len(text),
                    text=text,
                    sentence=sentence,
                    value=value,
                    low=low,
                    high=high,
                    qualifier=qualifier,
                    unit=measure,
                    subject=subject,
                    location=place,
                    time=time_,
                    modifier=modifier,
                    anchor=published,
                    source=article.source,
                )
            )
        yield article, claims


def new_articles(count: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    out = []
    for number in range(count):
        text = " ".join(
            template.format(n=rng.randrange(50, 20000), place=rng.choice(PLACES[:12]))
            for template in rng.sample(NEW_SENTENCES, 5)
        )
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(360))
        out.append(Article(id=f"new-{number}", text=text, published=published))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--ledger", help="where to build it (default: a temporary folder)")
    parser.add_argument("--checks", type=int, default=50, help="new articles to check")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = Path(args.ledger or Path(folder.name) / "bench.db")
    path.unlink(missing_ok=True)
    with Ledger(path) as ledger:
        started = time.perf_counter()
        done = ledger.add_claims(synthetic(args.claims // ARTICLE_CLAIMS))
        ingest = time.perf_counter() - started
        print(
            f"ingest: {done.added:,} articles, {done.claims:,} claims in {ingest:.1f} s "
            f"({done.claims / ingest:,.0f} claims/s, synthetic generation included)"
        )
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"file: {size / 1e6:,.0f} MB ({size / done.claims:,.0f} bytes per claim)")

    rules = Rules()
    with Ledger(path, create=False) as ledger:
        articles = new_articles(args.checks)
        ledger.check(articles[:1], rules=rules)  # warm up: word lists, page cache
        times, read, found = [], [], 0
        for article in articles:
            started = time.perf_counter()
            result = ledger.check([article], rules=rules)
            times.append(time.perf_counter() - started)
            found += len(result)
            keys = {c.key for c in extract(article.text, published=article.published)}
            read.append(len(ledger._rows(keys)))
    times.sort()
    p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]
    print(
        f"check one new article ({statistics.mean(read):,.0f} ledger claims of its keys on "
        f"average, {found / len(times):.1f} discrepancies): median "
        f"{statistics.median(times) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms over {len(times)} articles (goal: under 100 ms)"
    )
    folder.cleanup()


if __name__ == "__main__":
    main()
