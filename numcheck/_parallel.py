"""Extraction on all cores of one machine: a process pool for ``--jobs N``.

Each worker builds its tables once (the pool's initializer builds the framer of the
lexicon), then takes articles in chunks and returns, per article, its claims or its
:class:`InputError`, exactly what the in-process loop returns. The parent puts the
results back in article order, so a report is the same, byte for byte, for every N; the
comparison runs in the parent (it is a small part of a run: about 0.1 s for the claims of
400 articles, against seconds of extraction).

An exception while extracting one article is that article's error, in the worker as in
process. A worker process that dies (killed, out of memory, a crash in C code) breaks the
pool: the articles whose results had not come back are then extracted again one at a time
in a one-worker pool (a fresh one after each death), so the article that kills its worker
is that article's error and the others are still extracted. A run never hangs on a dead
worker; when no worker can start at all, that is one :class:`NumcheckError`.

Small batches run in process whatever N says: starting workers costs more than it saves
below :data:`MIN_PARALLEL_CHARS` of article text (see ``benchmarks/bench_jobs.py``).

Workers are started by ``fork`` where that is safe (Linux, and only one thread in the
process), which needs no import in the worker; otherwise by ``spawn``, which imports
numcheck afresh in each worker: a program that calls ``numcheck.check(..., jobs=N)`` must
then guard its entry point with ``if __name__ == "__main__":``, as for any process pool.

Tests inject a fault into workers with :data:`FAULT_VARIABLE` (read only in a worker):
``raise:MARKER`` makes the number grammar raise on an article whose text holds MARKER (as a
grammar bug would); ``exit:MARKER`` makes the worker process exit at once on it.
"""

from __future__ import annotations

import math
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from ._models import Article, Claim, InputError, NumcheckError

if TYPE_CHECKING:
    from ._frame import Framer
    from ._lexicon import Lexicon

Result = list[Claim] | InputError
"""One article's claims, or its error."""
Progress = Callable[[int, int], None]
"""Called with (articles done, claims so far) as results come back."""

MIN_PARALLEL_CHARS = 150_000
"""Below this much article text a batch is extracted in process: forked workers cost
0.1 to 0.3 s of CPU to start and feed, and extraction runs at about 300,000 characters of
the corpus a second, so two workers save about as much at this size (estimated from the
CPU times of ``benchmarks/bench_jobs.py``: the machine was too loaded to time it)."""
SPAWN_FACTOR = 3
"""Spawned workers also import numcheck and build the tables (about 1 s each, at the same
time): the pool pays from this many times :data:`MIN_PARALLEL_CHARS`."""
CHUNKS_PER_WORKER = 4
"""Chunks per worker: enough to balance articles of uneven length, few enough to keep
the cost of each round trip small."""
MAX_CHUNK = 64
"""The most articles in one chunk (so progress moves on a long run)."""
FAULT_VARIABLE = "NUMCHECK_WORKER_FAULT"
"""Tests only: a fault to inject in workers (``raise:MARKER`` or ``exit:MARKER``)."""

PROGRESS_DELAY = 1.0
"""Seconds before progress shows (a quicker run shows none)."""
PROGRESS_INTERVAL = 0.25
"""The least time between two progress updates, in seconds."""

_framer: Framer | None = None  # the worker's framer, built once by _start
_lexicon: Lexicon | None = None  # the lexicon it was built with


def default_jobs() -> int:
    """The number of cores: the default for ``--jobs``."""
    return os.cpu_count() or 1


def check_jobs(jobs: int | None) -> int:
    """``jobs`` as a number of processes (``None``: the number of cores)."""
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number of processes, at least 1, not {jobs!r}")
    return jobs


