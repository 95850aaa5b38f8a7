"""Stage 4: frame each figure as a claim: what is counted, whose, where and when.

The framer reads a bounded window of words around each figure, so extraction stays
linear in the size of the text. Word lists come from :mod:`numcheck._lexicon`
(``numcheck/data/*.toml``); time from :mod:`numcheck._time`.

What is counted (``unit``), in order of preference:

1. a unit the number carries itself (``52%``, ``$2.7bn``);
2. a measure verb right before the figure (``killed more than 26,000`` -> deaths);
3. a measure noun after the figure, across adjectives and actor words
   (``25000 to 30,000 Sunni tribal fighters`` -> fighters);
4. an elided noun: a figure with no noun of its own, coordinated with a framed figure
   (``2,500 US troops in Iraq and about 900 in Syria`` -> troops);
5. a measure noun before the figure in the same sentence, linked to it by a copula or
   preposition (``number of US forces in Iraq was recorded at 1,70,300`` -> troops).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from typing import Any, NamedTuple

from ._attribution import TextAttributor, build_sources
from ._clean import Gate, GateWords, Scope, normalize, sentence_spans
from ._langpack import LANG, PackModel, alternation, cover, load_pack
from ._lexicon import WORD, Lexicon, Phrase, default_lexicon
from ._models import Article, Claim, Direction, Kind, Qualifier, TimeSpan, measure_key
from ._numbers import NumberMention, find_numbers
from ._places import PlaceMatcher, ancestors, contains, gazetteer
from ._statistic import (
    VIOLENCE,
    Context,
    Reading,
    counterfactual,
    rate_horizon,
    read_event,
    read_modality,
    read_statistic,
)
from ._time import (
    MAX_DATE_DISTANCE,
    MONTH_ABBREVIATIONS,
    MONTH_WORDS,
    WEEKDAY_WORDS,
    Anchor,
    TimeResolver,
    when_clause,
)
from ._units import UnitMatch, glued_unit, unit_after, unit_before


class _Sets(PackModel):
    stop: list[str]
    determiners: list[str]
    auxiliaries: list[str]
    not_units: list[str]
    locative: list[str]
    against: list[str]
    locative_after: list[str]
    entered: list[str]
    moving: list[str]
    part_words: list[str]
    clause_words: list[str]
    passive: list[str]
    openers: list[str]
    references: list[str]
    institutions: list[str]
    margin: list[str]
    joining: list[str]
    says: list[str]
    expected: list[str]
    speakers: list[str]
    source_heads: list[str]
    positional: list[str]
    compass: list[str]
    held: list[str]
    count_words: list[str]
    tolls: list[str]
    partitive: list[str]
    suffered: list[str]
    intransitive: list[str]
    expletives: list[str]


class _Changes(PackModel):
    before: dict[str, Direction]
    after: dict[str, Direction]


class _Patterns(PackModel):
    aside_open: list[str]
    aside: list[str]
    part_of: list[str]
    saying: list[str]
    said_before: list[str]
    told: list[str]
    worldwide: list[str]
    campaigns: list[str]
    given_by: list[str]
    given_adverbs: list[str]
    given: list[str]
    ratio_next: list[str]
    rising: list[str]
    falling: list[str]
    coordination: list[str]
    links: list[str]
    restating: list[str]
    change_by: list[str]


class FrameWords(PackModel):
    """The shape of the framer's language pack (every key required)."""

    sets: _Sets
    changes: _Changes
    patterns: _Patterns


PACK = LANG / "frame.toml"
"""The language pack of the framer."""
_EN = load_pack(FrameWords, PACK)
_S, _W = _EN.sets, _EN.patterns


def _any(words: Iterable[str], space: str | None = None) -> str:
    """A non-capturing alternation of ``words`` (see :func:`numcheck._langpack.alternation`)."""
    return f"(?:{alternation(words, space=space)})"


