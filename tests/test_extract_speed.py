"""Extraction stays linear in the size of the input, on every input shape.

No wall-clock limits here (the machine is shared and loaded): each test times a text and
one twice as long and bounds the growth. Linear work gives 2, quadratic 4. Times are CPU
seconds of this process (garbage collection held off), best of a few runs, small and
large interleaved, with sizes chosen so the small text takes long enough to measure.
Seconds per MB against news text are measured by ``benchmarks/bench_adversarial.py``.

The shortcuts taken for speed (lists framed once, claims built without re-validation)
are checked here to change nothing.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import numcheck
from numcheck import Claim
from numcheck import _frame as frame_module

GROWTH_LIMIT = 3.0
"""Time at 2x the size / time at 1x: linear work gives 2, quadratic 4."""
FLOOR = 0.05  # seconds the small text must take, to be above timer noise
RUNS = 3
ROUNDS = 6  # only spent when a round is over the limit
START, CAP = 2_000, 1_000_000  # characters

SOLDIER = "\u062c\u0646\u062f\u064a"  # Arabic "soldier"
SHAPES = [
    # issue 11
    pytest.param("troops5killed12wounded3in2019and", id="glued-letters-digits"),
    pytest.param("one ", id="one-one-one"),
    pytest.param("1 to ", id="1-to-1-to"),
    pytest.param("1\u200b2\u200b3\u200b,\u200b000 troops ", id="zero-width-in-digits"),
    pytest.param(
        "\uff11\uff12\uff0c\uff15\uff10\uff10 troops in \uff12\uff10\uff11\uff19 ", id="fullwidth"
    ),
    pytest.param(
        f"\u0662\u0665\u0660\u0660 {SOLDIER} \u0661\u0662\u0663 troops ", id="arabic-indic"
    ),
    pytest.param(f"\u200f2,500\u200f {SOLDIER} \u202b900 troops\u202c in 2019 ", id="rtl-marks"),
    # number-layer shapes
    pytest.param("1 2 3 4 5 6 7 8 9 ", id="dense-digits"),
    pytest.param("1", id="digit-run"),
    pytest.param("1,1,1,1,1,1,", id="comma-runs"),
    pytest.param("1-1-1-1-", id="hyphen-runs"),
    pytest.param("-", id="hyphen-only"),
    pytest.param("1.", id="dot-runs"),
    pytest.param("to ", id="to-runs"),
    pytest.param("twenty ", id="tens-words"),
    pytest.param("one two three thousand ", id="number-words"),
    pytest.param("more than ", id="qualifier-runs"),
    pytest.param("a ", id="a-runs"),
    # framing shapes
    pytest.param(
        "There are roughly 2,500 US troops in Iraq and about 900 in Syria ", id="framed-no-stop"
    ),
    pytest.param(
        "in November 2007 since mid-October until 2017 in Iraq and Syria and ",
        id="dates-and-places",
    ),
    pytest.param("About 2,500 troops in 2014, between 3 and 5 million; ", id="news-like"),
    pytest.param("!?.,;:-_=+*/\\|\"'()[]{}<>", id="punctuation-line"),
    pytest.param('("2") [\u201c3\u201d] ', id="parens-quotes"),
    pytest.param("x" * 997 + " 12 ", id="long-words"),
    pytest.param("5% ", id="percent-runs"),
    pytest.param("$2.7bn ", id="money-runs"),
    pytest.param("since January 5 troops in 2019, ", id="months-and-figures"),
]


def repeated(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _cpu(run: Callable[[str], object], text: str) -> float:
    """CPU seconds of ``run(text)``, without a garbage collection of the whole test session's
    heap landing in it (its cost depends on what other tests left, not on ``text``)."""
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        run(text)
        return time.process_time() - started
    finally:
        gc.enable()


def growth(run: Callable[[str], object], unit: str) -> tuple[int, float, float]:
    """``unit`` repeated to n and 2n characters: (n, best seconds at n, best at 2n).

    n doubles from ``START`` until one run at n takes ``FLOOR`` seconds (or n reaches
    ``CAP``); the runs at n and 2n alternate, so a burst of load hits both. A ratio over
    ``GROWTH_LIMIT`` is measured again (``ROUNDS`` in all) before it counts: a burst of
    load can spoil one round, while work that grows faster than linear fails every round.
    """
    size = START
    while size < CAP and _cpu(run, repeated(unit, size)) < FLOOR:
        size *= 2
    small, large = repeated(unit, size), repeated(unit, 2 * size)
    best_small = best_large = math.inf
    for _ in range(ROUNDS):
        for _ in range(RUNS):
            best_small = min(best_small, _cpu(run, small))
            best_large = min(best_large, _cpu(run, large))
        if linear(best_small, best_large):
            break
    return size, best_small, best_large


def linear(small: float, large: float) -> bool:
    """Time at 2n within ``GROWTH_LIMIT`` of time at n (+2 ms: a tick of the CPU clock)."""
    return large <= GROWTH_LIMIT * small + 0.002


def _extract(text: str) -> object:
    return numcheck.extract(text, published="2024-01-29")


@pytest.fixture(scope="module", autouse=True)
def _warm_up() -> None:
    _extract("warm up the tables: 2,500 troops and 3 km in Iraq in 2019, $2bn, 5%.")


@pytest.mark.parametrize("unit", SHAPES)
def test_twice_the_text_takes_about_twice_as_long_to_extract(unit: str) -> None:
    size, small, large = growth(_extract, unit)
    print(f"{size:,} chars: {small:.3f}s; {2 * size:,} chars: {large:.3f}s")
    assert linear(small, large)


# -- the shortcuts change nothing ------------------------------------------------------
def _dump(claims: list[Claim]) -> list[dict[str, object]]:
    return [claim.model_dump() for claim in claims]


def test_claims_built_without_validation_equal_validated_ones(seed_articles) -> None:  # type: ignore[no-untyped-def]
    texts = [article.text for article in seed_articles]
    texts += ["1 2 3 4 5 6 7 8 9 10 11 12 troops", "5% 5% 5% 5% 5% 5% 5% 5% 5% 5% in Iraq"]
    for text in texts:
        for claim in numcheck.extract(text, published="2024-01-29"):
            fields = {name: getattr(claim, name) for name in Claim.model_fields if name != "key"}
            validated = Claim(**fields)
            assert claim == validated
            assert claim.__pydantic_fields_set__ == validated.__pydantic_fields_set__
            assert claim.model_dump_json() == validated.model_dump_json()
            assert [type(v) for v in claim.__dict__.values()] == [
                type(v) for v in validated.__dict__.values()
            ]


def _has_inner_members(text: str) -> bool:
    doc = frame_module._Document(text)
    figures = [m for m in doc.mentions if m.is_figure]
    return any(frame_module._list_inner(doc, figures))


def _framed_both_ways(text: str) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """The claims of ``text`` with lists framed once, and with every figure framed."""
    once = _dump(numcheck.extract(text, published="2024-01-29"))
    saved = frame_module.LIST_MIN
    frame_module.LIST_MIN = 10**9  # no lists
    try:
        one_by_one = _dump(numcheck.extract(text, published="2024-01-29"))
    finally:
        frame_module.LIST_MIN = saved
    return once, one_by_one


LIST_TEXTS = [
    pytest.param("Troops in Iraq: " + "1 2 3 4 5 6 7 8 9 " * 8 + "in 2019.", id="digits"),
    pytest.param(
        "The US had " + ", ".join(f"{n:,}" for n in range(2500, 3500, 10)) + " troops in Iraq.",
        id="commas",
    ),
    pytest.param("one " * 60 + "soldiers were killed", id="words"),
    pytest.param(
        "Page " + " ".join(map(str, range(1, 60))) + " Next. About 900 US troops remain in Syria.",
        id="pages",
    ),
    pytest.param("".join(f"({n}) " for n in range(60)) + "in Iraq since 2014.", id="parens"),
    pytest.param(" ".join(f"{n}%" for n in range(60)) + " of Iraqis", id="percents"),
    pytest.param("9 to 8 to " * 30 + "troops", id="to-joined"),
    pytest.param("1 and 2 and " * 30 + "3 killed in 2019", id="and-joined"),
    pytest.param(
        " and ".join(["one", "twenty"] * 100) + " in 2019",
        id="members-near-a-date-are-dated-by-it",  # found by hypothesis
    ),
]


@pytest.mark.parametrize("text", LIST_TEXTS)
def test_a_list_framed_once_reads_as_framed_one_by_one(text: str) -> None:
    assert _has_inner_members(text)
    once, one_by_one = _framed_both_ways(text)
    assert once == one_by_one


_FIGURES = st.sampled_from(["1", "35", "one", "twenty", "5%", "$3bn", "2,500", "about 900"])
_JOINERS = st.sampled_from([" ", ", ", " to ", " and ", "; ", ") (", " - "])
_CONTEXT = st.lists(
    st.sampled_from(["troops", "in Iraq", "in 2019", "killed", "were", "US", "now", "the", "("]),
    max_size=6,
)


@given(_CONTEXT, st.lists(_FIGURES, min_size=1, max_size=4), _JOINERS, _CONTEXT)
def test_lists_framed_once_read_as_framed_one_by_one(
    before: list[str], cycle: list[str], joiner: str, after: list[str]
) -> None:
    members = (cycle * (200 // len(cycle) + 1))[:200]  # longer than a window
    text = " ".join(before) + " " + joiner.join(members) + " " + " ".join(after)
    once, one_by_one = _framed_both_ways(text)
    assert once == one_by_one
