"""A fuzz campaign over every entry point that reads outside input (not part of the suite).

Run: ``python benchmarks/fuzz.py`` (50,000 inputs per entry point, a few minutes on two
cores), ``python benchmarks/fuzz.py --per-target 2000`` for a quick look, ``--only
extract`` for one entry point, ``--seed N`` for another sequence (the default seed makes
every run the same).

Inputs are built by mutating real material (the seed articles, the number grammar's own
test phrases, valid front matter, rules, lexicons and claims) and by generating noise:
random bytes, random Unicode from every script and category, deep nesting, aliases,
huge exponents, extreme dates. Each entry point must either answer or refuse with its
documented error (``InputError`` records, ``NumcheckError`` subclasses, pydantic's
``ValidationError`` for a bad argument in Python); any other exception is *unhandled*
and is printed with the input that caused it (saved under ``--out``). The outputs are
checked too: offsets slice the text, no value is NaN or infinite, every report
serializes to JSON and renders as text and Markdown.

The suite runs the same properties with hypothesis on fewer inputs (``tests/test_fuzz.py``);
this campaign is the long run. Exit status 0 when nothing was unhandled, 1 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
import tempfile
import time
import tomllib
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pydantic import ValidationError  # noqa: E402

from numcheck import Claim, NumcheckError, find_numbers  # noqa: E402
from numcheck._columns import claims_csv  # noqa: E402
from numcheck._formats import FORMATS, RenderOptions  # noqa: E402
from numcheck._load import read_claims, read_inputs  # noqa: E402
from numcheck._models import valid_unicode  # noqa: E402
from numcheck._pipeline import build_report, extract  # noqa: E402
from numcheck._rules import Rules  # noqa: E402

# ------------------------------------------------------------------------------ material

PHRASES = [
    "1,234.56.78", "1,2.3.4", "10^1000", "1E308", "9E308", "1e-400", "0^-1", "2^10",
    "1.0001^99999", "1,70,300", "25000 to 30,000", "between 3 and 5 million", "about 2,500",
    "more than 26,000", "hundreds of thousands", "at least 155,000", "one one one one",
    "1 to 1 to 1 to 1", "troops5killed12wounded3in2019", "\u200b2\u200b5\u200b0\u200b0",
    "\uff12\uff15\uff10\uff10", "\u0662\u0665\u0660\u0660", "\u202bthe army had 300\u202c",
    "$US40 billion", "£2.6bn", "50%", "½", "3/4", "9/11", "November 2007", "since 2007",
    "last year", "now", "in 2016", "the past 24 hours", "mid-October", "-", "--", "...",
    "\x1b[31m", "\x00", "\ud800", "<script>", "|", "\n", "\r\n", "\t", " ", "one hundred",
    "a dozen", "twenty-five", "1.5m", "3-1", "14:52", "99999999999999999999999999999999999999999",
]  # fmt: skip

UNICODE_RANGES = [
    (0x20, 0x7E), (0x00, 0x1F), (0x80, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF),
    (0x590, 0x6FF), (0x900, 0x97F), (0x2000, 0x206F), (0x2070, 0x218F), (0x3000, 0x30FF),
    (0x4E00, 0x4E80), (0xFF00, 0xFFEF), (0x1F300, 0x1F64F), (0xD800, 0xDFFF),
]  # fmt: skip


def _seed_bodies() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


@dataclass
class Material:
    rng: random.Random
    bodies: list[str] = field(default_factory=_seed_bodies)

    def char(self) -> str:
        low, high = self.rng.choice(UNICODE_RANGES)
        return chr(self.rng.randint(low, high))

    def noise(self, size: int) -> str:
        return "".join(self.char() for _ in range(size))

    def snippet(self) -> str:
        body = self.rng.choice(self.bodies)
        start = self.rng.randrange(len(body))
        return body[start : start + self.rng.randint(1, 400)]

    def text(self) -> str:
        """Seed snippets, grammar phrases and noise, spliced and mutated."""
        rng = self.rng
        parts: list[str] = []
        for _ in range(rng.randint(1, 8)):
            roll = rng.random()
            if roll < 0.35:
                parts.append(self.snippet())
            elif roll < 0.75:
                parts.append(rng.choice(PHRASES) * rng.choice((1, 1, 1, 2, 5, 30)))
            else:
                parts.append(self.noise(rng.randint(1, 40)))
            parts.append(rng.choice(" \n,;.-"))
        return self.mutate("".join(parts))

    def mutate(self, text: str) -> str:
        rng = self.rng
        for _ in range(rng.choice((0, 0, 1, 2, 4))):
            if not text:
                break
            at = rng.randrange(len(text))
            op = rng.random()
            if op < 0.3:
                text = text[:at] + self.char() + text[at:]
            elif op < 0.5:
                text = text[:at] + text[at + rng.randint(1, 8) :]
            elif op < 0.7:
                text = text[:at] + rng.choice(PHRASES) + text[at:]
            else:
                piece = text[at : at + rng.randint(1, 30)]
                text = text[:at] + piece * rng.randint(2, 6) + text[at:]
        return text

    def date(self) -> str | None:
        rng = self.rng
        roll = rng.random()
        if roll < 0.1:
            return None
        if roll < 0.2:
            return rng.choice(("0001-01-01", "9999-12-31", "1000-01-01", "8999-12-31", "2024-02"))
        year = rng.choice((rng.randint(1, 9999), rng.randint(1990, 2030)))
        day = dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 364))
        return day.isoformat()

    def json_value(self, depth: int = 0) -> Any:
        rng = self.rng
        roll = rng.random()
        if depth > 3 or roll < 0.5:
            return rng.choice(
                [None, True, 0, -1, 2500, 1e308, -1e-300, 2**70, "", "2024-01-29", "x",
                 self.noise(5), "9999-12-31", "0001-01-01", "troops", "explicit"]
            )  # fmt: skip
        if roll < 0.75:
            return [self.json_value(depth + 1) for _ in range(rng.randint(0, 3))]
        return {self.noise(3): self.json_value(depth + 1) for _ in range(rng.randint(0, 3))}

    def claim_record(self) -> dict[str, Any]:
        rng = self.rng
        record: dict[str, Any] = {"article": rng.choice(("a", "b", "c", self.noise(3)))}
        fields = ["start", "end", "text", "sentence", "value", "low", "high", "qualifier",
                  "unit", "subject", "location", "time", "key", "modifier", "kind",
                  "direction", "anchor", "source", "bogus"]  # fmt: skip
        for name in rng.sample(fields, rng.randint(0, len(fields))):
            record[name] = self.json_value()
        if rng.random() < 0.6:
            value = rng.choice((2500, 2000, 5000, 1e308, 1e-300, 0, -5))
            record.update(value=value, unit="troops", subject="US", location="Iraq")
            record["time"] = rng.choice(
                [None, {"start": self.date(), "end": self.date()},
                 {"start": self.date(), "end": None, "basis": "explicit"}, self.json_value()]
            )  # fmt: skip
        return record


# ------------------------------------------------------------------------------ checks


class BrokenOutputError(AssertionError):
    """An output that breaks a documented property (offsets, finiteness, JSON)."""


def _finite(*numbers: float | None) -> None:
    for number in numbers:
        if number is not None and not math.isfinite(number):
            raise BrokenOutputError(f"non-finite number {number}")


def _claims_ok(claims: list[Claim], texts: dict[str, str]) -> None:
    for claim in claims:
        _finite(claim.value, claim.low, claim.high)
        text = texts.get(claim.article)
        if text is None or claim.start is None:
            continue
        if valid_unicode(text[claim.start : claim.end]) != claim.text:
            raise BrokenOutputError(f"offsets {claim.start}-{claim.end} miss {claim.text!r}")


def _report_ok(claims: list[Claim]) -> None:
    report = build_report([], claims, rules=Rules())
    for finding in report.discrepancies:
        _finite(finding.ratio)
    options = RenderOptions(colour=True, width=60, max_per_key=2)
    for name, module in FORMATS.items():  # every --format value
        rendered = module.render(report, options)
        if name in ("json", "sarif", "claimreview"):
            json.loads(rendered)
        elif name == "jsonl":
            for line in filter(None, rendered.split("\n")):  # JSON Lines: lines end at "\n"
                json.loads(line)


# ------------------------------------------------------------------------------ targets

Target = Callable[[Material, Path], None]


def t_find_numbers(m: Material, _: Path) -> None:
    text = m.text()
    for mention in find_numbers(text):
        if text[mention.start : mention.end] != mention.text:
            raise BrokenOutputError("offsets do not slice the text")
        _finite(mention.value, mention.low, mention.high)


def t_extract(m: Material, _: Path) -> None:
    text = m.text()
    try:
        claims = extract(text, published=m.date(), article_id="f")
    except NumcheckError:
        return  # a publication date outside 1000-8999: refused, as documented
    _claims_ok(list(claims), {"f": text})
    for claim in claims:
        claim.model_dump_json()
        claim.time.label()
        repr(claim)


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _front_matter(m: Material) -> str:
    rng = m.rng
    lines = []
    for key in rng.sample(["id", "title", "source", "url", "published", "date", "tags"], 3):
        value = rng.choice(
            [m.date() or "", m.noise(6), "&a [*a]", "*a", "[1, [2, [3]]]", "{a: 1}",
             "!!python/none", "<<: *a", "2024-13-45", "null", "~", "'" + m.noise(3) + "'",
             "- x\n- y"]
        )  # fmt: skip
        lines.append(f"{key}: {value}")
    if rng.random() < 0.2:
        lines.append("a: &a [" + ",".join(["*a"] * 9) + "]")
    if rng.random() < 0.1:
        lines.append("b: &b [" + "*a," * 9 + "*a]\nc: &c [" + "*b," * 9 + "*b]")
    return "\n".join(lines)


def t_load(m: Material, folder: Path) -> None:
    rng = m.rng
    roll = rng.random()
    if roll < 0.2:
        data = rng.randbytes(rng.randint(0, 300))
        name = rng.choice(("a.txt", "a.md", "a.jsonl"))
    elif roll < 0.6:
        text = f"---\n{_front_matter(m)}\n---\n{m.text()}"
        data = m.mutate(text).encode("utf-8", "surrogatepass")
        name = rng.choice(("a.md", "a.txt"))
    else:
        lines = []
        for _ in range(rng.randint(1, 4)):
            record = {"id": m.noise(3), "text": m.text(), "published": m.date()}
            if rng.random() < 0.3:
                record[m.noise(2)] = m.json_value()
            line = json.dumps(record)
            if rng.random() < 0.2:
                line = "[" * rng.randint(1, 100_000) + "]" * rng.randint(0, 10)
            lines.append(m.mutate(line) if rng.random() < 0.3 else line)
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        name = "a.jsonl"
    path = _write(folder, name, data)
    articles, _errors = read_inputs([path])
    for article in articles:
        article.model_dump_json()


def t_claims(m: Material, folder: Path) -> None:
    rng = m.rng
    lines = []
    for _ in range(rng.randint(1, 6)):
        line = json.dumps(m.claim_record())
        if rng.random() < 0.1:
            line = "{" * rng.randint(1, 50_000)
        lines.append(m.mutate(line) if rng.random() < 0.3 else line)
    path = _write(folder, "claims.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
    claims, _errors, _warnings = read_claims([str(path)])
    _claims_ok(claims, {})
    _report_ok(claims)


def t_claims_csv(m: Material, folder: Path) -> None:
    """A CSV claims file (``--claims FILE.csv``): written from valid claims, then mutated."""
    rng = m.rng
    text = claims_csv(_claims(m))
    roll = rng.random()
    if roll < 0.5:
        text = m.mutate(text)
    elif roll < 0.6:
        text = text.replace(",", rng.choice(['"', ";", ",,", "\n", "\x00", ""]), rng.randint(1, 9))
    elif roll < 0.7:
        text = rng.choice(['"' * rng.randint(1, 5000), "a," * 50_000, m.noise(200)])
    data = text.encode("utf-8", "surrogatepass")
    if rng.random() < 0.1:
        data = rng.choice([b"\xff\xfe", b"\xef\xbb\xbf", b""]) + data[: rng.randint(0, len(data))]
    path = _write(folder, "claims.csv", data)
    claims, _errors, _warnings = read_claims([str(path)])
    _claims_ok(claims, {})
    _report_ok(claims)


RULES_SEED = tomllib.loads((ROOT / "docs" / "examples" / "numcheck.toml").read_text("utf-8"))
LEXICON_SEED: dict[str, Any] = {
    "cities": ["Naqoura", "Mosul"],
    "aliases": {"Gaza": ["the Strip", "Gaza Strip"]},
    "measure": {"police": {"nouns": ["police officers", "police"]}},
    "actor": {"UNIFIL": {"names": ["UNIFIL", "the peacekeepers"]}},
}
ODD_KEYS = [
    "measures",
    "default",
    "tool",
    "numcheck",
    "Conflict",
    "day ",
    "x\ny",
    "é",
    "",
    "time_window",
    "vague",
    "severity",
    "from_ratio",
    "nouns",
    "names",
    "aliases",
]
ODD_VALUES: list[Any] = [
    -1, 0, 1, 2**63, 0.05, -0.5, 1e400, math.nan, math.inf, "", "x", "error", "info",
    "warning", True, [], [1, 2], [[1]], {}, {"from_ratio": 0.5, "severity": "error"},
    {"day": -5}, ["a", 1], "2024-01-01",
]  # fmt: skip


def _perturb(m: Material, value: Any, depth: int = 0) -> Any:
    """A copy of a parsed TOML document with a few keys and values changed at random."""
    rng = m.rng
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rng.random()
            if roll < 0.02:
                continue  # drop the key
            if roll < 0.04:
                key = rng.choice(ODD_KEYS)  # rename it
            out[key] = _perturb(m, item, depth + 1)
        if rng.random() < 0.05:
            out[rng.choice(ODD_KEYS)] = rng.choice(ODD_VALUES)
        return out
    if rng.random() < 0.04:
        return rng.choice(ODD_VALUES)
    if isinstance(value, list):
        return [_perturb(m, item, depth + 1) for item in value]
    return value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items())
        return "{" + items + "}"
    return json.dumps(str(value))


def _toml_text(document: dict[str, Any], prefix: str = "") -> str:
    """A mapping written as TOML: plain keys first, then one [table] per nested mapping."""
    lines = [f"[{prefix}]"] if prefix else []
    tables = []
    for key, value in document.items():
        if isinstance(value, dict) and value:
            tables.append((key, value))
        else:
            lines.append(f"{json.dumps(key)} = {_toml_value(value)}")
    text = "\n".join(lines) + "\n"
    for key, value in tables:
        name = f"{prefix}.{json.dumps(key)}" if prefix else json.dumps(key)
        text += "\n" + _toml_text(value, name)
    return text


def _config_bytes(m: Material, document: dict[str, Any]) -> bytes:
    """Mostly valid TOML of a perturbed document; sometimes broken text or bytes."""
    text = _toml_text(_perturb(m, document))
    roll = m.rng.random()
    if roll < 0.1:
        text = m.mutate(text)
    data = text.encode("utf-8", "surrogatepass")
    if roll > 0.95:
        data = m.rng.randbytes(20) + data
    return data


def t_rules(m: Material, folder: Path) -> None:
    document = RULES_SEED
    name = "numcheck.toml"
    if m.rng.random() < 0.3:
        document, name = {"tool": {"numcheck": RULES_SEED}}, "pyproject.toml"
    try:
        rules = Rules.from_file(_write(folder, name, _config_bytes(m, document)))
    except NumcheckError:
        return
    build_report([], _claims(m), rules=rules)


def t_lexicon(m: Material, folder: Path) -> None:
    from numcheck import load_lexicon

    try:
        lexicon = load_lexicon(_write(folder, "words.toml", _config_bytes(m, LEXICON_SEED)))
    except NumcheckError:
        return
    extract(m.text(), published="2024-01-29", lexicon=lexicon)


def _claims(m: Material) -> list[Claim]:
    """A few random claims (records the model refuses are left out)."""
    claims = []
    for _ in range(m.rng.randint(2, 12)):
        try:
            claims.append(Claim.model_validate(m.claim_record()))
        except ValidationError:
            continue
    return claims


def t_check(m: Material, _: Path) -> None:
    _report_ok(_claims(m))


TARGETS: dict[str, Target] = {
    "find_numbers": t_find_numbers,
    "extract": t_extract,
    "load": t_load,
    "claims": t_claims,
    "claims_csv": t_claims_csv,
    "rules": t_rules,
    "lexicon": t_lexicon,
    "check": t_check,
}

# ------------------------------------------------------------------------------ runner


@dataclass
class Outcome:
    tried: int = 0
    unhandled: int = 0
    seconds: float = 0.0
    kinds: dict[str, int] = field(default_factory=dict)


def campaign(name: str, count: int, seed: int, out: Path, first: int = 0) -> Outcome:
    target = TARGETS[name]
    outcome = Outcome()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(first, first + count):
            rng = random.Random(f"{seed}:{name}:{number}")
            material = Material(rng, BODIES)
            try:
                target(material, Path(tmp))
            except Exception as exc:  # the point of the campaign: catch everything
                outcome.unhandled += 1
                kind = f"{type(exc).__name__} at {_where(exc)}: {str(exc)[:60]}"
                outcome.kinds[kind] = outcome.kinds.get(kind, 0) + 1
                if outcome.kinds[kind] == 1 and len(outcome.kinds) <= 50:
                    out.mkdir(parents=True, exist_ok=True)
                    report = out / f"{name}-{number}.txt"
                    report.write_text(
                        f"python benchmarks/fuzz.py --only {name} --seed {seed} "
                        f"--start {number} --per-target 1\n\n{traceback.format_exc()}",
                        encoding="utf-8",
                    )
            outcome.tried += 1
    outcome.seconds = time.perf_counter() - started
    return outcome


BODIES = _seed_bodies()


def _where(exc: BaseException) -> str:
    """The innermost frame of the package (or the last one): groups one bug's inputs."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/numcheck/" in f.filename] or frames
    frame = ours[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def _main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-target", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--start", type=int, default=0, help="number of the first input")
    parser.add_argument("--only", choices=sorted(TARGETS), action="append")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "numcheck-fuzz")
    args = parser.parse_args()
    total = 0
    for name in args.only or list(TARGETS):
        outcome = campaign(name, args.per_target, args.seed, args.out, args.start)
        total += outcome.unhandled
        rate = outcome.tried / outcome.seconds if outcome.seconds else 0.0
        print(
            f"{name:13s} {outcome.tried:>7,} inputs  {outcome.unhandled:>5} unhandled  "
            f"{outcome.seconds:7.1f} s  ({rate:,.0f}/s)",
            flush=True,
        )
        for kind, count in sorted(outcome.kinds.items(), key=lambda kv: -kv[1]):
            print(f"    {count:>6} x {kind}")
    print(f"unhandled exceptions in all: {total}" + (f" (details in {args.out})" if total else ""))
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(_main())
