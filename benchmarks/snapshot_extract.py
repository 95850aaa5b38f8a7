"""Every claim numcheck.extract makes on the repository's texts, as JSON: for checking that a
change meant only for speed leaves the output alone.

Run: ``python benchmarks/snapshot_extract.py OUT.json`` before and after the change, then
compare the two files (``cmp``); not part of the test suite. The texts: the articles of
``seeds/`` and of each folder of ``tests/data/corpus/``, the sentences of
``tests/data/quantities/*.toml``, and each shape of ``bench_adversarial.py`` repeated to
6,000 characters.
"""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_adversarial  # noqa: E402

from numcheck import extract, load_articles  # noqa: E402
from numcheck._pipeline import extract_articles  # noqa: E402


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """The claims of every text, by a name for the text."""
    out: dict[str, list[dict[str, Any]]] = {}
    corpus = ROOT / "tests" / "data" / "corpus"
    for folder in [ROOT / "seeds", *sorted(p for p in corpus.iterdir() if p.is_dir())]:
        for article in load_articles(folder):
            claims = extract_articles([article])
            out[f"{folder.name}/{article.id}"] = [c.model_dump(mode="json") for c in claims]
    for path in sorted((ROOT / "tests" / "data" / "quantities").glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            claims = extract(case["text"], published="2024-06-01")
            out[f"quantities/{case['id']}"] = [c.model_dump(mode="json") for c in claims]
    for name, unit in bench_adversarial.SHAPES.items():
        claims = extract(bench_adversarial.repeated(unit, 6000), published="2024-01-29")
        out[f"shape/{name}"] = [c.model_dump(mode="json") for c in claims]
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print("usage: python benchmarks/snapshot_extract.py OUT.json", file=sys.stderr)
        return 2
    found = snapshot()
    Path(args[0]).write_text(json.dumps(found, indent=0, sort_keys=True), encoding="utf-8")
    print(f"{len(found)} texts, {sum(len(v) for v in found.values())} claims -> {args[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
