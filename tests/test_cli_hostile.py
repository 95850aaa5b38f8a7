"""Issue 11 through the real command: nothing one input holds may crash the batch, lie
about the exit status, or hijack the output. Each test runs ``numcheck`` in a subprocess
on real files and checks the exit status, the one stderr line naming the file, and that
the good articles of the same batch are still reported."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from test_cli import CRASH_ON_MARKER, MARKER, run

import numcheck.cli  # registers the codec error handler the CLI degrades output with
from numcheck import Claim, Report
from numcheck._report import printable

GOOD = "There were 5000 US troops in Iraq in 2016.\n"
CRASHING = f"There were 1,234.56.78 troops in Iraq ({MARKER}).\n"
PUBLISHED = (
    "---\nid: published\npublished: 2024-01-06\n---\nAbout 2,500 US troops are in Iraq now.\n"
)
CONFLICTING = "---\nid: good\npublished: 2024-01-15\n---\nThere are 5,000 US troops in Iraq.\n"


def one_line(stderr: str) -> str:
    """The only line on stderr."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


def internal_error_line(path: Path) -> str:
    return (
        f"numcheck: {path}: internal error while reading figures: ValueError: Invalid "
        "literal for Fraction: '1.234.56.78'; this is a bug: please report it to the "
        "numcheck developers with the file"
    )


def _jsonl_articles(out: str) -> set[str]:
    return {Claim.model_validate_json(line).article for line in out.splitlines()}


@pytest.mark.parametrize(
    ("args", "reported"),
    [
        pytest.param(
            ("extract", "{today}", "--format", "jsonl"),
            lambda out: _jsonl_articles(out) == {"good"},
            id="extract-jsonl",
        ),
        pytest.param(
            ("extract", "{today}"),
            lambda out: out.splitlines()[2].startswith("good ") and "1 claim(s)" in out,
            id="extract-table",
        ),
        pytest.param(
            ("check", "{today}", "--format", "json"),
            lambda out: [a.id for a in Report.model_validate_json(out).articles] == ["good"],
            id="check-json",
        ),
        pytest.param(
            ("check", "{today}"),
            lambda out: out.splitlines()[-1].startswith("1 article(s), 1 claim(s)"),
            id="check-text",
        ),
        pytest.param(
            ("ledger", "add", "{today}", "--ledger", "{ledger}"),
            lambda out: "1 article(s) added" in out and "holds 2 article(s)" in out,
            id="ledger-add",
        ),
        pytest.param(
            ("ledger", "check", "{today}", "--ledger", "{ledger}"),
            lambda out: (
                "ERROR conflict troops|US|Iraq" in out and "1 article(s) checked against" in out
            ),
            id="ledger-check",
        ),
    ],
)
def test_a_crash_in_one_article_is_its_error_and_the_batch_goes_on(
    tmp_path: Path, args: tuple[str, ...], reported: Callable[[str], bool]
) -> None:
    ledger = tmp_path / "ledger.db"
    if "ledger" in args:
        published = tmp_path / "published.md"
        published.write_text(PUBLISHED)
        assert run("ledger", "add", str(published), "--ledger", str(ledger)).returncode == 0
    today = tmp_path / "today"
    today.mkdir()
    (today / "good.md").write_text(CONFLICTING)
    bad = today / "bad.txt"
    bad.write_text(CRASHING)
    filled = [a.format(today=today, ledger=ledger) for a in args]
    result = run(*filled, prelude=CRASH_ON_MARKER)
    assert result.returncode == 2, result.stderr
    assert one_line(result.stderr) == internal_error_line(bad)
    assert reported(result.stdout), result.stdout