# Function words that end the noun phrase after a figure.
_STOP = frozenset(_S.stop)
_DETERMINERS = frozenset(_S.determiners)
_AUXILIARIES = frozenset(_S.auxiliaries)
_COMPOUND = re.compile(r"-([A-Za-z]+)\b")
_NOT_UNITS = frozenset(_S.not_units)
_LOCATIVE = frozenset(_S.locative)
_AGAINST = frozenset(_S.against)  # "attacks on US forces"
_LOCATIVE_AFTER = _LOCATIVE | frozenset(_S.locative_after)  # "sent 3,000 troops to Syria"
_ENTERED = frozenset(_S.entered)
"""Verbs whose object is where what follows happens: "stormed southern Israel on Oct. 7,
killing 1,400 people" (read like "in", within the sentence)."""
_MOVING = frozenset(_S.moving)  # ... from PLACE
_PART_WORDS = frozenset(_S.part_words)  # "most of them in China"
_ASIDE_OPEN = re.compile(rf"\s*{_any(_W.aside_open)}\b", re.IGNORECASE)
_PART_OF = re.compile(rf"\b{_any(_W.part_of)} {_any(_S.part_words)}\b", re.IGNORECASE)
_CLAUSE_WORDS = frozenset(_S.clause_words)
_PASSIVE = frozenset(_S.passive)
_OPENERS = frozenset(_S.openers)
_REFERENCES = frozenset(_S.references)  # "the company delivered ...": the last subject
# Heads of names built on a place: "Bank of England", "University of Michigan".
_INSTITUTIONS = frozenset(_S.institutions)
_RATIO = re.compile(r"\b(?:one|1)(?:\s+[a-z]+){0,2}\s+in\s+$", re.IGNORECASE)
_CALENDAR = frozenset((*WEEKDAY_WORDS, *MONTH_WORDS))
_SAYS = frozenset(_S.says)
# Punctuation that ends a phrase, compiled once (these are read for every figure).
_BREAK_PAREN = re.compile(r"[;:()]")
_BREAK_COMMA = re.compile(r"[,;:]")
_BREAK_ANY = re.compile(r"[,;:()]")
_BREAK_STOP = re.compile(r"[;!?]")
_BREAK_COLON = re.compile(r"[;:!?]")
_ANNUAL = re.compile(
    r"\b(?:in the (?:year|12 months) to|year[\s-]on[\s-]year|over the year|annual)\b", re.I
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_MARGIN = frozenset(_S.margin)  # what an estimate's margin is called
_JOINED_CLAUSE = re.compile(rf"\s{_any(_S.joining)}\s+(?:\w+ing|its|the|then)\b")
_JOINING_WORDS = tuple(_S.joining)  # one is in every text _JOINED_CLAUSE matches
_MONTH_SHORT = frozenset(MONTH_ABBREVIATIONS)
_ASIDE = re.compile(rf",\s+{_any(_W.aside)}\b")
_CHANGE_TO = re.compile(r"[\d.,]+\s*(?:%|per\s?cent|percent)\s+to\b", re.IGNORECASE)
_SAYING = re.compile(rf",\s+(?:[\w'-]+\s+){{0,6}}?{_any(_W.saying)}\b")
_EXPECTED = frozenset(_S.expected)
_SPEAKERS = frozenset(_S.speakers)
_SOURCE_HEADS = frozenset(_S.source_heads)
_POSITIONAL = frozenset(_S.positional)
_COMPASS = frozenset(_S.compass)
_SPACES = r"\s+"
_SAID_BEFORE = re.compile(
    rf"\b(?:told\s+(?:{alternation(_W.told, space=_SPACES)}|the\s+\w+)|"
    rf"{alternation(_W.said_before, space=_SPACES)})\s*$",
    re.IGNORECASE,
)
WORLD = "World"
"""The place of a figure counted worldwide."""
_WORLDWIDE = re.compile(rf"\b{_any(_W.worldwide)}\b", re.I)
_NAME_COMMA = re.compile(r"\b[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?,\s+$")
_CAMPAIGN = re.compile(rf"(?:[a-z-]+\s+)?{_any(_W.campaigns)}\b")
_HELD = frozenset(_S.held)
_DAY_SUFFIX = re.compile(r" \d{4}-\d\d-\d\d$")
_GIVEN_BEFORE = re.compile(
    rf"\s+(?:that\s+|which\s+)?(?:{alternation(_W.given_by)}|the\s+\w+|[A-Z][\w.-]*)\s+had\s+"
    rf"(?:{_any(_W.given_adverbs)}\s+)?(?:been\s+)?{_any(_W.given)}\b"
)
"""After a figure: it was given before, and is superseded ("the 1,400 it had given for
weeks", "the 900 that officials had cited publicly for months")."""
_AT_NAMED = re.compile(r"\s+(?:at|in)\s+(?:the\s+)?(?:[a-z]{1,3}-)?[A-Z]")
"""After a figure: a site named by a capitalized name, an Arabic article before it too
("13 at al-Asad air base", "32 at the Tanf garrison")."""
BACKGROUND_DAYS = 14
"""An incident dated more than this many days before the article is recalled as
background: the article's main place is not taken for its toll."""
_DEFINITE_INCIDENT = re.compile(
    rf"\b(?:the|that|this)\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{'|'.join(VIOLENCE)})\b",
    re.IGNORECASE,  # (not "the Oct. 7 attack": an incident of its own day)
)
_RATIO_NEXT = re.compile(rf"\s+{_any(_W.ratio_next)}\b", re.IGNORECASE)
_RATIO_OF = re.compile(rf"\s+times{_RATIO_NEXT.pattern}", re.IGNORECASE)
_COUNT_WORDS = frozenset(_S.count_words)
_TOLLS = frozenset(_S.tolls)
_PARTITIVE = frozenset(_S.partitive)
_SUFFERED = frozenset(_S.suffered)
_INTRANSITIVE = frozenset(_S.intransitive)  # a death or flight, no "were"
_EXPLETIVES = frozenset(_S.expletives)
_CHANGE_BEFORE: dict[str, Direction] = _EN.changes.before
_CHANGE_AFTER: dict[str, Direction] = _EN.changes.after
_CHANGE_VERB = re.compile(
    rf"\b(?:(?P<up>{alternation(_W.rising)})|(?P<down>{alternation(_W.falling)}))"
    r"\s+(?:by\s+)?$",
    re.IGNORECASE,
)
_CHANGE_GATE = Gate(  # words one of which is in every text _CHANGE_VERB matches
    _CHANGE_VERB,
    *cover(_W.rising, _W.falling),
)
_APPOSITION = re.compile(
    rf"(?:\s+[^\W\d_][\w'-]*){{0,3}}\s*,\s*{_any(_W.restating)}\s+", re.IGNORECASE
)
"""Between a change and its restatement: "shed 240 points, or 0.8%" (its noun, at most
three words, a comma and "or")."""
_OBJECT_BY = tuple(
    re.compile(rf"(?:\s+[^\W\d_]+){{{n}}}\s+{_any(_W.change_by)}\s+$", re.IGNORECASE)
    for n in (1, 2)
)
"""The object between a change verb and "by", one word or two: "cut prices by"."""
_CHANGE_REACH = 30
"""Characters before a figure read for its change verb (see :func:`_change`)."""
_COORDINATION = re.compile(rf"\b{_any(_W.coordination)}\b")
_LINK = re.compile(rf"\b{_any(_W.links)}\b", re.IGNORECASE)


CONTEXT = 400
"""Characters of context read on each side of a figure: at least this many (or the whole
sentence), at most half as many again."""

LIST_MIN = 8
"""A run of this many figures or more with only spaces, punctuation or one "to", "and" or
"or" between neighbours is a list (a table row, page numbers, "1 2 3 4 ..."): its inner
members, ``LIST_REACH`` words or more inside both of its ends, are framed once per shape
(figure and neighbours), like the first of them. Lists this long are not prose; the
framer looks fewer words around a figure than the reach, so an inner member sees only
other members, as the first one does (the context window of a long sentence aside)."""
LIST_REACH = 24
PHRASE = 160
"""Characters of a figure's clause, each side, that the statistic, event and modality
rules read."""
_BLOCK = 128
"""Words per block of :meth:`Framer._marks`."""
_LIST_GAP = re.compile(r"[\W_]{0,8}(?:(?:to|and|or)[\W_]{1,8})?", re.IGNORECASE)


class _Token(NamedTuple):  # (a tuple: made for every word of a text, quickly)
    start: int
    end: int
    word: str


class _Document:
    """One article's normalized text, its words, sentences and number mentions."""

    def __init__(self, text: str) -> None:
        self.text = normalize(text)
        new = tuple.__new__  # (a NamedTuple's own __new__ is a Python function: slower)
        self.tokens: list[_Token] = [
            new(_Token, (m.start(), m.end(), m.group())) for m in WORD.finditer(self.text)
        ]
        self.starts = [t.start for t in self.tokens]
        # The index of the first token starting at or after an offset (read some 15 times
        # per figure): ``bisect_left`` bound to the starts, called without a Python frame.
        self.token_after: Callable[[int], int] = partial(bisect.bisect_left, self.starts)
        self.sentences = sentence_spans(self.text, normalized=True)
        self.sentence_starts = [s for s, _ in self.sentences]
        self.mentions = find_numbers(text)
        self._dates = [(m.start, m.end) for m in self.mentions if m.kind in ("date", "year")]
        self._date_starts = [start for start, _ in self._dates]
        self.bare = [  # _bare, inline: read for every word
            (word[:-2] if word.endswith("'s") else word[:-1])
            if word.endswith(("'s", "s'"))
            else word
            for _, _, word in self.tokens
        ]
        self.main_place: str | None = None  # computed on first use
        self.locatives: dict[tuple[int, int], list[tuple[int, str]]] = {}  # per window
        self.lower = [word.lower() for word in self.bare]
        self._names: frozenset[str] | None = None
        self._starts: frozenset[int] | None = None
        self._openers: frozenset[str] | None = None
        self.named_places: dict[tuple[int, int], bool] = {}  # per window
        self._window: tuple[Any, ...] | None = None  # the last window (see sentence_of)
        self.marks: dict[tuple[str, int], list[int]] = {}  # see Framer._marks
        # per window and whether people are counted (see Framer._topic)
        self.topics: dict[tuple[tuple[int, int], bool], str | None] = {}
        self.openings: dict[tuple[int, int], tuple[str, int] | None] = {}  # Framer._named
        self.last_named: str | None = None
        self.last_named_at = -1  # where it was read  # the last name read as a figure's subject

    def sentence_of(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around ``start:end``, clipped to 1-1.5x ``CONTEXT`` characters each side.

        Scraped text can hold "sentences" of any length (tables, lists without
        punctuation); the clip keeps the work per figure bounded, so extraction stays
        linear in the size of the text.
        """
        index = bisect.bisect_right(self.sentence_starts, start) - 1
        first, last = self.sentences[index] if index >= 0 else (0, len(self.text))
        # The cuts are on a grid of CONTEXT / 2 characters, so neighbouring figures of a long
        # sentence share their window (and the work and string that go with it).
        step = CONTEXT // 2
        left = (start - CONTEXT) // step if start - first > CONTEXT else None
        right = -(-(end + CONTEXT) // step) if last - end > CONTEXT else None
        key = (index, left, right)
        known = self._window
        if known is not None and known[0] == key:
            # The figure before had the same cuts: its spaces hold for this one too when
            # they lie inside its reach (the first space after the left cut is before
            # ``start``, the last before the right cut is after ``end``).
            _, window, (space_left, before), (space_right, after) = known
            if (
                left is None or (space_left < 0 and start <= before) or 0 <= space_left < start
            ) and (right is None or (space_right < 0 and end >= after) or space_right >= end):
                return window[0], max(window[1], end)
        space_left = space_right = -1
        if left is not None:
            cut = max(first, left * step)
            space_left = self.text.find(" ", cut, start)
            first = space_left + 1 if space_left >= 0 else cut
        if right is not None:
            cut = min(last, right * step)
            space_right = self.text.rfind(" ", end, cut)
            last = space_right if space_right >= 0 else cut
        self._window = (key, (first, last), (space_left, start), (space_right, end))
        return first, max(last, end)

    def sentence_set(self) -> frozenset[int]:
        """The offsets where sentences start."""
        if self._starts is None:
            self._starts = frozenset(self.sentence_starts)
        return self._starts

    def names(self) -> frozenset[str]:
        """Words the text capitalizes inside a sentence (names, not sentence openers)."""
        if self._names is None:
            starts = set(self.sentence_starts)
            self._names = frozenset(
                t.word if not t.word.endswith("'s") else t.word[:-2]
                for i, t in enumerate(self.tokens)
                if t.word[:1].isupper()
                and t.start not in starts
                and i > 0
                and not self.text[self.tokens[i - 1].end : t.start].strip(" \t\"'(\u201c")
            )
        return self._names

    def in_date(self, offset: int) -> bool:
        """Whether ``offset`` lies inside a date or a year ("Oct. 7")."""
        at = bisect.bisect_right(self._date_starts, offset) - 1
        return at >= 0 and self._dates[at][0] <= offset < self._dates[at][1]

    def openers(self) -> frozenset[str]:
        """Capitalized words that open two sentences or more ("Tesla delivered ...",
        "Tesla's shares ..."): names an article may never write mid-sentence."""
        if self._openers is None:
            counts: dict[str, int] = {}
            for start in self.sentence_starts:
                index = self.token_after(start)
                if index < len(self.tokens) and self.tokens[index].start == start:
                    word = self.bare[index]
                    if word[:1].isupper() and word.isalpha():
                        counts[word] = counts.get(word, 0) + 1
            self._openers = frozenset(w for w, n in counts.items() if n >= 2)
        return self._openers

    def gap(self, left: int, right: int) -> str:
        """The text between token ``left`` and token ``right``."""
        return self.text[self.tokens[left].end : self.tokens[right].start]


class _Table:
    """A phrase table with the set of first words, for a quick miss on most words."""

    def __init__(self, phrases: Mapping[Phrase, str], *, lower: bool) -> None:
        self.phrases = phrases
        self.first = frozenset(p[0] for p in phrases if p)
        self.longest = max((len(p) for p in phrases), default=1)
        self.lower = lower

    def match(self, doc: _Document, index: int, limit: int | None = None) -> tuple[str, int] | None:
        """The longest phrase starting at token ``index``: (canonical, tokens used)."""
        words = doc.lower if self.lower else doc.bare
        if index >= len(words) or words[index] not in self.first:
            return None
        stop = len(words) if limit is None else min(limit, len(words))
        for size in range(min(self.longest, stop - index), 0, -1):
            found = self.phrases.get(tuple(words[index : index + size]))
            if found is not None:
                return found, size
        return None


class _PlaceTable:
    """Places: the lexicon's hand list, then the gazetteer, through the guards of
    :mod:`numcheck._places` (common words, people, titles)."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.matcher = PlaceMatcher(lexicon.places, use_gazetteer=lexicon.gazetteer)
        self.first = self.matcher.first

    def match(self, doc: _Document, index: int, limit: int | None = None) -> tuple[str, int] | None:
        """The longest place name starting at token ``index``: (canonical, tokens used)."""
        words = doc.bare
        if index >= len(words) or words[index] not in self.first:
            return None
        if (
            index >= 2
            and doc.lower[index - 1] == "of"
            and doc.tokens[index - 2].word in _INSTITUTIONS
        ):
            return None  # "the Bank of England's target": a name, not where the figure is
        stop = len(words) if limit is None else min(limit, len(words))
        return self.matcher.match(words, index, stop, doc.gap)


def _has_digit(word: str) -> bool:
    """Whether a word holds a digit (a letter is never one: most words are read at once)."""
    return not word.isalpha() and any(ch.isdigit() for ch in word)


def _bare(word: str) -> str:
    """A word without a possessive ending: ``Iraq's`` -> ``Iraq``."""
    if word.endswith("'s") or word.endswith("s'"):
        return word[:-2] if word.endswith("'s") else word[:-1]
    return word


@dataclass
class _Frame:
    unit: str | None = None
    subject: str | None = None
    location: str | None = None
    noun_end: int = -1  # token index after the counted noun (or after the figure)
    own_noun: bool = False  # the figure named its own noun (not elided / borrowed)
    borrowed_location: str | None = None  # the location of the figure it was elided from
    elided: bool = False  # its noun is the figure's before ("... and about 900 in Syria")
    plain: bool = False  # the unit is a plain plural noun in no list ("widgets")
    measure: str | None = None  # what a percentage measures ("inflation of 4.9%")
    abroad: bool = False  # the people counted come from their subject's home
    guess: str | None = None  # "main"/"home": the location is only the article's main
    # place (the sentence names none) or the home of the people counted
    claimed: bool = False  # the subject is the agent of a killing it claims ("the
    # military said it had killed 8,000 fighters"): not whose the dead are
    margin: int | None = None  # the start of the estimate whose margin the figure gives
    carried: int | None = None  # the start of the count the figure continues
    fighters: str | None = None  # the side whose fighters killed it counts (as deaths)


class Framer:
    """Turns one article's figures into claims (see the module docstring)."""

    @classmethod
    def of(cls, lexicon: Lexicon | None) -> Framer:
        """The framer for ``lexicon``; the packaged one's is built once and reused."""
        return _default_framer() if lexicon is None else cls(lexicon)

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.measures = _Table(self.lexicon.measure_nouns, lower=True)
        self.actors = _Table(self.lexicon.actors, lower=False)
        self.places = _PlaceTable(self.lexicon)
        # the actor a place stands for: "refugees from Ukraine" are Ukraine's
        self.natives = {place: actor for actor, place in self.lexicon.homes.items()}
        places = set(self.lexicon.places.values())
        for phrase, actor in self.lexicon.actors.items():  # "United States" names the US
            if " ".join(phrase) in places:
                self.natives.setdefault(" ".join(phrase), actor)
        self._rates = frozenset(
            name for name, kind in self.lexicon.statistics.items() if kind in ("rate", "share")
        )
        self.names = frozenset(self.lexicon.places.values()) | frozenset(
            self.lexicon.actors.values()
        )  # a place or an actor is never what a figure counts
        self.sources = build_sources(
            self.lexicon.sources, {" ".join(p) for p in self.lexicon.places}
        )
        self.source_places = {
            name: entry["place"]
            for name, entry in self.lexicon.sources.items()
            if entry.get("place")
        }

    def claims(self, article: Article) -> list[Claim]:
        doc = _Document(article.text)
        anchor = Anchor(article.published, article.published_precision)
        figures = [m for m in doc.mentions if m.is_figure or _glued(doc, m) is not None]
        dates = [m for m in doc.mentions if m.kind in ("year", "date")]
        date_starts = [d.start for d in dates]
        figure_starts = [m.start for m in figures]
        figure_spans = [(m.start, m.end) for m in figures]
        timer = TimeResolver(doc.text, anchor)
        claims: list[Claim] = []
        previous: tuple[NumberMention, _Frame] | None = None
        inner = _list_inner(doc, figures)
        templates: dict[tuple[object, ...], tuple[_Frame, Claim, int, tuple[object, ...]]] = {}
        shift = 0  # tokens from the previous figure to the template it was framed like
        told: tuple[object, ...] = ()  # what the previous figure's frame tells the next
        topic: tuple[str, int] | None = None  # the last counted measure and where
        sentences: dict[tuple[int, int], str] = {}
        attributor = TextAttributor(doc.text, doc.sentences, self.sources)
        shapes = _shapes(figures) if any(inner) else []
        inside = _tokens_inside(doc, figures) if any(inner) else []
        guessed: dict[int, str] = {}  # claims framed by a guess (see _Frame.guess)
        heads: dict[int, int] = {}  # an elided figure -> the figure its noun is from
        incidents: dict[str, tuple[str, TimeSpan]] = {}  # kind -> the last dated incident
        tolls: dict[tuple[str | None, float], tuple[str, TimeSpan]] = {}  # incident tolls
        said_horizon: tuple[int, str] | None = None  # the last rate horizon named, where
        told_incident: tuple[tuple[int, int], str, TimeSpan] | None = None  # a sentence's
        last_index = -1
        gate_words = GateWords(doc.text)  # where the gates' words are, found once a gate
        scope_of, scope = (-1, -1), Scope(gate_words)
        for number, mention in enumerate(figures):
            sentence = doc.sentence_of(mention.start, mention.end)
            text = sentences.get(sentence)
            if text is None:
                text = sentences[sentence] = article.text[sentence[0] : sentence[1]]
            if scope_of != sentence:  # the gates' words in the sentence (and the words a
                # change verb of its first figure may take before it), once for its figures
                scope_of = sentence
                scope = Scope(gate_words, max(0, sentence[0] - _CHANGE_REACH), sentence[1])
            # A member's frame depends on the figure and its neighbours, its window and
            # the frame of the figure before it (which it may borrow a noun from).
            signature = (
                (
                    sentence,
                    told,
                    _words_to_date(doc, number, sentence, date_starts, figure_starts, inside),
                    *_signature(doc.text, figures, number, shapes),
                )
                if inner[number]
                else None
            )
            if signature is None:
                templates.clear()
            elif signature in templates:  # an inner member of a list: framed like the others
                # (never a reference like "the two": only figures and joiners are around it)
                frame, template, token, told = templates[signature]
                change = (
                    _change(doc, mention)
                    if mention.kind == "multiplier"
                    else (template.kind, template.direction)
                )
                claims.append(_member(template, mention, text, change))
                last_index = len(claims) - 1
                previous, shift = (mention, frame), doc.token_after(mention.start) - token
                continue
            if shift:  # the previous figure was framed as a list member: move its noun end
                assert previous is not None
                before, borrowed = previous
                previous = (before, replace(borrowed, noun_end=borrowed.noun_end + shift))
                shift = 0
            frame = self._frame(doc, mention, sentence, previous, topic)
            if _is_reference(doc, mention) and frame.unit not in self.lexicon.units:
                continue  # "the two sides", "the one who"; but "the three soldiers" counts
            if _RATIO_OF.match(doc.text, mention.end) or (
                mention.text.lower().endswith(("times", "fold"))
                and _RATIO_NEXT.match(doc.text, mention.end)
            ):
                continue  # "about three times the tally": how many times, not a count
            if (frame.unit is None or not frame.own_noun) and self._is_label(doc, mention):
                continue  # "Tower 22", "Model 3": part of a name
            if (frame.unit is None or not frame.own_noun) and _is_age(doc, mention):
                continue  # "Sgt. William Rivers, 46, and ...": an age
            lo = bisect.bisect_left(date_starts, sentence[0])
            hi = bisect.bisect_left(date_starts, sentence[1])
            flo = bisect.bisect_left(figure_starts, sentence[0])
            fhi = bisect.bisect_left(figure_starts, sentence[1])
            time = timer.resolve(
                sentence, (mention.start, mention.end), dates[lo:hi], figure_spans[flo:fhi]
            )
            value, low, high = mention.value, mention.low, mention.high
            unit = frame.unit
            if mention.kind == "fraction" and unit is None:
                # A share: "a third of Iraq" is 33.3 percent of it.
                value, low, high = (None if v is None else v * 100 for v in (value, low, high))
                unit = "percent"
            kind, direction = _change(doc, mention, scope)
            if (
                kind == "level"
                and last_index >= 0
                and _restates(doc.text, claims[last_index], mention)
            ):
                # "shed 240 points, or 0.8%": the same change again, in other terms
                kind, direction = "change", claims[last_index].direction
            whole = timer.clause(sentence, (mention.start, mention.end))
            # The figure's clause, at most PHRASE characters each side: what the reading
            # rules look at stays bounded however long a clause is (tables, scraped text).
            clause = (max(whole[0], mention.start - PHRASE), min(whole[1], mention.end + PHRASE))
            local = _local(doc.text, clause, mention)
            excess = self.lexicon.excess.get(unit or "")
            if excess is not None and counterfactual(doc.text[mention.end : clause[1]]):
                # "100,000 more Iraqis have died ... than would have died": the excess
                unit, kind, direction = excess, "level", None
            if (
                kind == "change"
                and unit == "percent"
                and self.lexicon.statistics.get(frame.measure or "") == "rate"
                and _ANNUAL.search(local)
            ):
                kind = "level"  # "prices rose 9.6% in the year to October": a rate (which
                # keeps the direction its wording gives)
            clause_text = doc.text[clause[0] : clause[1]]
            measure = frame.measure
            if (measure or unit) in self.lexicon.monthly and time.start and time.start == time.end:
                time = _month_before(time)  # "inflation rocketed to 11.1 per cent yesterday"
            modality = read_modality(local, scope=scope)
            if modality is not None and (measure or unit) in self.lexicon.units:
                measure = f"{measure or unit}-{modality}"  # "deliveries-forecast"
            if (
                modality == "target"
                and time.basis in ("published", "relative")
                and (time.text is None or time.text not in text)
            ):
                time = TimeSpan()  # "growth of 50% ... Musk had pledged": no time said
            said = timer.briefing(sentence)
            event = (
                read_event(
                    clause_text,
                    time,
                    doc.text[max(sentence[0], clause[0] - 80) : clause[0]],
                    mention.end - clause[0],
                )
                if (measure or unit) in self.lexicon.home_measures
                else None
            )
            if event is not None:
                kind_of = event.split()[0]
                dated_here = _DAY_SUFFIX.search(event) and (time.text or "") in clause_text
                if (
                    not dated_here
                    and kind_of in incidents
                    and _DEFINITE_INCIDENT.search(clause_text)
                ):
                    event, time = incidents[kind_of]  # "471 people died in the blast"
                elif _DAY_SUFFIX.search(event):
                    incidents[kind_of] = (event, time)
                if _DAY_SUFFIX.search(event):
                    told_incident = (sentence, event, time)
            elif (
                told_incident is not None
                and told_incident[0] == sentence
                and (measure or unit) in self.lexicon.home_measures
                and (
                    time.start is None
                    or time.start == time.end
                    or (time.start, time.end) == (told_incident[2].start, told_incident[2].end)
                )
            ):
                # "40 were injured in Sunday's drone attack, ... the three soldiers who were
                # killed": the sentence's one dated incident is the toll's
                _, event, time = told_incident
            elif (
                mention.value is not None
                and (measure or unit, mention.value) in tolls
                and (time.basis == "published" or time is timer.lede)
            ):
                # "TWO dozen American troops were hurt when ... last week", then "Central
                # Command said 24 service members suffered minor injuries": the toll again
                event, time = tolls[(measure or unit, mention.value)]
            if (
                (frame.location is None or frame.guess == "main")
                and event is not None
                and _DAY_SUFFIX.search(event)
                and time.end is not None
                and article.published is not None
                and (article.published - time.end).days > BACKGROUND_DAYS
            ):
                # "after the Oct. 7 attack in which nearly 1,200 people were killed" in a
                # report on Gaza three months on: an earlier incident recalled, not one of
                # the place the article is about (whose and where stay unknown unless
                # stated: the other reports of the incident say)
                frame.location, frame.guess = None, "recalled"
            if event is not None and mention.value is not None:
                tolls.setdefault((measure or unit, mention.value), (event, time))
            reading = read_statistic(
                Context(
                    doc.text[clause[0] : mention.start],
                    doc.text[mention.end : clause[1]],
                    clause_text,
                    kind,
                    unit,
                    measure,
                    "running_total"
                    if frame.claimed and unit in self.lexicon.combatants
                    else self.lexicon.statistics.get(frame.measure or unit or ""),
                    time,
                    article.published,
                    (measure or unit) in self.lexicon.units,
                    said,
                    event,
                    scope,
                )
            )
            if (
                reading.statistic == "running_total"
                and reading.as_of is not None
                and _GIVEN_BEFORE.match(doc.text, mention.end)
            ):
                # "lowered its estimate to around 1,200, from the 1,400 it had given for
                # weeks": a count given before the day it is reported superseded on
                day = reading.as_of - dt.timedelta(days=1)
                reading = replace(reading, as_of=day)
                if time.end is not None and time.end > day:
                    start = time.start if time.start is not None and time.start <= day else None
                    time = time.model_copy(update={"start": start, "end": day})
            rated = self.lexicon.statistics.get(measure or unit or "") == "rate"
            if rated and unit == "percent":
                horizon = rate_horizon(clause_text)
                if horizon is not None:
                    said_horizon = (mention.start, horizon)
                elif (
                    reading.statistic == "change"
                    and reading.period is None
                    and said_horizon is not None
                    and said_horizon[1] == "year"
                    and (time.basis == "published" or time is timer.lede or time.text is None)
                    and "\n\n" not in doc.text[said_horizon[0] : mention.start]
                ):
                    # "The consumer price index registered an annual increase of 8.7 per
                    # cent ... The broader CPIH index ... rose 8.7 per cent": the horizon
                    # the paragraph named, when the figure names no time of its own
                    reading = Reading("rate", "year")
            if reading.statistic == "rate" and kind == "change":
                kind = "level"  # "prices rose 0.3% on the month": the rate, going up
            if kind == "change" and direction == "down" and (value or 0) < 0:
                # "the CAC 40 -1.1%": a fall of 1.1%, like "down 1.1%"
                value, low, high = (None if v is None else -v for v in (value, high, low))
            attribution = attributor.at(mention.start, measure or unit)
            fields: dict[str, Any] = {
                "article": article.id,
                "start": mention.start,
                "end": mention.end,
                "text": mention.text,
                "sentence": text,
                "value": value,
                "low": low,
                "high": high,
                "qualifier": _qualifier(mention.qualifier),
                "modifier": mention.modifier,
                "unit": unit,
                "subject": frame.subject,
                "location": frame.location,
                "time": time,
                "kind": kind,
                "direction": direction,
                "anchor": article.published,
                "source": article.source,
                "measure": measure,
                "statistic": reading.statistic,
                "period": reading.period,
                "as_of": reading.as_of,
                "event": event,
                "attribution": attribution,
            }
            covered = timer.coverage
            if (
                covered is not None
                and reading.statistic == "running_total"
                and event is None
                and reading.as_of is not None
                and covered < reading.as_of
                and (time.start is None or time.start <= covered or time.start == time.end)
            ):
                # "The study ... covers the period to the end of June 2006": its totals are
                # counted to that day, not to the day they were reported
                fields["as_of"] = covered
                start = time.start if time.start is not None and time.start <= covered else None
                fields["time"] = time.model_copy(update={"start": start, "end": covered})
            if frame.margin is not None:
                _as_estimate(fields, claims, frame.margin)
            elif (
                frame.carried is not None  # a count of an earlier sentence, or of one
                # in this sentence that is ("Poland followed with 1,553,707, then
                # Germany with 1,021,667")
                and (time.basis == "published" or time is timer.lede)
                and not when_clause(text)
            ):
                # "Russia accounted for the largest number, 2,852,395" after "reached
                # 7,915,287 as of 3 January": counted as of the same day (and "A poll had
                # pointed to 504,770" after a fourth quarter's forecast: not the lede's year)
                head = _claim_at(claims, frame.carried)
                if head is not None and head.time.basis in ("explicit", "relative"):
                    fields["time"] = head.time
                    if reading.statistic == "flow" and head.statistic == "flow":
                        fields["period"] = head.period  # the quarter's, not the lede's year
            elif frame.elided and last_index >= 0:
                head = claims[last_index]
                if (
                    reading.period is None
                    and head.period is not None
                    and head.statistic in ("flow", "rate")
                ):
                    # "115 a day in the second year and 126 in the third": per day too
                    fields["statistic"], fields["period"] = head.statistic, head.period
                    fields["as_of"] = None
                if (
                    head.sentence == text
                    and (time.basis == "published" or time is timer.lede)
                    and head.time.basis in ("explicit", "relative")
                    and not when_clause(text)
                ):
                    # "then Germany with 1,021,667 and the Czech Republic with 476,025":
                    # the figure whose noun it shares is counted when it is
                    fields["time"] = head.time
                    if fields["statistic"] == "flow" and head.statistic == "flow":
                        fields["period"] = head.period
                if (
                    head.sentence == text
                    and frame.location in (None, head.location)
                    and kind == "level"
                    and fields["statistic"] == head.statistic
                    and head.statistic in ("running_total", "level")
                    and fields["time"] == head.time
                    and _AT_NAMED.match(doc.text, mention.end)
                ):
                    # "45 of the injuries came from the attacks on Oct. 17 and 18 — 32 at
                    # the al-Tanf garrison and 13 at al-Asad air base": a part of the count
                    # its noun is from, at a named site that is no place it knows, is
                    # never that count
                    fields["statistic"], fields["as_of"] = "share", None

            claim = _construct(fields, claims[0] if claims else None)
            if frame.guess or frame.claimed:
                guessed[len(claims)] = "agent" if frame.claimed else frame.guess or ""
            claims.append(claim)
            if frame.elided and last_index >= 0:  # a part of the figure its noun is from
                heads[len(claims) - 1] = heads.get(last_index, last_index)
            last_index = len(claims) - 1
            token = doc.token_after(mention.start)
            told = (
                frame.unit,
                frame.subject,
                frame.location,
                frame.noun_end - token,
                frame.measure,
            )
            counted = frame.measure or unit
            if counted in self.lexicon.units and counted not in self.lexicon.incomparable:
                topic = (counted, mention.start)
            if signature is not None:
                templates[signature] = (frame, claim, token, told)
            previous = (mention, frame)
        claims = _fill_in(_wholes(claims, heads), self.lexicon, guessed)
        claims = self._sourced(doc, claims, guessed) if self.source_places else claims
        return self._local_people(claims, guessed)

    def _local_people(self, claims: list[Claim], guessed: Mapping[int, str]) -> list[Claim]:
        """People counted at a place (the dead, the injured) whose side neither their
        sentence nor the article says are the place's own: "Hamas fighters stormed
        southern Israel on Oct. 7, killing 1,400 people" counts Israel's dead; "Israeli
        strikes killed 178 people in Gaza", the Palestinians' (the agent is not whose the
        dead are). Not the fighters an army says it killed (``guessed`` "agent")."""
        lex = self.lexicon
        out = claims
        for number, claim in enumerate(claims):
            if (
                claim.subject is not None
                or claim.location is None
                or guessed.get(number) == "agent"
                or _base(claim) not in lex.home_measures
            ):
                continue
            whose = self._native(claim.location)
            if whose is None:
                continue
            if out is claims:
                out = list(claims)
            fields = claim.__dict__.copy()
            fields["subject"] = whose
            fields["key"] = sys.intern(
                measure_key(claim.measure or claim.unit, whose, claim.location)
            )
            out[number] = _unvalidated(fields, claim)
        return out

    def _sourced(
        self, doc: _Document, claims: list[Claim], guessed: Mapping[int, str]
    ) -> list[Claim]:
        """Rates and counts of people with no place, in an article whose sources with a
        place (see ``place`` in sources.toml) agree on one, are there: "inflation rocketed
        to 11.1 per cent ..., the Office for National Statistics revealed" is the UK's; a
        toll from the Gaza health ministry is in Gaza (and its people's). Not the fighters
        an army says it killed (``guessed`` "agent")."""
        lex = self.lexicon
        places = {
            self.source_places[name]
            for _, name in self.sources.find(doc.text)
            if name in self.source_places
        }
        if len(places) != 1:
            return claims
        [place] = places
        out: list[Claim] = []
        for number, claim in enumerate(claims):
            measure = _base(claim)
            counted = lex.statistics.get(measure) in ("rate", "share") or (
                measure in lex.home_measures and guessed.get(number) not in ("agent", "recalled")
            )
            stated = None if guessed.get(number) == "main" else claim.location
            where = stated or place
            if stated and stated != place and contains(stated, place):
                where = place  # its people's home (Palestinians: Palestine) -> the source's
            if not counted or measure in lex.incomparable or not _near(where, place):
                out.append(claim)
                continue
            whose = claim.subject or self._native(where)
            if (whose, where) == (claim.subject, claim.location):
                out.append(claim)
                continue
            fields = claim.__dict__.copy()
            fields["location"], fields["subject"] = where, whose
            fields["key"] = sys.intern(measure_key(claim.measure or claim.unit, whose, where))
            out.append(_unvalidated(fields, claim))
        return out

    def _native(self, place: str) -> str | None:
        """The actor whose home is ``place`` or contains it (Gaza -> Palestinians)."""
        actor = self.natives.get(place)
        if actor is None:
            homes = [home for home in self.natives if contains(home, place)]
            actor = self.natives[homes[0]] if len(homes) == 1 else None
        return actor

    # -- the frame -------------------------------------------------------------------
    def _marks(self, doc: _Document, kind: str, block: int) -> list[int]:
        """The indexes of the words of a kind in a block of ``_BLOCK`` words, in order,
        found once per document and block: the rules below read a few words around a
        figure for a word of a kind (a measure noun, an actor, a locative, a measure verb,
        a name); where there is none, they stop at once. (By block: only the words near
        figures are looked at.)"""
        found = doc.marks.get((kind, block))
        if found is None:
            lo = block * _BLOCK
            lower = doc.lower[lo : lo + _BLOCK]
            bare = doc.bare[lo : lo + _BLOCK]
            if kind == "measure":  # a word that may open a measure noun
                keys = self.measures.first
                found = [i for i, w in enumerate(lower, lo) if w in keys]
            elif kind == "actor-or-measure":
                measures, actors = self.measures.first, self.actors.first
                found = [
                    i
                    for i, (w, b) in enumerate(zip(lower, bare, strict=True), lo)
                    if w in measures or b in actors
                ]
            elif kind == "locative":
                found = [i for i, w in enumerate(lower, lo) if w in _LOCATIVE_AFTER]
            elif kind == "verb":
                verbs = self.lexicon.measure_verbs
                found = [i for i, w in enumerate(lower, lo) if w in verbs or w in _SUFFERED]
            else:  # "doer": a capitalized word or a reference ("the company")
                found = [
                    i
                    for i, (w, b) in enumerate(zip(lower, bare, strict=True), lo)
                    if b[:1].isupper() or w in _REFERENCES
                ]
            doc.marks[kind, block] = found
        return found

    def _has_mark(self, doc: _Document, kind: str, first: int, last: int) -> bool:
        """Whether a word of ``kind`` (see :meth:`_marks`) lies in tokens ``first:last``."""
        known = doc.marks
        for block in range(max(first, 0) // _BLOCK, (last - 1) // _BLOCK + 1):
            marks = known.get((kind, block))
            if marks is None:
                marks = self._marks(doc, kind, block)
            at = bisect.bisect_left(marks, first)
            if at < len(marks) and marks[at] < last:
                return True
        return False

    def _frame(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        previous: tuple[NumberMention, _Frame] | None,
        topic: tuple[str, int] | None = None,
    ) -> _Frame:
        lex = self.lexicon
        first = doc.token_after(mention.end)
        last = doc.token_after(sentence[1])
        compound = _COMPOUND.match(doc.text, mention.end)
        if compound:  # "a three-year campaign", "a 100,000-strong force", "a 27-km ring"
            noun = lex.measure_nouns.get((compound.group(1).lower(),))
            if noun is None and compound.group(1).lower() != "strong":
                unit = unit_after(doc.text, mention.end, limit=sentence[1])
                if unit is None:
                    return _Frame(noun_end=first)
                return _Frame(unit=unit.name, own_noun=True, noun_end=doc.token_after(unit.end))
            first = doc.token_after(compound.end())
        figure_end = compound.end() if compound else mention.end
        attached = first < len(doc.tokens) and _joined(
            doc.text[figure_end : doc.tokens[first].start]
        )
        frame = self._after(doc, first, last) if attached else _Frame(noun_end=first)
        if compound and frame.unit is None:
            frame.unit = lex.measure_nouns.get((compound.group(1).lower(),))
        if frame.unit is None or frame.plain:  # a physical or money unit (quantulum3's)
            unit = (
                unit_before(doc.text, mention.start)
                or _glued(doc, mention)
                or unit_after(doc.text, mention.end, limit=sentence[1])
            )
            if unit is not None:
                frame.unit, frame.own_noun, frame.plain = unit.name, True, False
                frame.noun_end = doc.token_after(unit.end)
        if mention.unit:
            frame.unit, frame.own_noun = mention.unit, True
        verb = active = self._verb_before(doc, mention, sentence)
        if verb is None and (frame.unit is None or frame.plain or frame.unit in lex.units):
            # "300 people were displaced" counts the displaced, not just people
            verb = self._passive_after(doc, max(first, frame.noun_end), last)
        # "Israeli strikes killed 178 people": the actor before an active verb of a
        # measure of people (the dead, the displaced) is its agent, not whose they are;
        # but fighters an army says it killed stay its claim ("killed 8,000 militants").
        agent = (
            active is not None
            and active in lex.home_measures
            and (frame.unit is None or frame.plain or frame.unit in lex.home_measures)
        )
        claimed = active is not None and active in lex.home_measures and not agent
        if mention.kind == "percent":
            verb = None  # "unemployment hit 4.1%": a rate, not attacks
        if verb is not None and not (claimed and frame.unit in lex.combatants):
            frame.unit = verb  # (fighters an army says it killed stay fighters)
            frame.own_noun = True
        frame.claimed = claimed
        # the fighters an army says it killed are the other side's, not the army's
        killed = claimed and frame.unit in lex.combatants
        if (
            topic is not None
            and mention.kind == "range"
            and frame.unit in (None, topic[0])
            and self._margin(doc, mention, sentence, topic, own=frame.unit is not None)
        ):
            frame.unit, frame.margin = topic[0], topic[1]
        if frame.unit is None and previous is not None:
            self._elided(doc, mention, sentence, previous, frame)
        if frame.unit is None:
            self._before(doc, mention, sentence, frame)
        elif frame.plain and verb is None:
            # "Production in the quarter reached 439,701 vehicles", "record deliveries of
            # 494,989 vehicles": a measure linked before a plain noun is what it counts
            linked = _Frame()
            self._before(doc, mention, sentence, linked, own=True)
            if linked.unit is not None and linked.unit in lex.units:
                frame.unit, frame.plain = linked.unit, False
                frame.subject = frame.subject or linked.subject
                frame.location = frame.location or linked.location
        carried = False
        if frame.unit is None and topic is not None:
            frame.unit = self._carried(doc, mention, topic)
            carried = frame.unit is not None
            frame.carried = topic[1] if carried else None
            if carried and frame.unit in lex.home_measures:
                # "the authors attribute 601,027 to violence": the violent deaths of the
                # excess deaths counted before (``after`` phrases in measures.toml)
                cause = self._verb_phrase(doc, doc.token_after(mention.end) - 1)
                if cause in lex.home_measures:
                    frame.unit = cause
        if frame.location is None:
            share = frame.unit == "percent" or mention.kind == "fraction"
            frame.location = self._place_after(doc, max(frame.noun_end, first), last, share=share)
        if frame.subject is None or frame.location is None:
            subject, location = self._context_before(doc, mention, sentence, frame.unit)
            if frame.unit in lex.abroad and frame.subject is None and subject is not None:
                # "Britain has welcomed some 150,000" refugees: the host is where they are
                location = location or lex.homes.get(subject)
                subject = None
            frame.subject = frame.subject or (None if agent or killed else subject)
            frame.location = frame.location or location
        if frame.location is None:
            frame.location = self._place_before(doc, mention, sentence)
        if frame.location is None and (carried or frame.borrowed_location):
            # a breakdown by place: "Poland followed with 1,553,707", "then Germany with
            # 1,021,667 and the Czech Republic with 476,025"
            frame.location = self._place_ahead(doc, mention, sentence)
            frame.guess = "part" if frame.location and carried else None
        if frame.location is None:
            frame.location = frame.borrowed_location
        if (
            frame.location is None
            and frame.unit in lex.home_measures
            and frame.subject
            and not frame.abroad
        ):
            frame.location = lex.homes.get(frame.subject)  # "3.3 million Iraqis" -> Iraq
            frame.guess = "home" if frame.location else None
        if frame.location is None:
            frame.location = self._place_in_sentence(doc, mention, sentence)
        if (
            frame.location is None
            and (frame.unit in lex.home_measures or frame.unit in lex.abroad)
            and _WORLDWIDE.search(doc.text, sentence[0], sentence[1])
        ):
            frame.location = WORLD  # "Worldwide, a record 117.3 million people had fled"
        if frame.location is None:
            frame.location = self._main_place(doc)
            if frame.location is not None and not self._names_place(doc, sentence):
                frame.guess = "main"
        if frame.abroad and frame.location == lex.homes.get(frame.subject or ""):
            frame.location, frame.guess = None, None  # refugees from Ukraine are not there
        moved = lex.from_abroad.get(frame.unit or "") if frame.abroad else None
        if moved is not None:
            # "1,045,854 people from Ukraine" counted in Germany are refugees (but not "200
            # people from Britain were at the rally": no place they are counted in)
            host = self._topic(doc, sentence, moved)
            where = frame.location or (lex.homes.get(host or "") if host != frame.subject else None)
            if where is not None and where != lex.homes.get(frame.subject or ""):
                frame.unit = moved
        if (
            (frame.subject is None or frame.abroad)
            and not agent
            and not killed
            and frame.unit in lex.abroad
        ):
            # "Britain has welcomed 150,000"; "Russian authorities have raised their count
            # of people arriving from Ukraine to 5.5 million": the host is where they are
            host = self._topic(doc, sentence, frame.unit)
            if host != frame.subject:
                frame.location = frame.location or lex.homes.get(host or "")
        elif frame.subject is None and not agent and not killed:
            frame.subject = (
                self._topic(doc, sentence, frame.unit)
                or (None if frame.unit in lex.home_measures else self._doer(doc, mention, sentence))
                or self._named(doc, sentence)
            )
        if (
            frame.location is None
            and frame.subject
            and lex.statistics.get(frame.unit or "")
            in (
                "rate",
                "share",
            )
        ):
            frame.location = lex.homes.get(frame.subject)  # "UK inflation" is in the UK
        if frame.unit in self.names:
            frame.unit = None
        if frame.unit == "percent" or mention.kind == "fraction":
            change = _change(doc, mention)[0] == "change"
            frame.measure = self._rated(doc, mention, sentence, change)
            if frame.measure is None and change and previous is not None:
                frame.measure = self._change_of(doc, mention, sentence, previous)
            if frame.measure is None and previous is not None:
                frame.measure = self._rate_before(doc, mention, sentence, previous)
            if frame.measure is None and topic is not None and topic[0] in self._rates:
                frame.measure = self._carried(doc, mention, topic, percent=True)
        rated = lex.statistics.get(frame.measure or "") in ("rate", "share")
        if frame.location is None and frame.subject and rated:
            frame.location = lex.homes.get(frame.subject)  # "UK inflation" is in the UK
        rated = rated or lex.statistics.get(frame.unit or "") in ("rate", "share")
        if frame.subject is None and frame.location and rated:
            # and the other way: "inflation in the United Kingdom" is the UK's
            frame.subject = self.natives.get(frame.location)
        if killed and active is not None:
            # "Israeli forces have killed 12,000 militants in Gaza": Hamas's dead, kept
            # apart from the toll of all the dead by whose they are
            side = frame.subject or self._fighting_in(frame.location)
            if side is not None:
                frame.unit, frame.subject, frame.fighters = active, side, side
        elif (
            frame.unit in lex.combatants
            and previous is not None
            and previous[1].fighters is not None
            and previous[0].start >= sentence[0]
        ):
            # "it had killed about 8,000 fighters in northern Gaza, and ... put the
            # number across the territory at about 9,000": the same count
            frame.unit, frame.subject = previous[1].unit, previous[1].fighters
            frame.fighters, frame.claimed = previous[1].fighters, True
        return frame

    def _fighting_in(self, place: str | None) -> str | None:
        """The one armed group whose fighters are counted at ``place`` (or a place
        containing it): see ``fights_in`` in actors.toml."""
        if place is None:
            return None
        groups = {
            group
            for where, group in self.lexicon.fighters_in.items()
            if where == place or contains(where, place)
        }
        return groups.pop() if len(groups) == 1 else None

    def _carried(
        self,
        doc: _Document,
        mention: NumberMention,
        topic: tuple[str, int],
        *,
        percent: bool = False,
        kind: str = "cardinal",
    ) -> str | None:
        """A figure with no noun of its own continues the paragraph's count: "Poland
        followed with 1,553,707, then Germany with 1,021,667" after "refugees from
        Ukraine ... reached 7,915,287". The measure of the last counted figure carries
        over to the next sentence at most (which may open a new paragraph: "Russia
        accounted for the largest number, 2,852,395")."""
        unit, since = topic
        if mention.kind != ("percent" if percent else kind) or mention.qualifier == "vague":
            return None  # (nor "Several were evacuated": a vague part, not the count)
        if not percent and mention.value is not None and not float(mention.value).is_integer():
            return None  # "of magnitude 6.8": no count of things
        if doc.text.count("\n\n", since, mention.start) > 1:
            return None  # a breakdown may open the next paragraph, no further
        before = doc.text[max(since, mention.start - 20) : mention.start].lower().split()
        after = doc.text[mention.end : mention.end + 12].lower()
        if _CALENDAR.intersection(before) or _RATIO.search(
            doc.text, max(0, mention.start - 40), mention.start
        ):
            return None  # "between August 12 and 19", "one household in two"
        partitive = bool(before) and before[-1] in _PARTITIVE
        if partitive and before[-1] == "with" and (len(before) < 2 or before[-2][-1:] != ","):
            partitive = False  # "Poland followed with 1,553,707" (but "troops, with 4000")
        if partitive or after.startswith(" of "):
            return None  # a part of the figure before ("5000 troops, with nearly 4000 ...",
            # "4,905,293 of them"), or of something else ("15 of Iraq's 18 provinces")
        nxt = doc.token_after(mention.end)
        if nxt < len(doc.tokens) and doc.tokens[nxt].start - mention.end <= 1:
            word = doc.lower[nxt]
            if (
                doc.tokens[nxt].word.isalpha()
                and word not in _STOP
                and word != "times"
                and not (percent and word in _SPEAKERS)  # "the 4.8% economists predicted"
                and word not in _EXPECTED  # "missed the 506,763 expected by analysts"
            ):
                return None  # a noun of its own we do not know ("two officials")
        here = bisect.bisect_right(doc.sentence_starts, mention.start)
        there = bisect.bisect_right(doc.sentence_starts, since)
        return unit if here - there <= 1 else None

    def _margin(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        topic: tuple[str, int],
        *,
        own: bool = False,
    ) -> bool:
        """A range that gives an estimate's margin counts what the estimate counts and is
        dated as it is: "98,000 excess deaths ..., but the margin is wide: the true figure
        could lie anywhere between 8,000 and 194,000"; "a toll of 1,220,580, with a margin
        running from 733,158 to 1,446,063"; "an uncertainty range of 104,000 to 223,000
        deaths" (``own``: the range names the estimate's measure itself)."""
        nxt = doc.token_after(mention.end)
        if (
            not own
            and nxt < len(doc.tokens)
            and doc.tokens[nxt].start - mention.end <= 1
            and doc.tokens[nxt].word.isalpha()
            and doc.lower[nxt] not in _STOP
        ):
            return False  # a noun of its own ("between 100 and 300 people")
        here = doc.token_after(mention.start)
        first = max(doc.token_after(sentence[0]), here - 12)
        for index in range(here - 1, first - 1, -1):
            if any(ch.isdigit() for ch in doc.tokens[index].word):
                return False  # another figure is nearer: the range may be its part
            if doc.lower[index] in _MARGIN:
                return own or self._carried(doc, mention, topic, kind="range") is not None
        return False

    def _rated(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int], change: bool
    ) -> str | None:
        """What a percentage is a rate or share of: a rate noun in its clause before it
        ("inflation fell to 4.9%", "the jobless rate was 4.2%") or right after it ("a 67%
        turnout"). Only measures whose ``statistic`` is a rate or a share count."""
        statistics = self.lexicon.statistics
        here = doc.token_after(mention.start)
        after = doc.token_after(mention.end)
        for index in range(after, min(after + 2, doc.token_after(sentence[1]))):
            gap = doc.text[mention.end : doc.tokens[index].start]
            if _BREAK_ANY.search(gap) or " and " in f" {gap.lower()} ":
                break  # "eased to 3.5%, and inflation in services ...": the next clause's
            found = self.measures.match(doc, index)
            if found is not None and statistics.get(found[0]) in ("rate", "share"):
                return found[0]
        first = doc.token_after(sentence[0])
        best: str | None = None
        # past an aside ("The CPIH measure, which adds ... costs, rose by 8.8%")
        reach = 24 if _ASIDE.search(doc.text, sentence[0], mention.start) else 12
        for index in range(here - 1, max(first, here - reach) - 1, -1):
            if index + 1 < len(doc.tokens) and _BREAK_PAREN.search(doc.gap(index, index + 1)):
                break
            if _has_digit(doc.tokens[index].word) and index < here - 1:
                break
            found = self._covering(doc, index, here)
            if found is not None and statistics.get(found[0]) in ("rate", "share"):
                best = found[0]
                break
            if (
                found is not None
                and change
                and found[0] in self.lexicon.units
                and found[0] not in self.lexicon.incomparable
            ):
                best = found[0]  # "Deliveries grew 38%": a change of deliveries
                break
        return best

    def _is_label(self, doc: _Document, mention: NumberMention) -> bool:
        """A small bare number right after a capitalized word inside a sentence, with no
        noun of its own, is part of a name: "Tower 22", "Model 3", "Camp 9" (not "Iraq
        2,500" or "in March 2023": places, actors, months and figures with separators
        are read as ever)."""
        if mention.kind != "cardinal" or mention.qualifier != "exact":
            return False
        if not mention.text.isdigit() or (mention.value or 0) >= 1000:
            return False
        here = doc.token_after(mention.start)
        index = here - 1
        if index < 0 or doc.text[doc.tokens[index].end : mention.start] != " ":
            return False
        word = doc.tokens[index].word
        if not (word[:1].isupper() and word[1:].islower() and word.isalpha()):
            return False
        if doc.tokens[index].start in doc.sentence_set() or word.lower() in _CALENDAR:
            return False
        if word.lower() in _MONTH_SHORT:
            return False  # "Jan 28"
        return (
            self.places.match(doc, index) is None
            and self.actors.match(doc, index) is None
            and self.measures.match(doc, index) is None
            and word.lower() not in _OPENERS
        )

    def _rate_before(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        previous: tuple[NumberMention, _Frame],
    ) -> str | None:
        """A percentage joined to a rate's percentage just before it is a reading of the
        same rate: "rose to 3.9% in February from 3.7% in January"."""
        before, frame = previous
        if before.start < sentence[0] or before.kind != "percent" or frame.measure is None:
            return None
        if self.lexicon.statistics.get(frame.measure) not in ("rate", "share"):
            return None
        between = doc.text[before.end : mention.start]
        if len(WORD.findall(between)) > 8 or _BREAK_COLON.search(between):
            return None
        joined = _COORDINATION.search(between) or re.search(r"\bafter\b", between)
        return frame.measure if joined else None

    def _change_of(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        previous: tuple[NumberMention, _Frame],
    ) -> str | None:
        """A percentage change set right after a count is that count's: "delivered 1.31
        million vehicles, up 40% from 2021"."""
        before, frame = previous
        lex = self.lexicon
        if before.start < sentence[0] or frame.unit not in lex.units:
            return None
        if frame.unit in lex.incomparable or lex.statistics.get(frame.unit) in ("rate", "share"):
            return None
        between = doc.text[before.end : mention.start]
        if len(WORD.findall(between)) > 4 or _BREAK_COLON.search(between):
            return None
        return frame.unit

    def _covering(self, doc: _Document, index: int, limit: int) -> tuple[str, int] | None:
        """The longest measure phrase that covers token ``index`` ("core inflation" over
        "inflation"), read back from it."""
        best: tuple[str, int] | None = None
        for start in range(max(0, index - 2), index + 1):
            found = self.measures.match(doc, start, limit)
            if found is None or start + found[1] <= index:
                continue
            if best is None or found[1] > best[1]:
                best = found
        return best

    def _after(self, doc: _Document, first: int, last: int) -> _Frame:
        """Scan the noun phrase after the figure for the counted noun and an actor."""
        frame = _Frame(noun_end=first)
        index = first
        steps = 0
        scanned: list[int] = []
        while index < last and steps < 6:
            if index > first and not _joined(doc.gap(index - 1, index)):
                break
            token = doc.tokens[index]
            lower = _bare(token.word.lower())
            if steps == 0 and lower == "of":  # "hundreds of thousands of innocent lives"
                index += 1
                if index < last and doc.tokens[index].word.lower() in _DETERMINERS:
                    index += 1
                steps += 1
                continue
            measure = self.measures.match(doc, index, last)
            if measure is not None:
                frame.unit, frame.own_noun = measure[0], True
                frame.noun_end = index + measure[1]
                if frame.subject is None:  # "180 attacks on American troops" -> US
                    frame.subject = self._target(doc, frame.noun_end, last)
                if frame.subject is None:  # "refugees from Ukraine": Ukraine's, not there
                    frame.subject = self._origin(doc, frame.noun_end, last)
                    frame.abroad = frame.subject is not None
                return frame
            actor = self.actors.match(doc, index, last)
            if actor is not None:
                frame.subject = frame.subject or actor[0]
                index += actor[1]
                steps += 1
                continue
            if lower in _STOP or (not token.word.isalpha() and "-" not in token.word):
                break
            if token.word[0].isupper() and self.places.match(doc, index, last):
                break
            if index > first and lower in self.lexicon.measure_verbs:
                break  # "128 Iraqis died violently each day": the phrase ended at its verb
            scanned.append(index)
            steps += 1
            index += 1
        # No measure noun: a plain plural noun right after the figure counts as the unit.
        if len(scanned) == 1:
            word = doc.tokens[scanned[0]].word
            if (
                word.islower()
                and word.isalpha()
                and word.endswith("s")
                and len(word) > 3
                and word not in _NOT_UNITS
            ):
                frame.unit, frame.own_noun, frame.plain = word, True, True
                frame.noun_end = scanned[0] + 1
                return frame
        frame.noun_end = first
        return frame

    def _target(self, doc: _Document, index: int, last: int) -> str | None:
        """Whom a count is aimed at, right after its noun: "attacks on US forces",
        "strikes against American troops". The target is whose figure it is."""
        if index >= last or doc.lower[index] not in _AGAINST:
            return None
        if not _joined(doc.gap(index - 1, index)):
            return None
        index += 1
        if index < last and doc.lower[index] in _DETERMINERS:
            index += 1
        for at in range(index, min(index + 3, last)):
            if not _joined(doc.gap(at - 1, at), loose=at > index):
                return None
            actor = self.actors.match(doc, at, last)
            if actor is not None:
                return actor[0]
            if doc.lower[at] in _STOP:
                return None
        return None

    def _origin(self, doc: _Document, index: int, last: int) -> str | None:
        """Where the people counted come from, right after their noun: "refugees from
        Ukraine", "people from Ukraine" are Ukraine's (and not in Ukraine)."""
        if index + 1 < last and doc.lower[index] in _MOVING and doc.lower[index + 1] == "from":
            index += 1  # "people arriving from Ukraine"
        if index >= last or doc.lower[index] != "from" or not _joined(doc.gap(index - 1, index)):
            return None
        index += 1
        if index < last and doc.lower[index] == "the":
            index += 1
        place = self.places.match(doc, index, last) if index < last else None
        return None if place is None else self.natives.get(place[0])

    def _verb_before(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int]
    ) -> str | None:
        """A measure verb right before the figure: "killed more than 26,000"; or, for a
        frequency, before its object: "attacked the base more than 40 times"."""
        index = doc.token_after(mention.start) - 1
        after = doc.token_after(mention.end)
        if after < len(doc.lower) and doc.lower[after] == "times":
            # "targeted US forces in Iraq and Syria more than 150 times", "came under
            # attack 16 times": a measure verb, or a measure noun, before the frequency.
            for back in range(index, max(index - 10, doc.token_after(sentence[0]) - 1), -1):
                if _BREAK_COMMA.search(doc.gap(back, back + 1)):
                    break
                verb = self.lexicon.measure_verbs.get(doc.lower[back])
                if verb is not None:
                    return verb
                noun = self.measures.match(doc, back, index + 1)
                if noun is not None and noun[0] in self.lexicon.cumulative:
                    return noun[0]
        for _ in range(5):
            if index < 0 or doc.tokens[index].start < sentence[0]:
                return None
            word = doc.tokens[index].word.lower()
            if index > 0:  # "handed over 450,278 vehicles"
                pair = f"{doc.lower[index - 1]} {word}"
                if pair in self.lexicon.measure_verbs:
                    return self.lexicon.measure_verbs[pair]
            if word in self.lexicon.measure_verbs:
                return self.lexicon.measure_verbs[word]
            if word not in _AUXILIARIES:
                return None
            index -= 1
        return None

    def _passive_after(self, doc: _Document, first: int, last: int) -> str | None:
        """A measure verb right after the figure's noun phrase (which ends before token
        ``first``): "26,000 Palestinians were killed", "300 people were displaced", "151,000
        Iraqis died", "29 service members sustained injuries", "19 were diagnosed with
        traumatic brain injuries"."""
        lex = self.lexicon
        while first < last and self.actors.match(doc, first, last) is not None:
            first += 1  # "25,000 Palestinians have been killed": past the people named
        if not self._has_mark(doc, "verb", first, min(first + 5, last)):
            return None  # no measure verb within reach
        for index in range(first, min(first + 5, last)):
            if index > first and _BREAK_ANY.search(doc.gap(index - 1, index)):
                return None
            word = doc.lower[index]
            if word in _SUFFERED:
                ahead = index + 1
                if ahead < last and doc.lower[ahead] in ("with", "for"):
                    ahead += 1
                for at in range(ahead, min(ahead + 4, last)):
                    found = self.measures.match(doc, at, last)
                    if found is not None and found[0] in lex.cumulative:
                        return found[0]
                return None
            verb = lex.measure_verbs.get(word)
            if verb is None:
                continue
            if word in _INTRANSITIVE or (index > first and doc.lower[index - 1] in _PASSIVE):
                return self._verb_phrase(doc, index) or verb
        return None

    def _verb_phrase(self, doc: _Document, index: int) -> str | None:
        """The measure a phrase right after the verb at token ``index`` makes of it ("died
        as a consequence of the war": excess deaths; see ``after`` in measures.toml)."""
        phrases = self.lexicon.after_verbs
        if not phrases or index + 1 >= len(doc.lower):
            return None
        following = " ".join(doc.lower[index + 1 : index + 6])
        for phrase, measure in phrases.items():
            if following.startswith(phrase):
                return measure
        return None

    def _elided(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        previous: tuple[NumberMention, _Frame],
        frame: _Frame,
    ) -> None:
        """ "2,500 US troops in Iraq and about 900 in Syria": 900 borrows "US troops"."""
        before, before_frame = previous
        if before.start < sentence[0] or before_frame.unit is None or frame.own_noun:
            return
        if before_frame.unit == "percent" and mention.kind != "percent":
            return  # "about 1% fewer than the 1,808,581": a count is no percentage
        nxt = doc.token_after(mention.end)
        if (
            nxt < len(doc.tokens)
            and doc.tokens[nxt].word.isalpha()
            and doc.lower[nxt] not in _STOP
            and doc.lower[nxt] != "times"
        ):
            return  # the figure has a noun of its own that we did not know
        start = (
            doc.tokens[before_frame.noun_end].start
            if before_frame.noun_end < len(doc.tokens)
            else before.end
        )
        between = doc.text[start : mention.start]
        # Close by, joined by a coordinator, with no noun of its own in between; or a
        # breakdown after a colon ("24 service members were hurt: 20 at al-Tanf and four
        # at al-Asad"); or a frequency after a frequency ("attacked 55 times since Oct. 17,
        # officials said, 27 times in Iraq and 28 in Syria").
        frequency = _followed_by(doc, before, "times") and _followed_by(doc, mention, "times")
        breakdown = ":" in between and len(WORD.findall(between.rsplit(":", 1)[1])) <= 8
        coordinated = len(WORD.findall(between)) <= 8 and _COORDINATION.search(between)
        if not (frequency or breakdown or coordinated):
            return
        if _BREAK_STOP.search(between) or (":" in between and not (breakdown or frequency)):
            return
        frame.unit = before_frame.unit
        frame.subject = frame.subject or before_frame.subject
        frame.borrowed_location = before_frame.location
        frame.elided = True

    def _before(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        frame: _Frame,
        *,
        own: bool = False,
    ) -> None:
        """ "number of US forces in Iraq was recorded at 1,70,300": the noun comes first.

        Walking back at most 20 words in the sentence (past years, not past another
        figure), the measure nouns linked to the figure by a copula, a preposition or a
        verb of reaching ("has risen to", "put ... at", "shrink from") are candidates; one
        introduced as a count ("the number of people killed when Israeli troops opened
        fire ... has risen to 112", "the death toll") wins over a nearer noun, else the
        nearest does."""
        nxt = doc.token_after(mention.end)
        if not own and nxt < len(doc.tokens) and doc.tokens[nxt].start < sentence[1]:
            word = doc.tokens[nxt].word
            adjacent = not doc.text[mention.end : doc.tokens[nxt].start].strip()
            if adjacent and word.isalpha() and word.islower() and word not in _STOP:
                return  # followed by a noun of its own (``own``: a plain one, read past)
        here = doc.token_after(mention.start)
        index = here - 1
        first = doc.token_after(sentence[0])
        if not self._has_mark(doc, "measure", max(first, here - 20), here):
            return  # no measure noun within reach
        best: tuple[str, int, int] | None = None
        for _ in range(20):
            if index < first:
                break
            word = doc.tokens[index].word
            if (
                _has_digit(word)
                and not _YEAR.fullmatch(word)
                and not doc.in_date(doc.tokens[index].start)
                and not _CHANGE_TO.match(doc.text, doc.tokens[index].start)
            ):
                break  # another figure lies between (a date does not: "the Oct. 7 attack";
                # nor the change in "production rose 35% to 1.85 million")
            measure = self.measures.match(doc, index)
            if measure is not None and measure[0] in self.lexicon.incomparable:
                measure = None  # a duration ("at the end of the month it put ... at")
            for back in (1, 2):
                # the noun is the end of a longer one: "put the excess toll at"
                if measure is None or index - back < first:
                    break
                whole = self.measures.match(doc, index - back)
                if whole is not None and whole[1] > back and whole[1] - back >= measure[1]:
                    index, measure = index - back, whole
                    break
            if measure is not None and index + measure[1] <= here:
                between = doc.text[doc.tokens[index + measure[1] - 1].end : mention.start]
                if _BREAK_COLON.search(between):
                    break
                if "," in between and self._in_aside(doc, sentence, index):
                    index -= 1  # "The ministry's count, which does not distinguish between
                    continue  # civilians and combatants, topped 10,000": not combatants
                words = between.split()
                if own and (len(words) > 5 or not words or not _LINK.fullmatch(words[-1])):
                    pass  # past a plain noun of its own: only a close link ("reached")
                elif _LINK.search(between):
                    name, rank = self._count_noun(doc, index, measure)
                    longer = best is not None and index + measure[1] > best[1]
                    if best is None or rank > best[2] or (longer and rank == best[2]):
                        best = (name, index, rank)  # ("excess deaths" over its "deaths")
                        if rank == 2:
                            break
            index -= 1
        if best is None:
            return
        frame.unit, noun_start, _ = best
        size = self.measures.match(doc, noun_start)
        width = size[1] if size is not None else 1
        frame.subject = frame.subject or self._actor_in(
            doc, max(first, noun_start - 3), noun_start + width
        )
        if frame.subject is None:  # "the number of refugees from Ukraine ... 6 million"
            frame.subject = self._origin(doc, noun_start + width, here)
            frame.abroad = frame.subject is not None
        frame.location = self._place_after(doc, noun_start + width, here)

    def _in_aside(self, doc: _Document, sentence: tuple[int, int], index: int) -> bool:
        """Token ``index`` is in a relative clause between commas (", which ... ,")."""
        opened = doc.text.rfind(",", sentence[0], doc.tokens[index].start)
        return opened >= 0 and _ASIDE_OPEN.match(doc.text, opened + 1) is not None

    def _count_noun(self, doc: _Document, index: int, measure: tuple[str, int]) -> tuple[str, int]:
        """A measure noun met before a figure, and how surely it is what the figure
        counts: 2 when introduced as a count ("the number of [American] service members
        injured", "the death toll"), 1 for a running total's noun, else 0. People named
        with a casualty participle count the casualties ("service members injured")."""
        name = measure[0]
        after = index + measure[1]
        if after < len(doc.lower):
            verb = self.lexicon.measure_verbs.get(doc.lower[after])
            if verb is not None and verb in self.lexicon.cumulative:
                name = verb
        back = index - 1
        while back >= 0 and index - back <= 3 and self.actors.match(doc, back) is not None:
            back -= 1
        if back >= 0 and doc.lower[back] in _COUNT_WORDS:
            return name, 2
        if doc.lower[index + measure[1] - 1] in _TOLLS:
            return name, 2
        return name, 1 if name in self.lexicon.cumulative else 0

    # -- actors and places -----------------------------------------------------------
    def _adjective(self, doc: _Document, index: int, size: int) -> bool:
        return tuple(doc.bare[index : index + size]) in self.lexicon.adjectives

    def _main_place(self, doc: _Document) -> str | None:
        """The place an article is about: the most named one, if clearly ahead, or the
        places its lead names with it ("in Iraq and Syria").

        Found once per document. It must be named at least twice and half again as often
        as any other place; a figure with no place of its own holds there.
        """
        if doc.main_place is None:
            counts: dict[str, int] = {}
            index = 0
            while index < len(doc.tokens):
                place = self.places.match(doc, index)
                if place is None:
                    index += 1
                    continue
                if self.actors.match(doc, index) is None:  # "US" is mostly an actor
                    counts[place[0]] = counts.get(place[0], 0) + 1
                index += place[1]
            # a town's or province's mentions count for its country (or province) when
            # the article names that too: "RAFAH ... in Gaza City ... in Gaza" is Gaza's
            named = dict(counts)
            for name, count in named.items():
                for outer in ancestors(name):
                    if outer in named and gazetteer().kind.get(outer) != "region":
                        counts[outer] += count
            ranked = sorted(counts.items(), key=lambda item: -item[1])
            top = ranked[0] if ranked else ("", 0)
            runner_up = ranked[1][1] if len(ranked) > 1 else 0
            doc.main_place = top[0] if top[1] >= 2 and top[1] >= 1.5 * runner_up else ""
            lead = self._locatives(doc, doc.sentences[0]) if doc.sentences else []
            if doc.main_place and lead and doc.main_place in lead[0][1].split("+"):
                # the scene the lead sets, of which the most named place is one: "US
                # troops in Iraq and Syria have come under attack at least 102 times"
                doc.main_place = lead[0][1]
        return doc.main_place or None

    def _topic(
        self, doc: _Document, sentence: tuple[int, int], unit: str | None = None
    ) -> str | None:
        """The actor a sentence is about: its subject ("The PMU is ..."), or, for a sentence
        opening with "There", "It", "They"..., the subject of the sentence before (read once
        for the figures of the sentence that count people, and once for the others).

        People counted (the dead, the injured) are not the subject's when it is who did it:
        "Israeli strikes killed 178 people ..., bringing the toll to 25,105 dead"."""
        home = unit in self.lexicon.home_measures
        if (sentence, home) not in doc.topics:
            doc.topics[sentence, home] = self._read_topic(doc, sentence, home)
        return doc.topics[sentence, home]

    def _read_topic(self, doc: _Document, sentence: tuple[int, int], home: bool) -> str | None:
        first = doc.token_after(sentence[0])
        if first < len(doc.lower) and doc.lower[first] in _EXPLETIVES:
            index = bisect.bisect_right(doc.sentence_starts, sentence[0] - 1) - 1
            if index < 0:
                return None
            sentence = doc.sentences[index]
        actor = self._subject_of(doc, sentence, people=home)
        if actor is not None and home and self._agent(doc, sentence):
            return None
        return actor

    def _agent(self, doc: _Document, sentence: tuple[int, int]) -> bool:
        """The sentence opens with who harmed people: an actor whose verb, within its first
        words, is a measure verb of people counted ("Israeli strikes killed", "Russian
        forces have wounded")."""
        first = doc.token_after(sentence[0])
        last = min(doc.token_after(sentence[1]), first + 6)
        verbs = self.lexicon.measure_verbs
        home = self.lexicon.home_measures
        return any(verbs.get(doc.lower[index]) in home for index in range(first + 1, last))

    def _named(self, doc: _Document, sentence: tuple[int, int]) -> str | None:
        """A name that opens the sentence as its subject ("Tesla delivered 484,507
        vehicles", "BYD's sales"): a capitalized word the article also capitalizes inside
        a sentence (so a name, not a sentence-initial common word), not a place, and not
        a source saying something ("Reuters reported"). Read once for the figures of the
        sentence; each reading of it makes it the name last read."""
        if sentence not in doc.openings:
            doc.openings[sentence] = self._opening_name(doc, sentence)
        found = doc.openings[sentence]
        if found is None:
            return None
        doc.last_named, doc.last_named_at = found
        return found[0]

    def _opening_name(self, doc: _Document, sentence: tuple[int, int]) -> tuple[str, int] | None:
        """The name :meth:`_named` reads and where it is."""
        first = doc.token_after(sentence[0])
        if first >= len(doc.tokens) or doc.tokens[first].start >= sentence[1]:
            return None
        if doc.tokens[first].word.endswith("'s") and self.places.match(doc, first):
            first += 1  # "China's BYD, however, sold 526,409"
            if first >= len(doc.tokens):
                return None
        word = doc.bare[first]
        if not word[:1].isupper() or word.lower() in _OPENERS or self.places.match(doc, first):
            return None
        if self.actors.match(doc, first) is not None:
            return None  # "Russian authorities have raised their count": no company
        nxt = first + 1
        if nxt < len(doc.tokens) and doc.lower[nxt] in _SAYS:
            return None
        if word not in doc.names() and not self._opener(doc, first):
            return None
        return word, doc.tokens[first].start

    def _doer(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int]
    ) -> str | None:
        """The name that does what the figure counts, a few words before it in its
        clause: "Tesla delivered a record 484,507 vehicles", "Tesla built 494,989 cars"
        (a name the article capitalizes mid-sentence, not a place, not a person's
        surname); "the company sold around 1.3 million": the name last read so."""
        here = doc.token_after(mention.start)
        first = max(doc.token_after(sentence[0]), here - 8)
        if not self._has_mark(doc, "doer", first, here) and not (
            here >= 2 and doc.lower[here - 2] in ("and", "but")
        ):
            return None  # no name, no reference, no "..., and built": nobody to read
        aside = False  # inside ", however," read back
        for index in range(min(here, len(doc.tokens)) - 1, first - 1, -1):
            right = doc.tokens[index + 1].start if index + 1 < here else mention.start
            gap = doc.text[doc.tokens[index].end : right]
            if _BREAK_PAREN.search(gap) or ("," in gap and not aside):
                if "," in gap and _aside(doc, index):
                    aside = True  # "BYD, however, sold 526,409": past the aside
                    continue
                if index + 3 == here and doc.lower[index + 1] in ("and", "but"):
                    # "Tesla delivered 1.31 million ..., and built 1.37 million"
                    return doc.last_named if doc.last_named_at >= sentence[0] else None
                return None
            if aside and "," in gap:
                aside = False  # the word before the aside is read as any other
            word = doc.tokens[index].word
            if _has_digit(word):
                return None
            if (
                doc.lower[index] in _REFERENCES
                and index > first
                and (doc.lower[index - 1] in ("the", "its") or doc.bare[index - 1].islower())
                and (doc.last_named or self._article_name(doc))
            ):
                return doc.last_named or self._article_name(doc)
            name = doc.bare[index]
            if (
                index + 1 < here
                and name.isalpha()
                and name[:1].isupper()
                and name.lower() not in _OPENERS
                and name.lower() not in _CALENDAR
                and (
                    name in doc.names()
                    or self._inside(doc, index)
                    or self._opener(doc, index)
                    or (
                        doc.lower[index + 1] in self.lexicon.measure_verbs  # "Tesla shifted"
                        and self.measures.match(doc, index) is None  # not "Unemployment hit"
                    )
                )
                and doc.tokens[index + 1].word.islower()
                and doc.lower[index + 1] not in _STOP
                and not self.places.match(doc, index)
                and not self.actors.match(doc, index)
                and not (index > 0 and doc.lower[index - 1] == "of")  # "Bank of England"
                and not (
                    index > 0
                    and doc.tokens[index - 1].word[:1].isupper()
                    and not doc.tokens[index - 1].word.endswith("'s")
                    and not doc.gap(index - 1, index).strip()
                )  # "Elon Musk pledged": a person
            ):
                doc.last_named, doc.last_named_at = name, doc.tokens[index].start
                return name
        return None

    def _article_name(self, doc: _Document) -> str | None:
        """The one name that opens sentences of the article, if there is one: what "the
        company" stands for before the article names it as a subject."""
        names = {
            doc.bare[index]
            for index in (doc.token_after(start) for start in doc.sentence_starts)
            if index < len(doc.tokens) and self._opener(doc, index)
        }
        return next(iter(names)) if len(names) == 1 else None

    def _opener(self, doc: _Document, index: int) -> bool:
        """Token ``index`` is a word that opens two sentences or more and names no
        measure, place or actor ("Tesla"; not "Deliveries", "Inflation")."""
        return (
            doc.bare[index] in doc.openers()
            and doc.bare[index].lower() not in _OPENERS
            and self.measures.match(doc, index) is None
            and self.places.match(doc, index) is None
            and self.actors.match(doc, index) is None
        )

    @staticmethod
    def _inside(doc: _Document, index: int) -> bool:
        """Token ``index`` is inside a sentence, after a comma or a dash ("AUSTIN, Texas -
        Tesla delivered", "For the full year, Tesla delivered"): its capital is a name's."""
        if index == 0 or doc.tokens[index].start in doc.sentence_set():
            return False
        return doc.gap(index - 1, index).strip() in (",", "-", "\u2013", "\u2014")

    def _subject_of(
        self, doc: _Document, sentence: tuple[int, int], *, people: bool = False
    ) -> str | None:
        """An actor among the first words of a sentence ("The PMU is", "US combat forces").

        For people counted (``people``), an adjective names whose they are only before a
        measure noun ("Iraqi deaths", "US troops"), not before anything else: "The
        British polling firm ... says the toll runs to about a million" is no British
        toll."""
        first = doc.token_after(sentence[0])
        last = min(doc.token_after(sentence[1]), first + 3)
        for index in range(first, last):
            actor = self.actors.match(doc, index, last)
            if actor is not None:
                after = index + actor[1]
                noun = self.measures.match(doc, after) if after < len(doc.tokens) else None
                if people and self._adjective(doc, index, actor[1]) and noun is None:
                    return None
                head = after + (noun[1] if noun is not None else 0)
                if head < len(doc.tokens) and doc.lower[head] in _SOURCE_HEADS:
                    return None  # "The UN refugee agency also lists 2.8 million": who says
                return actor[0]
        return None

    def _actor_in(self, doc: _Document, first: int, last: int) -> str | None:
        for index in range(first, last):
            actor = self.actors.match(doc, index, last)
            if actor is not None:
                return actor[0]
        return None

    def _context_before(
        self,
        doc: _Document,
        mention: NumberMention,
        sentence: tuple[int, int],
        unit: str | None = None,
    ) -> tuple[str | None, str | None]:
        """Subject and location from the words before the figure, within its clause.

        Walking back at most 12 words, stopping at a comma, another figure or the
        sentence start: an actor gives the subject ("The US currently maintains 2,500");
        a measure noun stops the walk, lending the actor right before it and its
        locative ("US troops in Iraq and Syria have been attacked over 150 times").
        """
        end = doc.token_after(mention.start)
        first = max(doc.token_after(sentence[0]), end - 12)
        if not self._has_mark(doc, "actor-or-measure", first, end):
            return None, None  # nothing to read
        index = end - 1
        while index >= first:
            if index + 1 < len(doc.tokens) and _BREAK_ANY.search(doc.gap(index, index + 1)):
                break
            word = doc.tokens[index].word
            if _has_digit(word):
                break
            if index > first and doc.tokens[index - 1].word.lower() in _LOCATIVE:
                index -= 2  # "in Syria" is a place, not an actor
                continue
            if (
                index > first + 1
                and doc.lower[index - 1] == "the"
                and doc.lower[index - 2] in _LOCATIVE
            ):
                index -= 3  # nor "in the United States"
                continue
            measure = self.measures.match(doc, index, end)
            if (
                measure is not None
                and index + measure[1] < end
                and doc.lower[index + measure[1]] in _SOURCE_HEADS
            ):
                return None, None  # "The UN refugee agency lists ...": who says, not whose
            if measure is not None:
                subject = self._actor_in(doc, max(first, index - 2), index)
                if unit in self.lexicon.home_measures and measure[0] not in (unit, "people"):
                    subject = None  # "killed in the Hamas attack": the attackers'
                    # are not the dead's
                location = self._place_after(doc, index + measure[1], end)
                return subject, location
            actor = self.actors.match(doc, index, end)
            if actor is not None and not self._adjective(doc, index, actor[1]):
                return actor[0], None
            index -= 1
        return None, None

    def _place_after(
        self, doc: _Document, first: int, last: int, *, share: bool = False
    ) -> str | None:
        """ "in Iraq", "across Iraq and Syria", "to Syria" within a few words after the noun.

        With ``share`` (a percentage or fraction) "of PLACE" right after the figure
        counts too: "a third of Iraq".
        """
        of = share and first < min(last, len(doc.tokens)) and doc.lower[first] == "of"
        if not of and not self._has_mark(doc, "locative", first, min(first + 8, last)):
            return None  # no "in", "to" ... within reach
        index = first
        for _ in range(8):
            if index >= last or index >= len(doc.tokens):
                return None
            if index > first and not _joined(doc.gap(index - 1, index), loose=True):
                return None
            word = doc.lower[index]
            if word in _LOCATIVE_AFTER or (share and index == first and word == "of"):
                found = self._places_from(doc, index + 1, last)
                if found is not None:
                    return found
            elif word in _CLAUSE_WORDS or (
                word == "of" and index + 1 < last and doc.lower[index + 1] in _PART_WORDS
            ):
                return None  # (nor a part's: "526,409 vehicles ..., most of them in China")
            index += 1
        return None

    def _place_ahead(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int]
    ) -> str | None:
        """The place a few words before a figure that carries the count of the one
        before: "Poland followed with 1,553,707", "Russia accounted for the largest number,
        2,852,395" (a breakdown by place)."""
        here = doc.token_after(mention.start)
        first = max(doc.token_after(sentence[0]), here - 7)
        for index in range(here - 1, first - 1, -1):
            right = doc.tokens[index + 1].start if index + 1 < here else mention.start
            if _BREAK_PAREN.search(doc.text[doc.tokens[index].end : right]):
                return None
            if _has_digit(doc.tokens[index].word):
                return None
            place = self.places.match(doc, index, here)
            if place is not None:
                end = index + place[1]
                named = end < here and doc.tokens[end].word[:1].isupper()
                if named and not doc.gap(end - 1, end).strip():
                    return None  # "Specialists Kennedy Sanders, 24": a person
                return place[0]
        return None

    def _place_in_sentence(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int]
    ) -> str | None:
        """The nearest "in PLACE" of the sentence, before the figure, else after it, in
        the figure's clause: not across a colon or a semicolon ("after a truce in Gaza:
        as of Dec. 7 the Pentagon had counted about 78 attacks")."""
        here = doc.token_after(mention.start)
        found = self._locatives(doc, sentence)
        index = bisect.bisect_left(found, (here, ""))
        if index > 0:
            at, place = found[index - 1]
            if not _BREAK_COLON.search(doc.text, doc.tokens[at].end, mention.start):
                return place
            return None
        if found:
            at, place = found[0]
            between = doc.text[mention.end : doc.tokens[at].start]
            if not (
                _BREAK_COLON.search(between) or _SAYING.search(between) or _PART_OF.search(between)
            ):
                return place  # (not past ", the company said ..., after price cuts in China",
                # nor a part's: "526,409 vehicles in the quarter, most of them in China")
        return None

    def _names_place(self, doc: _Document, sentence: tuple[int, int]) -> bool:
        """Whether a sentence names a place anywhere ("stormed southern Israel")."""
        named = doc.named_places.get(sentence)
        if named is None:
            first, last = doc.token_after(sentence[0]), doc.token_after(sentence[1])
            named = any(self.places.match(doc, index, last) for index in range(first, last))
            doc.named_places[sentence] = named
        return named

    def _locatives(self, doc: _Document, sentence: tuple[int, int]) -> list[tuple[int, str]]:
        """The "in PLACE" of a sentence (window), as (token index, place): found once per
        window, which the figures of a sentence share."""
        found = doc.locatives.get(sentence)
        if found is None:
            first, last = doc.token_after(sentence[0]), doc.token_after(sentence[1])
            found = []
            for index in range(first, last):
                if doc.lower[index] in _LOCATIVE or doc.lower[index] in _ENTERED:
                    place = self._places_from(doc, index + 1, last)
                    if place is not None and not self._said_in(doc, index):
                        found.append((index, place))
            doc.locatives[sentence] = found
        return found

    @staticmethod
    def _said_in(doc: _Document, index: int) -> bool:
        """The "in PLACE" at token ``index`` says where a figure was said, not where it
        is: "told reporters in Berlin", "said in Geneva" (but a source named with its place,
        "the health ministry in Gaza said", counts there)."""
        before = doc.text[max(0, doc.tokens[index].start - 40) : doc.tokens[index].start]
        return bool(_SAID_BEFORE.search(before))

    def _places_from(self, doc: _Document, index: int, last: int) -> str | None:
        """The place (or places: "Iraq and Syria", "Iraq, Syria and Jordan") from token
        ``index``. Places joined by commas are a list only when an "and" closes it, so
        "in Baghdad, Iraq" stays Baghdad."""
        found: list[str] = []
        closed = 0  # how many places the list holds when an "and" joined its last one
        while index < last:
            word = doc.tokens[index].word.lower()
            if word == "the" or (
                not found and (word.rpartition("-")[2] in _HELD or word in _COMPASS)
            ):
                index += 1  # "in the Hamas-run Gaza Strip", "in northeastern Jordan"
                continue
            place = self.places.match(doc, index, last)
            if place is None:
                break
            owner = doc.tokens[index + place[1] - 1].word.endswith(("'s", "\u2019s"))
            if owner and _CAMPAIGN.match(
                " ".join(doc.lower[index + place[1] : index + place[1] + 3])
            ):
                break  # "killed in Israel's retaliatory campaign": whose war, not where
            found.append(place[0])
            index += place[1]
            if index >= last:
                break
            gap = doc.gap(index - 1, index)
            if doc.tokens[index].word.lower() == "and" and _joined(gap):
                closed = len(found) + 1
                index += 1
                continue
            if gap.strip() == "," and doc.tokens[index].word[:1].isupper():
                continue  # "Iraq, Syria and Jordan": kept if an "and" closes the list
            break
        if len(found) > 1 and closed != len(found):
            found = found[:1]  # "in Baghdad, Iraq": a comma alone joins no list
        return "+".join(sorted(set(found))) if found else None  # "Syria and Iraq" = "Iraq+Syria"

    def _place_before(
        self, doc: _Document, mention: NumberMention, sentence: tuple[int, int]
    ) -> str | None:
        """ "In Syria, the US has 900 troops" or "Iraq's 2,500 troops"."""
        end = doc.token_after(mention.start)
        first = doc.token_after(sentence[0])
        if end - 1 >= first and doc.tokens[end - 1].word.endswith("'s"):
            place = self.places.match(doc, end - 1, end)
            if place is not None:
                return place[0]
        if first < end and doc.tokens[first].word.lower() in _LOCATIVE:
            return self._places_from(doc, first + 1, end)
        return None


