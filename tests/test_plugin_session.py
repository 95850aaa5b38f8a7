"""The pytest plugin's session step, through pytester: done once per run (under
pytest-xdist too), against the whole corpus (under --lf too), before the items (their
JUnit times are their own)."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import SEEDS
from test_plugin import NEW_ARTICLE, fingerprints, ini, write

from numcheck import Ledger
from numcheck._pytest_checker import Finding, Outcome

pytest_plugins = ["pytester"]

TOLL = "---\npublished: 2024-01-20\n---\nSome 900 people were killed in Iraq in 2020.\n"
"""Lower than a seed's toll for 2020: a warning between two collected articles."""

COUNTER = """
import os

import pytest

import numcheck._pipeline as pipeline

LOG = {log!r}
real = pipeline.claims_or_error
calls = [0]


def counted(framer, article):
    calls[0] += 1
    with open(LOG, "a", encoding="utf-8") as log:
        log.write(f"{{os.getpid()}} {{article.id}}\\n")
    return real(framer, article)


def pytest_configure(config):
    pipeline.claims_or_error = counted


def pytest_unconfigure(config):
    pipeline.claims_or_error = real


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    item.extractions_before = calls[0]


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item):
    item.user_properties.append(("extractions", calls[0] - item.extractions_before))
"""
"""A conftest for the inner run: every extraction (``claims_or_error``, in whatever
process: the run's, an xdist worker's) is a line ``PID ARTICLE-ID`` in the log, and each
item's JUnit properties say how many extractions ran in its own phases."""


@pytest.fixture
def counted(pytester: pytest.Pytester) -> Path:
    """The five seeds, the new article and a lower toll in ``articles/``, extracted in
    the test process (``numcheck_jobs = 1``) and counted: the log's path."""
    ini(pytester, "numcheck_jobs = 1\n")
    shutil.copytree(SEEDS, pytester.path / "articles")
    write(pytester.path / "articles", "new.md", NEW_ARTICLE)
    write(pytester.path / "articles", "toll.md", TOLL)
    log = pytester.path / "extractions.log"
    pytester.makeconftest(COUNTER.format(log=str(log)))
    return log


def extractions(log: Path) -> list[tuple[str, str]]:
    """The (process, article) of each extraction logged, then the log emptied."""
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    log.unlink(missing_ok=True)
    return [(pid, article) for pid, article in (line.split(" ", 1) for line in lines)]


def summary(result: pytest.RunResult) -> list[str]:
    """The numcheck lines of the output, timings and separators left out."""
    lines = [re.sub(r"^=+ (.*) =+$", r"\1", line) for line in result.outlines]
    return [re.sub(r" in \d+\.\d+s$", " in *s", x) for x in lines if x.startswith("numcheck: ")]


ARTICLE_IDS = [
    "000_957756990271ccc1",
    "001_695cb371e019521c",
    "002_1cf852d00daa61fe",
    "003_e860bb3c3b32c8e3",
    "004_e5be0aa2949e4449",
    "new-troops-2024",
    "toll",
]


@pytest.mark.parametrize(
    ("acknowledged", "outcomes", "counts"),
    [
        pytest.param(
            False,
            {"passed": 4, "failed": 3},
            "7 article(s) checked, 2 warning(s), 0 acknowledged discrepancies",
            id="contradictions-fail",
        ),
        pytest.param(
            True,
            {"passed": 7},
            "7 article(s) checked, 2 warning(s), 2 acknowledged discrepancies",
            id="acknowledged-in-the-ledger",
        ),
    ],
)
def test_with_xdist_the_summary_is_printed_once_and_each_article_extracted_once(
    pytester: pytest.Pytester,
    counted: Path,
    acknowledged: bool,
    outcomes: dict[str, int],
    counts: str,
) -> None:
    options = ["--numcheck"]
    if acknowledged:
        found = fingerprints(pytester.runpytest("--numcheck").stdout.str())
        with Ledger(pytester.path / "acks.db") as ledger:
            ledger.ack(found, by="Desk", reason="a quoted estimate")
        options += ["--numcheck-ledger", "acks.db"]
        extractions(counted)
    alone = pytester.runpytest(*options)
    alone.assert_outcomes(**outcomes)
    by_one = extractions(counted)
    spread = pytester.runpytest(*options, "-n", "2")
    spread.assert_outcomes(**outcomes)
    spread.stdout.fnmatch_lines(["*2 workers [[]7 items[]]*"])
    by_two = extractions(counted)
    assert sorted(article for _, article in by_one) == ARTICLE_IDS
    assert sorted(article for _, article in by_two) == ARTICLE_IDS  # not once per worker
    assert len({pid for pid, _ in by_two}) == 1  # one worker did it, the other read it
    assert summary(spread) == summary(alone)
    assert summary(alone) == [
        "numcheck: 2 warning(s)",
        f"numcheck: {counts}",
        "numcheck: 7 article(s) extracted and compared once, before the tests, in *s",
    ]
    # each warning is between two collected articles: both items report it, the
    # controller shows it once
    assert spread.stdout.str().count("WARNING regression deaths|Iraq|Iraq") == 2


