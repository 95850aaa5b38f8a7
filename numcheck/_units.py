"""Physical, money and percent units written next to a number: "930,000 mi", "£2,000".

:func:`unit_after` reads the unit right after a number ("1,500,000 kilometres"),
:func:`unit_before` a currency right before one ("US$", "Rs", "₹"); both return a
:class:`UnitMatch` with the offsets of the unit words, our short name ("km", "GBP"), its
comparison family ("length", "currency:GBP") and the factor to the family's base unit.
:func:`convert` and :func:`same_family` compare figures across units.

Where the knowledge comes from (see ``docs/units.md``): one generated table,
``numcheck/data/units_generated.json``, which ``scripts/gen_units.py`` builds at
development time from

- quantulum3's packaged unit data (surface forms: names, plurals, symbols);
- ``numcheck/data/units.toml`` (which of its units we accept, our short names, families,
  pint units, the ambiguity rules);
- pint (each unit's factor to its family's base; the scale and offset of °C and °F).

Neither quantulum3 nor pint is imported at run time: they are development and test
dependencies (``tests/test_units_generated.py`` rebuilds the table and checks every
factor and conversion against pint).

Nothing is loaded at import time: the table is read on the first call and cached.
A call then looks at a handful of tokens after (or before) ``pos``: a dict lookup on the
first word and at most a few candidates, whatever the size of the text.

>>> u = unit_after("1,500,000 kilometres (930,000 mi)", 9)
>>> (u.text, u.name, u.dimension, u.factor, u.base)
('kilometres', 'km', 'length', 1000.0, 'm')
>>> round(convert(930_000, "mi", "km"))
1496690
>>> unit_after("about 900 in Syria", 9) is None
True
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "UnitMatch",
    "convert",
    "glued_unit",
    "same_family",
    "unit_after",
    "unit_before",
    "unit_info",
]


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit found in a text: ``text == source[start:end]`` always.

    ``factor`` multiplies a value in this unit into the family's ``base`` unit; it is
    ``None`` for currencies (no exchange rates: each currency is its own family) and for
    units with an offset (degrees Celsius and Fahrenheit: use :func:`convert`).
    """

    start: int
    end: int
    text: str
    name: str
    dimension: str
    factor: float | None
    base: str


Rule = Literal["plain", "glued", "inch", "pound"]


@dataclass(frozen=True, slots=True)
class _Unit:
    """One accepted unit: our short name, family, factor to the base, affine map to it."""

    name: str
    dimension: str
    factor: float | None  # None for currencies and offset scales (°C, °F)
    base: str
    affine: tuple[float, float] | None  # (scale, offset): base = value * scale + offset


@dataclass(frozen=True, slots=True)
class _Surface:
    """One written form of a unit, as tokens, with how it may be matched."""

    tokens: tuple[str, ...]  # as written in the data (case kept)
    lower: tuple[str, ...]
    gaps: tuple[bool, ...]  # gaps[i]: a space between tokens i and i+1 in the data
    unit: _Unit | None  # None for the pound rule (decided from context)
    rule: Rule
    exact_case: bool


# --------------------------------------------------------------------------------------
# Tokens: letter runs (with "²", "µ"), digit runs, and single other characters.
# --------------------------------------------------------------------------------------

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")
_MAX_GAP = 2  # spaces allowed between the number and the unit, and inside a unit
_LOOKBACK = 48  # characters read before the number for the pound rule