def test_without_the_crash_the_same_batch_is_clean(tmp_path: Path) -> None:
    """The control for the test above: the marker alone changes nothing."""
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "bad.txt").write_text(f"There were 12 troops in Iraq ({MARKER}).\n")
    result = run("extract", str(tmp_path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert _jsonl_articles(result.stdout) == {"good", "bad"}


CRASH_LOADER_ON_MARKER = f"""
import numcheck._load as load
parse = load._parse_text_article
def crashing(path, text):
    if {MARKER!r} in text:
        raise RecursionError("maximum recursion depth exceeded")
    return parse(path, text)
load._parse_text_article = crashing
"""


@pytest.mark.parametrize("command", ["extract", "check"])
def test_a_loader_crash_on_one_file_is_that_files_error(tmp_path: Path, command: str) -> None:
    """A bug in the loader on one file (the recursive YAML alias was one): the file is
    named on one line as an internal error, and the rest of the batch is read."""
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / "bad.md"
    bad.write_text(CRASHING)
    result = run(
        command,
        str(tmp_path),
        "--format",
        "json" if command == "check" else "jsonl",
        prelude=CRASH_LOADER_ON_MARKER,
    )
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert line.startswith(f"numcheck: {bad}: internal error while reading the file: ")
    assert "RecursionError" in line
    if command == "check":
        assert {a.id for a in Report.model_validate_json(result.stdout).articles} == {"good"}
    else:
        assert _jsonl_articles(result.stdout) == {"good"}


BREAK_COMPARE = """
import numcheck._pipeline as pipeline
def compare(*args, **kwargs):
    raise {error}
pipeline.compare = compare
"""


@pytest.mark.parametrize(
    ("error", "env", "status", "stderr"),
    [
        pytest.param(
            'RuntimeError("boom\\nin two lines")',
            {},
            70,
            "numcheck: internal error: RuntimeError: boom in two lines (this is a bug; "
            "please report it with the command and input)",
            id="bug-is-status-70-one-line",
        ),
        pytest.param("KeyboardInterrupt()", {}, 130, "numcheck: interrupted", id="interrupt"),
        pytest.param(
            'RuntimeError("boom")',
            {"NUMCHECK_TRACEBACK": "1"},
            1,
            None,
            id="traceback-on-request",
        ),
    ],
)
def test_a_bug_that_stops_the_run_has_its_own_status(
    tmp_path: Path, error: str, env: dict[str, str], status: int, stderr: str | None
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    result = run("check", str(tmp_path), prelude=BREAK_COMPARE.format(error=error), env=env)
    assert result.returncode == status
    if stderr is None:  # Python's own report of the exception
        assert "Traceback (most recent call last)" in result.stderr
        assert result.stderr.splitlines()[-1] == "RuntimeError: boom"
    else:
        assert one_line(result.stderr) == stderr


# -- Markdown that cannot be hijacked ------------------------------------------------


def _unescaped(line: str, chars: str) -> list[str]:
    """The characters of ``chars`` in ``line`` not escaped by a backslash."""
    return re.findall(r"(?<!\\)(?:\\\\)*([" + re.escape(chars) + "])", line)


def test_markdown_quotes_hostile_input_as_text(tmp_path: Path) -> None:
    time = {"start": "2024-01-10", "end": "2024-01-10", "basis": "explicit"}
    key = {"unit": "troops", "subject": "US\n# Injected heading", "location": "Iraq | `x`"}
    hostile = [
        {
            "article": "wire|1 <script>alert(1)</script>",
            "text": "[click](javascript:alert(1)) ![i](http://e.test/i.png)",
            "sentence": "<img src=x onerror=alert(1)> said [x](javascript:alert(2))\n## Also",
            "value": 2000,
            "time": time,
            **key,
        },
        {
            "article": "wire-2\r\n- item",
            "text": "2,500 | `code` \\| *em* _u_",
            "value": 2500,
            "time": time,
            **key,
        },
    ]
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(c) + "\n" for c in hostile))
    today = tmp_path / "today"
    today.mkdir()
    (today / "good.txt").write_text(GOOD)
    bad = today / "bad <img src=x onerror=alert(3)> [a](javascript:b).txt"
    bad.write_bytes(b"\x00binary")
    result = run("check", str(today), "--claims", str(claims), "--format", "markdown")
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"numcheck: {bad}: binary file")
    out = result.stdout
    lines = out.splitlines()
    assert "1 article(s), 3 claim(s)" in out  # the good article is still reported
    assert "<" not in out and ">" not in out  # no HTML at all: entities
    assert "javascript:" not in out  # no scheme a renderer could link
    for line in lines:
        assert not _unescaped(line, "[]`*_"), line  # no link, image, code or emphasis
    headings = [line for line in lines if line.lstrip().startswith("#")]
    assert headings[0] == "# numcheck report" and len(headings) == 3
    assert headings[1].startswith("## troops · US \\# Injected heading")
    assert headings[2] == "## Inputs that could not be read"
    rows = [line for line in lines if line.startswith("|")]
    assert len(rows) == 3  # header, rule, the conflict
    for row in rows:
        assert len(_unescaped(row, "|")) == 8, row  # seven cells, whatever the input held
    assert "| error | conflict |" in rows[2]
    assert "\\[click\\]\\(javascript\\:alert\\(1\\)\\)" in rows[2]
    items = [line for line in lines if line.startswith("- ")]
    assert len(items) == 1 and "&lt;img src=x onerror=alert\\(3\\)&gt;" in items[0]
    _render_as_a_reader_would(out)


