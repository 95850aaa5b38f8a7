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
import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

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


_ORDINAL_QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
_QUARTER = re.compile(
    r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|final)[\s-]quarter\s+(?:of\s+)?"
    r"(?P<year>(?:19|20)\d\d)\b|\bQ(?P<q>[1-4])\s*(?P<qyear>(?:19|20)\d\d)\b"
)
_DECADE = re.compile(r"\b(?:the\s+)?(?P<decade>(?:19|20)\d0)s\b")
_COMPARATIVE = re.compile(
    r"(?:\b(?:the|its|their|a|an)\s+(?:lowest|highest|most|fewest|least|biggest|largest|"
    r"smallest|worst|best|deadliest|strongest|weakest|fastest|slowest|sharpest|steepest)|"
    r"\bfirst time|\brecords?|\b(?:high|low)s?|\bnot seen)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:since|in)\s+(?:at least\s+)?$",
    re.IGNORECASE,
)
"""A comparison reaching back to a date ("the lowest since 1999", "a record high in
2008", "for the first time since 2011"): that date does not date the figure."""
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip


def _periods(text: str) -> list[_Month]:
    """Quarters ("the third quarter of 2023", "Q3 2023") and decades ("the 2010s")."""
    found: list[_Month] = []
    for match in _QUARTER.finditer(text):
        year = int(match.group("year") or match.group("qyear"))
        quarter = (
            int(match.group("q"))
            if match.group("q")
            else _ORDINAL_QUARTERS[match.group("nth").lower()]
        )
        first = dt.date(year, 3 * quarter - 2, 1)
        last_month = 3 * quarter
        last = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
        found.append(_Month(match.start(), match.end(), (year, None, None), days=(first, last)))
    for match in _DECADE.finditer(text):
        decade = int(match.group("decade"))
        found.append(
            _Month(
                match.start(),
                match.end(),
                (decade, None, None),
                days=(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31)),
            )
        )
    return found


_MONTH_ONLY = re.compile(
    r"\b(?:in|since|until|till|by|from|to|through|during|early|mid|late|last|this|of)[\s-]+"
    r"(?P<month>(?:(?:early|mid|late)[\s-]+)?(?P<name>January|February|March|April|May|June|"
    r"July|August|September|October|November|December))\b(?![\s,]*\d)"
)

MAX_DATE_DISTANCE = 8
"""A date further than this many words after a figure qualifies something else
("900 in Syria as part of the coalition formed in 2014")."""

