"""Throughput of numcheck.find_numbers and numcheck.extract against quantulum3's parser.

Run: ``python benchmarks/bench_vs_quantulum3.py`` (not part of the test suite).
The bodies of the five seed articles are repeated to a few hundred KB for numcheck and
to a smaller size for quantulum3 (much slower), in the same run; throughputs are
normalized to characters per second. Goals: find_numbers >= 50x, extract >= 20x.
"""

from __future__ import annotations

import logging
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck import extract, find_numbers, load_articles  # noqa: E402

TARGET_CHARS = 400_000  # numcheck
PEER_CHARS = 25_000  # quantulum3
GOALS = {"find_numbers": 50.0, "extract": 20.0}


def seed_texts() -> list[str]:
    """The article bodies of ``seeds/`` (front matter left out)."""
    return [article.text for article in load_articles(ROOT / "seeds")]


def _extract(text: str) -> object:
    return extract(text, published="2024-01-29")


def corpus(texts: list[str], size: int) -> list[str]:
    """The seed texts repeated until they total at least ``size`` characters."""
    out: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            out.append(text)
            total += len(text)
    return out


def throughput(parse: object, docs: list[str], rounds: int = 3) -> float:
    """Best characters per second over a few rounds."""
    chars = sum(len(d) for d in docs)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for doc in docs:
            parse(doc)  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return chars / best


def main() -> int:
    texts = seed_texts()
    ours_docs = corpus(texts, TARGET_CHARS)
    rates = {}
    for name, run in (("find_numbers", find_numbers), ("extract", _extract)):
        run("warm up 2 metres")
        rates[name] = throughput(run, ours_docs)
        print(
            f"numcheck.{name}: {rates[name]:>14,.0f} chars/s  ({sum(map(len, ours_docs)):,} chars)"
        )

    logging.disable(logging.WARNING)  # quantulum3 logs its disambiguation choices
    # quantulum3 warns at import that its optional classifier (scikit-learn) is missing
    warnings.filterwarnings("ignore", message="Classifier dependencies", category=UserWarning)
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 is not installed (pip install -e .): no ratio")
        return 1
    peer_docs = corpus(texts, PEER_CHARS)
    parser.parse("warm up 2 metres")
    peer = throughput(parser.parse, peer_docs, rounds=1)
    print(f"quantulum3.parser.parse: {peer:>10,.0f} chars/s  ({sum(map(len, peer_docs)):,} chars)")
    for name, rate in rates.items():
        ratio, goal = rate / peer, GOALS[name]
        verdict = "ok" if ratio >= goal else "BELOW GOAL"
        print(f"ratio {name}: {ratio:.1f}x (goal >= {goal:.0f}x): {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
