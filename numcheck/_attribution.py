"""Who says a figure: the claim's ``attribution``.

Part of stage 4 (framing). An :class:`Attributor` reads an article sentence by sentence
in text order. In each sentence it finds the phrases that say who speaks (the *cues*):

- ``according-to``: "according to the UN refugee agency";
- ``inverted``: '..., said Col. Joe Buccino', '"...," said the spokesman';
- ``speaker-verb``: "the ministry said", "Pentagon figures revealed", "the Iraq Body
  Count project says", "analysts had forecast";
- ``possessive``: "the ministry's count", "the agency's figures";
- ``own`` (only in a sentence with none of the cues above): a company reporting what it
  does itself, the subject of "delivered", "produced", "built", "sold", "shipped",
  "handed over": a proper name ("For the full year, Tesla delivered ...", never a place
  or a passive) or a reference to a company ("The company produced ...");
- ``acting`` (only in a sentence with no cue above): a listed source, by name or short
  reference, that opens the sentence as the subject of an active verb does what it says
  ("The Bank has held interest rates at 5.25%" -> Bank of England);
- ``expected`` (only in a sentence with no cue above): the subject of "forecast",
  "predicted", "expected", "projected" ("the 4.8% economists had predicted"; never "is
  expected to").

The phrase a cue names is then read by the first of :data:`RULES` that applies:

1. ``known-name``: a name of a source of ``numcheck/data/sources.toml`` anywhere in it
   ("Deputy Pentagon Press Secretary Sabrina Singh" -> Pentagon; the person is remembered);
2. ``speaker-title``: a title of someone who speaks for a listed source ("the acting
   defense secretary" -> Pentagon);
3. ``person``: a person the article has tied to a source before ("Singh said");
4. ``pronoun``: "he said", "they said": the source the article last quoted;
5. ``short-reference``: "the ministry", "the company", "the authors": the last source the
   article (or the sentence, before the cue) named that the reference fits by its head
   noun; a company with no such source is the proper name that opens the sentence
   ("Tesla delivered ..., the company said"), else a company the article named as doing
   its own figures, else a proper name (never written in lowercase) that opened an
   earlier sentence ("Tesla's deliveries fell ... The company delivered ...");
6. ``official``: "official figures", "official data": the statistics office (a source
   with a ``place`` and the head "statistics office") of the place the sentence names,
   else of the one the article named last ("Britain's inflation ..., official figures
   showed" -> ONS);
7. ``spokesperson``: "a spokeswoman", "officials": a source named earlier in the sentence,
   else the source the article last quoted;
8. ``noun-phrase``: otherwise the cleaned phrase, when it names an organization or a
   proper name ("the Iraq Body Count project" -> "Iraq Body Count project"); a company's
   name after its description is the name ("Electric car maker Tesla" -> "Tesla").

Never sources: times ("said on Friday"), a place alone ("Kyiv says"), pronouns with
nothing to refer to, "reports", "figures", numbers, negated speech ("officials did not
say").

A sentence's source covers every figure of the sentence ("the ministry said" after a list
of figures covers them all); when a sentence has several, each figure takes the one of its
clause (clauses split at ";" and at "while", "whereas", ", but") and none if its clause
has none.

Article memory (:class:`TextAttributor`, which is told each figure's measure): a figure
in a sentence with no cue of its own takes the single source the article has given the
figures of its measure so far ("The episode pushed the death toll past 30,000" after the
ministry's tolls), or, when no figure of its measure has one, the single source of all
the article's figures so far ("Core inflation held at 6.5%" after the ONS's rate), or,
when no figure has one yet, the single source the whole article's cues name (a lede
before its source: "Inflation rocketed to 11.1 per cent." then "..., the ONS revealed";
an ``acting`` or ``expected`` source reports nothing but what it does or expects).
Never when the article has given two sources (the measure's, all figures' so far, or the
whole article's cues), never a forecast or a target (``...-forecast``, ``...-target``
measures are economists', analysts', a government's), never a sentence whose cue names
nobody the article knows.

Each sentence is read once, with precompiled patterns, so the work is linear in the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ._clean import Gate, fold
from ._langpack import LANG, PackModel, alternation, cover, load_pack
from ._lexicon import data_file
from ._time import MONTH_WORDS, WEEKDAY_WORDS

# -- the source table ---------------------------------------------------------------


@dataclass(frozen=True)
class Sources:
    """The compiled source table (see ``numcheck/data/sources.toml``)."""

    names: re.Pattern[str]
    """Every name of every source, longest first."""
    name_of: Mapping[str, str]
    """A matched name (as written for one-word names, lowercase otherwise) -> source."""
    speakers: re.Pattern[str]
    speaker_of: Mapping[str, str]
    heads: Mapping[str, frozenset[str]]
    """Source -> the head nouns of the short references that fit it."""
    places: frozenset[str] = frozenset()
    """Place names, never a source alone."""
    offices: re.Pattern[str] = re.compile(r"(?!)")
    """The names of the places of the statistics offices (sources with a ``place`` and the
    head "statistics office"): "official figures" in an article about one are its."""
    office_of: Mapping[str, str] = field(default_factory=dict)
    """A place's name (lowercase) -> its statistics office."""
    openings: tuple[re.Pattern[str], frozenset[str]] | None = None
    """Where a name may start (see :func:`_openings`): a character one may open with, not
    after a letter, and its first two letters (one for a name of one letter), folded;
    ``None``: anywhere."""

    def office(self, text: str) -> str | None:
        """The statistics office of the last place of one that ``text`` names."""
        found = [m.group() for m in self.offices.finditer(text)]
        return self.office_of.get(" ".join(found[-1].lower().split())) if found else None

    def find(self, text: str) -> list[tuple[int, str]]:
        """The listed sources named in ``text``: (offset, source) in text order."""
        name_of = self.name_of
        if self.openings is None:
            found = self.names.finditer(text)
            return [(m.start(), self._canonical(m.group(), name_of)) for m in found]
        # The names pattern tried only where a name may start: trying it everywhere
        # (every name at every place) is slow on long text.
        starts, heads = self.openings
        names = self.names
        sources: list[tuple[int, str]] = []
        end = 0
        for start in starts.finditer(text):
            at = start.start()
            if at < end:
                continue
            head = fold(text[at : at + 2]).replace("\u2019", "'")
            if head not in heads and head[:1] not in heads:
                continue
            match = names.match(text, at)
            if match is not None:
                sources.append((at, self._canonical(match.group(), name_of)))
                end = match.end()
        return sources

    def named(self, text: str) -> str | None:
        """The source whose name (or a speaker title) ``text`` holds; the first named."""
        found = self.names.search(text)
        if found is not None:
            return self._canonical(found.group(), self.name_of)
        found = self.speakers.search(text)
        if found is not None:
            return self._canonical(found.group(), self.speaker_of)
        return None

    @staticmethod
    def _canonical(matched: str, table: Mapping[str, str]) -> str:
        key = " ".join(matched.replace("\u2019", "'").split())
        return table.get(key) or table[key.lower()]


