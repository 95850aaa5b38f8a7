"""The work the framer shares between the figures of a sentence changes nothing.

A sentence's window, topic, opening name, dates and date spans are read once for its
figures (numcheck/_frame.py, numcheck/_time.py), and the members of a list are found on
the word starts. Each test compares the shared reading with the same reading made afresh
for every figure, on texts written for these tests and on generated ones.
"""

from __future__ import annotations

import bisect
import contextlib
import gc
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import _attribution as attribution
from numcheck import _frame as frame_module
from numcheck._clean import Gate, GateWords, Scope, fold
from numcheck._statistic import GATES
from numcheck._time import TimeResolver

_WORDS = st.sampled_from(
    [
        "Tesla", "delivered", "troops", "US", "in", "Iraq", "and", "Syria", "the", "company",
        "There", "were", "said", "on", "Monday", "since", "January", "2019", "in 2016",
        "from 2003 to 2007", "the quarter", "a year earlier", "killed", "now", ",", ".",
        "about", "rose", "5%", "2,500", "900", "1.2 million", "12", "Inflation", "in March",
    ]
)  # fmt: skip


CORPUS = Path(__file__).parent / "data" / "corpus"


def _text(words: list[str]) -> str:
    return " ".join(words)


@contextlib.contextmanager
def _nothing_shared() -> Iterator[None]:
    """Every figure read afresh: the shared readings are forgotten before each figure."""
    frame = frame_module.Framer._frame
    resolve = TimeResolver.resolve

    def fresh_frame(self: frame_module.Framer, doc: Any, *args: Any, **kwargs: Any) -> Any:
        doc.topics.clear()
        doc.openings.clear()
        return frame(self, doc, *args, **kwargs)

    def fresh_resolve(self: TimeResolver, *args: Any) -> Any:
        self._dates = None
        self._reported = None
        self._spans.clear()
        return resolve(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frame_module.Framer, "_frame", fresh_frame)
        patch.setattr(TimeResolver, "resolve", fresh_resolve)
        yield


def _dump(text: str) -> list[dict[str, Any]]:
    return [c.model_dump() for c in numcheck.extract(text, published="2024-01-29")]


TEXTS = [
    pytest.param(
        "Tesla delivered 484,507 vehicles in the quarter, up 38% from 2022, and built "
        "494,989 cars, the company said on Monday. There were 5000 troops in Iraq in 2016 "
        "and about 900 in Syria since January 2019, 12 of them in 2020.",
        id="news",
    ),
    pytest.param(
        "In 2016 " + ", ".join(f"{n} troops in Iraq in {2000 + n % 20}" for n in range(80)),
        id="long-sentence-of-dated-figures",
    ),
    pytest.param("Inflation rose to 4.9% in March from 2003 to 2007 " * 40, id="repeated-periods"),
]


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_read_once_read_as_read_for_each_figure(text: str) -> None:
    shared = _dump(text)
    with _nothing_shared():
        fresh = _dump(text)
    assert shared == fresh


def test_articles_read_once_read_as_read_for_each_figure(seed_articles) -> None:  # type: ignore[no-untyped-def]
    for article in [*seed_articles, *numcheck.load_articles(CORPUS)]:
        shared = _dump(article.text)
        with _nothing_shared():
            fresh = _dump(article.text)
        assert shared == fresh, article.id


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=400))
def test_generated_sentences_read_once_read_as_read_for_each_figure(words: list[str]) -> None:
    text = _text(words)
    shared = _dump(text)
    with _nothing_shared():
        fresh = _dump(text)
    assert shared == fresh


_STRETCHES = st.one_of(
    _WORDS, st.builds(lambda n, c: c * n, st.integers(50, 700), st.sampled_from(["x", "1", "-"]))
)  # words, and stretches with no space in them (a window's cut may find none)


def _windows_match(text: str) -> None:
    doc = frame_module._Document(text)
    fresh = frame_module._Document(text)
    for mention in doc.mentions:
        fresh._window = None
        expected = fresh.sentence_of(mention.start, mention.end)
        assert doc.sentence_of(mention.start, mention.end) == expected, mention


@pytest.mark.parametrize("size", [450, 506, 600, 650])
@pytest.mark.parametrize("stretch", ["x", "1"])
def test_a_window_after_a_stretch_without_spaces_is_found_afresh(stretch: str, size: int) -> None:
    # the left cut falls inside the stretch: the first figure's window finds no space
    # before it, the next ones do
    _windows_match("word " * 100 + stretch * size + "5 6 7 8 " + "word " * 100)


