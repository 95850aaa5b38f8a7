"""Score numcheck on the annotated development corpus of issue 12 ("like with like").

Run ``python tests/eval_corpus.py [-v] [--topic T]`` from the repository root. The corpus
lives in ``tests/data/corpus/<topic>/`` (articles as ``*.md``, gold frames and pair
verdicts in ``gold.toml``); its format and annotation guide are in
``tests/data/corpus/README.md``, whose vocabulary tables the validator reads.

The script validates the gold, runs :func:`numcheck.check` over every corpus article at
once (so false findings across topics count), matches each gold figure to the predicted
claim that overlaps it, and prints recall, per-field accuracy and the pair metrics
(meet, conflicts caught, false alarms). :func:`score` returns the numbers as a
:class:`Score` for the tests.
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import itertools
import math
import re
import sys
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"

sys.path.insert(0, str(ROOT))

from numcheck import Article, Claim, Discrepancy, Report, check, load_articles  # noqa: E402
from numcheck._compare import Block, blocks  # noqa: E402
from numcheck._lexicon import default_lexicon  # noqa: E402
from numcheck._models import VERDICTS as VERDICT_TABLE  # noqa: E402
from numcheck._places import gazetteer  # noqa: E402

REQUIRED: tuple[str, ...] = ("id", "article", "text", "group", "measure", "subject")
REQUIRED += ("location", "time", "statistic")
OPTIONAL: tuple[str, ...] = ("nth", "period", "as_of", "event", "attribution", "value")
OPTIONAL += ("low", "high", "qualifier")
PAIR_FIELDS = ("a", "b", "verdict", "why")
TOP_FIELDS = ("topic", "figure", "pair")

STATISTICS = frozenset({"level", "running_total", "flow", "rate", "share", "change"})
PERIODS = frozenset({"day", "week", "month", "quarter", "year"})
QUALIFIERS = frozenset(
    {"exact", "approx", "at_least", "more_than", "at_most", "less_than", "range", "vague"}
)
VERDICTS = frozenset({"consistent", "change", "update", "conflict", "regression", "disputed"})
BAD = frozenset({"conflict", "regression", "disputed"})
"""Gold verdicts a checker should raise."""
GOOD = VERDICTS - BAD
ALARMS = frozenset(verdict for verdict, info in VERDICT_TABLE.items() if info.disagreement)
"""Predicted verdicts that are alarms (with severity warning or error): the verdict
table's disagreements (a conflict, a dispute, a regression)."""
FAMILY = {verdict: set(ALARMS) for verdict in BAD}
"""Which predicted verdicts catch a gold disagreement: any alarm (a conflict, a dispute
or a regression at warning or error) on the pair; whether the verdict word is the gold's
own is printed apart ("verdicts agree")."""
FIELDS: tuple[str, ...] = ("measure", "subject", "location", "time", "statistic", "period")
FIELDS += ("event", "attribution", "value", "qualifier")
CLAIM_FIELDS = ("statistic", "period", "event", "attribution")
"""Gold fields scored only once :class:`numcheck.Claim` has a field of that name."""
UNKNOWN = "?"

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_FIGURE_ID = re.compile(r"(?P<article>.+)\.[a-z]+")


class CorpusError(ValueError):
    """The corpus is not well formed; ``problems`` holds one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = list(problems)


# -- the corpus ---------------------------------------------------------------------


@dataclass
class Figure:
    """One gold figure, located in its article's text."""

    topic: str
    data: dict[str, Any]
    start: int
    end: int

    @property
    def id(self) -> str:
        return str(self.data["id"])

    @property
    def article(self) -> str:
        return str(self.data["article"])


@dataclass
class Topic:
    name: str
    gold: Path
    articles: list[Article]
    figures: list[Figure]
    pairs: list[dict[str, Any]]


@dataclass
class Corpus:
    root: Path
    topics: dict[str, Topic]
    problems: list[str]

    @property
    def articles(self) -> list[Article]:
        return [a for t in self.topics.values() for a in t.articles]


@dataclass
class Vocabulary:
    measures: frozenset[str]
    subjects: frozenset[str]
    locations: frozenset[str]


