"""The number grammar: every numeric expression of a text, with the interval it asserts.

:func:`find_numbers` reads digits ("2,500", "1,70,300", "3.3"), scales ("3.3 million",
"$2.7bn", "13 lakh"), number words ("Thirty-four", "one hundred and twenty-five"),
fractions ("two-thirds"), vague amounts ("hundreds of thousands"), ranges ("25000 to
30,000", "160-170,000"), qualifiers ("roughly", "at least", "90,000-plus"), percentages,
multipliers, and the numbers that are not figures (years, dates, ordinals, versions, the
pronoun "one", identifiers). See ``docs/numbers.md``.

Design: one ``re.split`` tokenizer (simple alternatives, no nested unbounded quantifiers)
and a scanner over the tokens whose every rule looks ahead a bounded number of tokens,
so the run time is linear in the input size on any input; lone integers and number words
between inert neighbours take a fast path. The rules are a table of named rules in an
explicit order (:data:`RULES`, see ``numcheck/_grammar.py``), whose declared start and
continuation words make the scanner's word sets; numbers in words are composed by the
transition table :data:`_FOLLOWS` over the states :class:`_State`.

>>> [(m.text, m.value, m.qualifier) for m in find_numbers("roughly 2,500 US troops")]
[('roughly 2,500', 2500.0, 'approx')]
"""

from __future__ import annotations

import enum
import gc
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from itertools import accumulate
from typing import Literal, cast

from numcheck._clean import normalize
from numcheck._grammar import Grammar
from numcheck._lexicon import MONTHS, data_file
from numcheck._models import Qualifier
from numcheck._numwords import (
    CHANGE_VERBS,
    COUNT_NOUNS,
    CURRENCY_CODES,
    CURRENCY_SYMBOLS,
    DATE_PREFIXES,
    DAY_JOINERS,
    DENOMINATORS,
    DOLLAR_PREFIXES,
    DOZENS,
    GLUED_CURRENCY,
    GLUED_UNITS,
    HUNDRED,
    IDENTIFIER_PREFIX_OK,
    LABEL_WORDS,
    MEASURE_WORDS,
    MONEY_WORDS,
    MULTIPLIER_WORDS,
    NOT_NAMES,
    ORDINAL_NOUNS,
    ORDINAL_SUFFIXES,
    ORDINALS,
    OVER_NOT_QUALIFIER,
    PERCENT_WORDS,
    PLURAL_SCALES,
    PRONOUN_DETERMINERS,
    QUALIFIER_PREFIXES,
    QUALIFIER_SUFFIXES,
    RANGE_BEFORE,
    SCALE_ABBREVIATIONS,
    SCALES,
    SCORE_AFTER,
    SCORE_BEFORE,
    SIGN_WORDS,
    SIZE_WORDS,
    SPACED_ABBREVIATIONS,
    STREET_WORDS,
    TEENS,
    TENS,
    TIME_ZONES,
    TIMES_FOLLOWERS,
    UNITS,
    VERSION_CONTEXT,
    VIDEO_LINES,
    YEAR_PREPOSITIONS,
)

__all__ = ["FIGURE_KINDS", "Kind", "NumberMention", "find_numbers", "vague_table"]

Kind = Literal[
    "cardinal",
    "range",
    "percent",
    "fraction",
    "multiplier",
    "ordinal",
    "year",
    "date",
    "version",
    "pronoun",
    "other",
]
"""What a number mention is; only the :data:`FIGURE_KINDS` are figures a claim can use."""

FIGURE_KINDS: frozenset[str] = frozenset({"cardinal", "range", "percent", "fraction", "multiplier"})

Parts = tuple[int | None, int | None, int | None]


@dataclass(frozen=True, slots=True)
class NumberMention:
    """One numeric expression: ``text == original_text[start:end]`` always.

    ``value`` is the figure as stated (``None`` for ranges and vague amounts); ``low`` and
    ``high`` the interval the wording asserts before any tolerance (``None`` = unbounded).
    """

    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier = "exact"
    modifier: str | None = None
    kind: Kind = "cardinal"
    unit: str | None = None
    parts: Parts | None = None
    note: str | None = None
    """Why a number was not read as a figure, where that needs saying ("10^1000": its
    value does not fit a float, so it is kind ``other`` with no value)."""

    @property
    def is_figure(self) -> bool:
        """True for the kinds a claim can be made of (cardinal, range, percent, ...)."""
        return self.kind in FIGURE_KINDS


# --------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------

_TOKEN = re.compile(  # the token grammar, named (used to split phrases into tokens)
    r"(?P<u>(?:https?://|www\.)\S+)"  # a URL: one opaque token
    r"|(?P<n>\d+(?:(?:[\u200b-\u200d\u2060\ufeff]+|[\u200b-\u200d\u2060\ufeff]*[.,]"
    r"[\u200b-\u200d\u2060\ufeff]*)\d+)*|(?<![\w.])\.\d+)"  # digits, inner separators
    r"|(?P<w>[^\W\d_]+)"  # a word (letters of any script)
    r"|(?P<s>-{2,}|\.{2,}|_{2,}|\*{2,}|={2,}|~{2,}|#{2,}|\S)"  # a punctuation run or one char
)
_SPLIT = re.compile(
    r"((?:https?://|www\.)\S+"
    r"|\d+(?:(?:[\u200b-\u200d\u2060\ufeff]+|[\u200b-\u200d\u2060\ufeff]*[.,]"
    r"[\u200b-\u200d\u2060\ufeff]*)\d+)*"
    r"|(?<![\w.])\.\d+|[^\W\d_]+"
    r"|-{2,}|\.{2,}|_{2,}|\*{2,}|={2,}|~{2,}|#{2,}|\S)"
)
"""The same tokens as _TOKEN, for ``re.split`` (one capturing group). Zero-width characters
inside a digit run ("1\u200b2\u200b3,000", as scraped pages have them) belong to the number
token; its text and value ignore them (:data:`_ZERO_WIDTH`)."""
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
"""A translation table deleting the zero-width characters a digit run may hold."""
_MAX_DENOMINATOR = 10
"""A proper slash fraction that could be a month/day ("9/11") is a fraction only with a
denominator up to 10 ("3/4"); "1/40" is a fraction, "24/7" and "50/50" are kind other."""
_MAX_DIGITS = 40
"""Longer digit strings are identifiers, not figures."""
_MAX_GLUED = 8
"""A run of more than this many numbers glued by commas, hyphens or slashes ("1,1,1,...",
"1-1-1-...") is data, not prose: it is reported as one mention of kind "other"."""

_NUM, _WORD, _SYM, _URL, _DOTTED = "n", "w", "s", "u", "d"

Num = int | Fraction
"""Exact values: ints while possible (fast), Fractions for decimals and fractions."""


def _num_value(s: str) -> tuple[Num, int] | None:
    """Value of a digit token and its trailing "000" scale, or None if not one number.

    Accepts Western (1,234,567.8), Indian (1,20,00,000), European (1.111,11) grouping and a
    decimal comma with one or two decimals (5,00).
    """
    if "," not in s:
        if s.count(".") > 1:
            return None
        return _decimal(s), _zeros_scale(s)
    dot = s.find(".")
    if dot >= 0 and s.count(".") == 1 and dot > s.rfind(","):
        intpart, frac = s[:dot], s[dot:]
    elif "." not in s:
        intpart, frac = s, ""
    else:  # European 1.111,11
        head, _, tail = s.rpartition(",")
        groups = head.split(".")
        if (
            "," in head
            or "." in tail
            or not 1 <= len(groups[0]) <= 3
            or any(len(g) != 3 for g in groups[1:])
        ):
            return None
        return Fraction("".join(groups) + "." + tail), 1
    groups = intpart.split(",")
    first, rest = groups[0], groups[1:]
    western = 1 <= len(first) <= 3 and all(len(g) == 3 for g in rest)
    indian = (
        len(rest) >= 2
        and 1 <= len(first) <= 2
        and all(len(g) == 2 for g in rest[:-1])
        and len(rest[-1]) == 3
    )
    if western or indian:
        scale = _zeros_scale(intpart.replace(",", "")) if not frac else 1
        if not frac and western:
            scale = 1000 ** sum(1 for _ in _trailing(rest, "000"))
        return _decimal(intpart.replace(",", "") + frac), scale
    if len(groups) == 2 and len(rest[0]) <= 2 and not frac:
        return Fraction(first + "." + rest[0]), 1  # decimal comma: "1,3", "5,00"
    return None


def _decimal(s: str) -> Num:
    """An int for integers (fast), an exact Fraction for decimals."""
    return int(s) if s.isdigit() else Fraction(s)


_OUT_OF_RANGE = 400
"""Powers of ten beyond this are not computed exactly: such a value cannot be a float
anyway, and is reported as kind ``other`` (see :func:`_fits`)."""
_TOO_LARGE: Fraction = Fraction(10) ** _OUT_OF_RANGE
_TOO_SMALL: Fraction = Fraction(1, 10**_OUT_OF_RANGE)
_FLOAT_MIN = Fraction(sys.float_info.min)
_INT_MAX = int(sys.float_info.max)


def _scaled(value: Num, exp: int) -> Num:
    """``value * 10**exp`` ("1.5e6"), or a stand-in past any float for absurd exponents."""
    if value == 0:
        return 0
    if exp > _OUT_OF_RANGE:
        return _TOO_LARGE
    if exp < -_OUT_OF_RANGE:
        return _TOO_SMALL
    return value * Fraction(10) ** exp


def _power(base: Num, exp: int) -> Num | None:
    """``base**exp`` ("10^6", "2^10"); None for ``0^-1``; a stand-in past any float when the
    result is far out of range ("10^1000")."""
    if base == 0:
        return None if exp < 0 else (1 if exp == 0 else 0)
    if abs(base) == 1:
        return base**exp
    magnitude = exp * math.log10(abs(float(base)))
    if magnitude > _OUT_OF_RANGE:
        return _TOO_LARGE
    if magnitude < -_OUT_OF_RANGE:
        return _TOO_SMALL
    if abs(exp) > _OUT_OF_RANGE:  # a base near 1: the exact power is costly, a float is not
        if not -300 < magnitude < 300:
            return _TOO_LARGE if magnitude > 0 else _TOO_SMALL
        approx = Fraction(math.pow(abs(float(base)), exp))
        return approx if base > 0 or exp % 2 == 0 else -approx
    return Fraction(base) ** exp


_UNFIT = "the value does not fit a 64-bit float"


def _fits(value: Num | None) -> bool:
    """A float holds ``value`` without overflow or underflow (None, an open bound, fits)."""
    if value is None:
        return True
    if type(value) is int:  # the common case, without Fraction arithmetic
        return -_INT_MAX <= value <= _INT_MAX
    # a Fraction n/d, compared in integers: FLOAT_MIN <= |n|/d <= FLOAT_MAX
    num, den = value.numerator, value.denominator
    if num == 0:
        return True
    size = num if num > 0 else -num
    return size <= _INT_MAX * den and size * _FLOAT_MIN.denominator >= _FLOAT_MIN.numerator * den


def _trailing(items: list[str], value: str) -> Iterable[str]:
    for item in reversed(items):
        if item != value:
            return
        yield item


