"""What kind of statistic a figure is, and the incident it belongs to (numcheck/_statistic.py).

Each row: a sentence written for these tests, its publication date, the figure, and what
is expected of it. The rules are read through the real extraction, so the clause, the
time and the reporting day are the ones the framer gives them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck._clean import Gate, fold
from numcheck._models import TimeSpan
from numcheck._statistic import GATES, Context, read_event, read_modality, read_statistic

D = dt.date


def _claim(text: str, published: str, figure: str) -> numcheck.Claim:
    [claim] = [c for c in numcheck.extract(text, published=published) if c.text == figure]
    return claim


STATISTICS = [
    pytest.param(
        "Officials said 46 troops were injured; 45 of the injuries came from two attacks.",
        "2023-11-07",
        "45",
        ("share", None),
        id="a-part-of-a-whole-stated-before-is-a-share",
    ),
    pytest.param(
        "Acme built 12,400 tractors in the third quarter.",
        "2024-10-03",
        "12,400",
        ("flow", "quarter"),
        id="output-over-a-quarter-is-a-flow",
    ),
    pytest.param(
        "Across the whole of 2023 the brewery sold 3.1 million barrels.",
        "2024-01-15",
        "3.1 million",
        ("flow", "year"),
        id="sales-over-a-year-are-a-flow",
    ),
    pytest.param(
        "Fourth-quarter deliveries rose to 495,570 from 484,507 a year earlier.",
        "2025-01-03",
        "484,507",
        ("flow", "quarter"),
        id="a-year-earlier-is-no-period",
    ),
    pytest.param(
        "Numbers are falling after some 400 Marines who fought in the battle went home.",
        "2017-12-07",
        "some 400",
        ("change", None),
        id="people-who-went-home-are-a-change",
    ),
    pytest.param(
        "About 2,000 troops were withdrawn from the border.",
        "2021-03-01",
        "About 2,000",
        ("change", None),
        id="troops-withdrawn-are-a-change",
    ),
    pytest.param(
        "About 2,000 troops remain, after 500 were withdrawn.",
        "2021-03-01",
        "About 2,000",
        ("level", None),
        id="a-level-before-another-figure-that-moved",
    ),
    pytest.param(
        "The reading was well above the 10.7% that economists had expected.",
        "2022-11-16",
        "10.7%",
        ("rate", None),
        id="an-expected-percentage-is-a-rate",
    ),
    pytest.param(
        "It remains more than twice the Bank's 2% target.",
        "2023-11-15",
        "2%",
        ("rate", None),
        id="a-target-percentage-is-a-rate",
    ),
    pytest.param(
        "Nearly 40% of the voters stayed at home.",
        "2023-11-15",
        "Nearly 40%",
        ("share", None),
        id="a-plain-percentage-is-a-share",
    ),
    pytest.param(
        "The CPIH measure rose by 8.8% over the year.",
        "2022-10-19",
        "8.8%",
        ("rate", "year"),
        id="rose-over-the-year-is-the-annual-rate",
    ),
    pytest.param(
        "Prices rose 2 per cent in a single month, the statistics office said.",
        "2022-11-17",
        "2 per cent",
        ("change", "month"),
        id="a-rise-in-a-single-month-is-a-monthly-change",
    ),
    pytest.param(
        "In the past 24 hours, 156 people were killed, the ministry said.",
        "2024-01-01",
        "156",
        ("flow", "day"),
        id="past-period-before-the-comma",
    ),
    pytest.param(
        "About 100,000 more people have died since the invasion than would have died had "
        "it never taken place, a survey found.",
        "2004-10-29",
        "About 100,000",
        ("running_total", None),
        id="an-excess-over-what-would-have-been-is-no-change",
    ),
    pytest.param(
        "About 100,000 more people have died since the invasion than in the decade before.",
        "2004-10-29",
        "About 100,000",
        ("change", None),
        id="more-than-a-real-past-is-a-change",
    ),
    pytest.param(
        "Officials said 45 of the injuries came from the attack on Oct. 17.",
        "2023-11-07",
        "45",
        ("running_total", None),
        id="a-part-that-is-one-incident-s-toll",
    ),
    pytest.param(
        "The ministry's death count topped 10,000 in early November.",
        "2023-11-20",
        "10,000",
        ("running_total", None),
        id="a-count-is-a-running-total",
    ),
]


@pytest.mark.parametrize(("text", "published", "figure", "expected"), STATISTICS)
def test_statistic(
    text: str, published: str, figure: str, expected: tuple[str, str | None]
) -> None:
    claim = _claim(text, published, figure)
    assert (claim.statistic, claim.period) == expected


EVENTS = [
    pytest.param(
        "Ryder said 21 service members were injured in the strikes on Oct. 17 and 18.",
        "2023-10-27",
        "21",
        "attack 2023-10-17",
        id="plural-incidents-dated-by-their-clause",
    ),
    pytest.param(
        "The number of service members injured in attacks since October now stands at 46.",
        "2023-11-07",
        "46",
        None,
        id="a-campaign-of-attacks-is-no-incident",
    ),
    pytest.param(
        "The lull followed the Jan. 28 strike on Tower 22, which killed three US soldiers, "
        "and airstrikes on Feb. 2.",
        "2024-02-20",
        "three",
        "attack",
        id="relative-clause-takes-the-incident-before-it-undated",
    ),
    pytest.param(
        "The number of people killed when troops opened fire near an aid convoy on Thursday "
        "has risen to 112, with 760 wounded.",
        "2024-03-01",
        "112",
        "attack 2024-02-29",
        id="opened-fire-is-violence-not-a-fire",
    ),
    pytest.param(
        "The number of people killed when troops opened fire near an aid convoy on Thursday "
        "has risen to 112, with 760 wounded.",
        "2024-03-01",
        "760",
        "attack",
        id="with-continues-the-incident-before",
    ),
    pytest.param(
        "The US struck targets in Iraq on Friday in retaliation for the drone attack last "
        "Sunday that killed three American soldiers, officials said.",
        "2024-02-03",
        "three",
        "attack 2024-01-28",
        id="the-incident-day-nearest-the-toll",
    ),
    pytest.param(
        "Hamas fighters stormed southern Israel on Oct. 7, killing 1,400 people.",
        "2023-10-20",
        "1,400",
        "attack 2023-10-07",
        id="an-incident-named-by-its-verb",
    ),
    pytest.param(
        "Three soldiers were killed in a drone attack in Jordan on Sunday, the Pentagon said "
        "on Sunday.",
        "2024-01-29",
        "Three",
        "attack 2024-01-28",
        id="an-incident-on-its-reporting-day-keeps-its-day",
    ),
    pytest.param(
        "Three soldiers were killed in a drone attack in Jordan, the Pentagon said on Sunday.",
        "2024-01-29",
        "Three",
        "attack",
        id="the-reporting-day-is-no-incident-day",
    ),
    pytest.param(
        "A fire at a market killed 12 people on Monday.",
        "2024-03-06",
        "12",
        "fire 2024-03-04",
        id="a-fire-is-its-own-kind",
    ),
    pytest.param(
        "Eight soldiers were hurt when militias fired rockets at the base last week.",
        "2024-03-06",
        "Eight",
        "attack",
        id="weapons-sent-at-a-target-are-an-attack",
    ),
    pytest.param(
        "At least 30 people were killed in the war last year.",
        "2024-03-06",
        "At least 30",
        None,
        id="a-war-is-no-incident",
    ),
]


@pytest.mark.parametrize(("text", "published", "figure", "event"), EVENTS)
def test_event(text: str, published: str, figure: str, event: str | None) -> None:
    assert _claim(text, published, figure).event == event


AS_OF = [
    pytest.param(
        "More than 40 US service members were injured in Sunday's drone attack on Tower 22, "
        "the Pentagon said on Tuesday.",
        "2024-01-31",
        "More than 40",
        D(2024, 1, 30),
        id="an-incident-toll-is-counted-on-its-reporting-day",
    ),
    pytest.param(
        "Militias have attacked US forces 55 times since Oct. 17, the Pentagon said on Tuesday.",
        "2023-11-15",
        "55",
        D(2023, 11, 14),
        id="a-tally-since-a-date-is-counted-to-its-reporting-day",
    ),
    pytest.param(
        "Militias have launched more than 120 attacks since mid-October, Pentagon figures "
        "revealed yesterday. Sixty-six US troops have been wounded in the barrage.",
        "2023-12-22",
        "Sixty-six",
        D(2023, 12, 21),
        id="a-tally-follows-the-briefing-the-article-reports",
    ),
    pytest.param(
        "An Oct. 2 bulletin said 50 people had been killed. Ten days later the toll stood "
        "at 80 people.",
        "2023-10-30",
        "80",
        D(2023, 10, 30),
        id="an-old-briefing-is-not-the-reporting-day",
    ),
    pytest.param(
        "The United States struck targets on Friday in retaliation for an attack that "
        "killed three soldiers, officials said. Militias have attacked US forces 66 times "
        "since October.",
        "2024-02-03",
        "66",
        D(2024, 2, 2),
        id="an-article-s-first-saying-after-a-day-is-that-day-s-news",
    ),
    pytest.param(
        "AT LEAST 500 people were killed when a blast tore through a hospital last night, "
        "health officials said.",
        "2023-10-18",
        "AT LEAST 500",
        D(2023, 10, 17),
        id="killed-last-night-officials-said",
    ),
    pytest.param(
        "The number of people killed when troops opened fire near a convoy on Thursday has "
        "risen to 112, the health ministry said.",
        "2024-03-01",
        "112",
        D(2024, 3, 1),
        id="a-toll-that-has-risen-is-said-now",
    ),
    pytest.param(
        "More than 1.2 million people have been killed since the 2003 invasion, a polling "
        "firm said yesterday. The firm asked about 1,500 adults across the country, between "
        "August 12 and 19, about deaths in their households.",
        "2007-09-14",
        "More than 1.2 million",
        D(2007, 8, 19),
        id="a-survey-s-total-is-counted-to-its-fieldwork-s-end",
    ),
    pytest.param(
        "Hamas fighters stormed southern Israel on Oct. 7, killing 1,400 people.",
        "2023-10-20",
        "1,400",
        D(2023, 10, 20),
        id="an-incident-toll-without-a-reporting-day-holds-at-publication",
    ),
]


@pytest.mark.parametrize(("text", "published", "figure", "as_of"), AS_OF)
def test_as_of(text: str, published: str, figure: str, as_of: dt.date) -> None:
    claim = _claim(text, published, figure)
    assert claim.statistic == "running_total"
    assert claim.as_of == as_of


@pytest.mark.parametrize(
    ("local", "modality"),
    [
        pytest.param("the 8.2% economists expected", "forecast", id="expected"),
        pytest.param("the Bank's 2% target", "target", id="target"),
        pytest.param(
            "raises the number of service members authorized for Iraq to 5,262",
            "target",
            id="an-authorized-cap-is-no-level",
        ),
        pytest.param("struck targets in Iraq that killed three", None, id="struck-targets"),
        pytest.param("hit military targets, killing # people", None, id="military-targets"),
    ],
)
def test_modality(local: str, modality: str | None) -> None:
    assert read_modality(local) == modality


WORDS = st.sampled_from(
    "attack attacks strike strikes blast fire opened stormed which with that killed "
    "injured on Oct. 17 since now said yesterday , # 40 a day year earlier per cent % "
    "expected target went home withdrawn count toll in the past 24 hours".split()
)
SPANS = st.one_of(
    st.just(TimeSpan()),
    st.builds(
        lambda d, n, basis, words: TimeSpan(
            start=d, end=d + dt.timedelta(days=n), basis=basis, text=words
        ),
        st.dates(max_value=D(9000, 1, 1)),
        st.integers(0, 400),
        st.sampled_from(["explicit", "relative", "published"]),
        st.sampled_from(["on Oct. 17", "said on Monday", "now", "there are"]),
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    before=st.lists(WORDS, max_size=8),
    after=st.lists(WORDS, max_size=8),
    span=SPANS,
    reported=st.one_of(st.none(), st.dates()),
    unit=st.sampled_from([None, "percent", "deaths", "cars"]),
    default=st.sampled_from([None, "rate", "flow", "running_total", "level"]),
)
def test_rules_never_raise_and_date_events_by_their_span(
    before: list[str],
    after: list[str],
    span: TimeSpan,
    reported: dt.date | None,
    unit: str | None,
    default: str | None,
) -> None:
    head, tail = " ".join(before), " ".join(after)
    event = read_event(f"{head} # {tail}", span, head)
    if event is not None and event[-1].isdigit():
        assert span.start is not None
        assert event.endswith(span.start.isoformat())
        assert span.text == "on Oct. 17"  # never a reporting phrase or "now"
    context: dict[str, Any] = {"reported": reported, "event": event}
    reading = read_statistic(
        Context(head, tail, f"{head} # {tail}", "level", unit, None, default, span, None,
                True, **context)
    )  # fmt: skip
    if reading.statistic == "running_total" and event is not None:
        assert reading.as_of == reported


@settings(max_examples=300, deadline=None)
@given(data=st.data(), gate=st.sampled_from(GATES))
def test_gates_never_turn_away_a_text_their_pattern_matches(
    data: st.DataObject, gate: Gate
) -> None:
    text = data.draw(st.from_regex(gate.pattern))
    found = gate.pattern.search(text)
    assert found is not None
    gated = gate.search(text, fold(text))
    assert gated is not None and gated.span() == found.span()


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        pytest.param("SO FAR", "so far", id="upper"),
        pytest.param("\u017fince", "since", id="long-s-reads-as-s"),
        pytest.param("CEIL\u0130NG", "ceiling", id="dotted-capital-i-reads-as-i"),
        pytest.param("ce\u0131ling", "ceiling", id="dotless-i-reads-as-i"),
        pytest.param("\u212aelvin", "kelvin", id="kelvin-sign-reads-as-k"),
        pytest.param(
            "\u0662\u0665 \u062c\u0646\u062f\u064a",
            "\u0662\u0665 \u062c\u0646\u062f\u064a",
            id="arabic-unchanged",
        ),
    ],
)
def test_fold_reads_letters_as_ignorecase_does(text: str, folded: str) -> None:
    assert fold(text) == folded
    for gate in GATES:  # a gate agrees with its pattern on these letters too
        found = gate.pattern.search(text)
        gated = gate.search(text, fold(text))
        assert (found and found.span()) == (gated and gated.span())


def test_fold_covers_every_letter_ignorecase_matches_with_ascii() -> None:
    # every character the flag matches with an ASCII letter folds to that letter
    letters = re.compile("[a-z]", re.IGNORECASE)
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or not letters.fullmatch(char):
            continue
        for letter in "abcdefghijklmnopqrstuvwxyz":
            if re.fullmatch(letter, char, re.IGNORECASE):
                assert fold(char) == letter, hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "55 a day", "1,500 per month", "daily", "weekly", "monthly", "quarterly",
        "annually", "yearly", "Marines went home", "troops were withdrawn",
        "were pulled out", "rotated out", "redeployed", "departed", "in the past 24 hours",
        "overnight", "month on month", "m/m", "q/q", "y/y", "12-month", "on the year",
        "so far", "to date", "in total", "tallies", "the count", "delivered", "shipments",
        "handed over", "output", "forecasts", "expectations", "pointed to",
        "polls of economists", "estimates compiled", "targeted growth", "aims for",
        "authorised", "capped", "limit of", "expected to rise", "than would have",
    ],
)  # fmt: skip
def test_written_texts_gated_patterns_match_pass_their_gates(text: str) -> None:
    matched = [gate for gate in GATES if gate.pattern.search(text)]
    assert matched, text  # each text is read by one gated pattern at least
    for gate in matched:
        assert gate.possible(fold(text)), gate.pattern.pattern
