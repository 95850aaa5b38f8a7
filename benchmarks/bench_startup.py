"""Start-up cost: CPU time of ``import numcheck`` and of checking one short article.

Run: ``python benchmarks/bench_startup.py [--runs N] [--article PATH]`` (not part of the
test suite: the machine is shared, so times belong here, never in a test).

Each command runs N times in a fresh subprocess of this interpreter; its CPU time (user +
system, from ``os.wait4``) is taken and the best run kept. Printed:

- ``baseline``: ``python -c "import pydantic, yaml"`` (numcheck's run-time dependencies);
- ``import``: ``python -c "import numcheck"`` (goal: within 2x the baseline; each public
  name's module loads on its first use, so this is the cost a pytest session or a script
  pays before it uses numcheck);
- ``names``: every public name used once (all modules loaded, no tables built);
- ``extract``: ``python -c "import numcheck; numcheck.extract('3 km')"`` (import plus the
  first use of the unit and lexicon tables);
- ``check``: ``numcheck check`` on one short seed article (goal: within 2.5x the baseline),

with the ratios the goals name (issue 14, "One core").

Every command runs with compiled bytecode, as after ``pip install`` (which compiles the
package): the runs write and read ``.pyc`` files under a temporary
``PYTHONPYCACHEPREFIX`` even when ``PYTHONDONTWRITEBYTECODE`` is set in the calling
environment, and one unmeasured run of each command comes first. Without this, every
run of numcheck compiled its source again (about 0.5 s) while pydantic and yaml read
their installed bytecode: a comparison of compilers, not of start-up.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(argv: Sequence[str]) -> float:
    """User + system CPU seconds of one run of ``argv`` (its output discarded)."""
    proc = subprocess.Popen(
        list(argv), cwd=ROOT, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: the check found discrepancies
        raise SystemExit(f"{' '.join(argv)}: exit status {proc.returncode}")
    return usage.ru_utime + usage.ru_stime


def best(argv: Sequence[str], runs: int) -> float:
    """The least CPU time of ``runs`` runs, after one unmeasured run (bytecode written)."""
    cpu_seconds(argv)
    return min(cpu_seconds(argv) for _ in range(runs))


def shortest_seed() -> Path:
    return min(sorted((ROOT / "seeds").iterdir()), key=lambda p: p.stat().st_size)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (best kept)")
    parser.add_argument("--article", type=Path, help="article to check (default: shortest seed)")
    args = parser.parse_args()
    article = args.article or shortest_seed()
    py = sys.executable
    commands = {
        "baseline": [py, "-c", "import pydantic, yaml"],
        "import": [py, "-c", "import numcheck"],
        "names": [py, "-c", "import numcheck; [getattr(numcheck, n) for n in numcheck.__all__]"],
        "extract": [py, "-c", "import numcheck; numcheck.extract('3 km')"],
        "check": [py, "-m", "numcheck", "check", str(article)],
    }
    with tempfile.TemporaryDirectory(prefix="numcheck-pyc-") as prefix:
        _ENV["PYTHONPYCACHEPREFIX"] = prefix
        times = {name: best(argv, args.runs) for name, argv in commands.items()}
    base = times["baseline"]
    goals = {"import": 2.0, "check": 2.5}
    print(f"best of {args.runs} runs, CPU seconds (user + system); check: {article.name}")
    for name, seconds in times.items():
        ratio = seconds / base
        goal = goals.get(name)
        note = ""
        if goal is not None:
            note = f"  (goal <= {goal}x: {'met' if ratio <= goal else 'NOT met'})"
        print(f"{name:9} {seconds:6.3f} s  {ratio:5.2f}x baseline{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