def _tokenize(surface: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    tokens: list[str] = []
    gaps: list[bool] = []
    last_end = -1
    for m in _TOKEN.finditer(surface):
        if tokens:
            gaps.append(m.start() > last_end)
        tokens.append(m.group())
        last_end = m.end()
    return tuple(tokens), tuple(gaps)


# --------------------------------------------------------------------------------------
# Loading: the table scripts/gen_units.py generated from quantulum3, pint and units.toml.
# --------------------------------------------------------------------------------------

GENERATED = "units_generated.json"
"""The generated table in ``numcheck/data/`` (see ``scripts/gen_units.py``)."""


@dataclass(frozen=True, slots=True)
class _Tables:
    first: Mapping[str, Sequence[_Surface]]  # lowercase first token -> surfaces, in order
    before: Mapping[str, Sequence[tuple[str, _Unit]]]  # last char -> (symbol, unit)
    names: Mapping[str, _Unit]  # short name -> unit
    inch_context: frozenset[str]
    pound_money_before: frozenset[str]
    pound_mass_words: frozenset[str]
    mass_pound: _Unit
    money_pound: _Unit


def _unit(name: str, record: Mapping[str, Any]) -> _Unit:
    factor = record["factor"]
    scale, offset = record.get("scale"), record.get("offset")
    if factor is not None:  # multiplicative: base = value * factor
        scale, offset = factor, 0.0
    affine = None if scale is None else (float(scale), float(offset or 0.0))
    return _Unit(
        name,
        str(record["family"]),
        None if factor is None else float(factor),
        str(record["base"]),
        affine,
    )


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """Build every lookup table once from ``numcheck/data/units_generated.json``."""
    with resources.files("numcheck.data").joinpath(GENERATED).open("rb") as handle:
        data: dict[str, Any] = json.load(handle)
    names = {name: _unit(name, record) for name, record in data["units"].items()}
    first: dict[str, list[_Surface]] = {}
    for form, unit_name, rule, exact in data["forms"]:  # in the order they are tried
        tokens, gaps = _tokenize(form)
        unit = None if unit_name is None else names[unit_name]
        written = _Surface(tokens, tuple(t.lower() for t in tokens), gaps, unit, rule, exact)
        first.setdefault(written.lower[0], []).append(written)
    before: dict[str, list[tuple[str, _Unit]]] = {}
    for symbol, unit_name in data["before"]:
        before.setdefault(symbol[-1], []).append((symbol, names[unit_name]))
    for items in before.values():
        items.sort(key=lambda item: len(item[0]), reverse=True)
    return _Tables(
        first=first,
        before=before,
        names=names,
        inch_context=frozenset(data["inch_context"]),
        pound_money_before=frozenset(data["pound_money_before"]),
        pound_mass_words=frozenset(data["pound_mass_words"]),
        mass_pound=names["lb"],
        money_pound=names["GBP"],
    )


# --------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------


def _tokens_at(text: str, pos: int, limit: int, count: int) -> Iterator[tuple[int, int, str]]:
    """Up to ``count`` tokens from ``pos``, stopping at a gap wider than ``_MAX_GAP`` spaces."""
    i = pos
    for _ in range(count):
        j = i
        while j < limit and j - i <= _MAX_GAP and text[j] == " ":
            j += 1
        if j >= limit or j - i > _MAX_GAP:
            return
        m = _TOKEN.match(text, j, limit)
        if m is None:
            return
        yield m.start(), m.end(), m.group()
        i = m.end()


def _boundary(text: str, end: int, limit: int) -> bool:
    """The unit ends a word: no letter or digit follows, nor a hyphenated word ("t-shirt")."""
    if end >= limit:
        return True
    ch = text[end]
    if ch.isalnum() or ch == "_":
        return False
    return not (ch in "-'" and end + 1 < limit and text[end + 1].isalpha())


def _is_rate(text: str, end: int, limit: int) -> bool:
    """A rate follows ("km per day", "kg/ha"): the unit alone would name the wrong family."""
    toks = list(_tokens_at(text, end, limit, 2))
    if not toks:
        return False
    word = toks[0][2].lower()
    return word == "/" or (word == "per" and len(toks) == 2 and toks[1][2].lower() != "cent")


def _next_word(text: str, end: int, limit: int) -> tuple[int, int, str] | None:
    for tok in _tokens_at(text, end, limit, 1):
        return tok
    return None


def _inch_ok(text: str, end: int, limit: int, tables: _Tables) -> bool:
    """The inch rule: "in" is an inch only when a measurement or a sentence end follows."""
    rest = text[end:limit]
    stripped = rest.lstrip(" ")
    if not stripped or stripped[0] in ")];":
        return True
    if stripped[0] in ".!?":
        after = stripped[1:2]
        return after in ("", " ", "\n", ")", '"')
    tok = _next_word(text, end, limit)
    if tok is None:
        return False
    word = tok[2].lower()
    if word in ("x", "by"):
        nxt = _next_word(text, tok[1], limit)
        return nxt is not None and nxt[2].isdigit()
    return word in tables.inch_context and _boundary(text, tok[1], limit)


def _pound_unit(text: str, pos: int, end: int, limit: int, tables: _Tables) -> _Unit | None:
    """The pound rule: money after a scale word, weight after "weighs" or before "of"."""
    window = text[max(0, pos - _LOOKBACK) : pos]
    words = re.findall(r"[^\W\d_]+", window.lower())
    tail = re.search(r"([^\W\d_]+)\s*$", window)
    if tail is not None and tail.group(1).lower() in tables.pound_money_before:
        return tables.money_pound
    if any(w in tables.pound_mass_words for w in words[-6:]):
        return tables.mass_pound
    tok = _next_word(text, end, limit)
    if tok is not None and tok[2].lower() == "of":
        return tables.mass_pound
    return None


def _match(text: str, pos: int, limit: int) -> UnitMatch | None:
    tables = _tables()
    i = pos
    glued = True
    # optional spaces or one hyphen ("16-meter") between the number and the unit
    while i < limit and i - pos < _MAX_GAP and text[i] == " ":
        i += 1
        glued = False
    if i < limit and text[i] == "-" and i == pos:
        i += 1
        glued = False
    if i >= limit or text[i] in " \n\t\r":
        return None
    m = _TOKEN.match(text, i, limit)
    if m is None:
        return None
    candidates = tables.first.get(m.group().lower())
    if not candidates:
        return None
    longest = len(candidates[0].tokens)
    toks = [(m.start(), m.end(), m.group())]
    toks.extend(_tokens_at(text, m.end(), limit, longest - 1))
    for surface in candidates:
        n = len(surface.tokens)
        if n > len(toks):
            continue
        if not _same_tokens(text, toks[:n], surface):
            continue
        end = toks[n - 1][1]
        if not _boundary(text, end, limit) or _is_rate(text, end, limit):
            continue
        unit = surface.unit
        if surface.rule == "glued" and not glued:
            continue
        if surface.rule == "inch" and not _inch_ok(text, end, limit, tables):
            continue
        if surface.rule == "pound":
            unit = _pound_unit(text, pos, end, limit, tables)
        if unit is None:
            return None
        start = toks[0][0]
        return UnitMatch(
            start, end, text[start:end], unit.name, unit.dimension, unit.factor, unit.base
        )
    return None


def _same_tokens(text: str, toks: Sequence[tuple[int, int, str]], surface: _Surface) -> bool:
    for k, (start, _end, tok) in enumerate(toks):
        want = surface.tokens[k] if surface.exact_case else surface.lower[k]
        got = tok if surface.exact_case else tok.lower()
        if got != want:
            return False
        if k:
            spaced = start > toks[k - 1][1]
            slash = tok == "/" or toks[k - 1][2] == "/"
            if spaced and not surface.gaps[k - 1] and not slash:
                return False
            if not spaced and surface.gaps[k - 1] and tok.isalpha() and toks[k - 1][2].isalpha():
                return False
    return True


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def unit_after(text: str, pos: int, limit: int | None = None) -> UnitMatch | None:
    """The unit written at ``pos`` (after up to two spaces or one hyphen), or None.

    ``text`` is normalized article text (:func:`numcheck._clean.normalize`), ``pos``
    usually the end of a number mention; nothing at or after ``limit`` is read.

    >>> [unit_after(t, 2).name for t in ("5 metres", "5 sq km", "5-mile", "5 °C", "5 mph")]
    ['m', 'km2', 'mi', '°C', 'mph']
    >>> unit_after("20 million pounds", 10).name, unit_after("5 pounds of rice", 1).name
    ('GBP', 'lb')
    >>> [unit_after(t, 1) for t in ("5 t-shirts", "5 pounds", "2 in 3", "5 km per day")]
    [None, None, None, None]
    """
    end = len(text) if limit is None else max(0, min(limit, len(text)))
    if not 0 <= pos < end:
        return None
    return _match(text, pos, end)


def unit_before(text: str, pos: int) -> UnitMatch | None:
    """A currency symbol or code right before a number starting at ``pos``, or None.

    >>> [(u.text, u.name) for t in ("US$5", "Rs 500", "£2", "USD 7", "₹9")
    ...  for u in [unit_before(t, t.index(t.lstrip("US$Rs£D₹ ")))]]
    [('US$', 'USD'), ('Rs', 'INR'), ('£', 'GBP'), ('USD', 'USD'), ('₹', 'INR')]
    >>> unit_before("hours 5", 6) is None
    True
    """
    if not 0 < pos <= len(text):
        return None
    tables = _tables()
    end = pos
    if text[end - 1] == " ":
        end -= 1
    if end <= 0:
        return None
    for symbol, unit in tables.before.get(text[end - 1], ()):
        start = end - len(symbol)
        if start < 0 or text[start:end] != symbol:
            continue
        if symbol[0].isalnum() and start > 0 and text[start - 1].isalnum():
            continue  # part of a longer word: "ABCUSD"
        if symbol[-1].isalpha() and end == pos and not symbol.isupper():
            continue  # "Rs500" is fine only for codes written in capitals
        return UnitMatch(
            start, end, text[start:end], unit.name, unit.dimension, unit.factor, unit.base
        )
    return None


_DIGITS = re.compile(r"[+-]?[\d.,]*\d")


def glued_unit(text: str, start: int, end: int) -> UnitMatch | None:
    """The unit glued to the digits of the mention ``text[start:end]`` ("180ml", "4,000km").

    The number finder reports such mentions as kind "other" spanning the unit too; this
    finds the unit after the digits when it reaches the end of the mention (or beyond:
    "10km/h").

    >>> u = glued_unit("a 4,000km trek", 2, 9)
    >>> (u.text, u.name)
    ('km', 'km')
    >>> glued_unit("in his 30s", 7, 10) is None
    True
    """
    m = _DIGITS.match(text, start, end)
    if m is None or m.end() >= end:
        return None
    unit = unit_after(text, m.end())
    if unit is None or unit.start != m.end() or unit.end < end:
        return None
    return unit


def unit_info(name: str) -> UnitMatch | None:
    """The family, factor and base of a short unit name (offsets 0): ``unit_info("km")``."""
    unit = _tables().names.get(name)
    if unit is None:
        return None
    return UnitMatch(0, 0, name, unit.name, unit.dimension, unit.factor, unit.base)


def unit_names() -> frozenset[str]:
    """Every short unit name a claim may carry, and the base units of their families."""
    names = _tables().names
    return frozenset(names) | frozenset(unit.base for unit in names.values())


def _lookup(unit: UnitMatch | str) -> _Unit:
    name = unit if isinstance(unit, str) else unit.name
    found = _tables().names.get(name)
    if found is None:
        raise ValueError(f"unknown unit {name!r}")
    return found


def same_family(a: str, b: str) -> bool:
    """Whether two short unit names measure the same thing (and so can be converted).

    >>> same_family("km", "mi"), same_family("USD", "USD"), same_family("USD", "EUR")
    (True, True, False)
    """
    if a == b:
        return True
    tables = _tables()
    ua, ub = tables.names.get(a), tables.names.get(b)
    return ua is not None and ub is not None and ua.dimension == ub.dimension


def convert(value: float, unit: UnitMatch | str, to: str) -> float:
    """``value`` in ``unit`` expressed in ``to`` (a short name of the same family).

    Currencies convert only to themselves (no exchange rates): anything else raises
    ``ValueError``, as does a change of family.

    >>> convert(1, "km2", "ha"), round(convert(100, "°C", "°F"), 9)
    (100.0, 212.0)
    >>> convert(5, "USD", "EUR")
    Traceback (most recent call last):
    ...
    ValueError: cannot convert USD to EUR: different families (currency:USD, currency:EUR)
    """
    src, dst = _lookup(unit), _lookup(to)
    if src.dimension != dst.dimension:
        raise ValueError(
            f"cannot convert {src.name} to {dst.name}: different families "
            f"({src.dimension}, {dst.dimension})"
        )
    if src.name == dst.name or src.dimension.startswith("currency:"):
        return float(value)
    if src.factor is not None and dst.factor is not None:
        return float(value) * src.factor / dst.factor
    if src.affine is None or dst.affine is None:  # pragma: no cover - set for every non-currency
        raise ValueError(f"cannot convert {src.name} to {dst.name}")
    # An offset scale (°C, °F): through the base the way pint converts, with its numbers.
    (src_scale, src_offset), (dst_scale, dst_offset) = src.affine, dst.affine
    base = float(value) * src_scale + src_offset
    return (base - dst_offset) / dst_scale
