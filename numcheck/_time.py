"""When a figure holds: explicit dates, relative times and the publication date.

Part of stage 4 (framing). A date governs the figure it belongs to: the first date after
the figure in the same clause, or a date that opens the clause before it ("In 2016,
..."). Relative words ("now", "last year") are anchored on the publication date; with
neither, the publication date itself is used (basis ``published``); with no publication
date either, the time is ``unknown``: never invented.
"""

from __future__ import annotations

import bisect
import calendar
import contextlib
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, Protocol

from ._clean import fold
from ._langpack import LANG, PackModel, alternation, cover, load_pack
from ._lexicon import MONTHS, WORD
from ._models import Basis, Precision, TimeSpan


class DateMention(Protocol):
    """What the time resolver needs of a number mention (see ``_numbers.NumberMention``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def parts(self) -> tuple[int | None, int | None, int | None] | None: ...


@dataclass(frozen=True)
class Anchor:
    """The article's publication date and how precisely it is known."""

    date: dt.date | None
    precision: Precision = "day"

    def span(self) -> tuple[dt.date, dt.date] | None:
        if self.date is None:
            return None
        return _interval(
            self.date.year,
            self.date.month if self.precision != "year" else None,
            self.date.day if self.precision == "day" else None,
        )


@dataclass(frozen=True)
class _Month:
    """A month named without a day or year ("since January"), or a period the number
    layer does not report ("the third quarter of 2023", "the 2010s"), as a date mention."""

    start: int
    end: int
    parts: tuple[int | None, int | None, int | None]
    kind: str = "date"
    days: tuple[dt.date, dt.date] | None = None
    """The period's first and last day, when ``parts`` cannot say it."""
    refer: str | None = None
    """A period named by reference ("in the quarter", "a year earlier"): resolved
    against the periods named before it (see :meth:`TimeResolver.resolve`)."""


class _Words(PackModel):
    superlatives: list[str]
    base_changes: list[str]
    say_verbs: list[str]
    attributed_verbs: list[str]
    now: list[str]
    present: list[str]
    relative_now: list[str]
    parallel_joiners: list[str]
    when: list[str]
    span_leads: list[str]
    end_leads: list[str]
    clause_openers: list[str]
    adverbial_leads: list[str]
    named_event_leads: list[str]
    duration_after: list[str]
    previous: list[str]
    past_season: list[str]
    study_nouns: list[str]
    participle_exceptions: list[str]
    month_leads: list[str]
    date_leads: list[str]
    clause_after_comma: list[str]
    clause_words: list[str]
    appositive_nouns: list[str]
    covers: list[str]
    fieldwork_verbs: list[str]
    fieldwork_about: list[str]
    fieldwork_counted: list[str]
    fieldwork_nouns: list[str]
    fieldwork_done: list[str]
    fieldwork_leads: list[str]


class TimeWords(PackModel):
    """The shape of the time resolver's language pack (every key required)."""

    months: list[str]
    month_abbreviations: list[str]
    weekdays: dict[str, int]
    seasons: dict[str, int]
    quarter_ordinals: dict[str, int]
    ago_counts: dict[str, int]
    duration_counts: dict[str, int]
    edges: dict[str, Literal["start", "middle", "end"]]
    words: _Words


PACK = LANG / "time.toml"
"""The language pack of the time resolver."""
_EN = load_pack(TimeWords, PACK)
_W = _EN.words


_SPACES = r"\s+"


def _any(words: Iterable[str], space: str | None = None) -> str:
    """A non-capturing alternation of ``words`` (see :func:`numcheck._langpack.alternation`)."""
    return f"(?:{alternation(words, space=space)})"


