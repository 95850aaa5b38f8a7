"""The pytest plugin: one test per article, red when it contradicts what was published.

Registered through the ``pytest11`` entry point and off unless asked for: ``pytest
--numcheck``, or ``numcheck = true`` in the pytest configuration. Article files (``.md``,
``.txt``, ``.markdown``, ``.jsonl``) under the folders or globs of the ``numcheck_paths``
ini option (default ``articles``), or named on the command line, become one item each,
named by article id (so ``-k`` selects articles). Each article is checked against every
other collected article and against the ledger (``--numcheck-ledger PATH``) under the
project's rules; an unacknowledged error-severity discrepancy fails its item, warnings
are listed in the terminal summary. See ``docs/ci-howto.md``.

One bad article fails its own item only: a file that cannot be read (whatever the
loader raises) is a failing item of its own and collection goes on; an article whose
extraction raises fails its item with a one-line reason, and the others are checked.

The articles are extracted in ``--numcheck-jobs N`` processes (ini ``numcheck_jobs``;
default: the number of cores); a small batch is extracted in the test process.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ._compare import compare
from ._ledger import Ack, Ledger, fingerprint, render_finding, sort_discrepancies
from ._load import ARTICLE_SUFFIXES, internal_error, read_inputs
from ._models import Article, Claim, Discrepancy, InputError, NumcheckError
from ._parallel import check_jobs, default_jobs, extract_results
from ._report import printable
from ._rules import Rules, find_rules

_CHECKER = pytest.StashKey["_Checker"]()


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
        config.stash[_CHECKER] = _Checker(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    checker = config.stash.get(_CHECKER, None)
    if checker is not None and checker.ledger is not None:
        checker.ledger.close()


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    checker = parent.config.stash.get(_CHECKER, None)
    if checker is None or not checker.wants(file_path, parent.session):
        return None
    return ArticleFile.from_parent(parent, path=file_path)


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    checker = config.stash.get(_CHECKER, None)
    if checker is None or not checker.checked:
        return
    warnings = sort_discrepancies(checker.warnings)
    if warnings:
        terminalreporter.write_sep("=", f"numcheck: {len(warnings)} warning(s)")
        for discrepancy in warnings:
            terminalreporter.write_line(render_finding(discrepancy))
    acked = len(checker.acknowledged)
    terminalreporter.write_line(
        f"numcheck: {len(checker.checked)} article(s) checked, {len(warnings)} warning(s), "
        f"{acked} acknowledged discrepanc{'y' if acked == 1 else 'ies'}"
    )


class _Checker:
    """The session's articles, rules, ledger, and the findings, computed once."""

    def __init__(self, config: pytest.Config) -> None:
        root = config.rootpath
        self.patterns = [str(p).strip("/") for p in config.getini("numcheck_paths")]
        self.root = root
        try:
            rules_path = config.getoption("numcheck_rules")
            self.rules = Rules.from_file(rules_path) if rules_path else find_rules(root)
            ledger_path = config.getoption("numcheck_ledger") or config.getini("numcheck_ledger")
            if ledger_path and not config.getoption("numcheck_ledger"):
                ledger_path = str(root / ledger_path)
            self.ledger = Ledger(ledger_path, create=False, verify=True) if ledger_path else None
            self.acks: dict[str, Ack] = self.ledger.acks() if self.ledger else {}
            self.jobs = _jobs(config.getoption("numcheck_jobs") or config.getini("numcheck_jobs"))
        except NumcheckError as exc:
            raise pytest.UsageError(printable(f"numcheck: {exc}")) from None
        self.articles: dict[str, Article] = {}
        self.findings: dict[str, list[Discrepancy]] | None = None
        self.failed: dict[str, InputError] = {}
        self.broken: str | None = None
        self.checked: set[str] = set()
        self.warnings: list[Discrepancy] = []
        self.acknowledged: set[str] = set()

    def wants(self, path: Path, session: pytest.Session) -> bool:
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            return False
        if session.isinitpath(path):
            return True
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return False
        return any(
            fnmatch.fnmatch(relative, pattern) or relative.startswith(pattern + "/")
            for pattern in self.patterns
        )

    def register(self, article: Article) -> str | None:
        """Add a collected article; a problem message if its id is taken."""
        other = self.articles.get(article.id)
        if other is not None:
            return f"duplicate article id {article.id!r} (already read from {other.path})"
        self.articles[article.id] = article
        self.findings = None
        self.broken = None
        return None

    def findings_for(self, article_id: str) -> list[Discrepancy]:
        """The article's findings (computed once for the session); raises NumcheckError
        when its own extraction failed, or when checking the session failed."""
        if self.findings is None and self.broken is None:
            try:
                self.findings = self._check_all()
            except Exception as exc:  # a ledger or engine problem: every item says so
                detail = " ".join(str(exc).split())
                self.broken = f"checking the articles failed: {type(exc).__name__}: {detail}"
        if self.broken is not None:
            raise NumcheckError(self.broken)
        if article_id in self.failed:
            raise NumcheckError(str(self.failed[article_id]))
        assert self.findings is not None
        return self.findings.get(article_id, [])

    def _check_all(self) -> dict[str, list[Discrepancy]]:
        claims: list[Claim] = []
        self.failed = {}
        articles = list(self.articles.values())
        for item, result in zip(articles, extract_results(articles, jobs=self.jobs), strict=True):
            if isinstance(result, InputError):
                self.failed[item.id] = result  # fails its own item only
            else:
                claims += result
        if self.ledger is not None:
            found = self.ledger.against(claims, rules=self.rules, exclude=self.articles)
        else:
            found = compare(claims, self.rules)
        by_article: dict[str, list[Discrepancy]] = {}
        for discrepancy in sort_discrepancies(found):
            for article in {c.article for c in discrepancy.claims}:
                if article in self.articles:
                    by_article.setdefault(article, []).append(discrepancy)
        return by_article


