"""The console examples of README.md and docs/*.md run, and show what the command prints.

A ``console`` code block whose lines start ``$ numcheck ...`` is an example: the command
runs (the real command, in a subprocess), and what it prints (stderr, then stdout) must
be the lines after it, up to the next ``$`` line or the end of the block. As in the
Python examples (doctest's ELLIPSIS), ``...`` stands for any text, a line ``...`` for any
number of lines; trailing spaces do not count. Commands other than ``numcheck`` (``$
pytest``) are not run here (tests/test_plugin.py runs the CI example's pytest).

The examples of one file run in order, in a fresh copy of the docs context: the seeds
(``seeds/``), or, after a line ``<!-- console-cwd: docs/examples/ci -->`` in the file, a
copy of that folder (so ``numcheck ledger add published`` writes its ``numcheck.db``
there, and the next example sees it).

A ``console`` block without ``$`` lines lists commands: each ``numcheck`` line in it must
be a command line the CLI accepts.
"""

from __future__ import annotations

import doctest
import re
import shlex
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli import run

from numcheck.cli import _parser

DOCS = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])
CWD = re.compile(r"<!--\s*console-cwd:\s*(\S+)\s*-->")
DEFAULT_CONTEXT = "seeds"
"""Without a ``console-cwd`` line, examples run in a folder holding a copy of the seeds."""
ENVIRONMENT = {"NO_COLOR": "1", "COLUMNS": "100", "NUMCHECK_TRACEBACK": ""}


@dataclass
class Example:
    line: int
    command: str
    want: list[str] = field(default_factory=list)


@dataclass
class Session:
    """The examples of one file that share a working folder, in order."""

    context: str
    examples: list[Example] = field(default_factory=list)


@dataclass
class Listing:
    line: int
    command: str


def parse(path: Path) -> tuple[list[Session], list[Listing]]:
    """The example sessions and the listed commands of one Markdown file."""
    sessions: dict[str, Session] = {}
    listings: list[Listing] = []
    context = DEFAULT_CONTEXT
    block: list[tuple[int, str]] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if block is None:
            found = CWD.search(line)
            if found:
                context = found.group(1)
            elif line.strip() == "```console":
                block = []
            continue
        if line.strip() != "```":
            block.append((number, line))
            continue
        if any(text.startswith("$ ") for _, text in block):
            session = sessions.setdefault(context, Session(context))
            for at, text in block:
                if text.startswith("$ "):
                    session.examples.append(Example(at, text[2:].strip()))
                elif session.examples:
                    session.examples[-1].want.append(text)
        else:
            listings += [
                Listing(at, text.strip())
                for at, text in block
                if text.strip().startswith("numcheck ")
            ]
        block = None
    return list(sessions.values()), listings


def _sessions() -> list[object]:
    params: list[object] = []
    for path in DOCS:
        for session in parse(path)[0]:
            name = f"{path.relative_to(ROOT)}@{session.context}"
            params.append(pytest.param(path, session, id=name))
    return params


def _working_folder(tmp_path: Path, context: str) -> Path:
    source = ROOT / context
    assert source.is_dir(), f"console-cwd {context!r} is not a folder of the repository"
    if context == DEFAULT_CONTEXT:
        shutil.copytree(source, tmp_path / source.name)
    else:
        shutil.copytree(source, tmp_path, dirs_exist_ok=True)
    return tmp_path


def _normalized(lines: list[str]) -> str:
    return "".join(line.rstrip() + "\n" for line in lines)


CHECKER = doctest.OutputChecker()
FLAGS = doctest.ELLIPSIS


def test_the_docs_have_console_examples() -> None:
    examples = [e for path in DOCS for s in parse(path)[0] for e in s.examples]
    commands = [e.command for e in examples if e.command.startswith("numcheck ")]
    assert len(commands) >= 5
    assert any(c.startswith("numcheck extract") for c in commands)
    assert any(c.startswith("numcheck ledger check") for c in commands)


@pytest.mark.parametrize(("path", "session"), _sessions())
def test_console_examples_print_what_the_docs_show(
    tmp_path: Path, path: Path, session: Session
) -> None:
    folder = _working_folder(tmp_path, session.context)
    failures: list[str] = []
    ran = 0
    for example in session.examples:
        argv = shlex.split(example.command)
        if argv[0] != "numcheck":
            continue
        result = run(*argv[1:], cwd=folder, env=ENVIRONMENT)
        ran += 1
        got = _normalized((result.stderr + result.stdout).splitlines())
        want = _normalized(example.want)
        if not CHECKER.check_output(want, got, FLAGS):
            doc = doctest.Example(example.command, want)
            difference = CHECKER.output_difference(doc, got, FLAGS | doctest.REPORT_UDIFF)
            where = f"{path.relative_to(ROOT)}:{example.line}"
            failures.append(f"{where}: $ {example.command}\n{difference}")
    assert ran, "no numcheck command in this session"
    assert not failures, "\n".join(failures)


def _listed() -> list[object]:
    return [
        pytest.param(listing.command, id=f"{path.relative_to(ROOT)}:{listing.line}")
        for path in DOCS
        for listing in parse(path)[1]
    ]


@pytest.mark.parametrize("command", _listed())
def test_listed_commands_are_accepted_by_the_cli(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = shlex.split(command, comments=True)
    try:
        _parser().parse_args(argv[1:])
    except SystemExit as exc:
        pytest.fail(f"{command!r} is refused: {capsys.readouterr().err.strip()} ({exc})")


@pytest.mark.parametrize(
    ("markdown", "sessions", "listed"),
    [
        pytest.param(
            "```console\n$ numcheck extract a.txt\nline\n...\n$ pytest\nx\n```\n",
            [("seeds", [("numcheck extract a.txt", ["line", "..."]), ("pytest", ["x"])])],
            [],
            id="prompts-and-output",
        ),
        pytest.param(
            "<!-- console-cwd: docs/examples/ci -->\n```console\n$ numcheck ledger acks\n```\n"
            "```console\nnumcheck check x  # a comment\n```\n",
            [("docs/examples/ci", [("numcheck ledger acks", [])])],
            ["numcheck check x  # a comment"],
            id="context-and-listing",
        ),
        pytest.param(
            "```python\n$ numcheck no\n```\n```\n$ numcheck no\n```\n",
            [],
            [],
            id="other-blocks-are-not-examples",
        ),
    ],
)
def test_parse(
    tmp_path: Path,
    markdown: str,
    sessions: list[tuple[str, list[tuple[str, list[str]]]]],
    listed: list[str],
) -> None:
    path = tmp_path / "doc.md"
    path.write_text(markdown, encoding="utf-8")
    found, listings = parse(path)
    assert [(s.context, [(e.command, e.want) for e in s.examples]) for s in found] == sessions
    assert [listing.command for listing in listings] == listed


@pytest.mark.parametrize(
    ("want", "got", "matches"),
    [
        pytest.param(["a", "...", "z"], ["a", "b", "c", "z"], True, id="ellipsis-line"),
        pytest.param(["a ...", "z"], ["a b c", "z"], True, id="ellipsis-in-a-line"),
        pytest.param(["a", "z"], ["a", "b", "z"], False, id="missing-line"),
        pytest.param(["1649-1657"], ["1583-1591"], False, id="stale-offsets"),
        pytest.param(["a  "], ["a"], True, id="trailing-spaces"),
    ],
)
def test_output_comparison(want: list[str], got: list[str], matches: bool) -> None:
    assert CHECKER.check_output(_normalized(want), _normalized(got), FLAGS) is matches
