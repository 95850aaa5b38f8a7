"""Lexicons shared by the pipeline stages, and loading of the user-extensible data files.

The word lists users may extend (measures, actors, places) live in TOML files under
``numcheck/data/``; the closed grammatical word classes (month names) live here.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from ._models import NumcheckError

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
    "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
"""Month names and their usual abbreviations (lowercase) -> month number."""


@cache
def data_file(name: str) -> Mapping[str, Any]:
    """Load a packaged TOML data file from ``numcheck/data/`` (cached)."""
    with resources.files("numcheck.data").joinpath(name).open("rb") as handle:
        return tomllib.load(handle)


WORD = re.compile(r"\w+(?:['.\-]\w+)*")
"""A word token of normalized text: ``US-led``, ``U.S`` (the final dot is punctuation),
``al-Sha'abi``, ``1,70,300`` is split at commas (numbers come from the number finder)."""

Phrase = tuple[str, ...]


def words(text: str) -> Phrase:
    """Tokenize a lexicon entry the way article text is tokenized."""
    return tuple(match.group() for match in WORD.finditer(text))


@dataclass(frozen=True)
class Lexicon:
    """The compiled word lists the claim framer looks up (see ``numcheck/data/*.toml``).

    Measure forms are matched lowercase; actor and place names as written.
    """

    measure_nouns: Mapping[Phrase, str]
    measure_verbs: Mapping[str, str]
    cumulative: frozenset[str]
    actors: Mapping[Phrase, str]
    places: Mapping[Phrase, str]
    longest: int

    units: frozenset[str]
    """Every canonical measure name of the taxonomy."""
    incomparable: frozenset[str]
    """Measures that describe, not count (durations: "a three-year campaign")."""
    home_measures: frozenset[str]
    """Measures of people counted where they live: "3.3 million Iraqis" are in Iraq."""
    homes: Mapping[str, str]
    """Actor -> the place it stands for ("Iraq" for Iraqis, "Palestine" for Palestinians)."""
    adjectives: frozenset[Phrase]
    """Actor forms that only modify a noun: "Iraqi", "American"."""
    statistics: Mapping[str, str] = field(default_factory=dict)
    """Measure -> the statistic its figures are unless the wording says otherwise:
    ``running_total`` for cumulative measures (tolls), ``flow`` for counts over a period
    (deliveries), ``rate`` for rates that percentages state (inflation)."""
    gazetteer: bool = True
    """Whether the framer also finds the generated gazetteer's places (towns, provinces,
    states: ``numcheck/data/gazetteer.tsv``), behind ``places``, which win."""
    sources: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """The ``[source.NAME]`` tables of ``sources.toml``: who says a figure (see
    :mod:`numcheck._attribution`)."""
    after_verbs: Mapping[str, str] = field(default_factory=dict)
    """Phrase -> measure: what a measure verb followed by it counts ("died as a
    consequence of the war" -> excess deaths)."""
    abroad: frozenset[str] = frozenset()
    """People counted away from home (refugees): whose they are does not depend on where
    they are counted."""
    monthly: frozenset[str] = frozenset()
    """Monthly statistics published after their month (inflation): a figure dated only
    by the day it is reported is the month before's."""
    combatants: frozenset[str] = frozenset()
    """Measures of fighters: those an army says it killed ("killed 8,000 militants") are
    the deaths of their side (see :attr:`fighters_in`), counted apart from the toll of all
    the dead; with no side known, a running total of fighters of their own."""
    from_abroad: Mapping[str, str] = field(default_factory=dict)
    """Measure -> measure: people of one counted away from the place they come from are
    the other's ("1,045,854 people from Ukraine" in Germany are refugees)."""
    incidents: frozenset[str] = frozenset()
    """Counts of incidents that hurt people (attacks): an article's counts of people and
    of such incidents are at the one place they name, when a figure names none."""
    excess: Mapping[str, str] = field(default_factory=dict)
    """Measure -> the measure of its excess over what would have been: "100,000 more Iraqis
    have died ... than would have died had it never taken place" counts excess deaths
    (``excess_of`` in measures.toml)."""
    fighters_in: Mapping[str, str] = field(default_factory=dict)
    """Place -> the armed group whose fighters an army counts there ("killed 12,000
    militants in Gaza": Hamas's dead): ``fights_in`` in actors.toml."""