@lru_cache(maxsize=1)
def _default_framer() -> Framer:
    return Framer()


def _glued(doc: _Document, mention: NumberMention) -> UnitMatch | None:
    """The unit glued to an "other" mention with a value: "a 4,000km border"."""
    if mention.kind != "other" or mention.value is None:
        return None
    return glued_unit(doc.text, mention.start, mention.end)


def _list_inner(doc: _Document, figures: list[NumberMention]) -> list[bool]:
    """Which figures are inner members of a list (see ``LIST_MIN``)."""
    inner = [False] * len(figures)
    run = 0  # figures linked so far in the current run
    for number in range(1, len(figures) + 1):
        linked = number < len(figures) and bool(
            _LIST_GAP.fullmatch(doc.text, figures[number - 1].end, figures[number].start)
        )
        run += 1
        if not linked:
            if run >= LIST_MIN:
                first = doc.token_after(figures[number - run].start) + LIST_REACH
                last = doc.token_after(figures[number - 1].end) - LIST_REACH
                # token_after(start) >= first and token_after(end) <= last, read on the
                # word starts without a search per member
                starts = doc.starts
                after = starts[first - 1] if 0 < first <= len(starts) else None
                before = starts[last] if 0 <= last < len(starts) else None
                for member in range(number - run, number):
                    mention = figures[member]
                    inner[member] = (
                        (after is None and first <= 0)
                        or (after is not None and mention.start > after)
                    ) and (
                        (before is None and last >= len(starts))
                        or (before is not None and mention.end <= before)
                    )
            run = 0
    return inner


