"""The number grammar as a table of named rules (``numcheck/_grammar.py``, issue 13): the
order of the table, registering before or after a named rule, vetoes, the start and
continuation sets derived from the rules, and the word-composition states."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from pathlib import Path

import pytest

from numcheck._grammar import Grammar
from numcheck._numbers import (
    _FOLLOWS,
    RULES,
    _Fig,
    _find,
    _Scanner,
    _State,
    _Tokens,
    _vague_index,
)
from numcheck._numwords import (
    DENOMINATORS,
    PACK,
    UNITS,
    LangPackError,
    load_number_words,
)

P = pytest.param

TABLE = (
    "url", "dotted", "signed_chain", "not_amount", "numeric", "idiom", "street_in_words",
    "date_words", "between", "percent_of", "vague", "qualified", "multiplier_word",
    "compound_ordinal", "and_a_half", "figure", "word_ordinal", "half",
)  # fmt: skip


def test_rule_table_order() -> None:
    assert RULES.names() == TABLE


def test_every_rule_says_what_it_reads() -> None:
    assert [r.name for r in (RULES[n] for n in TABLE) if not r.doc] == []


def _nothing(s: str, i: int) -> str | None:
    return None


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        P({}, ("a", "b", "c", "new"), id="at-the-end"),
        P({"before": "a"}, ("new", "a", "b", "c"), id="before-the-first"),
        P({"before": "c"}, ("a", "b", "new", "c"), id="before-a-middle-one"),
        P({"after": "a"}, ("a", "new", "b", "c"), id="after-a-rule"),
        P({"after": "c"}, ("a", "b", "c", "new"), id="after-the-last"),
    ],
)
def test_register_before_or_after_a_named_rule(
    where: dict[str, str], expected: tuple[str, ...]
) -> None:
    g: Grammar[str, str] = Grammar()
    for name in "abc":
        g.register(name, _nothing, kinds="w")
    g.register("new", _nothing, kinds="w", **where)
    assert g.names() == expected


@pytest.mark.parametrize(
    ("name", "where", "error"),
    [
        P("a", {}, ValueError, id="a-name-twice"),
        P("new", {"before": "a", "after": "b"}, ValueError, id="before-and-after"),
        P("new", {"before": "nope"}, KeyError, id="unknown-anchor"),
    ],
)
def test_register_refuses(name: str, where: dict[str, str], error: type[Exception]) -> None:
    g: Grammar[str, str] = Grammar()
    g.register("a", _nothing, kinds="w")
    g.register("b", _nothing, kinds="w")
    with pytest.raises(error):
        g.register(name, _nothing, kinds="w", **where)
    assert g.names() == ("a", "b")


def test_dispatch_keeps_table_order_and_triggers() -> None:
    g: Grammar[str, str] = Grammar()
    g.register("digits", _nothing, kinds="n")
    g.register("two", _nothing, kinds="w", words={"Two"})
    g.register("any-word", _nothing, kinds="w", anywhere=True)
    g.register("sign", _nothing, kinds="s", symbols="+-")
    assert [r.name for r in g.rules_for("w", "two")] == ["two", "any-word"]
    assert [r.name for r in g.rules_for("w", "three")] == ["any-word"]
    assert [r.name for r in g.rules_for("s", "+")] == ["sign"]
    assert [r.name for r in g.rules_for("s", "%")] == []
    assert [r.name for r in g.rules_for("n", "")] == ["digits"]
    assert g.start_words() == {"two"}
    assert g.start_symbols() == {"+", "-"}
    g.unregister("two")
    assert [r.name for r in g.rules_for("w", "two")] == ["any-word"]
    assert g.start_words() == set()


def _fortnight(s: _Scanner, i: int) -> list[_Fig] | None:
    """ "a fortnight": 14 (a toy form for the test)."""
    if s.word(i - 1) == "a":
        return [_Fig(i - 1, i + 1, 14, 14, 14)]
    return None


def test_a_new_rule_brings_its_start_word() -> None:
    """Without a rule for it a word is skipped at once; registering the rule adds its
    word to the start set, on a copy, leaving the module's table as it was."""
    text = "back in a fortnight"
    assert _find(text, None) == []
    g = RULES.copy()
    g.register("fortnight", _fortnight, kinds="w", words={"fortnight"}, before="figure")
    assert g.start_words() - RULES.start_words() == {"fortnight"}
    assert [(m.text, m.value) for m in _find(text, None, grammar=g)] == [("a fortnight", 14)]
    assert [(m.text, m.value) for m in _find(text, None, grammar=g, fast=False)] == [
        ("a fortnight", 14)
    ]
    assert "fortnight" not in RULES.names()
    assert _find(text, None) == []


def _no_seven(s: _Scanner, i: int) -> list[_Fig] | None:
    """Veto "seven" and "7" (a toy rule for the test)."""
    return [] if s.lw[i] in ("seven", "7") else None


@pytest.mark.parametrize(
    ("kinds", "words", "text", "left"),
    [
        P("w", {"seven"}, "seven days and eight nights", ["eight"], id="a-word"),
        P("n", set(), "7 days and 8 nights, 7%", ["8"], id="digits"),
        P("w", set(), "seven days and eight nights", ["seven", "eight"], id="no-trigger"),
    ],
)
@pytest.mark.parametrize("fast", [True, False], ids=["fast", "full"])
def test_a_veto_stops_later_rules_and_fast_paths(
    kinds: str, words: set[str], text: str, left: list[str], fast: bool
) -> None:
    """A rule added to the table is tried before any fast path can skip its tokens (a
    rule with no start word and not ``anywhere`` is never tried)."""
    g = RULES.copy()
    g.register("no-seven", _no_seven, kinds=kinds, words=words, before="url")
    assert [m.text for m in _find(text, None, grammar=g, fast=fast)] == left


