"""The pytest plugin's work: the session's articles, the session step, the items.

Imported by :mod:`numcheck.pytest_plugin` only when a run enables numcheck, so that the
plugin, which pytest loads in every run of an environment where numcheck is installed,
costs a run that does not use it no more than its options.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fnmatch
import hashlib
import json
import os
import shlex
import shutil
import sys
import tempfile
import time
from collections.abc import Generator, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from ._compare import compare
from ._ledger import Ack, Ledger, fingerprint, render_finding, sort_discrepancies
from ._load import ARTICLE_SUFFIXES, internal_error, read_inputs
from ._models import Article, Claim, InputError, NumcheckError
from ._parallel import check_jobs, default_jobs, extract_results
from ._report import printable
from ._rules import Rules, find_rules
from .pytest_plugin import CHECKER

SHARED_KEY = "numcheck_shared"
"""The ``workerinput`` key under which xdist's controller hands its workers the folder
of the run's shared result."""
REPORT_ATTRIBUTE = "numcheck"
"""The attribute of an article item's call-phase report holding what the summary needs
(xdist sends it from the worker to the controller with the report)."""
_GLOB = frozenset("*?[")


@dataclasses.dataclass(frozen=True)
class Finding:
    """A discrepancy as the items and the summary need it, in JSON-ready fields (it goes
    between processes under xdist)."""

    index: int
    """Its place among the session's findings, sorted (the summary's order)."""
    fingerprint: str
    severity: str
    articles: list[str]
    """The ids of the articles of its claims."""
    text: str
    """As :func:`numcheck._ledger.render_finding` writes it."""


@dataclasses.dataclass(frozen=True)
class Outcome:
    """The session step's result: each article's findings, or why it could not be
    checked, and what the step did."""

    findings: dict[str, list[Finding]]
    failed: dict[str, str]
    """Article id -> its extraction error, one line."""
    broken: str | None
    """Why no article could be checked (a ledger or engine problem), or None."""
    articles: int
    """The articles extracted and compared (the corpus)."""
    seconds: float

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Outcome:
        data = json.loads(text)
        findings = {
            article: [Finding(**finding) for finding in found]
            for article, found in data.pop("findings").items()
        }
        return cls(findings=findings, **data)


