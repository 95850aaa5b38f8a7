"""Number forms of business, markets, sport and technology news (issue 13): money as
British and international papers write it, names and labels that are no amounts, ranges
assembled right (and never wrong), qualifier idioms and token clean-up.

Each row is one form; its id names the form. ``find_numbers`` rows list every mention of
the text (text, kind and the fields that matter); ``extract`` rows check the claim layer's
reading of a verb of change or a plus sign."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from test_numbers import _check, bound, date, kind, m, rng, year

from numcheck import extract, find_numbers

P = pytest.param


def pct(text: str, value: float, **fields: Any) -> dict[str, Any]:
    return {"text": text, "kind": "percent", "value": value, "unit": "percent", **fields}


# fmt: off
CASES = [
    # --- money as British and international papers write it -----------------------------
    P("shares closed at 210p", [m("210p", 210, unit="GBp")], id="pence"),
    P("a dividend of 12.6p", [m("12.6p", 12.6, unit="GBp")], id="pence-decimal"),
    P("the price is 1,204p", [m("1,204p", 1204, unit="GBp")], id="pence-grouped"),
    P("streams in 1080p", [kind("1080p", "other")], id="video-format-not-pence"),
    P("profits rose 17pc", [pct("17pc", 17)], id="pc-percent"),
    P("yields of 4.2pc", [pct("4.2pc", 4.2)], id="pc-percent-decimal"),
    P("tickets cost RM45", [m("RM45", 45, unit="MYR")], id="code-glued-ringgit"),
    P("a USD25m loan", [m("USD25m", 25e6, unit="USD")], id="code-glued-scale"),
    P("INR3 trillion of bonds", [m("INR3 trillion", 3e12, unit="INR")], id="code-glued-words"),
    P("sold $US40 billion of bonds", [m("$US40 billion", 40e9, unit="USD")],
      id="dollar-then-country"),
    P("about $A5.3 billion", [bound("about $A5.3 billion", 5.3e9, "approx", "about",
                                    unit="AUD")], id="dollar-then-country-qualified"),
    P("Eskom needs R254 billion", [m("R254 billion", 254e9, unit="ZAR")], id="rand-with-scale"),
    P("a budget of N27.5 trillion", [m("N27.5 trillion", 27.5e12, unit="NGN")],
      id="naira-with-scale"),
    P("the R2 bus", [kind("2", "other")], id="letter-without-scale-is-a-name"),
    P("a profit of PS45m", [m("PS45m", 45e6, unit="GBP")], id="scraped-pound-scale"),
    P("PS150 off their bills", [m("PS150", 150, unit="GBP")], id="scraped-pound-hundreds"),
    P("the PS5 outsold", [kind("5", "other")], id="console-not-pounds"),
    # --- names, labels, scores, clocks and dates: no amounts -----------------------------
    P("The S&P 500 lost ground", [kind("500", "other")], id="index-name"),
    P("and the FTSE 100 rose", [kind("100", "other")], id="index-name-caps"),
    P("owners of the iPhone 11 will", [kind("11", "other")], id="product-name"),
    P("Game 7 is on Sunday", [kind("7", "other")], id="label-word-first"),
    P("he wears the No. 23 shirt", [kind("23", "other")], id="label-number-sign"),
    P("in section 112 of the ground", [kind("112", "other")], id="label-word-lowercase"),
    P("won 112 seats", [m("112", 112)], id="count-after-verb-not-label"),
    P("won ISO 9001 certification", [kind("9001", "other")], id="standard-name"),
    P("two USB 3.2 ports", [m("two", 2), kind("3.2", "version")], id="standard-version"),
    P("moved to 1450 Market Street", [kind("1450", "other")], id="street-number"),
    P("Leeds won 3-1 at home", [kind("3-1", "other")], id="score-after-verb"),
    P("beat Miami 112-104 on Friday", [kind("112-104", "other")], id="score-winner-first"),
    P("a 7-2 lead", [kind("7-2", "other")], id="score-before-noun"),
    P("She won 6-4, 3-6, 7-6", [kind("6-4", "other"), kind("3-6", "other"),
                                kind("7-6", "other")], id="score-set-list"),
    P("ages 18-25", [rng("18-25", 18, 25)], id="range-not-score"),
    P("at 7 a.m. on Thursday", [kind("7", "other")], id="clock-am"),
    P("released at 0630 GMT", [kind("0630", "other")], id="clock-zone"),
    P("a lap of 1:41.2", [kind("1:41.2", "other")], id="clock-lap-time"),
    P("finished in 2:05:48", [kind("2:05:48", "other")], id="clock-three-groups"),
    P("the fair runs Nov. 3-19", [date("Nov. 3-19", (None, 11, None))], id="day-span"),
    P("the attacks on Oct. 17 and 18 — 32 at the garrison",
      [date("Oct. 17 and 18", (None, 10, 17)), m("32", 32)], id="two-days-then-a-count"),
    P("on Oct. 17 and 18 people were hurt", [date("Oct. 17", (None, 10, 17)), m("18", 18)],
      id="a-day-then-a-count-of-people"),
    P("top scorer in 2016-17", [year("2016-17", 2016)], id="season"),
    P("tracked as CVE-2024-3094", [kind("2024", "other"), kind("3094", "other")],
      id="identifier-last-group"),
    P("campus at One Apple Park Way", [], id="street-number-in-words"),
    P("This week 40 rockets hit", [m("40", 40)], id="label-word-before-a-count"),
    P("In Gaza 31 Palestinians died", [m("31", 31)], id="place-before-a-count-of-people"),
    P("By province: Anbar 320, Nineveh 210 and Basra 150.",
      [m("320", 320), m("210", 210), m("150", 150)], id="a-breakdown-by-name-is-counted"),
    P("Team USA 112, Serbia 104.", [kind("112", "other"), kind("104", "other")],
      id="a-label-after-a-label-stays-one"),
    P("fell for a fourth day", [kind("fourth", "ordinal")], id="ordinal-not-fraction"),
    P("cut by a third last year", [kind("a third", "fraction")], id="fraction-before-a-word"),
    # --- qualifier idioms ----------------------------------------------------------------
    P("~30 staff", [bound("~30", 30, "approx", "~")], id="tilde"),
    P("sales passed 30,000", [bound("passed 30,000", 30000, "more_than", "passed")],
      id="passed"),
    P("approaching 200,000", [bound("approaching 200,000", 2e5, "approx", "approaching")],
      id="approaching"),
    P("nearing the 3,000 mark", [bound("nearing the 3,000", 3000, "approx", "nearing")],
      id="nearing-the"),
    P("of the order of 650,000", [bound("of the order of 650,000", 650000, "approx",
                                        "of the order of")], id="of-the-order-of"),
    P("a sub-4 mile", [bound("sub-4", 4, "less_than", "sub-")], id="sub-hyphen"),
    P("temperatures of minus-8", [m("minus-8", -8)], id="minus-hyphen"),
    # --- ranges: assembled right ----------------------------------------------------------
    P("the bulbs draw 3-8W", [rng("3-8", 3, 8)], id="range-glued-unit"),
    P("takes 20 – 35min", [rng("20 – 35", 20, 35)], id="range-glued-unit-spaced-dash"),
    P("between 12kHz and 18kHz", [rng("between 12kHz and 18", 12, 18, modifier="between")],
      id="range-between-glued-units"),
    P("the 180ml bottle", [kind("180ml", "other")], id="glued-unit-alone-stays-other"),
    P("out for two or three weeks", [rng("two or three", 2, 3)], id="range-or-words"),
    P("60 or 70,000 people", [rng("60 or 70,000", 60000, 70000)], id="range-or-scale"),
    P("one or more", [bound("one or more", 1, "at_least", "or more")], id="or-more-not-range"),
    P("5 or 50 cases", [m("5", 5), m("50", 50)], id="or-far-apart-not-range"),
    # --- ranges: never assembled wrong ---------------------------------------------------
    P("rose by $12.1 billion to $301.5 billion",
      [m("$12.1 billion", 12.1e9), m("$301.5 billion", 301.5e9)], id="by-x-to-y"),
    P("Brent rose $1.45 to $83.20", [m("$1.45", 1.45), m("$83.20", 83.2)], id="verb-x-to-y"),
    P("raised its full-year forecast from $1.2 billion to $1.5 billion",
      [m("$1.2 billion", 1.2e9), m("$1.5 billion", 1.5e9)], id="verb-from-x-to-y"),
    P("salaries range from £32,000 to £38,000",
      [rng("from £32,000 to £38,000", 32000, 38000)], id="from-x-to-y-without-change"),
    P("climbed in 2019 to 4.2 million", [year("2019", 2019), m("4.2 million", 4.2e6)],
      id="year-then-level"),
    # --- token clean-up -------------------------------------------------------------------
    P("six million 330ml cans", [m("six million", 6e6), kind("330ml", "other")],
      id="no-merge-glued-unit"),
    P("three million 2-litre cartons", [m("three million", 3e6), m("2", 2)],
      id="no-merge-hyphen-unit"),
    P("a 2400 sq m site", [m("2400", 2400)], id="measure-not-year"),
    P("rated 1900 kW", [m("1900", 1900)], id="measure-symbol-not-year"),
    P("in 2019 in Iraq", [year("2019", 2019)], id="year-before-in"),
    P("flags at half-mast", [], id="idiom-half-mast"),
    P("in the second half", [kind("second", "ordinal")], id="idiom-second-half"),
    P("a third-party supplier", [], id="idiom-third-party"),
    P("double-digit growth", [], id="idiom-double-digit"),
    P("half-a-million", [kind("half", "multiplier")], id="half-hyphen-a-unchanged"),
    P("sales rose sevenfold", [kind("sevenfold", "multiplier", value=7)], id="sevenfold"),
    P("nearly twice as many", [kind("nearly twice", "multiplier", value=2, qualifier="approx")],
      id="qualified-multiplier"),
    P("the 4x100m relay", [kind("4x", "other"), kind("100", "other")], id="relay-not-multiplier"),
    P("a stand 45m (148ft) tall", [kind("45m", "other", value=45), kind("148ft", "other")],
      id="metres-before-feet"),
    P("the mast is 25m tall", [kind("25m", "other", value=25)], id="metres-before-size-word"),
    P("a 6.5m-wide dish", [kind("6.5m", "other", value=6.5)], id="metres-hyphen-size-word"),
    P("a profit of 45m", [m("45m", 45e6)], id="millions-without-size"),
    P("ran it in 21.8 seconds", [m("21.8", 21.8)], id="seconds-no-ordinal"),
    P("two fifths of voters", [kind("two fifths", "fraction", value=0.4)],
      id="plural-ordinal-with-its-count"),
    P("the fifth round", [kind("fifth", "ordinal", value=5)], id="singular-ordinal-a-rank"),
    P("won the 400m hurdles", [kind("400m", "other", value=400)], id="metres-race-name"),
    P("a jump of 140m (459ft) beat it by 2.5m",
      [kind("140m", "other", value=140), kind("459ft", "other"), kind("2.5m", "other", value=2.5)],
      id="metres-like-its-sentence"),
    P("won the 200m and ran in the 4x100m relay",
      [kind("200m", "other", value=200), kind("4x", "other"), kind("100", "other")],
      id="metres-like-a-later-figure"),
    P("the tower is 300m tall and cost 45m",
      [kind("300m", "other", value=300), m("45m", 45e6)], id="money-word-keeps-millions"),
    P("It raised 2m. The wall is 3m high.", [m("2m", 2e6), kind("3m", "other", value=3)],
      id="metres-not-across-sentences"),
    P("3/16 of an inch", [kind("3/16", "fraction", value=0.1875)], id="inch-fraction"),
    P("on 3/16 we met", [date("3/16", (None, 3, 16))], id="month-day-not-fraction"),
    P("1⁄64 inch", [kind("1⁄64", "fraction", value=1 / 64)], id="fraction-slash"),
    # --- a hyphenated "and a half" (the worked example of docs/numbers.md) -----------------
    P("a two-and-a-half-year contract", [m("two-and-a-half", 2.5)], id="and-a-half-hyphen"),
    P("one-and-a-half million fans", [m("one-and-a-half million", 1.5e6)],
      id="and-a-half-hyphen-scale"),
    P("a five-and-a-quarter-hour stage", [m("five-and-a-quarter", 5.25)],
      id="and-a-quarter-hyphen"),
    P("twenty-one-and-a-half hours", [m("twenty-one-and-a-half", 21.5)],
      id="and-a-half-after-compound"),
    P("two-and-a-half times as many", [kind("two-and-a-half times", "multiplier", value=2.5)],
      id="and-a-half-times"),
    P("two-and-a-half or more", [bound("two-and-a-half or more", 2.5, "at_least", "or more")],
      id="and-a-half-suffix"),
    P("six-and-a-halves", [m("six", 6)], id="and-a-plural-not-read"),
    P("two and a half years", [m("two and a half", 2.5)], id="and-a-half-spaced-as-before"),
]
# fmt: on


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_forms(text: str, expected: list[dict[str, Any]]) -> None:
    got = find_numbers(text)
    assert [g.text for g in got] == [e["text"] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        _check(g, e)
        assert text[g.start : g.end] == g.text


DIRECTIONS = [
    P("The S&P 500 lost 1.2% on Monday.", "1.2%", "down", id="lost"),
    P("Shares in the group plunged 23% on Monday.", "23%", "down", id="plunged"),
    P("The FTSE 250 rallied 1.4% on Monday.", "1.4%", "up", id="rallied"),
    P("London's FTSE 100 advanced 0.6% on Monday.", "0.6%", "up", id="advanced"),
    P("Shipments slid 8.2% in the quarter.", "8.2%", "down", id="slid"),
    P("The fall wiped $4 billion off its value.", "$4 billion", "down", id="wiped"),
    P("European stocks were mixed: the DAX +0.3% on the day.", "+0.3%", "up", id="plus-sign"),
    P(
        "Stocks were mixed: the CAC 40 -1.1% and the IBEX 35 flat.",
        "-1.1%",
        "down",
        id="minus-sign-after-an-index-name",
    ),
    P("Asia closed lower: Hang Seng 16,722 (-0.9%).", "-0.9%", "down", id="minus-in-brackets"),
    P("The Dow shed 240 points, or 0.8%, to 33,127.", "0.8%", "down", id="apposition-down"),
    P(
        "Audiences dropped by 1.2 million viewers, or 9%, to 12.3 million.",
        "9%",
        "down",
        id="apposition-after-the-noun",
    ),
    P("Cloud revenue was +28% year on year.", "+28%", "up", id="annual-rate-keeps-sign"),
    P("Prices rose 0.3% on the month.", "0.3%", "up", id="monthly-rate-keeps-direction"),
    P("The Treasury cut the grant by £120m to £1.38bn.", "£120m", "down", id="verb-object-by"),
    P("BYD cut its prices by 5,000 yuan.", "5,000", "down", id="verb-two-word-object-by"),
    P("Troops were sent by 2,000 planes.", "2,000", None, id="by-without-change-verb"),
]


@pytest.mark.parametrize(("text", "figure", "direction"), DIRECTIONS)
def test_market_verbs_give_direction(text: str, figure: str, direction: str | None) -> None:
    claims = [c for c in extract(text, published=dt.date(2024, 6, 1)) if c.text == figure]
    assert [c.direction for c in claims] == [direction]


SIGNED = [
    P("the CAC 40 -1.1% and the IBEX 35 flat", "-1.1%", 1.1, "change", id="fall-is-a-magnitude"),
    P("revenue was -2% at $8.1 billion", "-2%", 2.0, "change", id="copula-minus"),
    P("inflation of -0.5% in the year to May", "-0.5%", -0.5, "level", id="negative-rate-kept"),
    P("It was 200 troops, or 5% of the force.", "5%", 5.0, "level", id="apposition-of-a-level"),
]


@pytest.mark.parametrize(("text", "figure", "value", "kind"), SIGNED)
def test_minus_sign_of_a_change_is_its_direction(
    text: str, figure: str, value: float, kind: str
) -> None:
    """A fall written with a minus sign is a fall of that size ("-1.1%" is 1.1 down); a
    negative rate or level keeps its sign."""
    claims = [c for c in extract(text, published=dt.date(2024, 6, 1)) if c.text == figure]
    assert [(c.value, c.low, c.high, c.kind) for c in claims] == [(value, value, value, kind)]
