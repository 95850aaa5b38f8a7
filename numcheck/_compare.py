"""Stage 6: compare claims about the same measure under the rules.

Claims are blocked on their ``key`` (unit, subject, location): only claims with the
same key are compared, and only levels (not changes) with a known unit. Within a key:

- claims stating the same interval for the same time are one *figure*; its first claim
  speaks for it and :attr:`Discrepancy.support` counts the others;
- figures whose times are the same time (they overlap, or are at most the rule's time
  window apart for their granularity) and whose intervals disagree beyond tolerance:
  ``conflict``; a figure is reported once against each figure it contradicts, at the
  first time they meet in time order, not again for every later time in the window;
- each time is compared with the nearest earlier time that is not the same time, and
  with the nearest such time that has a precise figure (finite bounds, not vague), so
  that "thousands" in between does not hide 5,000 then 2,500: different values give a
  ``change``, or a ``regression`` when the measure is cumulative and the later figure is
  below the earlier one; a running total is also compared with every earlier record
  above it (the latest ``_REACH``);
- a *slipped zero* (a figure with the digits of another a power of ten away, among
  figures of that other size) is judged against its twins wherever they are, and a
  level's change to or from it is an error (rule ``MEASURE/typo``), see :func:`_slips`;
- a figure of unknown time stands at its article's publication date: disagreeing with
  a figure of the same time there, it is a ``conflict`` at the ``unknown_time``
  severity (rule ``MEASURE/unknown-time``); it never makes a change.

The work is a sweep over the times of each key, so it grows with the number of claims,
not with its square. The sweep is a fold (:func:`start`, :func:`step` for each next run
of claims in time order, :func:`finish`) that carries a small state from one run to the
next (see :class:`_Key`), so that a key too large for one machine is folded in chunks
(``numcheck.dask``); the sweep of a whole key is the fold over one run. Which figures
are compared never depends on tolerances, so widening a tolerance can only remove
findings. When more than ``_ALL_PAIRS`` pairs of figures meet
at one time, each figure is compared with its neighbours in value order and with the
lowest and the highest figure there, which still reports every figure that contradicts
another one.

Claims that agree are not reported. Claims from the same article are compared too.
"""

from __future__ import annotations

import bisect
import datetime as dt
import gc
import math
import sys
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ._lexicon import Lexicon, default_lexicon
from ._models import SEVERITY_RANK, UNKNOWN, VERDICTS, Claim, Discrepancy, TimeSpan, Verdict
from ._normalize import Interval, agree, comparable_interval, midpoint
from ._places import contains
from ._rules import Check, Granularity, MeasureRule, Rules

_ALL_PAIRS = 1024
"""Above this many candidate pairs of figures at one time, compare by value order."""

_REACH = 16
"""A running total is judged against at most this many earlier records above it, and a
slipped zero against at most this many of its twins (the nearest in time)."""

_MIN_DAY = dt.date.min.toordinal()
_MAX_DAY = dt.date.max.toordinal()
_GRANULARITIES: tuple[tuple[int, Granularity], ...] = (
    (1, "day"),
    (7, "week"),
    (31, "month"),
    (92, "quarter"),
    (366, "year"),
)
_RANK: dict[Granularity, int] = {
    "day": 0,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "year": 4,
    "longer": 5,
}


Block = tuple[str, str, str, str]
"""Where a claim is compared: its key, statistic family, period and event."""

_FAMILY: dict[str | None, str] = {
    None: "level",
    "level": "level",
    "running_total": "total",
    "flow": "flow",
    "rate": "rate",
    "share": "share",
}


def block(claim: Claim, incomparable: Collection[str] = ()) -> Block | None:
    """The block ``claim`` is compared in, or ``None`` when it is never compared.

    Claims meet only within a block: the same key (measure, subject, location), the same
    statistic family (a level, a running total, a flow, a rate, a share), the same period
    for flows and rates (a daily count never meets a monthly one; "0.3% month on month"
    never meets "4.9% a year") and the same event (a toll belongs to its incident).
    Changes ("rose by 5%") meet only changes of the same period, a fall as a negative
    change; claims
    with no known measure, or a percentage whose measure is unknown, are never compared.

    >>> block(Claim(article="a", value=3, unit="deaths", statistic="flow", period="day"))
    ('deaths|?|?', 'flow', 'day', '')
    """
    measure = claim.measure or claim.unit
    if not measure or measure in incomparable or claim.key.startswith(UNKNOWN + "|"):
        return None
    if measure == "percent":
        return None  # a percentage of nothing known ("shares fell 5%", "about 1% fewer")
    if claim.kind == "change" or claim.statistic == "change":
        # Changes meet changes of the same period ("up 0.3% month on month"), never
        # levels; a fall is a negative change ("fell 1%" against "rose 40%").
        return (claim.key, "change", claim.period or "", claim.event or "")
    family = _FAMILY[claim.statistic]
    period = ""
    if family == "flow":
        period = claim.period or ""
    elif family == "rate":
        period = claim.period or "year"
    return (claim.key, family, period, claim.event or "")


def resolve(
    placed: list[tuple[Block, Claim]], others: Mapping[str, int] | None = None
) -> Iterator[tuple[Block, Claim]]:
    """Blocks with unknown parts resolved by the rest of the claims, the matching rule's
    second half (see :func:`resolve_keys`); then an incident toll without a date joins the
    one dated incident of its measure whose subject and place agree.

    ``others`` counts, by key, claims that take part in the resolution without being
    compared (a ledger's claims of the same measures that are not read). The work is on
    distinct keys and on the claims of incidents: a million claims of a few thousand keys
    cost a few thousand resolutions.

    >>> a = Claim(article="a", value=5, unit="deaths", location="Gaza")
    >>> b = Claim(article="b", value=5, unit="deaths", subject="Palestinians", location="Gaza")
    >>> c = Claim(article="c", value=6, unit="deaths", subject="Palestinians", location="Gaza")
    >>> [where[0] for where, _ in resolve([(block(x), x) for x in (a, b, c)])]
    ['deaths|Palestinians|Gaza', 'deaths|Palestinians|Gaza', 'deaths|Palestinians|Gaza']
    """
    counts: dict[str, int] = dict(others or {})
    for where, _ in placed:
        counts[where[0]] = counts.get(where[0], 0) + 1
    incidents = [(where, claim.time.start, claim.time.end) for where, claim in placed if where[3]]
    resolution = Resolution(counts, incidents)
    for where, claim in placed:
        yield resolution.place(where, claim), claim


Incident = tuple[Block, dt.date | None, dt.date | None]
"""The block of an incident's toll and the first and last day of its time."""


