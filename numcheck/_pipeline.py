"""The pipeline, top to bottom: load -> clean -> find numbers -> frame -> normalize ->
compare -> report. The stages live in their own modules; this one wires them."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple

from ._compare import compare
from ._frame import Framer
from ._html import Claims
from ._lexicon import Lexicon
from ._load import LoadError, internal_error, parse_published, read_inputs
from ._locations import located
from ._models import Article, Claim, InputError, Report
from ._parallel import Progress, check_jobs, extract_results
from ._rules import Rules

Item = Article | Claim | str | Path


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    article_id: str = "text",
    lexicon: Lexicon | None = None,
) -> Claims:
    """Extract the numeric claims of ``text``: one :class:`Claim` per figure.

    The result is a plain list (a subclass that displays as a table in notebooks).

    ``published`` (a date, or a string as article files give it: ``YYYY-MM-DD``,
    ``YYYY-MM``, "January 15, 2024", an RFC 2822 date from a feed) anchors "now", "last
    year" and the present tense; without it such times are ``unknown``.

    >>> [(c.text, c.unit, c.subject, c.location, c.time.label())
    ...  for c in extract("There were 5000 US troops in Iraq in 2016.")]
    [('5000', 'troops', 'US', 'Iraq', '2016')]
    >>> claim = extract("The US now has roughly 2,500 troops in Iraq.", published="2024-01-06")[0]
    >>> claim.qualifier, claim.value, claim.time.basis, claim.time.start
    ('approx', 2500.0, 'relative', datetime.date(2024, 1, 6))
    """
    fields: dict[str, Any] = {"id": article_id, "text": text}
    if published is not None:
        fields["published"], fields["published_precision"] = parse_published(published)
    framer = Framer.of(lexicon)
    with collector_paused():
        return Claims(framer.claims(Article(**fields)))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while an article is framed, and restored
    after (left off when it was off). Framing builds objects that live to its end (words,
    mentions, claims: a few per word) and leaves no cycles among them, yet every
    collection while it runs walks them all again: a fifth of the time of a text dense in
    figures. Nothing is lost: garbage left meanwhile is collected once it is back on."""
    enabled = gc.isenabled()
    if enabled:
        gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def extract_articles(articles: Iterable[Article], *, lexicon: Lexicon | None = None) -> list[Claim]:
    """The claims of several articles, in article order (an article that cannot be
    extracted raises :class:`LoadError`, after the others were extracted)."""
    done = extract_each(articles, lexicon=lexicon)
    if done.errors:
        raise LoadError(done.errors, done.articles)
    return done.claims


class Extracted(NamedTuple):
    """The result of extracting a batch, each article on its own: the articles that were
    extracted, their claims (in article order), and one error per article that was not."""

    articles: list[Article]
    claims: list[Claim]
    errors: list[InputError]


def claims_or_error(framer: Framer, article: Article) -> list[Claim] | InputError:
    """The claims of one article, or its :class:`InputError` when extraction raises.

    Extraction is meant to be total; an exception from it is a bug, but a bug in one
    article must not stop the batch: it is that article's error, naming its file.
    """
    try:
        with collector_paused():
            return located(article, framer.claims(article))
    except Exception as exc:  # any bug in one article's extraction, not KeyboardInterrupt
        return internal_error(article.path or article.id, "reading figures", exc)