def _jobs(value: str) -> int:
    """The number of processes of ``--numcheck-jobs`` (default: the number of cores)."""
    if not value.strip():
        return default_jobs()
    try:
        return check_jobs(int(value))
    except ValueError:
        raise NumcheckError(
            f"--numcheck-jobs: expected a number of processes, at least 1: {value!r}"
        ) from None


class ArticleFile(pytest.File):
    """An article file: one item per article (a JSON Lines file may hold several)."""

    def collect(self) -> Iterator[pytest.Item]:
        checker = self.config.stash[_CHECKER]
        try:
            articles, errors = read_inputs([self.path])
        except Exception as exc:  # never let one file interrupt collection
            articles, errors = [], [internal_error(str(self.path), "reading the file", exc)]
        for error in errors:
            yield BadInput.from_parent(self, name=self.path.name, message=str(error))
        for article in articles:
            problem = checker.register(article)
            if problem is not None:
                yield BadInput.from_parent(self, name=article.id, message=f"{self.path}: {problem}")
            else:
                yield ArticleItem.from_parent(self, name=article.id, article=article)


class ContradictionError(Exception):
    """An article with unacknowledged error-severity discrepancies."""

    def __init__(self, article: Article, errors: list[Discrepancy]) -> None:
        super().__init__(article.id)
        self.article = article
        self.errors = errors


class ArticleItem(pytest.Item):
    """One article, checked against the other collected articles and the ledger."""

    def __init__(self, *, article: Article, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article

    def runtest(self) -> None:
        checker = self.config.stash[_CHECKER]
        findings = checker.findings_for(self.article.id)
        checker.checked.add(self.article.id)
        errors: list[Discrepancy] = []
        for discrepancy in findings:
            mark = fingerprint(discrepancy)
            if mark in checker.acks:
                checker.acknowledged.add(mark)
            elif discrepancy.severity == "error":
                errors.append(discrepancy)
            elif discrepancy.severity == "warning":
                checker.warnings.append(discrepancy)
        if errors:
            raise ContradictionError(self.article, errors)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        failure = excinfo.value
        if isinstance(failure, NumcheckError):  # its extraction, or the session, failed
            return printable(f"cannot check the article: {failure}")
        if not isinstance(failure, ContradictionError):
            return super().repr_failure(excinfo, style=style)
        others = sorted(
            {c.article for d in failure.errors for c in d.claims} - {failure.article.id}
        )
        head = printable(
            f"article {failure.article.id} ({self.location[0]}) contradicts "
            f"{', '.join(others) or 'itself'}: {len(failure.errors)} error(s)"
        )
        return "\n\n".join([head, *(render_finding(d) for d in failure.errors)])

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"numcheck article {self.article.id}"


class BadInput(pytest.Item):
    """An article file that could not be read: a failing item naming file and problem."""

    def __init__(self, *, message: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.message = message

    def runtest(self) -> None:
        raise NumcheckError(self.message)

    def repr_failure(
        self,
        excinfo: pytest.ExceptionInfo[BaseException],
        style: Any = None,
    ) -> str | Any:
        return printable(f"cannot read the article: {self.message}")

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, f"numcheck input {self.name}"