_DIGITS = str.maketrans("", "", "0123456789")


def _signature(
    text: str, figures: list[NumberMention], number: int, shapes: list[str]
) -> tuple[object, ...]:
    """What an inner list member's frame can depend on: its shape and its neighbours'
    (``shapes``: see :func:`_shapes`)."""
    before, mention, after = figures[number - 1 : number + 2]
    return (
        mention.kind,
        mention.unit,
        mention.qualifier,
        mention.modifier,
        shapes[number],
        shapes[number - 1],
        text[before.end : mention.start],
        text[mention.end : after.start],
        shapes[number + 1],
    )


def _tokens_inside(doc: _Document, figures: list[NumberMention]) -> list[int]:
    """How many words the figures before each figure hold (prefix sums)."""
    inside = [0]
    for mention in figures:
        inside.append(inside[-1] + doc.token_after(mention.end) - doc.token_after(mention.start))
    return inside


def _words_to_date(
    doc: _Document,
    number: int,
    sentence: tuple[int, int],
    date_starts: list[int],
    figure_starts: list[int],
    inside: list[int],
) -> int | None:
    """The words (not counting the figures' own) from figure ``number`` to the first date
    after it in its sentence, up to one past :data:`MAX_DATE_DISTANCE`: a list member that
    close to a date may be dated by it ("... one and twenty and one in 2019"), so it is
    framed like the members as far from it only."""
    end = figure_starts[number]
    at = bisect.bisect_left(date_starts, end + 1)
    if at == len(date_starts) or date_starts[at] >= sentence[1]:
        return None
    date = date_starts[at]
    last = bisect.bisect_left(figure_starts, date)
    words = doc.token_after(date) - doc.token_after(end) - (inside[last] - inside[number])
    return min(words, MAX_DATE_DISTANCE + 1)


