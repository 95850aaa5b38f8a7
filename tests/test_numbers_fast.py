"""The number scanner's fast paths give exactly what the full grammar gives, and do less work.

``_find(text, None, fast=False)`` runs every rule of the grammar for every token and builds
each mention with the dataclass constructor; the default takes the fast paths (a lone
integer or percentage, cheap rejection of the date and chain rules, mentions built as
slots). The two must agree on every text.
"""

from __future__ import annotations

import gc
import pickle
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import FrozenInstanceError, fields
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from numcheck import _numbers as numbers
from numcheck._numbers import NumberMention, _find, _Scanner, find_numbers

PIECES = [
    # numbers: plain, grouped, round (year-like), 4-digit years, decimals, dotted, scripts
    "1", "2", "5", "12", "31", "07", "0", "100", "1000", "2000", "2010", "2019", "1,000",
    "1499", "1500", "2100", "2101", "2500",
    "2,500", "3,000", "3.5", "1.2.3", "\u0662\u0665", "\uff11\uff12", "\u00bd",
    # spacing and punctuation, including the symbols that glue numbers together
    " ", " ", " ", "  ", "\n", "\n\n", ",", ".", "-", "\u2013", "/", ":", "%", "(", ")", '"',
    "\u201c", "\u201d", "[", "]", "$", "\u00a3", "+", "~", "^", "_", "\u200b", "\u200f",
    # words the grammar reads around a number
    "to", "and", "or", "more", "than", "about", "at", "least", "million", "bn", "k", "per",
    "cent", "percent", "of", "a", "an", "one", "two", "twenty", "hundred", "thousand", "half",
    "third", "thirds", "times", "fold", "between", "from", "over", "in", "out", "January",
    "May", "mid", "early", "th", "st", "s", "x", "e", "troops", "people", "version", "v", "F",
    "USD", "US", "plus", "odd", "some", "nearly", "the", "since", "hundreds", "dozen", "year",
    "excess", "up", "as", "many", "no", "less", "at least", "in excess of", "up to",
]  # fmt: skip

texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def as_rows(mentions: list[NumberMention]) -> list[tuple[object, ...]]:
    return [tuple(getattr(m, f.name) for f in fields(m)) for m in mentions]


@settings(max_examples=1500)
@given(text=texts)
@example(text="1 to 1 to 5% 7% or more")
@example(text='("2") [\u201c3\u201d] F-16 x-5 5 million-6')
@example(text="12\n\nThe 2000 troops, in 2000, the war")
def test_fast_paths_agree_with_full_grammar(text: str) -> None:
    fast, slow = _find(text, None, fast=True), _find(text, None, fast=False)
    assert as_rows(fast) == as_rows(slow)
    assert all(type(m) is NumberMention for m in fast)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("1 to " * 20, id="to-runs"),
        pytest.param("1 to 5 troops, 5 to 1", id="range-and-not"),
        pytest.param("5% " * 20 + "5% to 7%, 8% or more, 9%-10%", id="percent-runs"),
        pytest.param('("2") [\u201c3\u201d] ' * 10, id="quoted-digits"),
        pytest.param("1 2 3 4 5 6 7 8 9 " * 10, id="dense-digits"),
        pytest.param("F-16 and MP3, user_12, a/5", id="glued-to-a-word"),
        pytest.param("10 February, 4 of July, 4-5 January 2024, 3 May", id="day-before-month"),
        pytest.param("12\nTroops came.\n", id="alone-on-first-line"),
        pytest.param("in 2000, the war; in 2000 the war; 2000 troops", id="round-year"),
        pytest.param("3 million, 5 in 10, 2 and a half, 4 percent, 10 bln, 500 USD", id="reads-on"),
        pytest.param("\u0662\u0665\u0660\u0660 \u062c\u0646\u062f\u064a " * 5, id="arabic-indic"),
        pytest.param("\u200f2,500\u200f x \u202b900 troops\u202c in 2019 " * 5, id="rtl-marks"),
    ],
)
def test_fast_equals_full_on_shapes(text: str) -> None:
    assert as_rows(_find(text, None, fast=True)) == as_rows(_find(text, None, fast=False))


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the full grammar's reading, now also the fast path's (the fast path used to differ)
        pytest.param("12\nTroops came.", ["other"], id="bare-number-alone-on-first-line"),
        pytest.param("in 2000, the war", ["year"], id="round-year-before-comma"),
        pytest.param("in 2000 the war", ["year"], id="round-year-before-word"),
        pytest.param("2000-2010 saw", ["year", "year"], id="round-year-span"),
        pytest.param("2000-3000 troops", ["range"], id="round-count-range"),
    ],
)
def test_readings_the_fast_and_full_paths_share(text: str, kinds: list[str]) -> None:
    assert [m.kind for m in find_numbers(text)] == kinds