def start_method() -> str:
    """``fork`` on Linux with one thread running, else ``spawn``."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def in_process(articles: Sequence[Article], jobs: int, method: str) -> bool:
    """Whether a batch is better extracted in this process than by ``jobs`` workers
    started by ``method`` (``spawn`` workers import numcheck and build their tables
    themselves: they pay from :data:`SPAWN_FACTOR` times as much text)."""
    if jobs < 2 or len(articles) < 2:
        return True
    least = MIN_PARALLEL_CHARS * (SPAWN_FACTOR if method == "spawn" else 1)
    return sum(len(article.text) for article in articles) < least


def extract_results(
    articles: Sequence[Article],
    *,
    lexicon: Lexicon | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    method: str | None = None,
) -> list[Result]:
    """Per article, in order, its claims or its error: in process for one job or a small
    batch (see :func:`in_process`), else by a pool of ``jobs`` worker processes started
    by ``method`` (default :func:`start_method`)."""
    method = method or start_method()
    if in_process(articles, jobs, method):
        return _serial(articles, lexicon, progress)
    return _pooled(articles, lexicon, jobs, progress, method)


def _serial(
    articles: Sequence[Article], lexicon: Lexicon | None, progress: Progress | None
) -> list[Result]:
    from ._frame import Framer
    from ._pipeline import claims_or_error

    framer = Framer.of(lexicon)
    results: list[Result] = []
    claims = 0
    for article in articles:
        result = claims_or_error(framer, article)
        results.append(result)
        if progress is not None:
            claims += 0 if isinstance(result, InputError) else len(result)
            progress(len(results), claims)
    return results


def _chunks(count: int, jobs: int) -> list[range]:
    size = max(1, min(MAX_CHUNK, math.ceil(count / (jobs * CHUNKS_PER_WORKER))))
    return [range(start, min(start + size, count)) for start in range(0, count, size)]


def _pool(jobs: int, lexicon: Lexicon | None, method: str) -> Any:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if method == "fork":  # build the tables here once: forked workers share them
        _start(lexicon)
        _warm_up()

    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context(method),
        initializer=_start,
        initargs=(lexicon,),
    )


def _pooled(
    articles: Sequence[Article],
    lexicon: Lexicon | None,
    jobs: int,
    progress: Progress | None,
    method: str,
) -> list[Result]:
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    results: list[Result | None] = [None] * len(articles)
    chunks = _chunks(len(articles), jobs)
    done = claims = 0
    pool = _pool(min(jobs, len(chunks)), lexicon, method)
    try:
        futures = {
            pool.submit(_extract_chunk, [articles[i] for i in chunk]): chunk for chunk in chunks
        }
        for future in as_completed(futures):
            chunk = futures[future]
            try:
                found: list[Result] = future.result()
            except BrokenProcessPool:
                break  # a worker died: the articles not back yet are retried one by one
            except Exception:  # e.g. a result that could not be sent back
                continue  # this chunk's articles are retried one by one below
            for index, result in zip(chunk, found, strict=True):
                results[index] = result
                claims += 0 if isinstance(result, InputError) else len(result)
            done += len(chunk)
            if progress is not None:
                progress(done, claims)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
    missing = [index for index, result in enumerate(results) if result is None]
    if missing and done == 0:
        _can_start(lexicon, method)  # no result at all: do workers start here?
    retried = _isolated([articles[i] for i in missing], lexicon, method)
    for index, result in zip(missing, retried, strict=True):
        results[index] = result
        if progress is not None:
            done += 1
            claims += 0 if isinstance(result, InputError) else len(result)
            progress(done, claims)
    return [result for result in results if result is not None]


class WorkerDiedError(Exception):
    """The worker process extracting an article stopped without a result."""

    def __init__(self) -> None:
        super().__init__(
            "the worker process extracting it stopped abruptly "
            "(killed, out of memory, or a crash in compiled code)"
        )


def _can_start(lexicon: Lexicon | None, method: str) -> None:
    """Raise :class:`NumcheckError` when a worker process cannot start and run at all
    (the program's main module starts the pool again when imported under ``spawn``,
    say): that is no article's fault."""
    from concurrent.futures.process import BrokenProcessPool

    pool = _pool(1, lexicon, method)
    try:
        pool.submit(_extract_chunk, []).result()
    except BrokenProcessPool as exc:
        raise NumcheckError(
            f"worker processes ({method}) cannot start: {exc}; use jobs=1 (--jobs 1), "
            "or guard the program's entry point with if __name__ == '__main__':"
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(
    articles: Sequence[Article], lexicon: Lexicon | None, method: str
) -> Iterator[Result]:
    """Each article in turn in a one-worker pool, so an article that kills its worker is
    known: that article's error; the next article gets a fresh pool."""
    from concurrent.futures.process import BrokenProcessPool

    from ._load import internal_error

    pool = None
    try:
        for article in articles:
            if pool is None:
                pool = _pool(1, lexicon, method)
            try:
                found: list[Result] = pool.submit(_extract_chunk, [article]).result()
                yield found[0]
            except BrokenProcessPool:  # it killed its worker
                yield internal_error(
                    article.path or article.id, "reading figures", WorkerDiedError()
                )
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
            except Exception as exc:  # its result could not be sent back, say
                yield internal_error(article.path or article.id, "reading figures", exc)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _start(lexicon: Lexicon | None) -> None:
    """A worker's initializer: build the tables once, and the tests' fault if asked."""
    import multiprocessing

    from ._frame import Framer

    global _framer, _lexicon
    if _framer is None or _lexicon is not lexicon:  # a forked worker has them already
        _framer, _lexicon = Framer.of(lexicon), lexicon
    if multiprocessing.parent_process() is not None:  # in a worker only
        fault = os.environ.get(FAULT_VARIABLE, "")
        if fault:
            _inject(fault)


WARM_UP = "About 5,000 troops, 3.5 km away, at 20 °C; $4 million, up 12% from 2023."
"""Text extracted once before workers are forked, so that the tables built on first use
(units and their conversions) are built once, not once per worker."""


def _warm_up() -> None:
    assert _framer is not None
    _framer.claims(Article(id="warm-up", text=WARM_UP))


def _inject(fault: str) -> None:
    """Tests only (see the module docstring): make the number grammar fail on a marker."""
    from . import _frame

    mode, _, marker = fault.partition(":")
    real = _frame.find_numbers  # type: ignore[attr-defined]

    def find_numbers(text: str, *args: Any, **kwargs: Any) -> Any:
        if marker and marker in text:
            if mode == "exit":
                os._exit(3)
            raise ValueError(f"a fault injected by {FAULT_VARIABLE}")
        return real(text, *args, **kwargs)

    _frame.find_numbers = find_numbers  # type: ignore[attr-defined]


def _extract_chunk(articles: list[Article]) -> list[Result]:
    """In a worker: each article's claims or error, in order."""
    from ._pipeline import claims_or_error

    assert _framer is not None, "the worker's initializer did not run"
    framer = _framer
    return [claims_or_error(framer, article) for article in articles]


class ProgressLine:
    """Progress on a terminal: articles read, claims, elapsed time, on one line rewritten
    in place at most every :data:`PROGRESS_INTERVAL` seconds from :data:`PROGRESS_DELAY`
    seconds on (a quick run shows nothing), and a last update when the run ends."""

    def __init__(self, stream: Any, *, files: int) -> None:
        self.stream = stream
        self.files = files
        self.delay = PROGRESS_DELAY
        self.interval = PROGRESS_INTERVAL
        self.started = time.monotonic()
        self.shown = 0.0
        self.wrote = False

    def __call__(self, done: int, claims: int) -> None:
        now = time.monotonic()
        if not self.wrote and now - self.started < self.delay:
            return  # a quick run shows nothing
        if done < self.files and now - self.shown < self.interval:
            return
        self.shown = now
        self.stream.write(
            f"\rnumcheck: {done}/{self.files} article(s) read, {claims} claim(s), "
            f"{now - self.started:.1f} s"
        )
        self.stream.flush()
        self.wrote = True

    def close(self) -> None:
        """End the progress line (nothing was written when the run was quick)."""
        if self.wrote:
            self.stream.write("\n")
            self.stream.flush()