def _shapes(figures: list[NumberMention]) -> list[str]:
    """Each figure's text without its digits ("$2.7bn" -> "$.bn"); a list repeats few."""
    memo: dict[str, str] = {}
    shapes = []
    for mention in figures:
        shape = memo.get(mention.text)
        if shape is None:
            shape = memo[mention.text] = mention.text.translate(_DIGITS)
        shapes.append(shape)
    return shapes


def _member(
    template: Claim, mention: NumberMention, sentence: str, change: tuple[Kind, Direction | None]
) -> Claim:
    """The claim of a list member framed like ``template`` (same qualifier and unit).

    Built without validation, like :func:`_construct`; here the key, the frame and the
    bookkeeping are the template's.
    """
    value, low, high = mention.value, mention.low, mention.high
    if mention.kind == "fraction" and template.unit == "percent":
        value, low, high = (None if v is None else v * 100 for v in (value, low, high))
    if value is not None and template.qualifier in ("exact", "approx"):
        low = value if low is None else low
        high = value if high is None else high
    fields = template.__dict__.copy()
    fields["start"] = mention.start
    fields["end"] = mention.end
    fields["text"] = mention.text
    fields["sentence"] = sentence
    fields["value"] = value
    fields["low"] = low
    fields["high"] = high
    fields["kind"], fields["direction"] = change
    if not _valid_numbers(value, low, high):
        del fields["key"]
        return Claim(**fields)
    return _unvalidated(fields, template)


