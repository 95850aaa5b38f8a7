"""Seconds per MB of numcheck.extract on adversarial input shapes, against news text.

Run: ``python benchmarks/bench_adversarial.py [--quick] [--runs N] [--only NAME ...]``
(not part of the test suite). Every shape is a short unit repeated to 0.25, 0.5, 1 and
2 MB (1 MB = 1,000,000 characters); news text is the bodies of the five seed articles
repeated, timed in the same run. For each shape the table shows seconds per MB at each
size (best of ``--runs``), the ratio to news per MB at the largest size, and the growth:
seconds per MB at the largest size / at the smallest (linear gives 1; quadratic gives
8 from 0.25 to 2 MB). A shape is flagged over 3x news or with growth over 1.5.
``--quick`` times 62.5 KB to 500 KB, once each.

Times are CPU seconds of this process (``time.process_time``): on a shared, loaded
machine they move much less than wall-clock seconds, and extraction runs on one thread.

A shape whose time at one size passes ``--budget`` seconds is not timed at larger sizes
(its growth is then measured over the sizes it reached) so a quadratic shape cannot
stall the run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck import extract, load_articles  # noqa: E402

MB = 1_000_000
SIZES = (250_000, 500_000, 1_000_000, 2_000_000)
QUICK_SIZES = (62_500, 125_000, 250_000, 500_000)
RATIO_LIMIT = 3.0
GROWTH_LIMIT = 1.5

SOLDIER = "\u062c\u0646\u062f\u064a"  # Arabic "soldier"
SHAPES: dict[str, str] = {
    # from issue 11
    "glued-letters-digits": "troops5killed12wounded3in2019and",
    "one-one-one": "one ",
    "1-to-1-to": "1 to ",
    "zero-width-in-digits": "1\u200b2\u200b3\u200b,\u200b000 troops ",
    "fullwidth-digits": "\uff11\uff12\uff0c\uff15\uff10\uff10 troops in \uff12\uff10\uff11\uff19 ",
    "arabic-indic-digits": f"\u0662\u0665\u0660\u0660 {SOLDIER} \u0661\u0662\u0663 troops ",
    "rtl-marks-numbers": f"\u200f2,500\u200f {SOLDIER} \u202b900 troops\u202c in 2019 ",
    # from tests/test_extract_speed.py and tests/test_numbers_speed.py
    "dense-digits": "1 2 3 4 5 6 7 8 9 ",
    "digit-run": "1",
    "comma-runs": "1,1,1,1,1,1,",
    "hyphen-runs": "1-1-1-1-",
    "hyphen-only": "-",
    "dot-runs": "1.",
    "to-runs": "to ",
    "tens-words": "twenty ",
    "number-words": "one two three thousand ",
    "qualifier-runs": "more than ",
    "a-runs": "a ",
    "framed-no-stop": "There are roughly 2,500 US troops in Iraq and about 900 in Syria ",
    "dates-and-places": "in November 2007 since mid-October until 2017 in Iraq and Syria and ",
    "news-like": "About 2,500 troops in 2014, between 3 and 5 million; ",
    # other shapes
    "punctuation-line": "!?.,;:-_=+*/\\|\"'()[]{}<>",
    "parens-quotes": '("2") [\u201c3\u201d] ',
    "long-word": "x" * 997 + " 12 ",
    "capitalized-words": "Iraq Syria United States Baghdad Army ",
    "percent-runs": "5% ",
    "money-runs": "$2.7bn ",
    "dates-only": "January 5, 2019 ",
}


def seed_texts() -> list[str]:
    """The article bodies of ``seeds/`` (front matter left out)."""
    return [article.text for article in load_articles(ROOT / "seeds")]


def news_text(size: int, texts: list[str]) -> str:
    """The seed bodies, separated by blank lines, repeated to ``size`` characters."""
    unit = "\n\n".join(texts) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def best_seconds(text: str, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        extract(text, published="2024-01-29")
        best = min(best, time.process_time() - started)
    return best


def measure(text_of: object, sizes: tuple[int, ...], runs: int, budget: float) -> list[float]:
    """Seconds per MB at each size; stops (shorter list) after a size over ``budget``."""
    per_mb: list[float] = []
    for size in sizes:
        seconds = best_seconds(text_of(size), runs)  # type: ignore[operator]
        per_mb.append(seconds / (size / MB))
        if seconds > budget:
            break
    return per_mb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="62.5 KB to 500 KB, one run")
    parser.add_argument("--runs", type=int, help="best of N runs (default 3, quick 1)")
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per size at most")
    parser.add_argument("--only", nargs="*", help="only these shapes (names)")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else SIZES
    runs = args.runs or (1 if args.quick else 3)
    texts = seed_texts()
    extract(news_text(200_000, texts), published="2024-01-29")  # warm up: loads the tables

    news = measure(lambda size: news_text(size, texts), sizes, runs, args.budget)
    header = "  ".join(f"{s / MB:>6.4g}MB" for s in sizes)
    print(f"seconds per MB of numcheck.extract (best of {runs}); 1 MB = 1,000,000 chars")
    print(f"{'shape':<24}{header}  {'x news':>7}  {'growth':>6}")
    row = "  ".join(f"{v:>8.2f}" for v in news)
    print(f"{'news (seeds)':<24}{row}  {1.0:>7.2f}  {news[-1] / news[0]:>6.2f}")
    flagged: list[str] = []
    for name, unit in SHAPES.items():
        if args.only and name not in args.only:
            continue
        per_mb = measure(lambda size, u=unit: repeated(u, size), sizes, runs, args.budget)
        ratio = per_mb[-1] / news[len(per_mb) - 1]
        growth = per_mb[-1] / per_mb[0]
        cells = [f"{v:>8.2f}" for v in per_mb] + ["       -"] * (len(sizes) - len(per_mb))
        notes = []
        if ratio > RATIO_LIMIT:
            notes.append(f"over {RATIO_LIMIT:g}x news")
        if growth > GROWTH_LIMIT:
            notes.append("not linear")
        if len(per_mb) < len(sizes):
            notes.append("stopped: over budget")
        if notes:
            flagged.append(name)
        line = f"{name:<24}{'  '.join(cells)}  {ratio:>7.2f}  {growth:>6.2f}"
        print(f"{line}  {'; '.join(notes)}".rstrip(), flush=True)
    print(f"flagged: {', '.join(flagged) if flagged else 'none'}")
    return 1 if flagged else 0


if __name__ == "__main__":
    raise SystemExit(main())