def test_fast_mention_is_a_number_mention() -> None:
    (fast,) = _find("about 5% of them", None, fast=True)
    (slow,) = _find("about 5% of them", None, fast=False)
    assert type(fast) is NumberMention
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert repr(fast) == repr(slow)
    assert pickle.loads(pickle.dumps(fast)) == slow
    with pytest.raises(FrozenInstanceError):
        fast.start = 3  # type: ignore[misc]


@contextmanager
def counting(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> Iterator[list[int]]:
    """Count the calls of ``owner.name`` while the block runs."""
    calls = [0]
    original: Callable[..., Any] = getattr(owner, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return original(*args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(owner, name, counted)
        yield calls


@pytest.mark.parametrize(
    ("unit", "method"),
    [
        # a range tried after each figure reads the next figure by the fast path too
        pytest.param("1 to ", "_card", id="to-runs-no-card"),
        pytest.param("1 to ", "chain", id="to-runs-no-chain"),
        pytest.param("5% ", "at", id="percent-runs-no-rules"),
        pytest.param('("2") [\u201c3\u201d] ', "at", id="quoted-digits-no-rules"),
        pytest.param("12 troops ", "date_numeric", id="spaced-word-no-numeric-date"),
        pytest.param("2500 troops ", "at", id="non-year-4-digits-no-rules"),
        pytest.param("1 to ", "date_day_first", id="no-month-in-the-text-no-day-first-date"),
        pytest.param("troops in 12 bases ", "at", id="in-without-its-phrase-no-rules"),
    ],
)
def test_fast_paths_skip_the_slow_rules(
    monkeypatch: pytest.MonkeyPatch, unit: str, method: str
) -> None:
    text = unit * 50
    with counting(monkeypatch, _Scanner, method) as fast_calls:
        fast = _find(text, None, fast=True)
    with counting(monkeypatch, _Scanner, method) as slow_calls:
        slow = _find(text, None, fast=False)
    assert fast == slow
    assert len(fast) >= 50
    assert slow_calls[0] >= 50  # the full grammar does try this rule on every figure
    assert fast_calls[0] == 0


def test_mentions_are_built_without_the_dataclass_init(monkeypatch: pytest.MonkeyPatch) -> None:
    with counting(monkeypatch, NumberMention, "__init__") as calls:
        found = find_numbers("1 2 3 5% 7% about 9 troops")
    assert [m.text for m in found] == ["1", "2", "3", "5%", "7%", "about 9"]
    assert calls[0] == 0


@pytest.mark.parametrize("enabled", [pytest.param(True, id="on"), pytest.param(False, id="off")])
def test_the_collector_is_paused_for_the_scan_and_left_as_it_was(
    monkeypatch: pytest.MonkeyPatch, enabled: bool
) -> None:
    seen: list[bool] = []

    def scan(text: str, vague: object) -> list[NumberMention]:
        seen.append(gc.isenabled())
        return _find(text, None)

    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        monkeypatch.setattr(numbers, "_find", scan)
        assert [m.text for m in find_numbers("5 and 7%")] == ["5", "7%"]
        assert seen == [False]
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()


def test_the_collector_resumes_when_the_scan_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def scan(text: str, vague: object) -> list[NumberMention]:
        raise RuntimeError("boom")

    monkeypatch.setattr(numbers, "_find", scan)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"):
        find_numbers("5")
    assert gc.isenabled()
