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

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ._lexicon import Lexicon, default_lexicon, problems, read_toml
from ._models import NumcheckError, Severity


class RulesError(NumcheckError):
    """A rules file or mapping that cannot be used; the message names file, key, problem."""


class MeasureRule(BaseModel):
    """How claims about one measure are compared."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    relative_tolerance: float = Field(0.05, ge=0, le=10)
    """Two intervals agree when they overlap after widening each by this fraction."""
    absolute_tolerance: float = Field(0.0, ge=0)
    """...or by this absolute amount, whichever is larger (small counts: 3 against 4)."""
    approx: float = Field(0.10, ge=0, le=1)
    """"about", "roughly", "around", "some": the figure ± this fraction."""
    nearly: float = Field(0.10, ge=0, le=1)
    """"nearly", "almost", "just under": from the figure less this fraction up to it."""
    same_time_days: int = Field(31, ge=0)
    """Two claims whose times are at most this many days apart describe the same time."""
    cumulative: bool | None = None
    """A running total that may only grow (tolls); ``None``: as the taxonomy says."""
    conflict: Severity = "error"
    """Severity of a conflict: same time, values disagree beyond tolerance."""
    change: Severity = "info"
    """Severity of a change: different times, different values."""
    regression: Severity = "warning"
    """Severity of a regression: a cumulative figure that went down over time."""
    unknown_time: Severity = "warning"
    """Severity when values disagree and a time is unknown (reported as a conflict)."""


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
            merged[name] = {**default, **entry} if isinstance(entry, Mapping) else entry
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
        return name, rule

    @classmethod
    def from_file(cls, path: str | Path) -> Rules:
        """Load ``numcheck.toml`` (top-level tables) or ``pyproject.toml`` (``[tool.numcheck]``)."""
        path = Path(path)
        data = read_toml(path, RulesError, "rules")
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("numcheck", {})
        return cls.parse(data, source=str(path))

    @classmethod
    def parse(cls, data: Mapping[str, Any], *, source: str = "rules") -> Rules:
        """Validate a mapping; errors name ``source``, the key and the problem."""
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            raise RulesError(f"{source}: invalid rules: {problems(exc)}") from None


def find_rules(start: str | Path = ".") -> Rules:
    """The rules of the project at ``start``: ``numcheck.toml``, else ``[tool.numcheck]``."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / "numcheck.toml").is_file():
            return Rules.from_file(candidate / "numcheck.toml")
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            with pyproject.open("rb") as handle:
                try:
                    if "numcheck" in tomllib.load(handle).get("tool", {}):
                        return Rules.from_file(pyproject)
                except tomllib.TOMLDecodeError:
                    pass
    return Rules()