def build_lexicon(
    measures: Mapping[str, Any],
    actors: Mapping[str, Any],
    places: Mapping[str, Any],
    sources: Mapping[str, Any] | None = None,
) -> Lexicon:
    """Compile the parsed TOML tables into look-up dictionaries."""
    nouns: dict[Phrase, str] = {}
    verbs: dict[str, str] = {}
    cumulative: set[str] = set()
    incomparable: set[str] = set()
    home_measures: set[str] = set()
    combatants: set[str] = set()
    monthly: set[str] = set()
    abroad: set[str] = set()
    after_verbs: dict[str, str] = {}
    excess: dict[str, str] = {}
    incidents: set[str] = set()
    from_abroad: dict[str, str] = {}
    statistics: dict[str, str] = {}
    for name, entry in measures.get("measure", {}).items():
        statistic = entry.get("statistic") or ("running_total" if entry.get("cumulative") else None)
        if statistic:
            statistics[name] = statistic
        if not entry.get("compare", True):
            incomparable.add(name)
        if entry.get("home", False):
            home_measures.add(name)
        if entry.get("combatants", False):
            combatants.add(name)
        if entry.get("monthly", False):
            monthly.add(name)
        if entry.get("incidents", False):
            incidents.add(name)
        if entry.get("from_abroad"):
            from_abroad[name] = entry["from_abroad"]
        if entry.get("abroad", False):
            abroad.add(name)
        for phrase in entry.get("after", []):
            after_verbs[" ".join(phrase.lower().split())] = name
        if entry.get("excess_of"):
            excess[entry["excess_of"]] = name
        for form in entry.get("nouns", []):
            nouns[words(form.lower())] = name
        for form in entry.get("verbs", []):
            verbs[form.lower()] = name
        if entry.get("cumulative", False):
            cumulative.add(name)
    actor_names: dict[Phrase, str] = {}
    adjectives: set[Phrase] = set()
    fighters_in: dict[str, str] = {}
    for name, entry in actors.get("actor", {}).items():
        for place in entry.get("fights_in", []):
            fighters_in[place] = name
        for form in entry.get("names", []):  # the canonical name only if listed
            actor_names[words(form)] = name
        for form in entry.get("adjectives", []):
            actor_names[words(form)] = name
            adjectives.add(words(form))
    place_names: dict[Phrase, str] = {}
    for group in ("countries", "regions", "cities"):
        for form in places.get(group, []):
            place_names[words(form)] = form
    for name, forms in places.get("aliases", {}).items():
        for form in [name, *forms]:
            place_names[words(form)] = name
    longest = max(len(p) for p in [*nouns, *actor_names, *place_names])
    units = frozenset(measures.get("measure", {}))
    place_values = set(place_names.values())
    homes = {
        name: entry.get("home", name)
        for name, entry in actors.get("actor", {}).items()
        if entry.get("home") or name in place_values
    }
    return Lexicon(
        nouns,
        verbs,
        frozenset(cumulative),
        actor_names,
        place_names,
        longest,
        units,
        frozenset(incomparable),
        frozenset(home_measures),
        homes,
        frozenset(adjectives),
        statistics,
        sources=dict((sources or {}).get("source", {})),
        combatants=frozenset(combatants),
        monthly=frozenset(monthly),
        abroad=frozenset(abroad),
        after_verbs=after_verbs,
        fighters_in=fighters_in,
        excess=excess,
        incidents=frozenset(incidents),
        from_abroad=from_abroad,
    )


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Measure(_Strict):
    nouns: list[str] = []
    verbs: list[str] = []
    cumulative: bool = False
    compare: bool = True
    home: bool = False
    combatants: bool = False
    monthly: bool = False
    incidents: bool = False
    from_abroad: str | None = None
    abroad: bool = False
    after: list[str] = []
    excess_of: str | None = None
    statistic: Literal["level", "running_total", "flow", "rate", "share"] | None = None