class Checker:
    """The session's articles, rules and ledger, the session step, and the summary;
    registered as a plugin for the hooks of the run."""

    def __init__(self, config: pytest.Config) -> None:
        root = config.rootpath
        self.config = config
        self.patterns = [str(p).strip("/") for p in config.getini("numcheck_paths")]
        self.root = root
        try:
            rules_path = config.getoption("numcheck_rules")
            self.rules = Rules.from_file(rules_path) if rules_path else find_rules(root)
            ledger_path = config.getoption("numcheck_ledger") or config.getini("numcheck_ledger")
            if ledger_path and not config.getoption("numcheck_ledger"):
                ledger_path = str(root / ledger_path)
            self.ledger_path = str(Path(ledger_path).resolve()) if ledger_path else ""
            self.ledger = Ledger(ledger_path, create=False, verify=True) if ledger_path else None
            self.acks: dict[str, Ack] = self.ledger.acks() if self.ledger else {}
            self.jobs = _jobs(config.getoption("numcheck_jobs") or config.getini("numcheck_jobs"))
        except NumcheckError as exc:
            raise pytest.UsageError(printable(f"numcheck: {exc}")) from None
        self.articles: dict[str, Article] = {}
        self.files: set[Path] = set()
        self.outcome: Outcome | None = None
        workerinput = getattr(config, "workerinput", None)
        self.worker = workerinput is not None
        shared = workerinput.get(SHARED_KEY) if isinstance(workerinput, dict) else None
        self.shared = Path(shared) if shared else None
        self.owned: Path | None = None  # the run's folder, made by xdist's controller
        # the summary, gathered from the items' reports (sent by xdist's workers)
        self.checked: set[str] = set()
        self.warnings: dict[str, Finding] = {}
        self.acknowledged: set[str] = set()
        self.step: tuple[int, float] | None = None

    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
        if self.owned is not None:
            shutil.rmtree(self.owned, ignore_errors=True)

    def matches(self, path: Path) -> bool:
        """Whether ``path`` is under the ``numcheck_paths`` folders or globs."""
        try:
            relative = path.relative_to(self.root).as_posix()
        except ValueError:
            return False
        return any(
            fnmatch.fnmatch(relative, pattern) or relative.startswith(pattern + "/")
            for pattern in self.patterns
        )

    def wants(self, path: Path, session: pytest.Session) -> bool:
        if path.suffix.lower() not in ARTICLE_SUFFIXES:
            return False
        return session.isinitpath(path) or self.matches(path)

    def register(self, article: Article) -> str | None:
        """Add a collected article; a problem message if its id is taken."""
        other = self.articles.get(article.id)
        if other is not None:
            return f"duplicate article id {article.id!r} (already read from {other.path})"
        self.articles[article.id] = article
        self.outcome = None
        return None

    # -- the session step ---------------------------------------------------------------

    @pytest.hookimpl(optionalhook=True)
    def pytest_configure_node(self, node: Any) -> None:
        """xdist's controller, for each worker: the run's folder for the shared result."""
        if self.owned is None:
            self.owned = Path(tempfile.mkdtemp(prefix="numcheck-pytest-"))
        node.workerinput[SHARED_KEY] = str(self.owned)

    @pytest.hookimpl(wrapper=True)
    def pytest_runtestloop(self, session: pytest.Session) -> Generator[None, object, object]:
        if self._will_run(session):
            self.prepare(session)
        return (yield)

    @staticmethod
    def _will_run(session: pytest.Session) -> bool:
        config = session.config
        if config.getoption("collectonly"):
            return False
        if session.testsfailed and not config.getoption("continue_on_collection_errors"):
            return False  # pytest stops for the collection errors
        return any(isinstance(item, ArticleItem) for item in session.items)

    def prepare(self, session: pytest.Session) -> None:
        """Run the session step once: extract the corpus and compare it (or, under
        xdist, read the result another worker wrote for the same corpus)."""
        if self.outcome is not None:
            return
        start = time.perf_counter()
        try:
            others = self._uncollected(session)
        except Exception as exc:  # a loader bug: every item says so, the run goes on
            self.outcome = _broken("reading the corpus", exc, start)
            return
        if self.shared is None or not self.shared.is_dir():
            self.outcome = self._work(others, start)
            return
        key = self._key(others)
        result = self.shared / f"{key}.json"
        try:
            with _locked(self.shared / f"{key}.lock"):
                if result.exists():
                    self.outcome = Outcome.from_json(result.read_text(encoding="utf-8"))
                    return
                self.outcome = self._work(others, start)
                partial = result.with_suffix(".partial")
                partial.write_text(self.outcome.to_json(), encoding="utf-8")
                os.replace(partial, result)
        except (OSError, ValueError):  # the run's folder is unusable: work alone
            if self.outcome is None:
                self.outcome = self._work(others, start)

    def _uncollected(self, session: pytest.Session) -> list[Article]:
        """The articles of the corpus that were not collected in this run (``--lf``
        skipped their files, or other files were named on the command line): they are
        compared, not tested. An unreadable one is left out (a run that collects its
        file shows the problem)."""
        paths = sorted(self._corpus_files(session.config) - self.files)
        if not paths:
            return []
        articles, _ = read_inputs(paths)
        return [article for article in articles if article.id not in self.articles]

    def _corpus_files(self, config: pytest.Config) -> set[Path]:
        """The article files a plain run would collect under ``numcheck_paths``: the
        folders and globs walked as pytest walks them (``--ignore``, ``--ignore-glob``,
        ``norecursedirs``, ``collect_ignore`` and virtualenvs left out)."""
        found: set[Path] = set()
        for pattern in self.patterns:
            base = self.root
            for part in PurePosixPath(pattern).parts:
                if _GLOB.intersection(part):
                    break
                base = base / part
            if base.is_file():
                candidates: list[Path] = [base]
            elif base.is_dir() and not _ignored(base, config):
                candidates = list(_walk(base, config))
            else:
                continue
            found.update(
                path
                for path in candidates
                if path.suffix.lower() in ARTICLE_SUFFIXES and self.matches(path)
            )
        return found

    def _key(self, others: list[Article]) -> str:
        """The SHA-256 of what the result depends on: the corpus, the rules, the ledger."""
        digest = hashlib.sha256()
        for article in [*self.articles.values(), *others]:
            digest.update(article.model_dump_json().encode("utf-8") + b"\0")
        digest.update(self.rules.model_dump_json().encode("utf-8") + b"\0")
        digest.update(self.ledger_path.encode("utf-8"))
        return digest.hexdigest()[:32]

    def _work(self, others: list[Article], start: float) -> Outcome:
        articles = [*self.articles.values(), *others]
        try:
            findings, failed = self._check(articles)
        except Exception as exc:  # a ledger or engine problem: every item says so
            return _broken("checking the articles", exc, start)
        return Outcome(findings, failed, None, len(articles), time.perf_counter() - start)

    def _check(self, articles: list[Article]) -> tuple[dict[str, list[Finding]], dict[str, str]]:
        claims: list[Claim] = []
        failed: dict[str, str] = {}
        for article, result in zip(
            articles, extract_results(articles, jobs=self.jobs), strict=True
        ):
            if isinstance(result, InputError):
                if article.id in self.articles:
                    failed[article.id] = str(result)  # fails its own item only
            else:
                claims += result
        ids = [article.id for article in articles]
        if self.ledger is not None:
            found = self.ledger.against(claims, rules=self.rules, exclude=ids)
        else:
            found = compare(claims, self.rules)
        paths = {a.id: _shown(a.path, self.root) for a in articles if a.path}
        # the files "ledger ack --articles" must name: the articles checked, none stored
        unstored = {i: shlex.quote(p) for i, p in paths.items() if os.path.isfile(p)}
        by_article: dict[str, list[Finding]] = {}
        for index, discrepancy in enumerate(sort_discrepancies(found)):
            involved = sorted({claim.article for claim in discrepancy.claims})
            finding = Finding(
                index=index,
                fingerprint=fingerprint(discrepancy),
                severity=discrepancy.severity,
                articles=involved,
                text=render_finding(discrepancy, paths=paths, unstored=unstored),
            )
            for article_id in involved:
                if article_id in self.articles:
                    by_article.setdefault(article_id, []).append(finding)
        return by_article, failed

    def outcome_for(self, session: pytest.Session) -> Outcome:
        if self.outcome is None:  # a runner that skipped pytest_runtestloop
            self.prepare(session)
        assert self.outcome is not None
        return self.outcome

    # -- the summary ----------------------------------------------------------------------

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if call.when == "call" and isinstance(item, ArticleItem) and item.record is not None:
            setattr(report, REPORT_ATTRIBUTE, item.record)
        return report

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        record = getattr(report, REPORT_ATTRIBUTE, None)
        if not isinstance(record, dict):
            return
        self.checked.add(record["article"])
        for data in record["warnings"]:
            finding = Finding(**data)
            self.warnings[finding.fingerprint] = finding
        self.acknowledged.update(record["acknowledged"])
        articles, seconds = record["step"]
        self.step = (articles, seconds)

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.checked or self.worker:  # xdist's controller prints it
            return
        warnings = sorted(self.warnings.values(), key=lambda finding: finding.index)
        if warnings:
            terminalreporter.write_sep("=", f"numcheck: {len(warnings)} warning(s)")
            for finding in warnings:
                terminalreporter.write_line(finding.text)
        acked = len(self.acknowledged)
        terminalreporter.write_line(
            f"numcheck: {len(self.checked)} article(s) checked, {len(warnings)} warning(s), "
            f"{acked} acknowledged discrepanc{'y' if acked == 1 else 'ies'}"
        )
        if self.step is not None:
            articles, seconds = self.step
            terminalreporter.write_line(
                f"numcheck: {articles} article(s) extracted and compared once, "
                f"before the tests, in {seconds:.2f}s"
            )