_ORDINAL_QUARTERS = _EN.quarter_ordinals
_EDGES = _EN.edges
"""Words of an edge of a period -> the edge ("the end of 2023", "the turn of 2020")."""
_MONTH_EDGES = [word for word, edge in _EDGES.items() if edge != "middle"]
_END_EDGES = [word for word, edge in _EDGES.items() if edge == "end"]
_FULL_MONTHS = _any(_EN.months)
_YEAR = r"(?:1[89]|20)\d\d"
_QUARTER = re.compile(
    rf"\b(?:the\s+)?(?P<nth>{_any(_ORDINAL_QUARTERS)})[\s-]quarter\b"
    rf"(?:\s+(?:of\s+)?(?P<year>{_YEAR})\b)?(?!\s+of\s+(?:a|an|the|its|their)\b)"
    rf"|\bQ(?P<q>[1-4])\b(?:\s*(?P<qyear>{_YEAR})\b)?"
    rf"|\b(?:the\s+)?(?P<edge>first|last|final)\s+three\s+months\s+of\s+(?P<tyear>{_YEAR})\b",
    re.IGNORECASE,
)
"""Quarters: "the third quarter of 2023", "Q3 2023", "fourth-quarter", "the last three
months of 2022"; without a year, the latest such quarter begun by publication."""
_MONTHS_TO = re.compile(
    rf"\b(?:the\s+)?(?P<span>year|12\s+months|twelve\s+months|three\s+months|3\s+months)"
    rf"\s+(?:to|through|ending(?:\s+in)?)\s+(?:the\s+end\s+of\s+)?(?P<name>{_FULL_MONTHS})\b"
    rf"(?:,?\s+(?P<year>{_YEAR})\b)?"
)
"""An annual rate "in the year to March" or "the 12 months to March" is March's rate;
"the three months to June" is the quarter ending in June."""
_MONTH_RANGE = re.compile(
    rf"\b(?P<a>{_FULL_MONTHS})\s*(?:-|\u2013|to|through)\s*(?P<b>{_FULL_MONTHS})\b"
    rf"(?:\s+(?P<year>{_YEAR})\b)?(?![\s,]*\d)"
)
"""Months to months: "the October-December period", "in October to December"."""
_EDGE = re.compile(
    rf"\b(?:the\s+)?(?P<edge>{alternation(_EDGES)})\s+of\s+"
    rf"(?P<name>{_FULL_MONTHS}\s+)?(?P<year>{_YEAR})\b"
    rf"|\b(?:the\s+)?(?P<medge>{alternation(_MONTH_EDGES)})\s+of\s+(?P<mname>{_FULL_MONTHS})\b"
    rf"(?![\s,]*\d)"
)
"""The end or start of a year is its last or first month; of a month, its last or first
day; the middle of a year is June (the turn of its halves)."""
_ANAPHORA = re.compile(
    rf"\b(?:(?:in|for|during|of)\s+)?the\s+(?P<same>same\s+(?:month|quarter))\s+(?:of|in)\s+"
    rf"(?P<syear>{_YEAR})\b"
    r"|\bto\s+the\s+(?P<sameto>same\s+period)\b"
    r"|\b(?:in|for|during|over|across|through|throughout|of)\s+the\s+(?P<what>"
    r"(?:same|previous|prior|preceding)\s+(?:quarter|period|month|year)|quarter|"
    rf"(?:full|whole)\s+year|year|period)\b(?!\s+(?:ending|of|before|after|earlier|ago)\b|"
    rf"\s+(?:to|through)\s+(?:the\s+end\s+of\s+)?{_FULL_MONTHS})"
    r"|\b(?P<on>on\s+the\s+year|year[\s-]on[\s-]year)\b"
    r"|\b(?P<earlier>a\s+year\s+(?:earlier|before))\b"
    r"|\b(?:the\s+)?(?P<that>(?:end|start|beginning)\s+of\s+(?:that|the\s+same)\s+month)\b",
    re.IGNORECASE,
)
"""A period named by reference to one named before: "in the quarter", "over the year",
"the same period", "the previous quarter", "a year earlier", "by the end of that month",
"the same month of 2021" (that month, in 2021)."""
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b")
_COMPARATIVE = re.compile(
    rf"(?:\b(?:the|its|their|a|an)\s+{_any(_W.superlatives)}|"
    r"\bfirst time|\brecords?|\b(?:high|low)s?|\bnot seen)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:since|in)\s+(?:at least\s+)?$",
    re.IGNORECASE,
)
"""A comparison reaching back to a date ("the lowest since 1999", "a record high in
2008", "for the first time since 2011"): that date does not date the figure."""
_BASE = re.compile(
    rf"(?:\b{_any(_W.base_changes)}\b[^.;:()]{{0,40}}?\bfrom|\bcompared\s+(?:with|to)|"
    r"\bversus|\bvs\.?|\bthan(?:\s+in)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""The base of a comparison: "up 40% from 2021", "compared with 2019", "than in 2015"
(unless a span follows: "rose from 2019 to 2021")."""
_COMPARATIVE_WORDS = cover(_W.superlatives, ("record", "high", "low", "first time", "not seen"))
_BASE_WORDS = ("from", "compared", "versus", "vs", "than")
"""Gates: each match of the pattern above holds one of these words, in lowercase (a text
holding none is read without the pattern, see :func:`_has_any`)."""


def _has_any(folded: str, words: Sequence[str]) -> bool:
    """Whether ``folded`` (see :func:`numcheck._clean.fold`) holds one of ``words``."""
    return any(map(folded.__contains__, words))


_SPAN_TO = re.compile(r"\s*(?:-|\u2013|to|and|until|through)\s+\S", re.IGNORECASE)
_WEEKDAYS = {day.lower(): number for day, number in _EN.weekdays.items()}


def _quarter(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    last_month = 3 * quarter
    return dt.date(year, last_month - 2, 1), dt.date(
        year, last_month, calendar.monthrange(year, last_month)[1]
    )


def _last_month(month: int, anchor: Anchor) -> int | None:
    """The year of the latest ``month`` begun by publication."""
    if anchor.date is None:
        return None
    return anchor.date.year if month <= anchor.date.month else anchor.date.year - 1


def _periods(text: str, anchor: Anchor, folded: str | None = None) -> list[_Month]:
    """Periods the number layer does not report: quarters ("the third quarter of 2023",
    "Q3 2023"), seasons ("the autumn of 2022"), decades ("the 2010s"), rate horizons
    ("the year to March"), month ranges ("October-December"), edges ("the end of 2023")
    and anaphora ("in the quarter"). ``folded``: the text's :func:`numcheck._clean.fold`,
    when the caller has it."""
    folded = fold(text) if folded is None else folded
    found: list[_Month] = []
    for match in _scan(_QUARTER, text, folded):
        try:
            found.append(_quarter_mention(match, anchor))
        except (ValueError, OverflowError):
            continue
    with contextlib.suppress(ValueError, OverflowError):  # at the edge of the calendar
        _other_periods(text, anchor, found, folded)
    for match in _scan(_ANAPHORA, text, folded):
        named = match.group("what") or match.group("sameto") or match.group("same") or match.group()
        what = " ".join(named.lower().split()).removeprefix("the ")
        if match.group("same"):
            what = f"{what} {match.group('syear')}"  # "same month 2021"
        start = match.start("what") if match.group("what") else match.start()
        # ("attributed to the same period": the period itself, "to" is not "until")
        found.append(_Month(start, match.end(), (None, None, None), refer=what))
    # Overlaps: the longer mention wins ("the year to March" holds "year", not a year).
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[_Month] = []
    for mention in found:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept


_SEASON = re.compile(
    rf"\b(?:the\s+)?(?P<season>{_any(_EN.seasons)})\s+(?:of\s+)?"
    rf"(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
_SEASONS = _EN.seasons
"""A season's first month (the northern seasons of the meteorologists); the winter of a
year runs from its December to the February after."""


def _season(year: int, name: str) -> tuple[dt.date, dt.date]:
    first = _SEASONS[name]
    last = first + 2
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return dt.date(year, first, 1), _interval(end_year, end_month, None)[1]


def _season_mention(match: re.Match[str]) -> _Month:
    """ "the autumn of 2022", "summer 2021" ("last autumn" is a relative time)."""
    year = int(match.group("year"))
    days = _season(year, match.group("season").lower())
    return _Month(match.start(), match.end(), (year, None, None), days=days)


def _relative_season(name: str, rel: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """ "last autumn": the latest one over before ``today``; "next spring": the first one
    after it; "this summer": the one under way, else this year's."""
    spans = [_season(year, name) for year in range(today.year - 2, today.year + 2)]
    if rel in _W.past_season:
        chosen = [s for s in spans if s[1] < today][-1:]
    elif rel == "next":
        chosen = [s for s in spans if s[0] > today][:1]
    else:
        chosen = [s for s in spans if s[0] <= today <= s[1]] or [
            s for s in spans if s[0].year == today.year
        ]
    return chosen[0] if chosen else None


def _other_periods(text: str, anchor: Anchor, found: list[_Month], folded: str) -> None:
    for match in _scan(_SEASON, text, folded):
        found.append(_season_mention(match))
    for match in _scan(_DECADE, text, folded):
        decade = int(match.group("decade"))
        days = (dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31))
        found.append(_Month(match.start(), match.end(), (decade, None, None), days=days))
    for match in _scan(_MONTHS_TO, text, folded):
        month = MONTHS[match.group("name").lower()]
        year = int(match.group("year")) if match.group("year") else _last_month(month, anchor)
        if year is None:
            continue
        last = _interval(year, month, None)
        first = last[0]
        if match.group("span").startswith(("three", "3")):
            first = dt.date(year - (month < 3), (month - 3) % 12 + 1, 1)
        found.append(_Month(match.start(), match.end(), (year, month, None), days=(first, last[1])))
    for match in _scan(_MONTH_RANGE, text, folded):
        a, b = MONTHS[match.group("a").lower()], MONTHS[match.group("b").lower()]
        year = int(match.group("year")) if match.group("year") else _last_month(b, anchor)
        if year is None:
            continue
        first = dt.date(year - (a > b), a, 1)
        days = (first, _interval(year, b, None)[1])
        found.append(_Month(match.start(), match.end(), (year, b, None), days=days))
    for match in _scan(_EDGE, text, folded):
        edge = (match.group("edge") or match.group("medge")).lower()
        end_edge = _EDGES[edge] == "end"
        if match.group("mname"):
            month = MONTHS[match.group("mname").lower()]
            year = _last_month(month, anchor)
            if year is None:
                continue
            days = _interval(year, month, None)
            day = days[1] if end_edge else days[0]
            found.append(_Month(match.start(), match.end(), (year, month, None), days=(day, day)))
            continue
        year = int(match.group("year"))
        if match.group("name"):
            month = MONTHS[match.group("name").strip().lower()]
            days = _interval(year, month, None)
            day = days[1] if end_edge else days[0]
            found.append(_Month(match.start(), match.end(), (year, month, None), days=(day, day)))
            continue
        month = 12 if end_edge else (6 if _EDGES[edge] == "middle" else 1)
        days = _interval(year, month, None)
        found.append(_Month(match.start(), match.end(), (year, month, None), days=days))


def _quarter_mention(match: re.Match[str], anchor: Anchor) -> _Month:
    if match.group("edge"):
        year = int(match.group("tyear"))
        quarter = 1 if match.group("edge").lower() == "first" else 4
        return _Month(match.start(), match.end(), (year, None, None), days=_quarter(year, quarter))
    nth = (match.group("nth") or "").lower()
    quarter = int(match.group("q")) if match.group("q") else _ORDINAL_QUARTERS[nth]
    given = match.group("year") or match.group("qyear")
    if given:
        year = int(given)
    else:  # the latest such quarter begun by publication; "last quarter": the one before
        if anchor.date is None:
            raise ValueError("no year")
        current = (anchor.date.month - 1) // 3 + 1
        year = anchor.date.year
        if nth == "last":
            quarter, year = (current - 1, year) if current > 1 else (4, year - 1)
        elif quarter > current:
            year -= 1
    return _Month(match.start(), match.end(), (year, None, None), days=_quarter(year, quarter))


_MONTH_ONLY = re.compile(
    rf"\b{_any(_W.month_leads)}[\s-]+"
    rf"(?P<month>(?:(?:early|mid|late)[\s-]+)?(?P<name>{_FULL_MONTHS}))\b(?![\s,]*\d)"
)

MAX_DATE_DISTANCE = 8
"""A date further than this many words after a figure qualifies something else
("900 in Syria as part of the coalition formed in 2014")."""

