"""Units after and before numbers, as a data table; conversions; a robustness property.

Each row is (text, the number's end or start, the expected unit text and short name), or
``None`` where no unit may be found. Known gaps are ``xfail(strict=True)`` rows.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck._clean import normalize
from numcheck._numbers import find_numbers
from numcheck._units import (
    UnitMatch,
    convert,
    glued_unit,
    same_family,
    unit_after,
    unit_before,
    unit_info,
)


def after_first_number(text: str) -> UnitMatch | None:
    """The unit after the first figure of ``text``, read the way the framer reads it."""
    norm = normalize(text)
    for m in find_numbers(text):
        if m.kind == "other":
            return glued_unit(norm, m.start, m.end)
        if m.is_figure:
            return unit_after(norm, m.end)
    return None


A = pytest.param
GAP = pytest.mark.xfail(strict=True, reason="known gap")

AFTER = [
    # full names, singular and plural, both spellings
    A("1,500,000 kilometres from Earth", "kilometres", "km", id="kilometres"),
    A("a 5 metre shark", "metre", "m", id="metre"),
    A("the 100m sprint", "m", "m", id="m-glued-before-a-race-is-metres"),
    A("two meters of cotton", "meters", "m", id="meters-words"),
    A("16.25 nanometers", "nanometers", "nm", id="nanometers"),
    A("six gallons of water", "gallons", "gal", id="gallons"),
    A("300 square kilometres", "square kilometres", "km2", id="square-kilometres"),
    A("200 kilometres per hour", "kilometres per hour", "km/h", id="km-per-hour-words"),
    A("32 degrees Celsius", "degrees Celsius", "°C", id="degrees-celsius"),
    A("114 degrees Fahrenheit", "degrees Fahrenheit", "°F", id="degrees-fahrenheit"),
    A("a 27-kilometer ring", "kilometer", "km", id="hyphen-compound"),
    A("12 feet high", "feet", "ft", id="feet"),
    A("4 inches of rain", "inches", "in", id="inches"),
    A("5,000 tonnes of wheat", "tonnes", "t", id="tonnes"),
    A("10 hectares", "hectares", "ha", id="hectares"),
    A("600 megawatts", "megawatts", "MW", id="megawatts"),
    A("7 million barrels per day", "barrels per day", "bbl/d", id="barrels-per-day"),
    A("three days", "days", "d", id="days"),
    # symbols and abbreviations
    A("930,000 mi", "mi", "mi", id="mi"),
    A("up to 4,000 km", "km", "km", id="km"),
    A("10kg (25lbs)", "kg", "kg", id="kg-glued"),
    A("25 lb", "lb", "lb", id="lb"),
    A("6 ft", "ft", "ft", id="ft"),
    A("25 sq km", "sq km", "km2", id="sq-km"),
    A("301,338 km2", "km2", "km2", id="km2"),
    A("100 km²", "km²", "km2", id="km-superscript"),
    A("116,347 sq mi", "sq mi", "mi2", id="sq-mi"),
    A("20 mph", "mph", "mph", id="mph"),
    A("90 km/h", "km/h", "km/h", id="km/h"),
    A("1.5 MW", "MW", "MW", id="MW"),
    A("7.3 MWh", "MWh", "MWh", id="MWh"),
    A("2.80 GHz", "GHz", "GHz", id="GHz"),
    A("8 MB", "MB", "MB", id="MB"),
    A("35 °C", "°C", "°C", id="degree-sign-C"),
    A("3.5°C", "°C", "°C", id="degree-sign-glued"),
    A("30 C outside", "C", "°C", id="bare-C"),
    A("278,000 t valued", "t", "t", id="t-spaced"),
    A("3 to 4 L of wine", "L", "l", id="L-after-range"),
    A("100 cl bottle", "cl", "cl", id="cl"),
    A("3 hrs.", "hrs", "h", id="hrs"),
    A("a 24h strike", "h", "h", id="h-glued"),
    A("50 mg ethanol", "mg", "mg", id="mg"),
    A("5 m tall", "m", "m", id="m-spaced-left-by-number-layer"),
    # money after the number
    A("10 000 dollars", "dollars", "USD", id="dollars"),
    A("5 US dollars", "US dollars", "USD", id="us-dollars"),
    A("2.5bn euros", "euros", "EUR", id="euros"),
    A("100 yuan", "yuan", "CNY", id="yuan"),
    A("500 rupees", "rupees", "INR", id="rupees"),
    A("20 million pounds", "pounds", "GBP", id="pounds-after-scale"),
    A("100 pounds sterling", "pounds sterling", "GBP", id="pounds-sterling"),
    A("5,000 Swiss francs", "Swiss francs", "CHF", id="swiss-francs"),
    # percent
    A("25 basis points", "basis points", "bp", id="basis-points"),
    # the pound rule: weight from context
    A("One pound of good Welsh coal", "pound", "lb", id="pound-of"),
    A("It weighs no more than 2,000 pounds", "pounds", "lb", id="pound-weighs"),
    # the inch rule
    A("The door is 2 1/2 in thick", "in", "in", id="inch-thick"),
    A("The length of my pencil is 2 in.", "in", "in", id="inch-sentence-end"),
    A("a card of 5 in by 7 in", "in", "in", id="inch-by"),
    A("12 cm (5 in)", "cm", "cm", id="inch-parenthesis-first"),
    # known gaps
    A('a 9" plate', '"', "in", id="inch-quote-mark", marks=GAP),
    A("a twenty-pound bag of rice", "pound", "lb", id="pound-compound-adjective", marks=GAP),
    A("at -273.15° on the Celsius scale", "°", "°C", id="bare-degree-sign", marks=GAP),
    A("14 mGy", "mGy", "mGy", id="gray-not-supported", marks=GAP),
]


@pytest.mark.parametrize(("text", "surface", "name"), AFTER)
def test_unit_after(text: str, surface: str, name: str) -> None:
    unit = after_first_number(text)
    assert unit is not None, text
    assert (unit.text, unit.name) == (surface, name)
    assert normalize(text)[unit.start : unit.end] == unit.text


NONE_AFTER = [
    A("about 900 in Syria", id="in-preposition"),
    A("2 in 3 people", id="in-ratio"),
    A("rose 5 in March", id="in-month"),
    A("a 4m budget", id="m-is-million"),
    A("the 100m budget", id="m-glued-is-million-number-layer"),
    A("5 t-shirts", id="t-shirts"),
    A("5 pounds", id="pound-without-context"),
    A("in his 30s", id="s-decade"),
    A("At 2 pm everybody will be gone.", id="pm-time"),
    A("I arrived at 2.13 am.", id="am-time"),
    A("2,500 troops", id="count-noun-troops"),
    A("900 people", id="count-noun-people"),
    A("5 times a day", id="times"),
    A("40 degrees", id="bare-degrees-angle-or-temperature"),
    A("5 km per day", id="rate-km-per-day"),
    A("10 kg/ha", id="rate-kg-per-ha"),
    A("a 20-year-old man", id="year-old"),
    A("5 g", id="g-spaced"),
    A("200 nm off the coast", id="nm-nanometre-or-nautical-mile"),
    A("won 5 a day", id="a-article"),
    A("scored 2 in the first half", id="in-the"),
    A("5 set pieces", id="set"),
    A("3 points clear", id="points-typographic"),
    A("2 won", id="won"),
    A("3 pieces", id="pieces"),
    A("5 beeps", id="beeps"),
]


@pytest.mark.parametrize("text", NONE_AFTER)
def test_no_unit_after(text: str) -> None:
    assert after_first_number(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        A("12 per cent", "percent", id="per-cent"),
        A("12 percent", "percent", id="percent"),
        A("12%", "percent", id="percent-sign"),
        A("3 percentage points", "percentage_points", id="percentage-points"),
    ],
)
def test_percent_words(text: str, name: str) -> None:
    """The number layer takes percent words itself (``m.unit``); unit_after agrees."""
    pos = len(text) - len(text.lstrip("0123456789"))
    unit = unit_after(text, pos)
    assert unit is not None and unit.name == name
    (m,) = find_numbers(text)
    assert m.unit == name


def test_the_pound_fell_has_no_number() -> None:
    text = "the pound fell"
    assert [m for m in find_numbers(text) if m.is_figure] == []
    assert unit_after(text, 3) is None  # "pound" with no number before: no rule fires


BEFORE = [
    A("US$5", 3, "US$", "USD", id="us-dollar"),
    A("$5", 1, "$", "USD", id="dollar"),
    A("£2,000", 1, "£", "GBP", id="pound-sign"),
    A("€10M", 1, "€", "EUR", id="euro-sign"),
    A("¥100", 1, "¥", "JPY", id="yen-sign"),
    A("₹500", 1, "₹", "INR", id="rupee-sign"),
    A("Rs 500", 3, "Rs", "INR", id="rs"),
    A("Rs. 500", 4, "Rs.", "INR", id="rs-dot"),
    A("USD 7", 4, "USD", "USD", id="usd-code"),
    A("paid EUR5", 8, "EUR", "EUR", id="eur-code-glued"),
    A("C$40", 2, "C$", "CAD", id="canadian"),
    A("HK$40", 3, "HK$", "HKD", id="hong-kong"),
]


@pytest.mark.parametrize(("text", "pos", "surface", "name"), BEFORE)
def test_unit_before(text: str, pos: int, surface: str, name: str) -> None:
    unit = unit_before(text, pos)
    assert unit is not None
    assert (unit.text, unit.name, unit.dimension) == (surface, name, f"currency:{name}")
    assert unit.factor is None and unit.base == name
    assert text[unit.start : unit.end] == surface


@pytest.mark.parametrize(
    ("text", "pos"),
    [
        A("hours 5", 6, id="word-ending-in-s"),
        A("VIRUSD 5", 7, id="code-inside-word"),
        A("5", 0, id="nothing-before"),
        A("Mrs 5", 4, id="mrs"),
    ],
)
def test_no_unit_before(text: str, pos: int) -> None:
    assert unit_before(text, pos) is None


# -- families and conversions ---------------------------------------------------------


def test_kilometres_and_miles_agree() -> None:
    text = "at 1,500,000 kilometres (930,000 mi) from Earth"
    km, mi = (m for m in find_numbers(text) if m.is_figure)
    u1, u2 = unit_after(text, km.end), unit_after(text, mi.end)
    assert u1 is not None and u2 is not None
    assert same_family(u1.name, u2.name)
    assert km.value is not None and mi.value is not None
    in_km = convert(mi.value, u2, "km")
    # 930,000 mi is 1,496,690 km: the article rounded, 0.22% apart (not within 0.1%)
    assert abs(in_km - km.value) / km.value < 0.005
    assert convert(1_500_000, "km", "mi") == pytest.approx(932_056.788, rel=1e-6)
    # the same through the factors to the family base (metres)
    assert u1.factor is not None and u2.factor is not None
    assert abs(km.value * u1.factor - mi.value * u2.factor) / (km.value * u1.factor) < 0.005


@pytest.mark.parametrize(
    ("value", "src", "dst", "expected"),
    [
        A(1, "km2", "ha", 100, id="km2-ha"),
        A(1, "t", "kg", 1000, id="t-kg"),
        A(1, "lb", "kg", 0.45359237, id="lb-kg"),
        A(100, "°C", "°F", 212, id="celsius-fahrenheit"),
        A(0, "°C", "K", 273.15, id="celsius-kelvin"),
        A(1, "GW", "MW", 1000, id="gw-mw"),
        A(1, "bbl", "l", 158.987294928, id="barrel-litres"),
        A(60, "mph", "km/h", 96.56064, id="mph-kmh"),
        A(25, "bp", "percentage_points", 0.25, id="basis-points"),
        A(1, "yr", "d", 365.25, id="year-days"),
        A(5, "USD", "USD", 5, id="same-currency"),
    ],
)
def test_convert(value: float, src: str, dst: str, expected: float) -> None:
    assert convert(value, src, dst) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("a", "b"),
    [A("USD", "EUR", id="usd-eur"), A("GBP", "lb", id="gbp-lb"), A("km", "kg", id="km-kg")],
)
def test_no_conversion_across_families(a: str, b: str) -> None:
    assert not same_family(a, b)
    with pytest.raises(ValueError, match="different families"):
        convert(1, a, b)


def test_currencies_are_one_family_each() -> None:
    usd, eur = unit_info("USD"), unit_info("EUR")
    assert usd is not None and eur is not None
    assert (usd.dimension, usd.factor, usd.base) == ("currency:USD", None, "USD")
    assert usd.dimension != eur.dimension


def test_families_and_bases() -> None:
    expected = {
        "km": ("length", "m"), "kg": ("mass", "kg"), "km2": ("area", "m2"),
        "l": ("volume", "m3"), "MW": ("power", "W"), "kWh": ("energy", "J"),
        "h": ("time", "s"), "°C": ("temperature", "K"), "percent": ("percent", "percent"),
        "percentage_points": ("percentage_points", "percentage_points"),
    }  # fmt: skip
    for name, (dimension, base) in expected.items():
        info = unit_info(name)
        assert info is not None, name
        assert (info.dimension, info.base) == (dimension, base), name
    assert unit_info("°C") is not None and unit_info("°C").factor is None  # type: ignore[union-attr]


def test_unknown_unit_raises() -> None:
    with pytest.raises(ValueError, match="unknown unit"):
        convert(1, "furlong-per-fortnight", "m")


def test_import_is_lazy() -> None:
    import subprocess
    import sys

    code = (
        "import sys, numcheck, numcheck._units; "
        "print('pint' in sys.modules, numcheck._units._tables.cache_info().currsize)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


# -- robustness -------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("0123456789 -./%$£€¥°²'\"()kKmMgGtTlLsSinchpoundsuareftmpkWhC µ₹\n")
)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(), st.text(alphabet=_ALPHABET)), pos=st.integers(-5, 80),
       limit=st.one_of(st.none(), st.integers(-5, 80)))  # fmt: skip
def test_unit_after_never_raises_and_slices(text: str, pos: int, limit: int | None) -> None:
    unit = unit_after(text, pos, limit)
    if unit is not None:
        assert 0 <= pos <= unit.start < unit.end <= len(text)
        assert limit is None or unit.end <= limit
        assert text[unit.start : unit.end] == unit.text
    before = unit_before(text, pos)
    if before is not None:
        assert 0 <= before.start < before.end <= pos
        assert text[before.start : before.end] == before.text