def _shown(path: str, root: Path) -> str:
    """A file as findings name it: relative to the root folder when it is inside it."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def _broken(doing: str, exc: Exception, start: float) -> Outcome:
    detail = " ".join(str(exc).split())
    message = f"{doing} failed: {type(exc).__name__}: {detail}"
    return Outcome({}, {}, message, 0, time.perf_counter() - start)


def _ignored(path: Path, config: pytest.Config) -> bool:
    return bool(config.hook.pytest_ignore_collect(collection_path=path, config=config))


def _walk(base: Path, config: pytest.Config) -> Iterator[Path]:
    for folder, folders, files in os.walk(base):
        here = Path(folder)
        folders[:] = sorted(name for name in folders if not _ignored(here / name, config))
        for name in sorted(files):
            path = here / name
            if not _ignored(path, config):
                yield path


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (created if missing), waiting for it; the
    system releases it if the holder dies."""
    with path.open("a+b") as handle:
        if sys.platform == "win32":
            import msvcrt

            handle.seek(0)
            while True:
                try:
                    msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
                    break
                except OSError:  # LK_LOCK gives up after 10 s: wait on
                    continue
            try:
                yield
            finally:
                handle.seek(0)
                msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


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
        checker = self.config.stash[CHECKER]
        checker.files.add(self.path)
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

    def __init__(self, article: Article, errors: list[Finding]) -> None:
        super().__init__(article.id)
        self.article = article
        self.errors = errors


class ArticleItem(pytest.Item):
    """One article, checked against the other articles of the corpus and the ledger."""

    def __init__(self, *, article: Article, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.article = article
        self.record: dict[str, Any] | None = None
        """What the summary needs from this item (set when it was checked)."""

    def runtest(self) -> None:
        checker = self.config.stash[CHECKER]
        outcome = checker.outcome_for(self.session)
        if outcome.broken is not None:
            raise NumcheckError(outcome.broken)
        if self.article.id in outcome.failed:
            raise NumcheckError(outcome.failed[self.article.id])
        errors: list[Finding] = []
        warnings: list[Finding] = []
        acknowledged: list[str] = []
        for finding in outcome.findings.get(self.article.id, []):
            if finding.fingerprint in checker.acks:
                acknowledged.append(finding.fingerprint)
            elif finding.severity == "error":
                errors.append(finding)
            elif finding.severity == "warning":
                warnings.append(finding)
        self.record = {
            "article": self.article.id,
            "warnings": [dataclasses.asdict(finding) for finding in warnings],
            "acknowledged": acknowledged,
            "step": [outcome.articles, outcome.seconds],
        }
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
        others = sorted({a for f in failure.errors for a in f.articles} - {failure.article.id})
        head = printable(
            f"article {failure.article.id} ({self.location[0]}) contradicts "
            f"{', '.join(others) or 'itself'}: {len(failure.errors)} error(s)"
        )
        return "\n\n".join([head, *(finding.text for finding in failure.errors)])

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