# Clause boundaries inside a sentence: a date on the other side does not govern a figure.
_CLAUSE = re.compile(
    rf"[;()\[\]]|\s-\s|--|,\s*{_any(_W.clause_after_comma)}\b|\b{_any(_W.clause_words)}\b"
    rf"|,\s*an?\s+{_any(_W.appositive_nouns)}\b(?!\s+of\b)",
    re.IGNORECASE,
)
"""(The last: an appositive about the figure, ", a figure that does not yet include
anyone hurt on Monday", ", a figure based on data from last autumn": its dates tell where
the figure comes from or what it leaves out, not when it holds.)"""
_LEAD = re.compile(
    rf"(?:\b(?P<word>{alternation(_W.date_leads)})\s+(?:the\s+)?(?:year\s+|end\s+of\s+|"
    r"start\s+of\s+|beginning\s+of\s+)?)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    rf"\b(?P<now>{alternation(_W.relative_now)}|there (?:are|is|remain))\b"
    r"|\b(?P<when>(?:earlier |later )?(?:this|last|past|previous|next|all(?: this)?) "
    rf"(?:year|month|week|{alternation(_EN.seasons)}))\b"
    r"|\b(?P<coming>(?:coming|next)\s+(?:few\s+|several\s+)?months)\b"
    r"|\b(?P<yesterday>yesterday|last night)\b"
    rf"|\b(?P<ago>(?P<n>\d+|{alternation(_EN.ago_counts)}) "
    r"(?P<unit>day|week|month|year)s? ago)\b"
    rf"|\b(?:on |last |this |since )?(?P<weekday>{alternation(_EN.weekdays)})(?:'s)?\b",
    re.IGNORECASE,
)
_MONTH_NAMES = _any([*_EN.months, *_EN.month_abbreviations])
_DAY_WORDS = rf"(?:{alternation(_EN.weekdays)}|yesterday|last night|today)"
_SAY = (
    rf"(?:{alternation(_W.say_verbs)}|"
    r"told\s+(?:the\s+|a\s+)?[\w'.-]+(?:\s+[\w'.-]+){0,2}?|"
    r"shared\s+with\s+(?:the\s+)?[\w'.-]+)"
)
_REPORTED = re.compile(
    rf"\b{_SAY}(?:\s+(?:in|at|to|during)\s+(?:a|an|the)(?:\s+[a-z'-]+){{1,3}}?)?"
    rf"(?:\s+(?:late|early|earlier|later))?\s+(?:on\s+)?(?P<day>{_DAY_WORDS}|"
    rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_NAMES})\b\.?|(?P<m2>{_MONTH_NAMES})\b\.?\s+"
    rf"(?P<d2>\d{{1,2}})\b)(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?"
    rf"|\b(?:on\s+)?(?P<before>{_DAY_WORDS}),?\s+{_SAY}\b"
)
"""Who said a figure, and when: "the Pentagon said on Thursday", "told reporters on
Monday", "revealed yesterday", "announced on 12 March", "on Thursday said". The day
given is the reporting day: what is stated "now" holds then, not on publication."""
_ATTRIBUTED = re.compile(rf"\b{_any(_W.attributed_verbs)}\b", re.IGNORECASE)
"""A sentence attributed in the past tense ("..., he said"): it reports the same briefing
as the reporting phrase before it. A sentence in the writer's own present ("About 900
troops remain") holds at publication, and so does one sourced "according to figures
quoted by officials": a source, not a saying of the briefing before it."""
_PRESENT_TENSE = re.compile(r"\b(?:has|have|is|are)\b", re.IGNORECASE)
"""A sentence in the present or present perfect ("has risen to 112") is said now."""
_SMALL = _EN.ago_counts


