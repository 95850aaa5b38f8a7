"""What kind of statistic a figure is and the incident it belongs to.

Part of stage 4 (framing). Each reading is a table of small named rules tried in order
on the figure's clause; the first that applies decides:

- the statistic (see ``Statistic`` in the models): a change, a count per period ("55 a
  day", "in the past 24 hours"), a rate's horizon ("0.3% month on month"), a running total
  ("since 17 October", "so far", "the toll"), else what the measure is by default in the
  taxonomy (``statistic`` in ``measures.toml``), else a share for a percentage, else a
  level;
- the event: an incident named next to a toll ("killed in a strike on a market", "the
  blast injured 26"), with its date when the clause gives one.

Who says a figure is read by :mod:`numcheck._attribution`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property

from ._clean import Gate, Scope, fold
from ._langpack import LANG, PackModel, alternation, cover, load_pack
from ._models import Period, Statistic, TimeSpan


class _Periods(PackModel):
    per: list[str]
    per_units: list[Period]
    per_not_followed_by: list[str]
    adverbs: dict[str, Period]
    past_leads: list[str]
    past: list[str]
    spans: dict[str, Period]
    past_adverbs: dict[str, Period]


class _Words(PackModel):
    totals: list[str]
    went_home: list[str]
    moved: list[str]
    part_of: list[str]
    output: list[str]
    forecast: list[str]
    target: list[str]
    struck: list[str]
    still_to_come: list[str]
    now: list[str]
    saying: list[str]
    those: list[str]
    continuing: list[str]


class _Incidents(PackModel):
    modifiers: list[str]
    nouns: list[str]
    open_fire: list[str]
    launch_verbs: list[str]
    weapons: list[str]
    violence: list[str]
    plural_modifiers: list[str]
    violence_plurals: list[str]
    violence_verbs: list[str]
    aliases: dict[str, str]


class StatisticWords(PackModel):
    """The shape of the statistic reader's language pack (every key required)."""

    periods: _Periods
    words: _Words
    incidents: _Incidents


PACK = LANG / "statistic.toml"
"""The language pack of the statistic and incident reader."""
_EN = load_pack(StatisticWords, PACK)
_P, _W, _I = _EN.periods, _EN.words, _EN.incidents


def _any(words: Iterable[str]) -> str:
    """A non-capturing alternation of ``words`` (see :func:`numcheck._langpack.alternation`)."""
    return f"(?:{alternation(words)})"


_PERIOD_WORDS: dict[str, Period] = {
    **{unit: unit for unit in _P.per_units},
    **_P.adverbs,
    **_P.spans,
    **_P.past_adverbs,
}
"""The words of a period a count is per or over -> the period."""

