"""Tolerance rules: when two figures about the same measure count as agreeing.

Rules are a pydantic model, so a rules file is validated up front: an unknown key, a
negative tolerance or a misspelt severity is an error naming the file, the key and the
problem. ``[default]`` applies to every measure; ``[measures.NAME]`` overrides some of
its fields for one measure (the other fields come from ``[default]``).

>>> rules = Rules.model_validate({"measures": {"deaths": {"relative_tolerance": 0.2}}})
>>> rules.for_unit("deaths")[1].relative_tolerance, rules.for_unit("troops")[1].relative_tolerance
(0.2, 0.05)
"""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from ._lexicon import Lexicon, default_lexicon, problems, read_toml
from ._models import SEVERITY_RANK, NumcheckError, Severity
from ._units import unit_names

Granularity = Literal["day", "week", "month", "quarter", "year", "longer"]
"""How precise a time is: the length of its span (open spans are ``longer``)."""
Check = Literal["conflict", "change", "regression", "unknown-time", "update", "disputed", "typo"]
"""The check that produced a finding; rules name it as ``MEASURE/CHECK``."""

CHECKS: dict[str, str] = {
    "conflict": "Two figures for the same measure and the same time disagree beyond the tolerance.",
    "typo": "Two precise figures a power of ten apart: a slipped zero, not a change.",
    "disputed": "Sources named for each figure disagree about the same time.",
    "regression": "A running total that may only grow went down over time.",
    "unknown-time": "Two figures disagree and the time of one of them is unknown.",
    "update": "A running total or a toll grew between reports: an update, not a contradiction.",
    "change": "Different values at different times: a change over time, not a contradiction.",
}
"""What each check finds, one sentence each (the rule descriptions of ``--format sarif``
and ``docs/rules.md``'s checks); a rule ``MEASURE/CHECK`` is described by its check's."""


class RulesError(NumcheckError):
    """A rules file or mapping that cannot be used; the message names file, key, problem."""


class TimeWindow(BaseModel):
    """Days two times may be apart and still describe the same time, by granularity.

    A pair of claims uses the window of the coarser of its two times: a day ("now", "on
    12 March"), a week, a month ("November 2007"), a quarter, a year ("in 2016") or a
    longer or open period ("since 2003"). Overlapping times are always the same time.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    day: int = Field(31, ge=0)
    week: int = Field(31, ge=0)
    month: int = Field(0, ge=0)
    quarter: int = Field(0, ge=0)
    year: int = Field(0, ge=0)
    longer: int = Field(0, ge=0)

    def days(self, granularity: Granularity) -> int:
        """The window for a pair whose coarser time has ``granularity``."""
        return int(getattr(self, granularity))


class Step(BaseModel):
    """One step of a severity scale: from this ratio of the two figures on, ``severity``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    from_ratio: float = Field(ge=1)
    severity: Severity


SeverityScale = Severity | tuple[Step, ...]
"""A fixed severity, or steps by the size of the difference (the larger figure divided by
the smaller): the last step whose ``from_ratio`` is reached applies; below the first step,
the first step's severity."""


