"""Nothing a newsroom feeds the command line crashes the batch, stalls it or lies about it.

Each class of bad input goes through the real ``numcheck`` command next to a good article:
exit status 2, one stderr line naming the file (and line) and the problem, and the good
article still checked and reported. Rules and word lists configure the whole run, so a bad
one stops it: exit status 2 and one line naming the file.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import run

from numcheck import Report

GOOD = "There were 5000 US troops in Iraq in 2016.\n"


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A few hundred bytes of YAML whose aliases expand to ``width ** levels`` items."""
    lines = [f"l0: &l0 [{', '.join(['x'] * width)}]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [{', '.join([f'*l{level - 1}'] * width)}]")
    return "\n".join(lines)


def front(matter: str) -> bytes:
    return f"---\n{matter}\n---\nAbout 900 US troops are in Syria.\n".encode()


def toml(matter: str) -> bytes:
    return f"+++\n{matter}\n+++\nAbout 900 US troops are in Syria.\n".encode()


ARTICLES = [
    pytest.param(
        "rec.md", front("a: &a [*a]"), "aliases/anchors, which are not allowed", id="yaml-recursive"
    ),
    pytest.param(
        "bomb.md", front(alias_bomb()), "aliases/anchors, which are not allowed", id="yaml-bomb"
    ),
    pytest.param(
        "anchor.md",
        front("a: &x 1\nb: 2"),
        "aliases/anchors, which are not allowed",
        id="yaml-unused-anchor",
    ),
    pytest.param(
        "merge.md",
        front("<<: {title: T}"),
        "merge key ('<<'), which is not allowed",
        id="yaml-merge",
    ),
    pytest.param(
        "big.md", front("note: " + "x" * 70_000), "at most 64 KiB is read", id="yaml-oversized"
    ),
    pytest.param(
        "deep.md",
        front("a: " + "[" * 5000 + "]" * 5000),
        "front matter is nested deeper than 64 levels",
        id="yaml-deep",
    ),
    pytest.param(
        "broken.md",
        toml('title = "T"\npublished = 2024-01-15\nsource = '),
        "front matter is not valid TOML (line 4): Invalid value",
        id="toml-broken",
    ),
    pytest.param(
        "dup.md",
        toml('id = "a"\nid = "b"'),
        "not valid TOML (line 3): Cannot overwrite",
        id="toml-duplicate-key",
    ),
    pytest.param(
        "bigtoml.md", toml('note = "' + "x" * 70_000 + '"'), "at most 64 KiB", id="toml-oversized"
    ),
    pytest.param(
        "deeptoml.md",
        toml("a = " + "[" * 5000 + "]" * 5000),
        "nested deeper than 64 levels",
        id="toml-deep",
    ),
    pytest.param(
        "deep65.md",
        toml("a = " + "[" * 70 + "]" * 70),
        "nested deeper than 64 levels",
        id="toml-deep-under-recursion-limit",
    ),
    pytest.param("inttoml.md", toml("n = " + "9" * 5000), "cannot be read", id="toml-huge-int"),
    pytest.param("timetoml.md", toml("at = 10:30:00"), "type time are not allowed", id="toml-time"),
    pytest.param(
        "datetoml.md",
        toml('date = "soon"'),
        "front matter 'date': cannot read 'soon'",
        id="toml-bad-date",
    ),
    pytest.param("hugeint.md", front("note: " + "9" * 5000), "cannot be read", id="yaml-huge-int"),
    pytest.param(
        "hexint.md", front("title: 0x" + "f" * 5000), "integer too large", id="yaml-huge-hex-int"
    ),
    pytest.param(
        "binary.md",
        front("note: !!binary /w=="),
        "values of type bytes are not allowed",
        id="yaml-binary",
    ),
    pytest.param(
        "surrogate.md",
        front('title: "\\ud800"'),
        "'title': a string holds a lone surrogate",
        id="yaml-lone-surrogate",
    ),
    pytest.param(
        "published.md",
        front("published: [[2024]]"),
        "'published' must be a date, not list",
        id="yaml-published-list",
    ),
    pytest.param(
        "year0.md",
        front("published: !!timestamp 0000-01-01"),
        "cannot be read",
        id="yaml-timestamp-year-0",
    ),
    pytest.param(
        "year1.md",
        front("published: 0001-01-01"),
        "publication date 0001-01-01 is outside the years 1000-8999",
        id="published-cms-placeholder-year-1",
    ),
    pytest.param(
        "year9999.jsonl",
        b'{"text": "5 troops now", "published": "9999-12-31"}\n',
        "publication date 9999-12-31 is outside the years 1000-8999",
        id="published-last-day-of-the-calendar",
    ),
    pytest.param(
        "deep.jsonl",
        ('{"text": "5 troops", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n").encode(),
        "JSON nested deeper than 64 levels",
        id="jsonl-very-deep",
    ),
    pytest.param(
        "nested.jsonl",
        ('{"text": "5 troops", "x": ' + "[" * 100 + "]" * 100 + "}\n").encode(),
        "nested deeper than 64 levels",
        id="jsonl-deep",
    ),
    pytest.param(
        "surrogate.jsonl",
        b'{"text": "5 troops \\ud800 here"}\n',
        "JSON 'text': a string holds a lone surrogate (\\ud800)",
        id="jsonl-lone-surrogate",
    ),
    pytest.param(
        "key.jsonl",
        b'{"text": "5 troops", "meta": {"\\udfff": 1}}\n',
        "a string holds a lone surrogate (\\udfff)",
        id="jsonl-lone-surrogate-in-key",
    ),
    pytest.param(
        "int.jsonl",
        ('{"text": "5 troops", "n": ' + "7" * 5000 + "}\n").encode(),
        "not readable JSON: Exceeds the limit",
        id="jsonl-huge-int",
    ),
]


def lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line]


