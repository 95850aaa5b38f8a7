"""Properties of find_numbers (hypothesis): values round-trip, offsets always slice."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from numcheck._numbers import find_numbers

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALE_WORDS = [(10**9, "billion"), (10**6, "million"), (10**3, "thousand")]
SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009"]


def words(n: int, *, use_and: bool = True, hyphen: bool = True) -> str:
    """English words for 0 <= n < 10**12 (an independent reference renderer)."""
    if n < 20:
        return ONES[n]
    if n < 100:
        rest = n % 10
        return TENS[n // 10] + (("-" if hyphen else " ") + ONES[rest] if rest else "")
    if n < 1000:
        rest = n % 100
        head = f"{ONES[n // 100]} hundred"
        if not rest:
            return head
        return f"{head} {'and ' if use_and else ''}{words(rest, hyphen=hyphen)}"
    for scale, name in SCALE_WORDS:
        if n >= scale:
            rest = n % scale
            head = f"{words(n // scale, use_and=use_and, hyphen=hyphen)} {name}"
            if not rest:
                return head
            joiner = " and " if use_and and rest < 100 else " "
            return head + joiner + words(rest, use_and=use_and, hyphen=hyphen)
    raise AssertionError(n)


def western(digits: str) -> str:
    head, rest = digits[: len(digits) % 3 or 3], digits[len(digits) % 3 or 3 :]
    return ",".join([head] + [rest[i : i + 3] for i in range(0, len(rest), 3)])


def indian(digits: str) -> str:
    if len(digits) <= 3:
        return digits
    head, last = digits[:-3], digits[-3:]
    groups = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return ",".join([head, *groups, last])


def spaced(digits: str, sep: str) -> str:
    return western(digits).replace(",", sep)


@st.composite
def rendered_numbers(draw: st.DrawFn) -> tuple[str, Fraction]:
    """(text, value): an integer or decimal in digits with a grouping, or in words."""
    style = draw(st.sampled_from(["plain", "western", "indian", "spaced", "words"]))
    if style == "words":
        n = draw(st.integers(0, 10**12 - 1))
        text = words(n, use_and=draw(st.booleans()), hyphen=draw(st.booleans()))
        return text, Fraction(n)
    n = draw(st.integers(0, 10**12))
    decimals = draw(st.sampled_from(["", "", ".5", ".25", ".125", ".75", ".05"]))
    digits = str(n)
    if style == "western":
        body = western(digits)
    elif style == "indian":
        body = indian(digits)
    elif style == "spaced":
        body = spaced(digits, draw(st.sampled_from(SEPARATORS)))
    else:
        body = digits
    return body + decimals, Fraction(Decimal(digits + decimals))


SCALES = {
    "": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, " lakh": 10**5,
    " crore": 10**7, " bn": 10**9, "k": 10**3, "m": 10**6, "bn": 10**9,
}  # fmt: skip
"""Scale words after a space, and abbreviations glued to digits ("250k", "1.2m")."""
QUALIFIERS = {
    "": "exact",
    "about ": "approx",
    "roughly ": "approx",
    "nearly ": "approx",
    "at least ": "at_least",
    "more than ": "more_than",
    "over ": "more_than",
    "up to ": "at_most",
    "as many as ": "at_most",
    "fewer than ": "less_than",
    "under ": "less_than",
    "some ": "approx",
    "almost ": "approx",
    "approximately ": "approx",
    "an estimated ": "approx",
    "no more than ": "at_most",
    "at most ": "at_most",
    "less than ": "less_than",
    "no fewer than ": "at_least",
    "upwards of ": "more_than",
}


@SETTINGS
@given(
    number=rendered_numbers(),
    scale=st.sampled_from(sorted(SCALES)),
    qualifier=st.sampled_from(sorted(QUALIFIERS)),
)
@example(number=("1,70,300", Fraction(170300)), scale="", qualifier="")
@example(number=("2\u202f500", Fraction(2500)), scale="", qualifier="roughly ")
def test_rendered_numbers_parse_back(
    number: tuple[str, Fraction], scale: str, qualifier: str
) -> None:
    body, value = number
    if scale and (value == 0 or (body[0].isalpha() and value >= 1000)):
        scale = ""  # "zero million", "one thousand million" are not how numbers are written
    if scale.strip() in ("k", "m", "bn") and (body[0].isalpha() or not body[-1].isdigit()):
        scale = ""  # abbreviations follow digits only ("1.2m", "$2.7 bn", not "one bn")
    if scale in ("k", "m", "bn") and value >= 1000:
        scale = ""  # glued to 1,000 or more the letters are a unit ("5000m"), see docs
    if qualifier == "some " and body == "one":
        qualifier = ""  # "some one" is "someone": the grammar leaves it unqualified
    expected = float(value * SCALES[scale])
    text = f"Officials said {qualifier}{body}{scale} people were there."
    figures = [m for m in find_numbers(text) if m.is_figure]
    assert len(figures) == 1, (text, figures)
    (m,) = figures
    assert m.text == f"{qualifier}{body}{scale}", (text, m)
    assert m.value == expected, (text, m)
    q = QUALIFIERS[qualifier]
    assert m.qualifier == q, (text, m)
    low = None if q in ("at_most", "less_than") else expected
    high = None if q in ("at_least", "more_than") else expected
    assert (m.low, m.high) == (low, high), (text, m)


@SETTINGS
@given(st.text())
@example("1,1,1,1,1,1,1,1,1,1,1")
@example("\u0661\u066c\u0662\u0663\u0664 -\u2013 one-\u00a0 2\u202f")
def test_offsets_slice_the_original_text(text: str) -> None:
    mentions = find_numbers(text)
    last = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert last <= m.start < m.end <= len(text)
        last = m.end


NUMBERISH = st.sampled_from(
    [*"0123456789,.-+/%$ \n\u00a0\u2013^xekE", "999999", "one", "twenty", "hundred",
     "million", "and", "a", "half", "third", "to", "between", "more than", "about", "May",
     "in", "over", "point"]
)  # fmt: skip


@SETTINGS
@given(st.lists(NUMBERISH, max_size=40).map("".join))
@example("1,234.56.78 and 1,2.3.4")
@example("10^1000 or 1E308 or 0^-1 or 1.0001^99999 or 2^-99999")
def test_number_like_noise_never_raises(text: str) -> None:
    mentions = find_numbers(text)
    for m in mentions:
        assert text[m.start : m.end] == m.text
        for bound in (m.value, m.low, m.high):
            assert bound is None or math.isfinite(bound), m
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
