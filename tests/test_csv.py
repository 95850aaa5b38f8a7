"""Claims as flat columns: CSV out (``extract --format csv``), CSV in (``--claims
FILE.csv``), the same columns in ``Report.claims_frame()``."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from conftest import SEEDS
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_cli import run

from numcheck import Claim, Report, TimeSpan
from numcheck._columns import CLAIM_COLUMN_NAMES, CLAIM_COLUMNS, claims_csv
from numcheck._load import read_claims

# Any text a file can hold (NUL makes a file binary: refused as articles are); nullable
# names are not empty (an empty cell is null).
texts = st.text(st.characters(blacklist_characters="\x00"), max_size=30)
names = st.none() | st.text(st.characters(blacklist_characters="\x00"), min_size=1, max_size=12)
dates = st.none() | st.dates(min_value=dt.date(1, 1, 1))
finite = st.floats(allow_nan=False, allow_infinity=False)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """Claims with every field drawn (offsets, bounds and time consistent)."""
    low, high = draw(st.none() | finite), draw(st.none() | finite)
    if low is not None and high is not None and low > high:
        low, high = high, low
    value = draw(st.none() | finite)
    qualifier = draw(st.sampled_from(["exact", "approx", "at_least", "range", "vague"]))
    if value is not None and qualifier in ("exact", "approx"):
        low = high = value
    start = draw(st.none() | st.integers(0, 10**9))
    first, last = draw(dates), draw(dates)
    if first and last and first > last:
        first, last = last, first
    words = st.sampled_from
    return Claim(
        article=draw(st.text(st.characters(blacklist_characters="\x00"), min_size=1)),
        start=start,
        end=None if start is None else start + draw(st.integers(0, 100)),
        text=draw(texts),
        sentence=draw(texts),
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        unit=draw(names),
        subject=draw(names),
        location=draw(names),
        time=TimeSpan(
            start=first,
            end=last,
            basis=draw(words(["explicit", "relative", "published", "unknown"])),
            text=draw(names),
        ),
        key=draw(texts),
        modifier=draw(names),
        kind=draw(words(["level", "change"])),
        direction=draw(st.none() | words(["up", "down"])),
        anchor=draw(dates),
        source=draw(names),
        measure=draw(names),
        statistic=draw(st.none() | words(["level", "running_total", "flow", "share"])),
        period=draw(st.none() | words(["day", "quarter"])),
        as_of=draw(dates),
        event=draw(names),
        attribution=draw(names),
    )


def write_csv(path: Path, items: list[Claim]) -> Path:
    path.write_bytes(claims_csv(items).encode("utf-8"))
    return path


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(claims(), max_size=4))
@example(items=[Claim(article="=cmd", text="'=1", sentence="-3 people", source="'x", value=-5)])
@example(items=[Claim(article="a", sentence='"quoted", and\r\nsplit\rlines', value=1e300)])
def test_claims_round_trip_through_a_csv_file(tmp_path: Path, items: list[Claim]) -> None:
    path = write_csv(tmp_path / "claims.csv", items)
    got, errors, warnings = read_claims([path])
    assert (errors, warnings) == ([], [])
    assert got == items


def test_csv_rows_end_in_crlf_and_quote_what_needs_it() -> None:
    text = claims_csv([Claim(article="a", sentence='He said "2,500".\nThen', value=2500)])
    header, row, end = text.split("\r\n")
    assert (header.split(",")[:3], end) == (["article", "start", "end"], "")
    assert row.startswith('a,,,,"He said ""2,500"".\nThen",2500,2500,2500,exact,')


def test_columns_are_the_claim_fields_with_time_flat() -> None:
    expected: list[str] = []
    for name in Claim.model_fields:
        expected += [f"time_{t}" for t in TimeSpan.model_fields] if name == "time" else [name]
    assert list(CLAIM_COLUMN_NAMES) == expected
    assert {"time_start", "time_end", "time_basis"} <= set(CLAIM_COLUMN_NAMES)
    kinds = {c.name: c.kind for c in CLAIM_COLUMNS}
    assert (kinds["start"], kinds["value"], kinds["time_start"], kinds["unit"]) == (
        "integer",
        "number",
        "date",
        "text",
    )


NUMBER = re.compile(r"-?\d+(\.\d+)?(e[+-]\d+)?")
DATE = re.compile(r"\d{4}-\d\d-\d\d")


def test_extract_csv_cells_are_plain_text(tmp_path: Path) -> None:
    import csv

    result = run("extract", str(SEEDS), "--format", "csv", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(result.stdout.splitlines()))
    assert tuple(rows[0]) == CLAIM_COLUMN_NAMES
    jsonl = run("extract", str(SEEDS), "--format", "jsonl", "--jobs", "1").stdout.splitlines()
    assert len(rows) - 1 == len(jsonl) > 10
    kinds = [c.kind for c in CLAIM_COLUMNS]
    for row in rows[1:]:
        for kind, text in zip(kinds, row, strict=True):
            assert not re.search(r"\w+\(|^\{|^\[", text), text  # no object reprs
            if text and kind in ("number", "integer"):
                assert NUMBER.fullmatch(text), text
            if text and kind == "date":
                assert DATE.fullmatch(text), text
        assert row[CLAIM_COLUMN_NAMES.index("time_basis")] in (
            "explicit",
            "relative",
            "published",
            "unknown",
        )


def test_extract_csv_then_check_claims_csv_finds_the_same(tmp_path: Path) -> None:
    sheet = tmp_path / "claims.csv"
    extracted = run("extract", str(SEEDS), "--format", "csv", "--jobs", "1")
    sheet.write_bytes(extracted.stdout.encode("utf-8"))
    from_csv = run("check", "--claims", str(sheet), "--format", "json")
    from_articles = run("check", str(SEEDS), "--format", "json", "--jobs", "1")
    assert (from_csv.returncode, from_csv.stderr) == (0, "")
    got = Report.model_validate_json(from_csv.stdout)
    want = Report.model_validate_json(from_articles.stdout)
    assert got.claims == want.claims
    assert got.discrepancies == want.discrepancies


def test_extract_csv_is_utf8_whatever_the_locale(tmp_path: Path) -> None:
    article = tmp_path / "kyiv.md"
    article.write_text(
        "---\nsource: Київ Daily\npublished: 2024-01-29\n---\n"
        "About 2,000 troops – officials said – are in Київ now.\n",
        encoding="utf-8",
    )
    result = run("extract", str(article), "--format", "csv", env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    [_, row] = result.stdout.splitlines()
    assert "Київ Daily" in row and "troops – officials" in row


SPREADSHEET = (
    # as a spreadsheet saves "CSV UTF-8": a byte order mark, CRLF, columns in its own
    # order, a column of notes, quoted cells with commas and line breaks, empty cells
    "\ufeffvalue,article,unit,subject,location,time_start,time_end,sentence,notes,qualifier\r\n"
    '2000,wire-1,troops,US,Iraq,2024-01-10,2024-01-10,"About 2,000 troops, officials said.",'
    "checked,approx\r\n"
    '2500,wire-2,troops,US,Iraq,2024-01-20,2024-01-20,"Line one\r\nline two",,\r\n'
    ",,,,,,,,,\r\n"
)


def test_check_claims_from_a_spreadsheet_csv(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(SPREADSHEET.encode("utf-8"))
    result = run("check", "--claims", str(sheet), "--format", "json")
    assert result.returncode == 1, result.stderr  # an error-severity conflict
    assert result.stderr.splitlines() == [
        f"numcheck: warning: {sheet}:1: unknown column 'notes' ignored"
    ]
    report = Report.model_validate_json(result.stdout)
    first, second = report.claims
    assert (first.article, first.value, first.qualifier, first.key) == (
        "wire-1",
        2000,
        "approx",
        "troops|US|Iraq",
    )
    assert first.sentence == "About 2,000 troops, officials said."
    assert (first.time.start, first.time.basis) == (dt.date(2024, 1, 10), "explicit")
    assert second.sentence == "Line one\r\nline two"
    assert (second.qualifier, second.modifier, second.start) == ("exact", None, None)
    [finding] = report.discrepancies
    assert (finding.verdict, finding.severity) == ("conflict", "error")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "article,value\r\na,1\r\nb,abc\r\n",
            "{path}:3: column 2 (value): cannot read 'abc': Input should be a valid number, "
            "unable to parse string as a number",
            id="bad-number",
        ),
        pytest.param(
            "article,value,time_start\na,1,\n\nb,2,2024-02-30\n",
            "{path}:4: column 3 (time_start): cannot read '2024-02-30': Input should be a "
            "valid date or datetime, day value is outside expected range",
            id="bad-date-after-a-blank-line",
        ),
        pytest.param(
            'article,sentence,value\na,"two\nlines",1\nb,,1,extra\n',
            "{path}:4: 4 cells, but the header (line 1) names 3 columns",
            id="extra-cell-after-a-two-line-row",
        ),
        pytest.param(
            "article,low,high\na,1,5\nb,5,1\n",
            "{path}:3: not a valid Claim: Value error, low 5.0 is above high 1.0",
            id="whole-claim-invalid",
        ),
        pytest.param(
            "article,qualifier\na,approx\nb,approximately\n",
            "{path}:3: column 2 (qualifier): cannot read 'approximately': Input should be "
            "'exact', 'approx', 'at_least', 'more_than', 'at_most', 'less_than', 'range' or "
            "'vague'",
            id="bad-word",
        ),
    ],
)
def test_a_bad_cell_is_one_error_naming_file_line_and_column(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(content, encoding="utf-8", newline="")
    claims, errors, warnings = read_claims([path])
    assert [str(e) for e in errors] == [message.format(path=path)]
    assert [c.article for c in claims] == ["a"]
    assert warnings == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param(
            "article;value;unit\na;1;troops\n",
            "{path}:1: the header is one column, 'article;value;unit': numcheck reads "
            "comma-separated CSV only (save the sheet as CSV with commas)",
            id="semicolons",
        ),
        pytest.param(
            "value,unit\n1,troops\n",
            "{path}:1: the header has no column 'article', which every claim needs",
            id="no-article",
        ),
        pytest.param(
            "article,value,value\na,1,2\n",
            "{path}:1: the header names column 'value' twice",
            id="twice",
        ),
        pytest.param(",,\n\r\n", "{path}: no header row of column names", id="no-header"),
    ],
)
def test_a_bad_header_is_one_error_for_the_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(content, encoding="utf-8", newline="")
    result = run("check", "--claims", str(path))
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"numcheck: {message.format(path=path)}"]


def test_claims_frame_has_the_csv_columns_and_types() -> None:
    import pandas as pd

    claims = [
        Claim(
            article="a",
            start=3,
            end=7,
            text="5000",
            value=5000,
            unit="troops",
            time=TimeSpan(start=dt.date(1492, 1, 1), end=dt.date(1492, 12, 31)),
            as_of=dt.date(9999, 12, 31),
        ),
        Claim(article="sheet", low=2, high=None, qualifier="at_least"),
    ]
    frame = Report(claims=claims).claims_frame()
    assert tuple(frame.columns) == CLAIM_COLUMN_NAMES
    assert list(frame.index) == ["a:3-7", "sheet:"]
    assert frame.loc["a:3-7", "time_start"] == pd.Timestamp("1492-01-01")
    assert frame.loc["a:3-7", "as_of"] == pd.Timestamp("9999-12-31")
    assert frame.loc["sheet:", "time_end"] is pd.NaT
    assert frame.loc["a:3-7", "time_basis"] == "explicit"
    for column in CLAIM_COLUMNS:
        dtype = frame[column.name].dtype
        if column.kind == "number":
            assert dtype == "float64", column
        elif column.kind == "integer":
            assert str(dtype) == "Int64", column
        elif column.kind == "date":
            assert pd.api.types.is_datetime64_any_dtype(dtype), column
        else:
            assert pd.api.types.is_object_dtype(dtype), column
    assert frame.loc["sheet:", "start"] is pd.NA
    assert pd.isna(frame.loc["sheet:", "high"])


def test_the_cli_docs_list_the_columns() -> None:
    from conftest import ROOT

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    section = text[text.index("### Claims in spreadsheets (CSV)") :]
    start = section.index("```\n") + 4
    block = section[start : section.index("\n```", start)]
    assert tuple(block.replace("\n", "").split(",")) == CLAIM_COLUMN_NAMES


CSV_TEXT = st.lists(
    st.sampled_from([*",\"\r\n;'=ab1.-", "article", "value", "time_start", "\ufeff"])
).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=CSV_TEXT)
@example(body='article,value\n"a\n')
@example(body="article,time_start\na,2024\n")
def test_fuzz_csv_reader(tmp_path: Path, body: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text(body, encoding="utf-8", newline="")
    claims, errors, warnings = read_claims([path])
    assert all("\n" not in str(e) and str(e).startswith(str(path)) for e in errors)
    assert all("\n" not in w for w in warnings)
    assert len(claims) + len(errors) <= body.count("\n") + body.count("\r") + 1
    for claim in claims:
        assert Claim.model_validate_json(claim.model_dump_json()) == claim
