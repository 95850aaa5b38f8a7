"""Command-line options that choose, count and present findings (issue 15), end to end."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from test_cli import run

from numcheck import Report, Rules


def _claim(article: str, value: float, day: str, unit: str, subject: str, place: str) -> str:
    return json.dumps(
        {
            "article": article,
            "text": f"{value:,}",
            "value": value,
            "unit": unit,
            "subject": subject,
            "location": place,
            "time": {"start": day, "end": day, "basis": "explicit"},
        }
    )


THREE_FINDINGS = [
    _claim("wire-1", 2000, "2024-01-10", "troops", "US", "Iraq"),
    _claim("wire-2", 2500, "2024-01-20", "troops", "US", "Iraq"),  # a conflict, error
    _claim("wire-3", 5000, "2024-09-20", "troops", "US", "Iraq"),  # a change, info
    _claim("wire-4", 25000, "2024-03-01", "deaths", "?", "Gaza"),
    _claim("wire-5", 2500, "2024-05-01", "deaths", "?", "Gaza"),  # deaths/typo, error
]
"""Claims whose findings are troops/conflict, troops/change and deaths/typo."""


@pytest.fixture
def three(tmp_path: Path) -> Path:
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(THREE_FINDINGS) + "\n", encoding="utf-8")
    return path


def _rules_of(stdout: str) -> list[str]:
    return sorted(d.rule for d in Report.model_validate_json(stdout).discrepancies)


@pytest.mark.parametrize(
    ("options", "rules", "status"),
    [
        pytest.param((), ["deaths/typo", "troops/change", "troops/conflict"], 1, id="all"),
        pytest.param(("--select", "change"), ["troops/change"], 0, id="select-verdict"),
        pytest.param(
            ("--select", "conflict"), ["deaths/typo", "troops/conflict"], 1, id="verdict-conflict"
        ),
        pytest.param(("--select", "typo"), ["deaths/typo"], 1, id="select-check"),
        pytest.param(
            ("--select", "troops"), ["troops/change", "troops/conflict"], 1, id="select-measure"
        ),
        pytest.param(("--select", "troops/change"), ["troops/change"], 0, id="select-rule"),
        pytest.param(
            ("--select", "typo,change"), ["deaths/typo", "troops/change"], 1, id="comma-list"
        ),
        pytest.param(
            ("--select", "typo", "--select", "change"),
            ["deaths/typo", "troops/change"],
            1,
            id="repeated",
        ),
        pytest.param(("--ignore", "conflict"), ["troops/change"], 0, id="ignore-verdict"),
        pytest.param(
            ("--ignore", "typo"), ["troops/change", "troops/conflict"], 1, id="ignore-check"
        ),
        pytest.param(
            ("--select", "troops", "--ignore", "troops/conflict"),
            ["troops/change"],
            0,
            id="ignore-wins",
        ),
    ],
)
def test_select_and_ignore_choose_the_findings_and_the_exit_status(
    three: Path, options: tuple[str, ...], rules: list[str], status: int
) -> None:
    result = run("check", "--claims", str(three), "--format", "json", *options)
    assert result.returncode == status, result.stderr
    assert _rules_of(result.stdout) == rules
    text = run("check", "--claims", str(three), *options)
    assert text.returncode == status
    assert f"{len(rules)} discrepanc" in text.stdout.splitlines()[-1]


@pytest.mark.parametrize(
    ("option", "name"),
    [
        pytest.param("--select", "conflcit", id="misspelt-verdict"),
        pytest.param("--ignore", "error", id="a-severity"),
        pytest.param("--select", "troops/clash", id="unknown-check"),
        pytest.param("--ignore", "typo,nonsense", id="in-a-list"),
    ],
)
def test_an_unknown_name_is_a_usage_error_listing_the_known_ones(
    three: Path, option: str, name: str
) -> None:
    result = run("check", "--claims", str(three), option, name)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    bad = name.split(",")[-1]
    assert line.startswith(f"numcheck: {option}: unknown rule or verdict {bad!r}; known: ")
    for known in ("conflict", "change", "regression", "update", "disputed", "typo", "default"):
        assert known in line
    assert result.stdout == ""


def test_the_rules_tables_are_known_names(three: Path, tmp_path: Path) -> None:
    rules = tmp_path / "numcheck.toml"
    rules.write_text("[measures.deaths]\nrelative_tolerance = 0.1\n", encoding="utf-8")
    result = run("check", "--claims", str(three), "--rules", str(rules), "--select", "nonsense")
    assert result.returncode == 2
    assert "rules deaths, default" in result.stderr


def _articles(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "a.md", tmp_path / "b.md"
    first.write_text(
        "---\npublished: 2024-01-06\n---\n"
        "There are roughly 2,500 US troops in Iraq, the Pentagon said on Saturday.\n",
        encoding="utf-8",
    )
    second.write_text(
        "---\npublished: 2024-01-15\n---\nAbout 5,000 US troops are in Iraq now, officials said.\n",
        encoding="utf-8",
    )
    return first, second


@pytest.mark.parametrize(
    ("options", "shown", "status"),
    [
        pytest.param((), 1, 1, id="all"),
        pytest.param(("--select", "troops/conflict"), 1, 1, id="select"),
        pytest.param(("--ignore", "conflict"), 0, 0, id="ignore"),
        pytest.param(("--select", "change,update"), 0, 0, id="select-others"),
    ],
)
def test_ledger_check_selects_too(
    tmp_path: Path, options: tuple[str, ...], shown: int, status: int
) -> None:
    first, second = _articles(tmp_path)
    ledger = str(tmp_path / "l.db")
    assert run("ledger", "add", str(first), "--ledger", ledger).returncode == 0
    result = run("ledger", "check", str(second), "--ledger", ledger, *options)
    assert result.returncode == status, result.stderr
    assert result.stdout.count("ERROR conflict troops|US|Iraq") == shown
    assert f"{shown} discrepanc" in result.stdout.splitlines()[-1]
    wrong = run("ledger", "check", str(second), "--ledger", ledger, "--select", "nope")
    assert wrong.returncode == 2 and "unknown rule or verdict 'nope'" in wrong.stderr


def _crowd(path: Path, keys: int, figures: int) -> Path:
    """``keys`` keys of ``figures`` claims of one day that all disagree: figures × (figures
    - 1) / 2 conflicts per key (20 figures: 190)."""
    lines = [
        _claim(f"w{k}-{i}", 1000 + 300 * i, "2024-01-10", "troops", "US", f"Place{k:02}")
        for k in range(keys)
        for i in range(figures)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _statistics_block(text: str) -> list[str]:
    lines = text.splitlines()
    return lines[lines.index(next(x for x in lines if x.startswith("statistics: "))) :]


def test_statistics_follow_the_text_report(three: Path) -> None:
    result = run("check", "--claims", str(three), "--statistics", "--ignore", "change")
    assert result.returncode == 1, result.stderr
    assert _statistics_block(result.stdout) == [
        "statistics: 2 finding(s)",
        "by rule:",
        "      1  deaths/typo",
        "      1  troops/conflict",
        "by verdict:",
        "      2  conflict",
        "by key:",
        "      1  deaths|?|Gaza",
        "      1  troops|US|Iraq",
    ]
    assert "2 discrepancies" in result.stdout  # the report comes first
    assert result.stderr == ""


def test_statistics_go_to_stderr_for_json_and_list_the_top_keys(tmp_path: Path) -> None:
    claims = _crowd(tmp_path / "crowd.jsonl", keys=12, figures=5)  # 10 conflicts a key
    result = run("check", "--claims", str(claims), "--statistics", "--format", "json")
    assert result.returncode == 1, result.stderr
    assert len(Report.model_validate_json(result.stdout).discrepancies) == 120  # parseable
    block = _statistics_block(result.stderr)
    assert block[:5] == [
        "statistics: 120 finding(s)",
        "by rule:",
        "    120  troops/conflict",
        "by verdict:",
        "    120  conflict",
    ]
    assert block[5] == "by key (top 10 of 12):"
    assert block[6:8] == ["     10  troops|US|Place00", "     10  troops|US|Place01"]
    assert block[-1] == "     20  (2 other keys)" and len(block) == 17


def test_statistics_in_markdown_are_tables(three: Path) -> None:
    result = run("check", "--claims", str(three), "--statistics", "--format", "markdown")
    assert result.returncode == 1, result.stderr
    report, _, stats = result.stdout.partition("## Statistics")
    assert "| error | conflict |" in report
    assert "### By verdict\n\n| count | name |\n| ---: | --- |\n| 2 | conflict |\n" in stats
    assert "| 2 | troops\\|US\\|Iraq |" in stats and result.stderr == ""


def test_ledger_check_statistics(tmp_path: Path) -> None:
    first, second = _articles(tmp_path)
    ledger = str(tmp_path / "l.db")
    assert run("ledger", "add", str(first), "--ledger", ledger).returncode == 0
    result = run("ledger", "check", str(second), "--ledger", ledger, "--statistics")
    assert _statistics_block(result.stdout)[:3] == [
        "statistics: 1 finding(s)",
        "by rule:",
        "      1  troops/conflict",
    ]


def on_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the command with stdout on a pseudo-terminal (stderr piped): its status and
    what it wrote there (with the terminal's ``\\r\\n`` made ``\\n``)."""
    master, slave = pty.openpty()
    command = [sys.executable, "-m", "numcheck", *args]
    environment = {**os.environ, **(env or {})}
    process = subprocess.Popen(command, stdout=slave, stderr=subprocess.PIPE, env=environment)
    os.close(slave)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    status = process.wait(timeout=120)
    assert process.stderr is not None
    process.stderr.close()
    return status, b"".join(chunks).decode("utf-8").replace("\r\n", "\n")


