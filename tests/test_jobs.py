"""All cores of one machine: ``--jobs N``, ``check(..., jobs=N)``, the process pool.

The folder is real files: the corpus topics, the seeds and a bad file. Its text is below
the size at which the pool pays, so the commands run with the ``LOW`` prelude (the pool
for any batch); ``FAULT_VARIABLE`` then proves the articles went through workers: the fault
it injects exists in workers only.
"""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CRASH, ROOT, SEEDS
from test_cli import run

import numcheck
from numcheck import Article, LoadError, Report, _parallel
from numcheck._load import read_inputs
from numcheck._parallel import FAULT_VARIABLE, ProgressLine, extract_results

CORPUS = ROOT / "tests" / "data" / "corpus"
LOW = "import numcheck._parallel as parallel\nparallel.MIN_PARALLEL_CHARS = 0\n"
"""A prelude: the pool even for a small batch."""
RAISE_HERE = f"import numcheck._parallel as parallel\nparallel._inject('raise:{CRASH}')\n"
"""A prelude: the fault the workers get, in this process (for ``--jobs 1``)."""


def copy_articles(folder: Path) -> Path:
    """The corpus topics and the seeds, as files under ``folder``."""
    for topic in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        shutil.copytree(topic, folder / topic.name)
    shutil.copytree(SEEDS, folder / "seeds")
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real articles and one file that cannot be read (Latin-1, not UTF-8)."""
    folder = copy_articles(tmp_path_factory.mktemp("jobs") / "articles")
    (folder / "gaza-toll" / "bad.txt").write_bytes("Caf\u00e9 5 troops".encode("latin-1"))
    return folder


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Real articles and one whose text holds the fault marker."""
    folder = copy_articles(tmp_path_factory.mktemp("jobs") / "articles")
    (folder / "uk-inflation" / "crash.md").write_text(
        f"---\nid: crash\npublished: 2024-01-10\n---\nThere were 5,000 troops in Iraq. {CRASH}\n",
        encoding="utf-8",
    )
    return folder


def outcome(result: subprocess.CompletedProcess[str]) -> tuple[int, str, str]:
    return result.returncode, result.stdout, result.stderr


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(("check", "--format", "json"), id="check-json"),
        pytest.param(("extract", "--format", "jsonl"), id="extract-jsonl"),
    ],
)
def test_the_output_is_the_same_byte_for_byte_for_every_number_of_jobs(
    folder: Path, command: tuple[str, ...]
) -> None:
    results = {
        jobs: run(*command, str(folder), "--jobs", str(jobs), prelude=LOW) for jobs in (1, 2, 3)
    }
    assert outcome(results[2]) == outcome(results[1])
    assert outcome(results[3]) == outcome(results[1])
    status, stdout, stderr = outcome(results[1])
    assert status == 2  # the bad file
    bad = folder / "gaza-toll" / "bad.txt"
    [line] = stderr.splitlines()
    assert line.startswith(f"numcheck: {bad}: not valid UTF-8 ")
    if command[0] == "check":
        report = Report.model_validate_json(stdout)
        assert [a.id for a in report.articles] == [a.id for a in read_inputs([folder])[0]]
        assert [e.path for e in report.errors] == [str(bad)]
    assert len(stdout) > 10_000


def test_a_worker_that_raises_on_one_article_fails_that_article_only(marked: Path) -> None:
    env = {FAULT_VARIABLE: f"raise:{CRASH}"}
    pooled = run("check", str(marked), "--format", "json", "--jobs", "2", prelude=LOW, env=env)
    here = run("check", str(marked), "--format", "json", "--jobs", "1", prelude=RAISE_HERE)
    assert outcome(pooled) == outcome(here)
    assert pooled.returncode == 2
    [line] = pooled.stderr.splitlines()
    assert line.startswith(
        f"numcheck: {marked / 'uk-inflation' / 'crash.md'}: internal error while reading "
        f"figures: ValueError: a fault injected by {FAULT_VARIABLE}; this is a bug"
    )
    report = Report.model_validate_json(pooled.stdout)
    assert "crash" not in {a.id for a in report.articles}
    assert len(report.articles) == len(read_inputs([marked])[0]) - 1


def test_a_worker_that_dies_on_one_article_fails_that_article_only(marked: Path) -> None:
    env = {FAULT_VARIABLE: f"exit:{CRASH}"}
    died = run("check", str(marked), "--format", "json", "--jobs", "2", prelude=LOW, env=env)
    here = run("check", str(marked), "--format", "json", "--jobs", "1", prelude=RAISE_HERE)
    assert died.returncode == here.returncode == 2
    [line] = died.stderr.splitlines()
    assert line.startswith(
        f"numcheck: {marked / 'uk-inflation' / 'crash.md'}: internal error while reading "
        "figures: WorkerDiedError: the worker process extracting it stopped abruptly"
    )
    dead, raised = Report.model_validate_json(died.stdout), Report.model_validate_json(here.stdout)
    assert dead.articles == raised.articles
    assert dead.claims == raised.claims
    assert dead.discrepancies == raised.discrepancies