def _zeros_scale(digits: str) -> int:
    """1000**k for plain digits ending in 3k zeros ("170000" -> 1000); 1 otherwise."""
    if "." in digits:
        return 1
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    return int(1000 ** (zeros // 3)) if stripped else 1


@lru_cache(maxsize=4096)
def _parse_num(text: str) -> tuple[Num, int] | None:
    if _has_zero_width(text):
        text = text.translate(_ZERO_WIDTH)
    return _num_value(text) if len(text) <= _MAX_DIGITS else None


_ZERO_WIDTH_RE = re.compile("[\u200b-\u200d\u2060\ufeff]")


def _has_zero_width(text: str) -> bool:
    return _ZERO_WIDTH_RE.search(text) is not None


def _split_lists(
    bad: list[int],
    kd: list[str],
    st: list[int],
    en: list[int],
    tx: list[str],
    parsed: list[tuple[Num, int] | None],
) -> tuple[list[str], list[int], list[int], list[str], list[tuple[Num, int] | None]]:
    """Split digit tokens that are not one number: "22,24,26" is three numbers and two
    commas; "192.168.1.2" stays one token of kind "dotted"."""
    out_k: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []
    out_t: list[str] = []
    out_p: list[tuple[Num, int] | None] = []
    prev = 0
    for x in bad:
        out_k += kd[prev:x]
        out_s += st[prev:x]
        out_e += en[prev:x]
        out_t += tx[prev:x]
        out_p += parsed[prev:x]
        prev = x + 1
        text, pos = tx[x], st[x]
        pieces = text.split(",")
        subs = [_parse_num(piece) for piece in pieces] if len(pieces) <= _MAX_GLUED else []
        if len(pieces) == 1 or None in subs or not subs:
            out_k.append(_DOTTED)  # "192.168.1.2", "1,234.56.78": one token, not a figure
            out_s.append(pos)
            out_e.append(en[x])
            out_t.append(text)
            out_p.append(None)
            continue
        starts = list(accumulate((len(piece) + 1 for piece in pieces[:-1]), initial=pos))
        for piece, sub, a in zip(pieces, subs, starts, strict=True):
            if a > pos:
                out_k.append(_SYM)
                out_s.append(a - 1)
                out_e.append(a)
                out_t.append(",")
                out_p.append(None)
            out_k.append(_NUM if sub is not None else _DOTTED)
            out_s.append(a)
            out_e.append(a + len(piece))
            out_t.append(piece)
            out_p.append(sub)
    out_k += kd[prev:]
    out_s += st[prev:]
    out_e += en[prev:]
    out_t += tx[prev:]
    out_p += parsed[prev:]
    return out_k, out_s, out_e, out_t, out_p


class _Tokens:
    """Parallel arrays of tokens: kind, start, end, text, lowercase text, digit value."""

    __slots__ = ("en", "kd", "lw", "n", "norm", "st", "tx", "vl", "zs")

    def __init__(self, norm: str) -> None:
        self.norm = norm
        # re.split with one capturing group alternates [gap, token, gap, token, ..., gap]:
        # much faster than one match object per token.
        pieces = _SPLIT.split(norm)
        tx = pieces[1::2]
        ends = list(accumulate(map(len, pieces)))
        en = ends[1::2]
        st = ends[0::2][: len(tx)]
        kd: list[str] = [
            _NUM
            if "0" <= t[0] <= "9"
            else _WORD
            if t.isalpha()
            else _URL
            if t[0].isalpha()
            else _NUM
            if t[0] == "." and len(t) > 1
            else _SYM
            for t in tx
        ]
        parsed = [_parse_num(t) if k == _NUM else None for k, t in zip(kd, tx, strict=True)]
        if kd.count(_NUM) != len(parsed) - parsed.count(None):  # some digits are not a number
            bad = [
                x for x, (k, p) in enumerate(zip(kd, parsed, strict=True)) if k == _NUM and not p
            ]
            kd, st, en, tx, parsed = _split_lists(bad, kd, st, en, tx, parsed)
        if _has_zero_width(norm):
            # offsets stay those of the original text; the text of a number drops them
            tx = [t.translate(_ZERO_WIDTH) if k == _NUM else t for k, t in zip(kd, tx, strict=True)]
        self.kd, self.st, self.en, self.tx = kd, st, en, tx
        self.vl: list[Num | None] = [p[0] if p else None for p in parsed]
        self.zs: list[int] = [p[1] if p else 1 for p in parsed]
        self.lw = list(map(str.lower, tx))
        self.n = len(kd)


# --------------------------------------------------------------------------------------
# Grammar tables
# --------------------------------------------------------------------------------------

_Q = tuple[Qualifier, str]

_PREFIXES: dict[str, _Q] = QUALIFIER_PREFIXES
"""Words before a figure that bound or qualify it ("about", "at least", "up to")."""

_SUFFIXES: dict[str, _Q] = QUALIFIER_SUFFIXES
"""Words after a figure that bound or qualify it."""
_INCLUSIVE = frozenset({("or", "equal"), ("or", "equal", "to")})
"""Words after a strict bound that make it inclusive ("more than 5000 or equal to")."""

_LOWER: frozenset[str] = frozenset({"at_least", "more_than"})
_UPPER: frozenset[str] = frozenset({"at_most", "less_than"})


def _phrase_index(phrases: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """First token -> the phrases (as token tuples) starting with it, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        toks = tuple(_split_phrase(phrase))
        index.setdefault(toks[0], []).append(toks)
    for items in index.values():
        items.sort(key=len, reverse=True)
    return index


def _split_phrase(phrase: str) -> list[str]:
    return [m.group() for m in _TOKEN.finditer(phrase.lower())]


_PREFIX_INDEX = _phrase_index(_PREFIXES)
_SUFFIX_INDEX = _phrase_index([*_SUFFIXES, "or equal", "or equal to"])
_PREFIX_KEY = {tuple(_split_phrase(p)): q for p, q in _PREFIXES.items()}
_AFTER_FIGURE: frozenset[str] = frozenset(["-", "~", "to", "through", "thru", *_SUFFIX_INDEX])
"""Tokens after a figure that may make it a range or qualify it ("5% to 7%", "5% or more")."""
_SUFFIX_KEY = {tuple(_split_phrase(p)): q for p, q in _SUFFIXES.items()}

_PERCENT_WORDS = PERCENT_WORDS
_DASHES = frozenset({"-", "–", "—"})
_SCORE_BEFORE = SCORE_BEFORE
_SCORE_AFTER = SCORE_AFTER
_RANGE_BEFORE = RANGE_BEFORE
_ORDINAL_NOUNS = ORDINAL_NOUNS
"""Words after "a third", "a fourth" that make it a rank, not a fraction ("a fourth day")."""
_SIZE_WORDS = SIZE_WORDS
"""Words after "25m" that make the "m" metres."""
_METRES_REACH = 12
"""Tokens back from a glued "m" where an "m" that is metres makes it metres too."""
_SENTENCE_END = frozenset({".", "!", "?", ";"})
_CLOCK_WORDS = frozenset(["am", "pm", "p", *(z.lower() for z in TIME_ZONES)])
"""Words after a lone integer that may make it a time of day (the fast path leaves it)."""
_STREET_WORDS = STREET_WORDS
_SENTENCE_OPEN = frozenset({".", "!", "?", '"', "“", "(", "[", ":", ";", "'", "‘"})
_NOT_NAMES = NOT_NAMES
_DATE_PREFIXES = DATE_PREFIXES
_DAY_JOINERS = DAY_JOINERS
_SIGN_WORDS = SIGN_WORDS
_ORDINAL_SUFFIXES = ORDINAL_SUFFIXES
_YEAR_MIN, _YEAR_MAX = 1500, 2100
_PLURAL_SCALES = PLURAL_SCALES
_VULGAR: dict[str, Fraction] = {
    "½": Fraction(1, 2), "⅓": Fraction(1, 3), "⅔": Fraction(2, 3), "¼": Fraction(1, 4),
    "¾": Fraction(3, 4), "⅕": Fraction(1, 5), "⅖": Fraction(2, 5), "⅗": Fraction(3, 5),
    "⅘": Fraction(4, 5), "⅙": Fraction(1, 6), "⅚": Fraction(5, 6), "⅛": Fraction(1, 8),
    "⅜": Fraction(3, 8), "⅝": Fraction(5, 8), "⅞": Fraction(7, 8), "⅐": Fraction(1, 7),
    "⅑": Fraction(1, 9), "⅒": Fraction(1, 10),
}  # fmt: skip

_NUMBER_CONT_WORDS: frozenset[str] = frozenset(
    [HUNDRED, "hundreds", *SCALES, *_PLURAL_SCALES, *DOZENS, "and", "point", "over", "out",
     "in", "per", "percentage", *_PERCENT_WORDS, *(a.lower() for a in SPACED_ABBREVIATIONS),
     *(c.lower() for c in CURRENCY_CODES)]
)  # fmt: skip
"""Words after a spaced digit integer that :meth:`_Scanner.number` may read on (scales,
"and a half", "1 in 4", "5 percent", "10 bln", "500 USD"); any other word leaves it alone.
The fast path of the number reader (:meth:`_Scanner.plain_number`) reads it; the ``figure``
rule declares it among its continuation words (:data:`_FIGURE_CONTINUES`)."""
_A_NEXT: frozenset[str] = frozenset(
    [HUNDRED, *SCALES, *DOZENS, *DENOMINATORS, *TENS, *ORDINALS,
     *(p[1] for a in ("a", "an") for p in _PREFIX_INDEX.get(a, ()) if len(p) > 1)]
)  # fmt: skip
"""Words after "a"/"an" that can make a number ("a hundred", "a third", "a minimum of")."""
_SIMPLE_WORDS: dict[str, int] = {
    w: v for w, v in {**UNITS, **TEENS, **TENS}.items() if w not in ("zero", "nought", "naught")
}
_NOT_AFTER_UNIT = frozenset(w for w, v in {**UNITS, **TEENS, **TENS}.items() if v > 0)
_NOT_AFTER_TENS = frozenset([*TEENS, *TENS])
_RISKY_AFTER = frozenset(
    [HUNDRED, *SCALES, *DENOMINATORS, *ORDINALS, *(o + "s" for o in ORDINALS), "-", "and"]
)
"""After these, a number word may start a compound ("one hundred fifth", "twenty fifths")."""

VagueTable = Mapping[str, tuple[float | None, float | None]]


@lru_cache(maxsize=1)
def _default_vague() -> dict[str, tuple[float | None, float | None]]:
    table = data_file("vague.toml").get("vague", {})
    return {str(k).lower(): (float(v[0]), float(v[1])) for k, v in table.items()}


def vague_table() -> dict[str, tuple[float | None, float | None]]:
    """The default vague-amount table (``numcheck/data/vague.toml``), as a fresh dict."""
    return dict(_default_vague())


@lru_cache(maxsize=32)
def _vague_index(
    items: tuple[tuple[str, tuple[float | None, float | None]], ...],
) -> tuple[
    dict[str, list[tuple[str, ...]]], dict[tuple[str, ...], tuple[float | None, float | None]]
]:
    index = _phrase_index(k for k, _ in items)
    return index, {tuple(_split_phrase(k)): v for k, v in items}


# --------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------


class _State(enum.IntEnum):
    """What the word-composition machine (:meth:`_Scanner._card`) read last.

    A number core is read token by token ("two hundred and five thousand", "3.5 million",
    "a dozen"); the state is the class of the last token read, and :data:`_FOLLOWS` says
    after which states each class may be read. An int enum: its members hash and compare
    as ints, as fast as the letters they replace.
    """

    START = 0
    """Nothing read yet."""
    DIGITS = 1
    """An integer in digits below 1,000 ("5", "250"), or digits added after a hundred or
    a scale ("2 million 300")."""
    GROUPED = 2
    """Any other digit number ("2,500", "3.5", "1500")."""
    EXPONENT = 3
    """Digits with an exponent ("1e6", "2^10", "1.3x10^6"): the core ends there."""
    ZERO = 4
    """ "zero", "nought": alone, or before "point"."""
    UNITS = 5
    """ "one" to "nine"."""
    TEENS = 6
    """ "ten" to "nineteen"."""
    TENS = 7
    """ "twenty" to "ninety"."""
    HUNDRED = 8
    """ "hundred" (and "hundreds" after a count: "two hundreds")."""
    SCALE = 9
    """ "thousand", "million", "lakh"...; a glued scale letter ("4m", "2.7bn")."""
    DOZEN = 10
    """ "dozen" after a count ("two dozen")."""
    ARTICLE = 11
    """ "a"/"an" before a hundred, a scale or a dozen ("a hundred", "a million")."""
    POINT = 12
    """Decimals spoken after "point" ("three point five"): the core ends there."""


_START, _DIGITS, _GROUPED, _EXPONENT = _State.START, _State.DIGITS, _State.GROUPED, _State.EXPONENT
_ZERO, _UNITS, _TEENS, _TENS = _State.ZERO, _State.UNITS, _State.TEENS, _State.TENS
_HUNDRED, _SCALE, _DOZEN, _ARTICLE = _State.HUNDRED, _State.SCALE, _State.DOZEN, _State.ARTICLE
_POINT = _State.POINT

_FOLLOWS: dict[_State, frozenset[_State]] = {
    _DIGITS: frozenset({_START, _HUNDRED, _SCALE}),
    _GROUPED: frozenset({_START}),
    _EXPONENT: frozenset({_START}),
    _ZERO: frozenset({_START}),
    _UNITS: frozenset({_START, _HUNDRED, _SCALE, _TENS}),
    _TEENS: frozenset({_START, _HUNDRED, _SCALE}),
    _TENS: frozenset({_START, _HUNDRED, _SCALE}),
    _HUNDRED: frozenset({_UNITS, _TEENS, _TENS, _DIGITS, _GROUPED, _ARTICLE}),
    _SCALE: frozenset({_UNITS, _TEENS, _TENS, _DIGITS, _GROUPED, _ARTICLE, _HUNDRED, _SCALE}),
    _DOZEN: frozenset({_UNITS, _TEENS, _TENS, _DIGITS, _ARTICLE}),
    _ARTICLE: frozenset({_START}),
    _POINT: frozenset({_UNITS, _TEENS, _TENS, _HUNDRED, _SCALE, _ZERO}),
}
"""The transition table of word composition: a token of each class (the state it leads
to) may be read only after one of these states. Side conditions, checked in
:meth:`_Scanner._card`:

=========  ===============================================  ================================
reading    after                                            and only if
=========  ===============================================  ================================
DIGITS     START, HUNDRED, SCALE                            after HUNDRED/SCALE: an integer
                                                            below it ("2 million 300")
GROUPED    START                                            (a first number of 1,000 or a
EXPONENT   START                                            decimal; a glued exponent)
ZERO       START                                            alone or before "point"
UNITS      START, HUNDRED, SCALE, TENS                      after TENS: a round tens
                                                            ("twenty one")
TEENS      START, HUNDRED, SCALE
TENS       START, HUNDRED, SCALE
HUNDRED    UNITS, TEENS, TENS, DIGITS, GROUPED, ARTICLE     no hundred yet in this group
SCALE      UNITS, TEENS, TENS, DIGITS, GROUPED, ARTICLE,    a non-zero amount before it; or
           HUNDRED, SCALE                                   after SCALE a larger scale
                                                            ("five hundred thousand million")
DOZEN      UNITS, TEENS, TENS, DIGITS, ARTICLE              a non-zero count
ARTICLE    START                                            a hundred, scale or dozen next
POINT      UNITS, TEENS, TENS, HUNDRED, SCALE, ZERO         the number is in words
=========  ===============================================  ================================

Connectors, not states: "and" after HUNDRED, SCALE, DOZEN, DIGITS or GROUPED takes a
unit, teen, tens or digits after it ("one hundred and five"; not digits after DOZEN),
after TENS a unit ("twenty and one" is not read); "-" joins TENS and a unit
("twenty-one") and a count and "dozen" ("two-dozen"). The plural "hundreds" and plural
scales ("millions") multiply only a count: :data:`_COUNTABLE` (and HUNDRED for scales)."""

_BEFORE_DIGITS = _FOLLOWS[_DIGITS]
_BEFORE_ZERO = _FOLLOWS[_ZERO]
_BEFORE_UNITS = _FOLLOWS[_UNITS]
_BEFORE_TEENS = _FOLLOWS[_TEENS]
_BEFORE_TENS = _FOLLOWS[_TENS]
_BEFORE_HUNDRED = _FOLLOWS[_HUNDRED]
_BEFORE_SCALE = _FOLLOWS[_SCALE]
_BEFORE_DOZEN = _FOLLOWS[_DOZEN]
_BEFORE_POINT = _FOLLOWS[_POINT]
_COUNTABLE = frozenset({_UNITS, _TEENS, _TENS, _DIGITS})
"""States a plural multiplier may follow ("two hundreds", "5 millions")."""
_BEFORE_PLURAL_SCALE = _COUNTABLE | {_HUNDRED}
_BEFORE_AND = frozenset({_HUNDRED, _SCALE, _DOZEN, _DIGITS, _GROUPED, _TENS})
"""States "and" may follow inside a number ("one hundred and five", "twenty and ...")."""
_SCALED = frozenset({_SCALE, _HUNDRED, _DOZEN})
"""States whose value carries a trailing scale (``mant * scale``)."""
_DIGIT_STATES = frozenset({_DIGITS, _GROUPED})


@dataclass(slots=True)
class _Card:
    """A parsed number core (digits and/or words), before qualifiers and ranges."""

    value: Num
    start: int  # token index
    end: int  # token index, exclusive
    words: bool = False
    mant: Num = 0  # value = mant * scale, scale the trailing scale
    scale: int = 1
    plain4: bool = False  # a bare 4-digit integer (year candidate)
    single_one: bool = False  # just the word "one"
    last: _State = _State.START
    """What the composition read last (a state of :data:`_FOLLOWS`)."""
    and_base: Num | None = None
    and_seg: Num | None = None
    and_scale: int = 1
    tens_tok: int = -1
    tens_val: int = 0
    integer: bool = True


@dataclass(slots=True)
class _Fig:
    """A figure: a number with its kind, unit, interval and qualifier."""

    start: int  # token index
    end: int  # token index, exclusive
    value: Num | None
    low: Num | None
    high: Num | None
    kind: Kind = "cardinal"
    qualifier: Qualifier = "exact"
    modifier: str | None = None
    unit: str | None = None
    parts: Parts | None = None
    mant: Num = 0
    scale: int = 1
    plain4: bool = False
    single_one: bool = False
    bare: bool = True  # no currency, percent, scale, sign: a candidate year/page number
    span: tuple[int, int] | None = None  # character span, when not the tokens' own


def _f(x: Num | None) -> float | None:
    if x is None:
        return None
    try:
        return float(x)
    except OverflowError:
        return math.inf if x > 0 else -math.inf


class _Scanner:
    """The grammar over a text's tokens. With ``fast`` (the default) the common token shapes
    take fast paths and the slow rules reject cheaply; ``fast=False`` runs every rule of the
    full grammar, which the tests compare the fast paths against: the output is the same."""

    def __init__(
        self,
        toks: _Tokens,
        vague: VagueTable,
        *,
        fast: bool = True,
        grammar: Grammar[_Scanner, list[_Fig]] | None = None,
    ) -> None:
        self.fast = fast
        self.grammar = RULES if grammar is None else grammar
        self.cont_syms = self.grammar.continue_symbols()
        self.func_tables = {
            k: self.grammar.func_table(k) for k in (_NUM, _WORD, _SYM, _URL, _DOTTED)
        }
        """The grammar's dispatch cache per token kind: key -> the rules' functions."""
        self.t = toks
        self.kd, self.st, self.en, self.tx, self.lw, self.vl = (
            toks.kd,
            toks.st,
            toks.en,
            toks.tx,
            toks.lw,
            toks.vl,
        )
        self.n = toks.n
        self.norm = toks.norm
        items = tuple(sorted((k.lower(), v) for k, v in vague.items()))
        self.vague_index, self.vague_values = _vague_index(items)
        self.multiline = "\n" in toks.norm.strip()
        self.months = not fast or not MONTHS.keys().isdisjoint(toks.lw)
        """The text may hold a month name: without one no day-first date is looked for."""
        self.card_memo: dict[int, _Card | None] = {}
        self.labels: dict[int, bool] = {}
        """Integers read by :meth:`label_before` so far (token -> a label), left to right."""
        self.glued_ok = -1
        self.units_ok = False
        """Read digits glued to a unit ("8W") as the number: only for a side of a range."""
        """The digit token a glued currency code before it lets be read ("USD25m")."""

    # ---------------------------------------------------------------- token helpers
    def adj(self, j: int) -> bool:
        """Token j touches token j-1 (no space between)."""
        return 0 < j < self.n and self.st[j] == self.en[j - 1]

    def word(self, j: int) -> str:
        return self.lw[j] if 0 <= j < self.n and self.kd[j] == _WORD else ""

    def sym(self, j: int) -> str:
        return self.tx[j] if 0 <= j < self.n and self.kd[j] == _SYM else ""

    def tok(self, j: int) -> str:
        return self.lw[j] if 0 <= j < self.n else ""

    def match_phrase(
        self, j: int, index: Mapping[str, list[tuple[str, ...]]]
    ) -> Iterable[tuple[tuple[str, ...], int]]:
        """Phrases of ``index`` at token j, longest first, as (phrase, end token)."""
        if j >= self.n:
            return
        for phrase in index.get(self.lw[j], ()):
            end = j + len(phrase)
            if end <= self.n and all(self.lw[j + x] == p for x, p in enumerate(phrase)):
                yield phrase, end

    # ---------------------------------------------------------------- digits
    def allow_glued(self, j: int) -> None:
        """Read the digits at token j although a word is glued before them (a currency
        code: "USD25m")."""
        self.glued_ok = j
        self.card_memo.pop(2 * j, None)

    def glued_left_word(self, j: int) -> bool:
        """Digits glued to a word before them ("MP3", "user123", "F-16", "COVID-19")."""
        if not self.adj(j) or j == self.glued_ok:
            return False
        if self.kd[j - 1] == _WORD:
            return True
        if self.tx[j - 1] in "-_/" and self.adj(j - 1) and j >= 2 and self.kd[j - 2] == _WORD:
            if j >= 3 and self.kd[j - 3] == _NUM and self.adj(j - 2):
                return self.tx[j - 2] not in SCALE_ABBREVIATIONS  # "5k-20k" is a range
            return self.lw[j - 2] not in IDENTIFIER_PREFIX_OK
        if (
            self.tx[j - 1] == "-"
            and j >= 4
            and self.kd[j - 2] == _NUM
            and self.adj(j - 1)
            and self.adj(j - 2)
            and self.tx[j - 3] == "-"
            and self.kd[j - 4] == _WORD
            and self.adj(j - 3)
            and self.lw[j - 4] not in IDENTIFIER_PREFIX_OK
        ):
            return True  # the last group of an identifier: "CVE-2024-3094"
        return self.kd[j - 1] in (_NUM, _DOTTED)

    def glued_after(self, j: int) -> bool:
        """Token j+1 is a word or number touching token j ("m2" of "45m2")."""
        return j + 1 < self.n and self.adj(j + 1) and self.kd[j + 1] in (_WORD, _NUM)

    def number_unit(self, j: int) -> _Fig | None:
        """:meth:`number` at token j, reading digits glued to a unit of measure as the
        number ("8" of "3-8W"): a side of a range, whose unit the claim layer reads after
        it. Elsewhere "180ml" stays one mention of kind other."""
        got = self.number(j)
        if got is not None or j >= self.n or self.kd[j] != _NUM:
            return got
        self.units_ok = True
        self.card_memo.pop(2 * j, None)
        try:
            return self.number(j)
        finally:
            self.units_ok = False
            self.card_memo.pop(2 * j, None)

    def glued_measure(self, j: int) -> bool:
        """Token j, glued after digits, starts a unit of measure ("8W", "12kHz", "45m2",
        "330ml"; not money, which has its own rules)."""
        return self.tx[j] in GLUED_UNITS and not self.glued_after(j)

    def metres(self, j: int) -> bool:
        """The "m" at token j, glued after digits, is metres, not millions: a length in
        feet follows in brackets ("45m (148ft)") or a word of size ("25m tall", "6.5m-wide",
        "the 400m hurdles"), or an "m" shortly before in the sentence is metres by those
        signs ("a jump of 140m (459ft) beat the record by 2.5m")."""
        if self.tx[j] != "m":
            return False
        if self._metres_here(j):
            return True
        if any(self.lw[k] in MONEY_WORDS for k in range(max(0, j - 5), j - 1)):
            return False  # "and cost 45m": money, whatever is near
        for step in (-1, 1):  # the nearest sentence neighbours, before and after
            last = max(1, j - _METRES_REACH) if step < 0 else min(self.n - 1, j + _METRES_REACH)
            for k in range(j - 2 if step < 0 else j + 1, last + step, step):
                if self.tx[k] in _SENTENCE_END:
                    break
                if (
                    self.tx[k] == "m"
                    and self.kd[k - 1] == _NUM
                    and self.adj(k)
                    and self.sym(k - 2) not in CURRENCY_SYMBOLS
                    and self._metres_here(k)
                ):
                    return True
        return False

    def _metres_here(self, j: int) -> bool:
        """The signs after the "m" at token j itself (see :meth:`metres`)."""
        k = j + 1
        if self.sym(k) == "(" and k + 2 < self.n and self.kd[k + 1] == _NUM:
            return self.lw[k + 2] in ("ft", "feet", "foot")
        if self.sym(k) == "-" and self.adj(k):
            k += 1
        return self.word(k) in _SIZE_WORDS

    def money_letters(self, j: int, value: Num) -> bool:
        """Token j, glued after the digits ``value``, is "p" (pence: "210p") or "pc"
        (percent: "17pc") and nothing more is glued to it; "720p" and "1080p" are video
        formats, not pence."""
        t = self.tx[j]
        if t not in ("p", "pc") or self.glued_after(j):
            return False
        if self.sym(j + 1) == "-" and self.adj(j + 1):
            return False  # "5p-coin"? a compound: leave it
        return t == "pc" or value not in VIDEO_LINES

    def digits(self, j: int) -> tuple[Num, int, int, bool] | None:
        """A digit number at token j: (value, end token, trailing scale, plain 4-digit)."""
        kd, vl, tx = self.kd, self.vl, self.tx
        if kd[j] != _NUM or vl[j] is None or self.glued_left_word(j):
            return None
        value = vl[j]
        assert value is not None
        scale = self.t.zs[j]
        text = tx[j]
        end = j + 1
        # Space grouping: "2 500", "1 414 021 100" (one space, groups of three).
        if len(text) <= 3 and text.isdigit():
            pieces = [text]
            k = end
            while (
                k < self.n
                and kd[k] == _NUM
                and self.st[k] == self.en[k - 1] + 1
                and len(tx[k].split(".")[0]) == 3
                and tx[k].split(".")[0].isdigit()
                and "," not in tx[k]
                and len(pieces) < 7
                and not (
                    k + 1 < self.n
                    and self.adj(k + 1)
                    and kd[k + 1] in (_NUM, _WORD)
                    and self.tx[k + 1] not in SCALE_ABBREVIATIONS
                )
            ):
                pieces.append(tx[k])
                k += 1
                if "." in tx[k - 1]:
                    break
            if len(pieces) > 1:
                joined = "".join(pieces)
                value = _decimal(joined)
                scale = _zeros_scale(joined)
                end = k
        plain4 = end == j + 1 and len(text) == 4 and text.isdigit()
        return value, end, scale, plain4

    def exponent(self, j: int, value: Num) -> tuple[Num, int] | None:
        """ "1e10", "1E-12", "1.1^23", "1.3x10^6" glued after a number ending at token j."""
        if j >= self.n or not self.adj(j):
            return None
        w = self.tx[j]
        k = j + 1
        if w in ("e", "E") or w == "^" or (w in ("x", "X", "×") and self.tx[k : k + 1] == ["10"]):
            if w in ("x", "X", "×"):
                if not (self.adj(k) and self.adj(k + 1) and self.sym(k + 1) in ("^", "-", "+")):
                    return None
                k += 2 if self.sym(k + 1) == "^" else 1  # "1.3x10^6", "2.48×10−5"
                base = Fraction(10)
            else:
                base = Fraction(value)
            sign = 1
            while k < self.n and self.kd[k] == _SYM and not self.tx[k].strip("+-") and self.adj(k):
                if self.tx[k].count("-") % 2:
                    sign = -sign
                k += 1
            if not (k < self.n and self.kd[k] == _NUM and self.adj(k) and self.tx[k].isdigit()):
                return None
            digits = self.tx[k]
            exp = sign * (int(digits) if len(digits) <= 6 else 10**6)
            if w in ("e", "E"):
                return _scaled(value, exp), k + 1
            if w in ("x", "X", "×"):
                return _scaled(value, exp), k + 1
            power = _power(base, exp)
            return None if power is None else (power, k + 1)
        return None

    # ---------------------------------------------------------------- cardinal core
    def card(self, i: int, *, words_only: bool = False) -> _Card | None:
        """The longest number core at token i (digits, words, scales), or None (memoized)."""
        key = 2 * i + words_only
        memo = self.card_memo
        if key in memo:
            return memo[key]
        got = memo[key] = self._card(i, words_only)
        if len(memo) > 64:  # only the last few positions are ever asked again
            memo.clear()
            memo[key] = got
        return got

    def _card(self, i: int, words_only: bool) -> _Card | None:
        n = self.n
        kd, lw = self.kd, self.lw
        total: Num = 0
        cur_h: Num = 0
        small: Num = 0
        last = _START
        max_scale = 0
        last_scale = 1
        mant: Num = 0
        has_words = False
        pending_and = False
        and_base: Num | None = None
        tens_tok = -1
        tens_val = 0
        integer = True
        best: _Card | None = None
        before_and: _Card | None = None
        and_scale = 1
        j = i
        plain4 = False
        while j < n and j - i < 60:
            w = lw[j]
            k = kd[j]
            nxt = j + 1
            if k == _NUM:
                if words_only or last not in _BEFORE_DIGITS:
                    break
                got = self.digits(j)
                if got is None:
                    break
                value, nxt, zscale, p4 = got
                if last is _START:
                    integer = value.denominator == 1
                    small = value
                    mant, last_scale = (
                        (Fraction(value, zscale), zscale) if zscale > 1 else (value, 1)
                    )
                    plain4 = p4
                    cls = _DIGITS if integer and value < 1000 else _GROUPED
                    # glued exponent / scale abbreviation
                    ex = self.exponent(nxt, value)
                    if ex is not None:
                        small, nxt = ex
                        integer = small.denominator == 1
                        plain4 = False
                        mant, last_scale = small, 1
                        best = self._snap(i, nxt, total, small, cls=_EXPONENT, has_words=False)
                        best.integer = integer
                        return best
                    if nxt < n and kd[nxt] == _WORD and self.adj(nxt):
                        if self.money_letters(nxt, value):
                            snap = self._snap(i, nxt, 0, value, cls=cls, has_words=False)
                            snap.mant, snap.integer = value, integer
                            return snap  # "210p", "2.4pc": number() reads the letters
                        abbr = SCALE_ABBREVIATIONS.get(self.tx[nxt])
                        if (
                            self.units_ok
                            and (abbr is None or value >= 1000)
                            and self.glued_measure(nxt)
                        ):
                            snap = self._snap(i, nxt, 0, value, cls=cls, has_words=False)
                            snap.mant, snap.integer = value, integer
                            return snap  # "520bhp", "3-8W": the number; the unit follows
                        if (
                            abbr is None
                            or value >= 1000  # "1500b", "5000m": a unit, not a scale
                            or self.metres(nxt)  # "45m (148ft)", "25m tall"
                            or (nxt + 1 < n and self.adj(nxt + 1) and kd[nxt + 1] in (_NUM, _WORD))
                        ):
                            return None  # glued to a unit or identifier: "180ml", "3D"
                        snap = self._snap(i, nxt + 1, 0, value * abbr, cls=_SCALE)
                        snap.mant, snap.scale, snap.integer = value, abbr, True
                        return snap
                else:
                    magnitude = 100 if last is _HUNDRED else last_scale
                    if value.denominator != 1 or value >= magnitude:
                        break
                    if self.glued_after(nxt - 1) or (self.sym(nxt) == "-" and self.adj(nxt)):
                        break  # "six million 330ml cans", "three million 2-litre cartons"
                    small += value
                    cls = _DIGITS
                last = cls
            elif w in UNITS:
                v = UNITS[w]
                if v == 0:
                    if last not in _BEFORE_ZERO:
                        break
                    last = _ZERO
                elif last in _BEFORE_UNITS:
                    if last is _TENS and small % 10:
                        break
                    small += v
                    last = _UNITS
                else:
                    break
                has_words = True
            elif w in TEENS:
                if last not in _BEFORE_TEENS:
                    break
                small += TEENS[w]
                last = _TEENS
                has_words = True
            elif w in TENS:
                if last not in _BEFORE_TENS:
                    break
                if (last is _HUNDRED or last is _SCALE) and not pending_and:
                    tens_tok, tens_val = j, TENS[w]
                small += TENS[w]
                last = _TENS
                has_words = True
            elif w == HUNDRED or (w == "hundreds" and last in _COUNTABLE):
                if last not in _BEFORE_HUNDRED or cur_h:
                    if pending_and or (and_base is not None and last in _COUNTABLE):
                        best = before_and  # "3 hundred and 2 hundred": two numbers
                    break
                cur_h = small * 100
                small = 0
                last = _HUNDRED
                has_words = True
                mant, last_scale = Fraction(cur_h, 100), 100
            elif w in SCALES or (w in _PLURAL_SCALES and last in _BEFORE_PLURAL_SCALE):
                s = SCALES.get(w) or _PLURAL_SCALES[w]
                cur = cur_h + small
                if last in _BEFORE_SCALE and last is not _SCALE and cur:
                    if s > max_scale:
                        mant = total + cur
                        total = (total + cur) * s
                    else:
                        mant = cur
                        total += cur * s
                elif last is _SCALE and s > last_scale and not pending_and:
                    mant = total
                    total = total * s
                else:
                    if and_base is not None and last in _COUNTABLE:
                        best = before_and
                    break
                last_scale = s
                max_scale = max(max_scale, s)
                cur_h = small = 0
                last = _SCALE
                has_words = True
            elif w in DOZENS:
                if last not in _BEFORE_DOZEN or not small:
                    break
                mant, last_scale = small, 12
                small *= 12
                last = _DOZEN
                has_words = True
            elif w in ("a", "an") and j == i:
                nw = self.word(j + 1)
                if nw != HUNDRED and nw not in SCALES and nw not in DOZENS:
                    return None
                small = 1
                last = _ARTICLE
                j += 1
                continue
            elif w == "and" and last in _BEFORE_AND:
                nw = self.word(j + 1)
                nk = kd[j + 1] if j + 1 < n else ""
                ok = False
                if last is not _TENS and not pending_and:
                    ok = (
                        nw in UNITS
                        or nw in TEENS
                        or nw in TENS
                        or (nk == _NUM and last is not _DOZEN and self.vl[j + 1] != 0)
                    )
                    ok = ok and not (nw in UNITS and UNITS[nw] == 0)
                elif last is _TENS and not pending_and:
                    ok = nw in UNITS and UNITS[nw] > 0
                if not ok:
                    break
                pending_and = True
                and_base = total + cur_h + small
                and_scale = last_scale if last is _SCALE else 1
                before_and = best
                j += 1
                continue
            elif w == "-" or (k == _SYM and self.tx[j] == "-"):
                nw = self.word(j + 1)
                if last is _TENS and nw in UNITS and UNITS[nw] > 0 and small % 10 == 0:
                    j += 1
                    continue
                if last in _COUNTABLE and nw in DOZENS:
                    j += 1
                    continue
                break
            elif w == "point" and last in _BEFORE_POINT and has_words:
                dec = self.point_digits(j + 1)
                if dec is None:
                    break
                digits_str, nxt = dec
                small += Fraction(int(digits_str), 10 ** len(digits_str))
                integer = False
                last = _POINT
                best = self._snap(i, nxt, total, cur_h + small, cls=last, has_words=True)
                best.integer = False
                j = nxt
                continue
            else:
                break
            if last is _ZERO:
                best = self._snap(i, nxt, total, 0, cls=_ZERO, has_words=has_words)
                if self.word(nxt) != "point":
                    return best
                j = nxt
                continue
            pending_and = False
            best = self._snap(i, nxt, total, cur_h + small, cls=last, has_words=has_words)
            # value = mant * scale, the trailing scale ("5 million", "170,000"): a range
            # "3 to 5 million" distributes it over its left side
            if last in _SCALED or (last in _DIGIT_STATES and last_scale > 1):
                best.mant, best.scale = mant, last_scale
            else:
                best.mant, best.scale = best.value, 1
            best.plain4 = plain4 and nxt == i + 1
            best.single_one = has_words and nxt == i + 1 and w == "one"
            best.integer = integer
            if and_base is not None:
                best.and_base = and_base
                best.and_seg = best.value - and_base
                best.and_scale = and_scale
            if tens_tok == j:
                best.tens_tok, best.tens_val = tens_tok, tens_val
            j = nxt
        return best

    def _snap(
        self, i: int, end: int, total: Num, cur: Num, *, cls: _State, has_words: bool = True
    ) -> _Card:
        value = total + cur
        return _Card(value=value, start=i, end=end, words=has_words, mant=value, last=cls)

    def point_digits(self, j: int) -> tuple[str, int] | None:
        """Decimal digits spoken after "point": "zero three", "seventy-one", "five"."""
        digits = ""
        k = j
        while k < self.n and k - j < 20:
            w = self.word(k)
            if w in UNITS:
                digits += str(UNITS[w])
                k += 1
            elif not digits and w in TEENS:
                return str(TEENS[w]), k + 1
            elif not digits and w in TENS:
                value = TENS[w]
                k += 1
                if self.sym(k) == "-" and self.word(k + 1) in UNITS:
                    k += 1
                if self.word(k) in UNITS and UNITS[self.word(k)] > 0:
                    value += UNITS[self.word(k)]
                    k += 1
                return str(value), k
            else:
                break
        return (digits, k) if digits else None

    # ---------------------------------------------------------------- fractions
    def denominator(self, j: int) -> tuple[int, bool, int] | None:
        """A fraction denominator at token j: (value, plural, end), incl. "twenty-fifths"."""
        if j < self.n and self.sym(j) == "-" and self.adj(j) == self.adj(j + 1):
            j += 1
        if j >= self.n or self.kd[j] != _WORD:
            return None  # "$2.7bn $3bn": a denominator is a word
        w = self.lw[j]
        if w in DENOMINATORS:
            value, plural = DENOMINATORS[w]
            return value, plural, j + 1
        # a compound ordinal: [card] [and] ordinal ("twenty fifths", "one hundred fifth")
        sub = self.card(j, words_only=True)
        if sub is None or sub.last not in (_TENS, _HUNDRED, _SCALE) or sub.words is False:
            return None
        k = sub.end
        if (self.word(k) == "and" and sub.last in (_HUNDRED, _SCALE)) or (
            self.sym(k) == "-" and sub.last is _TENS
        ):
            k += 1
        w = self.word(k)
        ordinal, plural = _ordinal_word(w)
        if ordinal is None:
            return None
        limit = 10 if sub.last is _TENS else 100 if sub.last is _HUNDRED else 1000
        if ordinal >= limit or self.word(j) in (HUNDRED, *SCALES):
            return None
        return int(sub.value) + ordinal, plural, k + 1

    def fraction_after(self, c: _Card) -> tuple[Num, int, bool] | None:
        """Numerator ``c`` followed by a denominator: "two thirds", "one hundred thirty fifths"."""
        if not c.integer or c.value <= 0:
            return None
        d = self.denominator(c.end)
        if d is None:
            return None
        den, plural, end = d
        num = c.value
        if c.tens_tok == c.end - 1 and den < 10 and c.last is _TENS:
            num, den = num - c.tens_val, den + c.tens_val  # "one hundred thirty fifths"
        if c.and_base is not None and c.and_seg is not None and 0 < c.and_seg < den:
            # a mixed number: "one hundred and three quarters", "six million and two thirds"
            if not plural and c.and_seg != 1:
                return None
            part = Fraction(c.and_seg, den)
            scale = SCALES.get(self.word(end))
            if scale is not None:
                return c.and_base + part * scale, end + 1, True
            return c.and_base + part * c.and_scale, end, True
        if not plural and num != 1:
            return None
        return Fraction(num, den), end, False

    def lone_fraction(self, j: int) -> tuple[Num, int] | None:
        """ "a third", "an eighth", "a twenty-first", "half", "a half"."""
        w = self.word(j)
        if w in ("a", "an", "one"):
            d = self.denominator(j + 1)
            if d is not None and not d[1]:
                if self.word(d[2]) in _ORDINAL_NOUNS:
                    return None  # "a fourth day", "a third term": a rank
                return Fraction(1, d[0]), d[2]
        vulgar = _VULGAR.get(self.tx[j]) if j < self.n else None
        if vulgar is not None:
            return vulgar, j + 1
        return None

    # ---------------------------------------------------------------- number
    def number(self, i: int) -> _Fig | None:
        """A number with its sign, currency, fraction, scale and percent: "-$2.7bn", "52%"."""
        n = self.n
        j = i
        if j >= n:
            return None
        if self.fast and self.kd[i] == _NUM:
            fast = self.plain_number(i)
            if fast is not None:
                return fast
            fast = self.plain_percent(i)
            if fast is not None:
                return fast
        sign = 1
        unit: str | None = None
        bare = True
        glued_min: int | None = None  # the scale a glued currency needs ("R254 billion")
        # currency before: "$", "US$", "USD"
        s = self.sym(j)
        if self.kd[j] == _WORD and self.tx[j] in CURRENCY_CODES and j + 1 < n:
            unit = CURRENCY_CODES[self.tx[j]]
            j += 1
            if self.sym(j) == "." and self.adj(j):
                j += 1  # "Rs. 500"
            elif self.kd[j] == _NUM and self.adj(j):
                self.allow_glued(j)  # "USD25m", "RM45"
            bare = False
        elif (
            self.kd[j] == _WORD
            and self.tx[j] in GLUED_CURRENCY
            and j + 1 < n
            and self.kd[j + 1] == _NUM
            and self.adj(j + 1)
            and not (j and self.adj(j) and self.kd[j - 1] != _SYM)
        ):
            unit, glued_min = GLUED_CURRENCY[self.tx[j]]
            j += 1
            self.allow_glued(j)
            bare = False
        elif (
            s == "$"
            and self.kd[j + 1 : j + 2] == [_WORD]
            and self.lw[j + 1] in DOLLAR_PREFIXES
            and self.tx[j + 1].isupper()
            and self.adj(j + 1)
            and self.kd[j + 2 : j + 3] == [_NUM]
            and self.adj(j + 2)
        ):
            unit = DOLLAR_PREFIXES[self.lw[j + 1]]  # "$US40 billion", "$A5.3 billion"
            j += 2
            self.allow_glued(j)
            bare = False
        elif (
            self.kd[j] == _WORD
            and self.lw[j] in DOLLAR_PREFIXES
            and self.sym(j + 1) == "$"
            and self.adj(j + 1)
        ):
            unit = DOLLAR_PREFIXES[self.lw[j]]
            j += 2
            bare = False
        elif s in CURRENCY_SYMBOLS:
            unit = CURRENCY_SYMBOLS[s]
            j += 1
            bare = False
        # sign
        s = self.sym(j)
        if s in ("-", "+") and j + 1 < n and self.kd[j + 1] == _NUM:
            prev_ok = j == 0 or not self.adj(j) or self.tx[j - 1] in "([{=:;<>~$£€"
            spaced_ok = self.adj(j + 1) or j == 0 or "\n" in self.norm[self.en[j - 1] : self.st[j]]
            # After a number, a sign reads as one only when spaced from it and glued to
            # its own digits: "the CAC 40 -1.1%" (a table of changes), not "40-1" or "40 - 1"
            after_number = j > 0 and self.kd[j - 1] == _NUM
            if prev_ok and spaced_ok and not (after_number and not self.adj(j + 1)):
                sign = -1 if s == "-" else 1
                j += 1
                bare = False
        elif self.word(j) in _SIGN_WORDS:
            sign = -1
            j += 1
            bare = False
            if self.sym(j) == "-" and self.adj(j) and self.adj(j + 1):
                j += 1  # "minus-8"
        if j >= n:
            return None
        if unit is None and self.sym(j) in CURRENCY_SYMBOLS and sign == -1 and self.adj(j + 1):
            unit = CURRENCY_SYMBOLS[self.sym(j)]
            j += 1
        c = self.card(j)
        if self.glued_ok >= 0:  # the permission is for this reading only
            self.card_memo.pop(2 * self.glued_ok, None)
            self.glued_ok = -1
        if glued_min is not None and (
            c is None or c.scale < glued_min or (glued_min == 0 and c.scale == 1 and c.value < 100)
        ):
            return None  # "R2" or "PS5": not money
        kind: Kind = "cardinal"
        value: Num
        if c is None:
            lf = self.half_scale(j)
            if lf is None:
                lf = self.lone_fraction(j)
            if lf is None:
                if self.word(j) != "half" or self.word(j - 1) in ("a", "and", "one"):
                    return None
                value, end, kind = Fraction(1, 2), j + 1, "multiplier"
            else:
                value, end = lf
                kind = "fraction"
            mant, scale = value, 1
            plain4 = single_one = False
        else:
            value, end = c.value, c.end
            mant, scale = c.mant, c.scale
            plain4, single_one = c.plain4, c.single_one
            if scale > 1 or c.words:
                bare = bare and not c.words
            frac = self.fraction_after(c) if c.words else None
            if frac is None and not c.words and c.integer:
                frac = self.slash_fraction(c)
            if frac is not None:
                value, end, mixed = frac
                kind = "cardinal" if mixed else "fraction"
                plain4 = single_one = False
                mant, scale = value, 1
            elif c.integer:
                ratio = self.ratio(c)
                if ratio is not None:
                    value, end = ratio
                    kind = "fraction"
                    plain4 = single_one = False
                    mant, scale = value, 1
            if kind == "cardinal" and self.word(end) == "and":
                # "and a half", "and three quarters" (of the last scale)
                f2 = self.lone_fraction(end + 1)
                if f2 is None:
                    sub = self.card(end + 1)
                    if sub is not None and sub.integer:
                        f3 = self.fraction_after(sub)
                        if f3 is not None and f3[0] < 1:
                            f2 = f3[0], f3[1]
                if f2 is not None:
                    part, end = f2
                    sc = SCALES.get(self.word(end))
                    if sc is not None:
                        end += 1
                        if c.last is _SCALE and c.scale > sc:
                            value = value + part * sc
                        else:
                            value = (value + part) * sc
                    elif c.last is _SCALE:
                        value = value + part * c.scale
                    else:
                        value = value + part
                    plain4 = single_one = False
                    mant, scale = value, 1
                    bare = False
        if kind == "fraction":
            # "half a million", "two thirds of a million", "a quarter of a dozen"
            k = end
            if self.word(k) == "of" or (self.sym(k) == "-" and self.adj(k) and self.adj(k + 1)):
                k += 1
            if self.word(k) in ("a", "an"):
                k += 1
            sc2 = SCALES.get(self.word(k)) or (12 if self.word(k) in DOZENS else None)
            if (sc2 is not None and k > end) or (sc2 is not None and k == end):
                value = value * sc2
                end = k + 1
                kind = "cardinal"
                mant, scale = Fraction(value, sc2), sc2
        # spaced scale abbreviation: "2.33 k", "10 bln"
        if kind == "cardinal" and c is not None and c.last in _DIGIT_STATES and end < n:
            abbr = SPACED_ABBREVIATIONS.get(self.tx[end])
            glued_after = end + 1 < n and self.adj(end + 1) and self.kd[end + 1] in (_WORD, _NUM)
            if abbr is not None and self.kd[end] == _WORD and not self.adj(end) and not glued_after:
                mant, scale = value, abbr
                value = value * abbr
                end += 1
                plain4 = False
        if sign < 0:  # a trailing "000" scale keeps a year candidate: "in 2000, the war"
            value, mant = -value, -mant
            plain4 = False
        # percent after
        pend = self.percent_after(end)
        if pend is not None:
            end, punit = pend
            kind = "percent"
            unit = punit
            bare = False
            plain4 = single_one = False
        elif self.tx[end : end + 1] == ["p"] and self.adj(end) and c is not None:
            unit = "GBp"  # pence, kept in pence: "210p" is 210
            end += 1
            bare = plain4 = False
        elif unit is None and end < n and self.kd[end] == _WORD and self.tx[end] in CURRENCY_CODES:
            unit = CURRENCY_CODES[self.tx[end]]
            end += 1
            bare = False
        if plain4 and not bare:
            plain4 = False
        return _Fig(
            start=i,
            end=end,
            value=value,
            low=value,
            high=value,
            kind=kind,
            unit=unit,
            mant=mant,
            scale=scale,
            plain4=plain4,
            single_one=single_one,
            bare=bare and kind == "cardinal",
        )

    def plain_number(self, i: int) -> _Fig | None:
        """Fast path: an integer token with nothing around it that could extend it."""
        kd, tx, st, en = self.kd, self.tx, self.st, self.en
        v = self.vl[i]
        if type(v) is not int or (i and en[i - 1] == st[i] and kd[i - 1] != _SYM):
            return None
        j = i + 1
        n = self.n
        if j < n:
            k = kd[j]
            if st[j] == en[i] and k != _SYM:
                return None
            if k == _WORD:
                if self.lw[j] in _NUMBER_CONT_WORDS:
                    return None
            elif k == _SYM:
                if tx[j] in self.cont_syms or (tx[j] == "," and st[j] == en[i]):
                    return None
            elif k == _NUM:
                if (
                    st[j] == en[i] + 1 and len(tx[i]) <= 3 and len(tx[j].split(".", 1)[0]) == 3
                ) or (j + 1 < n and kd[j + 1] == _SYM and tx[j + 1] in "/-"):
                    return None
            else:
                return None
        z = self.t.zs[i]
        plain4 = len(tx[i]) == 4
        fig = _Fig(i, j, v, v, v, plain4=plain4)
        if z > 1:
            fig.mant, fig.scale = Fraction(v, z), z
        else:
            fig.mant = v
        return fig

    def plain_percent(self, i: int) -> _Fig | None:
        """Fast path: an integer token with "%" glued after it ("52%"), read as the full path
        of :meth:`number` reads it, without its currency, sign, word and fraction rules."""
        j = i + 1
        v = self.vl[i]
        if (
            type(v) is not int
            or j >= self.n
            or self.kd[j] != _SYM
            or self.tx[j] != "%"
            or self.st[j] != self.en[i]
            or self.glued_left_word(i)
        ):
            return None
        z = self.t.zs[i]
        mant, scale = (Fraction(v, z), z) if z > 1 else (v, 1)
        return _Fig(i, j + 1, v, v, v, kind="percent", unit="percent", mant=mant, scale=scale,
                    plain4=False, single_one=False, bare=False)  # fmt: skip

    def half_scale(self, j: int) -> tuple[Num, int] | None:
        """ "half a million", "half million", "quarter million", "half a dozen"."""
        w = self.word(j)
        if w in ("a", "an") and self.word(j + 1) in ("half", "quarter"):
            j += 1  # "a half-dozen", "a quarter million"
            w = self.word(j)
        if w not in ("half", "quarter"):
            return None
        k = j + 1
        if self.word(k) in ("a", "an") or (self.sym(k) == "-" and self.adj(k)):
            k += 1
        nw = self.word(k)
        if nw in SCALES or nw in DOZENS or nw == HUNDRED:
            return Fraction(1, 2 if w == "half" else 4), j + 1
        return None

    def slash_fraction(self, c: _Card) -> tuple[Num, int, bool] | None:
        """ "3/4", "2 1/4" (mixed), but not dates "5/17/2018"."""
        j = c.end
        if c.last not in _DIGIT_STATES or j + 1 >= self.n:
            return None
        slash = self.sym(j)
        if slash in ("/", "⁄") and self.adj(j) and self.adj(j + 1) and self.kd[j + 1] == _NUM:
            den = self.vl[j + 1]
            if den is None or den == 0 or den.denominator != 1:
                return None
            if self.sym(j + 2) in ("/", "⁄") and self.adj(j + 2):
                return None
            if self.adj(j + 2) and j + 2 < self.n and self.kd[j + 2] in (_NUM, _WORD):
                return None
            if slash == "⁄":  # the fraction slash U+2044: "1⁄64" is a fraction, always
                if not 0 < c.value < den:
                    return None
            elif not (_is_slash_fraction(c.value, den) or self.inch_fraction(c.value, den, j + 2)):
                return None  # "9/11" is a date, "24/7" and "50/50" are not fractions
            return Fraction(c.value, den), j + 2, False
        # mixed number: "2 1/4"
        if self.kd[j] == _NUM and not self.adj(j) and self.sym(j + 1) == "/" and self.adj(j + 1):
            num, den = self.vl[j], self.vl[j + 2] if j + 2 < self.n else None
            if (
                num is not None
                and den is not None
                and self.adj(j + 2)
                and den.denominator == 1
                and 0 < num < den
                and not (self.sym(j + 3) == "/" and self.adj(j + 3))
            ):
                return c.value + Fraction(num, den), j + 3, True
        vulgar = _VULGAR.get(self.tx[j]) if self.adj(j) else None
        if vulgar is not None:
            return c.value + vulgar, j + 1, True
        return None

    def inch_fraction(self, a: Num, den: Num, j: int) -> bool:
        """A proper fraction in sixteenths, 32nds or 64ths before "of", "inch", "in": "3/16
        of an inch" (not March 16)."""
        return 0 < a < den and den in (16, 32, 64) and self.word(j) in ("of", "inch", "inches")

    def ratio(self, c: _Card) -> tuple[Num, int] | None:
        """ "one over three", "1 in twenty-one", "two out of five hundred"."""
        j = c.end
        w = self.word(j)
        if w == "over":
            k = j + 1
        elif w == "out" and self.word(j + 1) == "of":
            k = j + 2
        elif w == "in":
            k = j + 1
        else:
            return None
        d = self.card(k)
        if d is None or not d.integer or d.value == 0:
            return None
        if w == "over":
            after = self.kd[d.end] if d.end < self.n else ""
            if after in (_WORD, _NUM):
                return None
        elif c.value >= d.value:
            return None
        if w == "in" and (d.plain4 or c.value > 10):
            return None
        return Fraction(c.value, d.value), d.end

    def percent_after(self, j: int) -> tuple[int, str] | None:
        """ "%", "per cent", "percent", "percentage points" after a number; (end, unit)."""
        if j >= self.n:
            return None
        if self.tx[j] == "pc" and self.adj(j) and not self.glued_after(j):
            return j + 1, "percent"  # British papers: "2.4pc", "17pc"
        if self.sym(j) == "%" and (self.adj(j) or self.st[j] - self.en[j - 1] == 1):
            return j + 1, "percent"
        w = self.word(j)
        if w == "per" and self.word(j + 1) == "cent":
            return j + 2, "percent"
        if w == "percentage" and self.word(j + 1) in ("point", "points"):
            return j + 2, "percentage_points"
        if w in _PERCENT_WORDS:
            return j + 1, "percent"
        return None

    # ---------------------------------------------------------------- figure (+ ranges)
    def figure(self, i: int) -> _Fig | None:
        a = self.number(i)
        if a is None:
            return None
        j = a.end
        r = self.range_after(a, j)
        if r is not None:
            a = r
            # a range of ranges: "60,000 - 90,000 to 100,000 - 120,000"
            r2 = self.range_after(a, a.end, chained=True)
            if r2 is not None:
                a = r2
        self.suffix(a)
        return a

    def range_after(self, a: _Fig, j: int, *, chained: bool = False) -> _Fig | None:
        """ "X to Y", "X-Y", "X - Y", "X~Y", "X through Y" after figure ``a``."""
        if j >= self.n or a.kind not in ("cardinal", "percent", "range"):
            return None
        t = self.lw[j]
        if t == "-" and self.adj(j) and self.word(j + 1) == "to" and not self.adj(j + 1):
            j += 1  # a suspended hyphen: "8- to 16-meter", "20- to 30-year-olds"
            t = "to"
        if t in ("-", "~"):
            if self.adj(j) != self.adj(j + 1):
                return None  # "5 -3" is not a range
            prev_word = self.kd[j - 1] == _WORD
            if (
                prev_word
                and self.lw[j - 1] not in SCALES
                and self.tx[j - 1] not in SCALE_ABBREVIATIONS
            ):
                return None
            if self.word(j + 1):
                return None  # hyphens join digit figures only ("three-nought-four")
        elif t == "or" and not chained:
            return self.or_range(a, j)
        elif t not in ("to", "through", "thru"):
            return None
        elif self.change_before(a.start) or (a.plain4 and self.word(a.start - 1) == "in"):
            return None  # "rose by $12.1 billion to $301.5 billion", "in 2019 to 4.2 million"
        b = self.number_unit(j + 1)
        if b is None:
            return None
        if chained:
            b2 = self.range_after(b, b.end)
            if b2 is None:
                return None
            b = b2
        if b.kind not in ("cardinal", "percent", "range"):
            return None
        if a.kind == "percent" and b.kind != "percent":
            return None
        # a year range "2014-2016" is two years, not a figure range
        years = a.plain4 and b.plain4 and _yearish(a.value) and _yearish(b.value)
        if years and not self.count_noun_after(b.end):
            return None
        low = a.low if chained else a.value
        high = b.high if chained or b.kind == "range" else b.value
        assert low is not None and high is not None
        distributes = not chained and b.scale > 1 and a.scale == 1 and a.value is not None
        if distributes and a.value is not None and 0 < a.value < b.mant:
            low = a.value * b.scale  # the scale distributes: "3 to 5 million", "160-170,000"
        if low >= high:
            return None
        unit = a.unit or b.unit
        kind: Kind = "percent" if b.kind == "percent" or a.kind == "percent" else "range"
        return _Fig(
            start=a.start,
            end=b.end,
            value=None,
            low=low,
            high=high,
            kind=kind,
            qualifier="range",
            unit=unit,
            bare=False,
        )

    def change_before(self, i: int) -> bool:
        """The figure at token i is the amount of a change: "by" or a verb of change before
        it ("rose by $2.3 billion", "rose $1.45"), or "from" after such a verb within a few
        words ("raised its forecast from $1.2 billion")."""
        w = self.word(i - 1)
        if w == "by" or w in CHANGE_VERBS:
            return True
        if w != "from":
            return False
        for k in range(i - 2, max(-1, i - 9), -1):
            if self.kd[k] != _WORD and self.tx[k] != "-":
                return False
            if self.lw[k] in CHANGE_VERBS:
                return True
        return False

    def or_range(self, a: _Fig, j: int) -> _Fig | None:
        """ "two or three weeks", "60 or 70,000" (the scale distributes), "5 or 6%": two
        close amounts joined by "or" are a range."""
        if a.kind != "cardinal" or a.qualifier != "exact" or a.value is None or a.value <= 0:
            return None
        b = self.number(j + 1)
        if b is None or b.kind not in ("cardinal", "percent") or b.value is None:
            return None
        if a.plain4 or b.plain4 or a.scale > 1:
            return None
        low, high = a.value, b.value
        if b.scale > 1 and 0 < a.value < b.mant:
            low = a.value * b.scale  # "60 or 70,000"
        if not low < high <= 2 * low:
            return None
        kind: Kind = "percent" if b.kind == "percent" else "range"
        return _Fig(start=a.start, end=b.end, value=None, low=low, high=high, kind=kind,
                    qualifier="range", unit=a.unit or b.unit, bare=False)  # fmt: skip

    def suffix(self, a: _Fig) -> None:
        """Apply a qualifier written after the figure: "or more", "90,000-plus", "21+"."""
        j = a.end
        if j >= self.n:
            return
        for phrase, end in self.match_phrase(j, _SUFFIX_INDEX):
            if phrase[0] in ("-", "+") and not self.adj(j):
                continue
            if phrase == ("+",) and end < self.n and self.kd[end] == _NUM and self.adj(end):
                continue
            if phrase[0] in ("odd", "plus") and phrase == (phrase[0],) and True:
                continue  # "plus"/"odd" alone are too ambiguous ("5 plus 3")
            if phrase in _INCLUSIVE:
                if a.qualifier == "more_than":
                    a.qualifier = "at_least"
                elif a.qualifier == "less_than":
                    a.qualifier = "at_most"
                else:
                    continue
                # "or equal to 6000" belongs to the next figure
                if end < self.n and (self.kd[end] == _NUM or self.word(end) in UNITS):
                    continue
                a.end = end
                return
            q, mod = _SUFFIX_KEY[phrase]
            if a.qualifier != "exact" or (a.kind == "range" and q != "approx"):
                continue
            if end < self.n and (self.word(end) in ("than", "to") or self.number(end) is not None):
                continue  # "200 or greater than 190": the bound belongs to 190
            if phrase[0] in ("or", "and") and self.qualified_simple(j + 1) is not None:
                continue  # "more than 20 and less or equal than 35": a second bound
            if a.kind == "range" and q == "approx":
                a.modifier = mod
                a.end = end
                return
            _qualify(a, q, mod)
            a.end = end
            a.bare = False
            return

    def measure_after(self, j: int) -> bool:
        """A unit of measure (not money, not a percentage) follows token j-1 ("2400 sq m")."""
        return self.word(j) in MEASURE_WORDS

    def count_noun_after(self, j: int) -> bool:
        """A plural noun follows ("2000 troops"), so a 4-digit number is a count."""
        if j >= self.n or self.kd[j] != _WORD:
            return False
        w, raw = self.lw[j], self.tx[j]
        if w in COUNT_NOUNS:
            return True
        if raw != w:  # capitalized: a name or acronym ("The 2020 US assassination")
            return False
        return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))

    # ---------------------------------------------------------------- top level
    def run(self) -> list[_Fig | tuple[int, int, int]]:
        """All mentions, in order: a _Fig, or (token, value, 0) for a lone exact integer,
        (token, value, 1) for an exact integer percentage ("52%", two tokens)."""
        out: list[_Fig | tuple[int, int, int]] = []
        i = 0
        n = self.n
        kd, lw, tx, st, en, vl = self.kd, self.lw, self.tx, self.st, self.en, self.vl
        grammar = self.grammar
        # the start and continuation sets are the rules' declarations (see _grammar.py)
        words = grammar.start_words() | self.vague_index.keys()
        cont = grammar.continue_words() | self.vague_index.keys()
        cont_syms = grammar.continue_symbols()
        start_syms = grammar.start_symbols()
        a_next = _A_NEXT | {
            p[1] for a in ("a", "an") for p in self.vague_index.get(a, ()) if len(p) > 1
        }
        fast = self.fast
        # a rule added to the table after the built-in ones turns the fast paths off where
        # it may start (the fast paths are proven equal to the built-in rules only)
        blocked_words, fast_numbers = grammar.derived("fast paths", _fast_paths)
        fast_numbers = fast and fast_numbers
        simple_words: Mapping[str, int]
        if not fast or blocked_words is None:
            simple_words = {}
        elif blocked_words:
            simple_words = {w: v for w, v in _SIMPLE_WORDS.items() if w not in blocked_words}
        else:
            simple_words = _SIMPLE_WORDS
        prefix_only = (
            grammar.words_only_of("qualified") - self.vague_index.keys() if fast else frozenset()
        )
        norm = self.norm
        multiline = self.multiline
        while i < n:
            k = kd[i]
            # Fast path: a lone integer or number word between inert neighbours ("1 1 1").
            if (fast_numbers and k == _NUM) or (k == _WORD and lw[i] in simple_words):
                j = i + 1
                v = vl[i] if k == _NUM else simple_words[lw[i]]
                if (
                    type(v) is int
                    and (k == _WORD or len(tx[i]) != 4 or not _YEAR_MIN <= v <= _YEAR_MAX)
                    and (
                        i == 0
                        or st[i] > en[i - 1]
                        or (  # after a symbol ('"5"', "(5)"), unless it glues to a word: "F-16"
                            kd[i - 1] == _SYM
                            and (
                                k == _WORD or tx[i - 1] not in "-_/" or not self.glued_left_word(i)
                            )
                        )
                    )
                    and (
                        j >= n
                        or (
                            kd[j] == _WORD
                            and st[j] > en[i]
                            and lw[j] not in cont
                            and not (tx[j][0].isupper() and self.street_after(j))
                        )
                        or (kd[j] == _SYM and tx[j] not in cont_syms)
                        or (
                            kd[j] == _NUM
                            and st[j] > en[i]
                            and not (j + 1 < n and kd[j + 1] == _SYM and tx[j + 1] in "/-")
                            and not (
                                k == _NUM
                                and st[j] == en[i] + 1
                                and len(tx[i]) <= 3
                                and len(tx[j]) >= 3
                                and len(tx[j].split(".", 1)[0]) == 3
                            )
                        )
                        or (  # "one one", "twenty twenty": a word that cannot continue
                            k == _WORD
                            and (lw[j] in _NOT_AFTER_UNIT if v < 20 else lw[j] in _NOT_AFTER_TENS)
                            and (j + 1 >= n or lw[j + 1] not in _RISKY_AFTER)
                        )
                    )
                    and not (multiline and (i == 0 or "\n" in norm[en[i - 1] : st[i]]))
                    and not (v == 1 and k == _WORD and i and lw[i - 1] in PRONOUN_DETERMINERS)
                    and not (k == _NUM and i and lw[i - 1] in VERSION_CONTEXT)
                    and not (  # a label or name before it: "Game 7", "FTSE 100", "No. 23"
                        k == _NUM
                        and i
                        and (
                            (
                                kd[i - 1] == _WORD
                                and (tx[i - 1] != lw[i - 1] or lw[i - 1] in LABEL_WORDS)
                            )
                            or tx[i - 1] == "."
                        )
                    )
                ):
                    out.append((i, v, 0))
                    i = j
                    continue
            # Fast path: a percentage "52%" that nothing after it can extend or qualify (what
            # plain_percent reads, then no range or suffix after it).
            if fast_numbers and k == _NUM and i + 1 < n and tx[i + 1] == "%" and st[i + 1] == en[i]:
                v = vl[i]
                j = i + 2
                if (
                    type(v) is int
                    and (j >= n or lw[j] not in _AFTER_FIGURE)
                    and (i == 0 or st[i] > en[i - 1] or not self.glued_left_word(i))
                ):
                    out.append((i, v, 1))
                    i = j
                    continue
            if k == _WORD and lw[i] in ("a", "an") and (i + 1 >= n or lw[i + 1] not in a_next):
                i += 1  # "a"/"an" only matter before "hundred", "dozen", "third", "few"...
                continue
            if (k == _WORD and lw[i] not in words) or (
                k == _SYM
                and (
                    tx[i] not in start_syms
                    or (tx[i] in "+-" and not (i + 1 < n and kd[i + 1] == _NUM))
                )
            ):
                i += 1  # cannot start a mention: skip cheaply
                continue
            if k == _WORD and lw[i] in prefix_only:
                for _ in self.match_phrase(i, _PREFIX_INDEX):
                    break  # a qualifier phrase: see what it qualifies
                else:
                    i += 1  # "in", "at", "up" that start no qualifier phrase
                    continue
            got = self.at(i)
            if got is None:
                i += 1
                continue
            out += got
            i = max(i + 1, got[-1].end)
        return out

    def at(self, i: int) -> list[_Fig] | None:
        """The mentions starting at token i: the first rule of the grammar (in table order,
        among those that may start on this token) that reads something; None if none."""
        kind = self.kd[i]
        key = self.lw[i] if kind == _WORD else self.tx[i] if kind == _SYM else ""
        funcs = self.func_tables[kind].get(key)
        if funcs is None:
            funcs = self.grammar.funcs_for(kind, key)
        for func in funcs:
            got = func(self, i)
            if got is not None:
                return got or None  # an empty list is a veto: no mention here
        return None

    def not_amount(self, i: int) -> list[_Fig] | None:
        """Digits at token i that are no amount, by their form: a season ("2016-17"), a
        score ("won 3-1", "112-104", "6-4, 3-6"), a time of day ("7 a.m.", "0630 GMT"), a
        label after a label word ("Game 7", "No. 23", "Section 112"). Kind other."""
        tx, kd = self.tx, self.kd
        t = tx[i]
        if i and self.adj(i) and kd[i - 1] != _SYM:
            return None
        j = i + 1
        if not t.isdigit():
            if t.count(".") == 1 and "," not in t and self.label_before(i, decimal=True):
                v = self.vl[i]
                return [_Fig(i, j, v, v, v, kind="version")]  # "USB 3.2", "HDMI 2.1"
            return None
        dash = j + 1 < self.n and tx[j] in _DASHES and self.adj(j) and self.adj(j + 1)
        if dash and kd[j + 1] == _NUM and tx[j + 1].isdigit() and not self.glued_after(j + 1):
            a, b = int(t), int(tx[j + 1])
            if self.sym(j + 2) in _DASHES and self.adj(j + 2):
                return None  # a chain or a date: "2018-05-17"
            if len(t) == 4 and _YEAR_MIN <= a <= _YEAR_MAX and len(tx[j + 1]) == 2:
                if (a + 1) % 100 == b:  # a season or financial year: "2016-17"
                    return [_Fig(i, j + 2, None, None, None, kind="year", parts=(a, None, None))]
                return None
            if len(t) <= 3 and len(tx[j + 1]) <= 3 and self.is_score(i, a, b):
                return [_Fig(i, j + 2, None, None, None, kind="other")]
            return None
        if self.clock_after(j, t):
            return [_Fig(i, j, None, None, None, kind="other")]
        label = self.labels[i] = self.label_before(i)
        if label or self.street_after(j):
            v = self.vl[i]
            return [_Fig(i, j, v, v, v, kind="other")]
        return None

    def street_after(self, j: int) -> bool:
        """Capitalized words and a street word follow: "1450 Market Street", "200 Park
        Avenue" (a street number)."""
        for k in (j, j + 1):
            if self.word(k) and self.tx[k][0].isupper() and self.word(k + 1) in _STREET_WORDS:
                return self.tx[k + 1][0].isupper()
            if not (self.word(k) and self.tx[k][0].isupper()):
                return False
        return False

    def is_score(self, i: int, a: int, b: int) -> bool:
        """ "a-b" at token i is a result: the winner's number first ("won 3-1", "112-104"),
        or a score word around it ("won 3-6"), or another score next to it ("6-4, 3-6")."""
        prev = self.word(i - 1)
        if prev in ("a", "an", "the"):
            prev = self.word(i - 2)
        after = self.word(i + 3)
        if prev in _SCORE_BEFORE or after in _SCORE_AFTER:
            return True
        if a < b:  # a range unless a neighbouring pair is a score
            k = i - 2 if self.sym(i - 1) in (",", "(") else -1
            if k >= 2 and kd_num(self, k) and self.sym(k - 1) in _DASHES:
                return int(self.vl[k - 2] or 0) >= int(self.vl[k] or 0)
            return False
        return not (a == b == 0 or prev in _RANGE_BEFORE)

    def clock_after(self, j: int, digits: str) -> bool:
        """A time of day follows the digits ending before token j: "7 a.m.", "2pm", "0630
        GMT"."""
        w = self.word(j)
        if w in ("am", "pm") and len(digits) <= 2:
            return True
        if w in ("a", "p") and self.sym(j + 1) == "." and self.word(j + 2) == "m":
            return len(digits) <= 2 and self.adj(j + 1) and self.adj(j + 2)
        if len(digits) == 4 and self.tx[j : j + 1] and self.tx[j] in TIME_ZONES:
            return int(digits[:2]) < 24 and int(digits[2:]) < 60
        return False

    def label_before(self, i: int, *, decimal: bool = False) -> bool:
        """The integer at token i names or numbers a thing: after a label word ("Game 7",
        "section 112", "No. 23") or a capitalized name inside a sentence ("FTSE 100", "iPhone
        11", "Wi-Fi 7", "ISO 9001"), with no scale, percent, unit or noun of count after it."""
        j = i - 1
        if j >= 0 and self.sym(j) == "." and self.adj(j) and self.lw[j - 1 : j] == ["no"]:
            return self.tx[j - 1] == "No" or self.word(j - 2) in ("the", "a", "his", "her")
        w = self.word(j)
        if not w or self.adj(i):
            return False
        end = i + 1
        if (
            end < self.n
            and self.kd[end] == _SYM
            and self.tx[end] in "%.,-/:"
            and self.adj(end)
            and not (self.tx[end] in ".," and not self.glued_after(end))
        ):
            return False  # "100%", "10-year", "787-9": not this rule's
        nw = self.word(end)
        if nw in SCALES or nw in _PERCENT_WORDS or nw in COUNT_NOUNS or nw == "per":
            return False
        if w in LABEL_WORDS and not decimal:  # not "section 40 rockets": a count after it
            return not (nw and nw == self.tx[end] and len(nw) > 3 and nw.endswith("s"))
        raw = self.tx[j]
        if raw == w or w in _NOT_NAMES or w in MONTHS:
            return False
        if (
            j == 0
            or self.sym(j - 1) in _SENTENCE_OPEN
            or "\n" in self.norm[self.en[j - 1] : self.st[j]]
        ):
            return False  # the first word of a sentence is capitalized anyway
        if (
            j >= 2
            and self.kd[j - 2] == _NUM
            and (self.sym(j - 1) in (",", ";") or self.word(j - 1) == "and")
            and not self.labels.get(j - 2, False)
        ):
            # a breakdown by name: "Anbar 320, Nineveh 210 and Basra 150" (but a label
            # after a label stays one: "Team USA 112, Serbia 104")
            return False
        if decimal:
            return raw.isupper() or raw[0].islower()  # "USB 3.2", "iOS 17.4", not "Apple 3.5"
        after = self.tx[end] if nw else ""
        if after[:1].isupper() and after.endswith(("ans", "ians", "is", "ese")):
            return False  # "In Gaza 31 Palestinians": people counted after a place
        return self.measure_after(end) is False

    def idiom(self, i: int) -> bool:
        """A fraction or multiplier word in a compound that is no figure: "half-mast",
        "double-digit", "a third-party supplier", "the second half", "second-half sales"."""
        j = i + 1 if self.lw[i] in ("a", "an") else i
        w = self.word(j)
        if w not in MULTIPLIER_WORDS and w not in DENOMINATORS:
            return False
        if w == "half" and (
            self.word(j - 1) in ORDINALS
            or (self.sym(j - 1) == "-" and self.adj(j) and self.word(j - 2) in ORDINALS)
        ):
            return True
        if self.sym(j + 1) == "-" and self.adj(j + 1) and self.adj(j + 2):
            nw = self.word(j + 2)
            return bool(nw) and not (
                nw in ("fold", "a", "an")
                or nw in SCALES
                or nw in DOZENS
                or nw == HUNDRED
                or nw in UNITS
                or nw in TEENS
                or nw in TENS
                or nw in DENOMINATORS
            )
        return False

    def numeric(self, i: int, j: int) -> list[_Fig] | None:
        """Chains, numeric dates, "24/7", identifiers and "21st" at digit token i, token j
        after it."""
        nk = self.kd[j]
        if self.fast and nk != _SYM and (nk != _WORD or self.st[j] > self.en[i]):
            # A spaced word, a number or a URL after: chains, "24/7" and "21st" need a glued
            # symbol or word after, so only a day before its month is left ("10 February").
            dt = self.date_day_first(i) if nk == _WORD and self.months else None
            if dt is not None:
                return [dt]
            return self.identifier(i) if self.glued_left_word(i) else None
        chain = self.chain(i)
        if chain is not None:
            return chain
        dt = (
            self.date_numeric(i)
            or (self.date_day_first(i) if self.months else None)
            or self.slashed(i)
        )
        if dt is not None:
            return [dt]
        if self.glued_left_word(i):
            return self.identifier(i)
        ordn = self.digit_ordinal(i)
        if ordn is not None:
            return [ordn]
        return None

    def classify(self, fig: _Fig) -> _Fig:
        """Years, versions, pronoun "one", page numbers, multipliers ("three times")."""
        i = fig.start
        if fig.kind == "cardinal" and fig.qualifier == "exact":
            prev = self.word(i - 1)
            if fig.single_one and (prev in PRONOUN_DETERMINERS or self.word(fig.end) == "another"):
                fig.kind = "pronoun"
                return fig
            year = fig.plain4 and fig.bare and _yearish(fig.value)
            if year and self.measure_after(fig.end):
                year = False  # "2400 sq m", "1900 kW": a measure, not a year
            if year and (prev in YEAR_PREPOSITIONS or not self.count_noun_after(fig.end)):
                fig.kind = "year"
                assert fig.value is not None
                fig.parts = (int(fig.value), None, None)
                if self.word(fig.end) == "s" and self.adj(fig.end):
                    fig.end += 1
                return fig
            if fig.bare and self.kd[i] == _NUM and prev in VERSION_CONTEXT:
                fig.kind = "version"  # "Attribution 4.0", "version 3", "Windows 10"
                return fig
            if fig.bare and self.multiline and self.alone_on_line(fig):
                fig.kind = "other"
                return fig
            if self.word(fig.end) == "times" and self.word(fig.end + 1) in TIMES_FOLLOWERS:
                fig.kind = "multiplier"
                fig.end += 1
                return fig
            if self.word(fig.end + 1) == "fold" and self.sym(fig.end) == "-" and self.adj(fig.end):
                fig.kind = "multiplier"  # "five-fold", "10-fold"
                fig.end += 2
                return fig
        return fig

    def alone_on_line(self, fig: _Fig) -> bool:
        norm = self.norm
        a, b = self.st[fig.start], self.en[fig.end - 1]
        before = norm.rfind("\n", 0, a)
        after = norm.find("\n", b)
        if after < 0:
            after = len(norm)
        return not norm[before + 1 : a].strip() and not norm[b:after].strip()

    def qualified(self, i: int) -> _Fig | None:
        """A qualifier phrase and the figure it bounds: "roughly 2,500", "at least 155,000"."""
        if self.lw[i] not in _PREFIX_INDEX:
            return None
        for phrase, end in self.match_phrase(i, _PREFIX_INDEX):
            q, mod = _PREFIX_KEY[phrase]
            if not self.prefix_ok(i, phrase, end):
                continue
            fig = self.figure(end)
            if fig is None and self.word(end) in MULTIPLIER_WORDS and q == "approx":
                x = MULTIPLIER_WORDS[self.lw[end]]  # "nearly twice", "roughly tenfold"
                fig = _Fig(end, end + 1, x, x, x, kind="multiplier", bare=False)
            if fig is None or fig.kind not in FIGURE_KINDS:
                if fig is None and q != "exact":
                    vg = self.vague(end)
                    if vg is not None and q in ("approx", "at_least", "more_than"):
                        vg.start = i
                        vg.modifier = f"{mod} {vg.modifier}"
                        return vg
                continue
            if fig.single_one and phrase == ("some",):
                continue
            fig.start = i
            if fig.qualifier == "range":
                if q in _LOWER:
                    fig.high, fig.qualifier = None, q
                elif q in _UPPER:
                    fig.low, fig.qualifier = fig.low, q
                    fig.low = None
                fig.modifier = mod
            elif fig.qualifier == "exact":
                _qualify(fig, q, mod)
            fig.bare = False
            fig.plain4 = False
            self.compound(fig)
            return fig
        return None

    def prefix_ok(self, i: int, phrase: tuple[str, ...], end: int) -> bool:
        if end >= self.n:
            return False
        first = phrase[0]
        if first == "over" and (
            self.word(i - 1) in OVER_NOT_QUALIFIER or (i > 0 and self.kd[i - 1] == _NUM)
        ):
            return False
        if first in ("<", ">", "=") and self.kd[end] == _SYM and self.tx[end] in "<>=":
            return False
        if first in ("<", ">") and i > 0 and self.tx[i - 1] in "<>=" and self.adj(i):
            return False
        return not (first == "some" and self.word(end) == "of")

    def compound(self, fig: _Fig) -> None:
        """ "more than 10 and less than 40" -> one range 10..40 (when low < high)."""
        j = fig.end
        if fig.qualifier not in _LOWER and fig.qualifier not in _UPPER:
            return
        if self.word(j) not in ("and", "but") and self.sym(j) != ",":
            return
        k = j + 1
        if self.word(k) == "but":
            k += 1
        if k >= self.n or self.lw[k] not in _PREFIX_INDEX:
            return
        other = self.qualified_simple(k)
        if other is None:
            return
        if fig.qualifier in _LOWER and other.qualifier in _UPPER:
            lo, hi = fig.low, other.high
        elif fig.qualifier in _UPPER and other.qualifier in _LOWER:
            lo, hi = other.low, fig.high
        else:
            return
        if lo is None or hi is None or lo >= hi:
            return
        fig.low, fig.high, fig.value = lo, hi, None
        fig.modifier = f"{fig.modifier} ... {other.modifier}"
        fig.qualifier = "range"
        fig.kind = "percent" if fig.kind == "percent" else "range"
        fig.end = other.end

    def qualified_simple(self, i: int) -> _Fig | None:
        for phrase, end in self.match_phrase(i, _PREFIX_INDEX):
            q, mod = _PREFIX_KEY[phrase]
            if not self.prefix_ok(i, phrase, end):
                continue
            fig = self.number(end)
            if fig is None or fig.kind not in FIGURE_KINDS:
                continue
            self.suffix(fig)
            if fig.qualifier == "exact":
                _qualify(fig, q, mod)
            fig.start = i
            return fig
        return None

    def between(self, i: int) -> _Fig | None:
        """ "between X and Y", "from X to Y" (not after a verb of change: "jumped from 4.12%
        to 4.38%" is two figures)."""
        if self.lw[i] == "from" and self.change_before(i + 1):
            return None
        a = self.number_unit(i + 1)
        if a is None or a.kind not in ("cardinal", "percent"):
            return None
        j = a.end
        glued = ""
        if j < self.n and self.kd[j] == _WORD and self.adj(j) and self.glued_measure(j):
            glued = self.tx[j]  # "between 12kHz and 18kHz": the unit written twice
            j += 1
        conj = "and" if self.lw[i] == "between" else "to"
        if self.word(j) != conj and not (conj == "and" and self.sym(j) == "-"):
            return None
        b = self.number_unit(j + 1) if glued else self.number(j + 1)
        if b is None or b.kind not in ("cardinal", "percent"):
            return None
        if glued and not (self.tx[b.end : b.end + 1] == [glued] and self.adj(b.end)):
            return None
        if a.plain4 and b.plain4 and _yearish(a.value) and _yearish(b.value):
            return None
        assert a.value is not None and b.value is not None
        low, high = a.value, b.value
        if b.scale > 1 and a.scale == 1 and 0 < a.value < b.mant:
            low = a.value * b.scale
        if low >= high:
            return None
        kind: Kind = "percent" if "percent" in (a.kind, b.kind) else "range"
        fig = _Fig(i, b.end, None, low, high, kind=kind, qualifier="range",
                   modifier=self.lw[i], unit=a.unit or b.unit, bare=False)  # fmt: skip
        if kind == "percent":
            fig.unit = b.unit or a.unit
        return fig

    def percent_of(self, i: int) -> _Fig | None:
        """ "percent of 10", "per cent of twenty-two" with no number before."""
        j = i + (2 if self.lw[i] == "per" and self.word(i + 1) == "cent" else 1)
        if self.lw[i] == "per" and j == i + 1:
            return None
        if self.word(j) != "of" or (i > 0 and self.kd[i - 1] == _NUM):
            return None
        c = self.number(j + 1)
        if c is None or c.kind != "cardinal" or c.qualifier != "exact":
            return None
        return _Fig(i, c.end, c.value, c.value, c.value, kind="percent", unit="percent",
                    bare=False)  # fmt: skip

    def vague(self, i: int) -> _Fig | None:
        for phrase, end in self.match_phrase(i, self.vague_index):
            low, high = self.vague_values[phrase]
            mod = " ".join(phrase)
            sc = SCALES.get(self.word(end)) or (100 if self.word(end) == HUNDRED else None)
            if sc is not None and phrase[-1] in ("several", "few", "handful", "couple"):
                low = None if low is None else low * sc
                high = None if high is None else high * sc
                mod = f"{mod} {self.lw[end]}"
                end += 1
            elif sc is not None or (end < self.n and self.kd[end] == _NUM):
                continue
            flo = None if low is None else Fraction(low)
            fhi = None if high is None else Fraction(high)
            return _Fig(i, end, None, flo, fhi, kind="cardinal", qualifier="vague",
                        modifier=mod, bare=False)  # fmt: skip
        return None

    # ---------------------------------------------------------------- non-figures
    def dotted(self, i: int) -> list[_Fig]:
        """Multi-dot digit strings: IP addresses (one "other" per group) or versions."""
        text = self.tx[i]
        groups = text.split(".")
        if len(groups) == 4 and all(g.isdigit() and int(g) <= 255 for g in groups if g):
            out: list[_Fig] = []
            pos = self.st[i]
            for g in groups:
                v = int(g) if g else None
                out.append(_Fig(i, i + 1, v, v, v, kind="other", span=(pos, pos + len(g))))
                pos += len(g) + 1
            return out
        kind: Kind = "version" if "." in text else "other"
        return [_Fig(i, i + 1, None, None, None, kind=kind)]

    def chain(self, i: int) -> list[_Fig] | None:
        """Phone-like chains of 3+ digit groups "+1-222-2222-2222", "1-1-1-1": "other"."""
        kd, tx = self.kd, self.tx
        j = i
        groups = [i]
        while (
            j + 2 < self.n
            and kd[j + 1] == _SYM
            and tx[j + 1] in "-/."
            and self.adj(j + 1)
            and self.adj(j + 2)
            and kd[j + 2] == _NUM
        ):
            j += 2
            groups.append(j)
        if len(groups) < 3 or (len(groups) == 3 and self.date_numeric(i) is not None):
            return None
        if len(groups) > _MAX_GLUED:  # not prose: one opaque "other" mention
            return [_Fig(i, j + 1, None, None, None, kind="other")]
        out = []
        for g in groups:
            v = self.vl[g]
            out.append(_Fig(g, g + 1, v, v, v, kind="other"))
        return out

    def identifier(self, i: int) -> list[_Fig]:
        """Digits inside a word or identifier ("MP3", "F-16", "@user123"): kind other."""
        v = self.vl[i]
        fig = _Fig(i, i + 1, v, v, v, kind="other")
        if self.kd[i - 1] == _WORD and self.lw[i - 1] == "v":
            fig.kind = "version"
        return [fig]

    def digit_ordinal(self, i: int) -> _Fig | None:
        """ "21st", "4th" (kind ordinal); "1990s" (a decade, kind year); "3D" (other)."""
        j = i + 1
        if not (j < self.n and self.adj(j) and self.kd[j] == _WORD):
            return None
        v = self.vl[i]
        if v is None:
            return None
        suffix = self.lw[j]
        if suffix in _ORDINAL_SUFFIXES and v.denominator == 1:
            return _Fig(i, j + 1, v, v, v, kind="ordinal")
        if suffix == "s" and self.tx[i].isdigit() and len(self.tx[i]) == 4 and _yearish(v):
            return _Fig(i, j + 1, v, v, v, kind="year", parts=(int(v), None, None))
        if suffix == "x" and self.exponent(j, v) is None:
            if j + 1 < self.n and self.kd[j + 1] == _NUM and self.adj(j + 1):
                return _Fig(i, j + 1, v, v, v, kind="other")  # "the 4x100m relay"
            return _Fig(i, j + 1, v, v, v, kind="multiplier")  # "3x more"
        if (self.tx[j] in SCALE_ABBREVIATIONS and v < 1000 and not self.metres(j)) or suffix in (
            "e",
            "x",
        ):
            return None
        if self.money_letters(j, v):
            return None  # "210p", "17pc": read by number()
        # glued to a unit or identifier: report as "other", never as a cardinal
        end = j + 1
        return _Fig(i, end, v, v, v, kind="other")

    def compound_ordinal(self, i: int) -> _Fig | None:
        """ "twenty-first", "thirty fifth" (singular: plurals are fraction denominators)."""
        j = i + 1
        if self.sym(j) == "-" and self.adj(j) and self.adj(j + 1):
            j += 1
        w = self.word(j)
        if w not in ORDINALS or ORDINALS[w] >= 10:
            return None
        v = TENS[self.lw[i]] + ORDINALS[w]
        return _Fig(i, j + 1, v, v, v, kind="ordinal")

    def word_ordinal(self, i: int) -> _Fig:
        w = self.lw[i]
        ordinal, _ = _ordinal_word(w)
        assert ordinal is not None
        return _Fig(i, i + 1, ordinal, ordinal, ordinal,
                    kind="ordinal")  # fmt: skip

    def month_at(self, j: int) -> int | None:
        """A capitalized month name or abbreviation at token j ("May", "Feb"), else None."""
        if 0 <= j < self.n and self.kd[j] == _WORD and self.tx[j][0].isupper():
            return MONTHS.get(self.lw[j])
        return None

    def day_at(self, j: int) -> tuple[int, int] | None:
        """A day of month at token j (with an optional "th"): (day, end)."""
        if j >= self.n or self.kd[j] != _NUM or not self.tx[j].isdigit() or len(self.tx[j]) > 2:
            return None
        d = int(self.tx[j])
        if not 1 <= d <= 31:
            return None
        end = j + 1
        if end < self.n and self.adj(end) and self.lw[end] in _ORDINAL_SUFFIXES:
            end += 1
        elif end < self.n and self.adj(end) and self.kd[end] in (_WORD, _NUM):
            return None
        return d, end

    def year_at(self, j: int) -> int | None:
        if j >= self.n or self.kd[j] != _NUM or not self.tx[j].isdigit() or len(self.tx[j]) != 4:
            return None
        y = int(self.tx[j])
        if not _YEAR_MIN <= y <= _YEAR_MAX:
            return None
        if j + 1 < self.n and self.adj(j + 1) and self.kd[j + 1] in (_WORD, _NUM):
            return None
        return y

    def date_words(self, i: int) -> _Fig | None:
        """ "February 10, 2019", "March 3", "November 2007", "mid-October", "early 2003"."""
        j = i
        w = self.lw[i]
        if w in _DATE_PREFIXES:
            j = i + 1
            if self.sym(j) == "-" and self.adj(j) and self.adj(j + 1):
                j += 1
            elif self.sym(j) == "-":
                return None
            m = self.month_at(j)
            y = self.year_at(j) if m is None else None
            if m is None and y is None:
                return None
            if y is not None:
                return _Fig(i, j + 1, None, None, None, kind="date", parts=(y, None, None))
            fig = self.date_words(j)
            if fig is not None:
                fig.start = i
                return fig
            return _Fig(i, j + 1, None, None, None, kind="date", parts=(None, m, None))
        m = self.month_at(i)
        if m is None:
            return None
        j = i + 1
        if self.sym(j) == "." and self.adj(j):
            j += 1
        day = self.day_at(j)
        if day is not None:
            d, end = day
            if self.sym(end) == "-" and self.adj(end) and self.adj(end + 1):
                span = self.day_at(end + 1)
                if span is not None and span[0] > d:  # "Nov. 3-19": a span of days
                    k = span[1] + 1 if self.sym(span[1]) == "," else span[1]
                    y = self.year_at(k)
                    if y is not None:
                        return _Fig(i, k + 1, None, None, None, kind="date", parts=(y, m, None))
                    return _Fig(i, span[1], None, None, None, kind="date", parts=(None, m, None))
            if end + 1 < self.n and self.lw[end] in _DAY_JOINERS:
                span = self.day_at(end + 1)
                if span is not None and span[0] == d + 1 and not self.count_noun_after(span[1]):
                    # "Oct. 17 and 18": two days, one mention (the resolver reads the
                    # second day from its text), so "18" is no count
                    end = span[1]
            k = end
            if self.sym(k) == ",":
                k += 1
            y = self.year_at(k)
            if y is not None:
                return _Fig(i, k + 1, None, None, None, kind="date", parts=(y, m, d))
            if self.kd[end] == _NUM if end < self.n else False:
                return None
            return _Fig(i, end, None, None, None, kind="date", parts=(None, m, d))
        k = j
        if self.sym(k) == ",":
            k += 1
        y = self.year_at(k)
        if y is not None:
            return _Fig(i, k + 1, None, None, None, kind="date", parts=(y, m, None))
        return None

    def date_day_first(self, i: int) -> _Fig | None:
        """ "10 February 2019", "4th of July"; a span of days "4-5 January 2024" is one date
        mention whose parts stop at the month (the day is not one day)."""
        day = self.day_at(i)
        if day is None:
            return None
        d: int | None
        d, end = day
        k = end
        if self.tok(k) in ("-", "to"):
            span = self.day_at(k + 1)
            if span is not None and span[0] > d:
                d, k = None, span[1]
        if self.word(k) == "of":
            k += 1
        m = self.month_at(k)
        if m is None:
            return None
        k += 1
        j = k + 1 if self.sym(k) == "," else k
        y = self.year_at(j)
        if y is not None:
            return _Fig(i, j + 1, None, None, None, kind="date", parts=(y, m, d))
        return _Fig(i, k, None, None, None, kind="date", parts=(None, m, d))

    def slashed(self, i: int) -> _Fig | None:
        """Two numbers glued by "/" or ":" that are not a fraction: "9/11" (a date, month and
        day), "24/7", "50/50", "10:30" (kind other)."""
        kd = self.kd
        j = i + 2
        if not (j < self.n and kd[j] == _NUM and self.adj(i + 1) and self.adj(j)):
            return None
        sep = self.sym(i + 1)
        if sep not in ("/", ":") or (j + 1 < self.n and self.adj(j + 1) and kd[j + 1] != _SYM):
            return None
        a, b = self.vl[i], self.vl[j]
        if sep == ":" and a is not None and a.denominator == 1 and self.tx[j][:2].isdigit():
            # a clock reading: "10:30", "2:05:48", "1:41.2" (a lap time), "T+01:02:35"
            while (
                self.sym(j + 1) == ":"
                and self.adj(j + 1)
                and self.adj(j + 2)
                and j + 2 < self.n
                and kd[j + 2] == _NUM
            ):
                j += 2
            return _Fig(i, j + 1, None, None, None, kind="other")
        if a is None or b is None or a.denominator != 1 or b.denominator != 1:
            return None
        if sep == "/" and (_is_slash_fraction(a, b) or self.inch_fraction(a, b, j + 1)):
            return None  # a fraction
        if sep == "/" and 1 <= a <= 12 and 1 <= b <= 31 and self.sym(j + 1) != "/":
            return _Fig(i, j + 1, None, None, None, kind="date", parts=(None, int(a), int(b)))
        return _Fig(i, j + 1, None, None, None, kind="other")

    def date_numeric(self, i: int) -> _Fig | None:
        """ "5/17/2018", "17/5/2018", "2018-05-17", "1995-01"."""
        tx, kd = self.tx, self.kd
        if not tx[i].isdigit():
            return None
        seps = self.sym(i + 1)
        if seps not in ("/", "-") or not (self.adj(i + 1) and self.adj(i + 2)):
            return None
        if i + 2 >= self.n or kd[i + 2] != _NUM or not tx[i + 2].isdigit():
            return None
        a, b = tx[i], tx[i + 2]
        three = (
            self.sym(i + 3) == seps
            and self.adj(i + 3)
            and self.adj(i + 4)
            and i + 4 < self.n
            and kd[i + 4] == _NUM
            and tx[i + 4].isdigit()
        )
        if three:
            c = tx[i + 4]
            if self.adj(i + 5) and i + 5 < self.n and kd[i + 5] in (_NUM, _WORD):
                return None
            if len(a) == 4 and len(b) <= 2 and len(c) <= 2:
                y, mo, d = int(a), int(b), int(c)
            elif len(c) == 4 and len(a) <= 2 and len(b) <= 2 and seps == "/":
                x, z = int(a), int(b)
                y = int(c)
                mo, d = (x, z) if x <= 12 else (z, x)
            else:
                return None
            if _YEAR_MIN <= y <= _YEAR_MAX and 1 <= mo <= 12 and 1 <= d <= 31:
                return _Fig(i, i + 5, None, None, None, kind="date", parts=(y, mo, d))
            return None
        if seps == "-" and len(a) == 4 and len(b) == 2 and b.startswith("0"):
            if self.adj(i + 3) and i + 3 < self.n and kd[i + 3] in (_NUM, _WORD, _SYM):
                return None
            y, mo = int(a), int(b)
            if _YEAR_MIN <= y <= _YEAR_MAX and 1 <= mo <= 12:
                return _Fig(i, i + 3, None, None, None, kind="date", parts=(y, mo, None))
        return None


# --------------------------------------------------------------------------------------
# The rule table
# --------------------------------------------------------------------------------------

RULES: Grammar[_Scanner, list[_Fig]] = Grammar()
"""The number grammar's rules, in the order :meth:`_Scanner.at` tries them on a token.

Each rule is ``(scanner, i) -> list of figures | None``: None lets the next rule try, a
list is the mentions read at token i, an empty list a veto (no mention starts here). The
words and symbols a rule declares make the scanner's start and continuation sets; the fast
paths of :meth:`_Scanner.run` read a lone integer only when no rule could continue it.
``docs/numbers.md`` ("Adding a form") shows how to add one."""

_FIGURE_CONTINUES: frozenset[str] = frozenset(
    [*_NUMBER_CONT_WORDS, *UNITS, *TEENS, *TENS, *DENOMINATORS, *ORDINALS,
     *(o + "s" for o in ORDINALS), "a", "an", "of", "times", "another",
     *(w for w in _AFTER_FIGURE if w.isalpha())]
)  # fmt: skip
"""Words a figure may read after its first number: the number core's own
(:data:`_NUMBER_CONT_WORDS`), words of a spelled number and its fraction ("one hundred
fifth", "two thirds of a million"), a range or a suffix ("to", "or more"), "times" (a
multiplier) and "another" (the pronoun "one")."""


@RULES.rule("url", kinds=_URL)
def _rule_url(s: _Scanner, i: int) -> list[_Fig] | None:
    """A URL holds no mention."""
    return []


@RULES.rule("dotted", kinds=_DOTTED)
def _rule_dotted(s: _Scanner, i: int) -> list[_Fig] | None:
    """Digits with several dots: an IP address (one mention per group) or a version."""
    return s.dotted(i)


@RULES.rule("signed_chain", kinds=_SYM, symbols="+-")
def _rule_signed_chain(s: _Scanner, i: int) -> list[_Fig] | None:
    """A phone-like chain after a sign: "+1-222-2222-2222"."""
    if i + 1 < s.n and s.adj(i + 1) and s.kd[i + 1] == _NUM:
        return s.chain(i + 1)
    return None


@RULES.rule("not_amount", kinds=_NUM, continues=_CLOCK_WORDS)
def _rule_not_amount(s: _Scanner, i: int) -> list[_Fig] | None:
    """Digits that are no amount by their form: a season, a score, a clock, a label."""
    return s.not_amount(i)


@RULES.rule("numeric", kinds=_NUM, continues=MONTHS, continue_symbols="-/:")
def _rule_numeric(s: _Scanner, i: int) -> list[_Fig] | None:
    """Chains, numeric dates, a day before its month, "24/7", identifiers, "21st"."""
    j = i + 1
    if j < s.n and (s.kd[j] != _SYM or s.tx[j] in "-/.:"):
        # chains, dates, "24/7" and "21st" all need a word, number or one of these
        # symbols after the first number; "52%", "12)" and "3," skip them
        return s.numeric(i, j)
    return s.identifier(i) if s.glued_left_word(i) else None


@RULES.rule("idiom", kinds=_WORD, words=[*MULTIPLIER_WORDS, *DENOMINATORS, "a", "an"])
def _rule_idiom(s: _Scanner, i: int) -> list[_Fig] | None:
    """Veto: a fraction or multiplier word in an idiom ("half-mast", "second half")."""
    return [] if s.idiom(i) else None


@RULES.rule("street_in_words", kinds=_WORD, anywhere=True)
def _rule_street_in_words(s: _Scanner, i: int) -> list[_Fig] | None:
    """Veto: a street number in words ("One Apple Park Way")."""
    return [] if s.tx[i][0].isupper() and i and s.street_after(i + 1) else None


@RULES.rule("date_words", kinds=_WORD, words=[*MONTHS, *_DATE_PREFIXES])
def _rule_date_words(s: _Scanner, i: int) -> list[_Fig] | None:
    """A date led by a capitalized month or a prefix: "March 3", "mid-October"."""
    w = s.lw[i]
    if w in _DATE_PREFIXES or s.tx[i][0].isupper():
        dt = s.date_words(i)
        if dt is not None:
            return [dt]
    return None


@RULES.rule("between", kinds=_WORD, words=("between", "from"))
def _rule_between(s: _Scanner, i: int) -> list[_Fig] | None:
    """A range "between X and Y", "from X to Y"."""
    r = s.between(i)
    return None if r is None else [r]


@RULES.rule("percent_of", kinds=_WORD, words=[*_PERCENT_WORDS, "per"])
def _rule_percent_of(s: _Scanner, i: int) -> list[_Fig] | None:
    """ "percent of 10", "per cent of twenty-two" with no number before."""
    if s.lw[i] in ("percent", "percents", "per", "percentage"):
        p = s.percent_of(i)
        if p is not None:
            return [p]
    return None


@RULES.rule("vague", kinds=_WORD, anywhere=True)
def _rule_vague(s: _Scanner, i: int) -> list[_Fig] | None:
    """A vague amount: "hundreds of thousands", "a few" (the phrases are data: the
    scanner adds the first words of the vague table to the start words)."""
    v = s.vague(i)
    return None if v is None else [v]


@RULES.rule(
    "qualified",
    kinds=(_WORD, _SYM),
    words=[p for p in _PREFIX_INDEX if p.isalpha()],
    symbols=[p for p in _PREFIX_INDEX if not p.isalpha()],
)
def _rule_qualified(s: _Scanner, i: int) -> list[_Fig] | None:
    """A qualifier phrase and the figure it bounds: "roughly 2,500", "at least 155,000"."""
    q = s.qualified(i)
    return None if q is None else [q]


@RULES.rule("multiplier_word", kinds=_WORD, words=MULTIPLIER_WORDS)
def _rule_multiplier_word(s: _Scanner, i: int) -> list[_Fig] | None:
    """ "doubled", "tripled", "twice", "fivefold"."""
    m = MULTIPLIER_WORDS[s.lw[i]]
    return [_Fig(i, i + 1, m, m, m, kind="multiplier")]


@RULES.rule("compound_ordinal", kinds=_WORD, words=TENS)
def _rule_compound_ordinal(s: _Scanner, i: int) -> list[_Fig] | None:
    """ "twenty-first", "thirty fifth"."""
    c = s.compound_ordinal(i)
    return None if c is None else [c]


@RULES.rule(
    "figure",
    kinds=(_NUM, _WORD, _SYM),
    anywhere=True,
    words=[*UNITS, *TEENS, *TENS, HUNDRED, "a", "an", "half", "quarter", *_SIGN_WORDS,
           *CURRENCY_CODES, *DOLLAR_PREFIXES, *GLUED_CURRENCY],
    symbols=[*CURRENCY_SYMBOLS, "+", "-", *_VULGAR],
    continues=_FIGURE_CONTINUES,
    continue_symbols=["-", "~", "+", "%", "/", "⁄", "^", *_VULGAR],
)  # fmt: skip
def _rule_figure(s: _Scanner, i: int) -> list[_Fig] | None:
    """A number with its currency, sign, scale, fraction, percent, range and suffix,
    then classified: a year, a version, the pronoun "one", a multiplier ("three times")."""
    fig = s.figure(i)
    return None if fig is None else [s.classify(fig)]


_AND_A = (["-", "and", "-", "a", "-"], ["-", "and", "-", "an", "-"])


@RULES.rule(
    "and_a_half",
    kinds=_WORD,
    words=[*UNITS, *TEENS, *TENS],
    continue_symbols="-",
    before="figure",
)
def _rule_and_a_half(s: _Scanner, i: int) -> list[_Fig] | None:
    """A whole number in words and a hyphenated fraction: "two-and-a-half" (2.5),
    "one-and-a-half million" (1.5 million), "a five-and-a-quarter-hour stage" (5.25)."""
    window = s.norm[s.en[i] : s.en[i] + 60].lower()  # a bounded look ahead, cheap
    if "-and-" not in window:
        return None
    c = s.card(i, words_only=True)
    if c is None or not c.integer:
        return None
    j = c.end  # then "-and-a-half": six tokens glued together
    if s.lw[j : j + 5] not in _AND_A or not all(s.adj(k) for k in range(j, j + 6)):
        return None
    den = DENOMINATORS.get(s.word(j + 5))
    if den is None or den[1]:  # one part: "half", "quarter", "third" (not "halves")
        return None
    value = c.value + Fraction(1, den[0])
    end = j + 6
    scale = SCALES.get(s.word(end))
    if scale is not None and not s.adj(end):
        value, end = value * scale, end + 1  # "one-and-a-half million"
    fig = _Fig(i, end, value, value, value, mant=value, bare=False)
    s.suffix(fig)  # "two-and-a-half or more"
    return [s.classify(fig)]  # "two-and-a-half times as many": a multiplier


@RULES.rule("word_ordinal", kinds=_WORD, words=[*ORDINALS, *(o + "s" for o in ORDINALS)])
def _rule_word_ordinal(s: _Scanner, i: int) -> list[_Fig] | None:
    """An ordinal word that no figure rule read: "first round", "the fifth". A plural one
    alone is no rank and no fraction without its count ("in 21.8 seconds", "fifths")."""
    if s.lw[i] not in ORDINALS:
        return None
    return [s.word_ordinal(i)]


@RULES.rule("half", kinds=_WORD, words=("half",))
def _rule_half(s: _Scanner, i: int) -> list[_Fig] | None:
    """ "half" alone is a multiplier of 0.5 (not after "a": "a half")."""
    if s.word(i - 1) != "a":
        h = Fraction(1, 2)
        return [_Fig(i, i + 1, h, h, h, kind="multiplier")]
    return None


_BUILT_IN: frozenset[str] = frozenset(RULES.names())
"""The rules the fast paths of :meth:`_Scanner.run` are proven equal to
(``tests/test_numbers_fast.py``)."""


def _fast_paths(grammar: Grammar[_Scanner, list[_Fig]]) -> tuple[frozenset[str] | None, bool]:
    """Where ``grammar`` lets :meth:`_Scanner.run` take its fast paths: (the number words
    that may not take the fast path, or None for none of them; whether digits may). A rule
    added after the built-in ones takes the fast path from the words and tokens it may
    start on, so that it is never skipped."""
    added = [r for r in grammar.rules() if r.name not in _BUILT_IN]
    words: frozenset[str] | None = frozenset()
    for r in added:
        if _WORD in r.kinds:
            words = None if r.anywhere or words is None else words | r.words
    return words, not any(_NUM in r.kinds for r in added)


def kd_num(scanner: _Scanner, k: int) -> bool:
    """Token k is a digit number."""
    return 0 <= k < scanner.n and scanner.kd[k] == _NUM


def _is_slash_fraction(a: Num, b: Num) -> bool:
    """a/b is a proper fraction, unless it reads as month/day with a denominator above 10:
    "3/4", "1/40" are fractions; "9/11", "5/17" dates; "24/7", "50/50" neither."""
    if not 0 < a < b:
        return False
    could_be_date = a <= 12 and b <= 31
    return b <= _MAX_DENOMINATOR or not could_be_date


def _ordinal_word(w: str) -> tuple[int | None, bool]:
    if w in ORDINALS:
        return ORDINALS[w], False
    if w.endswith("s") and w[:-1] in ORDINALS:
        return ORDINALS[w[:-1]], True
    return None, False


def _yearish(v: Num | None) -> bool:
    return v is not None and v.denominator == 1 and _YEAR_MIN <= v <= _YEAR_MAX


def _qualify(fig: _Fig, q: Qualifier, mod: str) -> None:
    v = fig.value
    fig.qualifier = q
    fig.modifier = mod
    if q in ("at_least", "more_than"):
        fig.low, fig.high = v, None
    elif q in ("at_most", "less_than"):
        fig.low, fig.high = None, v


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def find_numbers(
    text: str, *, vague: Mapping[str, tuple[float | None, float | None]] | None = None
) -> list[NumberMention]:
    """Every numeric expression of ``text``, in order, non-overlapping.

    ``vague`` overrides entries of the vague-amount table (``numcheck/data/vague.toml``):
    phrase -> (low, high), ``None`` for an open bound.

    >>> [(m.text, m.value, m.low, m.high, m.qualifier, m.modifier)
    ...  for m in find_numbers("at least 155,000 deaths, nearly 900 troops")]
    [('at least 155,000', 155000.0, 155000.0, None, 'at_least', 'at least'),
     ('nearly 900', 900.0, 900.0, 900.0, 'approx', 'nearly')]
    >>> m, = find_numbers("25000 to 30,000 fighters")
    >>> (m.kind, m.value, m.low, m.high, m.qualifier)
    ('range', None, 25000.0, 30000.0, 'range')
    >>> [(m.text, m.kind, m.parts) for m in find_numbers("In November 2007, 1,70,300 troops")]
    [('November 2007', 'date', (2007, 11, None)), ('1,70,300', 'cardinal', None)]
    >>> m, = find_numbers("hundreds of thousands of lives")
    >>> (m.qualifier, m.low, m.high)
    ('vague', 200000.0, 999999.0)
    >>> m, = find_numbers("hundreds", vague={"hundreds": (100, None)})
    >>> (m.low, m.high)
    (100.0, None)
    """
    # The scan makes no reference cycles (everything it drops is freed by reference counts),
    # but a figure-dense text makes hundreds of thousands of objects, and the cyclic
    # collector would walk them again and again (a third of the time on "1 2 3 ...").
    # It is paused for the scan and resumed as it was, whatever happens.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        return _find(text, vague)
    finally:
        if paused:
            gc.enable()


def _find(
    text: str,
    vague: Mapping[str, tuple[float | None, float | None]] | None,
    *,
    fast: bool = True,
    grammar: Grammar[_Scanner, list[_Fig]] | None = None,
) -> list[NumberMention]:
    """:func:`find_numbers`; ``fast=False`` takes no fast path (see :class:`_Scanner`) and
    builds every mention with the dataclass constructor; ``grammar`` replaces the rule
    table :data:`RULES` (a copy extended or cut, as the tests and docs do)."""
    norm = normalize(text)
    table: VagueTable = _default_vague()
    if vague:
        merged = dict(table)
        merged.update({k.lower(): v for k, v in vague.items()})
        table = merged
    scanner = _Scanner(_Tokens(norm), table, fast=fast, grammar=grammar)
    figs = scanner.run()
    tok_start, tok_end = scanner.st, scanner.en
    out: list[NumberMention] = []
    append = out.append
    mention = cast("Callable[..., NumberMention]", _Mention) if fast else NumberMention
    last_end = 0
    for fig in figs:
        if type(fig) is tuple:
            x, iv, percent = fig
            start = tok_start[x]
            if start < last_end:
                continue
            last_end = end = tok_end[x + percent]
            fv: float | None = float(iv)
            if percent:
                append(mention(start, end, text[start:end], fv, fv, fv,
                               "exact", None, "percent", "percent", None, None))  # fmt: skip
            else:
                append(mention(start, end, text[start:end], fv, fv, fv,
                               "exact", None, "cardinal", None, None, None))  # fmt: skip
            continue
        assert isinstance(fig, _Fig)
        if fig.span is not None:
            start, end = fig.span
        else:
            start, end = tok_start[fig.start], tok_end[fig.end - 1]
        if start < last_end or end <= start:
            continue
        last_end = end
        given, lo, hi = fig.value, fig.low, fig.high
        # low and high are often the value itself: one check, one conversion
        if not (_fits(given) and (lo is given or _fits(lo)) and (hi is given or _fits(hi))):
            append(
                NumberMention(
                    start, end, text[start:end], None, None, None, kind="other", note=_UNFIT
                )
            )
            continue
        fv = float(given) if type(given) is int else _f(given)
        append(
            mention(
                start,
                end,
                text[start:end],
                None if fig.qualifier in ("range", "vague") else fv,
                fv if lo is given else float(lo) if type(lo) is int else _f(lo),
                fv if hi is given else float(hi) if type(hi) is int else _f(hi),
                fig.qualifier,
                fig.modifier,
                fig.kind,
                fig.unit,
                fig.parts,
                None,
            )
        )
    return out


class _Mention:
    """The slot layout of :class:`NumberMention`, without its frozen ``__init__``.

    The frozen dataclass sets each of its twelve fields through ``object.__setattr__``
    (about 2 microseconds a mention, more than the whole scan of a plain "5"); this twin
    sets them as plain slots, then becomes a NumberMention by ``__class__`` assignment
    (allowed between classes of the same slots). ``_Mention(...)`` is thus a NumberMention
    in every respect: equal, same hash, frozen.
    """

    __slots__ = NumberMention.__slots__  # the same names (CPython lays slots out sorted)

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        value: float | None,
        low: float | None,
        high: float | None,
        qualifier: Qualifier,
        modifier: str | None,
        kind: Kind,
        unit: str | None,
        parts: Parts | None,
        note: str | None,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.low = low
        self.high = high
        self.qualifier = qualifier
        self.modifier = modifier
        self.kind = kind
        self.unit = unit
        self.parts = parts
        self.note = note
        self.__class__ = NumberMention  # type: ignore[assignment]
