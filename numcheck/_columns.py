"""Claims as flat columns: the one table behind CSV files and the claims DataFrame.

Every :class:`~numcheck.Claim` field is one column, in the model's order, except ``time``,
whose :class:`~numcheck.TimeSpan` fields are columns of their own (``time_start``,
``time_end``, ``time_basis``, ``time_text``). A cell holds text a person can read: a
number as written in JSON (``2500``, ``0.25``), a date as ``YYYY-MM-DD``, a word, or
nothing for null; never a Python object.

A CSV file (:func:`claims_csv`, ``numcheck extract --format csv``) has a header row of
these names; :func:`read_claims_csv` (``numcheck check --claims FILE.csv``) reads such a
file back, the same claims. Text that a spreadsheet would run as a formula (starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return) is written with a ``'`` in front,
which is taken off again when the file is read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from ._models import Claim, InputError

ColumnKind = Literal["text", "integer", "number", "date", "json"]
"""What a column holds: text (names and words), a whole number, a number, a date, or a
value written as JSON (a list, say)."""


@dataclass(frozen=True)
class Column:
    """One flat column: its name (the CSV header and the DataFrame column), the path of
    the model field it holds (``("time", "start")``) and the kind of its values."""

    name: str
    path: tuple[str, ...]
    kind: ColumnKind


def _kind(annotation: Any) -> ColumnKind:
    """The kind of a field's values, from its type without ``None``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        parts = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(parts) == 1:
            return _kind(parts[0])
        return "json"
    if annotation is int:
        return "integer"
    if annotation is float:
        return "number"
    if annotation is dt.date:
        return "date"
    if annotation is str or typing.get_origin(annotation) is Literal:
        return "text"
    return "json"


def _columns(model: type[BaseModel], prefix: tuple[str, ...] = ()) -> Iterator[Column]:
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            yield from _columns(annotation, (*prefix, name))
        else:
            path = (*prefix, name)
            yield Column("_".join(path), path, _kind(annotation))


CLAIM_COLUMNS: tuple[Column, ...] = tuple(_columns(Claim))
"""The flat columns of a claim, in the model's order (``time`` expanded in place)."""

CLAIM_COLUMN_NAMES: tuple[str, ...] = tuple(column.name for column in CLAIM_COLUMNS)
_BY_NAME = {column.name: column for column in CLAIM_COLUMNS}
_BY_PATH = {column.path: column for column in CLAIM_COLUMNS}
assert {column.path[0] for column in CLAIM_COLUMNS if len(column.path) > 1} == {"time"}
assert len(_BY_NAME) == len(CLAIM_COLUMNS)  # no flat name is spelt twice