_MONTH_WORDS = tuple(month.lower() for month in _EN.months)
_WEEKDAY_WORDS = tuple(_WEEKDAYS)
MONTH_WORDS = _MONTH_WORDS
"""The month names, in lowercase and in calendar order."""
WEEKDAY_WORDS = _WEEKDAY_WORDS
"""The weekday names, in lowercase, from Monday."""
MONTH_ABBREVIATIONS = tuple(month.lower() for month in _EN.month_abbreviations)
"""The short month names, in lowercase ("sept")."""
_COVERS = re.compile(
    rf"\b{_any(_W.covers)}\s+(?:the\s+(?:period|years|"
    r"months)\s+)?(?:from\s+[^.;]{1,60}?\s+)?(?:to|until|through|up\s+to)\s+",
    re.IGNORECASE,
)
_FIELD_DATE = (
    rf"(?:(?P<m1>{_FULL_MONTHS})(?:\s+(?P<d1>\d{{1,2}}))?(?:\s*(?:and|to|-|\u2013|through|until)\s*"
    rf"(?:(?P<m2>{_FULL_MONTHS})\b\s*)?(?P<d2>\d{{1,2}})?)?"
    rf"|(?P<d3>\d{{1,2}})\s+(?P<m3>{_FULL_MONTHS})(?:\s*(?:and|to|-|\u2013|through|until)\s*"
    rf"(?P<d4>\d{{1,2}})\s+(?P<m4>{_FULL_MONTHS}))?)\b"
    rf"(?:,?\s+(?P<year>{_YEAR})\b|\s+(?P<rel>this|last)\s+year\b)?"
)
_FIELDWORK = re.compile(
    rf"\b(?:{_any(_W.fieldwork_verbs)}\s+(?:{_any(_W.fieldwork_about, _SPACES)}\s+)?"
    rf"\d[\d,]*\s+(?:[a-z-]+\s+)?{_any(_W.fieldwork_counted)}\b"
    rf"|{_any(_W.fieldwork_nouns)}\s+(?:was\s+|were\s+)?{_any(_W.fieldwork_done, _SPACES)}\b)"
    rf"[^.;]{{0,120}}?\b{_any(_W.fieldwork_leads)}\s+{_FIELD_DATE}",
    re.IGNORECASE,
)
"""A survey's fieldwork and when it was done: "interviewed 988 households ... in
September", "asked about 1,500 adults ..., between August 12 and 19", "a telephone survey
carried out between April 29 and May 3". Its figures are counted to the last day."""
_COVERED_MONTH = re.compile(
    rf"(?:the\s+end\s+of\s+)?(?P<name>{_FULL_MONTHS})\s+(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)
_WHEN_THAT = re.compile(
    r"\bwhen\s+(?:that|this)\s+(?:[a-z-]+\s+){1,2}?(?:was|were|had\s+been)\s+[a-z]+ed\b"
)
"""A "when" clause pointing back to something named before ("when that plan was
announced"): the figure holds at the period the article named last."""
_PRESENT = re.compile(rf"\b{_any(_W.present)}\b", re.IGNORECASE)
"""A clause in the present ("but it remains more than twice the 2% target") does not take
the past time of the clause it is joined to."""
_SCANS: dict[re.Pattern[str], tuple[str, ...]] = {
    _CLAUSE: (";", "(", ")", "[", "]", "-", ",", *cover(_W.clause_words)),
    _REPORTED: (*(verb.lower() for verb in _W.say_verbs), "told", "shared"),
    _ATTRIBUTED: tuple(verb.lower() for verb in _W.attributed_verbs),
    _RELATIVE: (
        *"now currently today present moment there year month week yesterday ago".split(),
        *"night spring summer autumn fall winter".split(),
        "so far",
        "to date",
        "things stand",
        *_WEEKDAY_WORDS,
    ),
    _MONTH_ONLY: _MONTH_WORDS,
    _QUARTER: ("quarter", "q", "three"),
    _ANAPHORA: ("the", "year", "month", "quarter"),
    _DECADE: ("0s",),
    _MONTHS_TO: _MONTH_WORDS,
    _MONTH_RANGE: _MONTH_WORDS,
    _EDGE: cover(_EDGES),
    _SEASON: tuple(_SEASONS),
    _COVERS: cover(_W.covers),
    _FIELDWORK: cover(_W.fieldwork_verbs, _W.fieldwork_nouns),
    _PRESENT: tuple(_W.present),
    _WHEN_THAT: ("when",),
}
"""The patterns read over a whole document, each with words one of which (in lowercase)
is in every text it matches: a document holding none of them is not scanned (a scan tries
the pattern at every offset, slow on long text without words: tables, lists of figures)."""


def _within(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int] | None:
    """The first of ``spans`` (in text order) inside ``start:end``, if any."""
    index = bisect.bisect_left(spans, (start, -1))
    if index < len(spans) and spans[index][1] <= end:
        return spans[index]
    return None


def _scan(pattern: re.Pattern[str], text: str, folded: str) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, given ``folded``, the :func:`numcheck._clean.fold` of
    ``text``: nothing when ``folded`` holds none of the pattern's words (see ``_SCANS``)."""
    return pattern.finditer(text) if _has_any(folded, _SCANS[pattern]) else ()


class TimeResolver:
    """Resolves the time of each figure of one document (normalized text).

    Clause boundaries and relative-time words are found once per document; each figure
    then costs a few binary searches, so resolving stays linear in the text.
    """

    def __init__(self, text: str, anchor: Anchor) -> None:
        self.text = text
        self.anchor = anchor
        folded = fold(text)  # a pattern none of whose words the text holds is not run
        self._compared: dict[int, bool] = {}  # date start -> compared with (see below)
        self._dates: tuple[tuple[object, ...], Sequence[DateMention], list[int]] | None = None
        self._reported: tuple[tuple[int, int], tuple[dt.date, str] | None] | None = None
        self._spans: dict[tuple[object, ...], TimeSpan | None] = {}  # of the sentence's dates
        self.boundaries = [(m.start(), m.end()) for m in _scan(_CLAUSE, text, folded)]
        self.boundary_ends = [end for _, end in self.boundaries]
        self.reports: list[tuple[int, int, dt.date, str]] = []
        """Reporting phrases ("said on Thursday"): start, end, the day and the words."""
        for found in _scan(_REPORTED, text, folded):
            day = _report_day(found, anchor)
            if day is not None:
                self.reports.append((found.start(), found.end(), day, found.group()))
        self.report_starts = [r[0] for r in self.reports]
        self.attributed = [m.start() for m in _scan(_ATTRIBUTED, text, folded)]
        self.presents = [m.span() for m in _scan(_PRESENT, text, folded)]
        self.when_that = [m.span() for m in _scan(_WHEN_THAT, text, folded)]
        # A day that dates a saying is not the time of a figure: "said on Thursday".
        self.relatives = [
            m for m in _scan(_RELATIVE, text, folded) if not self._in_report(m.start())
        ]
        self.relative_starts = [m.start() for m in self.relatives]
        periods = _periods(text, anchor, folded)
        starts = [p.start for p in periods]
        months = [
            _Month(m.start("month"), m.end(), (None, MONTHS[m.group("name").lower()], None))
            for m in _scan(_MONTH_ONLY, text, folded)
        ]
        months = [m for m in months if not _inside(m.start, periods, starts)]
        self.months = sorted([*months, *periods], key=lambda m: m.start)
        self.month_starts = [m.start for m in self.months]
        self.fieldwork = self._coverage(folded)
        """The last day the article's study or count covers, when it says so ("covers the
        period to the end of June 2006", "a survey carried out between April 29 and May
        3"), and the words: its figures are counted to that day, the undated ones too."""
        self.coverage = self.fieldwork[0] if self.fieldwork else None
        """That day: the article's running totals are counted to it."""
        self.lede: TimeSpan | None = None
        """The period of the article's first figure, when it is a calendar period that
        ended shortly before publication ("inflation rose to 10.1% in September"): a
        report on that period, whose undated figures hold for it too."""
        self.first = True
        self.references = _References()
        """Calendar periods named so far (month, quarter, year): what "the quarter" or
        "a year earlier" refers to. Filled as figures are resolved, in text order."""

    def _coverage(self, folded: str) -> tuple[dt.date, str] | None:
        """The last day the article's study covers and the words that say it: "covers
        the period to the end of June 2006", else the end of its fieldwork."""
        covered = self._covers(folded)
        if covered is not None:
            return covered, "covers"
        published = self.anchor.span()
        for found in _scan(_FIELDWORK, self.text, folded):
            day = _fieldwork_end(found, self.anchor)
            if day is not None and published is not None and day < published[0]:
                return day, _text(self.text, found.start(), found.end())
        return None

    def _covers(self, folded: str) -> dt.date | None:
        for found in _scan(_COVERS, self.text, folded):
            at = bisect.bisect_left(self.month_starts, found.end())
            if at < len(self.months) and self.months[at].start - found.end() <= 4:
                days = self.months[at].days
                if days is not None:
                    return days[1]
            named = _COVERED_MONTH.match(self.text, found.end())
            if named is not None:
                month = MONTHS[named.group("name").lower()]
                with contextlib.suppress(ValueError, OverflowError):
                    return _interval(int(named.group("year")), month, None)[1]
        return None

    def _refer(self, mentions: Sequence[DateMention]) -> list[DateMention]:
        """Record the calendar periods of a sentence and resolve the periods it names by
        reference ("in the quarter") against those named before; unresolved ones go."""
        resolved: list[DateMention] = []
        for mention in mentions:
            refer = getattr(mention, "refer", None)
            if refer is None:
                resolved.append(mention)
                lead = _LEAD.search(self.text, max(0, mention.start - 30), mention.start)
                if lead is None or lead.group("word").lower() not in _OPEN:
                    span = _mention_span(self.text, mention, self.anchor)
                    if span is not None and (span[0].year, span[0].month) == (
                        span[1].year,
                        span[1].month,
                    ):
                        span = _interval(span[0].year, span[0].month, None)  # "early May"
                    if span is not None:
                        self.references.add(mention.start, span)
                continue
            days = _referred(refer, self.references, mention.start)
            lede = self.lede
            if (
                days is not None
                and refer.startswith(("on the", "year"))
                and _calendar(days) == "month"
                and lede is not None
                and lede.start is not None
                and lede.end is not None
                and _calendar((lede.start, lede.end)) == "month"
            ):
                # "rose by 8.8% over the year" in a report on September's prices, after
                # "a brief dip in August": the annual rate to the month reported on
                days = (lede.start, lede.end)
            if days is not None:
                assert isinstance(mention, _Month)
                resolved.append(replace(mention, days=days, refer=None))
        return resolved

    def _in_report(self, at: int) -> bool:
        index = bisect.bisect_right(self.report_starts, at) - 1
        return index >= 0 and self.reports[index][1] > at

    def reported(self, sentence: tuple[int, int]) -> tuple[dt.date, str] | None:
        """The reporting day of a sentence and its words: its own ("..., the Pentagon
        said on Thursday"); else, if the sentence is attributed ("..., he said"), the
        latest one before it in the article (the briefing the article reports); else
        ``None``. (The last sentence's is kept: its figures ask one after the other.)"""
        if self._reported is not None and self._reported[0] == sentence:
            return self._reported[1]
        found = self._read_reported(sentence)
        self._reported = (sentence, found)
        return found

    def _read_reported(self, sentence: tuple[int, int]) -> tuple[dt.date, str] | None:
        lo = bisect.bisect_left(self.report_starts, sentence[0])
        hi = bisect.bisect_left(self.report_starts, sentence[1])
        index = lo
        if lo == hi:  # none of its own: an attributed sentence reports the latest one
            at = bisect.bisect_left(self.attributed, sentence[0])
            if at == len(self.attributed) or self.attributed[at] >= sentence[1]:
                return None
            if lo == 0:
                return self._news_day(sentence, self.attributed[at])
            index = lo - 1
        _, _, day, words = self.reports[index]
        return day, words

    def _news_day(self, sentence: tuple[int, int], said: int) -> tuple[dt.date, str] | None:
        """The first saying of an article, undated ("..., officials said"), after a day
        of the sentence ("struck targets on Friday ..., officials said", "killed when a
        blast tore through a hospital last night, health officials said"): the news of
        that day, said that day. Kept as the article's reporting phrase for the sentences
        after it."""
        lo = bisect.bisect_left(self.relative_starts, sentence[0])
        hi = bisect.bisect_left(self.relative_starts, said)
        found = next(
            (
                m
                for m in self.relatives[lo:hi]
                if (m.group("weekday") and not m.group().lower().startswith("since"))
                or m.group("yesterday")
            ),
            None,
        )
        if (
            found is None
            or self.anchor.precision != "day"
            or _PRESENT_TENSE.search(self.text, sentence[0], said)
        ):
            return None  # "the toll of Thursday's shooting has risen to 112, ... said": now
        try:
            span = _relative(found, self.anchor)
        except (ValueError, OverflowError):  # "yesterday" on the first day of year 1
            return None
        if span is None or span.start is None:
            return None
        said_end = self.text.find(" ", said)
        words = self.text[found.start() : said_end if said_end > 0 else said]
        report = (said, said, span.start, _text(words, 0, len(words)))
        self.reports.insert(0, report)
        self.report_starts.insert(0, said)
        return span.start, report[3]

    def briefing(self, sentence: tuple[int, int]) -> dt.date | None:
        """The day of the briefing a sentence reports: its reporting day (see
        :meth:`reported`), else the day of the latest reporting phrase before it when
        that day is in the week before publication (the briefing the article reports:
        "Pentagon figures revealed yesterday ... Sixty-six troops have been wounded")."""
        own = self.reported(sentence)
        if own is not None:
            return own[0]
        index = bisect.bisect_left(self.report_starts, sentence[0]) - 1
        published = self.anchor.span()
        if index < 0 or published is None:
            return None
        day = self.reports[index][2]
        return day if 0 <= (published[1] - day).days <= 7 else None

    def resolve(
        self,
        sentence: tuple[int, int],
        figure: tuple[int, int],
        mentions: Sequence[DateMention],
        figures: Sequence[tuple[int, int]],
    ) -> TimeSpan:
        """The time of the figure at ``figure`` (offsets) in its ``sentence``.

        ``mentions`` are the date and year mentions of the sentence, ``figures`` the
        other figures of the sentence (a date beyond another figure belongs to that one).
        Figures are resolved in text order: periods named earlier give "the quarter".
        """
        span = self._resolve(sentence, figure, mentions, figures)
        if (
            span.basis == "explicit"
            and span.start is not None
            and span.end is not None
            and (span.end - span.start).days > 31
            and (span.text or "").lower().startswith(("between", "from"))
        ):
            self.references.add(figure[0], (span.start, span.end), "period")
        if self.first:
            self.first = False
            if _is_lede(span, self.anchor):  # "in September", "last year"
                self.lede = _span(span.start, span.end, "relative", span.text)
        return span

    def _study(self, date: DateMention) -> bool:
        """Whether a year names a study, survey or report ("a 2006 study"): its
        figures are counted by that year, not at the article's publication."""
        return bool(
            date.parts
            and date.parts[1] is None
            and _STUDY_BEFORE.search(self.text, max(0, date.start - 8), date.start)
            and _STUDY_AFTER.match(self.text, date.end)
        )

    def _compared_with(self, date: DateMention) -> bool:
        """A date a comparison reaches back to, or the base of a change: it dates no
        figure. Read once per date (figures of a sentence share its dates)."""
        known = self._compared.get(date.start)
        if known is None:
            text = self.text
            back = fold(text[max(0, date.start - 60) : date.start])  # for the gates
            known = bool(
                (
                    _has_any(back, _COMPARATIVE_WORDS)
                    and _COMPARATIVE.search(text, max(0, date.start - 60), date.start)
                )
                or (
                    _has_any(back, _BASE_WORDS)
                    and _BASE.search(text, max(0, date.start - 60), date.start)
                    and not _SPAN_TO.match(text, date.end)
                )
            )
            self._compared[date.start] = known
        return known

    def _resolve(
        self,
        sentence: tuple[int, int],
        figure: tuple[int, int],
        mentions: Sequence[DateMention],
        figures: Sequence[tuple[int, int]],
    ) -> TimeSpan:
        text, anchor = self.text, self.anchor
        # The figures of a sentence share its dates and are resolved one after the other:
        # the dates of the last sentence are kept (a long sentence has many figures).
        key = (sentence, len(mentions), mentions[0].start if mentions else -1)
        if self._dates is not None and self._dates[0] == key:
            _, mentions, starts = self._dates
        else:
            mentions = self._sentence_dates(sentence, mentions)
            starts = [d.start for d in mentions]
            self._dates = (key, mentions, starts)
            self._spans.clear()
        clause = self.clause(sentence, figure)
        first = bisect.bisect_left(starts, clause[0])
        dates = [m for m in mentions[first:] if m.end <= clause[1]]
        reported = self.reported(sentence)
        today = reported[0] if reported else None
        incident = _antecedent(text, figure, dates, anchor)
        if incident is not None:
            return incident
        explicit = _governing(text, figure, dates, figures, clause)
        if explicit is not None:
            span = self._explicit(explicit, dates, today, clause)
            if span is not None:
                return span
        present = _within(self.presents, clause[0], clause[1]) is not None
        shared = _parallel(text, sentence, clause, mentions)
        if shared is not None and not present:
            # "grew 38% in 2023, while production rose 35% to 1.85 million": in 2023
            span = self._explicit(shared, mentions, today, None)
            if span is not None:
                return span
        index = self._nearest_relative(clause, figure, figures)
        if index is not None:
            try:
                relative = _relative(self.relatives[index], anchor, today)
            except (ValueError, OverflowError):  # "yesterday" on the first day of year 1
                relative = None
            if relative is not None and not (
                self.relatives[index].group("now") and self._closed(clause, figure, mentions)
            ):
                return relative
        adverbial = _adverbial(text, figure, mentions, figures, starts)
        if adverbial is not None and present and not clause[0] <= adverbial.start < clause[1]:
            adverbial = None  # "peaked at 9.9% in 2009, but it remains above 4.1%"
        if adverbial is not None:
            span = self._explicit(adverbial, mentions, today, None)
            if span is not None:
                return span
        if index is not None and relative is not None:
            return relative
        study = next((d for d in reversed(dates) if d.end <= figure[0] and self._study(d)), None)
        if study is not None:  # "A 2006 study in The Lancet put excess deaths at 655,000"
            span = self._explicit(study, dates, today, clause)
            if span is not None:
                return span
        back = _within(self.when_that, figure[1], clause[1])
        if back is not None:  # "... when that plan was announced": the period named last
            named = self.references.latest("any", figure[0])
            if named is not None:
                return _span(named[0], named[1], "explicit", _text(text, back[0], back[1]))
        if self.lede is not None and not _WHEN.search(text, sentence[0], sentence[1]):
            return self.lede  # (not "... when that plan was announced": another time)
        if reported is not None:
            day, words = reported
            return _span(start=day, end=day, basis="relative", text=_text(words, 0, len(words)))
        published = anchor.span()
        if published is None:
            return _span()
        if self.fieldwork is not None:  # "About 8 million ..., the IOM said" of a survey
            day, words = self.fieldwork
            return _span(start=day, end=day, basis="explicit", text=words)
        return _span(start=published[0], end=published[1], basis="published")

    def _sentence_dates(
        self, sentence: tuple[int, int], mentions: Sequence[DateMention]
    ) -> Sequence[DateMention]:
        """The dates that may date a figure of ``sentence``: its date ``mentions``, the
        bare months and periods of the sentence (those named by reference resolved), less
        the dates a comparison reaches back to."""
        lo = bisect.bisect_left(self.month_starts, sentence[0])
        hi = bisect.bisect_left(self.month_starts, sentence[1])
        if lo < hi:  # bare months ("since January") the number layer does not report
            starts = [d.start for d in mentions]
            periods = [m for m in self.months[lo:hi] if m.days is not None or m.refer]
            extra = [
                m for m in self.months[lo:hi] if not m.refer and not _overlaps(m, mentions, starts)
            ]
            # A quarter or decade replaces the year mention inside it.
            mentions = [d for d in mentions if not any(p.start <= d.start < p.end for p in periods)]
            mentions = sorted(
                {id(m): m for m in [*mentions, *extra, *periods]}.values(), key=lambda d: d.start
            )
            mentions = self._refer(mentions)
        if mentions:  # "the lowest since 1999", "up 40% from 2021": a date compared with
            mentions = [d for d in mentions if not self._compared_with(d)]
        return mentions

    def _explicit(
        self,
        date: DateMention,
        dates: Sequence[DateMention],
        today: dt.date | None,
        clause: tuple[int, int] | None,
    ) -> TimeSpan | None:
        """:func:`_explicit` of a date of the current sentence (see :meth:`_resolve`),
        read once for the figures of the sentence that it dates: ``dates`` are the
        sentence's dates in ``clause``, or all of them (``None``)."""
        key = (id(date), today, clause)  # the dates of the sentence are kept alive
        if key in self._spans:
            return self._spans[key]
        span = self._spans[key] = _explicit(self.text, date, dates, self.anchor, today)
        return span

    def _closed(
        self, clause: tuple[int, int], figure: tuple[int, int], mentions: Sequence[DateMention]
    ) -> bool:
        """Whether the clause names a closed period before the figure ("puts the toll
        between March 2003 and August 2007 at 1,033,000"): more precise than "now"."""
        return any(
            clause[0] <= d.start
            and d.end <= figure[0]
            and _BETWEEN.search(self.text, max(clause[0], d.start - 12), d.start)
            for d in mentions
        )

    def _nearest_relative(
        self,
        clause: tuple[int, int],
        figure: tuple[int, int],
        figures: Sequence[tuple[int, int]] = (),
    ) -> int | None:
        """The relative time word of the clause nearest the figure ("struck targets on
        Friday in retaliation for the attack last Sunday that killed three": last
        Sunday), by its index; ``None`` if the clause has none. One after the figure
        with another figure between is that one's ("from about 2,000 to fewer than 1,000
        in the coming months"), and is preferred to one before the figure with another
        between ("there are 20,000 troops, not the 900 officials cited all year")."""
        lo = bisect.bisect_left(self.relative_starts, clause[0])
        if lo == len(self.relative_starts) or self.relative_starts[lo] >= clause[1]:
            return None  # none in the clause (most clauses of a text dense in figures)
        hi = bisect.bisect_left(self.relative_starts, figure[0])
        candidates = [i for i in (hi - 1, hi) if lo <= i < len(self.relatives)]
        candidates = [i for i in candidates if self.relatives[i].end() <= clause[1]]
        if candidates and figures:
            free = [i for i in candidates if not self._figure_between(i, figure, figures)]
            after = [i for i in candidates if self.relatives[i].start() >= figure[1]]
            candidates = [i for i in candidates if i not in after or i in free]
            if any(i in free for i in after):
                candidates = free
        if not candidates:
            return None
        return min(
            candidates,
            key=lambda i: max(
                self.relatives[i].start() - figure[1], figure[0] - self.relatives[i].end()
            ),
        )

    def _figure_between(
        self, index: int, figure: tuple[int, int], figures: Sequence[tuple[int, int]]
    ) -> bool:
        """Whether another figure stands between the figure and the relative word at
        ``index``, not joined to the figure by "and" ("3 were killed and 5 wounded on
        Monday": both on Monday)."""
        found = self.relatives[index]
        low, high = (
            (found.end(), figure[0]) if found.end() <= figure[0] else (figure[1], found.start())
        )
        at = bisect.bisect_left(figures, (low, -1))
        others = [f for f in figures[at : at + 3] if f[1] <= high and f != figure]
        if not others:
            return False
        near = others[0] if low == figure[1] else others[-1]
        pair = (figure, near) if low == figure[1] else (near, figure)
        return len(others) > 1 or not _coordinated(self.text, *pair)

    def clause(self, sentence: tuple[int, int], figure: tuple[int, int]) -> tuple[int, int]:
        """The part of the sentence between the clause boundaries around the figure."""
        start, end = sentence
        index = bisect.bisect_right(self.boundary_ends, figure[0])
        if index > 0 and self.boundaries[index - 1][1] > start:
            start = self.boundaries[index - 1][1]
        if index < len(self.boundaries):
            left = self.boundaries[index][0]
            if left < figure[1] and index + 1 < len(self.boundaries):
                left = self.boundaries[index + 1][0]  # a boundary overlapping the figure
            if figure[1] <= left < end:
                end = left
        return start, end


_STUDY_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
_STUDY_AFTER = re.compile(
    rf"\s+(?:(?:household|government|UN|official)\s+)?{_any(_W.study_nouns)}\b",
    re.IGNORECASE,
)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
_EDGE_WORDS = re.compile(rf"(?:the\s+)?{_any(_END_EDGES)}\s+of\b", re.IGNORECASE)
_OPEN = frozenset(_W.span_leads)
"""Lead words of a date that bounds a span rather than naming the period of a figure."""


_WHEN = re.compile(rf"\b{_any(_W.when)}\b", re.IGNORECASE)
LEDE_DAYS = 400
"""A report on a period comes out within this many days of its end."""


_NOW = re.compile(rf"\b{_any(_W.now)}\b", re.IGNORECASE)
_PARALLEL_BEFORE = re.compile(rf"\b{_any(_W.parallel_joiners)}[\s,]*$", re.IGNORECASE)
_PARALLEL = re.compile(rf"[\s,;]*{_any(_W.parallel_joiners)}\b", re.IGNORECASE)


def _parallel(
    text: str,
    sentence: tuple[int, int],
    clause: tuple[int, int],
    dates: Sequence[DateMention],
) -> DateMention | None:
    """A clause joined by "while", "whereas", "and", "but" or "(al)though" to the one
    before it shares its time when it names none: the last date of the sentence before
    the clause ("delivered 1.85 million in 2023, though short of an ambition of 2
    million": in 2023)."""
    if clause[0] <= sentence[0]:
        return None
    if not (
        _PARALLEL.match(text, clause[0])
        or _PARALLEL_BEFORE.search(text, max(sentence[0], clause[0] - 12), clause[0])
    ):
        return None
    earlier = [
        d
        for d in dates
        if sentence[0] <= d.start
        and d.end <= clause[0]
        and not _BASE_PERIOD.match(text, d.start, d.end)  # "from 484,507 a year earlier"
    ]
    return earlier[-1] if earlier else None


_BASE_PERIOD = re.compile(r"a\s+year\s+(?:earlier|before)\b", re.IGNORECASE)
"""A period named as the base of a comparison: it is not the time of the clause."""


def when_clause(sentence: str) -> bool:
    """Whether a sentence sets its own time with a "when" clause ("... when the plan was
    announced"), so that no time is lent to it."""
    return _WHEN.search(sentence) is not None


def _is_lede(span: TimeSpan, anchor: Anchor) -> bool:
    """Whether a figure's time makes the article a report on a period: an explicit
    calendar month, quarter or year that ended before publication, recently."""
    if span.basis not in ("explicit", "relative") or span.start is None or span.end is None:
        return False
    if anchor.date is None or _calendar((span.start, span.end)) is None:
        return False
    return span.end < anchor.date and (anchor.date - span.end).days <= LEDE_DAYS


def _inside(at: int, periods: Sequence[_Month], starts: list[int]) -> bool:
    index = bisect.bisect_right(starts, at) - 1
    return index >= 0 and periods[index].end > at


def _calendar(span: tuple[dt.date, dt.date]) -> str | None:
    """``month``, ``quarter`` or ``year`` if the span is one such calendar period."""
    start, end = span
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1]:
        return None
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    if months == 1:
        return "month"
    if months == 3 and start.month % 3 == 1:
        return "quarter"
    if months == 12 and start.month == 1:
        return "year"
    return None


