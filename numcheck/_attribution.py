"""Who says a figure: the claim's ``attribution``.

Part of stage 4 (framing). An :class:`Attributor` reads an article sentence by sentence
in text order. In each sentence it finds the phrases that say who speaks (the *cues*):

- ``according-to``: "according to the UN refugee agency";
- ``inverted``: '..., said Col. Joe Buccino', '"...," said the spokesman';
- ``speaker-verb``: "the ministry said", "Pentagon figures revealed", "the Iraq Body
  Count project says", "analysts had forecast";
- ``possessive``: "the ministry's count", "the agency's figures".

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
   ("Tesla delivered ..., the company said");
6. ``spokesperson``: "a spokeswoman", "officials": a source named earlier in the sentence,
   else the source the article last quoted;
7. ``noun-phrase``: otherwise the cleaned phrase, when it names an organization or a
   proper name ("the Iraq Body Count project" -> "Iraq Body Count project").

Never sources: times ("said on Friday"), a place alone ("Kyiv says"), pronouns with
nothing to refer to, "reports", "figures", numbers.

A sentence's source covers every figure of the sentence ("the ministry said" after a list
of figures covers them all); when a sentence has several, each figure takes the one of its
clause (clauses split at ";" and at "while", "whereas", ", but") and none if its clause
has none. Each sentence is read once, with precompiled patterns, so the work is linear in
the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ._lexicon import data_file

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

    def find(self, text: str) -> list[tuple[int, str]]:
        """The listed sources named in ``text``: (offset, source) in text order."""
        name_of = self.name_of
        return [(m.start(), self._canonical(m.group(), name_of)) for m in self.names.finditer(text)]

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
    return Sources(
        _alternation(" ".join(k.split()) for k in name_of),
        name_of,
        _alternation(speaker_of),
        speaker_of,
        heads,
        frozenset(places),
    )


@lru_cache(maxsize=1)
def default_sources() -> Sources:
    """The packaged source table."""
    return build_sources(data_file("sources.toml").get("source", {}))


# -- words --------------------------------------------------------------------------

_VERBS = (
    r"said|says|say|told|tells|reported|reports|estimated|estimates|estimate|counted|"
    r"recorded|records|put|puts|announced|announces|confirmed|confirms|acknowledged|"
    r"admitted|admits|revealed|reveals|claimed|claims|stated|states|added|wrote|writes|"
    r"insists|insisted|noted|found|documented|cited|listed|lists|showed|show|shows|"
    r"forecast|predicted|expected|estimating"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.IGNORECASE)
_ACCORDING = re.compile(
    r"\baccording\s+to\s+(?P<who>[^,.;:()\"]{2,120}?)"
    r"(?=\s*(?:[,.;:()\"]|$)|\s+(?:on|in\s+\d|which|who|that|as\s+of|since)\b)",
    re.IGNORECASE,
)
_INVERTED_WHO = re.compile(r"\s+(?P<who>[^,.;:\"()]{2,80}?)\s*(?=[,.;:\"()]|$)")
_POSSESSIVE = re.compile(
    r"'s\s+(?:own\s+)?(?:count|counts|tally|figures?|data|estimates?|numbers?|records?|toll)\b",
    re.IGNORECASE,
)
_CLAUSES = re.compile(r";|,\s*(?:while|whereas|but)\b|\s(?:while|whereas)\s", re.IGNORECASE)
_PARTS = re.compile(r",|\s[-\u2014\u2013]+\s|:|\(|\)")
_WORD = re.compile(r"[\w'.-]+")

_AUXILIARIES = frozenset(
    "has have had also first now still later previously earlier already then separately "
    "further would will could may might had't has't would've reportedly initially".split()
)
_PASSIVE = frozenset("was were is are be been being".split())
_BREAKS = frozenset(
    "and but while whereas as that because when where which who whom whose if though "
    "although so than since after before until unless whether what how why or nor "
    "said says told reported to".split()
)
_RELATIVE = frozenset("which who whose where when whom".split())
_DETERMINERS = frozenset("the a an its their his her our this that these those".split())
_PRONOUNS = frozenset("he she they it we i you".split())
_TITLES = frozenset(
    "gen gen. brig brig. col col. maj maj. lt lt. capt capt. sgt sgt. adm adm. mr mr. "
    "ms ms. mrs mrs. dr dr. prof prof. sen sen. rep rep. gov gov. president minister "
    "general colonel major admiral deputy".split()
)
_TIME_WORDS = frozenset(
    "on in at last this next yesterday today tonight earlier late later monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december week month year weekend morning "
    "afternoon evening night".split()
)
_DATA_WORDS = frozenset(
    "figures figure data statistics numbers estimates estimate count counts tally tallies "
    "records".split()
)
_NOT_SOURCES = frozenset(
    "it he she they we i you this that which who there what figures data reports report "
    "people number numbers figure total toll count tally level rate share official "
    "officially".split()
)
_SPEAKERS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials sources source "
    "aide aides press secretary deputy chief senior military".split()
)
"""Words of a title that names a role, not who: "a senior official", "chief spokesman"."""
_ROLE_WORDS = frozenset(
    "spokesman spokeswoman spokesperson spokespeople official officials".split()
)
_ORGANIZATIONS = frozenset(
    "ministry ministries office department agency authorities army military government "
    "commission bureau service services council statistics survey study researchers "
    "organisation organization monitor observatory command forces institute group "
    "committee administration centre center company firm carmaker automaker pollster "
    "project journal economists analysts forecasters bank fund agency poll union "
    "association federation".split()
)
_HEAD_SYNONYMS = {
    "firm": "company",
    "carmaker": "company",
    "automaker": "company",
    "maker": "company",
    "manufacturer": "company",
    "pollster": "company",
    "polling firm": "company",
    "polling company": "company",
    "army": "military",
    "organisation": "organization",
    "researchers": "authors",
    "team": "authors",
    "scientists": "authors",
    "health officials": "health ministry",
}
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
        self._named: list[str] = []  # sources the article named, in order
        self._people: dict[str, str] = {}  # a person's name (and surname) -> source
        self._quoted: str | None = None  # the source the article last quoted
        self._companies: list[str] = []  # proper names opening sentences
        self._here: list[tuple[int, str]] = []  # sources named in the current sentence
        self._opening: str | None = None  # the proper name opening the current sentence

    def feed(self, sentence: str) -> Attributions:
        """The sources of the next sentence of the article."""
        sentence = sentence.replace("\u2019", "'")
        self._here = self.sources.find(sentence)
        self._opening = _opening_name(sentence, self.sources.places)
        said: list[Said] = []
        for kind, phrase in _cues(sentence):
            for rule_name, rule in RULES:
                source = rule(self, phrase)
                if source is None:
                    continue
                if source != _NOBODY:
                    said.append(Said(phrase.start, source, f"{kind}/{rule_name}"))
                    self._link_people(phrase, source)
                break
        said.sort(key=lambda s: s.start)
        self._named.extend(source for _, source in self._here)
        for item in said:
            self._named.append(item.source)
            self._quoted = item.source
        if self._opening is not None:
            self._companies.append(self._opening)
        clauses = tuple(m.start() for m in _CLAUSES.finditer(sentence)) if len(said) > 1 else ()
        return Attributions(tuple(said), clauses)

    # -- memory

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

    def _fits(self, source: str, head: str) -> bool:
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


def _opening_name(sentence: str, places: frozenset[str]) -> str | None:
    """The proper name that opens a sentence as its subject ("Tesla delivered ..."), past a
    dateline ("AUSTIN, Texas - "); ``None`` for a place, a time or a determiner."""
    body = re.sub(r"^[A-Z][A-Z .,'()-]*?\s[-\u2014\u2013]+\s", "", sentence.lstrip())
    found = re.match(r"((?:[A-Z][\w&.'-]*\s+){0,3}?[A-Z][\w&'-]*)\s+[a-z]", body)
    if found is None:
        return None
    name = found.group(1)
    first = name.split()[0].lower()
    if first in _DETERMINERS or first in _TIME_WORDS or first in _PRONOUNS or name in places:
        return None
    if name.lower() in _NOT_SOURCES or name.isupper():
        return None
    return name


# -- cues ---------------------------------------------------------------------------


def _cues(sentence: str) -> Iterable[tuple[str, _Phrase]]:
    """The phrases of a sentence that say who speaks, in text order per kind."""
    for found in _ACCORDING.finditer(sentence):
        yield "according-to", _Phrase(found.group("who"), found.start("who"))
    for found in _VERB.finditer(sentence):
        before = sentence[max(0, found.start() - 200) : found.start()]
        stripped = before.rstrip()
        if stripped.endswith((",", '"')):
            after = _INVERTED_WHO.match(sentence, found.end())
            if after is not None and _speaks(after.group("who")):
                yield "inverted", _Phrase(after.group("who"), after.start("who"))
                continue
        phrase = _subject_before(before, found.start())
        if phrase is not None:
            yield "speaker-verb", phrase
    for found in _POSSESSIVE.finditer(sentence):
        before = sentence[max(0, found.start() - 120) : found.start()]
        phrase = _subject_before(before, found.start())
        if phrase is not None:
            yield "possessive", phrase


def _speaks(who: str) -> bool:
    """An inverted cue's phrase names someone: not "on Friday", "that ...", "it"."""
    words = who.split()
    return bool(words) and words[0].lower() not in _TIME_WORDS | _BREAKS | _PRONOUNS


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
    if not words or words[-1].lower() in _PASSIVE:
        return None
    if words[0].lower() in _RELATIVE and len(parts) > 1:  # "X, which disputes Y, told"
        parts.pop()
        words = parts[-1].split()
    taken: list[str] = []
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        lower = word.lower().strip("\"'")
        if any(ch.isdigit() for ch in word) or not lower:
            break
        if lower in _BREAKS and not _inside_name(words, index):
            break
        taken.append(word)
        if lower in _DETERMINERS or len(taken) >= 8:
            break
    if not taken:
        return None
    text = " ".join(reversed(taken))
    start = end - (len(before) - before.rfind(taken[-1]))
    return _Phrase(text, max(start, 0), [p.strip() for p in parts[:-1] if p.strip()])


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
        if index and word.lower() in _TIME_WORDS - {"in", "may", "march"}:
            words = words[:index]
            break
    while words and words[-1].lower() in _DATA_WORDS | _AUXILIARIES:
        words.pop()
    return words