def test_the_hyphenated_and_a_half_is_one_rule() -> None:
    """docs/numbers.md, "Adding a form": without the rule the old misreading comes back."""
    g = RULES.copy()
    g.unregister("and_a_half")
    text = "one-and-a-half million fans"
    assert [(m.text, m.value) for m in _find(text, None, grammar=g)] == [
        ("one", 1),
        ("half million", 500_000),
    ]
    assert [(m.text, m.value) for m in _find(text, None)] == [("one-and-a-half million", 1.5e6)]


def test_derived_sets_cover_the_table() -> None:
    """Every declared start word reaches a rule; continuation words include the figure's."""
    for word in RULES.start_words():
        assert RULES.rules_for("w", word), word
    assert {"million", "to", "or", "percent", "times"} <= RULES.continue_words()
    assert {"%", "-", "/"} <= RULES.continue_symbols()


# ---------------------------------------------------------------- word composition


def _core(text: str) -> tuple[_State, Fraction | int]:
    s = _Scanner(_Tokens(text), {}, fast=False)
    c = s.card(0)
    assert c is not None, text
    return c.last, c.value


@pytest.mark.parametrize(
    ("text", "state", "value"),
    [
        P("250", _State.DIGITS, 250, id="digits"),
        P("2,500", _State.GROUPED, 2500, id="grouped"),
        P("1e6", _State.EXPONENT, 10**6, id="exponent"),
        P("zero", _State.ZERO, 0, id="zero"),
        P("seven", _State.UNITS, 7, id="units"),
        P("twelve", _State.TEENS, 12, id="teens"),
        P("ninety", _State.TENS, 90, id="tens"),
        P("twenty-one", _State.UNITS, 21, id="tens-hyphen-unit"),
        P("two hundred", _State.HUNDRED, 200, id="hundred"),
        P("a hundred", _State.HUNDRED, 100, id="article-hundred"),
        P("two hundred and five thousand", _State.SCALE, 205_000, id="hundred-and-scale"),
        P("3 million", _State.SCALE, 3_000_000, id="digits-scale"),
        P("4m", _State.SCALE, 4_000_000, id="glued-scale-letter"),
        P("two dozen", _State.DOZEN, 24, id="dozen"),
        P("three point five", _State.POINT, Fraction(7, 2), id="point"),
        P("one hundred and twenty-five", _State.UNITS, 125, id="and-tens-unit"),
        P("five hundred thousand million", _State.SCALE, 5 * 10**11, id="scale-after-scale"),
    ],
)
def test_composition_states(text: str, state: _State, value: int | Fraction) -> None:
    assert _core(text) == (state, value)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        P("hundred", None, id="hundred-needs-a-count"),
        P("twenty twelve", "twenty", id="teens-not-after-tens"),
        P("two three", "two", id="units-not-after-units"),
        P("three hundred two hundred", "three hundred two", id="one-hundred-per-group"),
        P("two thousand million", "two thousand million", id="larger-scale-after-scale"),
        P("two million thousand", "two million", id="smaller-scale-not-after-scale"),
    ],
)
def test_composition_refuses(text: str, read: str | None) -> None:
    s = _Scanner(_Tokens(text), {}, fast=False)
    c = s.card(0)
    got = None if c is None else text[: s.en[c.end - 1]]
    assert got == read


def test_transition_table_names_every_state_but_start() -> None:
    assert set(_FOLLOWS) == set(_State) - {_State.START}
    assert all(_FOLLOWS[state] <= set(_State) for state in _FOLLOWS)


def test_vague_index_is_data() -> None:
    index, values = _vague_index((("a slew", (5.0, 50.0)),))
    assert index == {"a": [("a", "slew")]}
    assert values == {("a", "slew"): (5.0, 50.0)}


# ---------------------------------------------------------------- the language pack


def test_the_english_pack_is_the_grammar_words() -> None:
    pack = load_number_words()
    assert PACK.name == "numbers.toml" and PACK.parent.name == "en"
    assert pack.numbers.units == UNITS
    assert pack.qualifiers.prefixes["at least"] == ("at_least", "at least")
    assert DENOMINATORS["halves"] == (2, True) and DENOMINATORS["third"] == (3, False)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        P(lambda t: t.replace('hundred = "hundred"', 'hundred = "hundred"\nthousand = 3'),
          "numbers.thousand: Extra inputs are not permitted", id="unknown-key"),
        P(lambda t: t.replace('"one" = 1\n', ""), None, id="a-word-left-out-is-fine"),
        P(lambda t: t.replace('hundred = "hundred"\n', ""), "numbers.hundred: Field required",
          id="missing-key"),
        P(lambda t: t.replace('"about" = ["approx", "about"]', '"about" = ["roughly", "about"]'),
          "qualifiers.prefixes.about.0: Input should be", id="unknown-qualifier"),
        P(lambda t: t.replace('"two" = 2', '"two" = "2x"'), "numbers.units.two: Input should be",
          id="not-a-number"),
        P(lambda t: t + "\n[numbers", "not valid TOML", id="broken-toml"),
    ],
)  # fmt: skip
def test_a_broken_pack_is_one_line_naming_the_file(
    tmp_path: Path, edit: Callable[[str], str], problem: str | None
) -> None:
    path = tmp_path / "numbers.toml"
    path.write_text(edit(PACK.read_text(encoding="utf-8")), encoding="utf-8")
    if problem is None:
        assert "one" not in load_number_words(path).numbers.units
        return
    with pytest.raises(LangPackError) as info:
        load_number_words(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    assert problem in message