class Resolution:
    """How :func:`resolve` places claims, made from what it needs of all of them: the
    claims by key (``counts``) and the blocks and times of incidents' tolls (repeats of
    one are welcome), so that parts of a corpus can be placed apart (``numcheck.dask``)."""

    def __init__(self, counts: Mapping[str, int], incidents: Iterable[Incident]) -> None:
        self.resolved = {key: sys.intern(value) for key, value in resolve_keys(counts).items()}
        tolls = set(incidents)
        self.dated = _dated_events(tolls, self.resolved) if tolls else {}
        self.merged = _one_incident_one_key({self._dated(*toll) for toll in tolls})

    def _dated(self, where: Block, start: dt.date | None, end: dt.date | None) -> Block:
        key, event = self.resolved[where[0]], where[3]
        if event and not _dated(event):
            event = self.dated.get((key, where[1], where[2], event, start, end), event)
        return (key, where[1], where[2], event)

    def place(self, where: Block, claim: Claim) -> Block:
        """The block of ``claim``, placed at ``where`` by :func:`block`."""
        if not where[3]:
            return (self.resolved[where[0]], where[1], where[2], where[3])
        return self.place_toll(where, claim.time.start, claim.time.end)

    def place_toll(self, where: Block, start: dt.date | None, end: dt.date | None) -> Block:
        """The block of an incident's toll placed at ``where``, of time ``start``-``end``."""
        placed = self._dated(where, start, end)
        merged = self.merged.get((placed[0], *placed[1:], ""))
        return placed if merged is None else (merged, *placed[1:])


def _one_incident_one_key(
    placed: Iterable[Block],
) -> dict[tuple[str, str, str, str, str], str]:
    """The tolls of one dated incident meet whatever level its place is named at: "in
    Gaza City" and "in Gaza" (a place that contains all the others of the incident, or
    none: then each stays apart), whose subject is the one they state, if one: (key,
    family, period, event, "") -> the key of the incident's blocks ``placed``."""
    groups: dict[tuple[str, str, str, str], set[str]] = defaultdict(set)
    for where in placed:
        if where[3] and _dated(where[3]):
            groups[(where[0].split("|", 1)[0], where[1], where[2], where[3])].add(where[0])
    merged: dict[tuple[str, str, str, str, str], str] = {}
    for (measure, family, period, event), keys in groups.items():
        if len(keys) < 2:
            continue
        parts = [key.split("|") for key in keys]
        if any(len(p) != 3 for p in parts):
            continue
        subjects = {p[1] for p in parts} - {UNKNOWN}
        places = {p[2] for p in parts} - {UNKNOWN}
        wholes = [w for w in places if all(contains(w, other) for other in places)]
        if len(subjects) > 1 or len(wholes) != 1:
            continue
        key = "|".join((measure, next(iter(subjects), UNKNOWN), wholes[0]))
        for old in keys:
            merged[(old, family, period, event, "")] = key
    return merged


def resolve_keys(counts: Mapping[str, int]) -> dict[str, str]:
    """Each key resolved among ``counts`` (key -> claims): a key that does not say whose
    a figure is ("?") takes the one subject the keys of its measure and place agree on,
    when two claims at least state it; then one that does not say where takes the one
    place the keys of its measure and subject agree on (likewise). With two candidates or
    more, or one stated once, the part stays unknown: a figure is never guessed into one
    of several (a place inside another candidate, a part of it, is not one of them).

    >>> resolved = resolve_keys({"deaths|?|Gaza": 1, "deaths|Palestinians|Gaza": 2})
    >>> resolved["deaths|?|Gaza"]
    'deaths|Palestinians|Gaza'
    """
    current = {key: key.split("|") for key in counts}
    for part in (1, 2):  # subject, then location
        known: dict[tuple[str, ...], dict[str, int]] = defaultdict(dict)
        for key, parts in current.items():
            if len(parts) == 3 and parts[part] != UNKNOWN:  # a given key may be any string
                rest = (*parts[:part], *parts[part + 1 :])
                known[rest][parts[part]] = known[rest].get(parts[part], 0) + counts[key]
        changed: dict[str, list[str]] = {}
        for key, parts in current.items():
            if len(parts) == 3 and parts[part] == UNKNOWN:
                candidates = known.get((*parts[:part], *parts[part + 1 :]), {})
                if len(candidates) > 1:  # a part stated once is no rival of a consensus
                    candidates = {n: k for n, k in candidates.items() if k >= _CONSENSUS}
                if part == 2 and len(candidates) > 1:
                    candidates = _wholes_of(candidates)
                if len(candidates) == 1:
                    [(name, stated)] = candidates.items()
                    if stated >= _CONSENSUS:
                        changed[key] = [*parts[:part], name, *parts[part + 1 :]]
        current.update(changed)
    # Whose and where both unknown: the one (subject, place) the measure's keys state,
    # when two claims at least state it ("Unemployment hit 4.1%" among US figures).
    by_measure: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    for key, parts in current.items():
        if len(parts) == 3 and UNKNOWN not in parts[1:]:
            pair = (parts[1], parts[2])
            by_measure[parts[0]][pair] = by_measure[parts[0]].get(pair, 0) + counts[key]
    for key, parts in current.items():
        if len(parts) == 3 and parts[1] == parts[2] == UNKNOWN:
            stated_pairs = by_measure.get(parts[0], {})
            if len(stated_pairs) > 1:
                stated_pairs = {p: k for p, k in stated_pairs.items() if k >= _CONSENSUS}
            if len(stated_pairs) == 1:
                [((whose, where), times)] = stated_pairs.items()
                if times >= _CONSENSUS:
                    current[key] = [parts[0], whose, where]
    return {key: "|".join(parts) for key, parts in current.items()}


def _wholes_of(places: Mapping[str, int]) -> dict[str, int]:
    """The places that no other place of ``places`` contains: "in Iraq" and "in Syria"
    are parts of "Iraq and Syria" and do not compete with it for a figure of no place."""
    return {
        name: stated
        for name, stated in places.items()
        if not any(other != name and contains(other, name) for other in places)
    }


def _dated_events(
    placed: Iterable[Incident], resolved: Mapping[str, str]
) -> dict[tuple[str, str, str, str, dt.date | None, dt.date | None], str]:
    """An incident toll without a date joins the one dated incident of its measure and
    statistic whose subject and place agree with its own (equal, or one unknown); of
    several, the one of the same key, or the one whose day its time holds ("hurt when
    militias sent drones at US bases last week"): (key, family, period, undated event,
    time start, time end) -> dated event."""
    dated: dict[tuple[str, str, str], set[tuple[str, str]]] = defaultdict(set)
    undated: set[tuple[str, str, str, str, dt.date | None, dt.date | None]] = set()
    for where, since, until in placed:
        if not where[3]:
            continue
        key = resolved[where[0]]
        if _dated(where[3]):
            dated[(key.split("|", 1)[0], where[1], where[2])].add((key, where[3]))
        else:
            undated.add((key, where[1], where[2], where[3], since, until))
    out: dict[tuple[str, str, str, str, dt.date | None, dt.date | None], str] = {}
    for key, family, period, event, start, end in undated:
        parts = key.split("|")
        near = [
            (other_key, dated_event)
            for other_key, dated_event in dated.get((parts[0], family, period), set())
            if _agree(parts, other_key.split("|"))
        ]
        candidates = {dated_event for _, dated_event in near}
        if len(candidates) > 1 and start is not None and end is not None:
            first, last = start.isoformat(), end.isoformat()  # the incident its time holds
            candidates = {e for e in candidates if first <= e[-10:] <= last} or candidates
        if len(candidates) > 1:  # the one incident of the same key, over those of unknowns
            candidates = {e for other_key, e in near if other_key == key and e in candidates}
        if len(candidates) == 1:
            out[(key, family, period, event, start, end)] = next(iter(candidates))
    return out


def _agree(parts: list[str], other: list[str]) -> bool:
    """Two keys' parts agree where both are known."""
    return len(other) == len(parts) and all(
        x == y or UNKNOWN in (x, y) for x, y in zip(parts[1:], other[1:], strict=True)
    )