def _shift(span: tuple[dt.date, dt.date], months: int) -> tuple[dt.date, dt.date]:
    """A calendar period moved by whole months (keeping its length)."""
    start, end = span
    first = start.year * 12 + start.month - 1 + months
    last = end.year * 12 + end.month - 1 + months
    return _interval(first // 12, first % 12 + 1, None)[0], _interval(
        last // 12, last % 12 + 1, None
    )[1]


class _References:
    """Calendar periods by offset, per kind, for "the latest quarter named before"."""

    def __init__(self) -> None:
        self.kinds: dict[str, tuple[list[int], list[tuple[dt.date, dt.date]]]] = {
            "any": ([], []),
            "month": ([], []),
            "quarter": ([], []),
            "period": ([], []),
        }

    def add(self, at: int, span: tuple[dt.date, dt.date], kind: str | None = None) -> None:
        """Record a calendar period named at ``at`` (or, with ``kind`` "period", a
        closed span of a figure: "between March 2003 and June 2006")."""
        kind = kind or _calendar(span)
        if kind is None:
            return
        for name in ("any", kind) if kind != "period" else (kind,):
            if name in self.kinds:
                starts, spans = self.kinds[name]
                index = bisect.bisect_left(starts, at)
                if index == len(starts) or starts[index] != at:
                    starts.insert(index, at)
                    spans.insert(index, span)

    def latest(self, kind: str, at: int) -> tuple[dt.date, dt.date] | None:
        starts, spans = self.kinds[kind]
        index = bisect.bisect_left(starts, at)
        return spans[index - 1] if index else None

    def where(self, kind: str, at: int) -> int:
        """Where the latest period of ``kind`` before ``at`` was named (-1: none)."""
        starts = self.kinds[kind][0]
        index = bisect.bisect_left(starts, at)
        return starts[index - 1] if index else -1