def test_lf_reruns_the_failed_articles_against_the_whole_corpus(
    pytester: pytest.Pytester,
) -> None:
    ini(pytester, "numcheck = true\n")
    articles = pytester.path / "articles"
    dated = "---\npublished: 2024-01-15\n---\n"
    write(articles, "a.md", dated + "About 2,500 US troops are in Iraq now, officials said.")
    write(articles, "b.md", dated + "About 900 US troops are in Syria now, officials said.")
    write(articles, "c.md", dated + "About 5,000 US troops are in Iraq now, officials said.")
    first = pytester.runpytest()
    first.assert_outcomes(passed=1, failed=2)  # a and c contradict each other
    write(articles, "c.md", dated + "About 2,000 US troops are in Syria now, officials said.")
    again = pytester.runpytest("--lf", "-v")
    again.stdout.fnmatch_lines(["*rerun previous 2 failures (skipped 1 file)*"])
    assert "articles/b.md::b" not in again.stdout.str()  # b's file was not collected
    again.assert_outcomes(passed=1, failed=1)
    again.stdout.fnmatch_lines(
        [
            "article c (articles/c.md) contradicts b: 1 error(s)",
            "ERROR conflict troops|US|Syria [[]rule troops/conflict[]] fingerprint *",
            "numcheck: 2 article(s) checked, 0 warning(s), 0 acknowledged discrepancies",
            "numcheck: 3 article(s) extracted and compared once, before the tests, in *s",
        ]
    )
    named = pytester.runpytest("articles/c.md")  # a file named alone: the same verdict
    named.assert_outcomes(failed=1)
    named.stdout.fnmatch_lines(["article c (articles/c.md) contradicts b: 1 error(s)"])


def test_junitxml_items_carry_their_own_work_not_the_whole_run(
    pytester: pytest.Pytester, counted: Path
) -> None:
    result = pytester.runpytest("--numcheck", "--junitxml=report.xml")
    result.assert_outcomes(passed=4, failed=3)
    cases = list(ET.parse(pytester.path / "report.xml").getroot().iter("testcase"))
    assert [case.get("name") for case in cases] == [*ARTICLE_IDS[:5], "new-troops-2024", "toll"]
    work = {
        case.get("name"): {p.get("name"): p.get("value") for p in case.iter("property")}
        for case in cases
    }
    # the corpus is extracted once, in the session step before the items: no item's
    # setup, call or teardown extracts, so the first one does not carry the others
    assert sorted(article for _, article in extractions(counted)) == ARTICLE_IDS
    assert work == {name: {"extractions": "0"} for name in ARTICLE_IDS}
    assert all(float(case.get("time", "nan")) >= 0 for case in cases)


def test_the_shared_result_reads_back_as_written() -> None:
    finding = Finding(
        index=3,
        fingerprint="0123456789abcdef",
        severity="warning",
        articles=["a", "b«»"],
        text="WARNING regression …\n  - a:0-3",
    )
    outcome = Outcome(
        findings={"a": [finding], "b«»": [finding]},
        failed={"c": "c.md: internal error while reading figures: ValueError: x"},
        broken=None,
        articles=3,
        seconds=0.25,
    )
    assert Outcome.from_json(outcome.to_json()) == outcome
    broken = Outcome({}, {}, "checking the articles failed: OSError: disk", 0, 0.0)
    assert Outcome.from_json(broken.to_json()) == broken
