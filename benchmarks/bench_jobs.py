"""All cores: ``numcheck check --jobs 1`` against ``--jobs 2`` on a folder of 400 articles.

Run: ``python benchmarks/bench_jobs.py [--articles 400] [--parts 1] [--repeat 3]`` (not part
of the test suite). The folder is generated into a temporary directory from the corpus
(``tests/data/corpus``) and the seeds: article ``i`` is the body of source ``i`` (in turn)
under front matter of its own (``id``, ``source``, ``published``); with ``--parts K`` its
body is the bodies of K consecutive sources joined, for news-length articles (the corpus
articles are short: about 800 characters). Each command runs in a fresh process, the runs
interleaved, ``--repeat`` times; the table shows the median wall time and the CPU time of
the process and its workers, and the speed-up is the ratio of the median wall times. Both
outputs are checked to be the same, byte for byte.

``--sizes 10,25,50,100`` instead times ``--jobs 1`` against a forced pool of two workers
on folders of those sizes: where the pool starts to pay is ``MIN_PARALLEL_CHARS`` (the
size in characters is printed).

The machine may be shared: under Linux's per-session CPU fairness (autogroup), a busy
machine gives the run's session the same share of the cores whether it runs one process or
three, so the wall ratio shows a speed-up only when the other sessions are quiet. The
"CPU on the critical path" (the main process's own CPU time plus its workers' divided by
the number of workers) does not depend on that load: its ratio is the speed-up on two
idle cores, as long as the workers stay balanced. Run it several times and say so.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted((ROOT / "tests" / "data" / "corpus").glob("*/*.md")) + sorted(
    (ROOT / "seeds").glob("*.txt")
)
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
FORCE_POOL = "import numcheck._parallel as parallel\nparallel.MIN_PARALLEL_CHARS = 0\n"
OWN_CPU = (
    "import atexit, os, sys\n"
    "atexit.register(lambda: sys.stderr.write(f'\\nown-cpu {sum(os.times()[:2])}\\n'))\n"
)
"""A prelude: the main process prints its own CPU time (not its workers') at exit."""
MAIN = "import sys\nfrom numcheck.cli import main\nsys.exit(main())\n"


def _split(path: Path) -> tuple[dict[str, str], str]:
    text = path.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    if match is None:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, _, value = line.partition(":")
        if key in ("source", "published"):
            meta[key] = value.strip()
    return meta, text[match.end() :]


def make_folder(folder: Path, articles: int, parts: int = 1) -> int:
    """Write ``articles`` article files into ``folder``; return their characters."""
    folder.mkdir(parents=True, exist_ok=True)
    split = [_split(path) for path in SOURCES]
    total = 0
    for i in range(articles):
        meta, _ = split[i % len(split)]
        body = "\n\n".join(split[(i + k) % len(split)][1].strip() for k in range(parts))
        head = "".join(f"{key}: {value}\n" for key, value in meta.items())
        text = f"---\nid: bench-{i:05d}\n{head}---\n{body}\n"
        (folder / f"bench-{i:05d}.md").write_text(text, encoding="utf-8")
        total += len(body)
    return total


def run_once(folder: Path, jobs: int, prelude: str = "") -> tuple[float, float, float, bytes]:
    """(wall seconds, CPU seconds of the process and its workers, CPU seconds of the main
    process alone, stdout) of one check."""
    command = [sys.executable, "-c", OWN_CPU + prelude + MAIN]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [*command, "check", str(folder), "--format", "json", "--jobs", str(jobs)],
        capture_output=True,
        check=False,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(result.stderr.decode())
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    own = float(result.stderr.decode().rsplit("own-cpu ", 1)[1])
    return wall, cpu, own, result.stdout


def compare(folder: Path, repeat: int, prelude: str = "") -> tuple[dict[int, list[float]], ...]:
    walls: dict[int, list[float]] = {1: [], 2: []}
    cpus: dict[int, list[float]] = {1: [], 2: []}
    paths: dict[int, list[float]] = {1: [], 2: []}
    outputs: dict[int, bytes] = {}
    for _ in range(repeat):
        for jobs in (1, 2):
            wall, cpu, own, out = run_once(folder, jobs, prelude)
            walls[jobs].append(wall)
            cpus[jobs].append(cpu)
            paths[jobs].append(own + (cpu - own) / jobs)  # the workers' share, balanced
            if outputs.setdefault(jobs, out) != out:
                raise SystemExit("the output of one run differs from the next")
    if outputs[1] != outputs[2]:
        raise SystemExit("--jobs 1 and --jobs 2 gave different reports")
    return walls, cpus, paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--parts", type=int, default=1, help="sources per article body")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", default="", help="e.g. 10,25,50,100: where the pool pays")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        if args.sizes:
            print(f"{'articles':>8} {'chars':>9} {'jobs 1 s':>9} {'pool 2 s':>9} {'ratio':>6}")
            for size in (int(s) for s in args.sizes.split(",")):
                folder = Path(tmp, f"n{size}")
                chars = make_folder(folder, size, args.parts)
                walls, _, _ = compare(folder, args.repeat, FORCE_POOL)
                one, two = statistics.median(walls[1]), statistics.median(walls[2])
                print(f"{size:>8} {chars:>9,} {one:>9.2f} {two:>9.2f} {one / two:>5.2f}x")
            return
        folder = Path(tmp, "articles")
        chars = make_folder(folder, args.articles, args.parts)
        print(f"{args.articles} articles, {chars:,} characters of text (--parts {args.parts})")
        walls, cpus, paths = compare(folder, args.repeat)
    for jobs in (1, 2):
        wall, cpu = statistics.median(walls[jobs]), statistics.median(cpus[jobs])
        path = statistics.median(paths[jobs])
        shown = " ".join(f"{w:.2f}" for w in walls[jobs])
        print(
            f"--jobs {jobs}: wall {wall:.2f} s (runs: {shown}), CPU {cpu:.2f} s, "
            f"CPU on the critical path {path:.2f} s"
        )
    speedup = statistics.median(walls[1]) / statistics.median(walls[2])
    print(f"speed-up of --jobs 2: {speedup:.2f}x wall (goal >= 1.7x on 2 cores)")
    ideal = statistics.median(paths[1]) / statistics.median(paths[2])
    print(
        f"CPU-bound estimate for two idle cores: {ideal:.2f}x (the main process's own CPU "
        "plus half its workers'; what the wall ratio is when nothing else runs)"
    )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