@pytest.mark.parametrize(("name", "data", "problem"), ARTICLES)
def test_bad_article_exits_2_naming_it_and_the_good_one_is_reported(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = tmp_path / name
    bad.write_bytes(data)
    result = run("check", str(tmp_path), "--format", "json")
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    where = f"{bad}:1" if name.endswith(".jsonl") else str(bad)
    assert message.startswith(f"numcheck: {where}: "), message
    assert problem in message
    report = Report.model_validate_json(result.stdout)
    assert [a.id for a in report.articles] == ["good"]
    assert [c.value for c in report.claims] == [5000]


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def dangling(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to(folder / "gone.md")
    return path


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(fifo, "not a regular file (a FIFO); not read", id="fifo"),
        pytest.param(dangling, "dangling symbolic link (to ", id="dangling-symlink"),
    ],
)
@pytest.mark.parametrize(
    "given", [pytest.param(False, id="in-folder"), pytest.param(True, id="named")]
)
def test_special_files_are_named_never_opened(
    tmp_path: Path, make: Callable[[Path, str], Path], problem: str, given: bool
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    bad = make(folder, "special.md")
    paths = [str(folder / "good.txt"), str(bad)] if given else [str(folder)]
    result = run("check", *paths, "--format", "json")  # a FIFO opened would hang: timeout
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    assert message.startswith(f"numcheck: {bad}: {problem}")
    assert [a.id for a in Report.model_validate_json(result.stdout).articles] == ["good"]


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH = 1, 2


def _without_root_file_access() -> None:
    """In the child before exec: drop the capabilities that let root read any folder.

    Tests run as root (CI too), where ``chmod 000`` stops nothing; without these two
    capabilities the command obeys file permissions like any user. The interpreter stays
    the same (it may live under root's home, which "nobody" could not reach).
    """
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
        if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")


def test_unreadable_subfolder_is_named_and_the_rest_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    locked = folder / "b-locked"
    locked.mkdir(parents=True)
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "c.md").write_text("About 900 US troops are in Syria.\n", encoding="utf-8")
    (locked / "hidden-story.txt").write_text("12 troops.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        preexec = _without_root_file_access if os.geteuid() == 0 else None
        probe = run("extract", str(locked / "hidden-story.txt"), preexec_fn=preexec)
        if probe.returncode == 0:
            pytest.skip("cannot run the command without permission to read a 000 folder here")
        result = run("check", str(folder), "--format", "json", preexec_fn=preexec)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    assert message == f"numcheck: {locked}: cannot read this folder: Permission denied"
    assert [a.id for a in Report.model_validate_json(result.stdout).articles] == ["a", "c"]


RULES = [
    pytest.param(
        "numcheck.toml",
        "[default]\nrelative_tolerance = 0.1  # caf\u00e9\n".encode("latin-1"),
        "not valid UTF-8 (byte 0xE9 at offset 41)",
        id="rules-latin-1",
    ),
    pytest.param("numcheck.toml", b"[default\n", "not valid TOML", id="rules-invalid-toml"),
    pytest.param(
        "numcheck.toml",
        b"a = " + b"[" * 5000 + b"]" * 5000,
        "not valid TOML: arrays or tables nested too deeply",
        id="rules-deep",
    ),
    pytest.param(
        "pyproject.toml",
        b'tool = "numcheck"\n',
        "'tool' must be a table, not a string",
        id="tool-str",
    ),
    pytest.param(
        "pyproject.toml",
        b"tool = [1, 2]\n",
        "'tool' must be a table, not an array",
        id="tool-array",
    ),
    pytest.param(
        "pyproject.toml",
        b"[tool]\nnumcheck = 'strict'\n",
        "[tool.numcheck] must be a table, not a string",
        id="tool-numcheck-str",
    ),
]


@pytest.mark.parametrize(("name", "data", "problem"), RULES)
@pytest.mark.parametrize(
    "found", [pytest.param(False, id="--rules"), pytest.param(True, id="found-upwards")]
)
def test_bad_rules_exit_2_naming_the_file(
    tmp_path: Path, name: str, data: bytes, problem: str, found: bool
) -> None:
    rules = tmp_path / name
    rules.write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    options = () if found else ("--rules", str(rules))
    result = run("check", "good.txt", *options, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    assert message.startswith(f"numcheck: {rules}: "), message
    assert problem in message


def test_pyproject_without_rules_is_refused_when_named_passed_over_when_found(
    tmp_path: Path,
) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[project]\nname = 'x'\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    named = run("check", "good.txt", "--rules", str(pyproject), cwd=tmp_path)
    assert named.returncode == 2
    assert lines(named.stderr) == [f"numcheck: {pyproject}: no [tool.numcheck] table of rules"]
    found = run("check", "good.txt", cwd=tmp_path)
    assert (found.returncode, found.stderr) == (0, "")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
@pytest.mark.parametrize("option", ["--rules", "--lexicon", "--claims"])
def test_fifo_as_a_config_or_claims_file_is_not_opened(tmp_path: Path, option: str) -> None:
    pipe = fifo(tmp_path, "pipe.toml")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path / "good.txt"), option, str(pipe))
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    assert message.startswith(f"numcheck: {pipe}: ")
    assert "not a regular file (a FIFO)" in message