def _valid_numbers(value: float | None, low: float | None, high: float | None) -> bool:
    """What the model checks of a claim's numbers: finite floats, low <= high."""
    if low is value and high is value:  # one number (most figures): checked once
        return value is None or (type(value) is float and -_INF < value < _INF)
    for number in (value, low, high):  # (a comparison with infinity is False for NaN)
        if number is not None and not (type(number) is float and -_INF < number < _INF):
            return False
    return low is None or high is None or low <= high


_CLAIM_FIELDS = tuple(Claim.model_fields)
_INF = math.inf


def _construct(fields: dict[str, Any], like: Claim | None) -> Claim:
    """A claim built from ``fields`` as validation would build it, without validating.

    The framer makes every field valid by construction (a string, a date, a TimeSpan, a
    literal); what the model adds or checks is done here: ``low``/``high`` default to
    ``value``, ``key`` from unit, subject and location, finite numbers in order. Anything
    unusual, or no earlier claim ``like`` it to share the bookkeeping of, is validated in
    full. (pydantic's ``model_construct`` does the same more slowly.)
    """
    # where the figure is in its file is not the framer's to say: the pipeline locates it
    fields.setdefault("line", None)
    fields.setdefault("column", None)
    value, low, high = fields["value"], fields["low"], fields["high"]
    if value is not None and fields["qualifier"] in ("exact", "approx"):
        low = fields["low"] = value if low is None else low
        high = fields["high"] = value if high is None else high
    if (
        like is None
        or not _valid_numbers(value, low, high)
        or not 0 <= fields["start"] <= fields["end"]
    ):
        fields.pop("key", None)
        return Claim(**fields)
    fields["key"] = _key(fields["measure"] or fields["unit"], fields["subject"], fields["location"])
    return _unvalidated({name: fields[name] for name in _CLAIM_FIELDS}, like)


