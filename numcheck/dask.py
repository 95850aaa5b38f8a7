"""numcheck on Dask: articles read and extracted as a bag, claims compared by key.

Needs ``pip install 'numcheck[dask]'``; ``import numcheck`` never imports Dask, and this
module imports it only when a function of it is called. Every function runs on the
active ``dask.distributed.Client`` when there is one (a ``LocalCluster`` on a laptop, a
real cluster in production), and on Dask's local scheduler otherwise (``dask.config``
chooses which).

- :func:`extract`: a bag of the claims of the articles, and one :class:`InputError`
  record (the loader's own error object: ``path`` and ``message``) for each input that
  could not be read and each article whose extraction failed: a malformed article is an
  error record, never a failed job.
- :func:`compare`: the discrepancies among the claims of a bag, as
  :func:`numcheck.check` finds them: keys resolved from the counts of claims per key (a
  small aggregation), claims shuffled by key, each key folded in time order. A key with
  more than ``chunk_size`` claims (a world death toll) is split by time into chunks that
  are folded one after the other with a small carried state, so that no worker holds
  all of it (its slipped-zero plan is made first from its outline, one pass over values).
- :func:`check`: both, and the :class:`Report` :func:`numcheck.check` gives for the same
  inputs; an input that cannot be read is in ``Report.errors`` rather than an exception.

See ``docs/scale.md``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib
import itertools
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from ._compare import (
    Block,
    Outline,
    Plan,
    Resolution,
    TimeKey,
    _Key,
    block,
    finish,
    merge_outlines,
    order,
    outline,
    plan_of,
    start,
    step,
)
from ._frame import Framer
from ._lexicon import Lexicon, default_lexicon
from ._load import _expand, _read_file, internal_error
from ._models import (
    SEVERITY_RANK,
    Article,
    Claim,
    Discrepancy,
    InputError,
    NumcheckError,
    Report,
)
from ._pipeline import claims_or_error, resolve_rules
from ._rules import Rules

Bag = Any
"""A ``Bag`` (Dask's methods are not typed, so its calls are checked by tests)."""

__all__ = [
    "CHUNK_SIZE",
    "block_of",
    "check",
    "claims_frame",
    "compare",
    "extract",
    "fold",
    "read_one",
    "report_order",
    "resolution",
]

CHUNK_SIZE = 100_000
"""Claims of one key folded in one task; a key with more is split by time."""

Tag = tuple[int, ...]
"""Where a record stands in the input order: (kind, partition, position, file, item,
claim); kinds: an article given as such (0), one read from a path (1), a claim given as
such (2), which is the order of :func:`numcheck.check`."""

Found = tuple[tuple[object, ...], Block, Discrepancy]


class _Record(NamedTuple):
    """One item read: an article and its claims (or its extraction's error), a given
    claim, or an input that could not be read."""

    tag: Tag
    where: str
    article: Article | None = None
    claims: tuple[Claim, ...] = ()
    error: InputError | None = None


def _dask() -> Any:
    try:
        import dask.bag
    except ImportError as exc:  # pragma: no cover - the extra is installed for the tests
        raise NumcheckError("numcheck.dask needs Dask: pip install 'numcheck[dask]'") from exc
    return dask


Source = str | Path | Article | Claim


def _sources(paths_or_bag: Any, npartitions: int | None) -> Bag:
    """The inputs as a bag: a bag as given, or paths walked here (folders to files)."""
    dask = _dask()
    if isinstance(paths_or_bag, dask.bag.Bag):
        return paths_or_bag
    items = (
        [paths_or_bag] if isinstance(paths_or_bag, str | Path | Article | Claim) else paths_or_bag
    )
    sources: list[Source | tuple[Path, str]] = []
    for item in items:
        if isinstance(item, str | Path):
            sources.extend(_expand([item]))
        else:
            sources.append(item)
    return dask.bag.from_sequence(sources, npartitions=npartitions or min(len(sources), 100) or 1)


def _read(sources: Bag, lexicon: Lexicon | None) -> Bag:
    dask = _dask()
    parts = [
        dask.delayed(_read_part)(part, number, lexicon)
        for number, part in enumerate(sources.to_delayed())
    ]
    return dask.bag.from_delayed(parts)


def _read_part(sources: Iterable[Any], number: int, lexicon: Lexicon | None) -> list[_Record]:
    """Read and extract one partition of sources (paths, walked files, articles, claims)."""
    framer = Framer.of(lexicon)
    out: list[_Record] = []
    for position, source in enumerate(sources):
        if isinstance(source, Claim):
            out.append(_Record((2, number, position, 0, 0), "", claims=(source,)))
        elif isinstance(source, Article):
            out.append(_article((0, number, position, 0, 0), source, framer))
        else:
            walked = [source] if isinstance(source, tuple) else list(_expand([source]))
            for file_no, (file, problem) in enumerate(walked):
                tag = (1, number, position, file_no)
                if problem:
                    out.append(
                        _Record(
                            (*tag, 0), str(file), error=InputError(path=str(file), message=problem)
                        )
                    )
                    continue
                try:
                    items = list(_read_file(Path(file)))
                except Exception as exc:  # a loader bug on one file: its error
                    failed = internal_error(str(file), "reading the file", exc)
                    out.append(_Record((*tag, 0), str(file), error=failed))
                    continue
                for item_no, (where, item) in enumerate(items):
                    if isinstance(item, str):
                        error = InputError(path=where, message=item)
                        out.append(_Record((*tag, item_no), where, error=error))
                    else:
                        out.append(_article((*tag, item_no), item, framer, where))
    return out


def _article(tag: Tag, article: Article, framer: Framer, where: str = "") -> _Record:
    found = claims_or_error(framer, article)
    if isinstance(found, InputError):
        return _Record(tag, where, article, error=found)
    return _Record(tag, where, article, claims=tuple(found))


def _claims_or_errors(record: _Record) -> list[Claim | InputError]:
    return [record.error] if record.error is not None else list(record.claims)


def extract(
    paths_or_bag: Any, *, lexicon: Lexicon | None = None, npartitions: int | None = None
) -> Bag:
    """The claims of articles as a Dask bag, in input order (:func:`claims_frame` makes a
    Dask DataFrame of them).

    ``paths_or_bag``: paths of article files and folders (walked here, read on the
    workers, one file at a time), or a bag of paths, :class:`Article` and :class:`Claim`
    objects. An input that cannot be read, or an article whose extraction fails, is an
    :class:`InputError` record in the bag (``path`` names it, ``message`` says why); the
    other articles go on. Article ids repeated across files are found by :func:`check`,
    which sees all of them, not here.
    """
    records = _read(_sources(paths_or_bag, npartitions), lexicon)
    return records.map(_claims_or_errors).flatten()


def claims_frame(claims: Bag) -> Any:
    """The claims of a bag (its error records passed over) as a Dask DataFrame with the
    columns and values of :meth:`Report.claims_frame`, one partition per partition of the
    bag (pandas infers the type of a column with no value in a partition on its own)."""
    dask = _dask()
    frames = importlib.import_module("dask.dataframe")
    from ._frames import claims_frame as frame

    parts = [dask.delayed(_frame_part)(part) for part in claims.to_delayed()]
    with dask.config.set({"dataframe.convert-string": False}):  # text columns stay object
        return frames.from_delayed(parts, meta=frame([]), verify_meta=False)


def _frame_part(items: Iterable[object]) -> Any:
    from ._frames import claims_frame as frame

    return frame([c for c in items if isinstance(c, Claim)])


def check(
    paths_or_bag: Any,
    *,
    rules: Rules | Mapping[str, Any] | str | Path | None = None,
    focus: Collection[str] | None = None,
    lexicon: Lexicon | None = None,
    npartitions: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> Report:
    """The :class:`Report` :func:`numcheck.check` gives for the same inputs (paths,
    or a bag of paths, articles and claims), computed with Dask.

    ``focus``: article ids; only discrepancies involving them are reported (a batch of
    new articles against an archive). ``npartitions``: partitions of the inputs and of the
    shuffle by key; ``chunk_size``: the most claims of one key folded in one task.
    Inputs that cannot be read and articles whose extraction fails are listed in
    ``Report.errors`` (one line each, naming the file), and the rest is checked: at the
    scale of an archive one malformed article must not cost the report.
    """
    rules = resolve_rules(rules)
    records = _read(_sources(paths_or_bag, npartitions), lexicon).persist()
    heads = records.map(lambda r: r._replace(claims=())).compute()
    heads.sort(key=lambda r: r.tag)
    articles: list[Article] = []
    errors: list[InputError] = []
    failed: list[InputError] = []  # extraction errors, after the read errors
    seen: dict[str, str] = {}
    dropped: set[Tag] = set()
    for head in heads:
        if head.article is None:
            if head.error is not None:
                errors.append(head.error)
            continue
        if head.tag[0] == 1:  # read from a file: ids must be unique among those
            if head.article.id in seen:
                message = (
                    f"duplicate article id {head.article.id!r} "
                    f"(already read from {seen[head.article.id]})"
                )
                errors.append(InputError(path=head.where, message=message))
                dropped.add(head.tag)
                continue
            seen[head.article.id] = head.where
        if head.error is not None:
            failed.append(head.error)
        else:
            articles.append(head.article)
    kept = records.filter(lambda r: r.tag not in dropped) if dropped else records
    tagged = kept.map(_tagged).flatten()
    claims = [claim for _, claim in sorted(tagged.compute(), key=lambda item: item[0])]
    found = _compare(tagged, rules, lexicon, focus, npartitions, chunk_size)
    return Report(articles=articles, claims=claims, discrepancies=found, errors=[*errors, *failed])


def _tagged(record: _Record) -> list[tuple[Tag, Claim]]:
    return [((*record.tag, i), claim) for i, claim in enumerate(record.claims)]


def compare(
    claims: Bag,
    *,
    rules: Rules | Mapping[str, Any] | str | Path | None = None,
    focus: Collection[str] | None = None,
    lexicon: Lexicon | None = None,
    npartitions: int | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> list[Discrepancy]:
    """The discrepancies among a bag of claims (its :class:`InputError` records passed
    over), in the order of :func:`numcheck.check`."""
    dask = _dask()
    parts = [
        dask.delayed(_tag_part)(part, number) for number, part in enumerate(claims.to_delayed())
    ]
    tagged = dask.bag.from_delayed(parts)
    return _compare(tagged, resolve_rules(rules), lexicon, focus, npartitions, chunk_size)


def _tag_part(items: Iterable[object], number: int) -> list[tuple[Tag, Claim]]:
    return [((number, i), c) for i, c in enumerate(items) if isinstance(c, Claim)]


# -- the steps on any engine (Spark: see docs/scale.md) -----------------------------------


def read_one(source: str | Path, *, lexicon: Lexicon | None = None) -> list[Claim | InputError]:
    """The claims of the articles of one file or folder, and an :class:`InputError` for
    each input in it that cannot be read or extracted: the extraction step of a job on
    any engine (article ids repeated across files are not looked for here)."""
    return [item for r in _read_part([source], 0, lexicon) for item in _claims_or_errors(r)]


def block_of(claim: Claim, lexicon: Lexicon | None = None) -> Block | None:
    """The block a claim is placed in before resolution (key, statistic family, period,
    event), or ``None`` when it is never compared (as :func:`numcheck.check` decides)."""
    return block(claim, (lexicon or default_lexicon()).incomparable)


def resolution(counted: Iterable[tuple[Block, dt.date | None, dt.date | None, int]]) -> Resolution:
    """How claims are placed in blocks, from the claims counted by the block
    :func:`block_of` gives them, with the first and last day of the time
    of an incident's toll (``None`` for the others): ``.place(where, claim)`` is then the
    block each claim is compared in, wherever it is."""
    counts: dict[str, int] = {}
    incidents = []
    for where, first, last, n in counted:
        counts[where[0]] = counts.get(where[0], 0) + n
        if where[3]:
            incidents.append((where, first, last))
    return Resolution(counts, incidents)


def fold(
    where: Block,
    claims: Sequence[Claim],
    *,
    rules: Rules | Mapping[str, Any] | str | Path | None = None,
    lexicon: Lexicon | None = None,
    focus: Collection[str] | None = None,
) -> list[Discrepancy]:
    """The discrepancies among the claims of one block (in input order: the first one's
    measure chooses the rule), in any order; sort them all with :func:`report_order`."""
    first = claims[0] if claims else None
    measure = first.measure or first.unit if first is not None else None
    state = start(where, measure, resolve_rules(rules), lexicon, focus=focus)
    state, found = step(state, claims)
    return [d for _, d in itertools.chain(found, finish(state))]


def report_order(found: Discrepancy) -> tuple[object, ...]:
    """Where a discrepancy stands in the report: most severe first, then by key and by
    the canonical order of its claims."""
    a, b = found.claims
    return (SEVERITY_RANK[found.severity], found.key, order(a), order(b))


# -- the comparison ----------------------------------------------------------------------

Counted = dict[tuple[Block, Any, Any], tuple[int, tuple[Tag, str | None]]]
"""Claims by block as :func:`block` places them (and time, for incidents' tolls): how
many, and the first one's place in the input and measure."""


class _Keys(NamedTuple):
    """What the workers need to place and chunk claims: the resolution, the measure of
    each key's first claim, and for a key split into chunks the first times of its chunks
    after the first."""

    resolution: Resolution
    measures: dict[Block, str | None]
    cuts: dict[Block, list[TimeKey]]


def _compare(
    tagged: Bag,
    rules: Rules,
    lexicon: Lexicon | None,
    focus: Collection[str] | None,
    npartitions: int | None,
    chunk_size: int,
) -> list[Discrepancy]:
    dask = _dask()
    incomparable = frozenset((lexicon or default_lexicon()).incomparable)
    placed = tagged.map_partitions(_place_part, incomparable)
    counted: Counted = placed.reduction(_count, _merge_counts).compute()
    counts: dict[str, int] = {}
    for (where, _, _), (n, _) in counted.items():
        counts[where[0]] = counts.get(where[0], 0) + n
    incidents = [(where, first, last) for where, first, last in counted if where[3]]
    resolution = Resolution(counts, incidents)
    sizes: dict[Block, int] = {}
    firsts: dict[Block, tuple[Tag, str | None]] = {}
    for (where, first, last), (n, head) in counted.items():
        at = (
            resolution.place_toll(where, first, last)
            if where[3]
            else resolution.place(where, _NO_CLAIM)
        )
        sizes[at] = sizes.get(at, 0) + n
        firsts[at] = min(firsts.get(at, head), head)
    measures = {at: head[1] for at, head in firsts.items()}
    hot = {at for at, n in sizes.items() if n > chunk_size}
    keys = _Keys(resolution, measures, {})
    plans: dict[Block, Plan] = {}
    if hot:  # a second small aggregation, over the hot keys: their times and outlines
        shared = dask.delayed(keys)
        outlines = placed.map_partitions(_outline_part, shared, hot, rules, lexicon, focus)
        for at, (times, lines) in outlines.reduction(_merge_all, _merge_all).compute().items():
            probe = start(at, measures[at], rules, lexicon, focus=focus)
            plans[at] = plan_of(probe, lines)
            keys.cuts[at] = _cuts(times, chunk_size)
    shared = dask.delayed(keys)
    keyed = placed.map_partitions(_key_part, shared)
    groups = keyed.groupby(_group_of, npartitions=npartitions or keyed.npartitions)
    if hot:  # the shuffle is read twice
        groups = groups.persist()
    whole = groups.filter(lambda g: g[0][0] not in hot)
    found: list[Found] = whole.map_partitions(_fold_part, shared, rules, lexicon, focus).compute()
    if hot:
        found += _fold_hot(
            groups.filter(lambda g: g[0][0] in hot), keys, plans, rules, lexicon, focus
        )
    found.sort(key=lambda item: (item[0], item[1]))
    return [d for _, _, d in found]


_NO_CLAIM = Claim(article="")
"""Stands for a claim whose time does not matter to its block (not an incident's)."""


def _place_part(
    items: Iterable[tuple[Tag, Claim]], incomparable: frozenset[str]
) -> list[tuple[Tag, Block, Claim]]:
    out = []
    for tag, claim in items:
        where = block(claim, incomparable)
        if where is not None:
            out.append((tag, where, claim))
    return out


def _count(items: Iterable[tuple[Tag, Block, Claim]]) -> Counted:
    counted: Counted = {}
    for tag, where, claim in items:
        at = (where, claim.time.start, claim.time.end) if where[3] else (where, None, None)
        head = (tag, claim.measure or claim.unit)
        held = counted.get(at)
        counted[at] = (1, head) if held is None else (held[0] + 1, min(held[1], head))
    return counted


def _merge_counts(parts: Iterable[Counted]) -> Counted:
    out: Counted = {}
    for part in parts:
        for at, (n, head) in part.items():
            held = out.get(at)
            out[at] = (n, head) if held is None else (held[0] + n, min(held[1], head))
    return out


def _block_of(keys: _Keys, where: Block, claim: Claim) -> Block:
    return keys.resolution.place(where, claim)


Timeline = tuple[dict[TimeKey, int], Outline]
"""A hot key's claims by time, and its outline."""


def _outline_part(
    items: Iterable[tuple[Tag, Block, Claim]],
    keys: _Keys,
    hot: set[Block],
    rules: Rules,
    lexicon: Lexicon | None,
    focus: Collection[str] | None,
) -> list[dict[Block, Timeline]]:
    """The timelines of the hot keys in one partition (a list of one, a partition)."""
    claims: dict[Block, list[Claim]] = {}
    for _, where, claim in items:
        at = _block_of(keys, where, claim)
        if at in hot:
            claims.setdefault(at, []).append(claim)
    out: dict[Block, Timeline] = {}
    for at, those in claims.items():
        probe = start(at, keys.measures[at], rules, lexicon, focus=focus)
        times: dict[TimeKey, int] = {}
        for claim in those:
            when = probe.when(claim)
            times[when] = times.get(when, 0) + 1
        out[at] = (times, outline(probe, those))
    return [out]


def _merge_all(parts: Iterable[dict[Block, Timeline]]) -> dict[Block, Timeline]:
    out: dict[Block, Timeline] = {}
    for part in parts:
        for at, (times, lines) in part.items():
            if at not in out:
                out[at] = ({}, {})
            held_times, held_lines = out[at]
            for when, n in times.items():
                held_times[when] = held_times.get(when, 0) + n
            merge_outlines(held_lines, lines)
    return out


def _cuts(times: Mapping[TimeKey, int], chunk_size: int) -> list[TimeKey]:
    """The first time of each chunk after the first: chunks of about ``chunk_size``
    claims, a time never split (a time with more claims is a chunk of its own)."""
    cuts: list[TimeKey] = []
    held = 0
    for when in sorted(times):
        if held and held + times[when] > chunk_size:
            cuts.append(when)
            held = 0
        held += times[when]
    return cuts


def _key_part(
    items: Iterable[tuple[Tag, Block, Claim]], keys: _Keys
) -> list[tuple[tuple[Block, int], Tag, Claim]]:
    out = []
    probes: dict[Block, _Key] = {}
    for tag, where, claim in items:
        at = _block_of(keys, where, claim)
        chunk = 0
        cuts = keys.cuts.get(at)
        if cuts:
            probe = probes.get(at)
            if probe is None:
                probe = probes[at] = start(at, keys.measures[at], Rules())
            chunk = bisect.bisect_right(cuts, probe.when(claim))
        out.append(((at, chunk), tag, claim))
    return out


def _group_of(item: tuple[tuple[Block, int], Tag, Claim]) -> tuple[Block, int]:
    return item[0]


Group = tuple[tuple[Block, int], list[tuple[tuple[Block, int], Tag, Claim]]]


def _in_order(group: Group) -> list[Claim]:
    return [claim for _, _, claim in sorted(group[1], key=lambda item: item[1])]


def _fold_part(
    groups: Iterable[Group],
    keys: _Keys,
    rules: Rules,
    lexicon: Lexicon | None,
    focus: Collection[str] | None,
) -> list[Found]:
    """Each key of a partition folded whole: one sweep."""
    out: list[Found] = []
    for group in groups:
        at = group[0][0]
        state = start(at, keys.measures[at], rules, lexicon, focus=focus)
        state, found = step(state, _in_order(group))
        out.extend((k, at, d) for k, d in itertools.chain(found, finish(state)))
    return out


def _fold_hot(
    groups: Bag,
    keys: _Keys,
    plans: Mapping[Block, Plan],
    rules: Rules,
    lexicon: Lexicon | None,
    focus: Collection[str] | None,
) -> list[Found]:
    """The hot keys folded chunk after chunk, the state carried from one to the next:
    round ``r`` folds the ``r``-th chunk of every hot key, wherever it is."""
    dask = _dask()
    states = {
        at: start(at, keys.measures[at], rules, lexicon, focus=focus, plan=plan)
        for at, plan in plans.items()
    }
    out: list[Found] = []
    for chunk in range(1 + max(len(keys.cuts[at]) for at in states)):
        shared = dask.delayed(states)
        done = (
            groups.filter(lambda g, c=chunk: g[0][1] == c)
            .map_partitions(_step_part, shared)
            .compute()
        )
        for at, state, found in done:
            states[at] = state
            out.extend((k, at, d) for k, d in found)
    for at, state in states.items():
        out.extend((k, at, d) for k, d in finish(state))
    return out


def _step_part(
    groups: Iterable[Group], states: Mapping[Block, _Key]
) -> list[tuple[Block, _Key, list[tuple[tuple[object, ...], Discrepancy]]]]:
    out = []
    for group in groups:
        at = group[0][0]
        state, found = step(states[at], _in_order(group))
        out.append((at, state, found))
    return out