# Clause boundaries inside a sentence: a date on the other side does not govern a figure.
_CLAUSE = re.compile(
    r"[;()\[\]]|\s-\s|--|,\s*(?:but|while|whereas|although|though|which|who|when|with|"
    r"after|before|as|and then|compared)\b|\b(?:but|while|whereas|as part of)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"(?:\b(?P<word>in|since|until|till|by|through|to|from|between|and|during|on|as of|of|"
    r"before|after|at|around|throughout|circa|c\.)\s+(?:the\s+)?(?:year\s+|end\s+of\s+|"
    r"start\s+of\s+|beginning\s+of\s+)?)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?P<now>right now|now|currently|today|at present|presently|at the moment|"
    r"as of now|so far|to date|as things stand|nowadays|there (?:are|is|remain))\b"
    r"|\b(?P<when>(?:earlier |later )?(?:this|last|past|previous) (?:year|month|week))\b"
    r"|\b(?P<yesterday>yesterday)\b"
    r"|\b(?P<ago>(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a) "
    r"(?P<unit>day|week|month|year)s? ago)\b"
    r"|\b(?:on |last |this |since )?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)(?:'s)?\b",
    re.IGNORECASE,
)
_SMALL = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip


class TimeResolver:
    """Resolves the time of each figure of one document (normalized text).

    Clause boundaries and relative-time words are found once per document; each figure
    then costs a few binary searches, so resolving stays linear in the text.
    """

    def __init__(self, text: str, anchor: Anchor) -> None:
        self.text = text
        self.anchor = anchor
        self.boundaries = [(m.start(), m.end()) for m in _CLAUSE.finditer(text)]
        self.boundary_ends = [end for _, end in self.boundaries]
        self.relatives = list(_RELATIVE.finditer(text))
        self.relative_starts = [m.start() for m in self.relatives]
        self.months = [
            _Month(m.start("month"), m.end(), (None, MONTHS[m.group("name").lower()], None))
            for m in _MONTH_ONLY.finditer(text)
        ]
        self.months = sorted([*self.months, *_periods(text)], key=lambda m: m.start)
        self.month_starts = [m.start for m in self.months]

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
        """
        text, anchor = self.text, self.anchor
        lo = bisect.bisect_left(self.month_starts, sentence[0])
        hi = bisect.bisect_left(self.month_starts, sentence[1])
        if lo < hi:  # bare months ("since January") the number layer does not report
            starts = [d.start for d in mentions]
            periods = [m for m in self.months[lo:hi] if m.days is not None]
            extra = [m for m in self.months[lo:hi] if not _overlaps(m, mentions, starts)]
            # A quarter or decade replaces the year mention inside it.
            mentions = [d for d in mentions if not any(p.start <= d.start < p.end for p in periods)]
            mentions = sorted(
                {id(m): m for m in [*mentions, *extra, *periods]}.values(), key=lambda d: d.start
            )
        if mentions:  # "the lowest since 1999": a date a comparison reaches back to
            mentions = [
                d for d in mentions if not _COMPARATIVE.search(text, max(0, d.start - 60), d.start)
            ]
        clause = self.clause(sentence, figure)
        starts = [d.start for d in mentions]
        first = bisect.bisect_left(starts, clause[0])
        dates = [m for m in mentions[first:] if m.end <= clause[1]]
        explicit = _governing(text, figure, dates, figures, clause)
        if explicit is not None:
            span = _explicit(text, explicit, dates, anchor)
            if span is not None:
                return span
        index = bisect.bisect_left(self.relative_starts, clause[0])
        if index < len(self.relatives) and self.relatives[index].end() <= clause[1]:
            relative = _relative(self.relatives[index], anchor)
            if relative is not None:
                return relative
        adverbial = _adverbial(text, figure, mentions, figures)
        if adverbial is not None:
            span = _explicit(text, adverbial, mentions, anchor)
            if span is not None:
                return span
        published = anchor.span()
        if published is None:
            return _span()
        return _span(start=published[0], end=published[1], basis="published")

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
        between = [f for f in figures[lo:hi] if f[1] <= date.start and f != figure]
        if not between or _coordinated(text, figure, between[0]):
            words = len(WORD.findall(text, figure[1], date.start))
            words -= sum(len(WORD.findall(text, f[0], f[1])) for f in between)
            if words <= MAX_DATE_DISTANCE:
                return date
    # A date that opens the clause: "In 2016, ...". Only the clause's first date can: any
    # later one has that date before it.
    first = dates[0]
    if first.end <= figure[0]:
        lead = text[clause[0] : first.start].strip().lower()
        if lead in ("", "in", "since", "by", "until", "during", "as of", "on", "from"):
            return first
    return None


def _coordinated(text: str, figure: tuple[int, int], other: tuple[int, int]) -> bool:
    """Figures joined by "and" share what follows: "caused X deaths and displaced Y until
    2017" dates both."""
    gap = text[figure[1] : other[0]]
    return bool(_AND.search(gap)) and not _BREAK.search(gap)


_AND = re.compile(r"\band\b")
_BREAK = re.compile(r"[,;:()]|\b(?:but|while|which|who)\b")
_ADVERBIAL = frozenset("in since until till to by during through from on as of throughout".split())


def _adverbial(
    text: str,
    figure: tuple[int, int],
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
) -> DateMention | None:
    """The nearest date of the sentence used as a time adverbial ("in 2016", "to 2011"),
    with no other figure between it and the figure: the sentence's time."""
    # Dates are in text order: the nearest adverbial one before the figure and the
    # nearest after it are the only candidates (a farther one has at least the same
    # figures between).
    split = bisect.bisect_left([d.start for d in dates], figure[0])
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
        if any(f[1] <= high and f != figure for f in figures[index : index + 2]):
            continue
        distance = high - low
        if best is None or distance < best_distance:
            best, best_distance = date, distance
    return best


def _is_adverbial(text: str, date: DateMention) -> bool:
    lead = text[max(0, date.start - 12) : date.start].split()
    return bool(lead) and lead[-1].lower() in _ADVERBIAL


def _explicit(
    text: str, date: DateMention, dates: Sequence[DateMention], anchor: Anchor
) -> TimeSpan | None:
    span = _mention_span(text, date, anchor)
    if span is None:
        return None
    lead = _LEAD.search(text, max(0, date.start - 30), date.start)
    word = lead.group("word").lower() if lead else ""
    start: dt.date | None
    end: dt.date | None
    start, end = span
    first = lead.start() if lead else date.start
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
        end = published[1] if published else None
    elif word in ("until", "till", "by", "through", "to", "before"):
        start = None
        if word == "before":
            end = span[0] - dt.timedelta(days=1)
    elif word == "after":
        start, end = span[1] + dt.timedelta(days=1), None
    if start is not None and end is not None and start > end:
        start, end = end, start  # "since 2007" in an article published in 2005
    return _span(start=start, end=end, basis="explicit", text=_text(text, first, date.end))


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
    if month is not None and day is None:
        if "mid" in words:
            start = end = start.replace(day=15)
        elif "early" in words:
            end = start.replace(day=10)
        elif "late" in words:
            start = end.replace(day=21)
    elif month is None and day is None:
        if "mid" in words:
            start, end = dt.date(year, 5, 1), dt.date(year, 8, 31)
        elif "early" in words:
            end = dt.date(year, 4, 30)
        elif "late" in words:
            start = dt.date(year, 9, 1)
    return start, end


def _interval(year: int, month: int | None, day: int | None) -> tuple[dt.date, dt.date]:
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day), dt.date(year, month, day)


def _relative(match: re.Match[str], anchor: Anchor) -> TimeSpan | None:
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
        if words in ("so far", "to date"):
            return _span(start=None, end=published[1], basis="relative", text=match.group())
        return _span(start=published[0], end=published[1], basis="relative", text=match.group())
    year, month = anchor.date.year, anchor.date.month
    shift = 0 if "this" in words else 1
    if words.endswith("year"):
        start, end = _interval(year - shift, None, None)
    elif words.endswith("month"):
        month -= shift
        if month == 0:
            year, month = year - 1, 12
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
