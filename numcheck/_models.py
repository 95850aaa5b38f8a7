"""The public data model: Article, Claim, TimeSpan, Discrepancy and Report.

These pydantic models are the JSON contract other tools read. Field names and meanings
are fixed (see ``docs/data-model.md``); new fields may be added, none renamed or
repurposed. Dates serialize as ISO strings and ``null`` means unknown or unbounded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import math
import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    computed_field,
    field_serializer,
    field_validator,
    model_validator,
)

if TYPE_CHECKING:
    import pandas as pd

Qualifier = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
"""How the wording bounds a figure: see ``docs/data-model.md`` for one example each."""

Basis = Literal["explicit", "relative", "published", "unknown"]
"""Where a claim's time comes from."""

Verdict = Literal["conflict", "change", "regression", "update", "disputed"]
Severity = Literal["error", "warning", "info"]
Statistic = Literal["level", "running_total", "flow", "rate", "share", "change"]
"""What kind of statistic a figure is: a level at a time ("2,500 troops"), a running total
counted to an as-of date ("31 attacks since 17 October"), a flow over a period ("55 deaths
in the past 24 hours"), a rate ("inflation of 4.9%"), a share of a whole ("45% of voters")
or a change ("rose by 5%")."""
Period = Literal["day", "week", "month", "quarter", "year"]
Precision = Literal["day", "month", "year"]
Kind = Literal["level", "change"]
Direction = Literal["up", "down"]


@dataclass(frozen=True)
class SeverityInfo:
    """How a severity reads and is reported, in every format."""

    rank: int
    """Sort order, most severe first (0)."""
    word: str
    """The word in reports (``error``); upper case in the terminal's finding lines."""
    mark: str
    """The mark before a finding in the terminal report."""
    colour: str
    """Its colour in HTML cards and plots (``#rrggbb``)."""
    ansi: str
    """Its colour on a terminal: the SGR parameters (``1;31`` is bold red)."""
    sarif: str
    """The SARIF 2.1.0 ``level`` (``error``, ``warning``, ``note``)."""
    github: str
    """The GitHub Actions workflow command (``error``, ``warning``, ``notice``)."""
    counted: str
    """The word after a count in summaries (``3 error(s)``)."""


SEVERITIES: dict[str, SeverityInfo] = {
    "error": SeverityInfo(0, "error", "✖", "#c62828", "1;31", "error", "error", "error(s)"),
    "warning": SeverityInfo(1, "warning", "▲", "#e65100", "33", "warning", "warning", "warning(s)"),
    "info": SeverityInfo(2, "info", "·", "#1565c0", "36", "note", "notice", "info"),
}
"""The one table of severities, most severe first, beside :data:`VERDICTS`: every
renderer reads its words, marks, colours and levels here (a new severity is one entry
here and one in :data:`Severity`)."""

SEVERITY_RANK: dict[str, int] = {name: info.rank for name, info in SEVERITIES.items()}
"""Sort order of severities, most severe first (from :data:`SEVERITIES`)."""


@dataclass(frozen=True)
class VerdictInfo:
    """How a verdict reads: the words that end its explanations, its colour in plots
    (``None``: not marked) and whether it is a disagreement."""

    means: str
    colour: str | None
    disagreement: bool
    """Whether the two figures contradict each other (a conflict, a regression, a dispute),
    as opposed to describing a change or an update."""


VERDICTS: dict[str, VerdictInfo] = {
    "conflict": VerdictInfo("a conflict", "#d62728", True),
    "disputed": VerdictInfo("a disputed figure", "#9467bd", True),
    "regression": VerdictInfo("a regression", "#ff7f0e", True),
    "update": VerdictInfo("an update, not a contradiction", "#2ca02c", False),
    "change": VerdictInfo("a change over time, not a contradiction", None, False),
}
"""The one table of verdicts, read by the engine, the explanations, the renderers and the
plots: a new verdict is one entry here (and one in :data:`Verdict`)."""