def _render_as_a_reader_would(markdown: str) -> None:
    """Render with a CommonMark parser (tables on, raw HTML allowed, as GitHub and most
    trackers do): no element comes from the input, only text."""
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(markdown)
    for tag in ("<script", "<img", "<a ", "<code", "<em", "<strong"):
        assert tag not in html, (tag, html)
    assert html.count("<li>") == 1  # the one unreadable input, no list item from a claim
    assert [h.split(">")[0] for h in html.split("<h")[1:]] == ["1", "2", "2"]
    for row in html.split("<tr>")[1:]:
        assert row.count("<td") + row.count("<th") == 7, row  # and the fingerprint


# -- terminal output that cannot be hijacked -----------------------------------------

ESCAPES = "\x1b[2J\x1b[31m\x1b]0;pwned\x07\x9b31m\x1b]8;;http://e.test\x1b\\"


def _terminal_safe(text: str) -> bool:
    """Only printable characters and the renderer's own newlines."""
    return all(c == "\n" or unicodedata.category(c) != "Cc" for c in text) and not any(
        c in text for c in "\u2028\u2029"
    )


def test_terminal_output_strips_control_and_escape_sequences(tmp_path: Path) -> None:
    today = tmp_path / "today"
    today.mkdir()
    (today / "esc.md").write_text(
        '---\nid: "wire\\e]0;pwned\\a-1"\nsource: "Wire\\e[2J"\npublished: 2024-01-06\n---\n'
        f"About 2,500 US troops are in Iraq now.{ESCAPES}\r Officials said so.\n"
    )
    (today / "good.md").write_text(CONFLICTING)
    bad = today / "bad\x1b[31m\x07.txt"
    bad.write_bytes(b"\x00binary")
    ledger = tmp_path / "l.db"
    assert run("ledger", "add", str(today / "esc.md"), "--ledger", str(ledger)).returncode == 0
    outputs = {
        "check": run("check", str(today)),
        "extract": run("extract", str(today)),
        "ledger-check": run("ledger", "check", str(today), "--ledger", str(ledger)),
    }
    for name, result in outputs.items():
        assert result.returncode == 2, (name, result.stderr)
        assert one_line(result.stderr) == f"numcheck: {today / 'bad.txt'}: binary file " + (
            "(contains NUL bytes), not a text article"
        )
        assert _terminal_safe(result.stdout), (name, result.stdout)
        assert "wire]0;pwned-1" not in result.stdout  # the OSC went, not just its ESC
        assert "wire-1" in result.stdout, name  # the article is still reported
    assert "ERROR conflict" in outputs["ledger-check"].stdout
    marks = re.findall(r"fingerprint ([0-9a-f]{16})", outputs["ledger-check"].stdout)
    reason = f"checked{ESCAPES}\nby phone"
    ack = run(
        "ledger",
        "ack",
        *marks,
        *("--articles", str(today / "esc.md"), str(today / "good.md")),  # as checked
        *("--by", "Ana\x1b[8m", "--reason", reason, "--ledger", str(ledger)),
    )
    assert ack.returncode == 0, ack.stderr
    listed = run("ledger", "acks", "--ledger", str(ledger))
    assert listed.returncode == 0 and _terminal_safe(listed.stdout)
    assert listed.stdout.count("\n") == len(marks) and "Ana: checked by phone" in listed.stdout


