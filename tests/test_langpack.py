"""The language pack: every file read and validated, and no English word set left inline
in the stages whose words moved there."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import numcheck._attribution
import numcheck._clean
import numcheck._frame
import numcheck._numwords
import numcheck._statistic
import numcheck._time
from numcheck._langpack import LANG, LangPackError, PackModel, alternation, load_pack

ROOT = Path(__file__).resolve().parents[1]
P = pytest.param

PACKS: dict[str, type[PackModel]] = {
    "attribution.toml": numcheck._attribution.AttributionWords,
    "frame.toml": numcheck._frame.FrameWords,
    "numbers.toml": numcheck._numwords.NumberWords,
    "sentences.toml": numcheck._clean.SentenceWords,
    "statistic.toml": numcheck._statistic.StatisticWords,
    "time.toml": numcheck._time.TimeWords,
}
"""Every file of the English pack and the model that reads it."""

MOVED = ["_clean", "_time", "_statistic", "_frame", "_attribution"]
"""The stages whose English words live in the pack (see :data:`ALLOWED`)."""

_GATE = "the gate words of a pattern whose structure is still in the code"
ALLOWED: dict[tuple[str, str], str] = {
    ("_time", "record"): "gate of _COMPARATIVE: the superlatives are in the pack, these "
    "words belong to the pattern's own branches",
    ("_time", "from"): "gate of _BASE: its branches (compared with, versus, than in)",
    ("_time", "so far"): f"{_GATE} (_RELATIVE)",
    ("_time", "now"): f"{_GATE} (_RELATIVE)",
    ("_time", "night"): f"{_GATE} (_RELATIVE)",
    ("_time", "quarter"): f"{_GATE} (_QUARTER)",
    ("_time", "the"): f"{_GATE} (_ANAPHORA)",
    ("_time", "any"): "the kinds of period _References keeps, names in the code, not words",
    ("_statistic", "month"): f"{_GATE} (_RATE_HORIZON: 'month[\\s-]on[\\s-]month'...)",
    ("_statistic", "rate"): "names of statistics (the Statistic type), not words",
    ("_frame", "article"): "the field names of a Claim, not words",
    ("_frame", "time"): "the field names of a Claim, not words",
    ("_frame", "exact"): "names of qualifiers (the Qualifier type), not words",
}
"""Word literals that may stay in a moved module: (module, first word) -> why."""


def test_every_file_of_the_pack_is_known() -> None:
    assert sorted(path.name for path in LANG.glob("*.toml")) == sorted(PACKS)


@pytest.mark.parametrize("name", sorted(PACKS))
def test_every_file_of_the_pack_reads(name: str) -> None:
    model = PACKS[name]
    pack = load_pack(model, LANG / name)
    assert set(pack.model_dump()) == set(model.model_fields)


def _dump(value: Any) -> str:
    """A TOML value (strings, numbers, arrays, inline tables) of parsed TOML data."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_dump(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_dump(v) for v in value) + "]"
    return json.dumps(value)


def _write(path: Path, data: dict[str, Any]) -> None:
    path.write_text("".join(f"{k} = {_dump(v)}\n" for k, v in data.items()), encoding="utf-8")


def _first_key(model: type[PackModel]) -> str:
    return next(iter(model.model_fields))


def _unknown(data: dict[str, Any], _: str) -> None:
    data["not_a_key"] = ["word"]


def _missing(data: dict[str, Any], key: str) -> None:
    del data[key]


def _wrong_type(data: dict[str, Any], key: str) -> None:
    data[key] = 3.5


EDITS: list[Any] = [
    P(_unknown, "not_a_key: Extra inputs are not permitted", id="unknown-key"),
    P(_missing, "{key}: Field required", id="missing-key"),
    P(_wrong_type, "{key}: Input should be", id="wrong-type"),
]