def blocks(claims: Iterable[Claim], lexicon: Lexicon | None = None) -> dict[int, Block]:
    """The block each claim is compared in (by ``id``), unknown parts resolved among
    ``claims`` as :func:`compare` resolves them; claims never compared are left out."""
    incomparable = (lexicon or default_lexicon()).incomparable
    placed = [(where, claim) for claim in claims if (where := block(claim, incomparable))]
    return {id(claim): where for where, claim in resolve(placed)}


_CONSENSUS = 2
"""Claims that must state a subject or place before an unknown one joins it."""


def _dated(event: str) -> bool:
    """An event anchored on a day ("drone attack 2024-01-28")."""
    return event[-10:-6].isdigit() and event[-3:-2] == "-"


def compare(
    claims: Iterable[Claim],
    rules: Rules,
    lexicon: Lexicon | None = None,
    *,
    focus: Collection[str] | None = None,
    others: Mapping[str, int] | None = None,
) -> list[Discrepancy]:
    """Every discrepancy among ``claims``, most severe first, then by key.

    ``focus``: article ids; when given, only discrepancies involving a claim of these
    articles are returned, and their claims speak for the figures they share with others
    (checking new articles against a corpus). ``others``: claims counted by key that take
    part in resolving unknown subjects and places but are not compared (see
    :func:`resolve`).
    """
    lexicon = lexicon or default_lexicon()
    incomparable = lexicon.incomparable
    placed = [(where, claim) for claim in claims if (where := block(claim, incomparable))]
    groups: dict[Block, list[Claim]] = defaultdict(list)
    for where, claim in resolve(placed, others):
        groups[where].append(claim)
    found: list[tuple[tuple[object, ...], Discrepancy]] = []
    # Millions of small objects and no cycles among them: the cyclic collector would
    # rescan them over and over, so it waits until the comparison is done.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for where in sorted(groups):
            first = groups[where][0]
            name, rule = rules.for_unit(first.measure or first.unit, lexicon)
            found.extend(_Key(where, name, rule, focus).compare(groups[where]))
    finally:
        if collecting:
            gc.enable()
    found.sort(key=lambda item: item[0])
    return [d for _, d in found]


def order(claim: Claim) -> tuple[dt.date, dt.date, str, int, int, str, float, float]:
    """The canonical order of claims: by time, then article and position, then content.

    It depends only on what a claim says, so results do not depend on the input order.
    """
    start = claim.time.start or claim.time.end or dt.date.min
    end = claim.time.end or claim.time.start or dt.date.max
    low = -math.inf if claim.low is None else claim.low
    high = math.inf if claim.high is None else claim.high
    return (start, end, claim.article, claim.start or 0, claim.end or 0, claim.text, low, high)


@dataclass(slots=True)
class _Figure:
    """Claims of one key stating the same interval for the same time."""

    interval: Interval
    claims: list[Claim]
    lead: Claim = field(init=False)

    @property
    def precise(self) -> bool:
        """A stated figure with finite bounds, not a vague amount or an open bound."""
        low, high, vague = self.interval[:3]
        return not vague and math.isfinite(low) and math.isfinite(high)

    rank: tuple[object, ...] = field(init=False)
    """The canonical order of the lead claim."""

    def choose_lead(self, focus: Collection[str] | None) -> None:
        ranked = sorted((order(c), i) for i, c in enumerate(self.claims))
        self.claims = [self.claims[i] for _, i in ranked]
        self.lead, self.rank = self.claims[0], ranked[0][0]
        if focus is not None:
            at = next((j for j, c in enumerate(self.claims) if c.article in focus), 0)
            self.lead, self.rank = self.claims[at], ranked[at][0]

    def in_focus(self, focus: Collection[str] | None) -> bool:
        return focus is None or self.lead.article in focus


@dataclass(slots=True, eq=False)
class _Time:
    """One distinct time of a key (first day, last day as ordinals) and its figures."""

    start: int
    end: int
    granularity: Granularity
    figures: list[_Figure]
    unknown: bool = False
    """A claim of unknown time placed at its article's publication date."""
    precise: bool = field(init=False)

    def __post_init__(self) -> None:
        self.precise = any(f.precise for f in self.figures)


def _rank(figure: _Figure) -> tuple[object, ...]:
    return figure.rank


def _keep_latest(latest: list[_Time | None], time: _Time) -> None:
    """Update ``[latest time, latest time with a precise figure]`` with ``time``."""
    for slot, wanted in enumerate((True, time.precise)):
        held = latest[slot]
        if wanted and (held is None or (time.start, time.end) > (held.start, held.end)):
            latest[slot] = time


def granularity(start: int, end: int) -> Granularity:
    """How precise a span of days is: ``day`` ... ``year``, or ``longer``/open."""
    if start == _MIN_DAY or end == _MAX_DAY:
        return "longer"
    days = end - start + 1
    return next((name for limit, name in _GRANULARITIES if days <= limit), "longer")


def _calendar_start(claim: Claim, as_of: dt.date) -> dt.date | None:
    """The first day of the calendar month, quarter or year a running total is counted
    to when that period is all that is known of its as-of day: the total's time is the
    period ("reported in 2006") and its as-of the period's last day, which is not its
    publication date. ``None`` when the as-of day is a day."""
    start, end = claim.time.start, claim.time.end
    if start is None or end != as_of or as_of == claim.anchor or start.day != 1:
        return None
    following = end + dt.timedelta(days=1)
    if following.day != 1:
        return None
    months = (following.year - start.year) * 12 + following.month - start.month
    if months == 12 and start.month == 1:
        return start
    if months == 1 or (months == 3 and start.month % 3 == 1):
        return start
    return None


def _days(span: TimeSpan) -> tuple[int, int]:
    start = span.start.toordinal() if span.start else _MIN_DAY
    end = span.end.toordinal() if span.end else _MAX_DAY
    return start, end


TimeKey = tuple[int, int, bool]
"""A time of a key: its first and last day (ordinals), and whether it is a publication
date standing for an unknown time (``_Key.when``); claims of one key are folded in the
order of their time keys."""

Identity = tuple[int, int, bool, Interval]
"""A figure of a key wherever it is built: its time key and its interval."""

_ADRIFT: TimeKey = (_MIN_DAY, _MIN_DAY, True)


class Plan(NamedTuple):
    """What the slipped-zero rule decides over the whole key, by figure identity: the
    slips and their twins (nearest first), and the slips no figure comes near with the
    figures they are judged against (see :func:`_slips`, :func:`_never_near`)."""

    slips: dict[Identity, list[Identity]]
    against: dict[Identity, list[Identity]]

    @property
    def wanted(self) -> set[Identity]:
        """Every figure the plan names: kept until the key is finished."""
        out = set(self.slips)
        for named in (*self.slips.values(), *self.against.values()):
            out.update(named)
        return out


_NO_PLAN = Plan({}, {})

Outline = dict[TimeKey, dict[Interval, tuple[tuple[object, ...], tuple[object, ...] | None]]]
"""The values of a key's claims, all the slipped-zero rule needs of the whole key: per
time, per interval, the canonical order of its first claim and of its first claim in
focus (the figure's lead). Outlines of parts of a key merge (:func:`merge_outlines`)."""