@settings(max_examples=100, deadline=None)
@given(st.lists(_STRETCHES, min_size=1, max_size=300))
def test_a_window_reused_is_the_window_found_afresh(words: list[str]) -> None:
    _windows_match(_text(words))


def _inner_by_search(doc: frame_module._Document, figures: list[Any]) -> list[bool]:
    """Which figures are inner members of a list, each found by a search of the words."""
    inner = [False] * len(figures)
    run = 0
    for number in range(1, len(figures) + 1):
        linked = number < len(figures) and bool(
            frame_module._LIST_GAP.fullmatch(
                doc.text, figures[number - 1].end, figures[number].start
            )
        )
        run += 1
        if not linked:
            if run >= frame_module.LIST_MIN:
                first = bisect.bisect_left(doc.starts, figures[number - run].start)
                last = bisect.bisect_left(doc.starts, figures[number - 1].end)
                for member in range(number - run, number):
                    at = bisect.bisect_left(doc.starts, figures[member].start)
                    after = bisect.bisect_left(doc.starts, figures[member].end)
                    inner[member] = (
                        first + frame_module.LIST_REACH <= at
                        and after <= last - frame_module.LIST_REACH
                    )
            run = 0
    return inner


_MEMBERS = st.sampled_from(["1", "22", "5%", "one", "3,000", "$2bn", "(4)", "x", "troops"])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(_MEMBERS, min_size=0, max_size=120),
    st.sampled_from([" ", ", ", " to ", " and "]),
    st.integers(0, 3),
)
def test_list_members_found_on_word_starts_as_by_search(
    members: list[str], joiner: str, words_around: int
) -> None:
    text = "word " * words_around + joiner.join(members) + " word" * words_around
    doc = frame_module._Document(text)
    figures = [m for m in doc.mentions if m.is_figure]
    assert frame_module._list_inner(doc, figures) == _inner_by_search(doc, figures)


@pytest.mark.parametrize("joiner", [" ", ", ", " to "])
def test_list_members_of_every_length_found_on_word_starts_as_by_search(joiner: str) -> None:
    for length in range(frame_module.LIST_MIN - 1, 3 * frame_module.LIST_REACH):
        text = "In Iraq " + joiner.join(str(n) for n in range(length)) + " troops"
        doc = frame_module._Document(text)
        figures = [m for m in doc.mentions if m.is_figure]
        assert frame_module._list_inner(doc, figures) == _inner_by_search(doc, figures), length


# -- the rules that stop where no word of their kind is within reach -------------------
@contextlib.contextmanager
def _every_rule_reads_on() -> Iterator[None]:
    """The framing rules read their words one by one, as if a word of their kind were
    always within reach."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(frame_module.Framer, "_has_mark", lambda *args: True)
        yield


def _stopped_and_read_on(text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    stopped = _dump(text)
    with _every_rule_reads_on():
        read_on = _dump(text)
    return stopped, read_on


def test_articles_read_as_if_every_rule_read_on(seed_articles) -> None:  # type: ignore[no-untyped-def]
    articles = [*seed_articles, *numcheck.load_articles(CORPUS)]
    assert len(articles) > 50
    for article in articles:
        stopped, read_on = _stopped_and_read_on(article.text)
        assert stopped == read_on, article.id


_FRAMING = st.sampled_from(
    [
        "Tesla", "BYD", "the company", "delivered", "killed", "were", "wounded", "troops",
        "US", "Iraqi", "in", "to", "of", "Iraq", "Syria", "and", "but", ",", "(", "the",
        "sustained", "injuries", "people", "number", "of", "toll", "at", "2,500", "900",
        "5%", "a third", "2019", "\u0662\u0665\u0660\u0660", "\u062c\u0646\u062f\u064a",
    ]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(_FRAMING, min_size=1, max_size=80))
def test_generated_texts_read_as_if_every_rule_read_on(words: list[str]) -> None:
    stopped, read_on = _stopped_and_read_on(_text(words))
    assert stopped == read_on


_INF, _NAN = float("inf"), float("nan")


@pytest.mark.parametrize(
    ("numbers", "valid"),
    [
        pytest.param((2.5, None, None), True, id="value-only"),
        pytest.param((None, None, None), True, id="none"),
        pytest.param((None, 1.0, 2.0), True, id="range"),
        pytest.param((None, 2.0, 1.0), False, id="range-reversed"),
        pytest.param((_INF, None, None), False, id="infinite"),
        pytest.param((_NAN, None, None), False, id="nan"),
        pytest.param((2, None, None), False, id="not-a-float"),
    ],
)
def test_numbers_checked_once_when_one_number_is_all_three(
    numbers: tuple[Any, Any, Any], valid: bool
) -> None:
    value, low, high = numbers
    if low is None and high is None:
        low = high = value  # one object for all three: the quick path
    assert frame_module._valid_numbers(value, low, high) is valid
    finite = all(
        n is None or (type(n) is float and math.isfinite(n)) for n in (value, low, high)
    )  # what the model checks, number by number
    assert valid is (finite and (low is None or high is None or low <= high))


# -- the gates a sentence excludes once for its figures ----------------------------------
@contextlib.contextmanager
def _no_gate_excluded() -> Iterator[None]:
    """Every gate read on each figure's phrases, as if its sentence held every word."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Scope, "excludes", lambda self, gate: False)
        yield


