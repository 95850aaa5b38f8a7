"""The pytest plugin: one test per article, red when it contradicts what was published.

Registered through the ``pytest11`` entry point and off unless asked for: ``pytest
--numcheck``, or ``numcheck = true`` in the pytest configuration. Article files (``.md``,
``.txt``, ``.markdown``, ``.jsonl``) under the folders or globs of the ``numcheck_paths``
ini option (default ``articles``), or named on the command line, become one item each,
named by article id (so ``-k`` selects articles). Each article is checked against every
other article of the corpus and against the ledger (``--numcheck-ledger PATH``) under the
project's rules; an unacknowledged error-severity discrepancy fails its item, warnings
are listed in the terminal summary. See ``docs/ci-howto.md``.

The corpus is every article a plain run would collect (the files under
``numcheck_paths`` that pytest's ignore options leave, and the files named on the
command line), whatever subset of it runs as tests: an article is compared with the
same articles under ``-k``, ``--lf`` (which skips the files that passed last time), a
single file named on the command line, or the whole folder.

One bad article fails its own item only: a file that cannot be read (whatever the
loader raises) is a failing item of its own and collection goes on; an article whose
extraction raises fails its item with a one-line reason, and the others are checked.

Where the work is done
----------------------
The verdict of any article needs every article of the corpus extracted and the claims
compared, so that work is one session step, run once before the first test
(``pytest_runtestloop``), never inside an item: each item only looks its article up in
the result, and its time in ``--junitxml`` or ``--durations`` is its own; the step's
time is in the terminal summary. The articles are extracted in ``--numcheck-jobs N``
processes (ini ``numcheck_jobs``; default: the number of cores); a small batch is
extracted in the test process.

Under pytest-xdist (``-n N``) each worker collects every item, as xdist requires (so
each reads the collected files: a cheap part of the work), but the step runs once for
the whole run: the controller makes a private folder for the run and hands it to the
workers (``pytest_configure_node``). Each worker names the result by the SHA-256 of its
corpus, rules and ledger path; the first to take that name's lock (``fcntl.flock``;
``msvcrt.locking`` on Windows: released when its holder exits, so a crashed worker
cannot leave it taken) extracts and compares, and writes the result to the file of
that name; the others wait for the lock and read it. A worker whose corpus differs
(xdist reports the different collection) finds no result of its name and does the
work itself: a result is never read for another corpus. Results never outlive the
run: the controller removes the folder at the end (claims depend on the numcheck
version, and a cache kept across runs could serve stale ones). Each item's report
carries its article's findings to the controller, which prints the one numcheck
summary, with the same counts as without xdist; workers print none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from ._pytest_checker import Checker

CHECKER: pytest.StashKey[Checker] = pytest.StashKey()
"""Where a run that enables numcheck keeps its checker (see ``numcheck._pytest_checker``)."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("numcheck", "numcheck: check the figures in article files")
    group.addoption(
        "--numcheck", action="store_true", help="collect article files and check their figures"
    )
    group.addoption(
        "--numcheck-ledger",
        metavar="PATH",
        help="a numcheck ledger: published claims and acknowledgements (ini: numcheck_ledger)",
    )
    group.addoption(
        "--numcheck-rules",
        metavar="PATH",
        help="numcheck.toml or pyproject.toml (default: found from the root folder up)",
    )
    group.addoption(
        "--numcheck-jobs",
        metavar="N",
        help="extract the articles in N processes (default: the number of cores; "
        "1: in the test process; a small batch always runs in it) (ini: numcheck_jobs)",
    )
    parser.addini("numcheck", type="bool", default=False, help="enable numcheck (as --numcheck)")
    parser.addini("numcheck_jobs", default="", help="processes to extract in (as --numcheck-jobs)")
    parser.addini(
        "numcheck_paths",
        type="linelist",
        default=["articles"],
        help="folders or glob patterns (relative to the root folder) of article files",
    )
    parser.addini("numcheck_ledger", default="", help="the ledger file (as --numcheck-ledger)")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("numcheck") or config.getini("numcheck"):
        from ._pytest_checker import Checker  # the pipeline, only for runs that use it

        checker = Checker(config)
        config.stash[CHECKER] = checker
        config.pluginmanager.register(checker, "numcheck-checker")


def pytest_unconfigure(config: pytest.Config) -> None:
    checker = config.stash.get(CHECKER, None)
    if checker is not None:
        checker.close()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    checker = parent.config.stash.get(CHECKER, None)
    if checker is None or not checker.wants(file_path, parent.session):
        return None
    from ._pytest_checker import ArticleFile

    return ArticleFile.from_parent(parent, path=file_path)
