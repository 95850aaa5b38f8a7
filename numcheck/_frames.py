"""pandas DataFrames of claims and discrepancies: one row per item.

pandas is an optional dependency (``pip install 'numcheck[notebook]'``) and is imported
only when a frame is asked for.

The claims frame has the flat columns of :mod:`numcheck._columns` (the columns of
``numcheck extract --format csv``): every Claim field in the order of
``docs/data-model.md``, with ``time`` as ``time_start``, ``time_end``, ``time_basis`` and
``time_text``. Numbers are ``float64`` (``NaN`` for null), whole numbers (offsets,
lines and columns) nullable ``Int64``, dates (``anchor``, ``as_of``, ``time_start``, ``time_end``)
``datetime64[s]`` (``NaT`` when unknown), the rest text. Its index is the claim's id
(``article:start-end``). The discrepancies frame has one column per Discrepancy field:
``ratio`` ``float64``, ``same_article`` ``bool``, ``claims`` the pair of
:class:`~numcheck.Claim`; its index is a range.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._columns import CLAIM_COLUMN_NAMES, CLAIM_COLUMNS, flat_values
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
    """One row per claim, one column per flat claim column (:data:`CLAIM_COLUMNS`)."""
    pandas = require_pandas()
    import numpy

    rows = [flat_values(c) for c in claims]
    data: dict[str, Any] = {}
    for column in CLAIM_COLUMNS:
        values = [row[column.name] for row in rows]
        if column.kind == "number":
            data[column.name] = pandas.Series(values, dtype="float64")
        elif column.kind == "integer":
            data[column.name] = pandas.Series(values, dtype="Int64")
        elif column.kind == "date":
            # days as seconds: datetime64[ns] would stop at the years 1677 and 2262
            days = numpy.array(["NaT" if v is None else v for v in values], "datetime64[D]")
            data[column.name] = pandas.Series(days.astype("datetime64[s]"))
        else:
            data[column.name] = pandas.Series(values, dtype=object)
    frame: pd.DataFrame = pandas.DataFrame(data, columns=list(CLAIM_COLUMN_NAMES))
    frame.index = pandas.Index([c.id for c in claims], name="id")
    return frame


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