def vocabulary(readme: Path) -> Vocabulary:
    """The vocabulary tables of the corpus README plus numcheck's packaged actors and places.

    A table follows a heading ``### measure``, ``### subject`` or ``### location``; the
    first cell of each row holds a name in backticks.
    """
    tables: dict[str, set[str]] = {"measure": set(), "subject": set(), "location": set()}
    current: str | None = None
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    for line in text.splitlines():
        heading = re.match(r"###\s+(\w+)", line)
        if heading:
            current = heading.group(1) if heading.group(1) in tables else None
            continue
        row = re.match(r"\|\s*`([^`]+)`\s*\|", line)
        if current and row:
            tables[current].add(row.group(1))
    lexicon = default_lexicon()
    return Vocabulary(
        measures=frozenset(tables["measure"]),
        subjects=frozenset({*lexicon.actors.values(), *tables["subject"], UNKNOWN}),
        locations=frozenset(
            {*lexicon.places.values(), *gazetteer().kind, *tables["location"], UNKNOWN}
        ),
    )


def _is_time(value: Any) -> bool:
    if isinstance(value, str):
        return value == "unknown" or _DATE.fullmatch(value) is not None
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, str) and _DATE.fullmatch(v) for v in value)
    )


def span(value: Any) -> tuple[dt.date | None, dt.date | None]:
    """The closed date interval a gold ``time`` names: a day, a month, a year or a pair.

    >>> span("2024-02")
    (datetime.date(2024, 2, 1), datetime.date(2024, 2, 29))
    >>> span(["2023-10-17", "2023-11"])
    (datetime.date(2023, 10, 17), datetime.date(2023, 11, 30))
    >>> span("unknown")
    (None, None)
    """
    if value == "unknown":
        return None, None
    if isinstance(value, list):
        return span(value[0])[0], span(value[1])[1]
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last)
    return dt.date(parts[0], parts[1], parts[2]), dt.date(parts[0], parts[1], parts[2])


def _occurrence(text: str, needle: str, nth: int) -> int | None:
    """Where the ``nth`` occurrence of ``needle`` standing alone starts: "1.1%" is not
    the end of "11.1%", nor "12" the start of "12,000"."""
    at, seen = -1, 0
    while seen < nth:
        at = text.find(needle, at + 1)
        if at < 0:
            return None
        before = text[at - 1] if at > 0 else " "
        after = text[at + len(needle)] if at + len(needle) < len(text) else " "
        glued = before.isalnum() or (after.isalnum() and needle[-1:].isalnum())
        digit_run = (before in ",." and text[at - 2 : at - 1].isdigit()) or (
            after in ",." and text[at + len(needle) + 1 : at + len(needle) + 2].isdigit()
        )
        if not glued and not digit_run:
            seen += 1
    return at


def _check_figure(
    where: str, row: Any, articles: Mapping[str, Article], vocab: Vocabulary
) -> list[str]:
    if not isinstance(row, dict):
        return [f"{where}: a [[figure]] must be a table"]
    fid = row.get("id", "?")
    here = f"{where}: figure {fid}"
    problems = [f"{here}: unknown field {k!r}" for k in row if k not in REQUIRED + OPTIONAL]
    problems += [f"{here}: missing field {k!r}" for k in REQUIRED if k not in row]
    if problems:
        return problems
    for name in ("id", "article", "text", "group", "measure", "subject"):
        if not isinstance(row[name], str) or not row[name]:
            problems.append(f"{here}: {name} must be a non-empty string")
    if problems:
        return problems
    shape = _FIGURE_ID.fullmatch(fid)
    if not shape or shape.group("article") != row["article"]:
        problems.append(f"{here}: id must be '<article id>.<letter>' of article {row['article']}")
    if row["article"] not in articles:
        problems.append(f"{here}: article {row['article']!r} is not in this topic's folder")
    nth = row.get("nth", 1)
    if not isinstance(nth, int) or isinstance(nth, bool) or nth < 1:
        problems.append(f"{here}: nth must be a positive integer")
    elif (
        row["article"] in articles
        and _occurrence(articles[row["article"]].text, row["text"], nth) is None
    ):
        times = "" if nth == 1 else f" {nth} times"
        problems.append(f"{here}: text {row['text']!r} is not{times} in the body")
    problems += _check_vocabulary(here, row, vocab)
    return problems