def test_word_list_not_utf8_exits_2_naming_it(tmp_path: Path) -> None:
    words = tmp_path / "words.toml"
    words.write_bytes('[measure.police]\nnouns = ["polic\u00eda"]\n'.encode("latin-1"))
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("extract", str(tmp_path / "good.txt"), "--lexicon", str(words))
    assert result.returncode == 2
    assert lines(result.stderr) == [
        f"numcheck: {words}: not valid UTF-8 (byte 0xED at offset 32); TOML files must be UTF-8"
    ]


def claim_line(article: str, value: float, day: str, **fields: object) -> str:
    record: dict[str, object] = {
        "article": article,
        "value": value,
        "unit": "troops",
        "subject": "US",
        "location": "Iraq",
        "time": {"start": day, "end": day},
        **fields,
    }
    return json.dumps(record)


def test_claims_with_nulls_and_no_basis_are_read_and_conflict(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    nulls = {"sentence": None, "text": None, "key": None, "qualifier": None, "kind": None}
    claims.write_text(
        claim_line("wire-1", 2000, "2024-01-10", **nulls)
        + "\n"
        + claim_line("wire-2", 2500, "2024-01-20", modifier=None, anchor=None)
        + "\n",
        encoding="utf-8",
    )
    result = run("check", "--claims", str(claims), "--format", "json")
    assert result.returncode == 1, result.stderr  # the real conflict, no longer exit 0
    assert result.stderr == ""
    report = Report.model_validate_json(result.stdout)
    assert [(c.sentence, c.text, c.key, c.time.basis) for c in report.claims] == [
        ("", "", "troops|US|Iraq", "explicit"),
        ("", "", "troops|US|Iraq", "explicit"),
    ]
    [finding] = report.discrepancies
    assert (finding.verdict, finding.severity) == ("conflict", "error")


def test_claims_unknown_fields_warn_once_per_line_and_field(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        claim_line("wire-1", 2000, "2024-01-10", foo=1, bar=None)
        + "\n\n"
        + claim_line("wire-2", 2010, "2024-01-11", time={"start": "2024-01-11", "zone": "UTC"})
        + "\n",
        encoding="utf-8",
    )
    result = run("check", "--claims", str(claims))
    assert result.returncode == 0, result.stderr  # warnings do not change the exit status
    assert lines(result.stderr) == [
        f"numcheck: warning: {claims}:1: unknown field 'foo' ignored",
        f"numcheck: warning: {claims}:1: unknown field 'bar' ignored",
        f"numcheck: warning: {claims}:3: unknown field 'time.zone' ignored",
    ]
    assert "2 claim(s)" in result.stdout


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        pytest.param('{"article": "x\\ud800", "value": 1}', "lone surrogate", id="lone-surrogate"),
        pytest.param(
            '{"article": "x", "value": 1, "note": ' + "[" * 3000 + "]" * 3000 + "}",
            "nested deeper than 64 levels",
            id="deep",
        ),
        pytest.param(
            '{"article": null, "value": 1}', "not a valid Claim: article", id="no-article"
        ),
        pytest.param('{"article": "x", "unit": ["a"]}', "not a valid Claim: unit", id="odd-type"),
        pytest.param("[1, 2]", "expected a JSON object, got array", id="not-an-object"),
    ],
)
def test_bad_claim_lines_exit_2_and_the_rest_is_checked(
    tmp_path: Path, line: str, problem: str
) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        claim_line("wire-1", 2000, "2024-01-10")
        + "\n"
        + line
        + "\n"
        + claim_line("wire-2", 2500, "2024-01-20")
        + "\n",
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    result = run("check", str(tmp_path / "good.txt"), "--claims", str(claims), "--format", "json")
    assert result.returncode == 2, result.stderr
    [message] = lines(result.stderr)
    assert message.startswith(f"numcheck: {claims}:2: ")
    assert problem in message
    report = Report.model_validate_json(result.stdout)  # the report always serializes
    assert [a.id for a in report.articles] == ["good"]
    assert sorted(c.article for c in report.claims) == ["good", "wire-1", "wire-2"]
    conflicts = [
        {c.article for c in d.claims} for d in report.discrepancies if d.verdict == "conflict"
    ]
    assert conflicts == [{"wire-1", "wire-2"}]


NUMBERS_THAT_CRASHED = (
    "Officials counted 1,234.56.78 troops, then 1,2.3.4 more.\n"
    "A blogger claimed 10^1000 soldiers, another 1e400 troops; a rumour said 1E308 soldiers.\n"
)


def test_number_forms_that_crashed_or_were_misread_go_through_the_cli(tmp_path: Path) -> None:
    """Digit runs with too many separators crashed the grammar; absurd powers were read
    as their pieces ("10^1000" as 10 and 1000). Now: one batch, exit 0, and only the
    figure a float can hold becomes a claim."""
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "odd.txt").write_text(NUMBERS_THAT_CRASHED, encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    report = Report.model_validate_json(result.stdout)
    found = {(c.article, c.text, c.value) for c in report.claims}
    assert found == {("good", "5000", 5000), ("odd", "1E308", 1e308)}