PUBLISHED_MIN, PUBLISHED_MAX = dt.date(1000, 1, 1), dt.date(8999, 12, 31)
"""Publication dates outside these are refused: "now", "last year" and time windows are
computed from them, and a CMS placeholder such as 0001-01-01 is no publication date."""


def published_problem(day: dt.date) -> str | None:
    """Why ``day`` cannot be a publication date, or ``None`` if it can."""
    if PUBLISHED_MIN <= day <= PUBLISHED_MAX:
        return None
    return (
        f"publication date {day.isoformat()} is outside the years "
        f"{PUBLISHED_MIN.year}-{PUBLISHED_MAX.year} numcheck reads "
        "(a placeholder for a missing date? leave it out)"
    )


SCHEMA_VERSION = "1.1"
"""The version of the JSON contract a :class:`Report` follows (``Report.schema_version``).
1.0 was the contract before the field existed; a version that adds fields raises the
minor number."""

UNKNOWN = "?"
"""Stands for an unknown part of a measure key."""


def _number_out(value: float | None) -> float | int | None:
    """Serialize integral floats as JSON integers (``2500`` rather than ``2500.0``)."""
    if value is not None and math.isfinite(value) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


class NumcheckError(ValueError):
    """Base class of numcheck's errors about bad input (files, rules, word lists)."""


LONE_SURROGATE = re.compile("[\ud800-\udfff]")
"""A UTF-16 surrogate code point alone in a str: not Unicode text, not writable as UTF-8."""


