"""Closed word classes of the number grammar: number words, scales, ordinals, qualifiers.

The English words are a language pack, ``numcheck/lang/en/numbers.toml``, read once at
import and validated (:func:`load_number_words`): a broken pack stops the import with one
line naming the file and the key. Symbols, currency codes, unit symbols and time zones,
which are the same in every language, stay here. The user-tunable vague amounts
("hundreds", "a few") live in ``numcheck/data/vague.toml``.
"""

from __future__ import annotations

from pathlib import Path

from ._langpack import LANG, load_pack
from ._langpack import LangPackError as LangPackError
from ._langpack import PackModel as _Strict
from ._models import Qualifier

PACK = LANG / "numbers.toml"
"""The language pack of the number grammar."""


class _Numbers(_Strict):
    hundred: str
    dozens: list[str]
    percent_words: list[str]
    date_prefixes: list[str]
    day_joiners: list[str]
    ordinal_suffixes: list[str]
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    plural_scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    spaced_abbreviations: dict[str, int]
    ordinals: dict[str, int]
    fractions: dict[str, int]
    fraction_plurals: dict[str, int]
    multipliers: dict[str, int]
    signs: dict[str, int]


class _Context(_Strict):
    times_followers: list[str]
    pronoun_determiners: list[str]
    identifier_prefix_ok: list[str]
    version_context: list[str]
    year_prepositions: list[str]
    count_nouns: list[str]
    over_not_qualifier: list[str]
    label_words: list[str]
    change_verbs: list[str]
    measure_words: list[str]
    score_before: list[str]
    score_after: list[str]
    range_before: list[str]
    ordinal_nouns: list[str]
    size_words: list[str]
    money_words: list[str]
    street_words: list[str]
    not_names: list[str]


class _Qualifiers(_Strict):
    prefixes: dict[str, tuple[Qualifier, str]]
    suffixes: dict[str, tuple[Qualifier, str]]


class NumberWords(_Strict):
    """The shape of a language pack of the number grammar (every key required)."""

    numbers: _Numbers
    context: _Context
    qualifiers: _Qualifiers


def load_number_words(path: Path = PACK) -> NumberWords:
    """Read and validate a language pack; :class:`LangPackError` names the file and key."""
    return load_pack(NumberWords, path)


_EN = load_number_words()
_N, _C = _EN.numbers, _EN.context

UNITS: dict[str, int] = _N.units
TEENS: dict[str, int] = _N.teens
TENS: dict[str, int] = _N.tens
HUNDRED = _N.hundred
SCALES: dict[str, int] = _N.scales
"""Scale words written after a number ("3 million", "two lakh")."""
PLURAL_SCALES: dict[str, int] = _N.plural_scales
"""Plural scales after a count ("5 millions")."""

SCALE_ABBREVIATIONS: dict[str, int] = _N.scale_abbreviations
"""Abbreviated scales glued to digits ("250k", "1.2m", "$2.7bn"); case-sensitive."""

SPACED_ABBREVIATIONS: dict[str, int] = _N.spaced_abbreviations
"""Abbreviated scales after a space ("$2.7 bn", "10 bln"); "m" is excluded (metres)."""

DOZENS: frozenset[str] = frozenset(_N.dozens)

ORDINALS: dict[str, int] = _N.ordinals
"""Ordinal words -> the number they rank."""

DENOMINATORS: dict[str, tuple[int, bool]] = {
    word: (value, False) for word, value in ORDINALS.items() if value > 2
}
DENOMINATORS.update({word + "s": (value, True) for word, value in ORDINALS.items() if value > 2})
for _word, _value in _N.fractions.items():
    DENOMINATORS[_word] = (_value, False)
    for _plural, _same in _N.fraction_plurals.items():
        if _same == _value:
            DENOMINATORS[_plural] = (_value, True)
"""Fraction denominators -> (value, plural). "first"/"second" are never denominators."""

MULTIPLIER_WORDS: dict[str, int] = _N.multipliers
"""Words that state a multiplier ("doubled", "threefold")."""

PERCENT_WORDS: frozenset[str] = frozenset(_N.percent_words)
DATE_PREFIXES: frozenset[str] = frozenset(_N.date_prefixes)
DAY_JOINERS: frozenset[str] = frozenset(_N.day_joiners)
ORDINAL_SUFFIXES: frozenset[str] = frozenset(_N.ordinal_suffixes)
SIGN_WORDS: dict[str, int] = _N.signs

TIMES_FOLLOWERS: frozenset[str] = frozenset(_C.times_followers)
"""After "N times", these words make N a multiplier ("three times as many")."""

PRONOUN_DETERMINERS: frozenset[str] = frozenset(_C.pronoun_determiners)
"""A determiner or adjective before "one" makes it a pronoun ("the one who", "this one")."""

IDENTIFIER_PREFIX_OK: frozenset[str] = frozenset(_C.identifier_prefix_ok)
"""Words glued by a hyphen before digits that do NOT make the digits an identifier."""