def _check_vocabulary(here: str, row: dict[str, Any], vocab: Vocabulary) -> list[str]:
    problems: list[str] = []
    if row["measure"] not in vocab.measures:
        problems.append(f"{here}: measure {row['measure']!r} is not in the README table")
    if row["subject"] not in vocab.subjects:
        problems.append(f"{here}: subject {row['subject']!r} is not a known actor or '?'")
    places = row["location"] if isinstance(row["location"], list) else [row["location"]]
    if not places or not all(isinstance(p, str) and p for p in places):
        problems.append(f"{here}: location must be a name or a list of names")
    else:
        for place in places:
            unknown = [p for p in place.split("+") if p not in vocab.locations]
            if unknown:
                problems.append(f"{here}: location {place!r}: {unknown[0]!r} is not a known place")
    if not _is_time(row["time"]):
        problems.append(f"{here}: time {row['time']!r} is not a date, a pair or 'unknown'")
    statistic = row["statistic"]
    if statistic not in STATISTICS:
        problems.append(f"{here}: statistic {statistic!r} is not one of {sorted(STATISTICS)}")
    if statistic == "flow" and row.get("period") not in PERIODS:
        problems.append(f"{here}: a flow needs a period, one of {sorted(PERIODS)}")
    if statistic != "flow" and "period" in row:
        problems.append(f"{here}: period is for flows only")
    if statistic == "running_total":
        as_of = row.get("as_of")
        if not isinstance(as_of, str) or not _DATE.fullmatch(as_of):
            problems.append(f"{here}: a running total needs as_of, a date")
    elif "as_of" in row:
        problems.append(f"{here}: as_of is for running totals only")
    if "qualifier" in row and row["qualifier"] not in QUALIFIERS:
        problems.append(
            f"{here}: qualifier {row['qualifier']!r} is not one of {sorted(QUALIFIERS)}"
        )
    for name in ("value", "low", "high"):
        number = row.get(name)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int | float)):
            problems.append(f"{here}: {name} must be a number")
    return problems


def _check_pairs(where: str, rows: Any, figures: Mapping[str, dict[str, Any]]) -> list[str]:
    problems: list[str] = []
    listed: set[frozenset[str]] = set()
    for row in rows:
        if not isinstance(row, dict):
            problems.append(f"{where}: a [[pair]] must be a table")
            continue
        here = f"{where}: pair {row.get('a', '?')}/{row.get('b', '?')}"
        bad = [f"{here}: unknown field {k!r}" for k in row if k not in PAIR_FIELDS]
        bad += [f"{here}: missing field {k!r}" for k in PAIR_FIELDS if k not in row]
        if bad:
            problems += bad
            continue
        missing = [row[k] for k in ("a", "b") if row[k] not in figures]
        if missing:
            problems.append(f"{here}: names figure {missing[0]!r}, which is not annotated")
            continue
        key = frozenset((row["a"], row["b"]))
        if len(key) == 1:
            problems.append(f"{here}: a pair needs two different figures")
        elif key in listed:
            problems.append(f"{here}: listed twice")
        elif figures[row["a"]]["group"] != figures[row["b"]]["group"]:
            problems.append(f"{here}: the figures are in different groups")
        listed.add(key)
        if row["verdict"] not in VERDICTS:
            problems.append(f"{here}: verdict {row['verdict']!r} is not one of {sorted(VERDICTS)}")
        if not isinstance(row["why"], str) or not row["why"].strip():
            problems.append(f"{here}: why must say why, in one short line")
    groups: dict[str, list[str]] = {}
    for fid, fig in figures.items():
        groups.setdefault(fig["group"], []).append(fid)
    for group, members in groups.items():
        unlisted = [
            f"{a}/{b}"
            for a, b in itertools.combinations(members, 2)
            if frozenset((a, b)) not in listed
        ]
        if unlisted:
            more = f" (and {len(unlisted) - 1} more)" if len(unlisted) > 1 else ""
            problems.append(f"{where}: group {group}: pair {unlisted[0]} is not listed{more}")
    return problems