def _scoped_and_unscoped(text: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    scoped = _dump(text)
    with _no_gate_excluded():
        unscoped = _dump(text)
    return scoped, unscoped


def test_articles_read_as_if_no_gate_were_excluded(seed_articles) -> None:  # type: ignore[no-untyped-def]
    for article in [*seed_articles, *numcheck.load_articles(CORPUS)]:
        scoped, unscoped = _scoped_and_unscoped(article.text)
        assert scoped == unscoped, article.id


_GATED = st.sampled_from(
    [
        "rose", "fell by", "up", "down", "cut", "increase of", "to rise", "expected to",
        "expected to rise", "forecast", "target", "a day", "per month", "in the past week",
        "so far", "the toll", "month on month", "went home", "delivered", "than would have",
        "troops", "Inflation", "in", "Iraq", "and", "while", "the", ",", ";", ":", "2,500",
        "900", "5%", "2019", "in 2016", "\u0662\u0665\u0660\u0660", "\u200f2,500\u200f",
    ]
)  # fmt: skip


@settings(max_examples=100, deadline=None)
@given(st.lists(_GATED, min_size=1, max_size=120))
def test_generated_texts_read_as_if_no_gate_were_excluded(words: list[str]) -> None:
    scoped, unscoped = _scoped_and_unscoped(_text(words))
    assert scoped == unscoped


_MORE_GATES = [frame_module._CHANGE_GATE, attribution._VERB_GATE, attribution._ACCORDING_GATE]

_PARTS = st.text(st.sampled_from("abdeginoprstuwy #,-\u0130\u212a"), max_size=60)


@settings(max_examples=300, deadline=None)
@given(
    text=_PARTS,
    cuts=st.tuples(*[st.integers(0, 60)] * 5),
    gate=st.sampled_from([*GATES, *_MORE_GATES]),
)
def test_a_gate_a_stretch_excludes_matches_none_of_its_parts(
    text: str, cuts: tuple[int, int, int, int, int], gate: Gate
) -> None:
    # a stretch of the text; a part of it, or two parts joined by the marker
    # Context.local puts between them
    start, first, middle, last, end = sorted(cuts)
    parts = [text[first:last], text[first:middle] + " # " + text[middle:last]]
    if Scope(GateWords(text), start, end).excludes(gate):
        for part in parts:
            assert gate.pattern.search(part) is None, part


@settings(max_examples=300, deadline=None)
@given(data=st.data(), gate=st.sampled_from(_MORE_GATES))
def test_framing_gates_never_turn_away_a_text_their_pattern_matches(
    data: st.DataObject, gate: Gate
) -> None:
    text = data.draw(st.from_regex(gate.pattern))
    assert gate.possible(fold(text)), text
    assert [m.span() for m in gate.finditer(text, fold(text))] == [
        m.span() for m in gate.pattern.finditer(text)
    ]


# -- the garbage collector, paused while an article is framed --------------------------
@pytest.mark.parametrize("enabled", [pytest.param(True, id="on"), pytest.param(False, id="off")])
@pytest.mark.parametrize(
    "run",
    [
        pytest.param(lambda text: numcheck.extract(text), id="extract"),
        pytest.param(
            lambda text: numcheck.check([numcheck.Article(id="a", text=text)]), id="check"
        ),
    ],
)
def test_collector_paused_while_framing_and_left_as_it_was(
    run: Any, enabled: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    frame = frame_module.Framer._frame

    def recording(self: frame_module.Framer, *args: Any, **kwargs: Any) -> Any:
        seen.append(gc.isenabled())
        return frame(self, *args, **kwargs)

    monkeypatch.setattr(frame_module.Framer, "_frame", recording)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        run("There were 5000 US troops in Iraq in 2016 and 900 in Syria.")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert seen and not any(seen)


def test_collector_back_on_when_framing_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setattr(frame_module.Framer, "_frame", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="a bug"):
        numcheck.extract("There were 5000 US troops in Iraq.")
    assert gc.isenabled()