def valid_unicode(value: Any) -> Any:
    """``value`` with lone surrogates replaced by U+FFFD, in strings, lists and dicts.

    A lone surrogate (from a ``\\ud800`` JSON escape or a file name that is not UTF-8)
    cannot be written as UTF-8, so one would fail the JSON of a whole report. The
    replacement is one code point for one, so offsets into a text stay valid.

    >>> valid_unicode("a" + chr(0xD800) + "b")
    'a\ufffdb'
    """
    if type(value) is str:
        return (
            value
            if value.isascii() or not LONE_SURROGATE.search(value)
            else LONE_SURROGATE.sub("\ufffd", value)
        )
    if isinstance(value, dict):
        return {valid_unicode(k): valid_unicode(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [valid_unicode(v) for v in value]
    return value


def _valid_fields(data: Any, info: ValidationInfo) -> Any:
    """A model's raw input with :func:`valid_unicode` applied to its values.

    Input parsed from JSON text (``model_validate_json``) is left as it is: the JSON
    parser refuses a lone surrogate escape, so its strings are valid Unicode already
    (this is the hot path of the ledger, which reads its stored claims as JSON).
    """
    if not isinstance(data, dict) or info.mode == "json":
        return data
    return {key: valid_unicode(value) for key, value in data.items()}


_FIELDS_SETS: dict[frozenset[str], set[str]] = {}
_ModelT = TypeVar("_ModelT", bound=BaseModel)


def share_fields_set(model: _ModelT) -> _ModelT:
    """``model`` sharing its set of set-field names with equal instances (see
    :meth:`_Model.model_post_init`): for copies, which get a set of their own."""
    names = model.__pydantic_fields_set__
    shared = _FIELDS_SETS.setdefault(frozenset(names), names)
    object.__setattr__(model, "__pydantic_fields_set__", shared)
    return model


class _Model(BaseModel):
    # Attribute docstrings are the fields' descriptions in the JSON Schema
    # (``numcheck schema``): every field of every model has one. Fields with defaults
    # are always written, so the schema of the output requires them.
    model_config = ConfigDict(
        extra="ignore",
        frozen=True,
        use_attribute_docstrings=True,
        json_schema_serialization_defaults_required=True,
    )

    def model_post_init(self, context: Any, /) -> None:
        """Share the bookkeeping of which fields were set among equal instances.

        pydantic keeps a set of field names per instance (700 bytes for a claim); models
        here are frozen, and copies get their own set, so instances with the same names
        can share one. At 10^6 claims this is 0.7 GB.
        """
        names = self.__pydantic_fields_set__
        shared = _FIELDS_SETS.setdefault(frozenset(names), names)
        object.__setattr__(self, "__pydantic_fields_set__", shared)


class Article(_Model):
    """One news article: its text exactly as read and its metadata.

    >>> Article(id="a1", text="About 900 troops.", published="2024-01-29").published
    datetime.date(2024, 1, 29)
    """

    id: str
    """The article's id: front matter ``id``, else the file stem; ``STEM-LINE`` for a
    JSON Lines article without one."""
    text: str
    """The body exactly as read (after the front matter; a UTF-8 BOM is dropped). All
    offsets refer to it."""
    published: dt.date | None = None
    """The publication date (years 1000 to 8999): anchors "now", "last year" and the
    present tense. ``null``: unknown."""
    title: str | None = None
    """The title, from front matter (a Markdown file's first ``# heading`` by default)."""
    source: str | None = None
    """The outlet that published it, from front matter."""
    url: str | None = None
    """Where it was published, from front matter."""
    path: str | None = None
    """Where it was read from: ``file``, or ``file:line`` for JSON Lines."""
    published_precision: Precision = "day"
    """How precisely ``published`` is known: front matter ``published: 2021-03`` gives
    ``2021-03-01`` with precision ``month``; "now" then means that whole month."""
    meta: dict[str, Any] = Field(default_factory=dict)
    """Other front-matter keys, kept as read (provenance notes and the like)."""
    body_line: int | None = Field(None, ge=1)
    """*Extension*: the line of the file on which ``text`` starts (1 without front
    matter; the line after the closing ``---``/``+++`` with it); ``None`` when the text
    is not a file's (JSON Lines, Python). Claims' ``line``/``column`` are counted from it."""

    @model_validator(mode="before")
    @classmethod
    def _unicode(cls, data: Any, info: ValidationInfo) -> Any:
        return _valid_fields(data, info)

    @field_validator("published")
    @classmethod
    def _published_in_range(cls, value: dt.date | None) -> dt.date | None:
        problem = value and published_problem(value)
        if problem:
            raise ValueError(problem)
        return value


class TimeSpan(_Model):
    """When a claim holds: a closed date interval and where it comes from.

    ``start``/``end`` are inclusive; ``None`` is unbounded (``until 2017`` has no start)
    or unknown (``basis == "unknown"``).
    """

    start: dt.date | None = None
    """The first day the claim holds for (inclusive); ``null``: unbounded or unknown."""
    end: dt.date | None = None
    """The last day the claim holds for (inclusive); ``null``: unbounded or unknown."""
    basis: Basis = "unknown"
    """Where the time comes from: ``explicit`` (a date in the text), ``relative`` ("now",
    "last year", anchored on the publication date), ``published`` (no time words: the
    publication date) or ``unknown`` (no date and no publication date)."""
    text: str | None = None
    """The words that set the time ("in 2016", "now"), or ``None``."""

    @model_validator(mode="before")
    @classmethod
    def _basis(cls, data: Any, info: ValidationInfo) -> Any:
        """Dates given without a ``basis`` (or with ``null``) are ``explicit``: they were
        stated, not guessed; without dates a missing basis is ``unknown``."""
        data = _valid_fields(data, info)
        if isinstance(data, dict) and data.get("basis") is None:
            dated = data.get("start") is not None or data.get("end") is not None
            data = {**data, "basis": "explicit" if dated else "unknown"}
        return data

    @property
    def known(self) -> bool:
        return self.basis != "unknown" and (self.start is not None or self.end is not None)

    def label(self) -> str:
        """A short human label: ``2016``, ``2007-11``, ``2024-01-06``, ``until 2017``."""
        if not self.known:
            return "unknown time"
        return _span_label(self.start, self.end)


def _month_end(day: dt.date) -> bool:
    """``day`` is the last day of its month (no date arithmetic: safe at ``date.max``)."""
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _span_label(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is not None:
        if (end.month, end.day) == (12, 31):
            return f"until {end.year}"
        if _month_end(end):
            return f"until {end.year}-{end.month:02d}"
        return f"until {end.isoformat()}"
    if end is None and start is not None:
        if (start.month, start.day) == (1, 1):
            return f"since {start.year}"
        return f"since {start.isoformat()}"
    assert start is not None and end is not None
    if start == end:
        return start.isoformat()
    if start.day == 1 and _month_end(end):
        if start.month == 1 and end.month == 12:
            if start.year == end.year:
                return str(start.year)
            return f"{start.year}–{end.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.year}-{start.month:02d}"
    return f"{start.isoformat()} – {end.isoformat()}"


class Claim(_Model):
    """One figure stated in one article, with its frame and the interval it asserts.

    ``text == article_text[start:end]``; ``low``/``high`` are the interval the wording
    asserts before any tolerance (``None`` is unbounded). ``value`` is the figure as
    stated (``None`` for ranges and vague amounts); when only ``value`` is given,
    ``low`` and ``high`` default to it, and ``key`` defaults to ``unit|subject|location``.

    >>> c = Claim(article="a", text="2,500", value=2500, unit="troops", subject="US",
    ...           location="Iraq")
    >>> (c.low, c.high, c.key)
    (2500.0, 2500.0, 'troops|US|Iraq')
    """

    article: str
    """The id of the article that states the figure."""
    start: int | None = None
    """Offset of the figure's first character in the article text; ``null`` for claims
    given without text."""
    end: int | None = None
    """Offset just after the figure (end-exclusive): ``text == article_text[start:end]``;
    ``null`` for claims given without text."""
    text: str = ""
    """The figure phrase as written, qualifier included: ``roughly 2,500``."""
    sentence: str = ""
    """The sentence the figure stands in, as written."""
    value: float | None = None
    """The figure as stated; ``null`` for ranges and vague amounts."""
    low: float | None = None
    """The lower end of the interval the wording asserts, before any tolerance;
    ``null``: unbounded."""
    high: float | None = None
    """The upper end of the interval the wording asserts, before any tolerance;
    ``null``: unbounded."""
    qualifier: Qualifier = "exact"
    """How the wording bounds the figure: ``exact``, ``approx`` ("roughly"),
    ``at_least``, ``more_than``, ``at_most``, ``less_than``, ``range`` or ``vague``
    ("thousands")."""
    unit: str | None = None
    """The canonical name of what is counted or measured (``troops``, ``percent``,
    ``USD``); ``null``: unknown."""
    subject: str | None = None
    """The canonical actor whose figure it is (``US``); ``null``: unknown."""
    location: str | None = None
    """The canonical place (``Iraq``; several joined with ``+``: ``Iraq+Syria``);
    ``null``: unknown."""
    time: TimeSpan = Field(default_factory=TimeSpan)
    """When the figure holds."""
    key: str = ""
    """The measure key that decides which claims are compared: ``measure|subject|location``
    with ``?`` for an unknown part (``troops|US|Iraq``)."""
    # -- extensions of the contract -------------------------------------------------
    modifier: str | None = None
    """The qualifier word as written, normalized ("about", "nearly", "at least")."""
    kind: Kind = "level"
    """``change`` for figures about a change ("rose by 5%", "another 1,500"), which are
    never compared with levels."""
    direction: Direction | None = None
    """For a change: ``up`` ("another 1,500", "rose by 5%", "+0.3%") or ``down`` ("down 3
    points", "-1.1%", whose value is then 1.1). A rate read from a change's wording
    ("prices rose 0.3% on the month") is a level that keeps the direction its words give."""
    anchor: dt.date | None = None
    """The publication date relative times were anchored on, if any."""
    source: str | None = None
    """The outlet of the article, for provenance."""
    measure: str | None = None
    """What is measured when the unit does not say it: ``inflation`` for "inflation of
    4.9%" (unit ``percent``), ``turnout`` for "turnout of 67%". ``None``: the unit is the
    measure (``troops``). The key's first part is the measure."""
    statistic: Statistic | None = None
    """What kind of statistic the figure is (see :data:`Statistic`); ``None``: unknown,
    compared as a level."""
    period: Period | None = None
    """For a flow: the period it counts over ("in the past 24 hours" is a ``day``)."""
    as_of: dt.date | None = None
    """For a running total: the day it is counted to ("since 17 October" in an article of
    4 January: 4 January)."""
    event: str | None = None
    """The incident a figure belongs to, normalized ("drone attack 2024-01-28", "war"):
    a toll is compared only with tolls of the same event."""
    attribution: str | None = None
    """Who says it ("Gaza health ministry", "Pentagon"), as normalized by the lexicon."""
    line: int | None = Field(None, ge=1)
    """The 1-based line of the figure's first character in the file as read (front
    matter counted; lines end at LF, CRLF or CR); ``None`` when unknown (claims of
    ``--claims`` files, of JSON Lines articles)."""
    column: int | None = Field(None, ge=1)
    """The 1-based column of the figure's first character on that line, in characters
    (Unicode code points; a UTF-8 byte-order mark is not counted); ``None`` when unknown."""

    @model_validator(mode="before")
    @classmethod
    def _defaults(cls, data: Any, info: ValidationInfo) -> Any:
        if not isinstance(data, dict):
            return data
        # ``null`` means unknown: a field that cannot hold None gets its default.
        data = {k: v for k, v in data.items() if v is not None or k not in _NOT_NULLABLE}
        data = _valid_fields(data, info)
        value = data.get("value")
        if value is not None and data.get("qualifier", "exact") in ("exact", "approx"):
            for bound in ("low", "high"):
                if data.get(bound) is None:
                    data[bound] = value
        return data

    @model_validator(mode="after")
    def _check(self) -> Claim:
        if not self.key:  # after validation: unit, subject and location are strings or None
            key = measure_key(self.measure or self.unit, self.subject, self.location)
            object.__setattr__(self, "key", sys.intern(key))  # one string per key
        if (self.start is None) != (self.end is None):
            raise ValueError("start and end must both be given or both be null")
        if self.start is not None and self.end is not None and not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets start={self.start} end={self.end}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"low {self.low} is above high {self.high}")
        for name in ("value", "low", "high"):
            number = getattr(self, name)
            if number is not None and not math.isfinite(number):
                raise ValueError(f"{name} must be a finite number (null means unbounded)")
        return self

    @field_serializer("value", "low", "high")
    def _ser_number(self, value: float | None) -> float | int | None:
        return _number_out(value)

    @property
    def id(self) -> str:
        """A stable identifier: ``article:start-end`` (or ``article:text`` without offsets)."""
        if self.start is None:
            return f"{self.article}:{self.text}"
        return f"{self.article}:{self.start}-{self.end}"

    def describe(self) -> str:
        """The figure and its frame in a few words: ``roughly 2,500 troops (US, Iraq)``."""
        frame = ", ".join(x for x in (self.subject, self.location) if x)
        what = f"{self.text or _number_out(self.value)} {self.unit or ''}".strip()
        return f"{what} ({frame})" if frame else what

    def __repr__(self) -> str:
        """One line: figure, interval, unit, key, time, provenance (``str()`` is unchanged).

        >>> Claim(article="a", start=10, end=23, text="roughly 2,500", value=2500,
        ...       qualifier="approx", unit="troops", subject="US", location="Iraq")
        Claim('roughly 2,500' = approx 2,500 troops, key=troops|US|Iraq, time=unknown time,
              at=a:10-23)
        """
        from ._report import _interval

        figure = f"{self.text!r} = " if self.text else ""
        qualifier = "" if self.qualifier == "exact" else f"{self.qualifier} "
        unit = f" {self.unit}" if self.unit else ""
        return (
            f"Claim({figure}{qualifier}{_interval(self)}{unit}, key={self.key}, "
            f"time={self.time.label()}, at={self.id})"
        )

    def _repr_html_(self) -> str:
        """A card in notebooks: the figure highlighted in its sentence (HTML-escaped)."""
        from ._html import claim_html

        return claim_html(self)


_NOT_NULLABLE = frozenset(
    name
    for name, field in Claim.model_fields.items()
    if not field.is_required() and field.get_default(call_default_factory=True) is not None
)
"""Claim fields with a default that is not ``None`` (``text``, ``sentence``, ``qualifier``,
``time``, ``key``, ``kind``): ``null`` there stands for the default."""


def measure_key(unit: str | None, subject: str | None, location: str | None) -> str:
    """The key that decides which claims are compared: ``measure|subject|location``.

    The measure is the unit for counted things (``troops``) and the base unit of the
    family for physical and money units, so that convertible claims meet (``km`` and
    ``mi`` both give ``m``; each currency is its own family). Unknown parts are ``?``;
    claims are only compared within the same key.

    >>> measure_key("troops", "US", None), measure_key("mi", None, "Iraq")
    ('troops|US|?', 'm|?|Iraq')
    """
    return "|".join(part or UNKNOWN for part in (_measure(unit), subject, location))


def _measure(unit: str | None) -> str | None:
    if unit is None:
        return None
    # Imported here: both modules import this one.
    from ._lexicon import default_lexicon
    from ._units import unit_info

    if unit in default_lexicon().units:
        return unit
    info = unit_info(unit)
    return info.base if info is not None else unit


FINGERPRINT_LENGTH = 16
"""Hex digits of a discrepancy's fingerprint."""


def fingerprint(discrepancy: Discrepancy) -> str:
    """A stable id of a discrepancy, for acknowledging it.

    It depends on the key, the verdict and each claim's article, offsets and text, and
    not on the order of the claims, the ledger or the run:

    >>> from numcheck import Claim, Discrepancy
    >>> a = Claim(article="x", start=0, end=5, text="2,500", value=2500, unit="troops")
    >>> b = Claim(article="y", start=9, end=14, text="5,000", value=5000, unit="troops")
    >>> d = Discrepancy(key=a.key, verdict="conflict", severity="error", claims=(a, b),
    ...                 rule="troops/conflict", explanation="")
    >>> fingerprint(d) == fingerprint(d.model_copy(update={"claims": (b, a)}))
    True
    >>> len(fingerprint(d)), d.fingerprint == fingerprint(d)
    (16, True)
    """
    parts = sorted(((c.article, c.start, c.end, c.text) for c in discrepancy.claims), key=_order)
    data = json.dumps([discrepancy.key, discrepancy.verdict, parts], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def _order(part: tuple[str, int | None, int | None, str]) -> tuple[object, ...]:
    """Sort key of a claim's (article, start, end, text): as the tuples sort, with a claim
    without offsets before one with them in the same article (None and int do not sort)."""
    article, start, end, text = part
    return (article, start is not None, start or 0, end is not None, end or 0, text)


class Discrepancy(_Model):
    """Two claims about the same measure that disagree, and why."""

    key: str
    """The measure key both claims share (unknown parts resolved)."""
    verdict: Verdict
    """``conflict``, ``disputed``, ``regression``, ``update`` or ``change``."""
    severity: Severity
    """``error``, ``warning`` or ``info``, as the rules set it."""
    claims: tuple[Claim, Claim]
    """The two claims, earlier time first."""
    rule: str
    """The rule applied, ``MEASURE/CHECK``: ``troops/conflict``, ``default/change``."""
    explanation: str
    """Plain sentences: both figures, their sources and times, the ratio, the rule."""
    # -- extensions ---------------------------------------------------------------
    ratio: float | None = None
    """The second figure divided by the first (midpoints of their intervals)."""
    same_article: bool = False
    """Both claims come from one article."""
    support: tuple[int, int] = (1, 1)
    """How many claims state each figure (same interval, same time); the first of each
    by time, article and position is the one in ``claims``."""

    @computed_field  # type: ignore[prop-decorator]
    @property
    def fingerprint(self) -> str:
        """*Extension*: the stable id of this finding (see :func:`fingerprint`), shown by
        every format and used by ``numcheck ledger ack``."""
        return fingerprint(self)

    def __repr__(self) -> str:
        first, second = self.claims
        return (
            f"Discrepancy({self.verdict}, {self.severity}, key={self.key}, rule={self.rule}: "
            f"{first!r} vs {second!r})"
        )

    def _repr_html_(self) -> str:
        """A card in notebooks: severity colour, both sentences side by side, the reason."""
        from ._html import discrepancy_html

        return discrepancy_html(self)


class InputError(_Model):
    """An input that could not be read; the rest of the batch goes on without it."""

    path: str
    """The input: a file, ``file:line`` for a line of JSON Lines or CSV, or an article id."""
    message: str
    """What is wrong with it, in one line."""

    @model_validator(mode="before")
    @classmethod
    def _unicode(cls, data: Any, info: ValidationInfo) -> Any:
        return _valid_fields(data, info)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class Report(_Model):
    """The result of :func:`numcheck.check`: articles, their claims, the discrepancies."""

    articles: list[Article] = Field(default_factory=list)
    """The articles read."""
    claims: list[Claim] = Field(default_factory=list)
    """Every claim: extracted from the articles, then given (``--claims``)."""
    discrepancies: list[Discrepancy] = Field(default_factory=list)
    """The discrepancies found, most severe first, then by key."""
    errors: list[InputError] = Field(default_factory=list)
    """Inputs that could not be read (extension; empty when all went well)."""
    schema_version: str = SCHEMA_VERSION
    """The version of this JSON contract (extension): ``1.1``. The minor number grows
    when fields are added; no field is ever renamed or repurposed."""

    def to_json(self, *, indent: int | None = 2, include_text: bool = True) -> str:
        """The report as JSON; ``include_text=False`` leaves out article bodies."""
        exclude: Any = None if include_text else {"articles": {"__all__": {"text"}}}
        return self.model_dump_json(indent=indent, exclude=exclude)

    @property
    def worst(self) -> Severity | None:
        """The most severe verdict's severity, or ``None`` without discrepancies."""
        if not self.discrepancies:
            return None
        return min((d.severity for d in self.discrepancies), key=SEVERITY_RANK.__getitem__)

    def claims_frame(self) -> pd.DataFrame:
        """The claims as a pandas DataFrame: one row per claim, one column per field.

        Needs ``pip install 'numcheck[notebook]'``; column types in ``docs/notebook.md``.
        """
        from ._frames import claims_frame

        return claims_frame(self.claims)

    def discrepancies_frame(self) -> pd.DataFrame:
        """The discrepancies as a pandas DataFrame: one row each, one column per field."""
        from ._frames import discrepancies_frame

        return discrepancies_frame(self.discrepancies)

    def __repr__(self) -> str:
        counts = ", ".join(
            f"{sum(d.severity == s for d in self.discrepancies)} {s}" for s in SEVERITY_RANK
        )
        errors = f", {len(self.errors)} unreadable input(s)" if self.errors else ""
        return (
            f"Report({len(self.articles)} article(s), {len(self.claims)} claim(s), "
            f"{len(self.discrepancies)} discrepancies: {counts}{errors})"
        )

    def _repr_html_(self) -> str:
        """The report in notebooks: a card per discrepancy, then claims and articles."""
        from ._html import report_html

        return report_html(self)


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a :class:`Report` as numcheck writes it
    (``numcheck check --format json``, :meth:`Report.to_json`); ``numcheck schema``
    prints it. Every property of every model has a description.

    >>> schema = report_schema()
    >>> schema["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    True
    """
    schema = _plain_descriptions(Report.model_json_schema(mode="serialization"))
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"numcheck Report, schema version {SCHEMA_VERSION}",
        **{key: value for key, value in schema.items() if key != "title"},
    }


def _plain_descriptions(node: Any) -> Any:
    """The schema with its descriptions (docstrings) as plain text: one line per
    paragraph, Markdown code marks, without the Python examples."""
    if isinstance(node, list):
        return [_plain_descriptions(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _plain_descriptions(value) for key, value in node.items()}
    text = out.get("description")
    if isinstance(text, str):
        paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
        kept = [p.replace("``", "`") for p in paragraphs if p and not p.startswith(">>>")]
        out["description"] = "\n\n".join(kept)
    return out