_NEVER = re.compile(r"(?!)")
_CAPITALIZED = re.compile(r"\b[A-Z][A-Za-z]{2,}")
_INSIDE_NAME = re.compile(r"(?<=[a-z,] )([A-Z][\w&-]+)")
_NOBODY = ""
"""What a rule returns for a phrase that names nobody the article knows: no later rule
is tried."""


def _alternation(forms: Iterable[str]) -> re.Pattern[str]:
    """One pattern for ``forms``: whole words, longest first; a one-word form as written,
    a longer one in any case."""
    parts: list[str] = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        body = r"\s+".join(re.escape(w).replace("'", "['\u2019]") for w in form.split())
        parts.append(body if " " in form.strip() else f"(?-i:{body})")
    if not parts:
        return _NEVER
    return re.compile(r"(?<![\w'-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def _openings(forms: Iterable[str]) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """What :attr:`Sources.openings` holds for ``forms``, or ``None`` when a form opens
    with letters other than ASCII (whose case the folding may not read as the pattern's)."""
    firsts: set[str] = set()
    heads: set[str] = set()
    for form in forms:
        word = form.split()[0]
        head = word[:2].lower()
        if not head.isascii():
            return None
        firsts.add(word[0])
        heads.add(head)
    if "'" in firsts:
        firsts.add("\u2019")
    if not firsts:
        return None
    chars = "".join(re.escape(char) for char in sorted(firsts))
    # a first character, where the names pattern's look-behind holds (no letter before)
    return re.compile(rf"[{chars}](?<![\w'-].)", re.IGNORECASE), frozenset(heads)


def _key(form: str) -> str:
    words = form.split()
    return words[0] if len(words) == 1 else " ".join(words).lower()


def build_sources(entries: Mapping[str, Mapping[str, Any]], places: Iterable[str] = ()) -> Sources:
    """Compile ``[source.NAME]`` tables (``names``, ``speakers``, ``heads``)."""
    name_of: dict[str, str] = {}
    speaker_of: dict[str, str] = {}
    heads: dict[str, frozenset[str]] = {}
    for name, entry in entries.items():
        for form in [name, *entry.get("names", [])]:
            name_of.setdefault(_key(form), name)
        for form in entry.get("speakers", []):
            speaker_of.setdefault(_key(form), name)
        heads[name] = frozenset(_head(h) for h in entry.get("heads", []))
    office_of: dict[str, str] = {}
    forms: list[str] = []
    for name, entry in entries.items():
        place = entry.get("place")
        if place and _STATISTICS_OFFICE in heads[name]:
            for form in [place, *_place_names(place)]:
                forms.append(form)
                office_of.setdefault(" ".join(form.lower().split()), name)
    return Sources(
        _alternation(" ".join(k.split()) for k in name_of),
        name_of,
        _alternation(speaker_of),
        speaker_of,
        heads,
        frozenset(places),
        _alternation(forms),
        office_of,
        _openings(name_of),
    )


_STATISTICS_OFFICE = "statistics office"


def _place_names(place: str) -> list[str]:
    """The packaged names of a place ("Britain", "UK" for the United Kingdom)."""
    from ._lexicon import default_lexicon

    return [" ".join(words) for words, name in default_lexicon().places.items() if name == place]


@lru_cache(maxsize=1)
def default_sources() -> Sources:
    """The packaged source table, with the packaged places."""
    from ._lexicon import default_lexicon

    places = {" ".join(p) for p in default_lexicon().places}
    return build_sources(data_file("sources.toml").get("source", {}), places)


# -- words --------------------------------------------------------------------------


class _Sets(PackModel):
    offices: list[str]
    published: list[str]
    auxiliaries: list[str]
    passive: list[str]
    breaks: list[str]
    relative: list[str]
    determiners: list[str]
    pronouns: list[str]
    titles: list[str]
    time_words: list[str]
    data_words: list[str]
    not_sources: list[str]
    speakers: list[str]
    ranks: list[str]
    role_words: list[str]
    organizations: list[str]
    negations: list[str]
    official: list[str]
    rivals: list[str]
    name_prepositions: list[str]
    not_time: list[str]
    definite: list[str]
    role_prepositions: list[str]
    data_participles: list[str]
    title_ends: list[str]
    head_synonyms: dict[str, str]


class _Patterns(PackModel):
    verbs: list[str]
    held_by: list[str]
    title_words: list[str]
    title_marks: list[str]
    possessed: list[str]
    clause_after_comma: list[str]
    clause_words: list[str]
    acting_adverbs: list[str]
    expected: list[str]
    own_verbs: list[str]


class AttributionWords(PackModel):
    """The shape of the attribution reader's language pack (every key required)."""

    sets: _Sets
    patterns: _Patterns


PACK = LANG / "attribution.toml"
"""The language pack of the attribution reader."""
_EN = load_pack(AttributionWords, PACK)
_S, _P = _EN.sets, _EN.patterns
_SPACES = r"\s+"


def _any(words: Iterable[str], space: str | None = None) -> str:
    """A non-capturing alternation of ``words`` (see :func:`numcheck._langpack.alternation`)."""
    return f"(?:{alternation(words, space=space)})"


def _either_case(word: str) -> str:
    """A pattern of ``word`` with its first letter in either case ("[Pp]ress")."""
    first = word[0]
    return f"[{first.upper()}{first.lower()}]{re.escape(word[1:])}" if first.isalpha() else word


_VERBS = alternation(_EN.patterns.verbs, space=r"\s+")
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_VERB_GATE = Gate(  # one of these is in every text _VERB matches (a sentence has none, mostly)
    _VERB,
    *cover(_EN.patterns.verbs),
)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,.;:()\"]{2,120}?)"
    r"(?=\s*(?:[,.;:()\"]|$)|\s+(?:on|in\s+\d|which|who|that|as\s+of|since)\b)",
    re.IGNORECASE,
)
_ACCORDING_GATE = Gate(_ACCORDING, "according")
_MODIFIER = re.compile(rf"\b[\w]+-{_any(_P.held_by)}\s+", re.IGNORECASE)
_HELD_BY = re.compile(rf"-{_any(_P.held_by)}$", re.IGNORECASE)
_OFFICES = frozenset(_S.offices)
"""Words of a title before a person's name: "Work and Pensions Secretary Mel Stride"."""
_TITLE_WORD = (
    "(?:"
    + "|".join(
        _either_case(word) for word in sorted(_P.title_words, key=lambda word: (-len(word), word))
    )
    + f"|{alternation(_P.title_marks)})"
)
_TITLE_AFTER = re.compile(
    rf"(?:\s+{_TITLE_WORD}){{1,5}}\s+(?P<person>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){{1,2}})"
)
_PERSON_BEFORE = re.compile(r"(?P<person>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2}),\s+(?:the|a|an)\s+$")
_PUBLISHED = frozenset(_S.published)
_BY_NAME = re.compile(
    r"[^,.;:()\"]{0,40}?\b(?:by|in)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}"
    r"(?P<who>[A-Z][\w&'-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w&'-]*){0,5})"
)
_INVERTED_WHO = re.compile(r"\s+(?P<who>[^,.;:\"()]{2,80}?)\s*(?=[,.;:\"()]|$)")
_POSSESSIVE = re.compile(
    rf"'s\s+(?:own\s+)?{_any(_P.possessed)}\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(
    rf";|,\s*{_any(_P.clause_after_comma)}\b|\s{_any(_P.clause_words)}\s", re.IGNORECASE
)
_PARTS = re.compile(r",|\s[-\u2014\u2013]+\s|:|\(|\)")
_WORD = re.compile(r"[\w'.-]+")

_AUXILIARIES = frozenset(_S.auxiliaries)
_PASSIVE = frozenset(_S.passive)
_BREAKS = frozenset(_S.breaks)
_RELATIVE = frozenset(_S.relative)
_DETERMINERS = frozenset(_S.determiners)
_PRONOUNS = frozenset(_S.pronouns)
_TITLES = frozenset(_S.titles)
_TIME_WORDS = frozenset((*_S.time_words, *WEEKDAY_WORDS, *MONTH_WORDS))
_NOT_TIME = frozenset(_S.not_time)
_DATA_WORDS = frozenset(_S.data_words)
_NOT_SOURCES = frozenset(_S.not_sources)
_SPEAKERS = frozenset(_S.speakers)
"""Words of a title that names a role, not who: "a senior official", "chief spokesman"."""
_RANKS = frozenset(_S.ranks)
"""Words of a military or official rank: a person named with one speaks for an office."""
_ROLE_WORDS = frozenset(_S.role_words)
_ORGANIZATIONS = frozenset(_S.organizations)
_HEAD_SYNONYMS = _S.head_synonyms
_COMPANY = "company"


def _head(word: str) -> str:
    lowered = " ".join(word.lower().split())
    return _HEAD_SYNONYMS.get(lowered, lowered)


# -- what a sentence says ----------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """One cue of a sentence: who it names, where, and the rule that read it."""

    start: int
    source: str
    rule: str


@dataclass(frozen=True)
class Attributions:
    """The sources a sentence names, and which of them each of its figures takes."""

    said: tuple[Said, ...] = ()
    clauses: tuple[int, ...] = ()
    """Offsets where the sentence's clauses after the first begin."""
    cued: bool = False
    """The sentence has a cue of its own (even one that names nobody the article knows:
    "according to a tally based on official figures"): article memory never covers it."""

    @property
    def main(self) -> str | None:
        """The sentence's source: its first cue's."""
        return self.said[0].source if self.said else None

    def at(self, offset: int) -> str | None:
        """The source of the figure at ``offset`` (in the sentence)."""
        if len({s.source for s in self.said}) <= 1:
            return self.main
        clause = bisect.bisect_right(self.clauses, offset)
        mine = [s for s in self.said if bisect.bisect_right(self.clauses, s.start) == clause]
        if not mine:
            return None
        return min(mine, key=lambda s: abs(s.start - offset)).source


@dataclass
class _Phrase:
    """A cue's phrase: its words, where it starts in the sentence, the parts before it
    (an apposition: "Gen. Pat Ryder, the Pentagon press secretary, said")."""

    text: str
    start: int
    before: list[str] = field(default_factory=list)


Rule = Callable[["Attributor", _Phrase], "str | None"]


class Attributor:
    """Reads one article's sources sentence by sentence, in text order (see the module
    docstring); remembers the sources and people the article has named.

    >>> reader = Attributor()
    >>> reader.feed("Pentagon Press Secretary Sabrina Singh said 59 were injured.").main
    'Pentagon'
    >>> reader.feed("Singh said 27 had brain injuries.").main
    'Pentagon'
    >>> reader.feed("The toll rose to 21,822, the health ministry in Gaza said.").main
    'Gaza health ministry'
    >>> reader.feed("The ministry said 150 had been killed on Friday.").main
    'Gaza health ministry'
    """

    def __init__(self, sources: Sources | None = None) -> None:
        self.sources = sources or default_sources()
        # sources the article named, each once, the last named last (a long article
        # names few sources many times: looking one up stays short)
        self._named: dict[str, None] = {}
        self._people: dict[str, str] = {}  # a person's name (and surname) -> source
        self._quoted: str | None = None  # the source the article last quoted
        self._companies: list[str] = []  # proper names opening sentences
        self._company_names: set[str] = set()  # sources the article shows to be companies
        self._openers: list[str] = []  # proper names (never lowercase) opening sentences
        self._lower: set[str] = set()  # the lowercase words of the article so far
        self._office: str | None = None  # the statistics office of the last place named
        self._here: list[tuple[int, str]] = []  # sources named in the current sentence
        self._opening: str | None = None  # the proper name opening the current sentence
        self._stems: dict[str, int] = {}  # stems of capitalized words -> last sentence
        self._count = 0  # sentences read
        self._inside: dict[str, int] = {}  # proper names used inside a sentence

    def feed(self, sentence: str) -> Attributions:
        """The sources of the next sentence of the article."""
        sentence = sentence.replace("\u2019", "'")
        self._count += 1
        for word in _CAPITALIZED.findall(sentence):
            self._stems[word[:5].lower()] = self._count
        self._here = self.sources.find(sentence)
        self._introduce(sentence)
        self._opening = _opening_name(sentence, self._inside, self.sources.places)
        for name in _INSIDE_NAME.findall(sentence):
            self._inside[name] = self._count
        self._lower.update(_LOWER_WORD.findall(sentence))
        self._office = self.sources.office(sentence) or self._office
        opener = _opening_name(sentence, {}, self.sources.places, anywhere=True)
        if (
            opener is not None
            and opener.lower() not in self._lower  # a proper name: never written lowercase
            and self.sources.named(opener) is None  # not a listed source
        ):
            self._openers.append(opener)
        own: list[Said] = []  # a company's own figures ("Tesla delivered ...")
        for phrase in _own_subjects(sentence, self.sources.places):
            item = self._read_cue([("own", phrase)])
            if item is not None:
                own.append(item)
                if phrase.text[:1].isupper():
                    self._company(item.source)
        said: list[Said] = []
        cued = False
        # in text order, each source said is one a later "it said" may refer to
        for choices in sorted(_cues(sentence), key=lambda choice: choice[0][1].start):
            cued = True
            item = self._read_cue(choices)
            if item is not None:
                said.append(item)
                bisect.insort(self._here, (item.start, item.source))
        if not cued:  # nobody is said to give the figures: the company's own
            said.extend(own)
        if not cued and not own:  # "The Bank has held rates at 5.25%": its own
            item = self._acting_source(sentence)
            if item is not None:
                said.append(item)
        if not cued and not said:  # "the 4.8% economists had predicted": theirs
            for found in _EXPECTED.finditer(sentence):
                subject = _subject_before(
                    sentence[max(0, found.start() - 200) : found.start()], found.start()
                )
                item = None if subject is None else self._read_cue([("expected", subject)])
                if item is not None:
                    said.append(item)
        said.sort(key=lambda s: s.start)
        for _, source in self._here:
            self._name(source)
        for item in said:
            self._name(item.source)
            self._quoted = item.source
        if self._opening is not None:
            self._companies.append(self._opening)
        clauses = tuple(m.start() for m in _CLAUSES.finditer(sentence)) if len(said) > 1 else ()
        return Attributions(tuple(said), clauses, cued)

    def _acting_source(self, sentence: str) -> Said | None:
        """A listed source that opens a sentence as the subject of an active verb ("The
        Bank has held interest rates at 5.25%", "The Pentagon will cut its force to
        900"): the figures of what it does are its own."""
        body = sentence.lstrip()
        dateline = _DATELINE.match(body)
        start = len(sentence) - len(body) + (dateline.end() if dateline else 0)
        found = _ACTING.match(sentence, start)
        if found is None or found.group("verb").lower() in _PASSIVE | _NEGATIONS:
            return None
        who = found.group("who")
        source = self.sources.named(who)
        if source is None and who.startswith(("The ", "the ")):
            source = _described(self, _Phrase(who.lower(), start))  # "The Bank": the bank
        if not source or source not in self.sources.heads:
            return None
        return Said(start, source, f"{_ACTING_RULE}listed-source")

    def _company(self, source: str) -> None:
        """Remember that ``source`` is a company: "the company" may stand for it."""
        self._company_names.add(source)
        self._companies.append(source)

    def _introduce(self, sentence: str) -> None:
        """Tie the people a sentence names with a listed source to it: "Pentagon Press
        Secretary Sabrina Singh", "Pat Ryder, the Pentagon press secretary"."""
        for start, source in self._here:
            title = _TITLE_AFTER.match(sentence, sentence.find(" ", start))
            if title is not None:
                self._tie(title.group("person"), source)
            before = _PERSON_BEFORE.search(sentence[max(0, start - 60) : start])
            if before is not None:
                self._tie(before.group("person"), source)

    def _tie(self, person: str, source: str) -> None:
        name = _person(person)
        if _is_person(name):
            self._people.setdefault(name, source)
            self._people.setdefault(name.split()[-1], source)

    def _read_cue(self, choices: list[tuple[str, _Phrase]]) -> Said | None:
        for kind, phrase in choices:
            for rule_name, rule in RULES:
                source = rule(self, phrase)
                if source is None:
                    continue
                if source == _NOBODY:
                    return None
                self._link_people(phrase, source)
                return Said(phrase.start, source, f"{kind}/{rule_name}")
        return None

    # -- memory

    def _name(self, source: str) -> None:
        self._named.pop(source, None)
        self._named[source] = None

    def _recall(self, head: str, before: int) -> str | None:
        """The last source named (in this sentence before ``before``, else earlier in the
        article) that a short reference with ``head`` fits."""
        for start, source in reversed(self._here):
            if start < before and self._fits(source, head):
                return source
        for source in reversed(self._named):
            if self._fits(source, head):
                return source
        return None

    def _in_context(self, head: str) -> str | None:
        """The listed source a reference with ``head`` fits whose name's first word the
        article used last ("the military" after "Israeli forces": the Israeli military)."""
        best: tuple[int, str] | None = None
        for source, heads in self.sources.heads.items():
            if head in heads:
                seen = self._stems.get(source.split()[0][:5].lower(), 0)
                if seen and (best is None or seen > best[0]):
                    best = (seen, source)
        return best[1] if best else None

    def _fits(self, source: str, head: str) -> bool:
        if head == _COMPANY and source in self._company_names:
            return True
        heads = self.sources.heads.get(source)
        if heads is None:  # a source named by its noun phrase: its last word
            return _head(source.split()[-1]) == head
        return head in heads

    def _link_people(self, phrase: _Phrase, source: str) -> None:
        """Remember the people a cue names with their source: "Pentagon Press Secretary
        Sabrina Singh", "Gen. Pat Ryder, the Pentagon press secretary"."""
        for text in [phrase.text, *phrase.before[-1:]]:
            person = _trailing_person(text)
            if person:
                self._people.setdefault(person, source)
                self._people.setdefault(person.split()[-1], source)


_ACTING = re.compile(
    r"(?P<who>(?:[Tt]he\s+)?[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3})\s+"
    rf"(?:{_any(_P.acting_adverbs)}\s+)*(?P<verb>[a-z]+)\b"
)
_EXPECTED = re.compile(rf"\b{_any(_P.expected)}\b(?!\s+to\b)")
"""What economists and analysts do: "the 4.8% economists had predicted"; never "is
expected to rise"."""
_ACTING_RULE = "acting/"
_NOT_REPORTERS = (_ACTING_RULE, "expected/")
_LOWER_WORD = re.compile(r"\b[a-z][a-z'-]+\b")
_DATELINE = re.compile(r"[A-Z][A-Za-z .,'()]{0,40}?\s[-\u2014\u2013]+\s")
_OPENING = re.compile(r"((?:[A-Z][\w&.'-]*\s+){0,3}?[A-Z][\w&'-]*)\s+[a-z]")


def _opening_name(
    sentence: str, seen: Mapping[str, int], places: frozenset[str], *, anywhere: bool = False
) -> str | None:
    """The proper name that opens a sentence as its subject ("Tesla delivered ...",
    "Tesla's deliveries fell"), past a dateline ("AUSTIN, Texas - "): a name the article
    has used inside a sentence before, or one right after a dateline (any name when
    ``anywhere``); ``None`` for a place, a time or a determiner."""
    body = sentence.lstrip()
    dateline = _DATELINE.match(body)
    if dateline is not None:
        body = body[dateline.end() :]
    found = _OPENING.match(body)
    if found is None:
        return None
    name = found.group(1).removesuffix("'s")
    first = name.split()[0].lower()
    if first in _DETERMINERS or first in _TIME_WORDS or first in _PRONOUNS or name in places:
        return None
    if name.lower() in _NOT_SOURCES or name.isupper():
        return None
    if dateline is None and name not in seen and not anywhere:
        return None
    return name


# -- cues ---------------------------------------------------------------------------


def _cues(sentence: str) -> Iterable[list[tuple[str, _Phrase]]]:
    """The cues of a sentence, each as the phrases it may name, best first."""
    choices: list[tuple[str, _Phrase]]
    folded = fold(sentence)  # (for the gates: most sentences hold no cue word)
    for found in _ACCORDING_GATE.finditer(sentence, folded):
        choices = [("according-to", _Phrase(found.group("who"), found.start("who")))]
        by = _BY_NAME.match(sentence, found.end())  # "a survey published on Friday by X"
        if by is not None and found.group("who").split()[-1].lower() in _PUBLISHED:
            choices.insert(0, ("according-to", _Phrase(by.group("who"), by.start("who"))))
        yield choices
    for found in _VERB_GATE.finditer(sentence, folded):
        before = sentence[max(0, found.start() - 200) : found.start()]
        choices = []
        if before.rstrip().endswith((",", '"')):  # '..., said the ministry.'
            after = _INVERTED_WHO.match(sentence, found.end())
            if after is not None and _speaks(after.group("who")):
                choices.append(("inverted", _Phrase(after.group("who"), after.start("who"))))
        phrase = _subject_before(before, found.start())
        if phrase is not None:
            choices.append(("speaker-verb", phrase))
        if choices:
            yield choices
    for found in _POSSESSIVE.finditer(sentence):
        before = sentence[max(0, found.start() - 120) : found.start()]
        phrase = _subject_before(before, found.start())
        if phrase is not None:
            yield [("possessive", phrase)]


def _speaks(who: str) -> bool:
    """An inverted cue's phrase may name someone: a few words, not "on Friday", "that
    ...", "it", "21 US personnel"."""
    words = who.split()
    return (
        0 < len(words) <= 6
        and words[0].lower() not in _TIME_WORDS | _BREAKS | _PRONOUNS
        and not any(ch.isdigit() for ch in who)
    )


def _subject_before(before: str, end: int) -> _Phrase | None:
    """The noun phrase right before a verb ("the Gaza health ministry said"), past
    auxiliaries ("had first reported"), with the parts before it that it may be in
    apposition with; ``None`` for a passive ("was recorded") or nothing."""
    parts = _PARTS.split(before)
    while parts and not parts[-1].strip():
        parts.pop()
    if not parts:
        return None
    words = parts[-1].split()
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    if not words and len(parts) > 1:  # "the agency, which ..., still lists"
        parts.pop()
        words = parts[-1].split()
    if not words or words[-1].lower() in _PASSIVE | _NEGATIONS:
        return None  # "was recorded"; "officials did not say"
    if words[0].lower() in _RELATIVE and len(parts) > 1:  # "X, which disputes Y, told"
        parts.pop()
        words = parts[-1].split()
    if words and words[-1].lower() in _PRONOUNS:  # "on a mission it says": the pronoun
        start = end - (len(before) - before.rfind(words[-1]))
        return _Phrase(words[-1], max(start, 0), [])
    taken: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lower = word.lower().strip("\"'")
        if any(ch.isdigit() for ch in word) or not lower:
            break
        if lower in _BREAKS and not _inside_name(words, index):
            break
        taken.append(word)
        inside = index > 0 and words[index - 1].lower() in _S.name_prepositions
        if (lower in _DETERMINERS and not inside) or len(taken) >= 10:
            break
    if not taken:
        return None
    text = " ".join(reversed(taken))
    start = end - (len(before) - before.rfind(taken[-1]))
    return _Phrase(text, max(start, 0), [p.strip() for p in parts[:-1] if p.strip()])


_OWN_VERB = re.compile(rf"\b{_any(_P.own_verbs, _SPACES)}\b")
"""What a company does and reports itself: "Tesla delivered ...", "the company built ..."."""
_PROPER = re.compile(r"[A-Z][\w&'.-]*$")
_NEGATIONS = frozenset(_S.negations)


def _own_subjects(sentence: str, places: frozenset[str]) -> Iterable[_Phrase]:
    """The companies a sentence with no cue says did what they report themselves: the
    proper name right before a verb of :data:`_OWN_VERB` ("For the full year, Tesla
    delivered", "Chinese rival BYD sold"), or a reference to a company ("The company
    produced", "the electric car maker handed over"). Never a place ("Russia produced"),
    a passive ("were delivered") or a negation ("did not deliver")."""
    for found in _OWN_VERB.finditer(sentence):
        parts = _PARTS.split(sentence[max(0, found.start() - 120) : found.start()])
        words = parts[-1].split() if parts else []
        while words and words[-1].lower() in _AUXILIARIES:
            words.pop()
        if not words or words[-1].lower() in _PASSIVE | _NEGATIONS:
            continue
        name: list[str] = []
        while words and _PROPER.match(words[-1]) and len(name) < 4:
            name.insert(0, words.pop())
        if name:
            while name and name[0].lower() in _DETERMINERS | _TIME_WORDS | _BREAKS:
                name.pop(0)  # "In May Tesla"; "The" opening a sentence
            text = " ".join(name)
            if not text or text in places or text.lower() in _NOT_SOURCES | _PRONOUNS:
                continue
        else:
            taken: list[str] = []
            while words and words[-1].lower() not in _DETERMINERS and len(taken) < 4:
                taken.insert(0, words.pop())
            heads = {_head(" ".join(taken[-2:])), _head(taken[-1])} if taken else set()
            if not words or _COMPANY not in heads:
                continue  # "the company", "the electric car maker"; not "Israeli strikes"
            text = " ".join([words[-1], *taken])
        yield _Phrase(text, sentence.rfind(text, 0, found.start()))


def _inside_name(words: Sequence[str], index: int) -> bool:
    """ "Work and Pensions": a joining word between two capitalized words."""
    if not 0 < index < len(words) - 1:
        return False
    return words[index - 1][:1].isupper() and words[index + 1][:1].isupper()


# -- reading a phrase ---------------------------------------------------------------


def _cleaned(text: str) -> list[str]:
    """A phrase's words without quotes, trailing times ("on Friday") and data words."""
    words = [w.strip("\"'") for w in text.split()]
    words = [w for w in words if w]
    for index, word in enumerate(words):
        if index and word.lower() in _TIME_WORDS - _NOT_TIME:
            words = words[:index]
            break
    while words and words[-1].lower() in _DATA_WORDS | _AUXILIARIES:
        words.pop()
    return words


def _known_name(reader: Attributor, phrase: _Phrase) -> str | None:
    """A listed source's name in the phrase, also past "-run"/"-led" modifiers ("the
    health ministry in Hamas-run Gaza")."""
    return reader.sources.named(phrase.text) or reader.sources.named(_MODIFIER.sub("", phrase.text))


def _person_title(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "Gen. Pat Ryder, the Pentagon press secretary, said": the title names the source;
    "a spokeswoman, Sabrina Singh, told": the person's, when known, else the title's."""
    if not phrase.before or not _is_person(phrase.text):
        return None
    known = _known_person(reader, phrase.text)
    if known is not None:
        return known
    title = _Phrase(phrase.before[-1], phrase.start)
    for rule in (_known_name, _described, _spokesperson):
        found = rule(reader, title)
        if found is not None:
            return found
    return None


def _known_person(reader: Attributor, text: str) -> str | None:
    name = _person(" ".join(_cleaned(text)))
    if not name:
        return None
    return reader._people.get(name) or reader._people.get(name.split()[-1])


def _person_rule(reader: Attributor, phrase: _Phrase) -> str | None:
    """A person the article tied to a source ("Singh said"); an officer or official by
    title the article has not tied ("Army Col. Rob Manning told reporters") speaks for
    the source the article last quoted."""
    known = _known_person(reader, phrase.text)
    if known is not None:
        return known
    words = _cleaned(phrase.text)
    if words and words[0].lower() in _RANKS and _is_person(" ".join(words)):
        return reader._quoted
    return None


def _pronoun(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "it said", "he added": a source named earlier in the sentence, else the one the
    article last quoted."""
    words = phrase.text.split()
    if words and words[-1].lower() in _PRONOUNS and len(words) <= 2:
        return _spokesperson_source(reader, phrase) or _NOBODY
    return None


def _described(reader: Attributor, phrase: _Phrase) -> str | None:
    """A source by a description: "the ministry", "the territory's health ministry", "the
    company", "the authors", "a foreign ministry spokesman": the last source named (in
    this sentence before the cue, else earlier) that its head noun fits; else a listed
    source that fits and whose name the article has used the first word of ("the
    military" in an article that says "Israeli"); a company is else the proper name that
    opens the sentence or an earlier one ("Tesla delivered ..., the company said")."""
    words = _cleaned(phrase.text)
    if len(words) > 1 and _is_person(" ".join(words[-2:])):
        words = words[:-2]  # "government spokesman Eylon Levy"
    if not words:
        return None
    definite = words[0].lower() in _S.definite
    rest = [w for w in words if w.lower() not in _DETERMINERS and w.lower() not in _RANKS]
    role = bool(rest) and rest[-1].lower() in _ROLE_WORDS
    while rest and rest[-1].lower() in _ROLE_WORDS:
        rest.pop()
    if not rest or not (definite or role) or any(w[:1].isupper() for w in rest):
        return None
    lowered = [w.lower() for w in rest]
    for size in range(min(3, len(lowered)), 0, -1):
        head = _head(" ".join(lowered[-size:]))
        found = reader._recall(head, phrase.start) or reader._in_context(head)
        if found is not None:
            return found
        if head == _COMPANY:
            known = reader._companies or reader._openers
            return reader._opening or (known[-1] if known else _NOBODY)
    if lowered[-1] in _ORGANIZATIONS or _head(lowered[-1]) in ("company", "authors"):
        return _NOBODY  # a reference to something the article has not named
    return None


_OFFICIAL = frozenset(_S.official)


def _official(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "official figures showed", "according to official data": the statistics office
    of the place the sentence names, else of the place the article named last ("Britain's
    inflation ..., official figures showed" -> ONS)."""
    words = [w.lower().strip("\"'") for w in phrase.text.split()]
    words = [w for w in words if w and w not in _DETERMINERS]
    if "official" not in words or not set(words) & _DATA_WORDS:
        return None
    if not set(words) <= _OFFICIAL | _DATA_WORDS:
        return None
    return reader._office


def _spokesperson_source(reader: Attributor, phrase: _Phrase) -> str | None:
    for start, source in reversed(reader._here):
        if start < phrase.start:
            return source
    return reader._quoted


def _spokesperson(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "a spokeswoman", "officials", "the official", "chief spokesman Sean Parnell": a
    source named earlier in the sentence, else the one the article last quoted."""
    words = _cleaned(phrase.text)
    if not any(w.lower() in _ROLE_WORDS for w in words):
        return None
    person = _trailing_person(" ".join(words))
    if person is not None:
        words = words[: len(words) - len(person.split())]
    other = [w for w in words if w.lower() not in _SPEAKERS | _DETERMINERS | _TITLES | _RANKS]
    if other:
        return None
    return _spokesperson_source(reader, phrase) or _NOBODY


def _noun_phrase(reader: Attributor, phrase: _Phrase) -> str | None:
    """A source not in the table, by its cleaned noun phrase: determiners and
    "-run"/"-led" modifiers dropped, "X in PLACE" as "PLACE X", a study's "by X" as X."""
    words = _cleaned(phrase.text)
    company = _described_company(words)
    if company is not None and company not in reader.sources.places:
        reader._company(company)
        return company  # "electric car maker Tesla", "Chinese rival BYD"
    person = _trailing_person(" ".join(words))
    if person is not None and len(words) > len(person.split()):
        title = {w.lower() for w in words[: len(words) - len(person.split())]}
        if title & (_OFFICES | _RANKS):
            return person  # "Work and Pensions Secretary Mel Stride": the person
    while words and words[-1].lower() in _ROLE_WORDS:
        words.pop()  # "Interior Ministry spokesman"
    lowered = [w.lower() for w in words]
    if len(lowered) > 2 and lowered[0] in _ROLE_WORDS and lowered[1] in _S.role_prepositions:
        words, lowered = words[2:], lowered[2:]  # "a spokesman for the security services"
    for marker in ("by", "from"):
        if marker in lowered[1:]:
            at = len(lowered) - 1 - lowered[::-1].index(marker)
            words, lowered = words[at + 1 :], lowered[at + 1 :]
    words = [w for w in words if w.lower() not in _DETERMINERS]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w for w in words if not _HELD_BY.search(w)]
    while words and words[-1].lower() in _S.data_participles:
        words.pop()
    if not words or words[0].lower() in _NOT_SOURCES or words[0].lower() in _PRONOUNS:
        return None
    if any(ch.isdigit() for ch in "".join(words)) or len(words) > 6:
        return None
    lowered = [w.lower() for w in words]
    if "in" in lowered[1:]:  # "health ministry in Kabul" is the Kabul health ministry
        at = lowered.index("in", 1)
        words = [*words[at + 1 :], *words[:at]]
        lowered = [w.lower() for w in words]
    name = " ".join(words)
    if name in reader.sources.places or lowered[0] in _TIME_WORDS:
        return None  # a place alone ("Kyiv says") or a time is nobody
    organization = any(w in _ORGANIZATIONS for w in lowered)
    proper = words[0][:1].isupper() or words[-1][:1].isupper()
    if not (organization or proper):
        return None
    return name


_RIVALS = frozenset(_S.rivals)


def _described_company(words: Sequence[str]) -> str | None:
    """The proper name after a description of a company: "Electric car maker Tesla" ->
    "Tesla", "Chinese rival BYD" -> "BYD"."""
    name: list[str] = []
    index = len(words) - 1
    while index > 0 and _PROPER.match(words[index]) and len(name) < 3:
        name.insert(0, words[index])
        index -= 1
    if not name or index < 0 or len(name) == len(words):
        return None
    word = words[index].lower()
    if _head(word) == _COMPANY or word in _RIVALS:
        return " ".join(name)
    return None


RULES: tuple[tuple[str, Rule], ...] = (
    ("known-name", _known_name),
    ("person-title", _person_title),
    ("person", _person_rule),
    ("pronoun", _pronoun),
    ("described", _described),
    ("official", _official),
    ("spokesperson", _spokesperson),
    ("noun-phrase", _noun_phrase),
)
"""The rules that read a cue's phrase, in order: the first that returns a source decides
(an empty string: the phrase names nobody the article knows, and no later rule is tried)."""


# -- people -------------------------------------------------------------------------

_NAME_WORD = re.compile(r"(?:[A-Z][\w'-]*|al-[A-Z][\w'-]*|bin|van|von|de|el-[A-Z][\w'-]*)$")


def _person(text: str) -> str:
    """A person's name without titles: "Brig. Gen. Pat Ryder" -> "Pat Ryder"."""
    words = [w.strip(",\"'") for w in text.split()]
    while words and words[0].lower() in _TITLES | _RANKS | _DETERMINERS:
        words.pop(0)
    return " ".join(words)


def _is_person(text: str) -> bool:
    """Two to four capitalized words, past titles: "Sabrina Singh", "Gen. Pat Ryder"."""
    words = _person(text).split()
    return 2 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def _trailing_person(text: str) -> str | None:
    """The person's name that ends a title: "Deputy Pentagon Press Secretary Sabrina
    Singh" -> "Sabrina Singh"; a name alone is itself."""
    words = [w.strip(",\"'") for w in text.split()]
    words = [w for w in words if w]
    if len(words) < 2:
        return None
    last_two = " ".join(words[-2:])
    if not _is_person(last_two):
        return None
    if len(words) > 2 and words[-3].lower() not in _TITLES and _is_person(" ".join(words[-3:])):
        candidate = " ".join(words[-3:])
    else:
        candidate = last_two
    # "Pentagon Press Secretary Sabrina Singh": the title's last word is not a name
    if candidate.split()[0].lower() in _S.title_ends:
        candidate = last_two
    return candidate


# -- the framer's entry points --------------------------------------------------------


_MODAL = ("-forecast", "-target")
"""Measures of what is expected or aimed at: economists', analysts', a government's;
article memory never covers them."""


class TextAttributor:
    """An :class:`Attributor` over an article's text and sentence spans, read lazily:
    asking for the source of a figure reads every sentence up to the figure's, once.

    Article memory: a figure in a sentence with no cue of its own takes the single source
    the article has given the figures of its measure so far; when no figure of its measure
    has a source yet, the single source of all the article's figures so far; when no
    figure has one yet, the single source the whole article's cues name. Two sources (of
    the measure, of all figures so far, or of the article), a forecast or a target: none.

    >>> text = "The ONS said inflation rose to 4%. Core inflation held at 5%."
    >>> reader = TextAttributor(text, [(0, 34), (35, len(text))])
    >>> reader.at(text.index("4%"), "inflation"), reader.at(text.index("5%"), "core")
    ('ONS', 'ONS')
    """

    def __init__(
        self, text: str, sentences: Sequence[tuple[int, int]], sources: Sources | None = None
    ) -> None:
        self._reader = Attributor(sources)
        self._text = text
        self._sentences = sentences
        self._starts = [start for start, _ in sentences]
        self._read: list[Attributions] = []
        self._of_measure: dict[str, set[str]] = {}  # measure -> the sources of its figures
        self._of_all: set[str] = set()  # the sources of all the figures so far
        self._article: set[str] | None = None  # the sources the whole article's cues name

    def at(self, offset: int, measure: str | None = None) -> str | None:
        """The source of the figure at ``offset`` of the text; ``measure`` (its measure or
        unit, when known) lets article memory cover it (see the class docstring). Ask in
        the order of the figures."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        while len(self._read) <= index:
            start, end = self._sentences[len(self._read)]
            self._read.append(self._reader.feed(self._text[start:end]))
        said = self._read[index]
        source = said.at(offset - self._sentences[index][0]) or None
        if measure is not None and measure.endswith(_MODAL):
            return source
        if source is not None:
            if measure is not None:
                self._of_measure.setdefault(measure, set()).add(source)
            self._of_all.add(source)
            return source
        if said.cued:
            return None
        known = self._of_measure.get(measure or "") or self._of_all or self._named_in_all()
        return next(iter(known)) if len(known) == 1 else None

    def _named_in_all(self) -> set[str]:
        """The sources the whole article's cues name (for a figure before any has one:
        "Inflation rocketed to 11.1 per cent" before "..., the ONS revealed"); a source
        acting ("The Bank has held rates at 5.25%") or expecting ("economists had
        predicted") reports nothing else."""
        if self._article is None:  # read the rest of the article once
            while len(self._read) < len(self._sentences):
                start, end = self._sentences[len(self._read)]
                self._read.append(self._reader.feed(self._text[start:end]))
            self._article = {
                item.source
                for said in self._read
                for item in said.said
                if not item.rule.startswith(_NOT_REPORTERS)
            }
        return self._article


def read_attribution(sentence: str, sources: Sources | None = None) -> str | None:
    """Who one sentence, read on its own, says gives its figures.

    >>> read_attribution("At least 31,184 people have been killed, according to the "
    ...                  "health ministry in Gaza.")
    'Gaza health ministry'
    >>> read_attribution("The Pentagon said 66 attacks had targeted US forces.")
    'Pentagon'
    >>> read_attribution("Israel lowered its estimate, a spokesman said on Friday.")
    'Israel'
    """
    return Attributor(sources).feed(sentence).main or None
