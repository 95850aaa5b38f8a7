"""Closed word classes of the number grammar (English): number words, scales, ordinals.

These are grammar, not user data, so they live in code; the user-tunable vague amounts
("hundreds", "a few") live in ``numcheck/data/vague.toml``.
"""

from __future__ import annotations

UNITS: dict[str, int] = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
TEENS: dict[str, int] = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
HUNDRED = "hundred"
SCALES: dict[str, int] = {
    "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "lakh": 10**5, "lakhs": 10**5, "lac": 10**5, "lacs": 10**5, "crore": 10**7, "crores": 10**7,
}  # fmt: skip
"""Scale words written after a number ("3 million", "two lakh")."""

SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3, "K": 10**3, "m": 10**6, "M": 10**6, "mn": 10**6, "MM": 10**6, "mil": 10**6,
    "mln": 10**6, "b": 10**9, "B": 10**9, "bn": 10**9, "bln": 10**9, "Bn": 10**9,
    "tn": 10**12, "tln": 10**12, "trn": 10**12, "T": 10**12,
}  # fmt: skip
"""Abbreviated scales glued to digits ("250k", "1.2m", "$2.7bn"); case-sensitive."""

SPACED_ABBREVIATIONS: dict[str, int] = {
    "k": 10**3, "K": 10**3, "M": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "bln": 10**9,
    "tn": 10**12, "tln": 10**12, "trn": 10**12, "MM": 10**6,
}  # fmt: skip
"""Abbreviated scales after a space ("$2.7 bn", "10 bln"); "m" is excluded (metres)."""

DOZENS: frozenset[str] = frozenset({"dozen", "dozens", "dz", "dzs", "doz", "dozs"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
    "millionth": 10**6, "billionth": 10**9, "trillionth": 10**12,
}  # fmt: skip
"""Ordinal words -> the number they rank."""

DENOMINATORS: dict[str, tuple[int, bool]] = {
    word: (value, False) for word, value in ORDINALS.items() if value > 2
}
DENOMINATORS.update({word + "s": (value, True) for word, value in ORDINALS.items() if value > 2})
DENOMINATORS.update(
    {"half": (2, False), "halves": (2, True), "quarter": (4, False), "quarters": (4, True)}
)
"""Fraction denominators -> (value, plural). "first"/"second" are never denominators."""

MULTIPLIER_WORDS: dict[str, int] = {
    "double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twice": 2,
    "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3,
    "quadruple": 4, "quadrupled": 4, "quadrupling": 4, "twofold": 2, "threefold": 3,
    "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7, "eightfold": 8,
    "ninefold": 9, "tenfold": 10, "twentyfold": 20, "hundredfold": 100,
}  # fmt: skip
"""Words that state a multiplier ("doubled", "threefold")."""

TIMES_FOLLOWERS: frozenset[str] = frozenset(
    "as more larger higher bigger greater faster that the smaller lower fewer less over "
    "longer heavier stronger what".split()
)
"""After "N times", these words make N a multiplier ("three times as many")."""

PRONOUN_DETERMINERS: frozenset[str] = frozenset(
    "the this that which each every any no another a an what whichever only other same "
    "last next right wrong little big new old good young first second such".split()
)
"""A determiner or adjective before "one" makes it a pronoun ("the one who", "this one")."""

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

IDENTIFIER_PREFIX_OK: frozenset[str] = frozenset("mid early late pre post sub minus".split())
"""Words glued by a hyphen before digits that do NOT make the digits an identifier."""

VERSION_CONTEXT: frozenset[str] = frozenset(
    "version versions ver release attribution licence license android ios windows "
    "firmware python rev revision".split()
)
"""A decimal right after one of these words is a version number ("Attribution 4.0")."""

YEAR_PREPOSITIONS: frozenset[str] = frozenset(
    "in since until till by from to during before after early late mid of between "
    "and circa around through throughout fiscal spring summer autumn fall winter".split()
)

COUNT_NOUNS: frozenset[str] = frozenset(
    "people persons personnel police staff men women children troops soldiers "
    "civilians militants fighters deaths casualties dead wounded refugees migrants "
    "workers employees members students cases votes seats households families".split()
)
"""Plural-like nouns without a final "s" are also listed here ("people", "men")."""

OVER_NOT_QUALIFIER: frozenset[str] = frozenset(
    "took taken take takes taking handed hand hands handing turned turn turns turning "
    "all game left get got stop stopped fell fall falls falling".split()
)
"""Words before "over" that make it a particle, not "more than" ("took over 3 towns")."""

LABEL_WORDS: frozenset[str] = frozenset(
    "game part stage section row seat suite room gate terminal platform route highway "
    "interstate flight camp category level phase chapter article tier grade division "
    "lot floor apartment precinct ward district zone sector pier berth exit junction "
    "page episode paragraph clause amendment resolution proposition appendix schedule "
    "hole matchday".split()
)
"""Words that number the thing after them: "Game 7", "section 112", "Stage 14" (the
number is a label, not an amount)."""

TIME_ZONES: frozenset[str] = frozenset(
    "GMT UTC BST CET CEST EET EEST EST EDT CST CDT MST MDT PST PDT ET PT JST IST AEST "
    "AEDT HKT SGT MSK GST WAT CAT EAT local hours hrs Zulu".split()
)
"""Words after four digits that make them a time of day: "0630 GMT"."""

CHANGE_VERBS: frozenset[str] = frozenset(
    "rose rise rises rising risen fell fall falls falling fallen grew grow grows growing "
    "grown climbed climb climbs jumped jump jumps surged surge surges soared soar soars "
    "gained gain gains added dropped drop drops declined decline declines slid slide "
    "slides slipped sank sink plunged plunge plummeted tumbled tumble slumped shed lost "
    "increased increase increases decreased decrease decreases raised raise raises "
    "lifted lift hiked hike boosted boost cut cuts slashed reduced reduce reduces lowered "
    "lower narrowed narrow widened widen eased ease dipped dip advanced rallied rebounded "
    "shrank shrink expanded expand doubled tripled halved changed moved went up down".split()
)
"""Verbs of change: after them "X to Y" (or "by X to Y", "from X to Y") is a change and
a level, never a range ("rose $1.45 to $83.20", "cut the grant by £120m to £1.38bn")."""

MEASURE_WORDS: frozenset[str] = frozenset(
    "sq square km kilometres kilometers kilometre kilometer metres meters metre meter ft "
    "feet foot miles mile acres acre hectares hectare tonnes tonne tons ton kg kilograms "
    "kw mw gw kwh mwh gwh twh mah hp bhp cc mm cm litres liters gallons mph kmh gb tb mb "
    "mhz ghz watts kilowatts megawatts rpm".split()
)
"""Words (lowercase) after four digits that make them a measure, not a year: "2400 sq m",
"1900 kW". A closed list, so that the number layer never loads the unit tables."""

GLUED_UNITS: frozenset[str] = frozenset(
    "W kW MW GW kWh MWh GWh Wh Hz kHz MHz GHz min mins s ms h hr hrs km m cm mm mph kg g "
    "mg t l L ml GB TB MB kB Mbps Gbps kbps mAh V kV A ft in".split()
)
"""Unit symbols glued to the right side of a range ("3-8W", "20 – 35min",
"between 12kHz and 18kHz"): the range ends at its digits and the unit follows."""