_PER = Gate(
    re.compile(
        rf"\b{_any(_P.per)}\s+(?P<p>{alternation(_P.per_units)})\b"
        rf"(?!\s+{_any(_P.per_not_followed_by)}\b)"
        rf"|\b(?P<q>{alternation(_P.adverbs)})\b",
        re.IGNORECASE,
    ),
    *cover(_P.per_units, _P.adverbs),
)
_PAST_PERIOD = Gate(
    re.compile(
        rf"\b{_any(_P.past_leads)}\s+(?:the\s+)?{_any(_P.past)}\s+"
        rf"(?P<p>{alternation(_P.spans)})\b|\b(?P<q>{alternation(_P.past_adverbs)})\b",
        re.IGNORECASE,
    ),
    *cover(_P.past, _P.past_adverbs),
)
_RATE_HORIZON = Gate(
    re.compile(
        r"\b(?P<month>month[\s-]on[\s-]month|from the previous month|on the month|"
        r"in (?:a single|one) month|over the (?:past |last )?month|in the (?:past|last) month|"
        r"month[\s-]over[\s-]month|(?:on )?a monthly basis|m/m)\b|"
        r"\b(?P<quarter>quarter[\s-]on[\s-]quarter|"
        r"on the quarter|quarter[\s-]over[\s-]quarter|q/q)\b|\b(?P<year>year[\s-]on[\s-]year|"
        r"annual|annually|a year earlier|in the (?:year|12 months) to|year[\s-]over[\s-]year|"
        r"y/y|12-month|(?:over|across) the (?:past |last )?(?:year|12 months)|on the year)\b",
        re.IGNORECASE,
    ),
    *"month m/m quarter q/q year annual y/y".split(),
)
"""(``monthly`` is found by ``month``.)"""
_TOTAL = Gate(
    re.compile(rf"\b{_any(_W.totals)}\b", re.IGNORECASE),
    *cover(_W.totals),
)
_INCIDENT = re.compile(
    rf"\b(?P<head>{_any(_I.open_fire)}\s+fire|(?:{_any(_I.modifiers)}\s+)?{_any(_I.nouns)})"
    rf"\b(?!-)|\b{_any(_I.launch_verbs)}\s+(?:[\w-]+\s+){{0,3}}?"
    rf"(?P<weapon>{alternation(_I.weapons)})\s+(?:at|on|into|towards?)\b",
    re.IGNORECASE,
)
_INCIDENTS = re.compile(
    rf"\b(?P<head>(?:{_any(_I.plural_modifiers)}\s+)?{_any(_I.violence_plurals)}|"
    rf"{alternation(_I.violence_verbs)})\b",
    re.IGNORECASE,
)
"""Incidents named in the plural ("the strikes on Oct. 17 and 18") or by a verb ("stormed
southern Israel on Oct. 7, killing 1,400"): an incident only when the clause dates them
to a day or two; undated, they are a campaign ("injured in attacks since October")."""
VIOLENCE = tuple(_I.violence)
"""The nouns of one violent incident ("the blast", "the attack"): one kind, told apart by
its day."""
_INCIDENT_TYPES = {
    # Violence: one incident is called an attack, a strike, a blast or a shooting by
    # different outlets; its day tells incidents apart.
    **dict.fromkeys((*VIOLENCE, *_I.violence_verbs, *_I.violence_plurals), "attack"),
    # weapons sent at a target ("sent swarms of drones at US bases"): an attack
    **dict.fromkeys(_I.weapons, "attack"),
    **_I.aliases,
}
_THOSE = re.compile(rf"\b{_any(_W.those)}\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_CONTINUED = re.compile(rf"\b{_any(_W.continuing)}\s*$", re.IGNORECASE)
"""A clause that continues the one before it: "the strike on Tower 22, which killed
three", "112 were killed ..., with 760 wounded": the incident is the one before."""
_NOW = re.compile(rf"\b(?:{alternation(_W.now)}|there (?:are|is))\b", re.IGNORECASE)
"""Words of the present: the day they give is no incident's day."""
_SAYING = re.compile(rf"\b{_any(_W.saying)}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    """How a figure reads beyond its frame."""

    statistic: Statistic
    period: Period | None = None
    as_of: dt.date | None = None
    event: str | None = None


@dataclass
class Context:
    """What the rules read: the clause around the figure, split at the figure. (Read,
    never changed: not frozen only because a frozen dataclass is three times slower to
    build, and one is built for every figure.)"""

    before: str
    after: str
    clause: str
    """The clause around the figure; ``before`` and ``after`` are its parts on either
    side of the figure."""
    kind: str
    unit: str | None
    measure: str | None
    default: str | None
    time: TimeSpan
    published: dt.date | None
    counted: bool = True
    """The unit is a counted measure of the taxonomy (not a physical or money unit)."""
    reported: dt.date | None = None
    """The day the figure was reported ("the Pentagon said on Tuesday"), when known."""
    event: str | None = None
    """The incident the figure is tied to (see :func:`read_event`)."""

    scope: Scope | None = field(default=None, repr=False, compare=False)
    """The text the clause is part of (its sentence), when the caller has it: a gate it
    excludes is not run on the figure's phrases (see :class:`numcheck._clean.Scope`)."""

    local: str = field(init=False, repr=False, compare=False)
    """The figure's own phrase: the clause between the commas around the figure."""

    def __post_init__(self) -> None:
        local = self.before.rsplit(",", 1)[-1] + " # " + self.after.split(",", 1)[0]
        self.local = local  # read by most rules: made once

    @cached_property
    def folded(self) -> str:
        """:attr:`local` folded (see :func:`numcheck._clean.fold`), for the gates: made
        once, when a gate its scope does not exclude reads it."""
        return fold(self.local)

    def excludes(self, gate: Gate) -> bool:
        """Whether the figure's :attr:`scope` holds none of ``gate``'s words."""
        return self.scope is not None and self.scope.excludes(gate)

    def search(self, gate: Gate, text: str | None = None) -> re.Match[str] | None:
        """``gate`` searched in ``text``, a part of the clause (:attr:`local` when
        ``None``); ``None`` at once when the scope excludes the gate."""
        if self.excludes(gate):
            return None
        if text is None:
            return gate.search(self.local, self.folded)
        return gate.search(text, fold(text))


Rule = Callable[[Context], Reading | None]


def _change(ctx: Context) -> Reading | None:
    if ctx.kind != "change":
        return None
    if counterfactual(ctx.after):
        # "100,000 more Iraqis have died than would have died without the war": an
        # excess over what would have been, counted like the measure, not a change
        return read_statistic(replace(ctx, kind="level"))
    return Reading("change")


_COUNTERFACTUAL = Gate(
    re.compile(r"\bthan\s+(?:would|might|could)\s+(?:otherwise\s+)?have\b", re.IGNORECASE),
    "than",
)


def counterfactual(after: str) -> bool:
    """The words after a figure compare it with what would have been ("... than would have
    died had it never taken place"): an excess, not a change.

    >>> counterfactual(" more Iraqis have died than would have died without the war")
    True
    """
    return _COUNTERFACTUAL.search(after, fold(after)) is not None


def rate_horizon(text: str) -> Period | None:
    """The horizon a rate's wording names ("in the year to April", "an annual increase",
    "on the month"), if any.

    >>> rate_horizon("registered an annual increase of 8.7 per cent")
    'year'
    >>> rate_horizon("rose 8.7 per cent") is None
    True
    """
    found = _RATE_HORIZON.search(text, fold(text))
    if found is None:
        return None
    return "month" if found.group("month") else ("quarter" if found.group("quarter") else "year")


def _rate_horizon(ctx: Context) -> Reading | None:
    """ "0.3% month on month", "4.9% in the year to December": a rate and its horizon
    (a rate of change: "prices rose 0.3% month on month" is the monthly rate)."""
    if ctx.unit != "percent" or ctx.default not in (None, "rate"):
        return None
    found = ctx.search(_RATE_HORIZON)
    lead = ctx.before.rpartition(",")[0].rsplit(",", 1)[-1] if found is None else ""
    if lead and not any(ch.isdigit() for ch in lead):
        # the clause before, with no figure of its own: "On the month, the consumer
        # prices index rose by 1.2%"
        found = ctx.search(_RATE_HORIZON, lead)
    if found is None:
        if ctx.default == "rate" and ctx.kind != "change":
            return Reading("rate", "year")
        return None
    period: Period = (
        "month" if found.group("month") else ("quarter" if found.group("quarter") else "year")
    )
    if period != "year" and ctx.kind == "change":
        return Reading("change", period)  # "prices rose 2% in a single month"
    return Reading("rate", period)


def _per_period(ctx: Context) -> Reading | None:
    """ "55 a day", "1,500 per month", "daily": a count per period."""
    found = ctx.search(_PER, ctx.after[:40])
    if found is None:
        return None
    period = _PERIOD_WORDS[(found.group("p") or found.group("q")).lower()]
    return Reading("rate" if ctx.unit == "percent" else "flow", period)


def _past_period(ctx: Context) -> Reading | None:
    """ "in the past 24 hours", "over the last week", "overnight": a count over a period
    (unless the clause says it is a running total: "the toll in the past week rose to")."""
    if ctx.excludes(_PAST_PERIOD):
        return None
    opening = _opening(ctx)
    folded = fold(opening) + ctx.folded if opening else ctx.folded
    found = _PAST_PERIOD.search(opening + ctx.local, folded)
    if found is None or ctx.search(_TOTAL):
        return None
    return Reading("flow", _PERIOD_WORDS[(found.group("p") or found.group("q")).lower()])


def _opening(ctx: Context) -> str:
    """The adverbial that opens the figure's phrase when the figure follows its comma
    ("In the past 24 hours, 156 people were killed"), else nothing."""
    head, _, rest = ctx.before.rpartition(",")
    if not head or rest.strip():
        return ""
    return head.rsplit(",", 1)[-1] + " "


_MOVED = Gate(
    re.compile(
        rf"^[^\d]{{0,80}}?\b(?:{_any(_W.went_home)} home|{alternation(_W.moved)})\b",
        re.IGNORECASE,
    ),
    *cover(["home"], _W.moved),
)


_PART_OF = re.compile(rf"\s+of\s+{_any(_W.part_of)}\b", re.IGNORECASE)


def _part(ctx: Context) -> Reading | None:
    """ "Nineteen of them were ...", "45 of the injuries came from ...": a part of a whole
    stated before it, a share in count form, never compared with the whole; unless the
    part is one dated incident's ("45 of the injuries came from the attacks on Oct. 17
    and 18"): that is the incident's toll, compared with its other reports."""
    if ctx.event is not None and ctx.event[-10:-6].isdigit():
        return None
    if ctx.counted and ctx.unit != "percent" and _PART_OF.match(ctx.after):
        return Reading("share")
    return None


def _moved(ctx: Context) -> Reading | None:
    """ "some 400 Marines went home", "2,000 troops were withdrawn": people who moved
    are a change of a level, not the level."""
    if ctx.counted and ctx.unit != "percent" and ctx.search(_MOVED, ctx.after):
        return Reading("change")
    return None


_OUTPUT = Gate(
    re.compile(rf"\b{_any(_W.output)}\b", re.IGNORECASE),
    *cover(_W.output),
)


def _output(ctx: Context) -> Reading | None:
    """ "Tesla built 494,989 cars in the fourth quarter": what was made, sold or
    delivered over a calendar period is a flow of that period, whatever it is counted
    in (cars, tonnes, dollars)."""
    if (
        ctx.unit == "percent"
        or ctx.default in ("running_total", "rate", "share")
        or ctx.time.basis not in ("explicit", "relative")
        or not ctx.search(_OUTPUT)
    ):
        return None
    period = _granularity(ctx.time)
    return Reading("flow", period) if period not in (None, "day") else None


def _running_total(ctx: Context) -> Reading | None:
    """ "since 17 October", "so far", "the death toll": a running total to an as-of date."""
    if ctx.default == "running_total" or (
        ctx.default is None and ctx.counted and ctx.search(_TOTAL)
    ):
        return Reading("running_total", as_of=_as_of(ctx))
    return None


def _default(ctx: Context) -> Reading | None:
    """What the measure is by default (``statistic`` in measures.toml)."""
    if ctx.default == "flow":
        return Reading("flow", _granularity(ctx.time))
    if ctx.default in ("rate", "share", "level"):
        return Reading(ctx.default)  # type: ignore[arg-type]
    return None


def _percent(ctx: Context) -> Reading | None:
    """A percentage is a share, unless it is expected or aimed at ("the 10.7% economists
    had expected", "the Bank's 2% target"): forecasts and targets are of rates."""
    if ctx.unit != "percent":
        return None
    modality = read_modality(ctx.local, scope=ctx.scope)
    return Reading("share" if modality is None else "rate")


RULES: tuple[tuple[str, Rule], ...] = (
    ("rate-horizon", _rate_horizon),
    ("change", _change),
    ("part", _part),
    ("moved", _moved),
    ("per-period", _per_period),
    ("past-period", _past_period),
    ("output", _output),
    ("running-total", _running_total),
    ("measure-default", _default),
    ("percent", _percent),
)
"""The statistic rules, in order: the first that reads the figure decides."""


def read_statistic(ctx: Context) -> Reading:
    """The statistic of a figure by the first rule of :data:`RULES` that applies.

    >>> ctx = Context("", " in the past 24 hours", "55 deaths in the past 24 hours",
    ...               "cardinal", "deaths", None, "running_total", TimeSpan(), None)
    >>> read_statistic(ctx)
    Reading(statistic='flow', period='day', as_of=None, event=None)
    """
    for _, rule in RULES:
        found = rule(ctx)
        if found is not None:
            return found
    return Reading("level")


def _as_of(ctx: Context) -> dt.date | None:
    """The day a running total is counted to. The toll of an incident is counted on the
    day it is reported, not on the incident's day ("40 were injured in Sunday's attack,
    the Pentagon said on Tuesday"); a total whose time runs past the day it was reported
    ("since 17 October ... said on Thursday", published on Friday) is counted to that
    day; else to the end of its time, else to publication."""
    time = ctx.time
    if ctx.event is not None:
        return ctx.reported or ctx.published
    end = time.end if time.known else None
    if end is None:
        return ctx.reported or ctx.published
    if ctx.reported is not None and ctx.reported < end:
        return ctx.reported
    return end


def _granularity(time: TimeSpan) -> Period | None:
    if not time.known or time.start is None or time.end is None:
        return None
    days = (time.end - time.start).days + 1
    if days <= 1:
        return "day"
    if days <= 7:
        return "week"
    if days <= 31:
        return "month"
    if days <= 92:
        return "quarter"
    if days <= 366:
        return "year"
    return None


_FORECAST = Gate(
    re.compile(rf"\b{_any(_W.forecast)}\b", re.IGNORECASE),
    *cover(_W.forecast),
)
_TARGET = Gate(
    re.compile(rf"\b{_any(_W.target)}\b", re.IGNORECASE),
    *cover(_W.target),
)
_STRUCK = re.compile(rf"\b{_any(_W.struck)}\s+(?:\w+\s+)?$", re.IGNORECASE)
"""Targets that are struck ("struck targets in Iraq"): places, not goals."""
_STILL_TO_COME = Gate(
    re.compile(rf"\b{_any(_W.still_to_come)}\b", re.IGNORECASE), *cover(_W.still_to_come)
)
GATES = (
    _COUNTERFACTUAL,
    _PER,
    _PAST_PERIOD,
    _RATE_HORIZON,
    _MOVED,
    _TOTAL,
    _OUTPUT,
    _FORECAST,
    _TARGET,
    _STILL_TO_COME,
)
"""The gated patterns (a gate's words must be in every text its pattern matches)."""


def read_modality(
    local: str, folded: str | None = None, *, scope: Scope | None = None
) -> str | None:
    """Whether a figure is a forecast ("analysts had forecast about 457,000", "the 8.2%
    economists expected") or a target ("the goal of around 1.8 million", "the Bank's 2%
    target") rather than a reported fact: those are other measures, never compared with
    the outturn. ``local`` is the figure's own phrase (between the commas around it);
    ``folded`` its :func:`numcheck._clean.fold`, when the caller has it.
    ``scope``: the sentence ``local`` is part of (see :class:`numcheck._clean.Scope`).

    >>> read_modality("Analysts had forecast about 457,000 deliveries")
    'forecast'
    >>> read_modality("meeting the goal of around 1.8 million set by")
    'target'
    >>> read_modality("the toll, expected to rise, stood at 40") is None
    True
    """
    if scope is None:
        still = forecast = target = True
    else:
        still = not scope.excludes(_STILL_TO_COME)
        forecast = not scope.excludes(_FORECAST)
        target = not scope.excludes(_TARGET)
    if not (still or forecast or target):
        return None  # none of their words in the sentence: read once for its figures
    folded = fold(local) if folded is None else folded
    if still and _STILL_TO_COME.search(local, folded):
        return None
    if forecast and _FORECAST.search(local, folded):
        return "forecast"
    if not target or not _TARGET.possible(folded):
        return None
    for found in _TARGET.pattern.finditer(local):
        if not _STRUCK.search(local, 0, found.start()):
            return "target"
    return None


def read_event(
    clause: str, time: TimeSpan, antecedent: str = "", figure_end: int | None = None
) -> str | None:
    """The incident named in a toll's clause, normalized: its kind and, when the clause
    dates it to a day or two, its first day ("attack 2024-01-28"). Outlets name one
    incident differently ("the strike", "the blast", "opened fire"): violence is one kind,
    told apart by its day. A war or a campaign is no incident: its toll is a running
    total. ``antecedent`` is the text before the clause: when the clause is a relative
    one ("the Jan. 28 strike on Tower 22, which killed three"), the incident named before
    it, undated (the clause's own dates are not the incident's). A reporting day ("said on
    Sunday") or "now" is no incident day.

    >>> read_event("45 people were killed in a strike on a market", TimeSpan())
    'attack'
    >>> day = TimeSpan(start=dt.date(2023, 10, 17), end=dt.date(2023, 10, 18), text="Oct. 17")
    >>> read_event("21 were injured in the strikes on Oct. 17 and 18", day)
    'attack 2023-10-17'
    >>> read_event("21 were injured in attacks since October", TimeSpan()) is None
    True
    >>> read_event("62 injuries in those attacks, not yet those of Monday", day) is None
    True

    A day right after the figure is the day it was counted to, not the incident's
    (``figure_end``: where the figure ends in ``clause``):

    >>> wed = TimeSpan(start=dt.date(2023, 9, 13), end=dt.date(2023, 9, 13), text="on Wednesday")
    >>> read_event("killed by last week's earthquake stood at 2,946 on Wednesday", wed, "", 47)
    'earthquake'
    """
    counted_to = (
        figure_end is not None
        and time.text is not None
        and 0 <= clause.find(time.text, figure_end) - figure_end <= 2
    )
    dated = (
        not counted_to
        and time.basis in ("explicit", "relative")
        and time.start is not None
        and time.end is not None
        and (time.end - time.start).days <= 2
        and not _SAYING.search(time.text or "")
        and not _NOW.search(time.text or "")
    )
    found = _INCIDENT.search(antecedent) if _CONTINUED.search(antecedent) else None
    if found is not None:
        dated = False
    else:
        found = _INCIDENT.search(clause)
        if found is None and dated:
            found = _INCIDENTS.search(clause)
            if found is not None and _THOSE.search(clause, 0, found.start()):
                found = None  # "in those attacks": the tally's, not one incident's
        if found is None:
            return None
    head = " ".join((found.group("head") or found.group("weapon")).lower().split())
    words = head.split()
    if words[-1] == "fire" and len(words) == 2 and words[0] in _I.open_fire:
        words = ["shooting"]
    kind = _INCIDENT_TYPES.get(words[-1], words[-1])
    if dated:
        assert time.start is not None
        return f"{kind} {time.start.isoformat()}"
    return kind