class MeasureRule(BaseModel):
    """How claims about one measure are compared."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relative_tolerance: float = Field(0.05, ge=0, le=10)
    """Two intervals agree when they overlap after widening each by this fraction."""
    absolute_tolerance: float = Field(0.0, ge=0)
    """...or by this absolute amount, whichever is larger (small counts: 3 against 4)."""
    rate_points: float | None = Field(0.05, ge=0)
    """Rates and shares (inflation, turnout: measures whose statistic is a rate or a
    share) agree within this many percentage points instead of the relative tolerance:
    11.1% and 11.4% are two different rates, 2.0% and 2% one; ``None``: the relative and
    absolute tolerances, as for counts."""
    approx: float = Field(0.10, ge=0, le=1)
    """"about", "roughly", "around", "some": the figure ± half the step it is rounded to
    ("about 3,000": the thousand), at most this fraction of it."""
    approx_min: float = Field(0.01, ge=0, le=1)
    """...and at least this fraction ("around 38,400" is ± 1%, not ± 50)."""
    nearly: float = Field(0.10, ge=0, le=1)
    """"nearly", "almost", "just under": from the figure less this fraction up to it."""
    open_ends: float | None = Field(None, ge=0)
    """"more than N"/"at least N" are open above and "fewer than N"/"up to N" open below
    (``None``); a fraction closes them at N × (1 + f) and N × (1 − f)."""
    vague: dict[str, tuple[float, float]] = Field(default_factory=dict)
    """Intervals of vague amounts for this measure, overriding ``numcheck/data/vague.toml``
    ("hundreds" = [100, 999])."""
    time_window: TimeWindow = Field(default_factory=TimeWindow)
    """How close two times must be to count as the same time, by granularity."""
    cumulative: bool | None = None
    """A running total that may only grow (tolls); ``None``: as the taxonomy says."""
    conflict: SeverityScale = (
        Step(from_ratio=1, severity="warning"),
        Step(from_ratio=1.2, severity="error"),
    )
    """Severity of a conflict (same time, values disagree beyond tolerance): a warning
    when the figures differ by less than 1.2×, an error from 1.2× on."""
    change: SeverityScale = "info"
    """Severity of a change: different times, different values."""
    regression: SeverityScale = "warning"
    """Severity of a regression: a running total that went down over time."""
    update: SeverityScale = "info"
    """Severity of an update: a running total or a toll that grew between reports."""
    disputed: SeverityScale = "warning"
    """Severity of a disputed figure: sources named for each figure disagree for the same
    time (one source contradicting itself is a conflict)."""
    typo: float | None = Field(0.02, ge=0, le=0.2)
    """Two precise figures of different times, 100 or more, a power of ten apart within
    this fraction (25,000 against 2,500) are a conflict (rule ``MEASURE/typo``: a slipped
    zero), not a change, unless a running total grew; ``None`` turns the check off, and
    the reading of slips anywhere in a key (docs/rules.md) with it."""
    typo_severity: SeverityScale = "error"
    """Severity of a slipped zero."""
    total_window: int = Field(0, ge=0)
    """Days two running totals' as-of dates may be apart and still be the same count
    (0: the same day). Totals counted to different days are an update or a regression."""
    dispute_window: int = Field(3, ge=0)
    """Days apart two sources' tolls of one incident may be reported and still be two
    accounts of one count: disagreeing, they are ``disputed`` (Pentagon 21 injured, Central
    Command 24 the next day); reported further apart, a higher later toll is an
    ``update`` (tolls grow as reports come in) and a lower one stays ``disputed``."""
    unknown_time: SeverityScale = "warning"
    """Severity when values disagree and a time is unknown (reported as a conflict)."""

    same_time_days: int | None = Field(None, ge=0)
    """Short for ``time_window = {day = N, week = N}`` (an explicit ``time_window`` wins)."""

    @model_validator(mode="after")
    def _shorthand(self) -> MeasureRule:
        if self.same_time_days is not None:
            explicit = self.time_window.model_fields_set
            days = {g: self.same_time_days for g in ("day", "week") if g not in explicit}
            # The model is frozen; this runs once, while it is being built.
            object.__setattr__(self, "time_window", self.time_window.model_copy(update=days))
        return self

    @field_validator(
        "conflict", "change", "regression", "unknown_time", "update", "disputed", "typo_severity"
    )
    @classmethod
    def _steps_ascend(cls, scale: SeverityScale) -> SeverityScale:
        if isinstance(scale, tuple):
            if not scale:
                raise ValueError("a severity scale needs at least one step")
            ratios = [step.from_ratio for step in scale]
            if ratios != sorted(set(ratios)):
                raise ValueError("steps must have strictly increasing from_ratio")
        return scale

    @field_validator("vague")
    @classmethod
    def _vague_bounds(cls, table: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
        for phrase, (low, high) in table.items():
            if not 0 <= low <= high:
                raise ValueError(f"{phrase!r}: need 0 <= low <= high, got [{low}, {high}]")
        return {" ".join(phrase.lower().split()): bounds for phrase, bounds in table.items()}

    def severity(self, check: Check, ratio: float | None) -> Severity:
        """The severity of a finding of ``check`` whose figures differ by ``ratio`` (≥ 1;
        ``None`` when unknown, which takes the most severe step).

        >>> MeasureRule().severity("conflict", 1.1), MeasureRule().severity("conflict", 2.0)
        ('warning', 'error')
        """
        name = "typo_severity" if check == "typo" else check.replace("-", "_")
        scale: SeverityScale = getattr(self, name)
        if isinstance(scale, str):
            return scale
        if ratio is None:
            return min((s.severity for s in scale), key=SEVERITY_RANK.__getitem__)
        chosen = scale[0].severity
        for step in scale:
            if ratio >= step.from_ratio:
                chosen = step.severity
        return chosen


class Rules(BaseModel):
    """The rule set: a default rule and per-measure overrides."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default: MeasureRule = Field(default_factory=MeasureRule)
    measures: dict[str, MeasureRule] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _inherit(cls, data: Any) -> Any:
        """Per-measure tables only name what differs from ``[default]``."""
        if not isinstance(data, Mapping):
            return data
        default = data.get("default") or {}
        if isinstance(default, MeasureRule):
            default = default.model_dump(exclude_unset=True)
        measures = data.get("measures") or {}
        if not isinstance(measures, Mapping) or not isinstance(default, Mapping):
            return data
        merged: dict[str, Any] = {}
        for name, entry in measures.items():
            if isinstance(entry, MeasureRule):
                entry = entry.model_dump(exclude_unset=True)
            merged[name] = _merge(default, entry) if isinstance(entry, Mapping) else entry
        return {**data, "measures": merged}

    def for_unit(self, unit: str | None, lexicon: Lexicon | None = None) -> tuple[str, MeasureRule]:
        """The rule's name and the rule that applies to claims in ``unit``.

        ``lexicon`` (default: the packaged one) says which units are cumulative.
        """
        lexicon = lexicon or default_lexicon()
        if unit is not None and unit in self.measures:
            rule, name = self.measures[unit], unit
        elif unit is not None and unit in lexicon.units:
            rule, name = self.default, unit  # a taxonomy measure under the default rule
        else:
            rule, name = self.default, "default"
        if rule.cumulative is None:
            cumulative = unit in lexicon.cumulative
            rule = rule.model_copy(update={"cumulative": cumulative})
        base = (unit or "").removesuffix("-forecast").removesuffix("-target")
        if rule.rate_points is not None and lexicon.statistics.get(base) in ("rate", "share"):
            rule = rule.model_copy(
                update={"relative_tolerance": 0.0, "absolute_tolerance": rule.rate_points}
            )
        return name, rule

    @classmethod
    def from_file(
        cls, path: str | Path, *, lexicon: Lexicon | None = None, measures: Iterable[str] = ()
    ) -> Rules:
        """Load ``numcheck.toml`` (top-level tables) or ``pyproject.toml`` (``[tool.numcheck]``).

        A ``[measures.NAME]`` table whose NAME no claim can have (not a measure of
        ``lexicon``, not a unit, not one of ``measures``: say, the units of claims read
        from files) is a :class:`RulesError` naming the file, the table and the name.
        """
        path = Path(path)
        data: Mapping[str, Any] | None = read_toml(path, RulesError, "rules")
        if path.name == "pyproject.toml" and data is not None:
            data = _tool_numcheck(path, data)
        if data is None:
            raise RulesError(f"{path}: no [tool.numcheck] table of rules")
        rules = cls.parse(data, source=str(path))
        rules.check_measures(
            known_measures(lexicon, measures), source=str(path), table=_prefix(path)
        )
        return rules

    def check_measures(self, known: Collection[str], *, source: str, table: str = "") -> None:
        """Refuse a ``[measures.NAME]`` table whose NAME is not in ``known``: it would be
        ignored without a word (a misspelt ``[measures.troop]``)."""
        for name in self.measures:
            if name not in known:
                close = difflib.get_close_matches(name, sorted(known), n=3)
                hint = f"did you mean {', '.join(close)}? " if close else ""
                units = unit_names()
                listed = sorted(n for n in known if n not in units and not n.endswith(_SUFFIXES))
                raise RulesError(
                    f"{source}: [{table}measures.{_toml_key(name)}]: unknown measure {name!r} "
                    f"(no claim has it, so the table would never apply); {hint}known "
                    f"measures: {', '.join(listed)}, or a unit (km, USD, ...)"
                )

    @classmethod
    def parse(cls, data: Mapping[str, Any], *, source: str = "rules") -> Rules:
        """Validate a mapping; errors name ``source``, the key and the problem."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise RulesError(f"{source}: invalid rules: {problems(exc)}") from None


def _merge(default: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """``override`` over ``default``; tables (``time_window``, ``vague``) merge key by key."""
    merged = dict(default)
    for key, value in override.items():
        base = merged.get(key)
        if isinstance(base, Mapping) and isinstance(value, Mapping):
            merged[key] = {**base, **value}
        else:
            merged[key] = value
    return merged


def _tool_numcheck(path: Path, data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The ``[tool.numcheck]`` table of a parsed ``pyproject.toml``, or ``None``."""
    tool = data.get("tool")
    if tool is None:
        return None
    if not isinstance(tool, Mapping):
        raise RulesError(f"{path}: 'tool' must be a table, not {_toml_type(tool)}")
    table = tool.get("numcheck")
    if table is not None and not isinstance(table, Mapping):
        raise RulesError(f"{path}: [tool.numcheck] must be a table, not {_toml_type(table)}")
    return table


