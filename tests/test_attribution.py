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
    pytest.param(", which said 5 people died.", None, id="a-relative-clause-with-nothing-before"),
    pytest.param(
        "A StreetAccount poll had pointed to 504,770.",
        "StreetAccount poll",
        id="pointed-to-is-a-cue",
    ),
    pytest.param(
        "The US keeps 2,500 troops in Iraq on a mission it says advises local forces.",
        None,
        id="a-pronoun-with-nobody-to-refer-to-is-nobody",
    ),
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
    pytest.param(
        "For the full year, Northwind Motors delivered 1.3 million vehicles.",
        "Northwind Motors",
        id="own-figures-of-a-company",
    ),
    pytest.param(
        "In the previous quarter Northwind had delivered 48,000 cars.",
        "Northwind",
        id="own-figures-past-a-time-and-auxiliary",
    ),
    pytest.param(
        "Chinese rival Eastwind sold 52,000 vehicles.", "Eastwind", id="own-figures-of-a-rival"
    ),
    pytest.param(
        "Northwind delivered 40,000 vehicles, analysts estimated.",
        "analysts",
        id="a-speaker-beats-own-figures",
    ),
    pytest.param(
        "Electric car maker Northwind reported deliveries of 49,000 vehicles.",
        "Northwind",
        id="description-before-a-company-name",
    ),
    pytest.param(
        "Britain's jobless rate rose to 4.3% in May, official figures showed on Tuesday.",
        "ONS",
        id="official-figures-of-a-place",
    ),
    pytest.param(
        "Unemployment in the US rose to 4.1%, according to official data.",
        "BLS",
        id="official-data-of-another-place",
    ),
    pytest.param(
        "The UN refugee agency, which cannot verify the crossings, still lists 2.8 million.",
        "UNHCR",
        id="subject-before-a-relative-clause-and-adverb",
    ),
    pytest.param(
        "The Pentagon will cut its force in Syria to 900.", "Pentagon", id="listed-source-acting"
    ),
    pytest.param(
        "The drop was bigger than the 4.8% economists had predicted.",
        "economists",
        id="expected-by-economists",
    ),
    # guards: nobody
    pytest.param("The toll is expected to rise above 40.", None, id="expected-to-is-no-cue"),
    pytest.param("The Harbor Board cut 40 jobs.", None, id="acting-only-a-listed-source"),
    pytest.param(
        "Inflation rose to 4.3% in May, official figures showed.", None, id="official-no-place"
    ),
    pytest.param("An official said 40 were hurt in Britain.", None, id="an-official-is-no-office"),
    pytest.param("Russia produced 3 million shells last year.", None, id="own-not-a-place"),
    pytest.param("About 40,000 vehicles were delivered in May.", None, id="own-not-passive"),
    pytest.param("Israeli strikes killed 178 people.", None, id="own-only-company-verbs"),
    pytest.param(
        "Officials did not say how many of the 2,500 troops would leave.",
        None,
        id="negated-speech-is-nobody",
    ),
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
            "Inflation is twice the Bank of England's 2% target.",
            "The Bank has held rates at 5.25%.",
        ],
        "Bank of England",
        id="a-listed-source-by-reference-acting",
    ),
    pytest.param(
        ["The Bank of England set its rate at 5%.", "The Bank was criticised over 40 errors."],
        None,
        id="a-listed-source-acted-upon-is-nobody",
    ),
    pytest.param(
        ["Prices in the UK rose again in May.", "Inflation hit 4.3%, official figures showed."],
        "ONS",
        id="official-figures-of-the-place-named-before",
    ),
    pytest.param(
        ["Northwind Motors delivered 40,000 vehicles in May.", "The company built 42,000."],
        "Northwind Motors",
        id="own-figures-of-the-company",
    ),
    pytest.param(
        ["Northwind's deliveries fell in 2024.", "The company delivered 1,789,226 vehicles."],
        "Northwind",
        id="the-company-is-a-proper-name-opening-a-sentence",
    ),
    pytest.param(
        ["Northwind Motors built 12,000 cars in May, the company said."],
        "Northwind Motors",
        id="the-company-is-the-builder-of-its-sentence",
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
        "consensus gathered by Visible Alpha pointed to 443,027.",
        ["457,000", "443,027"],
        ["FactSet", "Visible Alpha"],
        id="a-second-source-in-a-while-clause",
    ),
    pytest.param(
        "Some 40 troops were injured and 12 were killed, the Pentagon said.",
        ["40", "12"],
        ["Pentagon", "Pentagon"],
        id="one-source-covers-the-sentence",
    ),
]