def load_topic(folder: Path, vocab: Vocabulary) -> tuple[Topic, list[str]]:
    """One topic folder: its articles and gold, and the problems found in them."""
    gold = folder / "gold.toml"
    where = str(gold.relative_to(ROOT)) if gold.is_relative_to(ROOT) else str(gold)
    articles = load_articles(*sorted(folder.glob("*.md")))
    topic = Topic(folder.name, gold, articles, [], [])
    problems: list[str] = []
    by_id: dict[str, Article] = {}
    for article in articles:
        if article.id in by_id:
            problems.append(f"{article.path}: article id {article.id!r} is used twice")
        by_id[article.id] = article
        if article.meta.get("topic") != folder.name:
            problems.append(f"{article.path}: front matter topic must be {folder.name!r}")
        for key in ("title", "source", "published"):
            if getattr(article, key) is None:
                problems.append(f"{article.path}: front matter has no {key!r}")
    if not gold.is_file():
        return topic, [*problems, f"{where}: missing"]
    try:
        with gold.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        return topic, [*problems, f"{where}: not valid TOML: {exc}"]
    problems += [f"{where}: unknown top-level key {k!r}" for k in data if k not in TOP_FIELDS]
    if data.get("topic") != folder.name:
        problems.append(f"{where}: topic must be {folder.name!r}, the folder's name")
    figures: dict[str, dict[str, Any]] = {}
    for row in data.get("figure", []):
        found = _check_figure(where, row, by_id, vocab)
        problems += found
        if not isinstance(row, dict) or "id" not in row:
            continue
        if row["id"] in figures:
            problems.append(f"{where}: figure {row['id']}: id is used twice")
            continue
        figures[row["id"]] = row
        if not found:
            at = _occurrence(by_id[row["article"]].text, row["text"], row.get("nth", 1))
            assert at is not None
            topic.figures.append(Figure(folder.name, row, at, at + len(row["text"])))
    problems += _check_pairs(where, data.get("pair", []), figures)
    topic.pairs = [p for p in data.get("pair", []) if isinstance(p, dict)]
    return topic, problems


def load_corpus(root: Path = CORPUS, topics: Iterable[str] | None = None) -> Corpus:
    """Every topic folder under ``root`` (or the named ones), validated."""
    vocab = vocabulary(root / "README.md")
    wanted = set(topics) if topics is not None else None
    corpus = Corpus(root, {}, [])
    ids: dict[str, str] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if wanted is not None and folder.name not in wanted:
            continue
        topic, problems = load_topic(folder, vocab)
        corpus.topics[topic.name] = topic
        corpus.problems += problems
        for article in topic.articles:
            if article.id in ids and ids[article.id] != topic.name:
                corpus.problems.append(
                    f"{article.path}: article id {article.id!r} is also used in {ids[article.id]}"
                )
            ids.setdefault(article.id, topic.name)
    if wanted is not None and wanted - set(corpus.topics):
        corpus.problems.append(f"{root}: no topic {sorted(wanted - set(corpus.topics))[0]!r}")
    return corpus


def validate(root: Path = CORPUS) -> list[str]:
    """The problems of the corpus under ``root``, one line each; empty when well formed."""
    return load_corpus(root).problems


# -- scoring ------------------------------------------------------------------------


def meet(a: Claim, b: Claim, placed: Mapping[int, Block]) -> bool:
    """Whether numcheck compares the two claims: the engine's own matching rule (the same
    block: key, statistic family, period and event, unknown parts resolved among all the
    report's claims; ``placed`` is :func:`numcheck._compare.blocks` of them)."""
    where = placed.get(id(a))
    return where is not None and where == placed.get(id(b))


@dataclass
class Tally:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.right += ok

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.right}/{self.total} {self.rate:6.1%}" if self.total else "  -"