def _toml_type(value: Any) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


def find_rules_file(start: str | Path = ".") -> Path | None:
    """The rules file of the project at ``start``: the first ``numcheck.toml``, or
    ``pyproject.toml`` with ``[tool.numcheck]``, from ``start`` upward; ``None``: none.

    A ``pyproject.toml`` on the way that cannot be read (not UTF-8, not TOML, ``tool``
    not a table) is a :class:`RulesError`: it might hold the rules.
    """
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "numcheck.toml").is_file():
            return candidate / "numcheck.toml"
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _tool_numcheck(pyproject, read_toml(pyproject, RulesError, "rules"))
            if table is not None:
                return pyproject
    return None


def find_rules(
    start: str | Path = ".", *, lexicon: Lexicon | None = None, measures: Iterable[str] = ()
) -> Rules:
    """The rules of the project at ``start`` (:func:`find_rules_file`), else the defaults.

    ``lexicon`` and ``measures`` say which ``[measures.NAME]`` tables are known, as for
    :meth:`Rules.from_file`.
    """
    path = find_rules_file(start)
    if path is None:
        return Rules()
    return Rules.from_file(path, lexicon=lexicon, measures=measures)


MODALITIES = ("forecast", "target")
"""What a measure's forecasts and targets are called: ``deliveries-forecast``."""
_SUFFIXES = tuple(f"-{modality}" for modality in MODALITIES)