def extract_each(
    articles: Iterable[Article],
    *,
    lexicon: Lexicon | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Extracted:
    """Extract every article on its own: one that raises becomes an error, the rest go on.

    ``jobs`` above 1 extracts a large batch in that many processes (see ``_parallel``);
    the result is the same. ``progress`` is called with (articles done, claims so far).
    """
    articles = list(articles)
    if jobs == 1 and progress is None:
        framer = Framer.of(lexicon)
        results: Iterable[list[Claim] | InputError] = (
            claims_or_error(framer, article) for article in articles
        )
    else:
        results = extract_results(articles, lexicon=lexicon, jobs=jobs, progress=progress)
    done = Extracted([], [], [])
    for article, found in zip(articles, results, strict=True):
        if isinstance(found, InputError):
            done.errors.append(found)
        else:
            done.articles.append(article)
            done.claims.extend(found)
    return done


def check(
    items: Iterable[Item] | Item,
    *,
    rules: Rules | Mapping[str, Any] | str | Path | None = None,
    lexicon: Lexicon | None = None,
    jobs: int | None = 1,
) -> Report:
    """Extract the claims of the articles and compare them: a :class:`Report`.

    ``items`` are :class:`Article` objects, :class:`Claim` objects (checked as given, no
    text needed) or paths of article files and folders, mixed freely. ``rules`` is a
    :class:`Rules`, a mapping in its shape, or the path of a ``numcheck.toml``.

    A path that cannot be read, or an article whose extraction fails (an internal error,
    a bug), raises :class:`LoadError` after the whole batch was read and extracted: its
    ``errors`` name each input and problem, its ``articles`` are those read and extracted.

    ``jobs`` processes extract the articles (``None``: one per core; the default 1 runs in
    this process); the report is the same for every number. A small batch is extracted in
    this process whatever ``jobs`` says. See ``docs/cli.md`` ("All cores").

    >>> from numcheck import Article
    >>> report = check([
    ...     Article(id="a", text="There were 5000 US troops in Iraq in 2016."),
    ...     Article(id="b", text="The US now has 2,500 troops in Iraq.", published="2024-01-06"),
    ... ])
    >>> [(d.verdict, d.severity, d.rule) for d in report.discrepancies]
    [('change', 'info', 'troops/change')]
    """
    jobs = check_jobs(jobs)
    if isinstance(items, Article | Claim | str | Path):
        items = [items]
    articles: list[Article] = []
    given: list[Claim] = []
    paths: list[str | Path] = []
    for item in items:
        if isinstance(item, Article):
            articles.append(item)
        elif isinstance(item, Claim):
            given.append(item)
        else:
            paths.append(item)
    errors: list[InputError] = []
    if paths:
        loaded, errors = read_inputs(paths)
        articles.extend(loaded)
    report = build_report(
        articles,
        given,
        rules=resolve_rules(
            rules, lexicon=lexicon, measures={n for c in given for n in (c.measure, c.unit) if n}
        ),
        errors=errors,
        lexicon=lexicon,
        jobs=jobs,
    )
    if report.errors:
        raise LoadError(report.errors, report.articles)
    return report


def build_report(
    articles: list[Article],
    claims: list[Claim],
    *,
    rules: Rules,
    errors: list[InputError] | None = None,
    lexicon: Lexicon | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> Report:
    """Extract the articles' claims, add the given claims, compare them all.

    Each article is extracted on its own (:func:`extract_each`, in ``jobs`` processes):
    one whose extraction raises is left out of the report's articles and listed in its
    errors, after ``errors``.
    """
    done = extract_each(articles, lexicon=lexicon, jobs=jobs, progress=progress)
    all_claims = done.claims + list(claims)
    return Report(
        articles=done.articles,
        claims=all_claims,
        discrepancies=compare(all_claims, rules, lexicon),
        errors=[*(errors or []), *done.errors],
    )


def resolve_rules(
    rules: Rules | Mapping[str, Any] | str | Path | None,
    *,
    lexicon: Lexicon | None = None,
    measures: Iterable[str] = (),
) -> Rules:
    """Accept rules as a model, a mapping or a file path (whose ``[measures.NAME]``
    tables must name a measure of ``lexicon``, a unit, or one of ``measures``)."""
    if rules is None:
        return Rules()
    if isinstance(rules, Rules):
        return rules
    if isinstance(rules, str | Path):
        return Rules.from_file(rules, lexicon=lexicon, measures=measures)
    return Rules.parse(rules)
