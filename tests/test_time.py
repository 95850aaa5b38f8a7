"""The time of each figure (numcheck/_time.py): reporting days, periods and references.

Each row: an article text, its publication date, the figure, and the span expected for
it (``start``, ``end``; ``None`` is open). The sentences are written for these tests.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import _time as time_module
from numcheck._clean import fold

D = dt.date

CASES = [
    pytest.param(
        "Ryder said 21 service members were injured in the strikes on Oct. 17 and 18.",
        "2023-10-27",
        "21",
        (D(2023, 10, 17), D(2023, 10, 18)),
        id="two-consecutive-days",
    ),
    # -- an incident named before the relative clause that tells its toll --
    pytest.param(
        "The strike followed the 12 May bombing in which 40 people died, officials said.",
        "2024-08-01",
        "40",
        (D(2024, 5, 12), D(2024, 5, 12)),
        id="the-day-of-the-incident-a-relative-clause-describes",
    ),
    pytest.param(
        "Troops moved in after the March 3 raid, during which 15 people were wounded.",
        "2024-08-01",
        "15",
        (D(2024, 3, 3), D(2024, 3, 3)),
        id="after-the-incident-is-still-its-day",
    ),
    # -- the periods of studies: a named event's date read as its lead word reads it --
    pytest.param(
        "Some 151,000 people died violently between the invasion in March 2003 and June "
        "2006, according to the survey.",
        "2008-01-10",
        "Some 151,000",
        (D(2003, 3, 1), D(2006, 6, 30)),
        id="between-a-named-event-and-a-month",
    ),
    pytest.param(
        "An estimated 654,965 people have died since the invasion of March 2003, the "
        "researchers said on Wednesday.",
        "2006-10-12",
        "An estimated 654,965",
        (D(2003, 3, 1), D(2006, 10, 11)),
        id="since-a-named-event",
    ),
    pytest.param(
        "Their central estimate is 98,000 excess deaths in the roughly 18 months after March 2003.",
        "2004-10-29",
        "98,000",
        (D(2003, 4, 1), D(2004, 9, 30)),
        id="months-counted-after-a-date",
    ),
    pytest.param(
        "A record 117.3 million people had been forced from their homes by the end of last "
        "year, the agency said.",
        "2024-06-14",
        "117.3 million",
        (D(2023, 12, 1), D(2023, 12, 31)),
        id="the-end-of-last-year-is-its-last-month",
    ),
    pytest.param(
        "The register held 9,400 names at the start of this year.",
        "2024-06-14",
        "9,400",
        (D(2024, 1, 1), D(2024, 1, 31)),
        id="the-start-of-this-year-is-its-first-month",
    ),
    pytest.param(
        "The firm now puts the death toll between March 2003 and August 2007 at 1,033,000.",
        "2008-01-30",
        "1,033,000",
        (D(2003, 3, 1), D(2007, 8, 31)),
        id="a-closed-period-before-the-figure-beats-now",
    ),
    pytest.param(
        "There are now 2,000 troops in Syria, up from 900 in March.",
        "2024-12-20",
        "2,000",
        (D(2024, 12, 20), D(2024, 12, 20)),
        id="now-beats-an-open-date-after-the-figure",
    ),
    pytest.param(
        "The US struck targets on Friday in retaliation for the attack last Sunday that "
        "killed three soldiers.",
        "2024-02-03",
        "three",
        (D(2024, 1, 28), D(2024, 1, 28)),
        id="the-relative-day-nearest-the-figure",
    ),
    # -- the reporting day: what is said "now" holds on the day it was said --
    pytest.param(
        "Militias have attacked US forces 55 times since Oct. 17, the Pentagon said on Tuesday.",
        "2023-11-15",
        "55",
        (D(2023, 10, 17), D(2023, 11, 14)),
        id="since-ends-on-the-reporting-day",
    ),
    pytest.param(
        "The number of wounded now stands at 46, the Pentagon said on Monday.",
        "2023-11-07",
        "46",
        (D(2023, 11, 6), D(2023, 11, 6)),
        id="now-is-the-reporting-day",
    ),
    pytest.param(
        "There are about 2,000 US troops in Syria, a spokesman said Thursday.",
        "2024-12-20",
        "about 2,000",
        (D(2024, 12, 19), D(2024, 12, 19)),
        id="said-weekday-without-on",
    ),
    pytest.param(
        "The ministry on Thursday said 112 people had been killed.",
        "2024-03-01",
        "112",
        (D(2024, 2, 29), D(2024, 2, 29)),
        id="on-weekday-said",
    ),
    pytest.param(
        "About 2,000 troops are in Syria, the press secretary told reporters on Monday.",
        "2024-12-20",
        "About 2,000",
        (D(2024, 12, 16), D(2024, 12, 16)),
        id="told-reporters-on-weekday",
    ),
    pytest.param(
        "The agency announced on 12 March that 5,000 people had registered.",
        "2024-03-14",
        "5,000",
        (D(2024, 3, 12), D(2024, 3, 12)),
        id="announced-on-a-date",
    ),
    pytest.param(
        "Pentagon figures revealed yesterday that 66 troops have been wounded.",
        "2023-12-22",
        "66",
        (D(2023, 12, 21), D(2023, 12, 21)),
        id="revealed-yesterday",
    ),
    pytest.param(
        "Attacks reached 55 since Oct. 17, the Pentagon said on Tuesday. "
        "Singh said 59 personnel had been injured.",
        "2023-11-15",
        "59",
        (D(2023, 11, 14), D(2023, 11, 14)),
        id="attributed-sentence-reports-the-same-briefing",
    ),
    pytest.param(
        "Attacks reached 55 since Oct. 17, the Pentagon said on Tuesday. "
        "About 900 US troops remain in Syria.",
        "2023-11-15",
        "About 900",
        (D(2023, 11, 15), D(2023, 11, 15)),
        id="writers-own-present-is-publication",
    ),
    pytest.param(
        "Tesla built 494,989 cars in the fourth quarter, the company said on Tuesday.",
        "2024-01-02",
        "494,989",
        (D(2023, 10, 1), D(2023, 12, 31)),
        id="said-day-does-not-date-a-flow",
    ),
    # -- periods --
    pytest.param(
        "Inflation rose to 10.1% in the 12 months to September.",
        "2022-10-19",
        "10.1%",
        (D(2022, 9, 1), D(2022, 9, 30)),
        id="twelve-months-to-month-is-the-month",
    ),
    pytest.param(
        "The CPIH index rose by 7.8% in the year to April.",
        "2023-05-24",
        "7.8%",
        (D(2023, 4, 1), D(2023, 4, 30)),
        id="year-to-month-is-the-month",
    ),
    pytest.param(
        "BYD sold 526,409 cars in October to December.",
        "2024-01-02",
        "526,409",
        (D(2023, 10, 1), D(2023, 12, 31)),
        id="month-range-without-year",
    ),
    pytest.param(
        "Analysts had forecast about 427,000 deliveries for the October-December period.",
        "2023-01-02",
        "about 427,000",
        (D(2022, 10, 1), D(2022, 12, 31)),
        id="hyphenated-month-range",
    ),
    pytest.param(
        "Tesla shifted more than 405,000 cars in the last three months of 2022.",
        "2023-01-03",
        "more than 405,000",
        (D(2022, 10, 1), D(2022, 12, 31)),
        id="last-three-months-of-year",
    ),
    pytest.param(
        "Fourth-quarter deliveries rose to 495,570.",
        "2025-01-02",
        "495,570",
        (D(2024, 10, 1), D(2024, 12, 31)),
        id="capitalized-quarter-without-year",
    ),
    pytest.param(
        "Sales were 12,000 last quarter.",
        "2024-02-10",
        "12,000",
        (D(2023, 10, 1), D(2023, 12, 31)),
        id="last-quarter-is-the-one-before",
    ),
    pytest.param(
        "The number fell to 3.7 million by the end of 2023.",
        "2024-06-14",
        "3.7 million",
        (D(2023, 12, 1), D(2023, 12, 31)),
        id="by-the-end-of-year-is-december",
    ),
    pytest.param(
        "In early September the general said the force would shrink to 3,000 "
        "by the end of that month.",
        "2021-01-15",
        "3,000",
        (D(2020, 9, 30), D(2020, 9, 30)),
        id="end-of-that-month",
    ),
    pytest.param(
        "The survey counted 151,000 violent deaths up to mid-2006.",
        "2008-01-10",
        "151,000",
        (None, D(2006, 6, 30)),
        id="up-to-mid-year",
    ),
    pytest.param(
        "They estimate 461,000 excess deaths from March 2003 to the middle of 2011.",
        "2013-10-16",
        "461,000",
        (D(2003, 3, 1), D(2011, 6, 30)),
        id="to-the-middle-of-year",
    ),
    pytest.param(
        "The Pentagon conceded that 2,000 troops are in Syria, four times the figure of "
        "503 it had cited as recently as November.",
        "2017-12-07",
        "503",
        (D(2017, 11, 1), D(2017, 11, 30)),
        id="as-recently-as-month",
    ),
    # -- periods named by reference, and comparison bases --
    pytest.param(
        "Tesla delivered 386,810 vehicles in the first three months of 2024. "
        "The company produced 433,371 vehicles in the quarter.",
        "2024-04-02",
        "433,371",
        (D(2024, 1, 1), D(2024, 3, 31)),
        id="in-the-quarter",
    ),
    pytest.param(
        "Tesla delivered 386,810 vehicles in the first three months of 2024. "
        "In the previous quarter it had delivered 484,507 cars.",
        "2024-04-02",
        "484,507",
        (D(2023, 10, 1), D(2023, 12, 31)),
        id="the-previous-quarter",
    ),
    pytest.param(
        "Fourth-quarter deliveries rose to 495,570 from 484,507 a year earlier.",
        "2025-01-02",
        "484,507",
        (D(2023, 10, 1), D(2023, 12, 31)),
        id="a-year-earlier",
    ),
    pytest.param(
        "Tesla delivered 484,507 cars in the fourth quarter of 2023. "
        "The company delivered 1.8 million vehicles over the year.",
        "2024-01-03",
        "1.8 million",
        (D(2023, 1, 1), D(2023, 12, 31)),
        id="over-the-year-after-a-quarter",
    ),
    pytest.param(
        "Inflation rose to 10.1% in September. The CPIH measure rose by 8.8% over the year.",
        "2022-10-19",
        "8.8%",
        (D(2022, 9, 1), D(2022, 9, 30)),
        id="over-the-year-after-a-month-is-its-annual-rate",
    ),
    pytest.param(
        "Tesla delivered 1.31 million vehicles in 2022, up 40% from 2021.",
        "2023-01-02",
        "40%",
        (D(2022, 1, 1), D(2022, 12, 31)),
        id="comparison-base-does-not-date",
    ),
    pytest.param(
        "Inflation fell to 4.6% in October. Core inflation eased to 5.7%, the office said.",
        "2023-11-15",
        "5.7%",
        (D(2023, 10, 1), D(2023, 10, 31)),
        id="report-on-a-period-dates-its-undated-figures",
    ),
    pytest.param(
        "In 2016 there were 5,262 troops in Iraq. About 900 remain in Syria.",
        "2024-09-28",
        "About 900",
        (D(2024, 9, 28), D(2024, 9, 28)),
        id="an-old-period-is-not-the-articles-period",
    ),
    pytest.param(
        "Some 170,000 US troops were in Iraq in October. "
        "About 132,000 were there when the plan was announced.",
        "2007-12-03",
        "About 132,000",
        (D(2007, 12, 3), D(2007, 12, 3)),
        id="a-when-clause-is-not-the-articles-period",
    ),
    pytest.param(
        "At least 500 people were killed when a blast hit a hospital last night.",
        "2023-10-18",
        "At least 500",
        (D(2023, 10, 17), D(2023, 10, 17)),
        id="last-night",
    ),
    pytest.param(
        "Tesla delivered 484,507 cars in the fourth quarter of 2023. Deliveries grew 38% in "
        "2023, while production rose 35% to 1.85 million vehicles, the company said on "
        "Tuesday.",
        "2024-01-03",
        "1.85 million",
        (D(2023, 1, 1), D(2023, 12, 31)),
        id="a-while-clause-shares-the-time-of-the-clause-before",
    ),
    pytest.param(
        "At the end of February there were 2,500 troops in the country.",
        "2024-05-10",
        "2,500",
        (D(2024, 2, 29), D(2024, 2, 29)),
        id="at-the-end-of-a-month-opening-the-sentence",
    ),
    # -- seasons ----------------------------------------------------------------------
    pytest.param(
        "In the autumn of 2022 inflation had been above 11%.",
        "2024-06-19",
        "above 11%",
        (D(2022, 9, 1), D(2022, 11, 30)),
        id="the-autumn-of-a-year",
    ),
    pytest.param(
        "The firm said last autumn that 1.2 million people had died.",
        "2008-01-30",
        "1.2 million",
        (D(2007, 9, 1), D(2007, 11, 30)),
        id="said-last-autumn",
    ),
    pytest.param(
        "Last winter 900 troops were in the country.",
        "2008-01-30",
        "900",
        (D(2006, 12, 1), D(2007, 2, 28)),
        id="last-winter-during-a-winter-is-the-one-before",
    ),
    pytest.param(
        "About 2,000 troops will leave next year.",
        "2008-12-30",
        "About 2,000",
        (D(2009, 1, 1), D(2009, 12, 31)),
        id="next-year",
    ),
    # -- dates that tell where a figure comes from or what it led to, not when it holds --
    pytest.param(
        "The agency still lists about 2.8 million refugees in the country, a figure based "
        "on data from last autumn.",
        "2023-03-28",
        "about 2.8 million",
        (D(2023, 3, 28), D(2023, 3, 28)),
        id="an-appositive-about-the-figure-keeps-its-dates",
    ),
    pytest.param(
        "The minister said on Friday that the garrison had been brought down to 2,500, "
        "meeting a deadline set in November.",
        "2021-01-15",
        "2,500",
        (D(2021, 1, 15), D(2021, 1, 15)),
        id="a-participial-phrase-after-the-figure-keeps-its-dates",
    ),
    pytest.param(
        "Service inflation eased to 5.7%, leaving economists expecting no cut before the "
        "vote on 4 July.",
        "2024-06-19",
        "5.7%",
        (D(2024, 5, 1), D(2024, 5, 31)),  # (a monthly rate published in June: May's)
        id="a-participial-phrase-dates-nothing-before-it",
    ),
    pytest.param(
        "More than 3.9 million people fled homes in the east, where the fighting is now "
        "heaviest. The survey was carried out between April 29 and May 3.",
        "2022-05-10",
        "More than 3.9 million",
        (D(2022, 5, 3), D(2022, 5, 3)),
        id="a-where-clause-keeps-its-now",
    ),
    # -- what a clause shares with the clause or the figure before it ---------------------
    pytest.param(
        "The carmaker delivered 484,507 cars in the fourth quarter of 2023, bringing its "
        "deliveries for the year to 1,808,581 and meeting its target of 1.8 million.",
        "2024-01-02",
        "1.8 million",
        (D(2023, 1, 1), D(2023, 12, 31)),
        id="figures-joined-by-and-share-the-date-before-them",
    ),
    pytest.param(
        "Fourth-quarter deliveries rose to 495,570 from 484,507 a year earlier, but missed "
        "the 506,763 that analysts had expected.",
        "2025-01-02",
        "506,763",
        (D(2024, 10, 1), D(2024, 12, 31)),
        id="a-comparison-base-is-not-lent-to-the-next-clause",
    ),
    pytest.param(
        "Unemployment peaked at 9.9% in 2009, but it remains above 4.1%.",
        "2024-01-10",
        "above 4.1%",
        (D(2023, 12, 1), D(2023, 12, 31)),  # (published: a monthly rate, last month's)
        id="a-present-clause-keeps-its-own-time",
    ),
    pytest.param(
        "The company delivered 1.85 million vehicles in 2023, meeting the goal of 1.8 "
        "million, though short of an ambition of 2 million.",
        "2026-01-03",
        "2 million",
        (D(2023, 1, 1), D(2023, 12, 31)),
        id="a-though-clause-shares-the-time-before-it",
    ),
    pytest.param(
        "The carmaker delivered 1,789,226 vehicles last year. Analysts had expected 506,763 "
        "deliveries in the fourth quarter. A poll had pointed to 504,770.",
        "2025-01-02",
        "504,770",
        (D(2024, 10, 1), D(2024, 12, 31)),
        id="a-count-carried-on-takes-its-head-s-time-not-the-lede-s",
    ),
    # -- periods named by reference ----------------------------------------------------
    pytest.param(
        "The president sent 20,000 more soldiers to the country in January. About 132,000 "
        "troops were there when that plan was announced.",
        "2007-12-03",
        "About 132,000",
        (D(2007, 1, 1), D(2007, 1, 31)),
        id="when-that-plan-was-announced",
    ),
    pytest.param(
        "Inflation rose to 10.1% in the 12 months to September, after a brief dip in "
        "August. The wider CPIH measure rose by 8.8% over the year.",
        "2022-10-19",
        "8.8%",
        (D(2022, 9, 1), D(2022, 9, 30)),
        id="over-the-year-in-a-report-on-a-month",
    ),
    pytest.param(
        "Prices rose 2.0% in October alone, compared with a rise of 1.1% in the same month "
        "of 2021.",
        "2022-11-16",
        "1.1%",
        (D(2021, 10, 1), D(2021, 10, 31)),
        id="the-same-month-of-a-year",
    ),
    pytest.param(
        "Some 151,000 people died violently between the invasion in March 2003 and June "
        "2006, the survey found. That is a quarter of the 600,000 deaths another survey "
        "attributed to the same period.",
        "2008-01-10",
        "600,000",
        (D(2003, 3, 1), D(2006, 6, 30)),
        id="the-same-period-as-a-figure-s-closed-span",
    ),
    pytest.param(
        "A 2006 study put excess deaths at about 655,000.",
        "2013-03-19",
        "about 655,000",
        (D(2006, 1, 1), D(2006, 12, 31)),
        id="a-study-of-a-year",
    ),
    # -- relative times ----------------------------------------------------------------
    pytest.param(
        "The Pentagon will cut the force from about 2,000 to fewer than 1,000 in the coming "
        "months, a spokesman said on Friday.",
        "2025-04-19",
        "fewer than 1,000",
        (D(2025, 5, 1), D(2025, 12, 31)),
        id="the-coming-months-run-to-the-year-s-end",
    ),
    pytest.param(
        "The Pentagon will cut the force from about 2,000 to fewer than 1,000 in the coming "
        "months, a spokesman said on Friday.",
        "2025-04-19",
        "about 2,000",
        (D(2025, 4, 18), D(2025, 4, 18)),
        id="a-relative-time-beyond-another-figure-is-that-one-s",
    ),
    pytest.param(
        "The garrison will shrink to 400 in the coming months.",
        "2025-11-10",
        "400",
        (D(2025, 12, 1), D(2026, 5, 31)),
        id="the-coming-months-are-six-at-least",
    ),
    pytest.param(
        "There are 20,000 troops in Syria, not the 900 that officials cited all year.",
        "2024-12-20",
        "900",
        (D(2024, 1, 1), D(2024, 12, 31)),
        id="all-year-beyond-another-figure",
    ),
    # -- the reporting day --------------------------------------------------------------
    pytest.param(
        "Lawmakers warned last night that the bases were exposed. Some 25,000 soldiers are "
        "stationed in Iraq, according to figures quoted by officials.",
        "2024-01-30",
        "Some 25,000",
        (D(2024, 1, 30), D(2024, 1, 30)),
        id="according-to-is-a-source-not-the-briefing-before",
    ),
    # -- a survey's fieldwork ----------------------------------------------------------
    pytest.param(
        "About 8 million people have been displaced inside the country, the agency said. "
        "The estimate is drawn from a telephone survey carried out between April 29 and "
        "May 3.",
        "2022-05-10",
        "About 8 million",
        (D(2022, 5, 3), D(2022, 5, 3)),
        id="an-undated-figure-of-a-survey-holds-at-its-fieldwork-s-end",
    ),
    pytest.param(
        "About 900 troops remain in the country. The minister visited 3 bases there in March.",
        "2024-06-10",
        "About 900",
        (D(2024, 6, 10), D(2024, 6, 10)),
        id="a-visit-is-no-fieldwork",
    ),
]


@pytest.mark.parametrize(("text", "published", "figure", "span"), CASES)
def test_time(
    text: str, published: str, figure: str, span: tuple[dt.date | None, dt.date | None]
) -> None:
    claims = numcheck.extract(text, published=published)
    [claim] = [c for c in claims if c.text == figure]
    assert (claim.time.start, claim.time.end) == span


def test_said_day_is_not_taken_without_a_day_precise_publication() -> None:
    [claim] = numcheck.extract(
        "There are 2,000 troops in Syria, a spokesman said on Thursday.", published="2024-12"
    )
    assert claim.time.end is not None
    assert (claim.time.end.year, claim.time.end.month) == (2024, 12)


EDGES = (
    "said yesterday",
    "said on Monday",
    "announced on 29 February",
    "in the fourth quarter",
    "last quarter",
    "in the previous quarter",
    "a year earlier",
    "over the year",
    "by the end of that month",
    "in the 12 months to January",
    "in the three months to February",
    "in November to February",
    "by the end of 1999",
    "since Oct. 17",
    "now",
    "in the coming months",
    "all year",
    "in the same month of 2021",
)
EDGE_WORDS = st.sampled_from(EDGES)


@settings(max_examples=60, deadline=None)
@given(
    published=st.sampled_from(["1000-01-01", "1000-03-01", "8999-12-31", "2024-02-29"]),
    words=st.lists(EDGE_WORDS, min_size=1, max_size=4),
)
def test_edges_of_the_calendar_never_raise(published: str, words: list[str]) -> None:
    text = " ".join(f"Officials counted 1,200 troops {w}." for w in words)
    claims = numcheck.extract(text, published=published)
    assert [c.text for c in claims].count("1,200") == len(words)
    for claim in claims:
        start, end = claim.time.start, claim.time.end
        assert start is None or end is None or start <= end


@pytest.mark.parametrize(
    "day",
    [
        pytest.param(dt.date.min, id="year-1"),
        pytest.param(dt.date(1, 2, 1), id="year-1-february"),
        pytest.param(dt.date.max, id="year-9999"),
    ],
)
def test_resolver_at_the_ends_of_the_calendar(day: dt.date) -> None:
    from numcheck._time import Anchor, TimeResolver

    text = " ".join(f"Officials counted 1,200 troops {w}." for w in EDGES)
    resolver = TimeResolver(text, Anchor(day))
    at = 0
    for _ in EDGES:
        start = text.index("1,200", at)
        end = text.index(".", start) + 1
        span = resolver.resolve((at, end), (start, start + 5), [], [])
        assert span.start is None or span.end is None or span.start <= span.end
        at = end + 1


# -- the gates: a text without the words a pattern needs is read without the pattern ---
_GATED = [
    pytest.param(time_module._COMPARATIVE, [time_module._COMPARATIVE_WORDS], id="comparative"),
    pytest.param(time_module._BASE, [time_module._BASE_WORDS], id="base"),
    pytest.param(time_module._NAMED, [("the",), time_module._NAMED_WORDS], id="named"),
    pytest.param(
        time_module._DURATION,
        [("the",), time_module._DURATION_UNITS, time_module._DURATION_WORDS],
        id="duration",
    ),
]


@pytest.mark.parametrize(("pattern", "gates"), _GATED)
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_every_text_a_gated_pattern_matches_passes_its_gates(
    pattern: re.Pattern[str], gates: list[tuple[str, ...]], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text) is not None
    for words in gates:
        assert time_module._has_any(fold(text), words)


@pytest.mark.parametrize(
    ("pattern", "gates", "text"),
    [
        pytest.param(time_module._COMPARATIVE, [time_module._COMPARATIVE_WORDS], text, id=text)
        for text in (
            "the lowest since ", "its deadliest month in ", "a RECORD in ", "records since ",
            "for the first time since ", "highs in ", "lows since at least ", "not seen since ",
        )
    ]
    + [
        pytest.param(time_module._BASE, [time_module._BASE_WORDS], text, id=text)
        for text in ("up 40% from ", "compared with ", "versus ", "vs. ", "than in the ")
    ]
    + [
        pytest.param(
            time_module._NAMED, [("the",), time_module._NAMED_WORDS], "since the invasion of "
        ),
        pytest.param(
            time_module._DURATION,
            [("the",), time_module._DURATION_UNITS, time_module._DURATION_WORDS],
            "in the roughly 18 months following ",
        ),
    ],
)  # fmt: skip
def test_texts_a_gated_pattern_matches_pass_its_gates(
    pattern: re.Pattern[str], gates: list[tuple[str, ...]], text: str
) -> None:
    assert pattern.search(text) is not None
    for words in gates:
        assert time_module._has_any(fold(text), words)


# -- whole-document scans run only on documents holding one of their words -------------
def _scans() -> list[Any]:
    return [
        pytest.param(pattern, words, id=name)
        for name, value in vars(time_module).items()
        if isinstance(value, re.Pattern)
        for pattern, words in time_module._SCANS.items()
        if pattern is value
    ]


@pytest.mark.parametrize(("pattern", "words"), _scans())
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_text_a_scanned_pattern_matches_holds_one_of_its_words(
    pattern: re.Pattern[str], words: tuple[str, ...], data: st.DataObject
) -> None:
    text = data.draw(st.from_regex(pattern))
    assert pattern.search(text) is not None
    assert time_module._has_any(fold(text), words)


@pytest.mark.parametrize(
    "text",
    [
        "right now", "currently", "today", "at present", "presently", "at the moment",
        "as of now", "so far", "to date", "as things stand", "nowadays", "there are",
        "earlier this year", "last month", "past week", "yesterday", "3 days ago",
        "a year ago", "on Monday", "Sunday's", "the third quarter of 2023", "Q3 2023",
        "the first three months of 2024", "in the same quarter", "for the full year",
        "on the year", "year-on-year", "a year earlier", "the end of that month",
        "the 2010s", "the year to March", "October-December", "the end of 2023",
        "the start of May", "since January", "mid-March", "a; b", "(a)", "[a]", "a - b",
        "a--b", ", but", ", which", "but", "whereas", "as part of",
        "the Pentagon said on Thursday", "on Thursday said", "told reporters on Monday",
        ", a figure", "he added", "survey carried out in May", "asked 1,500 adults in May",
        "in the coming months", "all year",
    ],
)  # fmt: skip
def test_written_texts_scanned_patterns_match_hold_their_words(text: str) -> None:
    matched = [p for p in time_module._SCANS if p.search(text)]
    assert matched, text  # each text is read by one scan at least
    for pattern in matched:
        assert time_module._has_any(fold(text), time_module._SCANS[pattern]), pattern.pattern