@dataclass
class TopicScore:
    """The numbers of one topic (or of all: ``topic == "total"``)."""

    topic: str
    articles: int = 0
    found: Tally = field(default_factory=Tally)
    fields: dict[str, Tally | None] = field(default_factory=dict)
    """Per field over found figures; ``None`` when :class:`Claim` has no such field yet."""
    meet: Tally = field(default_factory=Tally)
    caught: Tally = field(default_factory=Tally)
    verdicts: Tally = field(default_factory=Tally)
    """Of the caught disagreements, those whose verdict word is the gold's own."""
    false_alarms: int = 0
    good_pairs: int = 0
    """Gold consistent, change and update pairs: the denominator of false alarms."""
    pairs: dict[str, int] = field(default_factory=dict)

    @property
    def false_alarm_rate(self) -> float:
        return self.false_alarms / self.good_pairs if self.good_pairs else 0.0


@dataclass
class Score:
    topics: dict[str, TopicScore]
    total: TopicScore
    unannotated: list[str]
    """Alarm findings that involve a claim no gold figure matched."""
    misses: list[str]
    alarms: list[str]


def _claim_field(claim: Claim, name: str) -> Any:
    parts = claim.key.split("|")
    if name in ("measure", "subject", "location"):
        return parts[("measure", "subject", "location").index(name)]
    if name == "time":
        return claim.time.start, claim.time.end
    return getattr(claim, name)


def _close(a: float | None, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, float(b), rel_tol=1e-6)


def _places(value: Any) -> Any:
    return "+".join(sorted(value.split("+"))) if isinstance(value, str) else value


def _field_ok(claim: Claim, gold: dict[str, Any], name: str) -> tuple[bool, Any, Any]:
    got = _claim_field(claim, name)
    want = gold[name]
    if name == "location":  # places joined in any order ("Syria+Iraq" is "Iraq+Syria")
        wanted = {_places(w) for w in (want if isinstance(want, list) else [want])}
        return _places(got) in wanted, got, want
    if name == "time":
        if gold["statistic"] == "running_total" and gold.get("as_of"):
            # A running total is dated by the day it is counted to; where an implicit count
            # starts ("the death toll" of a war) is world knowledge, not in the sentence.
            first, last = span(gold["as_of"])
            day = claim.as_of or claim.time.end
            return day is not None and first <= day <= last, day, gold["as_of"]
        return got == span(want), got, want
    if name == "value":
        # the gold signs a decrease ("1% fewer": -1); a claim states it as its direction
        value = claim.value
        if value is not None and claim.kind == "change" and claim.direction == "down":
            value = -abs(value)
        return _close(value, want), value, want
    if name == "event":
        # Events are named freely in the gold: what is scored is that a figure tied to an
        # incident has an event (which events meet is what the pair metrics score).
        return got is not None, got, want
    return got == want, got, want


def _spot(claim: Claim) -> tuple[str, int | None]:
    return claim.article, claim.start


def _where(c: Claim) -> str:
    return f"{c.article}:{c.start} {c.text!r}"