_REQUIRED = tuple(name for name, field in Claim.model_fields.items() if field.is_required())

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these runs as a formula in a spreadsheet."""
_QUOTED_START = (*_FORMULA_START, "'")


def flat_values(claim: Claim) -> dict[str, Any]:
    """A claim's values by column name, as JSON gives them (dates as ISO strings, whole
    numbers as ``int``); ``None`` for null."""
    data = claim.model_dump(mode="json")
    out: dict[str, Any] = {}
    for column in CLAIM_COLUMNS:
        value: Any = data
        for part in column.path:
            value = value[part]
        out[column.name] = value
    return out


def cell(value: Any, kind: ColumnKind) -> str:
    """The text of one CSV cell (see the module's description).

    >>> cell(2500, "number"), cell(0.25, "number"), cell(None, "text"), cell("=1+1", "text")
    ('2500', '0.25', '', "'=1+1")
    """
    if value is None:
        return ""
    if kind == "json":
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if kind == "text" and (
        text.startswith(_FORMULA_START) or (text[:1] == "'" and text[1:2] in _QUOTED_START)
    ):
        return "'" + text
    return text


def _uncell(text: str, kind: ColumnKind) -> Any:
    """The value of one CSV cell, for the model to validate (``None`` when empty)."""
    if text == "":
        return None
    if kind == "json":
        return json.loads(text)
    if kind == "text" and text[:1] == "'" and text[1:2] in _QUOTED_START:
        return text[1:]
    return text


def claims_csv(claims: Iterable[Claim]) -> str:
    """The claims as CSV: a header row of :data:`CLAIM_COLUMN_NAMES`, one row per claim
    (comma-separated, ``\\r\\n`` line ends as RFC 4180 writes them)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(CLAIM_COLUMN_NAMES)
    for claim in claims:
        values = flat_values(claim)
        writer.writerow(cell(values[c.name], c.kind) for c in CLAIM_COLUMNS)
    return out.getvalue()


def read_claims_csv(name: str, text: str) -> tuple[list[Claim], list[InputError], list[str]]:
    """Claims from the text of a CSV file named ``name``: a header row of column names
    (:data:`CLAIM_COLUMN_NAMES`; any subset, in any order), then one claim per row.

    Returns the claims, one error per row that is not a valid claim (``name:line``, the
    column and the problem), and one warning per unknown column. An empty cell is null;
    blank rows are passed over.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    claims: list[Claim] = []
    errors: list[InputError] = []
    notes: list[str] = []
    header: list[str] | None = None
    header_line = 0
    end_line = 0
    try:
        for row in reader:
            line, end_line = end_line + 1, reader.line_num
            if not any(row):
                continue
            if header is None:
                header, header_line = [name.strip() for name in row], line
                problem = _header_problem(header)
                if problem:
                    return [], [InputError(path=f"{name}:{line}", message=problem)], []
                notes += [
                    f"{name}:{line}: " + _unknown_column(header, i)
                    for i in range(len(header))
                    if header[i] not in _BY_NAME
                ]
                continue
            where = f"{name}:{line}"
            if len(row) > len(header):
                message = (
                    f"{len(row)} cells, but the header (line {header_line}) names "
                    f"{len(header)} columns"
                )
                errors.append(InputError(path=where, message=message))
                continue
            try:
                claims.append(_claim(header, row))
            except _CellError as exc:
                errors.append(InputError(path=where, message=str(exc)))
    except csv.Error as exc:
        where = f"{name}:{end_line + 1}"
        errors.append(InputError(path=where, message=f"not readable CSV: {exc}"))
    if header is None:
        errors.append(InputError(path=name, message="no header row of column names"))
    return claims, errors, notes


def _header_problem(header: list[str]) -> str | None:
    """Why a header row cannot be read, or ``None``."""
    if len(header) == 1 and ";" in header[0] and header[0] not in _BY_NAME:
        return (
            f"the header is one column, {header[0][:60]!r}: numcheck reads comma-separated "
            "CSV only (save the sheet as CSV with commas)"
        )
    seen: set[str] = set()
    for name in header:
        if name in seen and name:
            return f"the header names column {name!r} twice"
        seen.add(name)
    missing = [name for name in _REQUIRED if name not in seen]
    if missing:
        return f"the header has no column {missing[0]!r}, which every claim needs"
    return None


def _unknown_column(header: list[str], index: int) -> str:
    if not header[index]:
        return f"column {index + 1} has no name in the header; ignored"
    return f"unknown column {header[index]!r} ignored"


class _CellError(ValueError):
    """A row that is not a valid claim; the message names the column."""


def _claim(header: list[str], row: list[str]) -> Claim:
    record: dict[str, Any] = {}
    for index, (name, text) in enumerate(zip(header, row, strict=False)):
        column = _BY_NAME.get(name)
        if column is None:
            continue
        try:
            value = _uncell(text, column.kind)
        except json.JSONDecodeError as exc:
            raise _CellError(
                f"column {index + 1} ({name}): not valid JSON: {exc.msg} (in {text[:40]!r})"
            ) from None
        target = record
        for part in column.path[:-1]:
            target = target.setdefault(part, {})
        target[column.path[-1]] = value
    try:
        return Claim.model_validate(record)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = " ".join(first["msg"].split())
        column = _BY_PATH.get(tuple(str(p) for p in first["loc"]))
        if column is None:
            raise _CellError(f"not a valid Claim: {message}") from None
        if column.name not in header:
            raise _CellError(f"column {column.name!r} is missing: {message}") from None
        index = header.index(column.name)
        given = row[index] if index < len(row) else ""
        raise _CellError(
            f"column {index + 1} ({column.name}): cannot read {given[:40]!r}: {message}"
        ) from None