@lru_cache(maxsize=4096)
def _key(unit: str | None, subject: str | None, location: str | None) -> str:
    """:func:`measure_key`, interned and memoized (the claims of an article share a few)."""
    return sys.intern(measure_key(unit, subject, location))


def _unvalidated(fields: dict[str, Any], like: Claim) -> Claim:
    """A Claim holding ``fields`` as they are (the slots ``model_construct`` fills), sharing
    ``like``'s bookkeeping of set fields; tests compare such claims with validated ones."""
    claim = Claim.__new__(Claim)
    object.__setattr__(claim, "__dict__", fields)
    object.__setattr__(claim, "__pydantic_fields_set__", like.__pydantic_fields_set__)
    object.__setattr__(claim, "__pydantic_extra__", None)
    object.__setattr__(claim, "__pydantic_private__", None)
    return claim


def _aside(doc: _Document, index: int) -> bool:
    """Token ``index`` is a one-word aside between commas: "BYD, however, sold"."""
    return (
        index > 0
        and doc.tokens[index].word.isalpha()
        and doc.tokens[index].word.islower()
        and "," in doc.gap(index - 1, index)
    )


def _joined(gap: str, *, loose: bool = False) -> bool:
    """Two words belong to one phrase: only spaces (and hyphens/quotes) between them."""
    stripped = gap.strip()
    if loose:
        return stripped in ("", "-", "'", '"', ",")
    return stripped in ("", "-", "'", '"')