def score(
    root: Path = CORPUS, topics: Iterable[str] | None = None, report: Report | None = None
) -> Score:
    """Validate the corpus under ``root``, check ALL its articles together, and score the
    named topics (default: all). Raises :class:`CorpusError` if the gold is not well formed.

    ``report`` may be given to score an existing report of the same articles.
    """
    corpus = load_corpus(root)
    if corpus.problems:
        raise CorpusError(corpus.problems)
    names = list(corpus.topics) if topics is None else list(topics)
    unknown = [n for n in names if n not in corpus.topics]
    if unknown:
        raise CorpusError([f"{root}: no topic {unknown[0]!r}"])
    if report is None:
        report = check(corpus.articles)
    by_article: dict[str, list[Claim]] = {}
    for claim in report.claims:
        by_article.setdefault(claim.article, []).append(claim)
    matched: dict[str, Claim] = {}
    figures: dict[str, Figure] = {}
    for topic in corpus.topics.values():
        for fig in topic.figures:
            figures[fig.id] = fig
            hit = next(
                (
                    c
                    for c in by_article.get(fig.article, [])
                    if c.start is not None
                    and c.end is not None
                    and c.start < fig.end
                    and fig.start < c.end
                ),
                None,
            )
            if hit is not None:
                matched[fig.id] = hit
    gold_at = {_spot(c): fid for fid, c in matched.items()}
    pair_verdict: dict[frozenset[str], str] = {}
    for topic in corpus.topics.values():
        for pair in topic.pairs:
            pair_verdict[frozenset((pair["a"], pair["b"]))] = pair["verdict"]
    result = Score({}, TopicScore("total"), [], [], [])
    placed = blocks(report.claims)
    for name in names:
        result.topics[name] = _score_topic(corpus.topics[name], matched, result, placed)
    copies = _copies(report.claims, placed)
    _score_findings(report.discrepancies, gold_at, figures, pair_verdict, names, result, copies)
    total = result.total
    for ts in result.topics.values():
        total.articles += ts.articles
        for attr in ("found", "meet", "caught", "verdicts"):
            mine, theirs = getattr(total, attr), getattr(ts, attr)
            mine.right += theirs.right
            mine.total += theirs.total
        for fname, tally in ts.fields.items():
            if tally is None:
                total.fields[fname] = None
                continue
            mine_t = total.fields.setdefault(fname, Tally())
            assert mine_t is not None
            mine_t.right += tally.right
            mine_t.total += tally.total
        total.good_pairs += ts.good_pairs
        for verdict, count in ts.pairs.items():
            total.pairs[verdict] = total.pairs.get(verdict, 0) + count
    return result


def _score_topic(
    topic: Topic, matched: Mapping[str, Claim], result: Score, placed: Mapping[int, Block]
) -> TopicScore:
    ts = TopicScore(topic.name, articles=len(topic.articles))
    for name in FIELDS:
        no_field = name in CLAIM_FIELDS and name not in Claim.model_fields
        ts.fields[name] = None if no_field else Tally()
    for fig in topic.figures:
        claim = matched.get(fig.id)
        ts.found.add(claim is not None)
        label = f"{fig.id} {fig.data['text']!r}"
        if claim is None:
            result.misses.append(f"{label}: not found")
            continue
        for name in FIELDS:
            tally = ts.fields[name]
            if tally is None or name not in fig.data:
                continue
            ok, got, want = _field_ok(claim, fig.data, name)
            tally.add(ok)
            if not ok:
                result.misses.append(f"{label}: {name} {got!r}, gold {want!r}")
    for pair in topic.pairs:
        verdict = pair["verdict"]
        ts.pairs[verdict] = ts.pairs.get(verdict, 0) + 1
        ca, cb = matched.get(pair["a"]), matched.get(pair["b"])
        ts.meet.add(ca is not None and cb is not None and meet(ca, cb, placed))
        if verdict in GOOD:
            ts.good_pairs += 1
    return ts