def _referred(refer: str, references: _References, at: int) -> tuple[dt.date, dt.date] | None:
    """The days of a period named by reference, from the periods named before ``at``."""
    latest = references.latest("any", at)
    try:
        same = refer.split()
        if len(same) == 3 and same[2].isdigit():  # "the same month of 2021": in 2021
            period = references.latest(same[1], at)
            if period is None:
                return None
            return _shift(period, 12 * (int(same[2]) - period[1].year))
        if "quarter" in refer:
            quarter = references.latest("quarter", at)
            if quarter is None:
                return None
            if any(w in refer for w in _W.previous):
                return _shift(quarter, -3)
            return quarter
        if "month" in refer:
            month = references.latest("month", at)
            if month is None:
                return None
            if any(w in refer for w in _W.previous):
                return _shift(month, -1)
            if refer.startswith("end"):
                return month[1], month[1]
            if refer.startswith(("start", "beginning")):
                return month[0], month[0]
            return month
        if "period" in refer and references.where("period", at) > references.where("any", at):
            # "the same period" after "between the invasion in March 2003 and June 2006"
            return references.latest("period", at)
        if latest is None:
            return None
        kind = _calendar(latest)
        if refer.startswith("a year"):  # "a year earlier": the same period, a year before
            return _shift(latest, -12) if kind else None
        if "period" in refer:
            return latest
        if refer.startswith(("on the", "year")) and kind == "month":
            return latest  # "up 8.8% on the year": the annual rate to that month
        year = latest[1].year
        if any(w in refer for w in _W.previous):
            year -= 1
        return _interval(year, None, None)
    except (ValueError, OverflowError):
        return None


def _overlaps(month: _Month, mentions: Sequence[DateMention], starts: list[int]) -> bool:
    """Whether a mention overlaps ``month`` (mentions in text order, not overlapping)."""
    index = bisect.bisect_left(starts, month.end) - 1
    return index >= 0 and mentions[index].end > month.start


def _governing(
    text: str,
    figure: tuple[int, int],
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
    clause: tuple[int, int],
) -> DateMention | None:
    if not dates:
        return None
    # The first date after the figure, close, with no figure between. Dates and figures
    # are in text order, so both are found by bisection.
    after = bisect.bisect_left([d.start for d in dates], figure[1])
    if after < len(dates):
        date = dates[after]
        lo = bisect.bisect_left(figures, (figure[1], -1))
        hi = bisect.bisect_left(figures, (date.start + 1, -1))
        between = [
            f
            for f in figures[lo:hi]
            if f[1] <= date.start and f != figure and not _DURATION_AFTER.match(text, f[1])
        ]
        if not between or _coordinated(text, figure, between[0]):
            words = len(WORD.findall(text, figure[1], date.start))
            words -= sum(len(WORD.findall(text, f[0], f[1])) for f in between)
            if words <= MAX_DATE_DISTANCE and not _detached(text, figure[1], date.start):
                return date
    # A date that opens the clause: "In 2016, ...". Only the clause's first date can: any
    # later one has that date before it.
    first = dates[0]
    if first.end <= figure[0]:
        lead = _THE.sub("", text[clause[0] : first.start].strip().lower())
        if lead in _OPENERS:
            return first
    return None