@pytest.mark.parametrize(("sentence", "figures", "expected"), SCOPE)
def test_scope_in_a_sentence(sentence: str, figures: list[str], expected: list[str]) -> None:
    reader = Attributor()
    reader.feed("The Gaza health ministry is in Gaza City.")
    said = reader.feed(sentence)
    assert [said.at(sentence.index(f)) for f in figures] == expected


MEMORY = [
    pytest.param(
        "The Gaza health ministry said 21,822 people had been killed. "
        "Israeli strikes killed 178 people overnight. "
        "The ministry said 150 more had died.",
        ["Gaza health ministry"] * 3,
        id="single-source-of-the-measure",
    ),
    pytest.param(
        "The Office for National Statistics said inflation rose to 4.6% in October. "
        "Core inflation held at 5.7%.",
        ["ONS", "ONS"],
        id="single-source-of-all-figures",
    ),
    pytest.param(
        "Northwind Motors delivered 40,000 vehicles in May. "
        "Production in the month reached 42,000 vehicles.",
        ["Northwind Motors", "Northwind Motors"],
        id="a-company-covers-its-production",
    ),
    pytest.param(
        "Inflation rocketed to 11.1% in October. "
        "Prices rose 2% in the month, the Office for National Statistics said.",
        ["ONS", "ONS"],
        id="a-lede-before-the-article-single-source",
    ),
    pytest.param(
        "Inflation fell to 4.6% in October. "
        "Core inflation eased to 5.7%, the Office for National Statistics said. "
        "The Bank of England has held its rate at 5.25%.",
        ["ONS", "ONS", "Bank of England"],
        id="a-lede-past-a-source-acting",
    ),
    pytest.param(
        "Inflation fell to 4.6% in October. "
        "That was below the 4.8% economists had predicted. "
        "Core inflation eased to 5.7%, the Office for National Statistics said.",
        ["ONS", "economists", "ONS"],
        id="a-lede-past-a-forecast",
    ),
    pytest.param(
        "Inflation rocketed to 11.1% in October. "
        "Prices rose 2% in the month, the Office for National Statistics said. "
        "The Bank of England said it would raise its rate to 3%.",
        [None, "ONS", "Bank of England"],
        id="never-a-lede-in-an-article-of-two-sources",
    ),
    pytest.param(
        "The Gaza health ministry said 21,822 people had been killed. "
        "The Israeli military said 1,200 people had been killed. "
        "Another 40 people were killed overnight.",
        ["Gaza health ministry", "Israeli military", None],
        id="never-two-sources-of-the-measure",
    ),
    pytest.param(
        "The Office for National Statistics said inflation rose to 4.6% in October. "
        "The rate had been 4.8%, the Bank of England said in a report. "
        "Core inflation held at 5.7%.",
        ["ONS", "Bank of England", None],
        id="never-two-sources-of-all-figures",
    ),
    pytest.param(
        "The Office for National Statistics said inflation rose to 4.6% in October. "
        "A rate of 4.8% had been forecast.",
        ["ONS", None],
        id="never-a-forecast",
    ),
    pytest.param(
        "The Gaza health ministry said 21,822 people had been killed. "
        "At least 1,139 people were killed in the attack, according to a tally based on "
        "official figures.",
        ["Gaza health ministry", None],
        id="never-a-sentence-with-a-cue-of-its-own",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MEMORY)
def test_article_memory_covers_figures_without_a_cue(text: str, expected: list[str | None]) -> None:
    claims = numcheck.extract(text, article_id="a")
    assert [c.attribution for c in claims] == expected


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


def test_it_is_the_source_said_before_in_its_sentence() -> None:
    text = (
        "Israeli forces have killed more than 12,000 militants, a government spokesman said on "
        "Monday. In January the military said it had killed about 8,000 fighters, and at the "
        "end of the month it put the number at about 9,000."
    )
    claims = {c.text: c for c in numcheck.extract(text, published="2024-02-12")}
    assert claims["about 9,000"].attribution == claims["about 8,000"].attribution
    assert claims["about 9,000"].attribution == "Israeli military"


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
