"""Who says a figure: the claim's ``attribution`` (numcheck/_attribution.py).

The sentences and short articles are our own. An article is a list of sentences fed to
one :class:`Attributor` in order; the expected source is that of the last sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck._attribution import (
    RULES,
    Attributor,
    Sources,
    TextAttributor,
    build_sources,
    default_sources,
    read_attribution,
)

SENTENCES = [
    pytest.param(
        "At least 31,184 people have been killed, according to the health ministry in Gaza.",
        "Gaza health ministry",
        id="according-to-alias",
    ),
    pytest.param(
        "The Pentagon said 66 attacks had targeted US forces.", "Pentagon", id="x-said-name"
    ),
    pytest.param(
        "US Central Command said 24 service members suffered minor injuries.",
        "Central Command",
        id="alias-with-country",
    ),
    pytest.param(
        "CENTCOM had first reported 25 injured on Sunday.",
        "Central Command",
        id="auxiliaries-before-verb",
    ),
    pytest.param(
        "Gen. Pat Ryder, the Pentagon press secretary, said 21 personnel were hurt.",
        "Pentagon",
        id="person-then-title",
    ),
    pytest.param(
        "Deputy Pentagon Press Secretary Sabrina Singh said 59 were injured.",
        "Pentagon",
        id="title-then-person",
    ),
    pytest.param(
        "The acting defense secretary, Christopher Miller, said troops were down to 2,500.",
        "Pentagon",
        id="speaker-title",
    ),
    pytest.param(
        "Israel lowered its estimate to 1,200, a foreign ministry spokesman, Lior Haiat, "
        "said on Friday.",
        "Israel",
        id="said-on-friday-is-not-a-source",
    ),
    pytest.param(
        "Some 5.9 million refugees have left, the UN refugee agency said.", "UNHCR", id="unhcr"
    ),
    pytest.param(
        "Inflation eased to 2%, the Office for National Statistics said on Wednesday.",
        "ONS",
        id="ons-long-name",
    ),
    pytest.param(
        "The health ministry in Hamas-run Gaza has said 471 people died.",
        "Gaza health ministry",
        id="run-modifier-skipped",
    ),
    pytest.param(
        "The Israeli military, which disputes the count, told reporters it had killed 10,000.",
        "Israeli military",
        id="relative-clause-skipped",
    ),
    pytest.param(
        "The Iraq Body Count project says it has documented 112,017 deaths.",
        "IBC",
        id="study-by-name",
    ),
    pytest.param(
        "The Harbor Fisheries Board says 4,000 boats were idle.",
        "Harbor Fisheries Board",
        id="unlisted-organization-by-noun-phrase",
    ),
    pytest.param(
        "About 100,000 more people died, according to a survey published on Friday by the "
        "medical journal The Lancet.",
        "Lancet",
        id="according-to-survey-by",
    ),
    pytest.param(
        "Work and Pensions Secretary Mel Stride said inflation had been above 11%.",
        "Mel Stride",
        id="titled-person-without-organization",
    ),
    # guards: nobody
    pytest.param("Some 400 were hurt, said on Friday.", None, id="time-is-nobody"),
    pytest.param("About 2.8 million are in Russia, though Kyiv says more.", None, id="place"),
    pytest.param("He said 40 were killed.", None, id="pronoun-with-nothing-before"),
    pytest.param("Reports said 40 were killed.", None, id="reports-is-nobody"),
    pytest.param(
        "The number of refugees recorded across Europe reached 7.9 million.",
        None,
        id="passive-and-number-are-nobody",
    ),
    pytest.param("The ministry said 150 had been killed.", None, id="reference-to-nothing"),
    pytest.param("The United States keeps 2,500 troops in Iraq.", None, id="states-is-a-noun"),
]


@pytest.mark.parametrize(("sentence", "expected"), SENTENCES)
def test_sentence(sentence: str, expected: str | None) -> None:
    assert read_attribution(sentence) == expected


ARTICLES = [
    pytest.param(
        [
            "Deputy Pentagon Press Secretary Sabrina Singh said 55 attacks had been recorded.",
            "Singh said the department was tracking 59 injured personnel.",
        ],
        "Pentagon",
        id="surname-after-title",
    ),
    pytest.param(
        [
            "Brig. Gen. Pat Ryder, the Pentagon press secretary, said 21 were hurt.",
            "Nineteen of them had brain injuries, he said.",
        ],
        "Pentagon",
        id="pronoun-to-last-quoted",
    ),
    pytest.param(
        [
            "The death toll rose to 21,822, the Gaza health ministry said on Sunday.",
            "The ministry said 150 Palestinians had been killed in the past 24 hours.",
        ],
        "Gaza health ministry",
        id="the-ministry",
    ),
    pytest.param(
        [
            "The toll in the Gaza Strip rose to 21,822, the territory's health ministry said.",
        ],
        "Gaza health ministry",
        id="description-by-context",
    ),
    pytest.param(
        [
            "Israeli forces pushed deeper into Khan Younis on Monday.",
            "In early January the military said it had killed about 8,000 fighters.",
        ],
        "Israeli military",
        id="the-military-in-an-israeli-context",
    ),
    pytest.param(
        [
            "The Pentagon acknowledged that about 2,000 troops are in Syria.",
            "Army Col. Rob Manning told reporters the count was more accurate.",
            "Manning put the force in Iraq at about 5,200.",
        ],
        "Pentagon",
        id="ranked-officer-speaks-for-last-source",
    ),
    pytest.param(
        [
            "AUSTIN, Texas - Tesla delivered 405,278 vehicles in the quarter, the company "
            "said on Monday.",
        ],
        "Tesla",
        id="the-company-is-the-opening-name",
    ),
    pytest.param(
        [
            "The UN refugee agency counted 5.9 million refugees in Europe.",
            "The agency said 275,500 more had arrived during 2023.",
        ],
        "UNHCR",
        id="the-agency",
    ),
    pytest.param(
        [
            "Pentagon officials said 2,500 troops are in Iraq.",
            "The Gaza health ministry said 150 had been killed.",
            "The official said 66 troops had been injured.",
        ],
        "Gaza health ministry",
        id="official-is-the-last-quoted",
    ),
    pytest.param(
        [
            "Pentagon officials said 2,500 troops are in Iraq.",
            "The company said it had delivered 40,000 vehicles.",
        ],
        None,
        id="company-never-named",
    ),
    pytest.param(
        [
            "The Gaza health ministry said 21,822 people had been killed.",
            "Israeli strikes killed 178 people overnight.",
        ],
        None,
        id="no-spill-onto-the-next-sentence",
    ),
]


@pytest.mark.parametrize(("sentences", "expected"), ARTICLES)
def test_article_memory(sentences: list[str], expected: str | None) -> None:
    reader = Attributor()
    found = [reader.feed(sentence).main for sentence in sentences]
    assert found[-1] == expected


SCOPE = [
    pytest.param(
        "Israeli strikes killed 178 people and wounded 293 in a day, the ministry said, "
        "bringing the toll to 25,105.",
        ["178", "293", "25,105"],
        ["Gaza health ministry"] * 3,
        id="one-source-covers-the-list",
    ),
    pytest.param(
        "A 2006 study in The Lancet put deaths at about 655,000, while the Iraq Body Count "
        "project says it has documented 151,000.",
        ["655,000", "151,000"],
        ["Lancet", "IBC"],
        id="two-sources-by-clause",
    ),
    pytest.param(
        "Analysts had forecast about 457,000 deliveries, according to FactSet, while a "
        "consensus gathered from 30 analysts pointed to 443,027.",
        ["457,000", "443,027"],
        ["FactSet", "FactSet"],
        id="one-source-covers-the-sentence",
    ),
]


@pytest.mark.parametrize(("sentence", "figures", "expected"), SCOPE)
def test_scope_in_a_sentence(sentence: str, figures: list[str], expected: list[str]) -> None:
    reader = Attributor()
    reader.feed("The Gaza health ministry is in Gaza City.")
    said = reader.feed(sentence)
    assert [said.at(sentence.index(f)) for f in figures] == expected


def test_claims_carry_the_attribution_of_their_sentence() -> None:
    text = (
        "The Gaza health ministry said 21,822 people had been killed. "
        "Israeli strikes killed 178 people overnight. "
        "The ministry said 150 more had died."
    )
    claims = numcheck.extract(text, article_id="a")
    assert [(c.text, c.attribution) for c in claims] == [
        ("21,822", "Gaza health ministry"),
        ("178", None),
        ("150", "Gaza health ministry"),
    ]


def test_text_attributor_reads_sentences_without_figures() -> None:
    text = "Pentagon Press Secretary Sabrina Singh spoke first. Singh said 59 were hurt."
    spans = [(0, 51), (52, len(text))]
    assert TextAttributor(text, spans).at(text.index("59")) == "Pentagon"


def test_user_sources_extend_the_table(tmp_path: Path) -> None:
    words = tmp_path / "sources.toml"
    words.write_text(
        '[source."Harbor Authority"]\nnames = ["Port of Harbor", "HPA"]\nheads = ["authority"]\n',
        encoding="utf-8",
    )
    lexicon = numcheck.load_lexicon(words)
    text = "HPA said 4,000 ships called. The authority said 300 were tankers."
    claims = numcheck.extract(text, article_id="a", lexicon=lexicon)
    assert [c.attribution for c in claims] == ["Harbor Authority", "Harbor Authority"]


def test_bad_source_table_is_one_line(tmp_path: Path) -> None:
    words = tmp_path / "sources.toml"
    words.write_text('[source.X]\nnames = "not a list"\n', encoding="utf-8")
    with pytest.raises(numcheck.NumcheckError) as info:
        numcheck.load_lexicon(words)
    message = str(info.value)
    assert str(words) in message and "\n" not in message


def test_rules_are_named_and_ordered() -> None:
    names = [name for name, _ in RULES]
    assert names[0] == "known-name" and names[-1] == "noun-phrase"
    assert len(set(names)) == len(names)


@given(st.text(alphabet=st.sampled_from(list("ab ,.'\"-:;Said told XYZ0123")), max_size=300))
def test_any_text_gives_a_short_source_or_none(text: str) -> None:
    reader = Attributor()
    for sentence in (text, text):
        said = reader.feed(sentence)
        for item in said.said:
            assert item.source and len(item.source.split()) <= 10
        assert said.at(len(sentence) // 2) in {None, *(s.source for s in said.said)}


# -- names found only where a name may start -------------------------------------------
def _names_everywhere(sources: Sources, text: str) -> list[tuple[int, str]]:
    """The sources named in ``text``, the names pattern tried at every offset."""
    found = sources.names.finditer(text)
    return [(m.start(), sources._canonical(m.group(), sources.name_of)) for m in found]


_SOURCES = default_sources()
_NAME_FORMS = sorted(_SOURCES.name_of)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_NAME_FORMS),
            st.sampled_from(_NAME_FORMS).map(str.upper),
            st.sampled_from(_NAME_FORMS).map(lambda f: f.replace("'", "\u2019")),
            st.sampled_from(["the", "said", "-", "'", "x", "1", "\u0131", "\u017f", "\u212a"]),
        ),
        max_size=30,
    ),
    st.sampled_from([" ", "", "-", ", "]),
)
def test_names_found_where_they_may_start_are_those_found_everywhere(
    parts: list[str], joiner: str
) -> None:
    text = joiner.join(parts)
    assert _SOURCES.find(text) == _names_everywhere(_SOURCES, text)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("the Pentagon said", id="name"),
        pytest.param("the PENTAGON said", id="upper-case-one-word-name-is-none"),
        pytest.param("the health ministry in Gaza said", id="several-words"),
        pytest.param("the HEALTH MINISTRY IN GAZA said", id="several-words-any-case"),
        pytest.param("x-Pentagon said", id="after-a-hyphen-no-name"),
    ],
)
def test_names_found_where_they_may_start_on_written_texts(text: str) -> None:
    assert _SOURCES.find(text) == _names_everywhere(_SOURCES, text)


def test_a_table_whose_names_open_with_other_letters_tries_everywhere() -> None:
    sources = build_sources({"Médecins Sans Frontières": {"names": ["Ärzte ohne Grenzen"]}})
    assert sources.openings is None
    text = "according to ärzte ohne grenzen, 12 died"
    assert sources.find(text) == _names_everywhere(sources, text) != []
