"""The pytest plugin, run through pytester: one item per article."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CRASH, ROOT, SEEDS

from numcheck import Ledger, _parallel, load_articles

pytest_plugins = ["pytester"]

NEW_ARTICLE = """\
---
id: new-troops-2024
source: Example Wire
published: 2024-01-15
---
About 5,000 US troops are in Iraq now, officials said.
"""


def ini(pytester: pytest.Pytester, body: str = "") -> None:
    """The inner run's pytest.ini; hypothesis's plugin is off (it adds a second per run)."""
    pytester.makeini("[pytest]\naddopts = -p no:hypothesispytest\n" + body)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(pytester: pytest.Pytester) -> Path:
    """A project with the five seeds and the new article in ``articles/``."""
    ini(pytester)
    articles = pytester.path / "articles"
    shutil.copytree(SEEDS, articles)
    write(articles, "new.md", NEW_ARTICLE)
    return articles


def fingerprints(text: str) -> list[str]:
    return sorted(set(re.findall(r"ERROR conflict .* fingerprint ([0-9a-f]{16})", text)))


def test_must_show_new_article_fails_naming_the_seeds_then_passes_once_acknowledged(
    pytester: pytest.Pytester, project: Path
) -> None:
    result = pytester.runpytest("--numcheck")
    result.assert_outcomes(passed=3, failed=3)
    output = result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*_ numcheck article new-troops-2024 _*",
            "article new-troops-2024 (*new.md) contradicts 001_695cb371e019521c, "
            "002_1cf852d00daa61fe: 2 error(s)",
            "ERROR conflict troops|US|Iraq [[]rule troops/conflict[]] fingerprint *",
            "  - 001_695cb371e019521c:4096-4101 (articles/001_695cb371e019521c.txt:*:*, "
            "Tehran Times, published 2024-01-06), "
            'for 2024-01-06 ("currently"):',
            "    The US currently maintains »2,500« troops in Iraq*",
            "  - new-troops-2024:0-11 (articles/new.md:*:1, Example Wire, published 2024-01-15), "
            'for 2024-01-15 ("now"):',
            "    »About 5,000« US troops are in Iraq now, officials said.",
            "  difference: +2,500 (2.00×)",
        ]
    )
    result.stdout.fnmatch_lines(["FAILED articles/new.md::new-troops-2024 - *"])
    marks = fingerprints(output)
    assert len(marks) == 2
    with Ledger(pytester.path / "acks.db") as ledger:
        ledger.ack(marks, by="Desk", reason="the 5,000 figure is a quoted estimate")
    again = pytester.runpytest("--numcheck", "--numcheck-ledger", "acks.db")
    again.assert_outcomes(passed=6)
    # the seeds agree with each other (issue 12): no warning left once the new one is acked
    again.stdout.fnmatch_lines(["numcheck: 6 article(s) checked, 0 warning(s), 2 acknowledged*"])


def test_against_the_ledger_only_new_articles_fail_and_warnings_are_summarised(
    pytester: pytest.Pytester,
) -> None:
    ini(pytester, "numcheck = true\nnumcheck_paths = today\n")
    write(pytester.path / "today", "new.md", NEW_ARTICLE)
    write(
        pytester.path / "today",
        "toll.md",
        "---\npublished: 2024-01-20\n---\nSome 900 people were killed in Iraq in 2020.",
    )
    with Ledger(pytester.path / "ledger.db") as ledger:
        ledger.add(load_articles(SEEDS))
    result = pytester.runpytest("--numcheck-ledger", "ledger.db", "-rA")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(
        [
            "article new-troops-2024 (*) contradicts 001_695cb371e019521c, 002_1cf852d00daa61fe*",
            "*= numcheck: 2 warning(s) =*",
            "WARNING regression deaths|Iraq|Iraq [[]rule deaths/regression[]] fingerprint *",
            "*»Some 900« people were killed in Iraq in 2020.",
        ]
    )


def test_k_selects_articles_by_id_and_x_stops_at_the_first_failure(
    pytester: pytest.Pytester, project: Path
) -> None:
    only = pytester.runpytest("--numcheck", "-k", "new-troops", "--collect-only", "-q")
    only.stdout.fnmatch_lines(["articles/new.md::new-troops-2024", "*1/6 tests collected*"])
    selected = pytester.runpytest("--numcheck", "-k", "000_ or 003_")
    selected.assert_outcomes(passed=2)  # checked against the unselected articles too
    stopped = pytester.runpytest("--numcheck", "-x")
    stopped.assert_outcomes(passed=1, failed=1)


def test_junitxml_has_one_testcase_per_article(pytester: pytest.Pytester, project: Path) -> None:
    result = pytester.runpytest("--numcheck", "--junitxml=report.xml")
    result.assert_outcomes(passed=3, failed=3)
    cases = ET.parse(pytester.path / "report.xml").getroot().iter("testcase")
    outcome = {case.get("name"): case.find("failure") is not None for case in cases}
    assert outcome == {
        "000_957756990271ccc1": False,
        "001_695cb371e019521c": True,
        "002_1cf852d00daa61fe": True,
        "003_e860bb3c3b32c8e3": False,
        "004_e5be0aa2949e4449": False,
        "new-troops-2024": True,
    }


def test_collection_follows_the_ini_globs_and_a_bad_file_fails_alone(
    pytester: pytest.Pytester,
) -> None:
    ini(pytester, "numcheck_paths =\n    news/*.md\n    wire\n")
    write(pytester.path / "news", "a.md", "About 900 US troops are in Syria.")
    write(pytester.path / "news", "notes.txt", "Not an article: 12 troops.")
    write(pytester.path / "wire", "feed.jsonl", '{"text": "3 attacks."}\n{"bad json\n')
    write(pytester.path / "wire", "broken.md", "---\npublished: [\n---\nbody 3 troops\n")
    write(pytester.path, "README.md", "# Readme with 2 troops")
    assert pytester.runpytest().ret == pytest.ExitCode.NO_TESTS_COLLECTED  # opt-in
    result = pytester.runpytest("--numcheck", "--collect-only", "-q")
    result.stdout.fnmatch_lines_random(
        [
            "news/a.md::a",
            "wire/broken.md::broken.md",
            "wire/feed.jsonl::feed-1",
            "wire/feed.jsonl::feed.jsonl",
            "*4 tests collected*",
        ]
    )
    run = pytester.runpytest("--numcheck")
    run.assert_outcomes(passed=2, failed=2)
    run.stdout.fnmatch_lines_random(
        [
            "cannot read the article: *broken.md: front matter is not valid YAML*",
            "cannot read the article: *feed.jsonl:2: not valid JSON*",
        ]
    )


def test_bad_options_are_usage_errors(pytester: pytest.Pytester) -> None:
    ini(pytester)
    write(pytester.path, "rules.toml", "[default]\nrelative_tolerance = -1\n")
    bad_rules = pytester.runpytest("--numcheck", "--numcheck-rules", "rules.toml")
    assert bad_rules.ret == pytest.ExitCode.USAGE_ERROR
    bad_rules.stderr.fnmatch_lines(["*numcheck: rules.toml: invalid rules: default.relative*"])
    no_ledger = pytester.runpytest("--numcheck", "--numcheck-ledger", "missing.db")
    assert no_ledger.ret == pytest.ExitCode.USAGE_ERROR
    no_ledger.stderr.fnmatch_lines(["*numcheck: missing.db: no such ledger*"])
    for jobs in ("0", "many"):
        bad_jobs = pytester.runpytest("--numcheck", "--numcheck-jobs", jobs)
        assert bad_jobs.ret == pytest.ExitCode.USAGE_ERROR
        bad_jobs.stderr.fnmatch_lines(["*numcheck: --numcheck-jobs: expected a number*"])


def _doc_block(text: str, command: str) -> list[str]:
    """The output lines under ``$ COMMAND`` in a console block of the how-to."""
    block = text.split(f"$ {command}\n", 1)[1].split("```", 1)[0]
    return block.split("\n$ ", 1)[0].splitlines()


def _pattern(line: str) -> str:
    """A doc output line as an fnmatch pattern: timings vary, brackets are literal, and a
    line pytest shortened to the terminal width ("...") may be longer (CI=true)."""
    line = re.sub(r" in \d+\.\d+s", " in *", line).replace("[", "\0").replace("]", "[]]")
    if line.endswith("..."):
        line = line[:-3] + "*"
    return line.replace("\0", "[[]")


def test_the_ci_howto_example_gives_the_output_it_shows(
    pytester: pytest.Pytester, capsys: pytest.CaptureFixture[str]
) -> None:
    from numcheck.cli import main

    howto = (ROOT / "docs" / "ci-howto.md").read_text(encoding="utf-8")
    shutil.copytree(ROOT / "docs" / "examples" / "ci", pytester.path, dirs_exist_ok=True)
    with (pytester.path / "pytest.ini").open("a") as ini_file:
        ini_file.write("addopts = -p no:hypothesispytest\n")
    assert main(["ledger", "add", "published"]) == 0
    assert capsys.readouterr().out.splitlines() == _doc_block(
        howto, "numcheck ledger add published"
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines([_pattern(line) for line in _doc_block(howto, "pytest")])
    capsys.readouterr()
    [ack_command] = [
        line for line in howto.splitlines() if line.startswith("$ numcheck ledger ack")
    ]
    mark = ack_command.split()[4]
    articles = ack_command.split()[6]  # --articles today: they are not in the ledger yet
    assert (
        main(["ledger", "ack", mark, "--articles", articles, "--by", "Desk", "--reason", "ok"]) == 0
    )
    assert capsys.readouterr().out.splitlines() == _doc_block(howto, ack_command[2:])[:1]
    again = pytester.runpytest("-q")
    again.assert_outcomes(passed=3)
    again.stdout.fnmatch_lines([_pattern(line) for line in _doc_block(howto, "pytest -q")[2:]])


@pytest.mark.usefixtures("crashing_grammar")
def test_an_article_whose_extraction_crashes_fails_its_own_item_only(
    pytester: pytest.Pytester, project: Path
) -> None:
    crash = write(project, "crash.md", f"There were 1,234.56.78 troops in Iraq. {CRASH}\n")
    result = pytester.runpytest("--numcheck")
    result.assert_outcomes(passed=3, failed=4)  # the six articles as without it, and it
    result.stdout.fnmatch_lines(
        [
            "*_ numcheck article crash _*",
            f"cannot check the article: {crash}: internal error while reading figures: "
            "ValueError: Invalid literal for Fraction: '1.234.56.78'; this is a bug: *",
            "*_ numcheck article new-troops-2024 _*",
            "article new-troops-2024 (*new.md) contradicts 001_695cb371e019521c, "
            "002_1cf852d00daa61fe: 2 error(s)",
        ]
    )
    result.stdout.fnmatch_lines(["FAILED articles/crash.md::crash - *"])
    assert "Traceback" not in result.stdout.str()


def test_unreadable_files_are_items_of_their_own_and_collection_goes_on(
    pytester: pytest.Pytester, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import numcheck._load as load

    real = load._parse_text_article

    def parse(path: Path, text: str) -> object:  # a loader bug on one file
        if "loader-bug" in str(path):
            raise KeyError("a loader bug")
        return real(path, text)

    monkeypatch.setattr(load, "_parse_text_article", parse)
    (project / "binary.txt").write_bytes(b"\x00\x01binary")
    write(project, "front.md", "---\npublished: [\n---\nbody 3 troops\n")
    write(project, "alias.md", "---\na: &a [*a]\n---\nThere were 5 troops.\n")
    write(project, "loader-bug.md", "There were 7 troops.\n")
    result = pytester.runpytest("--numcheck")
    assert result.ret == pytest.ExitCode.TESTS_FAILED  # not interrupted
    result.assert_outcomes(passed=3, failed=3 + 4)
    result.stdout.fnmatch_lines_random(
        [
            "cannot read the article: *binary.txt: binary file*",
            "cannot read the article: *front.md: front matter is not valid YAML*",
            "cannot read the article: *alias.md: *",
            "cannot read the article: *loader-bug.md: internal error while reading the file: "
            "KeyError: 'a loader bug'; this is a bug: *",
            "FAILED articles/alias.md::alias.md - *",
        ]
    )


def test_with_numcheck_jobs_workers_extract_and_one_failing_fails_its_item_only(
    pytester: pytest.Pytester, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_parallel, "MIN_PARALLEL_CHARS", 0)  # the pool for these few
    monkeypatch.setenv(_parallel.FAULT_VARIABLE, f"raise:{CRASH}")  # in workers only
    crash = write(project, "crash.md", f"There were 40 cats in the garden. {CRASH}\n")
    here = pytester.runpytest("--numcheck", "--numcheck-jobs", "1")
    here.assert_outcomes(passed=4, failed=3)  # no worker, no fault
    pooled = pytester.runpytest("--numcheck", "--numcheck-jobs", "2")
    pooled.assert_outcomes(passed=3, failed=4)  # the six articles as in process, and it
    pooled.stdout.fnmatch_lines(
        [
            "*_ numcheck article crash _*",
            f"cannot check the article: {crash}: internal error while reading figures: "
            f"ValueError: a fault injected by {_parallel.FAULT_VARIABLE}; this is a bug: *",
            "*_ numcheck article new-troops-2024 _*",
            "article new-troops-2024 (*new.md) contradicts 001_695cb371e019521c, "
            "002_1cf852d00daa61fe: 2 error(s)",
        ]
    )