def _local(text: str, clause: tuple[int, int], mention: NumberMention) -> str:
    """The figure's own phrase: its clause between the commas around the figure, up to a
    clause joined after it ("... to 1,808,581 and meeting its target of 1.8 million")."""
    left = text.rfind(",", clause[0], mention.start)
    right = text.find(",", mention.end, clause[1])
    end = right if right >= 0 else clause[1]
    joined = None
    for word in _JOINING_WORDS:  # (only a pattern's joining word makes running it worth while)
        if text.find(word, mention.end, end) >= 0:
            joined = _JOINED_CLAUSE.search(text, mention.end, end)
            break
    if joined is not None:
        end = joined.start()
    return text[left + 1 if left >= 0 else clause[0] : end]


def _fill_in(
    claims: list[Claim], lexicon: Lexicon, guessed: dict[int, str] | None = None
) -> list[Claim]:
    """Whose and where a figure is when its sentence does not say, from the rest of the
    article: a claim with no subject (or no place) takes the one subject (place) the
    article's other claims of the same measure agree on ("Tesla delivered 484,507
    vehicles ... Deliveries for the year reached 1.81 million" -> Tesla); rates and
    shares of one article agree among themselves ("UK inflation fell to 4.6% ... Core
    inflation held at 5.7%" -> UK). With two or more candidates, it stays unknown.

    A place that is only the article's main place (the claims ``guessed``) is weaker
    than the one place the article's other figures of the measure name: "In the past 24
    hours, 156 people were killed", after "21,978 Palestinians have been killed in
    Gaza", is in Gaza even if the article names Israel more often."""
    guessed = guessed or {}
    # The distinct (subject, place) pairs of each group, so that an article of many
    # figures with few subjects and places is read in linear time.
    known: dict[str, dict[tuple[str | None, str | None, bool], None]] = {}
    weak: dict[str, set[str]] = {}  # the guessed places, if no figure names one
    for number, claim in enumerate(claims):
        group = _group(claim, lexicon)
        if group is not None:
            how = guessed.get(number)
            strong = how not in ("main", "home")
            # (whose, where, whether its place is lent to others: not a part's place)
            pair = (
                None if how == "agent" else claim.subject,
                claim.location if strong else None,
                how != "part",
            )
            known.setdefault(group, {})[pair] = None
            if how in ("main", "home") and claim.location:
                weak.setdefault(group, set()).add(claim.location)
    # people and the incidents that hurt them: each group's place may come from the others
    homes = [g for g in known if g in lexicon.home_measures or g in lexicon.incidents]
    # The one side the article's counts of people and of attacks on them name, if only
    # one: "American and coalition forces ... attacked 16 times ... 21 US personnel had
    # suffered injuries ... Nineteen of them": all the US's.
    sides = {
        (s, p)
        for g, pairs in known.items()
        if g != "rates" and g not in lexicon.combatants
        for s, p, _ in pairs
        if s
    }
    side: dict[str | None, str | None] = {}  # place -> the one side named there
    whose: dict[tuple[str, str | None], str | None] = {}
    where: dict[tuple[str, str | None], str | None] = {}
    out: list[Claim] = []
    for number, claim in enumerate(claims):
        group = _group(claim, lexicon) or ""
        others = known.get(group, {})
        how = guessed.get(number)
        if how == "recalled":  # an earlier incident's toll: not the article's own
            out.append(claim)
            continue
        place = None if how in ("main", "home") else claim.location
        # Whose: among the figures of the measure at the same place (or one containing
        # it, or inside it), if it has one: "1,139 people were killed" in Israel is not
        # the Palestinians' toll in Gaza. The fighters an army says it killed take none.
        subject = claim.subject
        if subject is None and how != "agent":
            if (group, place) not in whose:
                anywhere = group in lexicon.abroad  # refugees: whose they are from home
                subjects = {
                    s
                    for s, p, _ in others
                    if s and (anywhere or place is None or p is None or _near(p, place))
                }
                whose[group, place] = next(iter(subjects)) if len(subjects) == 1 else None
            subject = whose[group, place]
            if subject is None and group != "rates":
                if place not in side:
                    named = {s for s, p in sides if place is None or p is None or _near(p, place)}
                    side[place] = next(iter(named)) if len(named) == 1 else None
                subject = side[place]
        # Where: among the figures of the measure of the same subject, if it has one; a
        # home place gives way only to a place inside it ("150 Palestinians" -> Gaza).
        found: str | None = None
        if place is None:
            if (group, subject) not in where:
                places = {
                    p
                    for s, p, lends in others
                    if p and lends and (subject is None or s in (None, subject))
                }
                places = places or weak.get(group, set())
                if not places and (group in lexicon.home_measures or group in lexicon.incidents):
                    # people counted in an article are where its other people are, and
                    # where the attacks on them are, if all agree (or are the parts of
                    # one whole): the excess deaths of a study of Iraqi deaths; "62
                    # injuries in those attacks" after "66 times ...: 32 in Iraq and 34
                    # in Syria"
                    places = _whole({p for g in homes for _, p, lends in known[g] if p and lends})
                    places = places or {p for g in homes for p in weak.get(g, ())}
                where[group, subject] = next(iter(places)) if len(places) == 1 else None
            found = where[group, subject]
        if how == "home" and found is not None and not contains(claim.location or "", found):
            found = None
        location = place or found or claim.location
        if subject == claim.subject and location == claim.location:
            out.append(claim)
            continue
        fields = claim.__dict__.copy()
        fields["subject"], fields["location"] = subject, location
        fields["key"] = sys.intern(measure_key(claim.measure or claim.unit, subject, location))
        out.append(_unvalidated(fields, claim))
    return out


def _whole(places: set[str]) -> set[str]:
    """The one place of ``places`` that contains all the others, if any, else them all."""
    if len(places) > 1:
        outer = [p for p in places if all(contains(p, q) for q in places)]
        if len(outer) == 1:
            return set(outer)
    return places


def _month_before(time: TimeSpan) -> TimeSpan:
    """The month before a day: what a monthly statistic reported on that day is for."""
    assert time.start is not None
    end = time.start.replace(day=1) - dt.timedelta(days=1)
    return TimeSpan(start=end.replace(day=1), end=end, basis=time.basis, text=time.text)


def _claim_at(claims: list[Claim], start: int) -> Claim | None:
    """The claim of the figure at ``start`` (one of the last few claims)."""
    for claim in reversed(claims):
        if claim.start == start:
            return claim
        if claim.start is not None and claim.start < start:
            return None
    return None


def _as_estimate(fields: dict[str, Any], claims: list[Claim], start: int) -> None:
    """A margin is dated and read as the estimate it qualifies (the claim at ``start``)."""
    claim = _claim_at(claims, start)
    if claim is not None:
        for name in ("time", "statistic", "period", "as_of", "event", "kind", "direction"):
            fields[name] = getattr(claim, name)


def _wholes(claims: list[Claim], heads: dict[int, int]) -> list[Claim]:
    """A figure broken down by place is at the union of its parts: "attacked
    approximately 66 times in the Middle East: 32 times in Iraq and 34 times in Syria"
    is Iraq+Syria (a place that contains them all, or none, gives way)."""
    parts: dict[int, list[str | None]] = {}
    for index, head in heads.items():
        parts.setdefault(head, []).append(claims[index].location)
    for head, places in parts.items():
        if None in places or len(set(places)) < 2:
            continue
        whole = claims[head]
        union = "+".join(sorted({p for p in places if p}))
        if whole.location == union:
            continue
        if whole.location is not None and not all(contains(whole.location, p) for p in places if p):
            continue
        fields = whole.__dict__.copy()
        fields["location"] = union
        fields["key"] = sys.intern(measure_key(whole.measure or whole.unit, whole.subject, union))
        claims[head] = _unvalidated(fields, whole)
    return claims


def _near(one: str, other: str) -> bool:
    """Two places are one, or one contains the other."""
    return one == other or contains(one, other) or contains(other, one)


def _group(claim: Claim, lexicon: Lexicon) -> str | None:
    """Which claims of an article share whose and where: one measure's (without its
    forecast or target suffix), or all rates and shares together."""
    base = _base(claim)
    if base not in lexicon.units:
        return None
    statistic = lexicon.statistics.get(base)
    return "rates" if statistic in ("rate", "share") else base


def _base(claim: Claim) -> str:
    """The measure of a claim without a forecast or target suffix."""
    measure = claim.measure or claim.unit or ""
    return measure.removesuffix("-forecast").removesuffix("-target")


def _followed_by(doc: _Document, mention: NumberMention, word: str) -> bool:
    """The word right after the figure is ``word`` ("16 times")."""
    after = doc.token_after(mention.end)
    return after < len(doc.lower) and doc.lower[after] == word


def _is_age(doc: _Document, mention: NumberMention) -> bool:
    """A small number set off by commas right after a capitalized name is the person's
    age: "Sgt. William Rivers, 46, and Specialist Kennedy Sanders, 24"."""
    if mention.kind != "cardinal" or not mention.text.isdigit() or (mention.value or 0) >= 120:
        return False
    before = doc.text[max(0, mention.start - 30) : mention.start]
    after = doc.text[mention.end : mention.end + 2]
    return bool(_NAME_COMMA.search(before)) and (after[:1] in (",", ")", ";") or not after)


def _is_reference(doc: _Document, mention: NumberMention) -> bool:
    """ "the two sides", "the one who": a small word number after "the" names, not counts."""
    if mention.kind != "cardinal" or mention.text[:1].isdigit() or mention.qualifier != "exact":
        return False
    before = doc.text[max(0, mention.start - 4) : mention.start].lower()
    after = doc.text[mention.end : mention.end + 4].lower()
    if mention.value == 1 and after.startswith(" of "):  # "one of the PMU's leaders"
        return True
    return before.endswith("the ") and (mention.value or 0) <= 12


def _change(
    doc: _Document, mention: NumberMention, scope: Scope | None = None
) -> tuple[Kind, Direction | None]:
    """Figures about a change are not levels: "another 1,500" (up), "rose by 5%" (up),
    "down 3 points" (down), "1,500 more troops" (up), "doubled" (a multiplier).
    ``scope``: a text holding the ``_CHANGE_REACH`` characters before the figure."""
    before = doc.text[max(0, mention.start - _CHANGE_REACH) : mention.start]
    words = before.split()
    if mention.modifier in _POSITIONAL and not (words and words[-1].lower() == "by"):
        return "level", None  # "rose above 11%", "up above 11%": the level reached
    if words and words[-1].lower() in _CHANGE_BEFORE:
        return "change", _CHANGE_BEFORE[words[-1].lower()]
    if mention.text[:1] == "+" and mention.kind in ("percent", "cardinal"):
        return "change", "up"  # a plus sign is a rise: "the DAX +0.3%", "+4 basis points"
    if mention.text[:1] in "-\u2212" and mention.kind == "percent":
        return "change", "down"  # and a minus sign a fall: "the CAC 40 -1.1%"
    # The verb ends right before the figure and spans at most three words ("increase of
    # by"): searching from the third last word finds the same match, in constant time.
    tail = before.rsplit(None, 3)
    verb = (
        None
        if scope is not None and scope.excludes(_CHANGE_GATE)
        else _CHANGE_VERB.search(before, len(tail[0]) if len(tail) == 4 else 0)
    )
    if verb is None and len(tail) > 2 and tail[-1].lower() == "by":
        verb = _verb_before_object(before)  # "cut the grant by £120m"
    if verb and mention.kind != "range":
        return "change", "up" if verb.group("up") else "down"
    after = doc.token_after(mention.end)
    if after < len(doc.lower) and _joined(doc.text[mention.end : doc.tokens[after].start]):
        direction = _CHANGE_AFTER.get(doc.lower[after])
        if direction is not None:
            return "change", direction
    if mention.kind == "multiplier":
        return "change", "up" if (mention.value or 0) >= 1 else "down"
    return "level", None


def _verb_before_object(before: str) -> re.Match[str] | None:
    """A change verb with its object between it and "by": "cut the grant by", "raised its
    stake by" (an object of one or two plain words)."""
    for object_by in _OBJECT_BY:
        found = object_by.search(before)
        if found is None:
            return None
        head = before[max(0, found.start() - _CHANGE_REACH) : found.start()] + " "
        verb = _CHANGE_VERB.search(head)
        if verb is not None:
            return verb
    return None


def _restates(text: str, before: Claim, mention: NumberMention) -> bool:
    """Whether ``mention`` restates the change ``before`` in an apposition: "dropped by 1.2
    million, or 9%," (the same fall as a percentage)."""
    return (
        before.kind == "change"
        and before.direction is not None
        and before.end is not None
        and before.end <= mention.start
        and _APPOSITION.fullmatch(text, before.end, mention.start) is not None
    )


def _qualifier(value: str) -> Qualifier:
    assert value in (
        "exact",
        "approx",
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "range",
        "vague",
    )
    return value  # type: ignore[return-value]