def _antecedent(
    text: str, figure: tuple[int, int], dates: Sequence[DateMention], anchor: Anchor
) -> TimeSpan | None:
    """The day of the incident a relative clause describes: "after the Oct. 7 attack in
    which nearly 1,200 people were killed" is Oct. 7 (the clause's last date before the
    figure, as it names the incident: a lead word before it reads the incident, not the
    figure)."""
    before = bisect.bisect_right([d.end for d in dates], figure[0])
    if not before or not _ANTECEDENT.fullmatch(text, dates[before - 1].end, figure[0]):
        return None
    date = dates[before - 1]
    span = _mention_span(text, date, anchor)
    if span is None:
        return None
    return _span(
        start=span[0], end=span[1], basis="explicit", text=_text(text, date.start, date.end)
    )


_ANTECEDENT = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3},?\s+(?:in|during|at)\s+which(?:\s+[\w'’-]+){0,3}\s+",
    re.IGNORECASE,
)
"""Between an incident's date and a figure of the relative clause that describes it: "the
Oct. 7 attack in which nearly", "the bombing on 12 May, during which" (a few words of
the incident's name, "in/during/at which", a few words)."""


_PARTICIPLE = re.compile(rf",\s+(?!{_any(_W.participle_exceptions)}\b)[a-z]+ing\b")
"""A participial phrase after a comma ("..., meeting a deadline set in November", "...,
leaving economists expecting no cut before the election on 4 July"): it tells what the
figure led to, and its dates are its own."""


_NEAR = 200
"""How far after a figure a participial phrase is looked for (characters)."""


def _detached(text: str, start: int, end: int) -> bool:
    """Whether a participial phrase opens between ``start`` and ``end`` (a figure and a
    date after it): the date belongs to the phrase, not to the figure."""
    return "ing" in text[start:end] and _PARTICIPLE.search(text, start, end) is not None


_DURATION_AFTER = re.compile(rf"\s+(?:month|year)s?\s+{_any(_W.duration_after)}\b", re.IGNORECASE)
"""A figure that counts the months of a period ("the 18 months after March 2003") is
part of the time phrase: it does not keep the date from the figure before it."""
_THE = re.compile(r"\s*\bthe$")
_OPENERS = frozenset(_W.clause_openers)


def _coordinated(text: str, figure: tuple[int, int], other: tuple[int, int]) -> bool:
    """Figures joined by "and" share what follows: "caused X deaths and displaced Y until
    2017" dates both."""
    gap = text[figure[1] : other[0]]
    return bool(_AND.search(gap)) and not _BREAK.search(gap)


_AND = re.compile(r"\band\b")
_BREAK = re.compile(r"[,;:()]|\b(?:but|while|which|who)\b")
_ADVERBIAL = frozenset(_W.adverbial_leads)


def _adverbial(
    text: str,
    figure: tuple[int, int],
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
    starts: Sequence[int] | None = None,
) -> DateMention | None:
    """The nearest date of the sentence used as a time adverbial ("in 2016", "to 2011"),
    with no other figure between it and the figure: the sentence's time. ``starts``: the
    offsets of the ``dates``, when the caller has them."""
    # Dates are in text order: the nearest adverbial one before the figure and the
    # nearest after it are the only candidates (a farther one has at least the same
    # figures between).
    if not dates:
        return None
    split = bisect.bisect_left([d.start for d in dates] if starts is None else starts, figure[0])
    before = next((d for d in reversed(dates[:split]) if _is_adverbial(text, d)), None)
    after = next((d for d in dates[split:] if _is_adverbial(text, d)), None)
    best: DateMention | None = None
    best_distance = 0
    for date in (before, after):
        if date is None:
            continue
        low, high = (date.end, figure[0]) if date.end <= figure[0] else (figure[1], date.start)
        # Another figure inside low:high? Figures are in text order: look at the first two
        # starting at or after low (one of them may be the figure itself).
        index = bisect.bisect_left(figures, (low, -1))
        others = [f for f in figures[index : index + 2] if f[1] <= high and f != figure]
        if others and not (
            low == date.end
            and others == figures[index : index + 1]
            and figures[index + 1 : index + 2] == [figure]
            and _coordinated(text, others[0], figure)
        ):
            continue  # (but "for the year to 1,808,581 and meeting its target of 1.8
            # million": figures joined by "and" share the date before them)
        if low == figure[1] and _detached(text, low, min(high, low + _NEAR)):
            continue  # "..., meeting a deadline set in November"
        distance = high - low
        if best is None or distance < best_distance:
            best, best_distance = date, distance
    return best


def _is_adverbial(text: str, date: DateMention) -> bool:
    lead = text[max(0, date.start - 16) : date.start].split()
    if lead and lead[-1].lower() == "the":  # "in the quarter"
        lead.pop()
    return bool(lead) and lead[-1].lower() in _ADVERBIAL


def _explicit(
    text: str,
    date: DateMention,
    dates: Sequence[DateMention],
    anchor: Anchor,
    today: dt.date | None = None,
) -> TimeSpan | None:
    """The span of an explicit date as the lead word before it reads it ("since",
    "until", "from ... to"); ``today`` is the reporting day, where "since" ends."""
    span = _mention_span(text, date, anchor)
    if span is None:
        return None
    lead = _LEAD.search(text, max(0, date.start - 30), date.start)
    word = lead.group("word").lower() if lead else ""
    start: dt.date | None
    end: dt.date | None
    start, end = span
    first = lead.start() if lead else date.start
    back = fold(text[max(0, date.start - 60) : date.start])  # for the gates
    if word in ("", "in", "of") and "the" in back and _has_any(back, _NAMED_WORDS):
        named = _NAMED.search(text, max(0, date.start - 60), date.start)
        if named is not None:  # "since the invasion of March 2003": since March 2003
            word, first = named.group("word").lower(), named.start()
    during = (
        _DURATION.search(text, max(0, date.start - 60), date.start)
        if "the" in back and _has_any(back, _DURATION_UNITS) and _has_any(back, _DURATION_WORDS)
        else None
    )
    if during is not None:  # "in the 18 months after March 2003"
        months = _count(during.group("n")) * (12 if during.group("unit") == "year" else 1)
        try:
            last = _shift((span[1], span[1]), months)[1]
            begin = span[1] + dt.timedelta(days=1)
        except (ValueError, OverflowError):  # past the ends of the calendar
            return None
        if begin <= last:
            words = _text(text, during.start(), date.end)
            return _span(start=begin, end=last, basis="explicit", text=words)
    if word in ("from", "between"):
        partner = _partner(text, date, dates, "to" if word == "from" else "and")
        if partner is not None:
            other = _mention_span(text, partner, anchor)
            if other is not None:
                end = other[1]
                return _span(
                    start=start, end=end, basis="explicit", text=_text(text, first, partner.end)
                )
    if word in ("to", "and"):
        previous = [d for d in dates if d.end <= date.start]
        opener = (
            _LEAD.search(text, max(0, previous[-1].start - 30), previous[-1].start)
            if previous
            else None
        )
        if previous and opener and opener.group("word").lower() in ("from", "between"):
            other = _mention_span(text, previous[-1], anchor)
            if other is not None:
                return _span(
                    start=other[0],
                    end=end,
                    basis="explicit",
                    text=_text(text, opener.start(), date.end),
                )
    if word == "since":
        published = anchor.span()
        end = today if today is not None else (published[1] if published else None)
    elif word == "by" and _EDGE_WORDS.match(text, date.start):
        pass  # "by the end of 2023": at the end of 2023
    elif word in _W.end_leads:
        start = None
        if word == "before":
            end = span[0] - dt.timedelta(days=1)
    elif word == "after":
        start, end = span[1] + dt.timedelta(days=1), None
    if start is not None and end is not None and start > end:
        start, end = end, start  # "since 2007" in an article published in 2005
    return _span(start=start, end=end, basis="explicit", text=_text(text, first, date.end))


_NAMED = re.compile(
    rf"\b(?P<word>{alternation(_W.named_event_leads)})\s+the\s+(?:[\w'-]+\s+){{1,3}}?"
    r"(?:in|of)\s+$",
    re.IGNORECASE,
)
"""A date of a named event after a lead word: "since the invasion of March 2003",
"between the invasion in March 2003 and June 2006" read as the lead word reads it."""
_DURATION = re.compile(
    r"\b(?:in|during|over|within)\s+the\s+(?:first\s+)?(?:(?:roughly|some|about|nearly|"
    rf"almost)\s+)?(?P<n>\d{{1,3}}|{alternation(_EN.duration_counts)})\s+(?P<unit>month|year)s?"
    rf"\s+{_any(_W.duration_after)}\s+$",
    re.IGNORECASE,
)
"""A period counted from a date: "in the roughly 18 months after March 2003"."""
_NAMED_WORDS = tuple(_W.named_event_leads)
_DURATION_UNITS = ("month", "year")
_DURATION_WORDS = tuple(_W.duration_after)
"""Gates: a match of ``_NAMED`` holds "the" and one of its words; of ``_DURATION``, "the",
a unit and one of its words (in lowercase)."""
_COUNTS = _EN.duration_counts


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _COUNTS[word.lower()]


@lru_cache(maxsize=4096)
def _span(
    start: dt.date | None = None,
    end: dt.date | None = None,
    basis: Basis = "unknown",
    text: str | None = None,
) -> TimeSpan:
    """A TimeSpan, shared: the figures of a text hold at few distinct times (frozen)."""
    return TimeSpan(start=start, end=end, basis=basis, text=text)


def _text(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def _partner(
    text: str, date: DateMention, dates: Sequence[DateMention], joiner: str
) -> DateMention | None:
    for other in dates:
        if other.start > date.end:
            between = text[date.end : other.start].strip().lower()
            return other if between in (joiner, "-", "until", "through") else None
    return None


def _mention_span(text: str, date: DateMention, anchor: Anchor) -> tuple[dt.date, dt.date] | None:
    days: tuple[dt.date, dt.date] | None = getattr(date, "days", None)
    if days is not None:
        return days
    if not date.parts:
        return None
    year, month, day = date.parts
    if year is None:
        if anchor.date is None or month is None:
            return None
        # A month without a year is the latest such month not after publication.
        year = anchor.date.year if month <= anchor.date.month else anchor.date.year - 1
    try:
        start, end = _interval(year, month, day)
    except ValueError:
        return None
    words = text[date.start : date.end].lower()
    if day is not None:
        second = _SECOND_DAY.search(words)
        if second is not None and int(second.group(1)) == day + 1:
            end = end + dt.timedelta(days=1)  # "Oct. 17 and 18": both days
    if month is not None and day is None:
        if "mid" in words:
            start = end = start.replace(day=15)
        elif "early" in words:
            end = start.replace(day=10)
        elif "late" in words:
            start = end.replace(day=21)
    elif month is None and day is None:
        if "mid" in words:  # the turn of the year's halves
            start, end = dt.date(year, 6, 1), dt.date(year, 6, 30)
        elif "early" in words:
            end = dt.date(year, 4, 30)
        elif "late" in words:
            start = dt.date(year, 9, 1)
    return start, end


_SECOND_DAY = re.compile(r"\d\s*(?:and|&)\s*(\d{1,2})(?:st|nd|rd|th)?$")
"""The second of two consecutive days a date mention names ("Oct. 17 and 18")."""


@lru_cache(maxsize=4096)  # (the publication day's, for every figure)
def _interval(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def _fieldwork_end(found: re.Match[str], anchor: Anchor) -> dt.date | None:
    """The last day of a survey's fieldwork (see ``_FIELDWORK``); ``None`` if unsure."""
    if anchor.date is None:
        return None
    name = found.group("m4") or found.group("m2") or found.group("m3") or found.group("m1")
    day = found.group("d4") or found.group("d2") or found.group("d3") or found.group("d1")
    if name is None:
        return None
    month = MONTHS[name.lower()]
    if found.group("year"):
        year = int(found.group("year"))
    elif found.group("rel"):
        year = anchor.date.year - (found.group("rel").lower() == "last")
    else:  # the latest such month not after publication
        year = anchor.date.year - (month > anchor.date.month)
    try:
        return _interval(year, month, int(day) if day else None)[1]
    except (ValueError, OverflowError):
        return None


def _report_day(found: re.Match[str], anchor: Anchor) -> dt.date | None:
    """The day a reporting phrase names, relative to publication; ``None`` if unsure."""
    if anchor.date is None:
        return None
    word = (found.group("day") or found.group("before") or "").lower()
    word = "yesterday" if word == "last night" else word  # (for the morning's paper)
    if word in _WEEKDAYS or word in ("yesterday", "today"):
        if anchor.precision != "day":
            return None
        if word == "today":
            return anchor.date
        back = 1 if word == "yesterday" else (anchor.date.weekday() - _WEEKDAYS[word]) % 7
        try:
            return anchor.date - dt.timedelta(days=back)
        except OverflowError:  # before the calendar starts
            return None
    name = (found.group("m1") or found.group("m2") or "").lower()
    month = MONTHS.get(name)
    if month is None:
        return None
    day = int(found.group("d1") or found.group("d2"))
    if found.group("year"):
        year = int(found.group("year"))
    else:  # the latest such day not after publication
        year = anchor.date.year - ((month, day) > (anchor.date.month, anchor.date.day))
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_YEAR_EDGE = re.compile(
    rf"\b(?:the\s+)?(?P<edge>{alternation(_MONTH_EDGES)})\s+of\s+$", re.IGNORECASE
)
"""The edge of a year named by a relative word: "by the end of last year"."""


def _relative(
    match: re.Match[str], anchor: Anchor, today: dt.date | None = None
) -> TimeSpan | None:
    """The span of a relative time word; "now" is the reporting day ``today`` if known."""
    published = anchor.span()
    if anchor.date is None or published is None:
        return None
    words = match.group().lower()
    if match.group("yesterday"):
        day = anchor.date - dt.timedelta(days=1)
        return _span(start=day, end=day, basis="relative", text=match.group())
    if match.group("weekday"):
        if anchor.precision != "day":
            return None
        back = (anchor.date.weekday() - _WEEKDAYS[match.group("weekday").lower()]) % 7
        day = anchor.date - dt.timedelta(days=back)
        if words.startswith("since "):
            return _span(start=day, end=published[1], basis="relative", text=match.group())
        return _span(start=day, end=day, basis="relative", text=match.group())
    if match.group("ago"):
        count = _SMALL.get(match.group("n").lower()) or int(match.group("n")[:4])
        if count > anchor.date.year - 1:
            return None
        unit = match.group("unit").lower()
        if unit == "year":
            year = anchor.date.year - count
            start, end = _interval(year, None, None)
        elif unit == "month":
            months = anchor.date.year * 12 + anchor.date.month - 1 - count
            start, end = _interval(months // 12, months % 12 + 1, None)
        else:
            day = anchor.date - dt.timedelta(days=count * (7 if unit == "week" else 1))
            start = end = day
        return _span(start=start, end=end, basis="relative", text=match.group())
    if match.group("now"):
        first, last = (today, today) if today is not None else published
        if words in ("so far", "to date"):
            return _span(start=None, end=last, basis="relative", text=match.group())
        return _span(start=first, end=last, basis="relative", text=match.group())
    year, month = anchor.date.year, anchor.date.month
    if match.group("coming"):  # "in the coming months": from next month to the year's end
        begin = year * 12 + month  # (next month, counted from year 0)
        finish = max(year * 12 + 11, begin + 5)  # (at least six months)
        start = _interval(begin // 12, begin % 12 + 1, None)[0]
        end = _interval(finish // 12, finish % 12 + 1, None)[1]
        return _span(start=start, end=end, basis="relative", text=match.group())
    season = words.rsplit(None, 1)[-1]
    if season in _SEASONS:
        rel = words.split()[-2]
        days = _relative_season(season, rel, anchor.date)
        if days is None:
            return None
        return _span(start=days[0], end=days[1], basis="relative", text=match.group())
    shift = 0 if "this" in words or words.startswith("all") else (-1 if "next" in words else 1)
    if words.endswith("year"):
        start, end = _interval(year - shift, None, None)
        edge = _YEAR_EDGE.search(match.string, max(0, match.start() - 24), match.start())
        if edge is not None:  # "by the end of last year": its last month
            start, end = (
                (start, start.replace(day=31))
                if _EDGES[edge.group("edge").lower()] == "start"
                else (end.replace(day=1), end)
            )
            end = min(end, published[1])
    elif words.endswith("month"):
        month -= shift
        if month == 0:
            year, month = year - 1, 12
        elif month == 13:
            year, month = year + 1, 1
        start, end = _interval(year, month, None)
        if shift == 0 and anchor.precision == "day":
            end = anchor.date
    else:  # week
        end = anchor.date - dt.timedelta(days=7 * shift)
        start = end - dt.timedelta(days=end.weekday())
        end = start + dt.timedelta(days=6)
        if shift == 0 and anchor.precision == "day":
            end = anchor.date  # "this week" has not happened beyond publication
    return _span(start=start, end=end, basis="relative", text=match.group())
