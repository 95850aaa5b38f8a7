"""Which findings count: ``--select`` and ``--ignore`` by rule or verdict.

A finding's rule is ``MEASURE/CHECK`` (``troops/conflict``, ``default/typo``; see
docs/rules.md). A name picks the findings

- whose verdict it is (``conflict``, ``change``, ``regression``, ``update``,
  ``disputed``: :data:`~numcheck._models.VERDICTS`),
- whose check it is (the verdicts and ``typo``, ``unknown-time``: ``--ignore typo``
  drops slipped zeros),
- whose measure's rule it is (``troops``, ``default``: a ``[measures.NAME]`` table, a
  measure of the taxonomy or a physical unit),
- or whose whole rule it is (``troops/typo``).

With names to select, a finding counts when it matches one of them; a finding that
matches a name to ignore never counts (ignore wins).

>>> from numcheck import Claim, Discrepancy
>>> a = Claim(article="x", value=1, unit="troops")
>>> d = Discrepancy(key=a.key, verdict="conflict", severity="error", claims=(a, a),
...                 rule="troops/typo", explanation="")
>>> [Selection(select=(s,)).keep(d) for s in ("conflict", "typo", "troops", "troops/typo")]
[True, True, True, True]
>>> Selection(select=("change",)).keep(d), Selection(ignore=("typo",)).keep(d)
(False, False)
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import get_args

from ._models import VERDICTS, Discrepancy, NumcheckError
from ._rules import Check

CHECKS: tuple[str, ...] = get_args(Check)
"""The checks a rule name ends with (``MEASURE/CHECK``)."""


class SelectionError(NumcheckError):
    """A name given to ``--select`` or ``--ignore`` that names no rule and no verdict."""


def split_names(values: Iterable[str]) -> tuple[str, ...]:
    """The names of repeated options that may each hold a comma list, in order, once each.

    >>> split_names(["conflict, typo", "troops", "typo,"])
    ('conflict', 'typo', 'troops')
    """
    names: dict[str, None] = {}
    for value in values:
        for name in value.split(","):
            if name.strip():
                names[name.strip()] = None
    return tuple(names)


def _parts(rule: str) -> tuple[str, str]:
    """(measure, check) of a rule name; the check never holds a slash, a unit may."""
    measure, _, check = rule.rpartition("/")
    return measure, check


def _matches(name: str, finding: Discrepancy) -> bool:
    if name in (finding.verdict, finding.rule):
        return True
    measure, check = _parts(finding.rule)
    return name in (measure, check)


@dataclass(frozen=True)
class Selection:
    """The names to select (empty: every finding) and to ignore."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()

    def keep(self, finding: Discrepancy) -> bool:
        """Whether ``finding`` counts."""
        if self.select and not any(_matches(name, finding) for name in self.select):
            return False
        return not any(_matches(name, finding) for name in self.ignore)

    def apply(self, findings: Iterable[Discrepancy]) -> list[Discrepancy]:
        """The findings that count, in their order."""
        if not self.select and not self.ignore:
            return list(findings)
        return [finding for finding in findings if self.keep(finding)]

    def __bool__(self) -> bool:
        return bool(self.select or self.ignore)


def selection(
    select: Iterable[str],
    ignore: Iterable[str],
    *,
    rules: Collection[str],
    measures: Collection[str],
) -> Selection:
    """The selection of the ``--select`` / ``--ignore`` values (comma lists allowed).

    ``rules`` are the rule names of the rules table (``default`` and its
    ``[measures.NAME]``), ``measures`` every other name a measure's rule may have (see
    :func:`numcheck._rules.known_measures`). A name that is no verdict, no check, no
    measure and no ``MEASURE/CHECK`` of them is a :class:`SelectionError` naming the
    option and listing the known names.
    """
    chosen = Selection(split_names(select), split_names(ignore))
    every = {*rules, *measures}
    for option, names in (("--select", chosen.select), ("--ignore", chosen.ignore)):
        for name in names:
            if not _known(name, every):
                raise SelectionError(
                    f"{option}: unknown rule or verdict {name!r}; known: {known(rules)}"
                )
    return chosen


def _known(name: str, measures: Collection[str]) -> bool:
    if name in VERDICTS or name in CHECKS or name in measures:
        return True
    measure, check = _parts(name)
    return bool(measure) and check in CHECKS and measure in measures


def known(rules: Iterable[str]) -> str:
    """The known names, for an error message."""
    checks = [c for c in CHECKS if c not in VERDICTS]
    return (
        f"verdicts {', '.join(VERDICTS)}; checks {', '.join(checks)}; "
        f"rules {', '.join(sorted(set(rules)))}, or any measure of the taxonomy "
        "or unit, alone or as MEASURE/CHECK"
    )