def _known_name(reader: Attributor, phrase: _Phrase) -> str | None:
    return reader.sources.named(phrase.text)


def _person_title(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "Gen. Pat Ryder, the Pentagon press secretary, said": the title names the source.
    Also "a spokeswoman, Sabrina Singh, told": the person is the source's, when known."""
    if not phrase.before or not _is_person(phrase.text):
        return None
    person = _person(phrase.text)
    if person in reader._people:
        return reader._people[person]
    title = phrase.before[-1]
    named = reader.sources.named(title)
    if named is not None:
        return named
    words = _cleaned(title)
    lowered = [w.lower() for w in words if w.lower() not in _DETERMINERS]
    if lowered and all(w in _SPEAKERS for w in lowered):  # "a spokeswoman, Sabrina Singh"
        return _spokesperson_source(reader, phrase)
    return None


def _person_rule(reader: Attributor, phrase: _Phrase) -> str | None:
    words = _cleaned(phrase.text)
    if not words:
        return None
    name = _person(" ".join(words))
    return reader._people.get(name) or reader._people.get(name.split()[-1] if name else "")


def _pronoun(reader: Attributor, phrase: _Phrase) -> str | None:
    words = phrase.text.split()
    if words and words[-1].lower() in _PRONOUNS and len(words) <= 2:
        return reader._quoted
    return None


def _short_reference(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "the ministry", "the health ministry", "the company", "the authors"."""
    words = _cleaned(phrase.text)
    if len(words) < 2 or words[0].lower() not in ("the", "its", "their"):
        return None
    rest = [w.lower() for w in words[1:]]
    if any(w[:1].isupper() for w in words[1:]):
        return None
    for size in range(min(3, len(rest)), 0, -1):
        head = _head(" ".join(rest[-size:]))
        found = reader._recall(head, phrase.start)
        if found is not None:
            return found
        if head == _COMPANY:
            return reader._opening or (reader._companies[-1] if reader._companies else None)
    if rest[-1] in _ORGANIZATIONS or _head(rest[-1]) in ("company", "authors"):
        return _NOBODY  # a reference to something the article has not named
    return None


_NOBODY = ""


def _spokesperson_source(reader: Attributor, phrase: _Phrase) -> str | None:
    for start, source in reversed(reader._here):
        if start < phrase.start:
            return source
    return reader._quoted


def _spokesperson(reader: Attributor, phrase: _Phrase) -> str | None:
    """ "a spokeswoman", "officials", "the official", "chief spokesman Sean Parnell"."""
    words = [w.lower() for w in _cleaned(phrase.text) if w.lower() not in _DETERMINERS]
    role = [w for w in words if w in _ROLE_WORDS]
    if not role:
        return None
    words = [w for w in words if not (w in _SPEAKERS or w[:1].isupper() or w in _TITLES)]
    if words:
        return None
    return _spokesperson_source(reader, phrase) or _NOBODY


def _noun_phrase(reader: Attributor, phrase: _Phrase) -> str | None:
    """A source not in the table, by its cleaned noun phrase: determiners and
    "-run"/"-led" modifiers dropped, "X in PLACE" as "PLACE X", a study's "by X" as X."""
    words = _cleaned(phrase.text)
    lowered = [w.lower() for w in words]
    for marker in ("by", "from"):
        if marker in lowered[1:]:
            at = len(lowered) - 1 - lowered[::-1].index(marker)
            words, lowered = words[at + 1 :], lowered[at + 1 :]
    words = [w for w in words if w.lower() not in _DETERMINERS]
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    words = [w for w in words if not re.search(r"-(?:run|led|controlled|backed)$", w, re.I)]
    while words and words[-1].lower() in ("published", "released", "compiled", "gathered"):
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


RULES: tuple[tuple[str, Rule], ...] = (
    ("known-name", _known_name),
    ("person-title", _person_title),
    ("person", _person_rule),
    ("pronoun", _pronoun),
    ("short-reference", _short_reference),
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
    while words and (words[0].lower() in _TITLES or words[0].lower() in _DETERMINERS):
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
    if candidate.split()[0].lower() in ("secretary", "spokesman", "spokeswoman", "command"):
        candidate = last_two
    return candidate


# -- the framer's entry points --------------------------------------------------------


class TextAttributor:
    """An :class:`Attributor` over an article's text and sentence spans, read lazily:
    asking for the source of a figure reads every sentence up to the figure's, once."""

    def __init__(
        self, text: str, sentences: Sequence[tuple[int, int]], sources: Sources | None = None
    ) -> None:
        self._reader = Attributor(sources)
        self._text = text
        self._sentences = sentences
        self._starts = [start for start, _ in sentences]
        self._read: list[Attributions] = []

    def at(self, offset: int) -> str | None:
        """The source of the figure at ``offset`` of the text."""
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return None
        while len(self._read) <= index:
            start, end = self._sentences[len(self._read)]
            self._read.append(self._reader.feed(self._text[start:end]))
        return self._read[index].at(offset - self._sentences[index][0]) or None


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