def test_a_small_batch_runs_in_process_whatever_jobs_says(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "crash.md").write_text(f"There were 5,000 troops. {CRASH}\n", encoding="utf-8")
    env = {FAULT_VARIABLE: f"raise:{CRASH}"}  # would fail the article in a worker
    result = run("check", str(tmp_path), "--jobs", "2", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_the_library_gives_the_same_report_for_two_jobs(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_parallel, "MIN_PARALLEL_CHARS", 0)
    good = [
        p for p in sorted(folder.rglob("*")) if p.suffix in (".md", ".txt") and p.name != "bad.txt"
    ]
    one = numcheck.check(good, jobs=1)
    two = numcheck.check(good, jobs=2)
    assert two.model_dump_json() == one.model_dump_json()
    assert len(one.claims) > 100


def test_the_library_fails_only_the_article_a_worker_raises_on(
    marked: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setenv(FAULT_VARIABLE, f"raise:{CRASH}")
    numcheck.check(marked, jobs=1)  # the fault is injected in workers only
    with pytest.raises(LoadError) as raised:
        numcheck.check(marked, jobs=2)
    [error] = raised.value.errors
    assert error.path == str(marked / "uk-inflation" / "crash.md")
    assert len(raised.value.articles) == len(read_inputs([marked])[0]) - 1


@pytest.mark.parametrize(
    "method",
    [pytest.param("fork", id="fork"), pytest.param("spawn", id="spawn")],
)
def test_workers_started_either_way_give_the_results_of_the_loop(
    folder: Path, monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    if method not in __import__("multiprocessing").get_all_start_methods():
        pytest.skip(f"no {method} here")
    monkeypatch.setattr(_parallel, "MIN_PARALLEL_CHARS", 0)
    articles, _ = read_inputs([folder])
    here = extract_results(articles, jobs=1)
    pooled = extract_results(articles, jobs=2, method=method)
    assert pooled == here


@pytest.mark.parametrize(
    ("jobs", "sizes", "method", "expected"),
    [
        pytest.param(1, [10**6, 10**6], "fork", True, id="one-job"),
        pytest.param(4, [10**7], "fork", True, id="one-article"),
        pytest.param(2, [1_000] * 100, "fork", True, id="small-batch"),
        pytest.param(2, [1_000] * 200, "fork", False, id="large-batch-fork"),
        pytest.param(2, [1_000] * 200, "spawn", True, id="large-for-fork-small-for-spawn"),
        pytest.param(2, [5_000] * 200, "spawn", False, id="large-batch-spawn"),
    ],
)
def test_small_batches_are_extracted_in_process(
    jobs: int, sizes: list[int], method: str, expected: bool
) -> None:
    articles = [Article(id=f"a{i}", text="x" * size) for i, size in enumerate(sizes)]
    assert _parallel.in_process(articles, jobs, method) is expected


@pytest.mark.parametrize(
    ("jobs", "count"),
    [
        pytest.param(2, 1, id="one-article"),
        pytest.param(2, 3, id="fewer-articles-than-chunks"),
        pytest.param(7, 5, id="more-jobs-than-articles"),
        pytest.param(2, 300, id="many-chunks"),
    ],
)
def test_chunks_cover_every_article_once_in_order(jobs: int, count: int) -> None:
    chunks = _parallel._chunks(count, jobs)
    assert [i for chunk in chunks for i in chunk] == list(range(count))
    assert max(len(chunk) for chunk in chunks) <= _parallel.MAX_CHUNK


@pytest.mark.parametrize(
    "jobs",
    [pytest.param(0, id="zero"), pytest.param(-2, id="negative"), pytest.param(True, id="bool")],
)
def test_check_refuses_a_bad_number_of_jobs(jobs: int) -> None:
    with pytest.raises(ValueError, match="jobs must be"):
        numcheck.check([Article(id="a", text="5 troops")], jobs=jobs)


def test_progress_is_one_line_rewritten_then_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_parallel, "PROGRESS_DELAY", 0.0)
    monkeypatch.setattr(_parallel, "PROGRESS_INTERVAL", 0.0)
    stream = io.StringIO()
    progress = ProgressLine(stream, files=3)
    for done, claims in ((1, 4), (2, 4), (3, 9)):
        progress(done, claims)
    progress.close()
    updates = stream.getvalue().split("\r")[1:]
    assert [u.split(",")[0] for u in updates] == [
        f"numcheck: {i}/3 article(s) read" for i in (1, 2, 3)
    ]
    assert updates[-1].startswith("numcheck: 3/3 article(s) read, 9 claim(s), ")
    assert updates[-1].endswith(" s\n")


def test_a_quick_run_shows_no_progress() -> None:
    stream = io.StringIO()
    progress = ProgressLine(stream, files=2)  # the default delay: nothing for a second
    progress(1, 1)
    progress(2, 5)
    progress.close()
    assert stream.getvalue() == ""


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
def test_progress_shows_on_a_terminal(folder: Path) -> None:
    prelude = LOW + "parallel.PROGRESS_DELAY = 0.0\n"
    main = "import sys\nfrom numcheck.cli import main\nsys.exit(main())\n"
    command = [sys.executable, "-c", prelude + main, "check", str(folder), "--format", "json"]
    leader, follower = pty.openpty()
    try:
        with subprocess.Popen(
            [*command, "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=follower
        ) as child:
            os.close(follower)
            seen = b""
            while True:
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the child closed the terminal
                    break
                if not chunk:
                    break
                seen += chunk
            assert child.wait(timeout=120) == 2
    finally:
        os.close(leader)
    terminal = seen.decode("utf-8", "replace")
    assert "\rnumcheck: " in terminal and " article(s) read, " in terminal
    # in a pipe (every other test here) stderr holds the error lines and nothing else