MARKS = ("✖ ERROR", "▲ WARNING", "· INFO")


def _findings_listed(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.lstrip().startswith(MARKS))


@pytest.fixture(scope="module")
def crowd(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2,280 findings: 12 keys of 190 conflicts."""
    return _crowd(tmp_path_factory.mktemp("crowd") / "crowd.jsonl", keys=12, figures=20)


def test_redirected_text_lists_every_finding(crowd: Path) -> None:
    result = run("check", "--claims", str(crowd))
    assert result.returncode == 1, result.stderr
    assert _findings_listed(result.stdout) == 2280
    assert "more in this key" not in result.stdout
    assert result.stdout.count("(190)\n") == 12


@pytest.mark.parametrize("cap", [pytest.param(1, id="one"), pytest.param(3, id="three")])
def test_max_per_key_caps_each_key_and_the_summary_counts_all(crowd: Path, cap: int) -> None:
    result = run("check", "--claims", str(crowd), "--max-per-key", str(cap))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert _findings_listed(result.stdout) == 12 * cap
    assert lines.count(f"  … and {190 - cap} more in this key") == 12
    assert lines[0] == "== troops | US | Place00 (190)"
    assert lines[-2] == f"{2280 - 12 * cap:,} finding(s) not shown (at most {cap} per key; " + (
        "--max-per-key 0 shows all)"
    )
    assert lines[-1].startswith("0 article(s), 240 claim(s), 2280 discrepancies")
    assert len(lines) < 12 * (4 * cap + 3) + 3  # readable: it grows with keys × cap only
    markdown = run(
        "check", "--claims", str(crowd), "--max-per-key", str(cap), "--format", "markdown"
    )
    rows = [line for line in markdown.stdout.splitlines() if line.startswith("| error")]
    assert len(rows) == 12 * cap
    assert markdown.stdout.count(f"… and {190 - cap} more in this key") == 12
    assert "2280 discrepancies" in markdown.stdout


def test_on_a_terminal_five_per_key_by_default(crowd: Path) -> None:
    status, shown = on_terminal("check", "--claims", str(crowd), env={"NO_COLOR": "1"})
    assert status == 1
    assert _findings_listed(shown) == 12 * 5
    assert shown.count("… and 185 more in this key") == 12
    status, everything = on_terminal(
        "check", "--claims", str(crowd), "--max-per-key", "0", env={"NO_COLOR": "1"}
    )
    assert _findings_listed(everything) == 2280


@pytest.mark.parametrize("value", ["-1", "many"])
def test_max_per_key_must_be_a_count(three: Path, value: str) -> None:
    result = run("check", "--claims", str(three), "--max-per-key", value)
    assert result.returncode == 2
    assert "--max-per-key: expected a number, 0 or more" in result.stderr


def _stdin_file(tmp_path: Path, data: bytes) -> Path:
    path = tmp_path / "stdin.bytes"
    path.write_bytes(data)
    return path


SECOND = (
    b"---\ntitle: Troops\npublished: 2024-01-15\n---\n"
    b"About 5,000 US troops are in Iraq now, officials said.\n"
)
"""An article with front matter that contradicts the first of :func:`_articles`."""


@pytest.mark.parametrize(
    ("name_options", "name"),
    [
        pytest.param((), "<stdin>", id="default-name"),
        pytest.param(("--stdin-filename", "today/troops.md"), "today/troops.md", id="named"),
    ],
)
def test_check_reads_one_article_from_stdin(
    tmp_path: Path, name_options: tuple[str, ...], name: str
) -> None:
    first, _ = _articles(tmp_path)
    stdin = _stdin_file(tmp_path, SECOND)
    result = run("check", str(first), "-", "--format", "json", *name_options, stdin=stdin)
    assert result.returncode == 1, result.stderr
    report = Report.model_validate_json(result.stdout)
    article = report.articles[1]
    stem = Path(name).stem
    assert (article.id, article.path, article.title) == (stem, name, "Troops")
    assert str(article.published) == "2024-01-15"  # the front matter was read
    assert article.text.startswith("About 5,000")
    [finding] = report.discrepancies
    assert {c.article for c in finding.claims} == {"a", stem}
    text = run("check", str(first), "-", *name_options, stdin=stdin)
    line = 1 + SECOND.split(b"About 5,000")[0].count(b"\n")  # the body after front matter
    assert f"- {name}:{line}:1: »About 5,000« US troops" in text.stdout


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param("Caf\u00e9 5 troops".encode("latin-1"), "not valid UTF-8", id="latin-1"),
        pytest.param(b"", "empty file", id="empty"),
        pytest.param(b"---\npublished: [\n---\n5 troops\n", "front matter is not", id="yaml"),
    ],
)
@pytest.mark.parametrize("command", [("check",), ("extract",), ("ledger", "add")])
def test_bad_bytes_on_stdin_are_one_line_naming_it(
    tmp_path: Path, data: bytes, problem: str, command: tuple[str, ...]
) -> None:
    stdin = _stdin_file(tmp_path, data)
    ledger = ("--ledger", str(tmp_path / "l.db")) if command[0] == "ledger" else ()
    result = run(*command, "-", "--stdin-filename", "wire/x.md", *ledger, stdin=stdin)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"numcheck: wire/x.md: {problem}")


def test_extract_and_the_ledger_read_stdin(tmp_path: Path) -> None:
    first, _ = _articles(tmp_path)
    stdin = _stdin_file(tmp_path, SECOND)
    extracted = run("extract", "-", "--format", "jsonl", "--stdin-filename", "b.md", stdin=stdin)
    assert extracted.returncode == 0, extracted.stderr
    assert json.loads(extracted.stdout)["article"] == "b"
    ledger = str(tmp_path / "l.db")
    added = run("ledger", "add", "-", "--ledger", ledger, "--stdin-filename", "a.md", stdin=first)
    assert added.returncode == 0 and "1 article(s) added" in added.stdout, added.stderr
    checked = run("ledger", "check", "-", "--ledger", ledger, stdin=stdin)
    assert checked.returncode == 1, checked.stderr
    assert "  - <stdin>:0-11 (<stdin>:5:1, published 2024-01-15)" in checked.stdout


def test_stdin_jsonl_by_its_name(tmp_path: Path) -> None:
    lines = b'{"id": "w1", "text": "About 2,000 US troops are in Iraq."}\n{"text": "x"\n'
    stdin = _stdin_file(tmp_path, lines)
    result = run("extract", "-", "--stdin-filename", "feed.jsonl", "--format", "jsonl", stdin=stdin)
    assert result.returncode == 2
    assert result.stderr.startswith("numcheck: feed.jsonl:2: ")
    assert json.loads(result.stdout)["article"] == "w1"


SGR = re.compile(r"\x1b\[[0-9;]*m")
OURS = {"\x1b[1m", "\x1b[0m", "\x1b[1;31m", "\x1b[33m", "\x1b[36m"}
"""The escape sequences the text report may write: bold, reset, the severity colours."""


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """Claims whose article ids and text carry terminal escapes, and a warning and an
    error finding."""
    lines = [
        _claim("wire-\x1b]0;pwned\x07one", 2000, "2024-01-10", "troops", "US", "Iraq"),
        _claim("wire-\x1b[2Jtwo", 2500, "2024-01-20", "troops", "US", "Iraq"),
        _claim("w3", 1000, "2024-01-10", "deaths", "?", "Gaza"),
        _claim("w4", 1100, "2024-01-11", "deaths", "?", "Gaza"),
    ]
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        pytest.param({"NO_COLOR": "", "FORCE_COLOR": ""}, False, id="piped"),
        pytest.param({"NO_COLOR": "", "FORCE_COLOR": "1"}, True, id="forced"),
        pytest.param({"NO_COLOR": "", "FORCE_COLOR": "0"}, False, id="force-0"),
        pytest.param({"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, id="no-color-wins"),
    ],
)
def test_colour_when_forced_and_never_article_escapes(
    hostile: Path, env: dict[str, str], coloured: bool
) -> None:
    result = run("check", "--claims", str(hostile), env=env)
    assert result.returncode == 1, result.stderr
    assert set(SGR.findall(result.stdout)) <= OURS
    assert "\x07" not in result.stdout and "\x1b]" not in result.stdout
    assert "\x1b[2J" not in result.stdout
    plain = SGR.sub("", result.stdout)
    assert "- wire-two:" in plain and "- wire-one:" in plain
    if coloured:
        assert "\x1b[1;31m✖ ERROR\x1b[0m conflict [troops/conflict]" in result.stdout
        assert "\x1b[33m▲ WARNING\x1b[0m" in result.stdout
        assert "\x1b[1m== troops | US | Iraq (1)\x1b[0m" in result.stdout
    else:
        assert "\x1b" not in result.stdout


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        pytest.param({"NO_COLOR": "", "TERM": "xterm"}, True, id="terminal"),
        pytest.param({"NO_COLOR": "1", "TERM": "xterm"}, False, id="no-color"),
        pytest.param({"NO_COLOR": "", "TERM": "dumb"}, False, id="dumb-terminal"),
    ],
)
def test_colour_on_a_terminal_unless_no_color(
    hostile: Path, env: dict[str, str], coloured: bool
) -> None:
    status, shown = on_terminal("check", "--claims", str(hostile), env={"FORCE_COLOR": "", **env})
    assert status == 1
    assert ("\x1b[1;31m✖ ERROR\x1b[0m" in shown) is coloured
    assert set(SGR.findall(shown)) <= OURS


@pytest.mark.parametrize("columns", [pytest.param(50, id="50"), pytest.param(72, id="72")])
def test_explanations_wrap_to_the_terminal_width_with_a_hanging_indent(
    three: Path, columns: int
) -> None:
    status, shown = on_terminal(
        "check", "--claims", str(three), env={"COLUMNS": str(columns), "NO_COLOR": "1"}
    )
    assert status == 1
    lines = shown.splitlines()
    assert max(len(line) for line in lines[:-1]) <= columns  # the summary is one line
    start = next(i for i, x in enumerate(lines) if x.startswith("    wire-4 says"))
    explanation = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("      "):
            break
        explanation.append(line)
    assert len(explanation) > 2  # wrapped
    joined = " ".join(line.strip() for line in explanation)
    piped = run("check", "--claims", str(three), env={"COLUMNS": str(columns)})
    [whole] = [x for x in piped.stdout.splitlines() if x.startswith("    wire-4 says")]
    assert joined == whole.strip()  # the same words; redirected output is not wrapped


EXAMPLE_RULES = Path(__file__).parents[1] / "docs" / "examples" / "numcheck.toml"


@pytest.mark.parametrize(
    "command",
    [pytest.param(("check",), id="check"), pytest.param(("ledger", "check"), id="ledger")],
)
def test_show_settings_prints_rules_that_read_back(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    result = run(*command, "--show-settings", "--rules", str(EXAMPLE_RULES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    first, _, body = result.stdout.partition("\n")
    assert first == f"# rules: {EXAMPLE_RULES}"
    saved = tmp_path / "saved.toml"
    saved.write_text(result.stdout, encoding="utf-8")
    assert Rules.from_file(saved) == Rules.from_file(EXAMPLE_RULES)  # the round trip
    again = run(*command, "--show-settings", "--rules", str(saved), cwd=tmp_path)
    assert again.stdout == f"# rules: {saved}\n{body}"
    assert "[measures.troops.time_window]\nday = 92\n" in body  # merged: every field
    assert not (tmp_path / "numcheck.db").exists()


def test_show_settings_names_the_rules_found_or_the_defaults(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "articles").mkdir(parents=True)
    defaults = run("check", "--show-settings", cwd=project / "articles")
    assert defaults.returncode == 0, defaults.stderr
    assert defaults.stdout.startswith("# rules: built-in defaults\n[default]\n")
    assert Rules.parse(tomllib.loads(defaults.stdout)) == Rules()
    (project / "pyproject.toml").write_text(
        "[tool.numcheck.measures.deaths]\nabsolute_tolerance = 3\n", encoding="utf-8"
    )
    found = run("check", "--show-settings", cwd=project / "articles")
    assert found.stdout.startswith(f"# rules: {project / 'pyproject.toml'} [tool.numcheck]\n")
    read = Rules.parse(tomllib.loads(found.stdout))
    assert read.measures["deaths"].absolute_tolerance == 3
    assert read == Rules.from_file(project / "pyproject.toml")


@pytest.mark.parametrize(
    ("file", "text", "table"),
    [
        pytest.param(
            "numcheck.toml",
            "[measures.troop]\nabsolute_tolerance = 2\n",
            "[measures.troop]",
            id="toml",
        ),
        pytest.param(
            "pyproject.toml",
            "[tool.numcheck.measures.troop]\nabsolute_tolerance = 2\n",
            "[tool.numcheck.measures.troop]",
            id="pyproject",
        ),
    ],
)
@pytest.mark.parametrize(
    "explicit", [pytest.param(True, id="rules"), pytest.param(False, id="found")]
)
def test_an_unknown_measure_in_a_rules_file_is_an_error(
    three: Path, tmp_path: Path, file: str, text: str, table: str, explicit: bool
) -> None:
    rules = tmp_path / file
    rules.write_text(text, encoding="utf-8")
    option = ("--rules", str(rules)) if explicit else ()
    result = run("check", "--claims", str(three), *option, cwd=tmp_path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    where = rules if explicit else rules.resolve()
    assert line.startswith(f"numcheck: {where}: {table}: unknown measure 'troop' ")
    assert "did you mean troops?" in line and "known measures: " in line
    assert "deaths, " in line and result.stdout == ""


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("deaths", id="taxonomy"),
        pytest.param("deliveries-forecast", id="forecast"),
        pytest.param("km", id="unit"),
        pytest.param('"widgets"', id="a-claims-file-unit"),
    ],
)
def test_measures_claims_can_have_are_known(tmp_path: Path, name: str) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text(
        _claim("a", 3, "2024-01-10", "widgets", "?", "?")
        + "\n"
        + _claim("b", 4, "2024-01-10", "widgets", "?", "?")
        + "\n",
        encoding="utf-8",
    )
    rules = tmp_path / "rules.toml"
    rules.write_text(f"[measures.{name}]\nabsolute_tolerance = 2\n", encoding="utf-8")
    result = run("check", "--claims", str(claims), "--rules", str(rules), "--format", "json")
    # 3 against 4 widgets is a conflict (status 1) unless [measures.widgets] applies
    assert result.returncode == (0 if name == '"widgets"' else 1), result.stderr


def _ledger_of(tmp_path: Path) -> tuple[str, Path, str]:
    """A ledger holding article a, the article b that contradicts it, and the finding's
    fingerprint as ledger check shows it."""
    first, second = _articles(tmp_path)
    ledger = str(tmp_path / "l.db")
    assert run("ledger", "add", str(first), "--ledger", ledger).returncode == 0
    checked = run("ledger", "check", str(second), "--ledger", ledger)
    [mark] = [x.split("fingerprint ")[1] for x in checked.stdout.splitlines() if "fingerprint" in x]
    hint = (
        f'  to accept it: numcheck ledger ack {mark} --articles {second} --by NAME --reason "..."'
    )
    assert hint in checked.stdout.splitlines()
    return ledger, second, mark


def test_ledger_ack_takes_a_fingerprint_of_a_finding(tmp_path: Path) -> None:
    ledger, second, mark = _ledger_of(tmp_path)
    ack = ("ledger", "ack", mark, "--by", "Ana", "--reason", "checked", "--ledger", ledger)
    refused = run(*ack)  # b is not in the ledger: its findings are not the ledger's
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"numcheck: {ledger}: no discrepancy of the ledger has ")
    assert run("ledger", "acks", "--ledger", ledger).stdout == ""  # nothing written
    acked = run(*ack, "--articles", str(second))
    assert acked.returncode == 0, acked.stderr
    assert acked.stdout == f"{ledger}: 1 discrepancy acknowledged\n"
    assert run("ledger", "acks", "--ledger", ledger).stdout.startswith(mark)
    assert run("ledger", "add", str(second), "--ledger", ledger).returncode == 0
    again = run(*ack)  # now a finding among the ledger's own articles
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    "fingerprints",
    [
        pytest.param(("0123456789abcdef",), id="unknown"),
        pytest.param(("MARK", "fedcba9876543210"), id="one-of-two-unknown"),
    ],
)
def test_ledger_ack_refuses_a_fingerprint_of_no_finding(
    tmp_path: Path, fingerprints: tuple[str, ...]
) -> None:
    ledger, second, mark = _ledger_of(tmp_path)
    prints = [mark if p == "MARK" else p for p in fingerprints]
    result = run(
        "ledger",
        "ack",
        *prints,
        "--articles",
        str(second),
        "--by",
        "A",
        "--reason",
        "r",
        "--ledger",
        ledger,
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    unknown = [p for p in prints if p != mark]
    assert line.startswith(
        f"numcheck: {ledger}: no discrepancy of the ledger or of the articles given has the "
        f"fingerprint {', '.join(unknown)}; nothing was acknowledged"
    )
    assert run("ledger", "acks", "--ledger", ledger).stdout == ""


def test_ledger_ack_never_creates_a_ledger(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    result = run(
        "ledger", "ack", "0123456789abcdef", "--by", "A", "--reason", "r", "--ledger", str(missing)
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == f"numcheck: {missing}: no such ledger (create it with: numcheck ledger add)\n"
    )
    assert not missing.exists()