def known_measures(lexicon: Lexicon | None = None, measures: Iterable[str] = ()) -> frozenset[str]:
    """Every name a measure's rule may have: ``default``, the measures of ``lexicon``
    (default: the packaged one) and their forecasts and targets, the units, and
    ``measures`` (the units and measures of claims read from files)."""
    units = (lexicon or default_lexicon()).units
    suffixed = {f"{unit}-{modality}" for unit in units for modality in MODALITIES}
    return frozenset({"default", *units, *suffixed, *unit_names(), *measures})


def _prefix(path: Path) -> str:
    return "tool.numcheck." if path.name == "pyproject.toml" else ""


def _toml_key(name: str) -> str:
    """``name`` as a TOML key: bare when it can be, else quoted."""
    if name and all(c.isascii() and (c.isalnum() or c in "-_") for c in name):
        return name
    return toml_string(name)


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string: quotes, backslashes and control characters
    escaped, so that TOML reads back ``text``."""
    out = ['"']
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def rules_toml(rules: Rules) -> str:
    """``rules`` as a rules file (``numcheck.toml``) that reads back as the same rules:
    ``[default]`` and each ``[measures.NAME]`` with every field, merged.

    >>> text = rules_toml(Rules.parse({"measures": {"deaths": {"absolute_tolerance": 2}}}))
    >>> import tomllib
    >>> Rules.parse(tomllib.loads(text)).for_unit("deaths")[1].absolute_tolerance
    2.0
    >>> text.splitlines()[:3]
    ['[default]', 'relative_tolerance = 0.05', 'absolute_tolerance = 0.0']
    """
    out: list[str] = []
    tables = [("default", rules.default)]
    tables += [(f"measures.{_toml_key(name)}", rule) for name, rule in rules.measures.items()]
    for table, rule in tables:
        out.append(f"[{table}]")
        nested: list[tuple[str, Mapping[str, Any]]] = []
        for key, value in rule.model_dump().items():
            if value is None:
                continue  # not set: TOML has no null, and leaving it out means the same
            if isinstance(value, Mapping):
                nested.append((key, value))
            else:
                out.append(f"{key} = {_toml_value(value)}")
        for key, value in nested:
            if value:
                out += ["", f"[{table}.{key}]"]
                out += [f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items()]
        out.append("")
    return "\n".join(out)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, Mapping):
        return (
            "{ "
            + ", ".join(f"{_toml_key(str(k))} = {_toml_value(v)}" for k, v in value.items())
            + " }"
        )
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"no TOML for {type(value).__name__}")  # pragma: no cover
