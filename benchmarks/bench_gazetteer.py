"""First-use cost of the gazetteer: load time (CPU seconds) and memory.

Run: ``python benchmarks/bench_gazetteer.py [--runs N]`` (not part of the test suite).
Each run loads ``numcheck/data/gazetteer.tsv`` in a fresh process state (the cache
cleared) and prints the best CPU time; memory is the peak traced by ``tracemalloc``
during one load. Also prints the file size, places and names.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from numcheck import _places  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    best = float("inf")
    for _ in range(args.runs):
        _places.gazetteer.cache_clear()
        start = time.process_time()
        _places.gazetteer()
        best = min(best, time.process_time() - start)
    _places.gazetteer.cache_clear()
    tracemalloc.start()
    table = _places.gazetteer()
    _, peak = tracemalloc.get_traced_memory()
    current = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    size = (ROOT / "numcheck" / "data" / "gazetteer.tsv").stat().st_size
    print(f"file      {size / 1e6:.2f} MB, {len(table.kind):,} places, {len(table.names):,} names")
    print(f"load      {best:.3f} s CPU (best of {args.runs})")
    print(f"memory    {current / 1e6:.1f} MB kept, {peak / 1e6:.1f} MB peak while loading")
    return 0


if __name__ == "__main__":
    sys.exit(main())