@pytest.mark.parametrize("name", sorted(PACKS))
@pytest.mark.parametrize(("edit", "problem"), EDITS)
def test_a_broken_pack_file_is_one_line_naming_the_file_and_key(
    tmp_path: Path,
    name: str,
    edit: Callable[[dict[str, Any], str], None],
    problem: str,
) -> None:
    model = PACKS[name]
    data = load_pack(model, LANG / name).model_dump()
    key = _first_key(model)
    edit(data, key)
    path = tmp_path / name
    _write(path, data)
    with pytest.raises(LangPackError) as info:
        load_pack(model, path)
    message = str(info.value)
    assert message.startswith(f"{path}: invalid language pack: ") and "\n" not in message
    assert problem.format(key=key) in message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        P(b"abbreviations = [\n", "not valid TOML", id="broken-toml"),
        P(b'abbreviations = ["\xff"]\n', "not valid UTF-8", id="not-utf8"),
    ],
)
def test_an_unreadable_pack_file_is_one_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "sentences.toml"
    path.write_bytes(content)
    with pytest.raises(LangPackError) as info:
        load_pack(numcheck._clean.SentenceWords, path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and problem in message


def test_the_dump_of_a_pack_reads_back_the_same(tmp_path: Path) -> None:
    # the writer the tests above use is faithful: an unedited dump validates unchanged
    for name, model in PACKS.items():
        pack = load_pack(model, LANG / name)
        _write(tmp_path / name, pack.model_dump())
        assert load_pack(model, tmp_path / name) == pack


@pytest.mark.parametrize(
    ("words", "space", "matches", "misses"),
    [
        P(["so", "so far"], None, ["so far"], [], id="longest-first"),
        P(["a.m."], None, ["a.m."], ["axmx"], id="escaped"),
        P(["so far"], r"\s+", ["so  far", "so\nfar"], ["sofar"], id="spaces"),
    ],
)
def test_an_alternation_matches_its_words_whole(
    words: list[str], space: str | None, matches: list[str], misses: list[str]
) -> None:
    pattern = re.compile(f"(?:{alternation(words, space=space)})")
    for text in matches:
        found = pattern.match(text)
        assert found is not None and found.group() == text
    for text in misses:
        assert pattern.fullmatch(text) is None


_WORD = re.compile(r"[a-z][a-z'.\- ]*")


def _word_literals(tree: ast.Module) -> list[tuple[int, list[str]]]:
    """Set, frozenset, tuple, list and dict literals (and ``"...".split()`` calls) with
    three or more lowercase words: an English word set written in the code."""
    names = {  # attribute names and the values of a Literal type, not words
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id in ("__slots__", "__all__") for t in node.targets)
    } | {
        id(node.slice)
        for node in ast.walk(tree)
        if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("Literal")
    }
    found: list[tuple[int, list[str]]] = []
    for node in ast.walk(tree):
        strings: list[str] = []
        if id(node) in names:
            continue
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant)]
        elif isinstance(node, ast.Dict):
            strings = [k.value for k in node.keys if isinstance(k, ast.Constant)]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
        ):
            strings = str(node.func.value.value).split()
        words = [s for s in strings if isinstance(s, str) and _WORD.fullmatch(s)]
        if len(words) >= 3:
            found.append((node.lineno, words))
    return sorted(found)


@pytest.mark.parametrize("module", MOVED)
def test_no_moved_stage_keeps_a_word_set_inline(module: str) -> None:
    path = ROOT / "numcheck" / f"{module}.py"
    inline = [
        (line, words)
        for line, words in _word_literals(ast.parse(path.read_text(encoding="utf-8")))
        if (module, words[0]) not in ALLOWED
    ]
    assert inline == [], f"English words inline in {path.name}: move them to {LANG}"


def test_every_allowed_exception_is_still_there() -> None:
    # an exception whose literal has gone (moved to the pack) leaves the list
    found = {
        (module, words[0])
        for module in MOVED
        for _, words in _word_literals(
            ast.parse((ROOT / "numcheck" / f"{module}.py").read_text(encoding="utf-8"))
        )
    }
    assert set(ALLOWED) <= found, sorted(set(ALLOWED) - found)


def test_the_scan_finds_a_word_set() -> None:
    # the scan above is not blind: it finds each form of word set
    source = (
        'A = frozenset({"mr", "mrs", "dr"})\nB = "jan feb mar".split()\n'
        'C = {"a": 1, "b": 2, "c": 3}\n'
    )
    assert [line for line, _ in _word_literals(ast.parse(source))] == [1, 2, 3]


def _keys(model: type[PackModel], prefix: str = "") -> list[tuple[str, bool]]:
    """The keys of a pack file, dotted, each with whether it is a table of the model."""
    keys: list[tuple[str, bool]] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        sub = info.annotation
        if isinstance(sub, type) and issubclass(sub, PackModel):
            keys.append((path, True))
            keys.extend(_keys(sub, f"{path}."))
        else:
            keys.append((path, False))
    return keys


@pytest.mark.parametrize("name", sorted(PACKS))
def test_every_key_of_a_pack_file_says_what_it_is(name: str) -> None:
    # a header comment saying what reads the file; a comment over every word list or map
    lines = (LANG / name).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "numcheck/" in "".join(lines[:4])
    table = ""
    comments: dict[str, bool] = {}
    for index, line in enumerate(lines):
        header = re.fullmatch(r"\[([\w.]+)\]", line)
        key = re.match(r"(\w+) = ", line)
        path = header.group(1) if header else f"{table}{key.group(1)}" if key else None
        if header:
            table = f"{header.group(1)}."
        if path is not None:
            before = [x for x in lines[:index] if x.strip()]
            comments[path] = bool(before) and before[-1].startswith("#")
    missing = [
        path for path, is_table in _keys(PACKS[name]) if not is_table and not comments.get(path)
    ]
    assert missing == [], f"{name}: keys with no comment above them"
