# ruff: noqa: E501
# (a data table: one case per line reads best)
"""The number grammar as a data table: (id, text, the mentions expected in order).

Each expected mention is a dict of the fields to check (``text`` always); fields left out
are not checked. Known gaps are ``xfail(strict=True)`` rows, never deleted.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest

from numcheck._numbers import NumberMention, find_numbers

NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"
ZWSP, ZWNJ, ZWJ, WJ, BOM = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"


def m(text: str, value: float | None = None, **fields: Any) -> dict[str, Any]:
    """An expected mention: exact cardinal unless fields say otherwise."""
    out: dict[str, Any] = {"text": text, "kind": "cardinal", "qualifier": "exact"}
    if value is not None:
        out.update(value=value, low=value, high=value)
    out.update(fields)
    return out


def rng(text: str, low: float | None, high: float | None, **fields: Any) -> dict[str, Any]:
    return {
        "text": text,
        "kind": "range",
        "qualifier": "range",
        "value": None,
        "low": low,
        "high": high,
        **fields,
    }


def bound(text: str, value: float, qualifier: str, modifier: str, **fields: Any) -> dict[str, Any]:
    low = value if qualifier in ("at_least", "more_than", "approx", "exact") else None
    high = value if qualifier in ("at_most", "less_than", "approx", "exact") else None
    out = {
        "text": text,
        "kind": "cardinal",
        "value": value,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "modifier": modifier,
    }
    out.update(fields)
    return out


def vague(text: str, low: float, high: float, modifier: str) -> dict[str, Any]:
    return {
        "text": text,
        "qualifier": "vague",
        "value": None,
        "low": low,
        "high": high,
        "modifier": modifier,
        "kind": "cardinal",
    }


def kind(text: str, k: str, **fields: Any) -> dict[str, Any]:
    return {"text": text, "kind": k, **fields}


def date(text: str, parts: tuple[int | None, int | None, int | None]) -> dict[str, Any]:
    return {"text": text, "kind": "date", "parts": parts}


def year(text: str, y: int) -> dict[str, Any]:
    return {"text": text, "kind": "year", "parts": (y, None, None)}


P = pytest.param
XF = pytest.mark.xfail(strict=True)

# fmt: off
CASES = [
    # --- digits -------------------------------------------------------------------------
    P("2,500 troops", [m("2,500", 2500)], id="digits-western"),
    P("25000 people", [m("25000", 25000)], id="digits-plain"),
    P(f"2{NBSP}500 people", [m(f"2{NBSP}500", 2500)], id="digits-nbsp-group"),
    P(
        f"2{NNBSP}500 and 1{THIN}414{THIN}021",
        [m(f"2{NNBSP}500", 2500), m(f"1{THIN}414{THIN}021", 1414021)],
        id="digits-thin-space-groups",
    ),
    P("2 500 people", [m("2 500", 2500)], id="digits-space-group"),
    P("423 0000", [m("423", 423), m("0000", 0)], id="digits-bad-space-group-is-two"),
    P("3.3 metres", [m("3.3", 3.3)], id="digits-decimal"),
    P(".08", [m(".08", 0.08)], id="digits-leading-point"),
    P("1,70,300 troops", [m("1,70,300", 170300)], id="digits-indian-lakh"),
    P("1,20,00,000 rupees", [m("1,20,00,000", 12000000)], id="digits-indian-crore"),
    P("12,34,567.89", [m("12,34,567.89", 1234567.89)], id="digits-indian-decimal"),
    P(
        "\u0662\u0665\u0660\u0660 troops",
        [m("\u0662\u0665\u0660\u0660", 2500)],
        id="digits-arabic-indic",
    ),
    P("\u0967\u0968\u0969 people", [m("\u0967\u0968\u0969", 123)], id="digits-devanagari"),
    P(f"1{ZWSP}2{ZWSP}3{ZWSP},{ZWSP}000 people", [m(f"1{ZWSP}2{ZWSP}3{ZWSP},{ZWSP}000", 123000)], id="digits-zero-width-spaces-inside"),
    P(f"{WJ}2{ZWJ}500{BOM} troops", [m(f"2{ZWJ}500", 2500)], id="digits-zero-width-joiners-inside-not-around"),
    P(f"about 1{ZWNJ}.5 million", [m(f"about 1{ZWNJ}.5 million", 1.5e6, qualifier="approx", low=1.5e6, high=1.5e6)], id="digits-zero-width-before-decimal-point"),
    P(f"In 20{ZWSP}19, 40 died", [year(f"20{ZWSP}19", 2019), m("40", 40)], id="digits-zero-width-year-still-a-year"),
    P("\uff11\uff12\uff0c\uff15\uff10\uff10 troops", [m("\uff11\uff12\uff0c\uff15\uff10\uff10", 12500)], id="digits-fullwidth-comma-group"),
    P("\uff13\uff0e\uff15\uff05 rise", [kind("\uff13\uff0e\uff15\uff05", "percent", value=3.5)], id="digits-fullwidth-point-and-percent"),
    P("\uff04\uff15 million", [m("\uff04\uff15 million", 5e6, unit="USD")], id="digits-fullwidth-dollar"),
    P("temperatures of -5 and +3", [m("-5", -5), m("+3", 3)], id="digits-signs"),
    P("1E-12", [m("1E-12", 1e-12)], id="digits-exponent"),
    P("1.3x10^6", [m("1.3x10^6", 1.3e6)], id="digits-times-ten-power"),
    P("1E308 soldiers", [m("1E308", 1e308)], id="digits-exponent-near-float-limit"),
    P("2^10 bytes", [m("2^10", 1024)], id="digits-power-of-two"),
    P("10^1000 soldiers", [kind("10^1000", "other", value=None, note="the value does not fit a 64-bit float")], id="absurd-power-not-a-figure"),
    P("1e400 troops", [kind("1e400", "other", value=None)], id="absurd-exponent-not-a-figure"),
    P("9E308 troops", [kind("9E308", "other", value=None)], id="exponent-past-float-max"),
    P("1e-400 troops", [kind("1e-400", "other", value=None)], id="exponent-underflow"),
    P("10^99999999 troops", [kind("10^99999999", "other", value=None)], id="huge-exponent-digits"),
    P("1,234.56.78 troops", [kind("1,234.56.78", "version", value=None)], id="too-many-separators"),
    P("1,2.3.4", [kind("1,2.3.4", "version", value=None)], id="too-many-separators-short"),
    P("22,24,26 troops", [m("22", 22), m("24", 24), m("26", 26)], id="comma-list-still-split"),
    P("2.48\u00d710\u22125", [m("2.48\u00d710\u22125", 2.48e-5)], id="digits-times-ten-minus"),
    P(
        "1.111,11 and 1,111.11",
        [m("1.111,11", 1111.11), m("1,111.11", 1111.11)],
        id="digits-european",
    ),
    P("nrs. 22,24,26", [m("22", 22), m("24", 24), m("26", 26)], id="digits-comma-list"),
    # --- scales -------------------------------------------------------------------------
    P("3.3 million", [m("3.3 million", 3_300_000)], id="scale-million-decimal"),
    P("1.2m people", [m("1.2m", 1_200_000)], id="scale-glued-m"),
    P("4m", [m("4m", 4_000_000)], id="scale-glued-m-int"),
    P("$2.7bn", [m("$2.7bn", 2.7e9, unit="USD")], id="scale-dollar-bn"),
    P("250k", [m("250k", 250_000)], id="scale-k"),
    P("$2.174T", [m("$2.174T", 2.174e12, unit="USD")], id="scale-glued-T"),
    P("the 5000m race", [kind("5000m", "other", value=5000)], id="scale-not-after-thousands"),
    P("13 lakh", [m("13 lakh", 1_300_000)], id="scale-lakh"),
    P("2 crore", [m("2 crore", 20_000_000)], id="scale-crore"),
    P("three lakh crore", [m("three lakh crore", 3e12)], id="scale-lakh-crore"),
    P("half a million", [m("half a million", 500_000)], id="scale-half-a-million"),
    P("1,674.5 million", [m("1,674.5 million", 1_674_500_000)], id="scale-grouped-decimal"),
    P("10 bln", [m("10 bln", 1e10)], id="scale-spaced-bln"),
    P(
        "five and a half million", [m("five and a half million", 5_500_000)], id="scale-and-a-half"
    ),
    P(
        "3 million and a half",
        [m("3 million and a half", 3_500_000)],
        id="scale-million-and-a-half",
    ),
    # --- words --------------------------------------------------------------------------
    P("three", [m("three", 3)], id="words-three"),
    P("Thirty-four", [m("Thirty-four", 34)], id="words-hyphen-capital"),
    P("fifteen of the eighteen", [m("fifteen", 15), m("eighteen", 18)], id="words-of-the"),
    P("two million", [m("two million", 2e6)], id="words-scale"),
    P("a hundred", [m("a hundred", 100)], id="words-a-hundred"),
    P("a dozen", [m("a dozen", 12)], id="words-a-dozen"),
    P("two-dozen", [m("two-dozen", 24)], id="words-two-dozen"),
    P("five dozen", [m("five dozen", 60)], id="words-five-dozen"),
    P("a half-dozen", [m("a half-dozen", 6)], id="words-a-half-dozen"),
    P("nearly a quarter of a million", [bound("nearly a quarter of a million", 250_000, "approx", "nearly")], id="words-quarter-of-a-million"),
    P(
        "one hundred and twenty-five", [m("one hundred and twenty-five", 125)], id="words-compound"
    ),
    P(
        "two hundred and two thousand",
        [m("two hundred and two thousand", 202_000)],
        id="words-hundreds-of-thousand",
    ),
    P(
        "3 hundred and 2 hundred",
        [m("3 hundred", 300), m("2 hundred", 200)],
        id="words-two-numbers",
    ),
    P(
        "two hundred point zero three",
        [m("two hundred point zero three", 200.03)],
        id="words-point",
    ),
    P("minus five", [m("minus five", -5)], id="words-minus"),
    # --- fractions ----------------------------------------------------------------------
    P("a third", [m("a third", 1 / 3, kind="fraction")], id="fraction-a-third"),
    P("two-thirds", [m("two-thirds", 2 / 3, kind="fraction")], id="fraction-two-thirds"),
    P("a quarter", [m("a quarter", 0.25, kind="fraction")], id="fraction-a-quarter"),
    P("one-tenth", [m("one-tenth", 0.1, kind="fraction")], id="fraction-one-tenth"),
    P("3/4", [m("3/4", 0.75, kind="fraction")], id="fraction-slash"),
    P("about 1/40 of", [bound("about 1/40", 0.025, "approx", "about", kind="fraction")], id="fraction-slash-unit"),
    P("2 1/4", [m("2 1/4", 2.25)], id="fraction-mixed"),
    P(
        "one in five Americans", [m("one in five", 0.2, kind="fraction")], id="fraction-one-in-five"
    ),
    P(
        "one hundred and three quarters",
        [m("one hundred and three quarters", 100.75)],
        id="fraction-mixed-words",
    ),
    # --- vague --------------------------------------------------------------------------
    P("dozens of", [vague("dozens", 24, 99, "dozens")], id="vague-dozens"),
    P("scores of", [vague("scores", 40, 99, "scores")], id="vague-scores"),
    P("hundreds of", [vague("hundreds", 200, 999, "hundreds")], id="vague-hundreds"),
    P(
        "thousands of troops", [vague("thousands", 2000, 9999, "thousands")], id="vague-thousands"
    ),
    P(
        "tens of thousands of",
        [vague("tens of thousands", 20000, 99999, "tens of thousands")],
        id="vague-tens-of-thousands",
    ),
    P(
        "hundreds of thousands of",
        [vague("hundreds of thousands", 200000, 999999, "hundreds of thousands")],
        id="vague-hundreds-of-thousands",
    ),
    P("millions of", [vague("millions", 2e6, 9999999, "millions")], id="vague-millions"),
    P("several", [vague("several", 3, 9, "several")], id="vague-several"),
    P("a few", [vague("a few", 2, 5, "a few")], id="vague-a-few"),
    P("a handful", [vague("a handful", 2, 9, "a handful")], id="vague-a-handful"),
    P(
        "several hundred",
        [vague("several hundred", 300, 900, "several hundred")],
        id="vague-several-hundred",
    ),
    # --- ranges -------------------------------------------------------------------------
    P("25000 to 30,000", [rng("25000 to 30,000", 25000, 30000)], id="range-to"),
    P(
        "between 20 and 30",
        [rng("between 20 and 30", 20, 30, modifier="between")],
        id="range-between",
    ),
    P(
        "from 200 to 3000",
        [rng("from 200 to 3000", 200, 3000, modifier="from")],
        id="range-from-to",
    ),
    P("1000-5000", [rng("1000-5000", 1000, 5000)], id="range-hyphen"),
    P("1000 \u2013 5000", [rng("1000 \u2013 5000", 1000, 5000)], id="range-en-dash-spaced"),
    P("160-170,000", [rng("160-170,000", 160000, 170000)], id="range-scale-distributes"),
    P("25-35,000", [rng("25-35,000", 25000, 35000)], id="range-scale-distributes-2"),
    P(
        "60,000 \u2013 90,000 to 100,000 \u2013 120,000",
        [rng("60,000 \u2013 90,000 to 100,000 \u2013 120,000", 60000, 120000)],
        id="range-of-ranges",
    ),
    P("3 to 5 million", [rng("3 to 5 million", 3e6, 5e6)], id="range-words-scale"),
    P("500 - 1,000", [rng("500 - 1,000", 500, 1000)], id="range-no-distribution"),
    P("8- to 16-meter", [rng("8- to 16", 8, 16)], id="range-suspended-hyphen"),
    P("10-20%", [rng("10-20%", 10, 20, kind="percent", unit="percent")], id="range-percent"),
    P("about 25-30", [rng("about 25-30", 25, 30, modifier="about")], id="range-qualified"),
    P(
        "more than 10 and less than 40",
        [rng("more than 10 and less than 40", 10, 40)],
        id="range-two-bounds",
    ),
    P("2014-15 budget", [year("2014-15", 2014)], id="season-is-a-year"),
    P("2014-16 budget", [year("2014", 2014), m("16", 16)], id="range-not-decreasing"),
    # --- qualifiers ---------------------------------------------------------------------
    P("about 900", [bound("about 900", 900, "approx", "about")], id="q-about"),
    P("around 900", [bound("around 900", 900, "approx", "around")], id="q-around"),
    P("roughly 2,500", [bound("roughly 2,500", 2500, "approx", "roughly")], id="q-roughly"),
    P("some 40 groups", [bound("some 40", 40, "approx", "some")], id="q-some"),
    P("nearly 4000", [bound("nearly 4000", 4000, "approx", "nearly")], id="q-nearly"),
    P("almost 30", [bound("almost 30", 30, "approx", "almost")], id="q-almost"),
    P(
        "approximately 12",
        [bound("approximately 12", 12, "approx", "approximately")],
        id="q-approximately",
    ),
    P(
        "an estimated 1,000",
        [bound("an estimated 1,000", 1000, "approx", "an estimated")],
        id="q-an-estimated",
    ),
    P(
        "at least 155,000",
        [bound("at least 155,000", 155000, "at_least", "at least")],
        id="q-at-least",
    ),
    P(
        "more than 26,000",
        [bound("more than 26,000", 26000, "more_than", "more than")],
        id="q-more-than",
    ),
    P("attacked over 150 times", [bound("over 150", 150, "more_than", "over")], id="q-over"),
    P("exceeds 3000", [bound("exceeds 3000", 3000, "more_than", "exceeds")], id="q-exceeds"),
    P(
        "upwards of 500",
        [bound("upwards of 500", 500, "more_than", "upwards of")],
        id="q-upwards-of",
    ),
    P("90,000-plus", [bound("90,000-plus", 90000, "at_least", "plus")], id="q-plus"),
    P("21+", [bound("21+", 21, "at_least", "plus")], id="q-plus-sign"),
    P("at most 30", [bound("at most 30", 30, "at_most", "at most")], id="q-at-most"),
    P("up to 30", [bound("up to 30", 30, "at_most", "up to")], id="q-up-to"),
    P(
        "as many as 700", [bound("as many as 700", 700, "at_most", "as many as")], id="q-as-many-as"
    ),
    P(
        "no more than 12",
        [bound("no more than 12", 12, "at_most", "no more than")],
        id="q-no-more-than",
    ),
    P(
        "fewer than 100",
        [bound("fewer than 100", 100, "less_than", "fewer than")],
        id="q-fewer-than",
    ),
    P("less than 5", [bound("less than 5", 5, "less_than", "less than")], id="q-less-than"),
    P("below 170", [bound("below 170", 170, "less_than", "below")], id="q-below"),
    P("under 170", [bound("under 170", 170, "less_than", "under")], id="q-under"),
    P("a dozen or so", [bound("a dozen or so", 12, "approx", "or so")], id="q-or-so"),
    P("40-odd", [bound("40-odd", 40, "approx", "odd")], id="q-odd"),
    P("500 or more", [bound("500 or more", 500, "at_least", "or more")], id="q-or-more"),
    P("some of the 40", [m("40", 40)], id="q-some-of-is-not-a-qualifier"),
    P("over the past 3 years", [m("3", 3)], id="q-over-the-is-not-a-qualifier"),
    P("took over 3 towns", [m("3", 3)], id="q-took-over-is-not-a-qualifier"),
    # --- percent, points, multipliers ---------------------------------------------------
    P("52%", [m("52%", 52, kind="percent", unit="percent")], id="pct-sign"),
    P("16 per cent", [m("16 per cent", 16, kind="percent", unit="percent")], id="pct-per-cent"),
    P("Sixteen per cent", [m("Sixteen per cent", 16, kind="percent")], id="pct-words"),
    P("9.5 percent", [m("9.5 percent", 9.5, kind="percent")], id="pct-percent"),
    P(
        "3 percentage points",
        [m("3 percentage points", 3, kind="percent", unit="percentage_points")],
        id="pct-points",
    ),
    P(
        "about 52%", [bound("about 52%", 52, "approx", "about", kind="percent")], id="pct-qualified"
    ),
    P("doubled", [m("doubled", 2, kind="multiplier")], id="mult-doubled"),
    P("three times as many", [m("three times", 3, kind="multiplier")], id="mult-times"),
    P("half of them", [m("half", 0.5, kind="multiplier")], id="mult-half"),
    P("twice", [m("twice", 2, kind="multiplier")], id="mult-twice"),
    P("a five-fold rise", [m("five-fold", 5, kind="multiplier")], id="mult-fold"),
    P("3x more", [m("3x", 3, kind="multiplier")], id="mult-x"),
    # --- currency -----------------------------------------------------------------------
    P("US$5 million", [m("US$5 million", 5e6, unit="USD")], id="cur-us-dollar"),
    P("\u20ac20", [m("\u20ac20", 20, unit="EUR")], id="cur-euro"),
    P("\u00a33.5bn", [m("\u00a33.5bn", 3.5e9, unit="GBP")], id="cur-pound"),
    P("USD 5 and 5 EUR", [m("USD 5", 5, unit="USD"), m("5 EUR", 5, unit="EUR")], id="cur-codes"),
    P("Rs 500 crore", [m("Rs 500 crore", 5e9, unit="INR")], id="cur-rupees-crore"),
    # --- years and dates ----------------------------------------------------------------
    P("in 2014", [year("2014", 2014)], id="year-in"),
    P("the 2003 invasion", [year("2003", 2003)], id="year-the-invasion"),
    P("The 2020 US assassination", [year("2020", 2020)], id="year-before-acronym"),
    P("2000 troops", [m("2000", 2000)], id="year-like-count"),
    P("the 1990s", [kind("1990s", "year", parts=(1990, None, None))], id="year-decade"),
    P("February 10, 2019", [date("February 10, 2019", (2019, 2, 10))], id="date-full"),
    P("March 3", [date("March 3", (None, 3, 3))], id="date-month-day"),
    P("on January 4, 2020", [date("January 4, 2020", (2020, 1, 4))], id="date-on"),
    P("in March, 2021", [date("March, 2021", (2021, 3, None))], id="date-month-comma-year"),
    P("November 2007", [date("November 2007", (2007, 11, None))], id="date-month-year"),
    P("December 2", [date("December 2", (None, 12, 2))], id="date-december-2"),
    P("5/17/2018", [date("5/17/2018", (2018, 5, 17))], id="date-slashes"),
    P("2018-05-17", [date("2018-05-17", (2018, 5, 17))], id="date-iso"),
    P("the May 4th", [date("May 4th", (None, 5, 4))], id="date-ordinal-day"),
    P("10 February 2019", [date("10 February 2019", (2019, 2, 10))], id="date-day-first"),
    P("(4-5 January 2024)", [date("4-5 January 2024", (2024, 1, None))], id="date-span-of-days"),
    P("4-5 troops", [rng("4-5", 4, 5)], id="range-small-not-a-date"),
    P("mid-October", [date("mid-October", (None, 10, None))], id="date-mid-month"),
    P("early 2003", [date("early 2003", (2003, None, None))], id="date-early-year"),
    P("late 2019", [date("late 2019", (2019, None, None))], id="date-late-year"),
    P("you may 3 times", [m("3", 3)], id="date-may-verb-is-not-a-month"),
    P("the 9/11 attacks", [date("9/11", (None, 9, 11))], id="date-month-slash-day"),
    P("24/7 and 10:30", [kind("24/7", "other"), kind("10:30", "other")], id="other-slash-and-time"),
    # --- ordinals, versions, pronoun, identifiers, page numbers -------------------------
    P("first round", [kind("first", "ordinal", value=1)], id="ord-first"),
    P("21st", [kind("21st", "ordinal", value=21)], id="ord-digits"),
    P("the twenty-first century", [kind("twenty-first", "ordinal", value=21)], id="ord-compound"),
    P("second-in-command", [kind("second", "ordinal", value=2)], id="ord-hyphenated"),
    P("Attribution 4.0", [kind("4.0", "version")], id="version-licence"),
    P("v2.1", [kind("2.1", "version")], id="version-v"),
    P("v2 and version 3", [kind("2", "version"), kind("3", "version")], id="version-int"),
    P("the one who created it", [kind("one", "pronoun")], id="pronoun-the-one"),
    P("This one is good", [kind("one", "pronoun")], id="pronoun-this-one"),
    P("one of them", [m("one", 1)], id="one-of-them-is-cardinal"),
    P("COVID-19", [kind("19", "other")], id="ident-covid"),
    P("@user123", [kind("123", "other")], id="ident-handle"),
    P("F-16", [kind("16", "other")], id="ident-f16"),
    P("MP3", [kind("3", "other")], id="ident-mp3"),
    P("the 180ml liquid", [kind("180ml", "other", value=180)], id="ident-glued-unit"),
    P(
        "+1-222-2222-2222",
        [kind("1", "other"), kind("222", "other"), kind("2222", "other"), kind("2222", "other")],
        id="ident-phone",
    ),
    P("Title\n\n4\n\nBody text here.", [kind("4", "other", value=4)], id="page-number"),
    P("see https://x.org/a?q=30%25", [], id="url-skipped"),
    P("the two sides", [m("two", 2)], id="two-sides"),
    # --- known gaps ---------------------------------------------------------------------
    P("a 5km road", [m("5", 5)], id="gap-glued-unit-is-other", marks=XF),
    P("the top-10 list", [m("10", 10)], id="gap-top-10", marks=XF),
    P("The blast killed 1500.", [m("1500", 1500)], id="gap-year-like-count-without-noun", marks=XF),
    P("Licensed under Creative Commons 4.0.", [kind("4.0", "version")], id="gap-version-after-a-name", marks=XF),
]
# fmt: on


def _check(got: NumberMention, want: dict[str, Any]) -> None:
    for field, value in want.items():
        actual = getattr(got, field)
        if isinstance(value, float) and actual is not None:
            assert actual == pytest.approx(value), (field, got)
        else:
            assert actual == value, (field, got)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_find_numbers(text: str, expected: list[dict[str, Any]]) -> None:
    got = find_numbers(text)
    assert [g.text for g in got] == [e["text"] for e in expected], got
    for g, e in zip(got, expected, strict=True):
        _check(g, e)
        assert text[g.start : g.end] == g.text


def test_vague_override() -> None:
    (got,) = find_numbers("hundreds of troops", vague={"hundreds": (100, None)})
    assert (got.low, got.high, got.qualifier) == (100.0, None, "vague")


def test_vague_override_new_phrase() -> None:
    (got,) = find_numbers("a slew of cases", vague={"a slew": (5, 50)})
    assert (got.text, got.low, got.high) == ("a slew", 5.0, 50.0)


def test_is_figure() -> None:
    kinds = {g.kind: g.is_figure for g in find_numbers("In 2014, about 2,500 troops, first")}
    assert kinds == {"year": False, "cardinal": True, "ordinal": False}


def test_mentions_are_ordered_and_disjoint() -> None:
    text = "In 2014 some 40 groups, 25000 to 30,000 men and at least 155,000 deaths."
    got = find_numbers(text)
    assert all(a.end <= b.start for a, b in pairwise(got))


def test_seed_figures(seeds_dir: Any) -> None:
    """The figures the seed README lists are all found with the right interval."""
    texts = " ".join(p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt")))
    found = {(g.text, g.low, g.high) for g in find_numbers(texts) if g.is_figure}
    for want in [
        ("roughly 2,500", 2500.0, 2500.0),
        ("1,70,300", 170300.0, 170300.0),
        ("about 900", 900.0, 900.0),
        ("1,033,000", 1033000.0, 1033000.0),
        ("at least 155,000", 155000.0, None),
        ("hundreds of thousands", 200000.0, 999999.0),
        ("more than 26,000", 26000.0, None),
        ("over 150", 150.0, None),
        ("some 40", 40.0, 40.0),
        ("25000 to 30,000", 25000.0, 30000.0),
        ("100,000", 100000.0, 100000.0),
    ]:
        assert want in found