class _Actor(_Strict):
    names: list[str] = []
    adjectives: list[str] = []
    home: str | None = None
    fights_in: list[str] = []


class _Source(_Strict):
    names: list[str] = []
    speakers: list[str] = []
    heads: list[str] = []
    place: str | None = None


class _WordLists(_Strict):
    """The shape of a word-list file: any of the packaged files' tables."""

    measure: dict[str, _Measure] = {}
    actor: dict[str, _Actor] = {}
    countries: list[str] = []
    regions: list[str] = []
    cities: list[str] = []
    aliases: dict[str, list[str]] = {}
    source: dict[str, _Source] = {}


class LexiconError(NumcheckError):
    """A word-list file that cannot be used; the message names the file, key and problem."""


def load_lexicon(*paths: str | Path) -> Lexicon:
    """The packaged word lists extended by the user's TOML files, in order.

    A file may hold any of ``[measure.NAME]``, ``[actor.NAME]``, ``[source.NAME]``,
    ``countries``, ``regions``, ``cities`` and ``[aliases]`` (the shapes of
    ``numcheck/data/*.toml``); a measure, actor or source with an existing name replaces
    it, places and aliases add up.
    """
    measures = dict(data_file("measures.toml").get("measure", {}))
    actors = dict(data_file("actors.toml").get("actor", {}))
    places: dict[str, Any] = dict(data_file("places.toml"))
    sources = dict(data_file("sources.toml").get("source", {}))
    for path in paths:
        extra = _read_word_lists(Path(path))
        measures.update({k: v.model_dump() for k, v in extra.measure.items()})
        actors.update({k: v.model_dump(exclude_none=True) for k, v in extra.actor.items()})
        for group in ("countries", "regions", "cities"):
            places[group] = [*places.get(group, []), *getattr(extra, group)]
        aliases = dict(places.get("aliases", {}))
        for name, forms in extra.aliases.items():
            aliases[name] = [*aliases.get(name, []), *forms]
        places["aliases"] = aliases
        sources.update({k: v.model_dump(exclude_none=True) for k, v in extra.source.items()})
    return build_lexicon({"measure": measures}, {"actor": actors}, places, {"source": sources})


def _read_word_lists(path: Path) -> _WordLists:
    data = read_toml(path, LexiconError, "word lists")
    try:
        return _WordLists.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(f"{path}: invalid word lists: {problems(exc)}") from None


def read_toml(path: Path, error: type[NumcheckError], what: str) -> dict[str, Any]:
    """Parse a TOML file; a missing, unreadable or broken file raises ``error`` naming it.

    Only regular files are opened (a FIFO would block for ever); the bytes must be UTF-8.
    """
    from ._load import BadInputError, read_regular_file

    try:
        data = read_regular_file(path)
    except OSError as exc:
        raise error(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    except BadInputError as exc:
        raise error(f"{path}: cannot read {what}: {exc}") from None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise error(
            f"{path}: not valid UTF-8 (byte 0x{byte:02X} at offset {exc.start}); "
            "TOML files must be UTF-8"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise error(f"{path}: not valid TOML: arrays or tables nested too deeply") from None
    except ValueError as exc:  # an integer of more than 4,300 digits
        first = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise error(f"{path}: not valid TOML: {first}") from None


def problems(exc: ValidationError) -> str:
    """A validation error as ``key.path: problem; ...`` for one-line messages.

    Keys that are not bare TOML keys are quoted (a key may hold a line break).
    """
    return "; ".join(
        f"{'.'.join(_key(p) for p in error['loc']) or '(top level)'}: "
        + " ".join(error["msg"].split())
        for error in exc.errors()
    )


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(part: str | int) -> str:
    text = str(part)
    return text if _BARE_KEY.fullmatch(text) else json.dumps(text)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged taxonomy, actors and gazetteer."""
    return build_lexicon(
        data_file("measures.toml"),
        data_file("actors.toml"),
        data_file("places.toml"),
        data_file("sources.toml"),
    )