VERSION_CONTEXT: frozenset[str] = frozenset(_C.version_context)
"""A decimal right after one of these words is a version number ("Attribution 4.0")."""

YEAR_PREPOSITIONS: frozenset[str] = frozenset(_C.year_prepositions)

COUNT_NOUNS: frozenset[str] = frozenset(_C.count_nouns)
"""Plural-like nouns without a final "s" are also listed here ("people", "men")."""

OVER_NOT_QUALIFIER: frozenset[str] = frozenset(_C.over_not_qualifier)
"""Words before "over" that make it a particle, not "more than" ("took over 3 towns")."""

LABEL_WORDS: frozenset[str] = frozenset(_C.label_words)
"""Words that number the thing after them: "Game 7", "section 112", "Stage 14" (the
number is a label, not an amount)."""

CHANGE_VERBS: frozenset[str] = frozenset(_C.change_verbs)
"""Verbs of change: after them "X to Y" (or "by X to Y", "from X to Y") is a change and
a level, never a range ("rose $1.45 to $83.20", "cut the grant by £120m to £1.38bn")."""

MEASURE_WORDS: frozenset[str] = frozenset(_C.measure_words)
"""Words (lowercase) after four digits that make them a measure, not a year: "2400 sq m",
"1900 kW". A closed list, so that the number layer never loads the unit tables."""

SCORE_BEFORE: frozenset[str] = frozenset(_C.score_before)
SCORE_AFTER: frozenset[str] = frozenset(_C.score_after)
RANGE_BEFORE: frozenset[str] = frozenset(_C.range_before)
ORDINAL_NOUNS: frozenset[str] = frozenset(_C.ordinal_nouns)
"""Words after "a third", "a fourth" that make it a rank, not a fraction ("a fourth day")."""
SIZE_WORDS: frozenset[str] = frozenset(_C.size_words)
MONEY_WORDS: frozenset[str] = frozenset(_C.money_words)
"""Words after "25m" that make the "m" metres."""
STREET_WORDS: frozenset[str] = frozenset(_C.street_words)
NOT_NAMES: frozenset[str] = frozenset(_C.not_names)

QUALIFIER_PREFIXES: dict[str, tuple[Qualifier, str]] = _EN.qualifiers.prefixes
"""Qualifier phrases before a figure -> (qualifier, normalized modifier)."""
QUALIFIER_SUFFIXES: dict[str, tuple[Qualifier, str]] = _EN.qualifiers.suffixes
"""Qualifier phrases after a figure ("or more", "-plus")."""

CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW",
}  # fmt: skip
DOLLAR_PREFIXES: dict[str, str] = {
    "us": "USD", "a": "AUD", "au": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "hk": "HKD",
    "s": "SGD",
}  # fmt: skip
"""Letters glued before "$": "US$" -> USD, "A$" -> AUD."""
CURRENCY_CODES: dict[str, str] = {
    **{code: code for code in (
        "USD EUR GBP JPY INR CNY IQD IRR SEK NOK DKK CHF CAD AUD RUB TRY SAR AED".split()
    )},
    "RMB": "CNY", "Rs": "INR", "RM": "MYR",
}  # fmt: skip
"""Currency codes (and "Rs") written before or after a number ("USD 5", "Rs 500 crore");
glued before the digits too ("USD25m", "RM45", "INR3 trillion")."""

GLUED_CURRENCY: dict[str, tuple[str, int]] = {
    "R": ("ZAR", 10**6), "N": ("NGN", 10**6), "PS": ("GBP", 0),
}  # fmt: skip
"""Short letters glued before digits that are a currency only with a scale of at least
the given size ("R254 billion", "N27.5 trillion"); "PS" is a pound sign scraped to two
letters ("PS45m", "PS150"), read with a scale or from 100 up ("PS5" is a console)."""

VIDEO_LINES: frozenset[int] = frozenset({240, 360, 480, 576, 720, 1080, 1440, 2160, 4320})
"""Numbers that a glued "p" makes a video format ("1080p"), not pence."""

TIME_ZONES: frozenset[str] = frozenset(
    "GMT UTC BST CET CEST EET EEST EST EDT CST CDT MST MDT PST PDT ET PT JST IST AEST "
    "AEDT HKT SGT MSK GST WAT CAT EAT local hours hrs Zulu".split()
)
"""Words after four digits that make them a time of day: "0630 GMT"."""

GLUED_UNITS: frozenset[str] = frozenset(
    "W kW MW GW kWh MWh GWh Wh Hz kHz MHz GHz min mins s ms h hr hrs km m cm mm mph kg g "
    "mg t l L ml GB TB MB kB Mbps Gbps kbps mAh V kV A ft in".split()
)
"""Unit symbols glued to the right side of a range ("3-8W", "20 – 35min",
"between 12kHz and 18kHz"): the range ends at its digits and the unit follows."""
