"""Stage 6: compare claims about the same measure under the rules.

Claims are blocked on their ``key`` (unit, subject, location): only claims with the
same key are compared, and only levels (not changes) with a known unit. For each pair:

- both times known and at most ``same_time_days`` apart, intervals disagree beyond
  tolerance: ``conflict``;
- times further apart, values disagree: ``change``, or ``regression`` when the measure
  is cumulative and the later figure is below the earlier one;
- a time unknown and values disagree: ``conflict`` with the ``unknown_time`` severity.

Claims that agree are not reported. Claims from the same article are compared too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from ._lexicon import Lexicon, default_lexicon
from ._models import UNKNOWN, Claim, Discrepancy, Severity, TimeSpan, Verdict
from ._normalize import Interval, agree, comparable_interval, midpoint
from ._rules import MeasureRule, Rules


def compare(
    claims: Iterable[Claim], rules: Rules, lexicon: Lexicon | None = None
) -> list[Discrepancy]:
    """Every discrepancy among ``claims``, most severe first, then by key."""
    lexicon = lexicon or default_lexicon()
    incomparable = lexicon.incomparable
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if (
            claim.kind == "level"
            and claim.unit
            and claim.unit not in incomparable
            and not claim.key.startswith(UNKNOWN + "|")
        ):
            groups[claim.key].append(claim)
    found: list[Discrepancy] = []
    for key in sorted(groups):
        name, rule = rules.for_unit(groups[key][0].unit, lexicon)
        members = sorted(groups[key], key=_order)
        intervals = [comparable_interval(c, rule) for c in members]
        for i, first in enumerate(members):
            for j in range(i + 1, len(members)):
                a, b = intervals[i], intervals[j]
                if a is None or b is None:
                    continue
                judged = _judge(first, members[j], a, b, rule, name)
                if judged is not None:
                    found.append(judged)
    found.sort(key=lambda d: (_rank(d.severity), d.key, _order(d.claims[0]), _order(d.claims[1])))
    return found


def _order(claim: Claim) -> tuple[dt.date, dt.date, str, int]:
    start = claim.time.start or claim.time.end or dt.date.min
    end = claim.time.end or claim.time.start or dt.date.max
    return (start, end, claim.article, claim.start or 0)


def _rank(severity: Severity) -> int:
    return {"error": 0, "warning": 1, "info": 2}[severity]


def _gap_days(a: TimeSpan, b: TimeSpan) -> int | None:
    """Days between two times (0 when they overlap); ``None`` if either is unknown."""
    if not (a.known and b.known):
        return None
    a_start, a_end = a.start or dt.date.min, a.end or dt.date.max
    b_start, b_end = b.start or dt.date.min, b.end or dt.date.max
    if a_end < b_start:
        return (b_start - a_end).days
    if b_end < a_start:
        return (a_start - b_end).days
    return 0


def _judge(
    a: Claim,
    b: Claim,
    ia: Interval,
    ib: Interval,
    rule: MeasureRule,
    name: str,
) -> Discrepancy | None:
    if agree(ia, ib, rule):
        return None
    gap = _gap_days(a.time, b.time)
    verdict: Verdict
    if gap is None:
        verdict, severity, check = "conflict", rule.unknown_time, "unknown-time"
    elif gap <= rule.same_time_days:
        verdict, severity, check = "conflict", rule.conflict, "conflict"
    elif rule.cumulative and ib.high < ia.low:
        verdict, severity, check = "regression", rule.regression, "regression"
    else:
        verdict, severity, check = "change", rule.change, "change"
    ma, mb = midpoint(ia), midpoint(ib)
    ratio = mb / ma if ma and mb is not None else None
    return Discrepancy(
        key=a.key,
        verdict=verdict,
        severity=severity,
        claims=(a, b),
        rule=f"{name}/{check}",
        explanation=_explain(a, b, verdict, check, rule, name, gap, ratio),
        ratio=ratio,
        same_article=a.article == b.article,
    )


def _who(claim: Claim) -> str:
    details = ", ".join(
        x for x in (claim.source, claim.anchor and f"published {claim.anchor}") if x
    )
    return f"{claim.article} ({details})" if details else claim.article


def _figure(claim: Claim) -> str:
    when = claim.time.label()
    if claim.time.basis == "published":
        when += " (publication date)"
    elif claim.time.text:
        when += f' ("{claim.time.text}")'
    joiner = "" if when.startswith(("until", "since")) else "for "
    return f'"{claim.text}" {joiner}{when}'


def _explain(
    a: Claim,
    b: Claim,
    verdict: Verdict,
    check: str,
    rule: MeasureRule,
    name: str,
    gap: int | None,
    ratio: float | None,
) -> str:
    """Two plain sentences: both figures with source and time, then the ratio and rule."""
    same = " (same article)" if a.article == b.article else ""
    head = f"{_who(a)} says {_figure(a)}; {_who(b)}{same} says {_figure(b)}."
    times = f"The second figure is {ratio:.2f}× the first" if ratio is not None else "They differ"
    tolerance = f"{rule.relative_tolerance:.0%}"
    if rule.absolute_tolerance:
        tolerance += f" (or {rule.absolute_tolerance:g})"
    if check == "unknown-time":
        why = f", beyond the {tolerance} tolerance, and a time is unknown"
    elif verdict == "conflict":
        why = (
            f", beyond the {tolerance} tolerance, for the same time "
            f"(within {rule.same_time_days} days): a conflict"
        )
    elif verdict == "regression":
        why = f"; {name} is cumulative, so a lower later figure is a regression"
    else:
        why = f"; the times are {gap:,} days apart: a change over time, not a contradiction"
    return f"{head} {times}{why} (rule {name}/{check})."
