"""pandas DataFrames of claims and discrepancies: one row per item, one column per field.

pandas is an optional dependency (``pip install 'numcheck[notebook]'``) and is imported
only when a frame is asked for.

Columns are exactly the model's fields, in the order of ``docs/data-model.md``. Numbers
are ``float64`` (``NaN`` for null), offsets, lines and columns nullable ``Int64``, ``anchor`` a
``datetime64`` (``NaT`` when unknown), ``same_article`` a ``bool``; a claim's ``time``
holds its :class:`~numcheck.TimeSpan` (``frame.time.map(lambda t: t.start)`` gives the
start dates) and a discrepancy's ``claims`` holds the pair of :class:`~numcheck.Claim`.
The index is the claim's id (``article:start-end``) for claims and a range for
discrepancies.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._models import Claim, Discrepancy

if TYPE_CHECKING:
    import pandas as pd

MISSING = (
    "numcheck's DataFrames need pandas, an optional dependency: pip install 'numcheck[notebook]'"
)


def require_pandas() -> ModuleType:
    """pandas, or an ImportError that says how to install it."""
    try:
        import pandas
    except ImportError as exc:  # pragma: no cover - exercised without the extra only
        raise ImportError(MISSING) from exc
    return pandas


def claims_frame(claims: Sequence[Claim]) -> pd.DataFrame:
    """One row per claim, one column per :class:`Claim` field."""
    pandas = require_pandas()
    columns = list(Claim.model_fields)
    data: dict[str, list[Any]] = {name: [getattr(c, name) for c in claims] for name in columns}
    frame = pandas.DataFrame(data, columns=columns, index=[c.id for c in claims])
    frame.index.name = "id"
    for name in ("value", "low", "high"):
        frame[name] = frame[name].astype("float64")
    for name in ("start", "end", "line", "column"):
        frame[name] = frame[name].astype("Int64")
    frame["anchor"] = pandas.to_datetime(frame["anchor"])
    frame["time"] = frame["time"].astype(object)
    return _text_columns(frame)


def discrepancies_frame(discrepancies: Sequence[Discrepancy]) -> pd.DataFrame:
    """One row per discrepancy, one column per :class:`Discrepancy` field."""
    pandas = require_pandas()
    columns = list(Discrepancy.model_fields)
    data: dict[str, list[Any]] = {
        name: [getattr(d, name) for d in discrepancies] for name in columns
    }
    frame = pandas.DataFrame(data, columns=columns)
    frame["ratio"] = frame["ratio"].astype("float64")
    frame["same_article"] = frame["same_article"].astype(bool)
    frame["claims"] = frame["claims"].astype(object)
    return _text_columns(frame)


def _text_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """Give an empty frame's text columns pandas' text dtype rather than ``float64``."""
    if frame.empty:
        for name in frame.columns:
            if frame[name].dtype == "float64" and name not in _NUMBERS:
                frame[name] = frame[name].astype(str)
    return frame


_NUMBERS = frozenset({"value", "low", "high", "ratio"})
