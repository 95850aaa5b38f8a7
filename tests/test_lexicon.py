"""Users extend the measures, actors and places with their own TOML files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_cli import run
from test_rules import toml_document, toml_values

import numcheck
from numcheck import LexiconError

EXTRA = """
cities = ["Naqoura"]

[measure.police]
nouns = ["police officers", "policemen", "police"]

[measure.troops]  # replaces the packaged entry
nouns = ["troops", "peacekeepers"]

[actor.UNIFIL]
names = ["UNIFIL"]
"""


@pytest.fixture
def extra(tmp_path: Path) -> Path:
    path = tmp_path / "words.toml"
    path.write_text(EXTRA, encoding="utf-8")
    return path


def test_user_file_adds_measures_actors_and_places(extra: Path) -> None:
    lexicon = numcheck.load_lexicon(extra)
    text = "UNIFIL has 10,000 peacekeepers and 300 police officers in Naqoura."
    got = [(c.text, c.unit, c.subject, c.location) for c in numcheck.extract(text, lexicon=lexicon)]
    assert got == [
        ("10,000", "troops", "UNIFIL", "Naqoura"),
        ("300", "police", "UNIFIL", "Naqoura"),
    ]
    # Without the file, "peacekeepers" is only a plain plural noun and UNIFIL is unknown.
    [first, _] = numcheck.extract(text)
    assert (first.unit, first.subject) == ("peacekeepers", None)


def test_replaced_measure_loses_its_old_forms(extra: Path) -> None:
    lexicon = numcheck.load_lexicon(extra)
    [claim] = numcheck.extract("They sent 500 soldiers.", lexicon=lexicon)
    assert claim.unit == "soldiers"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param("[measure.x]\nnouns = 'one'\n", "measure.x.nouns", id="not-a-list"),
        pytest.param("[measure.x]\nnounz = ['a']\n", "measure.x.nounz", id="unknown-key"),
        pytest.param("[actor.y]\nhome = 3\n", "actor.y.home", id="wrong-type"),
        pytest.param("[measure\n", "not valid TOML", id="bad-toml"),
        pytest.param(
            b"cities = ['Bogot\xe1']\n", "not valid UTF-8 (byte 0xE1 at offset 16)", id="latin-1"
        ),
        pytest.param(b"x = " + b"[" * 3000 + b"]" * 3000, "nested too deeply", id="deep"),
    ],
)
def test_invalid_files_name_file_and_key(
    tmp_path: Path, content: str | bytes, problem: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(LexiconError) as caught:
        numcheck.load_lexicon(path)
    assert str(path) in str(caught.value)
    assert problem in str(caught.value)


def test_cli_lexicon_option(tmp_path: Path, extra: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("UNIFIL has 10,000 peacekeepers in Naqoura.", encoding="utf-8")
    result = run("extract", str(article), "--lexicon", str(extra), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    claim = numcheck.Claim.model_validate_json(result.stdout)
    assert claim.key == "troops|UNIFIL|Naqoura"
    bad = run("extract", str(article), "--lexicon", str(tmp_path / "missing.toml"))
    assert bad.returncode == 2
    assert "missing.toml: cannot read word lists" in bad.stderr


FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
GROUPS = ["measure", "actor", "countries", "regions", "cities", "aliases"]
FIELDS = ["nouns", "verbs", "cumulative", "compare", "home", "names", "adjectives"]
word_lists = st.dictionaries(
    st.sampled_from(GROUPS),
    st.lists(st.text(max_size=6), max_size=3)
    | st.dictionaries(
        st.text(max_size=6),
        st.dictionaries(st.sampled_from(FIELDS), st.lists(st.text(max_size=8)) | toml_values)
        | st.lists(st.text(max_size=8)),
        max_size=3,
    ),
    max_size=4,
)


def lexicon_outcome(path: Path) -> numcheck.Lexicon | LexiconError:
    try:
        return numcheck.load_lexicon(path)
    except LexiconError as exc:
        return exc


@FUZZ
@given(data=st.binary(max_size=200))
@example(data=b"[measure.x]\nnouns = ['']\n")
def test_fuzz_random_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "words.toml"
    path.write_bytes(data)
    result = lexicon_outcome(path)
    if isinstance(result, LexiconError):
        assert str(result).startswith(f"{path}: ") and "\n" not in str(result)


@FUZZ
@given(table=word_lists)
@example(table={"measure": {"x": {"nouns": ["", "!"]}}, "cities": [""]})
def test_fuzz_word_list_tables(tmp_path: Path, table: dict[str, Any]) -> None:
    path = tmp_path / "words.toml"
    path.write_text(toml_document(table), encoding="utf-8", errors="surrogatepass")
    result = lexicon_outcome(path)
    if isinstance(result, LexiconError):
        assert str(result).startswith(f"{path}: ") and "\n" not in str(result)
    else:
        numcheck.extract("Some 300 police officers and 5 troops were in Naqoura.", lexicon=result)