def _copies(claims: Sequence[Claim], placed: Mapping[int, Block]) -> dict[int, list[Claim]]:
    """Each claim's figure: the claims of its block stating the same values for the same
    time (a running total's as-of day). The engine reports a figure once, by its first
    claim, with the number of claims behind it as ``support``; a finding on the figure is
    a finding on each of them."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for claim in claims:
        where = placed.get(id(claim))
        if where is None:
            continue
        when = (
            (claim.as_of,)
            if where[1] == "total" and claim.as_of
            else (claim.time.start, claim.time.end)
        )
        sig = (where, claim.value, claim.low, claim.high, *when)
        groups.setdefault(sig, []).append(claim)
    return {id(c): group for group in groups.values() for c in group}


def _score_findings(
    discrepancies: Sequence[Discrepancy],
    gold_at: Mapping[tuple[str, int | None], str],
    figures: Mapping[str, Figure],
    pair_verdict: Mapping[frozenset[str], str],
    names: Sequence[str],
    result: Score,
    copies: Mapping[int, list[Claim]] | None = None,
) -> None:
    caught: dict[frozenset[str], str] = {}
    copies = copies or {}
    alarmed: set[frozenset[str]] = set()
    for d in discrepancies:
        alarm = d.verdict in ALARMS and d.severity in ("warning", "error")
        first, second = d.claims
        unannotated = gold_at.get(_spot(first)) is None or gold_at.get(_spot(second)) is None
        if unannotated and alarm and any(c.article in _articles(figures, names) for c in d.claims):
            result.unannotated.append(
                f"{d.verdict} ({d.rule}): {_where(first)} vs {_where(second)}\n"
                f"      {first.sentence!r}\n      {second.sentence!r}"
            )
        if not alarm:
            continue
        # A finding is on two figures: each claim behind one against each behind the
        # other ("8.7%" in two articles is one figure), for catches and false alarms alike.
        for one in copies.get(id(first), [first]):
            for other in copies.get(id(second), [second]):
                fa, fb = gold_at.get(_spot(one)), gold_at.get(_spot(other))
                if fa is None or fb is None or fa == fb:
                    continue
                key = frozenset((fa, fb))
                gold = pair_verdict.get(key)
                if gold in FAMILY and d.verdict in FAMILY[gold]:
                    caught[key] = d.verdict if caught.get(key) != gold else gold
                same_group = figures[fa].data["group"] == figures[fb].data["group"]
                bad = (gold in GOOD or not same_group) and figures[fa].topic in names
                if bad and key not in alarmed:
                    alarmed.add(key)
                    topic = result.topics[figures[fa].topic]
                    topic.false_alarms += 1
                    result.total.false_alarms += 1
                    why = f"gold {gold}" if gold else "different groups"
                    result.alarms.append(
                        f"{d.verdict} ({d.rule}) on {fa} vs {fb} ({why})\n"
                        f"      {one.sentence!r}\n      {other.sentence!r}"
                    )
    for name in names:
        topic_score = result.topics[name]
        for pair_key, verdict in pair_verdict.items():
            fid = next(iter(pair_key))
            if verdict in BAD and figures[fid].topic == name:
                topic_score.caught.add(pair_key in caught)
                if pair_key in caught:
                    topic_score.verdicts.add(caught[pair_key] == verdict)
                else:
                    a, b = sorted(pair_key)
                    result.misses.append(f"{a} vs {b}: gold {verdict}, not caught")


def _articles(figures: Mapping[str, Figure], names: Sequence[str]) -> set[str]:
    return {f.article for f in figures.values() if f.topic in names}


# -- output -------------------------------------------------------------------------


def _line(ts: TopicScore) -> str:
    alarms = f"{ts.false_alarms}/{ts.good_pairs} {ts.false_alarm_rate:6.1%}"
    return (
        f"  {ts.topic:<20} {ts.articles:>3} art  found {ts.found!s:<14} meet {ts.meet!s:<14}"
        f" caught {ts.caught!s:<14} false alarms {alarms}"
    )


def render(result: Score, *, verbose: bool = False) -> str:
    """The table ``python tests/eval_corpus.py`` prints."""
    total = result.total
    lines = ["Corpus (issue 12): figures found, pair metrics, per topic"]
    lines += [_line(ts) for ts in result.topics.values()]
    lines.append(_line(total))
    counts = ", ".join(f"{v} {n}" for v, n in sorted(total.pairs.items()))
    lines.append(f"  gold pairs: {counts}")
    lines.append(f"  caught disagreements whose verdict is the gold's own: {total.verdicts}")
    lines.append("Field accuracy over found figures (where the gold gives the field)")
    for name in FIELDS:
        tally = total.fields.get(name)
        lines.append(f"  {name:<12} {'n/a (no field yet)' if tally is None else tally}")
    lines.append(f"Alarm findings involving unannotated claims: {len(result.unannotated)}")
    if verbose:
        lines.append("Misses:")
        lines += [f"  - {m}" for m in result.misses]
        lines.append("False alarms:")
        lines += [f"  - {m}" for m in result.alarms]
        lines.append("Alarm findings involving unannotated claims:")
        lines += [f"  - {m}" for m in result.unannotated]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and alarms")
    parser.add_argument("--topic", action="append", help="score only this topic (repeatable)")
    parser.add_argument("--root", type=Path, default=CORPUS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        result = score(args.root, args.topic)
    except CorpusError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    print(render(result, verbose=args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