class _Key:
    """The comparison of the claims of one key: a fold over its claims in time order.

    ``step`` takes the next claims in the order of their time keys (within one step in
    any order), ``finish`` ends the key; each returns its findings. The carried state is
    small: the times still within the widest time window of the latest time (``active``),
    the latest time passed and the latest passed time with a precise figure, the latest
    known time, the last ``_REACH`` records of a running total, the time whose claims may
    continue in the next step (``pending``), the figures of no time (``adrift``), the
    figures met as the same time among those still active (``seen``), and the slipped-zero
    bookkeeping: the plan's figures, the pairs with a slip already met and the judgments
    of pairs with a slip, which wait for the slip's twins (one may come in a later step).

    A key folded in several steps needs its :class:`Plan` from the start (made from the
    key's :func:`outline`); without one, the first step is the whole key and makes it.
    """

    def __init__(
        self,
        where: Block,
        name: str,
        rule: MeasureRule,
        focus: Collection[str] | None,
        plan: Plan | None = None,
    ) -> None:
        self.key, self.family = where[0], where[1]
        self.name, self.rule, self.focus = name, rule, focus
        self.totals = self.family == "total"
        self.flows = self.family == "flow" and bool(where[2])
        self.widest = max(self._window(g) for g in _RANK)
        self._words: dict[int, tuple[str, str]] = {}  # claim -> its provenance, its figure
        self._seen: set[tuple[int, Interval]] = set()  # (figure, interval) met at one time
        self._names: dict[str, str] = {}  # check -> rule name
        # slipped zeros: figure -> its twins (the figures it slipped from), nearest first
        self._slips: dict[int, list[_Figure]] = {}
        self._slip_pairs: set[frozenset[int]] = set()  # pairs with a slip already judged
        self._time_of: dict[int, _Time] = {}  # figure -> its time
        # a slip no other figure of the key comes near: the figures it is judged against
        self._against: dict[int, list[_Figure]] = {}
        # the fold's carried state
        self._plan = plan
        self._whole = plan is None  # the first step is the whole key
        self._wanted = plan.wanted if plan else set()
        self._planned: dict[Identity, tuple[_Figure, _Time]] = {}  # the plan's figures met
        self._held: list[_Figure] = []  # figures of _slip_pairs, alive while their ids are
        self._deferred: list[tuple[_Figure, _Figure, Check, int | None, Granularity | None]] = []
        self._pending: tuple[TimeKey, dict[Interval, _Figure]] | None = None
        self._adrift: dict[Interval, _Figure] = {}
        self._last: TimeKey | None = None  # the latest time swept
        self._steps = 0
        self._active: list[_Time] = []  # earlier times that may still be the same time
        # The latest earlier times that no longer can be: any, and one with a precise figure.
        self._passed: list[_Time | None] = [None, None]
        self._latest: _Time | None = None  # the latest known time
        # running totals: the latest _REACH times that raised the highest count so far
        # (its records), in time order, so in the order of their counts, and those counts
        self._records: list[_Time] = []
        self._record_lows: list[float] = []

    def __getstate__(self) -> dict[str, object]:
        """The state between steps, to send to another process: what is kept by figure
        ``id`` is kept by figure (ids are not the same in another process)."""
        figures = {id(f): f for f in self._held}
        for time in (*self._active, *([self._latest] if self._latest else [])):
            figures.update((id(f), f) for f in time.figures)
        figures.update((id(f), f) for f in self._adrift.values())
        figures.update((id(f), f) for f, _ in self._planned.values())
        state = dict(self.__dict__)
        state["_words"] = {}
        state["_seen"] = [(figures[i], interval) for i, interval in self._seen]
        state["_slip_pairs"] = [[figures[i] for i in pair] for pair in self._slip_pairs]
        state["_slips"] = [(figures[i], twins) for i, twins in self._slips.items()]
        state["_time_of"] = [(figures[i], time) for i, time in self._time_of.items()]
        state["_against"] = [(figures[i], named) for i, named in self._against.items()]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._seen = {(id(f), interval) for f, interval in state["_seen"]}
        self._slip_pairs = {frozenset(id(f) for f in pair) for pair in state["_slip_pairs"]}
        self._slips = {id(f): twins for f, twins in state["_slips"]}
        self._time_of = {id(f): time for f, time in state["_time_of"]}
        self._against = {id(f): named for f, named in state["_against"]}

    def compare(self, claims: Sequence[Claim]) -> Iterator[tuple[tuple[object, ...], Discrepancy]]:
        """The findings of the whole key: the fold over one step."""
        yield from self.step(claims)
        yield from self.finish()

    def when(self, claim: Claim) -> TimeKey:
        """The time key ``claim`` is folded at (the order of :meth:`step`)."""
        return self._when(claim)

    def step(self, claims: Iterable[Claim]) -> list[tuple[tuple[object, ...], Discrepancy]]:
        """Fold the next claims of the key in; the findings they settle."""
        whole = self._whole
        if whole and self._steps:
            raise ValueError(f"{self.key}: a key folded in several steps needs its plan")
        self._steps += 1
        groups = self._group(claims)
        if not whole and groups:
            self._pending = groups.pop()  # its claims may go on in the next step
        times = [self._time(when, figures) for when, figures in groups]
        if whole:
            self._plan = plan(times, self.rule.typo, self.family)
            self._wanted = self._plan.wanted
        self._register(times)
        found: list[tuple[tuple[object, ...], Discrepancy]] = []
        for now in times:
            found.extend(self._sweep(now))
        self._prune()
        return found

    def finish(self) -> list[tuple[tuple[object, ...], Discrepancy]]:
        """End the key: the findings that wait for all of it."""
        found: list[tuple[tuple[object, ...], Discrepancy]] = []
        if self._pending is not None:
            now = self._time(*self._pending)
            self._pending = None
            self._register((now,))
            found.extend(self._sweep(now))
        if self._plan is None:
            self._plan = _NO_PLAN
        if self._plan.slips:
            self._resolve_plan()
        found.extend(self._judge(*pair) for pair in self._deferred)
        self._deferred.clear()
        found.extend(self._slipped_pairs())
        for figure in self._adrift.values():
            figure.choose_lead(self.focus)
        adrift = sorted(self._adrift.values(), key=_rank)
        if adrift:  # no time and no publication date: against each other and the latest
            found.extend(self._pairs(adrift, None, "unknown-time", None, None))
            if self._latest is not None:
                found.extend(self._pairs(adrift, self._latest.figures, "unknown-time", None, None))
            found.extend(self._judge(*pair) for pair in self._deferred)
        return found

    def _group(self, claims: Iterable[Claim]) -> list[tuple[TimeKey, dict[Interval, _Figure]]]:
        """Claims as figures by time, in time order, the pending time's figures first."""
        by_time: dict[TimeKey, dict[Interval, _Figure]] = defaultdict(dict)
        if self._pending is not None:
            by_time[self._pending[0]] = self._pending[1]
            self._pending = None
        by_time[_ADRIFT] = self._adrift
        for claim in claims:
            interval = comparable_interval(claim, self.rule)
            if interval is None:
                continue
            figures = by_time[self._when(claim)]
            if interval in figures:
                figures[interval].claims.append(claim)
            else:
                figures[interval] = _Figure(interval, [claim])
        self._adrift = by_time.pop(_ADRIFT)
        groups = sorted(by_time.items(), key=lambda item: item[0])
        if groups and self._last is not None and groups[0][0] <= self._last:
            raise ValueError(f"{self.key}: claims folded out of time order")
        return groups

    def _time(self, when: TimeKey, figures: Mapping[Interval, _Figure]) -> _Time:
        """A time of the key, its figures complete: their leads chosen, in their order."""
        for figure in figures.values():
            figure.choose_lead(self.focus)
        start, end, unknown = when
        self._last = when
        figures_in_order = sorted(figures.values(), key=_rank)
        return _Time(start, end, granularity(start, end), figures_in_order, unknown)

    def _register(self, times: Iterable[_Time]) -> None:
        """Keep the figures the plan names; a slip is known as one from now on."""
        if not self._wanted or self._plan is None:
            return
        slips = self._plan.slips
        for now in times:
            for figure in now.figures:
                identity = (now.start, now.end, now.unknown, figure.interval)
                if identity in self._wanted:
                    self._planned[identity] = (figure, now)
                    if identity in slips:
                        self._slips[id(figure)] = []  # its twins when the key is finished

    def _sweep(self, now: _Time) -> Iterator[tuple[tuple[object, ...], Discrepancy]]:
        """Meet one time with the times before it."""
        check: Check = "unknown-time" if now.unknown else "conflict"
        yield from self._pairs(now.figures, None, check, 0, now.granularity)
        still: list[_Time] = []
        for earlier in self._active:
            if earlier.end + self.widest >= now.start:
                still.append(earlier)
            elif not earlier.unknown:
                _keep_latest(self._passed, earlier)
        self._active = active = still
        before = list(self._passed)
        for earlier in active:
            gap, coarser = self._gap(earlier, now)
            if gap <= self._window(coarser) and self._comparable(earlier, now):
                check = "unknown-time" if now.unknown or earlier.unknown else "conflict"
                yield from self._pairs(earlier.figures, now.figures, check, gap, coarser)
            elif not earlier.unknown:
                _keep_latest(before, earlier)
        if not now.unknown:
            records, record_lows = self._records, self._record_lows
            earlier_times = dict.fromkeys(t for t in before if t is not None)
            # a running total lower than counts before it is a regression against
            # each of them, even when a lower count came in between: against every
            # record above it (the latest _REACH of them)
            below = min(f.interval.high for f in now.figures)
            above = bisect.bisect_right(record_lows, below)
            for record in records[max(above, len(records) - _REACH) :]:
                if record not in earlier_times:
                    gap, coarser = self._gap(record, now)
                    if gap > self._window(coarser):
                        earlier_times[record] = None
            for earlier in earlier_times:
                gap, coarser = self._gap(earlier, now)
                yield from self._pairs(earlier.figures, now.figures, "change", gap, coarser)
            if self.totals:  # a lower bound counts ("more than 160"), a vague one not
                lows = [
                    f.interval.low
                    for f in now.figures
                    if not f.interval.vague and math.isfinite(f.interval.low)
                ]
                # (a record stated again later is a record too: a lower count
                # after it contradicts the latest statement of the record)
                if lows and (not records or max(lows) >= record_lows[-1]):
                    records.append(now)
                    record_lows.append(max(lows))
                    if len(records) > _REACH:  # only the latest _REACH are ever met
                        del records[0], record_lows[0]
            self._latest = now
        active.append(now)

    def _prune(self) -> None:
        """Forget what no later time can meet: the same-time pairs of figures no longer
        active (ids of figures let go may be taken by new ones), the cached words."""
        if self._seen:
            live = {id(f) for t in self._active for f in t.figures}
            if self._latest is not None:
                live.update(id(f) for f in self._latest.figures)
            live.update(id(f) for f in self._adrift.values())
            self._seen = {item for item in self._seen if item[0] in live}
        self._words.clear()

    def _resolve_plan(self) -> None:
        """The plan's slips and twins as the figures met, in the plan's order."""
        assert self._plan is not None
        planned = self._planned
        self._slips = {}
        for slip, twins in self._plan.slips.items():
            if slip in planned:
                figure = planned[slip][0]
                self._slips[id(figure)] = [planned[t][0] for t in twins if t in planned]
        self._against = {
            id(planned[slip][0]): [planned[f][0] for f in named if f in planned]
            for slip, named in self._plan.against.items()
            if slip in planned
        }
        self._time_of = {id(figure): time for figure, time in planned.values()}

    def _comparable(self, a: _Time, b: _Time) -> bool:
        """Whether two times that meet are the same time for this key: for rates, only
        at the same granularity ("above 11% in the autumn of 2022" is no reading for
        October 2022's 11.1%)."""
        return self.family != "rate" or a.granularity == b.granularity or a.unknown or b.unknown

    def _window(self, granularity: Granularity) -> int:
        """Days apart two times of ``granularity`` may be and still be the same time:
        running totals are the same count only at the same as-of date (``total_window``);
        counts over a stated period ("in the past 24 hours", "in March") only over the
        same period: two days' counts three weeks apart are a change, not a conflict."""
        if self.totals:
            return self.rule.total_window
        if self.flows:
            return 0
        return self.rule.time_window.days(granularity)

    def _when(self, claim: Claim) -> tuple[int, int, bool]:
        """The time a claim is compared at: its span, or a running total's as-of day; a
        claim of unknown time stands at its article's publication date (``True``), or
        nowhere (``_MIN_DAY``) without one."""
        if self.totals:
            day = claim.as_of or (claim.time.end if claim.time.known else None)
            if day is not None:
                start = _calendar_start(claim, day)
                return (start or day).toordinal(), day.toordinal(), False
        elif claim.time.known:
            return (*_days(claim.time), False)
        if claim.anchor is not None:
            anchor = claim.anchor.toordinal()
            return anchor, anchor, True
        return _MIN_DAY, _MIN_DAY, True

    @staticmethod
    def _gap(a: _Time, b: _Time) -> tuple[int, Granularity]:
        """Days between two times (0 when they overlap) and the coarser granularity."""
        if a.end < b.start:
            gap = b.start - a.end
        elif b.end < a.start:
            gap = a.start - b.end
        else:
            gap = 0
        coarser = max(a.granularity, b.granularity, key=_RANK.__getitem__)
        return gap, coarser

    def _pairs(
        self,
        first: list[_Figure],
        second: list[_Figure] | None,
        check: Check,
        gap: int | None,
        coarser: Granularity | None,
    ) -> Iterator[tuple[tuple[object, ...], Discrepancy]]:
        seen = self._seen
        for a, b in _candidates(first, second):
            if not (a.in_focus(self.focus) or b.in_focus(self.focus)):
                continue
            slipped = bool(self._slips) and (id(a) in self._slips or id(b) in self._slips)
            if _one_sentence(a, b) and not slipped and not self._revised_down(a, b):
                continue  # figures of one sentence are parts, ends or periods of a story
            if slipped:
                pair = frozenset((id(a), id(b)))
                if pair in self._slip_pairs:
                    continue
                self._slip_pairs.add(pair)
                self._held += (a, b)
            if check != "change" and not slipped:
                # a figure meets each other figure once as the same time (a slipped zero
                # meets each: it is an error against every figure around it)
                if (id(a), b.interval) in seen or (id(b), a.interval) in seen:
                    continue
                seen.add((id(a), b.interval))
                seen.add((id(b), a.interval))
            if agree(a.interval, b.interval, self.rule):
                continue
            if slipped:  # judged when the key is finished: its twins may come later
                self._deferred.append((a, b, check, gap, coarser))
            else:
                yield self._judge(a, b, check, gap, coarser)

    def _slipped_pairs(self) -> Iterator[tuple[tuple[object, ...], Discrepancy]]:
        """Each slipped zero against its twins, whatever the time between them (the
        nearest ``_REACH`` of them), where the sweep did not already judge the pair; a
        level's slip that no other figure of the key comes near, against each figure of
        the key (the nearest ``_REACH`` in time): "no deployment was ever that large"."""
        for slip_id, twins in self._slips.items():
            slip_time = self._time_of[slip_id]
            slip = next(f for f in slip_time.figures if id(f) == slip_id)
            for twin in self._against.get(slip_id, twins):
                pair = frozenset((slip_id, id(twin)))
                if pair in self._slip_pairs:
                    continue
                self._slip_pairs.add(pair)
                if not (slip.in_focus(self.focus) or twin.in_focus(self.focus)):
                    continue
                if agree(slip.interval, twin.interval, self.rule):
                    continue
                gap, coarser = self._gap(self._time_of[id(twin)], slip_time)
                check: Check = "change" if self.family not in ("flow", "total") else "typo"
                yield self._judge(twin, slip, check, gap, coarser)

    def _revised_down(self, a: _Figure, b: _Figure) -> bool:
        """Running totals of one sentence whose later as-of day has the lower count: the
        sentence states a revision down ("now about a million, after the 1.2 million it
        gave in the autumn"), which is a regression, not the ends of a rise."""
        if not self.totals:
            return False
        day_a, day_b = self._when(a.lead)[0], self._when(b.lead)[0]
        if day_a == day_b:
            return False
        earlier, later = (a, b) if day_a < day_b else (b, a)
        return later.interval.high < earlier.interval.low

    def _judge(
        self, a: _Figure, b: _Figure, check: Check, gap: int | None, coarser: Granularity | None
    ) -> tuple[tuple[object, ...], Discrepancy]:
        """The finding about two disagreeing figures, and its place in the report."""
        if self.totals:  # running totals in the order of the days they are counted to
            if (self._when(b.lead), b.rank) < (self._when(a.lead), a.rank):
                a, b = b, a
        elif b.rank < a.rank:
            a, b = b, a
        rule = self.rule
        verdict: Verdict = "conflict"
        ma, mb = midpoint(a.interval), midpoint(b.interval)
        ratio = (0.0 if mb == 0 else _finite(mb / ma)) if ma and mb is not None else None
        if check == "change" and a.precise and b.precise and _slipped(ratio, rule.typo):
            # 25,000 against 2,500: a slipped zero, not a change; but small counts do grow
            # tenfold (2 then 20), and so may a running total
            small = min(abs(ma or 0), abs(mb or 0)) < _TYPO_FLOOR
            if not small and not (self.totals and (ratio or 0) > 1):
                check = "typo"
        slip: tuple[str, str] | None = None
        if check == "change" and self._slips and self.family not in ("flow", "total"):
            # a change of a level to or from a slipped zero is no change: the slip is an
            # error (a flow of another period, or a total counted to another day, is
            # another quantity: only the slip's twins are judged against it)
            for one, other in ((a, b), (b, a)):
                twins = self._slips.get(id(one))
                if twins is not None:
                    check = "typo"
                    if not any(t is other for t in twins):
                        slip = (one.lead.text, twins[0].lead.text)
                    break
        if check == "change":
            verdict = "change"
            lower = b.interval.high < a.interval.low
            incident = bool(a.lead.event or b.lead.event)
            if _disputed(a.lead, b.lead) and (
                (lower and (incident or self.totals))
                or (incident and gap is not None and gap <= rule.dispute_window)
            ):
                # a later, lower toll or total from another source, or one incident's toll
                # from two sources in the same days: two estimates that disagree, not one
                # count going back (a level or a rate going down is a change whoever says
                # it; a toll that grows in a later report from another source is an
                # update, as tolls grow as reports come in)
                verdict = check = "disputed"
            elif self.totals:
                verdict = check = "regression" if lower else "update"
            elif rule.cumulative and lower and self.family == "level":
                verdict = check = "regression"
        elif check != "typo" and _disputed(a.lead, b.lead):
            verdict = check = "disputed"
        severity = rule.severity(check, _size(ma, mb))
        # Built from validated parts, so pydantic's validation is skipped (hot at scale).
        found = Discrepancy.model_construct(
            key=self.key,
            verdict=verdict,
            severity=severity,
            claims=(a.lead, b.lead),
            rule=self._names.setdefault(check, f"{self.name}/{check}"),
            explanation=self._explain(a.lead, b.lead, check, gap, coarser, ratio, slip),
            ratio=ratio,
            same_article=a.lead.article == b.lead.article,
            support=(len(a.claims), len(b.claims)),
        )
        return (SEVERITY_RANK[severity], self.key, a.rank, b.rank), found

    def _explain(
        self,
        a: Claim,
        b: Claim,
        check: Check,
        gap: int | None,
        coarser: Granularity | None,
        ratio: float | None,
        slip: tuple[str, str] | None = None,
    ) -> str:
        words = self._words
        for claim in (a, b):
            if id(claim) not in words:
                words[id(claim)] = (_who(claim), _figure(claim))
        return _explain(
            words[id(a)],
            words[id(b)],
            a.article == b.article,
            check,
            self.rule,
            self.name,
            gap,
            coarser,
            ratio,
            None if coarser is None else self._window(coarser),
            slip,
            narrowed=_point(a) and _point(b),
        )