# -- output to a stream that cannot show every character -----------------------------

WORLD = (
    "---\nid: تقرير-1\npublished: 2024-01-06\n---\n"
    "About 2,500 US troops are in Iraq now, said 李明 😀 «مصدر».\n"
)
WORLD_NEW = (
    "---\nid: 新-2\npublished: 2024-01-15\n---\n"
    "There are 5,000 US troops in Iraq 🇺🇸, officials said.\n"
)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("check", "{today}"), id="check-text"),
        pytest.param(("check", "{today}", "--format", "json"), id="check-json"),
        pytest.param(("check", "{today}", "--format", "markdown"), id="check-markdown"),
        pytest.param(("extract", "{today}"), id="extract-table"),
        pytest.param(("extract", "{today}", "--format", "jsonl"), id="extract-jsonl"),
        pytest.param(("ledger", "check", "{today}", "--ledger", "{ledger}"), id="ledger-check"),
    ],
)
def test_a_narrow_stdout_encoding_degrades_instead_of_crashing(
    tmp_path: Path, args: tuple[str, ...]
) -> None:
    today = tmp_path / "today"
    today.mkdir()
    (today / "a.md").write_text(WORLD, encoding="utf-8")
    (today / "b.md").write_text(WORLD_NEW, encoding="utf-8")
    (today / "خطأ.txt").write_text("")
    ledger = tmp_path / "l.db"
    if "ledger" in args:
        assert run("ledger", "add", str(today / "a.md"), "--ledger", str(ledger)).returncode == 0
    filled = [a.format(today=today, ledger=ledger) for a in args]
    wide = run(*filled)
    assert wide.returncode == 2 and "\\u" not in wide.stdout, wide.stderr
    for encoding in ("cp1252", "ascii"):  # a Windows redirect; the narrowest
        narrow = run(*filled, env={"PYTHONIOENCODING": encoding}, encoding=encoding)
        assert narrow.returncode == 2, narrow.stderr
        assert one_line(narrow.stderr).startswith("numcheck: ")
        assert one_line(narrow.stderr).endswith(".txt: empty file")
        # what the stream cannot show is escaped as \uXXXX, and nothing else changes
        assert "\\u" in narrow.stdout
        expected = wide.stdout.encode(encoding, numcheck.cli._ESCAPES).decode(encoding)
        assert narrow.stdout == expected
        if "json" in args:  # still the same data, exactly
            assert json.loads(narrow.stdout) == json.loads(wide.stdout)
        if "jsonl" in args:
            assert [json.loads(x) for x in narrow.stdout.splitlines()] == [
                json.loads(x) for x in wide.stdout.splitlines()
            ]


def test_the_escape_handler_is_exact_json() -> None:
    text = json.dumps({"t": "李明 😀 «مصدر» é"}, ensure_ascii=False)
    escaped = text.encode("ascii", numcheck.cli._ESCAPES).decode("ascii")
    assert json.loads(escaped) == json.loads(text)
    assert codecs.lookup_error(numcheck.cli._ESCAPES) is not None
    assert printable(escaped) == escaped