def _point(claim: Claim) -> bool:
    """The figure is one exact number ("484,507"), not a bound, a range or an "about"."""
    return claim.qualifier == "exact" and claim.low is not None and claim.low == claim.high


_TYPO_FLOOR = 100
"""A slipped zero is read only between figures of this size or more."""


def _slipped(ratio: float | None, tolerance: float | None) -> bool:
    """Two figures a power of ten apart (x10, x100, x1000) within ``tolerance``: the same
    digits with a zero slipped, which no real change produces so exactly."""
    if ratio is None or tolerance is None or ratio <= 0:
        return False
    power = math.log10(ratio if ratio >= 1 else 1 / ratio)
    nearest = round(power)
    return 1 <= nearest <= 3 and abs(10**power / 10**nearest - 1) <= tolerance


def _slips(times: Sequence[_Time], tolerance: float | None) -> dict[int, list[_Figure]]:
    """The slipped zeros among the figures of a key: figure -> its twins, nearest in time
    first (at most ``_REACH``).

    Two precise figures of 100 or more with the same digits a power of ten apart (×10,
    ×100, ×1000: "2,500" and "Some 25,000") are twins; one of them is a slip when the
    figures around it (the other figures of its time and of the known times just before
    and after it) are mostly (more than half) nearer to its twin's size than to its own:
    20,000 Syria troops between 900 and "fewer than 1,000". When figures of each
    size look odd beside the other (210 then 2,100 and nothing else), neither is a slip.
    Which figures are twins and slips depends on their values and times alone, never on
    the tolerances; ``None`` (no slipped zeros read, the rule ``typo``) finds none.
    """
    if tolerance is None:
        return {}
    groups: dict[tuple[bool, float], dict[int, list[tuple[int, _Figure]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for at, time in enumerate(times):
        if time.unknown:
            continue
        for figure in time.figures:
            m = midpoint(figure.interval) if figure.precise else None
            if m is None or abs(m) < _TYPO_FLOOR or not math.isfinite(m):
                continue
            power = math.floor(math.log10(abs(m)))
            digits = round(abs(m) / 10**power, 9)
            groups[(m > 0, digits)][power].append((at, figure))
    slips: dict[int, list[_Figure]] = {}
    for (_, digits), by_power in groups.items():
        if len(by_power) < 2:
            continue
        odd: dict[int, tuple[int, int, int]] = {}  # figure -> (its power, twins', time)
        for power, members in by_power.items():
            for at, figure in members:
                around = _around(times, at, figure)
                own = 10**power
                for other in sorted(by_power):
                    size = 10**other
                    nearer = sum(
                        abs(math.log10(m / digits / size)) < abs(math.log10(m / digits / own))
                        for m in around
                    )
                    if 1 <= abs(other - power) <= 3 and 2 * nearer > len(around):
                        odd[id(figure)] = (power, other, at)
                        break
        slipped_powers = {(power, other) for power, other, _ in odd.values()}
        for power, members in by_power.items():
            for at, figure in members:
                if id(figure) not in odd:
                    continue
                _, other, _ = odd[id(figure)]
                if (other, power) in slipped_powers:
                    continue  # each size looks odd beside the other: neither is the slip
                nearest = sorted(by_power[other], key=lambda t: (abs(t[0] - at), t[0]))
                slips[id(figure)] = [f for _, f in nearest[:_REACH]]
    return slips


def _never_near(
    times: Sequence[_Time], slips: Mapping[int, list[_Figure]]
) -> dict[int, list[_Figure]]:
    """Slips no other figure of the key comes near (every one is nearer the size of the
    slip's twin than the slip's own), with the figures of the key nearest in time to
    each (at most ``_REACH``): 20,000 Syria troops where every figure, in any year, is
    in the hundreds or thousands. A key that was once of the slip's size (Iraq had
    160,000 troops in 2007) has none."""
    placed = [(at, f) for at, t in enumerate(times) if not t.unknown for f in t.figures]
    out: dict[int, list[_Figure]] = {}
    for at, slip in placed:
        twins = slips.get(id(slip))
        if twins is None:
            continue
        own, size = midpoint(slip.interval), midpoint(twins[0].interval)
        if not own or not size or own <= 0 or size <= 0:
            continue
        others = [(i, f) for i, f in placed if f is not slip and f.interval != slip.interval]
        sizes = [midpoint(f.interval) for _, f in others]
        if all(
            m is not None and m > 0 and abs(math.log10(m / size)) < abs(math.log10(m / own))
            for m in sizes
        ):
            nearest = sorted(others, key=lambda t: (abs(t[0] - at), t[0]))
            out[id(slip)] = [f for _, f in nearest[:_REACH]]
    return out


def plan(times: Sequence[_Time], tolerance: float | None, family: str) -> Plan:
    """The slipped-zero rule over the times of a whole key, by figure identity."""
    slips = _slips(times, tolerance)
    if not slips:
        return _NO_PLAN
    identity = {id(f): (t.start, t.end, t.unknown, f.interval) for t in times for f in t.figures}
    against = _never_near(times, slips) if family not in ("flow", "total") else {}
    return Plan(
        {identity[slip]: [identity[id(f)] for f in twins] for slip, twins in slips.items()},
        {identity[slip]: [identity[id(f)] for f in named] for slip, named in against.items()},
    )


def start(
    where: Block,
    measure: str | None,
    rules: Rules,
    lexicon: Lexicon | None = None,
    *,
    focus: Collection[str] | None = None,
    plan: Plan | None = None,
) -> _Key:
    """The state of a key's fold before its first claims (``measure``: the measure or
    unit of its claims, which chooses the rule). ``plan``: the key's slipped-zero plan
    (:func:`plan_of`), needed when the key is folded in several steps."""
    name, rule = rules.for_unit(measure, lexicon)
    return _Key(where, name, rule, focus, plan)


def step(
    state: _Key, claims: Iterable[Claim]
) -> tuple[_Key, list[tuple[tuple[object, ...], Discrepancy]]]:
    """Fold the key's next claims in (every one of a time at or after the times of the
    claims before them, in any order within the step): the state and the findings
    settled, each with its place in the report."""
    return state, state.step(claims)


def finish(state: _Key) -> list[tuple[tuple[object, ...], Discrepancy]]:
    """End a key's fold: its last findings."""
    return state.finish()


def outline(state: _Key, claims: Iterable[Claim]) -> Outline:
    """The :data:`Outline` of some claims of the key of ``state`` (a fold not begun):
    what its plan needs to know of them, none of it when the rule reads no slipped zeros."""
    out: Outline = {}
    if state.rule.typo is None:
        return out
    focus = state.focus
    for claim in claims:
        interval = comparable_interval(claim, state.rule)
        if interval is None:
            continue
        when = state.when(claim)
        if when == _ADRIFT:
            continue
        rank: tuple[object, ...] = order(claim)
        chosen = rank if focus is not None and claim.article in focus else None
        figures = out.setdefault(when, {})
        held = figures.get(interval)
        figures[interval] = (rank, chosen) if held is None else _first(held, (rank, chosen))
    return out


def _first(
    a: tuple[tuple[object, ...], tuple[object, ...] | None],
    b: tuple[tuple[object, ...], tuple[object, ...] | None],
) -> tuple[tuple[object, ...], tuple[object, ...] | None]:
    chosen = a[1] if b[1] is None else b[1] if a[1] is None else min(a[1], b[1])
    return min(a[0], b[0]), chosen


def merge_outlines(a: Outline, b: Outline) -> Outline:
    """One outline of the claims of two (``a`` is updated and returned)."""
    for when, figures in b.items():
        mine = a.setdefault(when, {})
        for interval, ranks in figures.items():
            held = mine.get(interval)
            mine[interval] = ranks if held is None else _first(held, ranks)
    return a


def plan_of(state: _Key, outline: Outline) -> Plan:
    """The plan of the key of ``state`` from the outline of all its claims: what a fold
    in several steps starts with."""
    times: list[_Time] = []
    for when in sorted(outline):
        figures: list[_Figure] = []
        for interval, (first, chosen) in outline[when].items():
            figure = _Figure(interval, [])
            figure.rank = first if chosen is None else chosen
            figures.append(figure)
        figures.sort(key=_rank)
        start_day, end_day, unknown = when
        times.append(_Time(start_day, end_day, granularity(start_day, end_day), figures, unknown))
    return plan(times, state.rule.typo, state.family)


def _around(times: Sequence[_Time], at: int, figure: _Figure) -> list[float]:
    """The sizes of the figures around ``figure`` (of ``times[at]``): the other figures of
    its time and of the nearest known times before and after it."""
    near = [times[at]]
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(times) and times[i].unknown:
            i += step
        if 0 <= i < len(times):
            near.append(times[i])
    sizes = []
    for time in near:
        for other in time.figures:
            if other is figure:
                continue
            m = midpoint(other.interval)
            if m is not None and m > 0 and math.isfinite(m):
                sizes.append(m)
    return sizes


def _one_sentence(a: _Figure, b: _Figure) -> bool:
    """The two figures are stated in one sentence of one article: a sentence does not
    contradict itself; its figures are a whole and its parts ("24 injured: 20 at al-Tanf
    and four at al-Asad"), the ends of a change ("from about 2,000 to fewer than 1,000")
    or different periods ("459,445 in the quarter and 1,773,443 over the year"); but two
    sources set against each other in it dispute ("about 457,000, according to FactSet,
    while a consensus the company compiled pointed to 443,027")."""
    return any(
        x.article == y.article and x.sentence == y.sentence and x.sentence
        for x in a.claims
        for y in b.claims
    ) and not _disputed(a.lead, b.lead)


def _disputed(a: Claim, b: Claim) -> bool:
    """Both figures are attributed, to different sources."""
    return (
        a.attribution is not None and b.attribution is not None and a.attribution != b.attribution
    )


def _size(a: float | None, b: float | None) -> float | None:
    """The larger figure divided by the smaller (≥ 1), or ``None`` if not meaningful."""
    if a is None or b is None or a == 0 or b == 0 or (a < 0) != (b < 0):
        return None
    a, b = abs(a), abs(b)
    return _finite(max(a, b) / min(a, b))


def _finite(ratio: float) -> float | None:
    """A ratio, or ``None`` when the two figures are too far apart for a float (1e308 vs
    1e-10): ``Discrepancy.ratio`` is never inf or NaN."""
    return ratio if math.isfinite(ratio) and ratio != 0 else None


def _candidates(
    first: list[_Figure], second: list[_Figure] | None
) -> Iterator[tuple[_Figure, _Figure]]:
    """The pairs of figures to judge: all of them, or, when there are too many, each
    figure with its neighbours in value order and the two extremes of the other side.

    The choice depends on the figures alone, never on the tolerances.
    """
    if second is None:
        if len(first) * (len(first) - 1) // 2 <= _ALL_PAIRS:
            for i, a in enumerate(first):
                for b in first[i + 1 :]:
                    yield a, b
            return
        seen: set[tuple[int, int]] = set()
        for a, b in _by_value(first, first):
            pair = (min(id(a), id(b)), max(id(a), id(b)))
            if a is not b and pair not in seen:
                seen.add(pair)
                yield a, b
        return
    if len(first) * len(second) <= _ALL_PAIRS:
        for a in first:
            for b in second:
                yield a, b
        return
    pairs: set[tuple[int, int]] = set()
    for a, b in (*_by_value(first, second), *((a, b) for b, a in _by_value(second, first))):
        if (id(a), id(b)) not in pairs:
            pairs.add((id(a), id(b)))
            yield a, b


def _by_value(figures: list[_Figure], others: list[_Figure]) -> Iterator[tuple[_Figure, _Figure]]:
    """Each figure with the figures of ``others`` next to it in value order, and with
    the one that ends lowest and the one that starts highest."""
    ranked = sorted(others, key=lambda f: (f.interval.low, f.interval.high))
    lows = [f.interval.low for f in ranked]
    lowest = min(others, key=lambda f: (f.interval.high, f.interval.low))
    highest = ranked[-1]
    for figure in figures:
        at = bisect.bisect_left(lows, figure.interval.low)
        for neighbour in ranked[max(at - 1, 0) : at + 1]:
            yield figure, neighbour
        yield figure, lowest
        yield figure, highest


def _who(claim: Claim) -> str:
    details = ", ".join(
        x for x in (claim.source, claim.anchor and f"published {claim.anchor}") if x
    )
    return f"{claim.article} ({details})" if details else claim.article


def _figure(claim: Claim) -> str:
    """The figure, its time and its source in words: ``"31" as of 2023-11-04 ("since 17
    October"), according to Pentagon``."""
    when = claim.time.label()
    if claim.time.basis == "published":
        when += " (publication date)"
    elif claim.time.text:
        when += f' ("{claim.time.text}")'
    joiner = "" if when.startswith(("until", "since")) else "for "
    if claim.statistic == "running_total" and claim.as_of is not None:
        joiner, when = (
            "",
            f"as of {claim.as_of.isoformat()}"
            + (f' ("{claim.time.text}")' if claim.time.text else ""),
        )
    if claim.event:
        when += f", {claim.event}"
    if claim.attribution:
        when += f", according to {claim.attribution}"
    return f'"{claim.text}" {joiner}{when}'


def _times(ratio: float) -> str:
    """``2.00×``, ``0.50×``; small ratios keep two significant digits (``0.00087×``)."""
    return f"{ratio:.2f}×" if abs(ratio) >= 0.1 else f"{ratio:.2g}×"


def _explain(
    a: tuple[str, str],
    b: tuple[str, str],
    same_article: bool,
    check: Check,
    rule: MeasureRule,
    name: str,
    gap: int | None,
    coarser: Granularity | None,
    ratio: float | None,
    window: int | None = None,
    slip: tuple[str, str] | None = None,
    *,
    narrowed: bool = False,
) -> str:
    """Two plain sentences: both figures with source and time, then the ratio and rule
    (``window``: the days two times may be apart and be the same time; ``slip``: the
    slipped zero of the two, and the figure it slipped from, when the other is neither;
    ``narrowed``: both are exact numbers, read to the last digit they are stated to)."""
    same = " (same article)" if same_article else ""
    head = f"{a[0]} says {a[1]}; {b[0]}{same} says {b[1]}."
    times = (
        f"The second figure is {_times(ratio)} the first" if ratio is not None else "They differ"
    )
    tolerance = f"{rule.relative_tolerance:.0%}"
    if rule.absolute_tolerance:
        tolerance += f" (or {rule.absolute_tolerance:g})"
    tolerance += " tolerance"
    size = None if not ratio else max(ratio, 1 / ratio)
    if narrowed and size is not None and size - 1 <= rule.relative_tolerance:
        # within the tolerance, yet apart: two precise figures ("484,507" and "494,989")
        # are read to the last digit they are stated to
        tolerance += ", narrowed to the last digit each figure is stated to"
    if check == "unknown-time":
        why = f", beyond the {tolerance}, and a time is unknown"
    elif check == "conflict":
        assert coarser is not None
        window = rule.time_window.days(coarser) if window is None else window
        when = "the times overlap" if not gap else f"{gap:,} days apart"
        why = (
            f", beyond the {tolerance}, for the same time ({when}; the window "
            f"for {coarser}-precise times is {window:,} days): {VERDICTS['conflict'].means}"
        )
    elif check == "regression":
        why = (
            f"; {name} is a running total, so a lower later figure is "
            f"{VERDICTS['regression'].means}"
        )
    elif check == "typo" and slip is not None:
        why = (
            f'; "{slip[0]}" is a slipped zero of "{slip[1]}" stated elsewhere for this '
            "measure (the same digits, a power of ten apart, where the figures around it "
            "are of the other size): an error, not a change"
        )
    elif check == "typo":
        why = (
            f"; the figures are a power of ten apart ({_times(ratio or 0)}) with the same "
            "digits: a slipped zero or a misplaced separator rather than a change, whatever "
            "the time between them"
        )
    elif check == "update":
        why = f"; a running total counted to a later date is higher: {VERDICTS['update'].means}"
    elif check == "disputed":
        when = (
            "a time is unknown"
            if gap is None
            else ("the times overlap" if not gap else f"the times are {gap:,} days apart")
        )
        why = (
            f", beyond the {tolerance} ({when}), and each comes from a different "
            f"source: {VERDICTS['disputed'].means}"
        )
    else:
        why = f"; the times are {gap:,} days apart: {VERDICTS['change'].means}"
    return f"{head} {times}{why} (rule {name}/{check})."
