"""The claim ledger: an SQLite file holding every article already checked and its claims.

New articles are checked against it (:meth:`Ledger.check`) without being added; reviewed
discrepancies are acknowledged in it (:meth:`Ledger.ack`) so they stop failing.

- **Schema.** ``articles`` (id, content hash, metadata), ``claims`` (the claim as JSON plus
  the indexed columns ``key``, ``article``, ``time_start``, ``time_end``) and ``acks``.
  The file is marked with ``PRAGMA application_id`` and its schema version is
  ``PRAGMA user_version``; opening an older ledger runs the missing steps of
  ``_MIGRATIONS`` in one transaction; a newer, foreign or corrupt file is a
  :class:`LedgerError` naming the file.
- **Damage.** Every write first runs SQLite's ``PRAGMA quick_check`` inside its
  transaction and refuses a damaged file (nothing is written into it); ``verify=True``
  runs the same check when the ledger is opened (the command line does, for every
  ledger command). A read that meets a damaged page, or a stored claim that is not a
  valid Claim, is a :class:`LedgerError` naming the file.
- **Transactions.** Every write is one ``BEGIN IMMEDIATE`` transaction: a process killed
  in the middle leaves the ledger exactly as it was. The file is in WAL mode, so readers
  read the last committed state while a writer writes; a second writer waits (``timeout``).
- **Checking.** Only the ledger claims whose ``key`` is among the new claims' keys are read
  (an indexed query), and compared with the new claims by the engine, which reports only
  findings that involve a new claim: the cost grows with the claims of those keys, never
  with their square.

>>> import numcheck
>>> ledger = numcheck.Ledger(":memory:")
>>> ledger.add([numcheck.Article(id="old", text="About 2,500 US troops are in Iraq now.",
...                              published="2024-01-06")]).added
1
>>> new = numcheck.Article(id="new", text="There are 5,000 US troops in Iraq.",
...                        published="2024-01-20")
>>> [(d.verdict, d.severity, [c.article for c in d.claims]) for d in ledger.check([new])]
[('conflict', 'error', ['old', 'new'])]
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from ._compare import compare, resolve_keys
from ._frame import Framer
from ._lexicon import Lexicon
from ._load import LoadError
from ._models import FINGERPRINT_LENGTH as FINGERPRINT_LENGTH  # importable from here too
from ._models import (
    SEVERITIES,
    SEVERITY_RANK,
    Article,
    Claim,
    Discrepancy,
    InputError,
    NumcheckError,
)
from ._models import fingerprint as fingerprint  # importable from here too
from ._pipeline import claims_or_error, extract_each
from ._report import _clip, _marked, printable
from ._rules import Rules

APPLICATION_ID = 0x4E554D43  # "NUMC"
"""Written into the SQLite header: tells a numcheck ledger from any other SQLite file."""

_MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # version 1: articles and their claims
    (
        "CREATE TABLE articles (id TEXT PRIMARY KEY, hash TEXT NOT NULL, "
        "added TEXT NOT NULL, meta TEXT NOT NULL)",
        "CREATE TABLE claims (article TEXT NOT NULL, key TEXT NOT NULL, "
        "time_start TEXT, time_end TEXT, data TEXT NOT NULL)",
        "CREATE INDEX claims_by_key ON claims (key)",
        "CREATE INDEX claims_by_article ON claims (article)",
    ),
    # version 2: acknowledged discrepancies
    (
        "CREATE TABLE acks (fingerprint TEXT PRIMARY KEY, by TEXT NOT NULL, "
        "at TEXT NOT NULL, reason TEXT NOT NULL)",
    ),
    # version 3: claims counted by key, kept by triggers (resolving unknown subjects and
    # places needs the keys of a measure, not their claims)
    (
        "CREATE TABLE key_counts (key TEXT PRIMARY KEY, claims INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT INTO key_counts SELECT key, COUNT(*) FROM claims GROUP BY key",
        "CREATE TRIGGER claims_counted AFTER INSERT ON claims BEGIN "
        "INSERT INTO key_counts VALUES (NEW.key, 1) "
        "ON CONFLICT(key) DO UPDATE SET claims = claims + 1; END",
        "CREATE TRIGGER claims_uncounted AFTER DELETE ON claims BEGIN "
        "UPDATE key_counts SET claims = claims - 1 WHERE key = OLD.key; END",
    ),
)
"""Step ``i`` takes a ledger from schema version ``i`` to ``i + 1``; append, never edit."""

SCHEMA_VERSION = len(_MIGRATIONS)


class LedgerError(NumcheckError):
    """A ledger file that cannot be used (missing, corrupt, foreign, newer, locked)."""


class AddResult(NamedTuple):
    """What :meth:`Ledger.add` did: articles added, replaced (edited), unchanged; claims
    stored; and the articles left out because their extraction failed (one error each)."""

    added: int
    replaced: int
    unchanged: int
    claims: int
    errors: tuple[InputError, ...] = ()


class Ack(NamedTuple):
    """A reviewed discrepancy: its fingerprint, who reviewed it, when and why."""

    fingerprint: str
    by: str
    at: str
    reason: str


FRAMING = 3
"""The version of what extraction says about a figure. A ledger article stored under
another version is extracted again by the next ``ledger add`` (as if edited): version 2
(issue 12) frames statistics, periods, as-of dates, events and sources, without which
stored claims would never meet new ones; version 3 (issue 15) locates each figure by
line and column in its file."""


def content_hash(article: Article) -> str:
    """The hash deciding whether an article changed: its text and metadata, not its path,
    and the framing version it was extracted under (see :data:`FRAMING`)."""
    data = f"{FRAMING}\n" + article.model_dump_json(exclude={"path"})
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def _span(claim: Claim) -> tuple[str | None, str | None]:
    """The claim's time as ISO strings, (None, None) when unknown: the indexed columns."""
    if not claim.time.known:
        return None, None
    start, end = claim.time.start, claim.time.end
    return (start.isoformat() if start else None, end.isoformat() if end else None)


def sort_discrepancies(found: Iterable[Discrepancy]) -> list[Discrepancy]:
    """Most severe first, then by key and articles; duplicates (same fingerprint) dropped."""
    unique = {fingerprint(d): d for d in found}
    return sorted(
        unique.values(),
        key=lambda d: (SEVERITY_RANK[d.severity], d.key, [c.id for c in d.claims]),
    )


class Ledger:
    """An SQLite claim ledger at ``path`` (created when missing unless ``create=False``).

    ``timeout`` is how long a write waits for another writer to finish, in seconds.
    ``verify`` runs SQLite's ``quick_check`` on opening and refuses a damaged file (it
    reads the whole file: 0.1 to 0.3 s for 2×10^5 stored claims; writes always check).
    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        timeout: float = 30.0,
        verify: bool = False,
    ) -> None:
        self.path = str(path)
        memory = self.path == ":memory:"
        if not memory and not create and not Path(path).is_file():
            raise LedgerError(f"{path}: no such ledger (create it with: numcheck ledger add)")
        if not memory and Path(path).is_dir():
            raise LedgerError(f"{path}: is a directory, not a ledger file")
        try:
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise LedgerError(f"{path}: cannot open the ledger: {exc}") from None
        try:
            with self._errors():
                self._open()
                if verify:
                    self._refuse_damage()
        except LedgerError:
            self._db.close()
            raise

    # -- opening, migrations -----------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite's errors into LedgerErrors naming the file."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LedgerError(
                    f"{self.path}: the ledger is locked by another writer; try again"
                ) from None
            raise LedgerError(f"{self.path}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise LedgerError(f"{self.path}: not a usable numcheck ledger: {exc}") from None

    def _refuse_damage(self) -> None:
        """Raise a LedgerError when SQLite's quick_check finds the file damaged."""
        try:
            problems = self._db.execute("PRAGMA quick_check").fetchall()
        except sqlite3.OperationalError:
            raise  # locked, busy: said so by _errors
        except sqlite3.DatabaseError as exc:  # too damaged to be checked
            problems = [(str(exc),)]
        first = " ".join(str(problems[0][0]).split()) if problems else "no answer"
        if first != "ok":
            more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
            raise LedgerError(
                f"{self.path}: the ledger is damaged: {first}{more}; "
                "restore it from a backup (nothing was written to it)"
            )

    def _header(self) -> tuple[int, int, int]:
        app = self._db.execute("PRAGMA application_id").fetchone()[0]
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        tables = self._db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return app, version, tables

    def _open(self) -> None:
        app, version, tables = self._header()
        if app == 0 and tables == 0 and version == 0:
            self._db.execute("PRAGMA journal_mode=WAL")
        elif app != APPLICATION_ID:
            raise LedgerError(
                f"{self.path}: an SQLite database, but not a numcheck ledger "
                f"(application_id {app:#x}, {tables} schema object(s))"
            )
        if version > SCHEMA_VERSION:
            raise LedgerError(
                f"{self.path}: ledger schema version {version} is newer than this numcheck "
                f"supports ({SCHEMA_VERSION}); upgrade numcheck"
            )
        if version < SCHEMA_VERSION:
            self.migrate()

    def migrate(self, target: int = SCHEMA_VERSION) -> None:
        """Bring the schema up to version ``target`` in one transaction."""
        with self._transaction(fresh=self._header()[2] == 0):
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for step in range(version, target):
                for statement in _MIGRATIONS[step]:
                    self._db.execute(statement)
            if version < target:
                self._db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self._db.execute(f"PRAGMA user_version = {target}")

    @property
    def schema_version(self) -> int:
        with self._errors():
            version: int = self._db.execute("PRAGMA user_version").fetchone()[0]
        return version

    @contextmanager
    def _transaction(self, *, fresh: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction: everything in it is committed, or nothing.

        A damaged file is refused before anything is written (``fresh``: an empty new
        file, nothing to check).
        """
        with self._errors():
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if not fresh:
                    self._refuse_damage()
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def add(self, articles: Iterable[Article], *, lexicon: Lexicon | None = None) -> AddResult:
        """Extract and store articles, in one transaction.

        An article whose content hash is already stored is left alone; an article whose
        id is stored with another hash (it was edited) has its claims replaced. An article
        whose extraction fails (an internal error) is not stored: it is listed in the
        result's ``errors`` and the rest of the batch is stored.
        """
        framer = Framer.of(lexicon)
        return self._store(((a, None) for a in articles), lambda a: claims_or_error(framer, a))

    def add_claims(self, items: Iterable[tuple[Article, Sequence[Claim]]]) -> AddResult:
        """Store articles with claims extracted elsewhere (one transaction; bulk loads)."""
        return self._store(items, lambda _: [])

    def _store(
        self,
        items: Iterable[tuple[Article, Sequence[Claim] | None]],
        extract: Callable[[Article], Sequence[Claim] | InputError],
    ) -> AddResult:
        added = replaced = unchanged = stored = 0
        failed: list[InputError] = []
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as db:
            for article, given in items:
                digest = content_hash(article)
                row = db.execute("SELECT hash FROM articles WHERE id = ?", (article.id,)).fetchone()
                if row is not None and row[0] == digest:
                    unchanged += 1
                    continue
                claims = extract(article) if given is None else given
                if isinstance(claims, InputError):
                    failed.append(claims)  # not stored; a stored version is kept
                    continue
                if row is not None:
                    db.execute("DELETE FROM claims WHERE article = ?", (article.id,))
                    replaced += 1
                else:
                    added += 1
                meta = article.model_dump_json(exclude={"text"})
                db.execute(
                    "INSERT OR REPLACE INTO articles (id, hash, added, meta) VALUES (?, ?, ?, ?)",
                    (article.id, digest, now, meta),
                )
                db.executemany(
                    "INSERT INTO claims (article, key, time_start, time_end, data) "
                    "VALUES (?, ?, ?, ?, ?)",
                    [
                        (article.id, c.key, *_span(c), c.model_dump_json(exclude_defaults=True))
                        for c in claims
                    ],
                )
                stored += len(claims)
        return AddResult(added, replaced, unchanged, stored, tuple(failed))

    def ack(self, fingerprints: Iterable[str], *, by: str, reason: str) -> int:
        """Record that discrepancies were reviewed (who, why; now); returns how many."""
        prints = check_fingerprints(fingerprints)
        if not by.strip() or not reason.strip():
            raise LedgerError("an acknowledgement needs who reviewed it and why")
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO acks (fingerprint, by, at, reason) VALUES (?, ?, ?, ?)",
                [(item, by, now, reason) for item in prints],
            )
        return len(prints)

    # -- reading -------------------------------------------------------------------

    def acks(self) -> dict[str, Ack]:
        """Every acknowledgement, by fingerprint."""
        with self._errors():
            rows = self._db.execute("SELECT fingerprint, by, at, reason FROM acks")
            return {row[0]: Ack(*row) for row in rows}

    def articles(self) -> dict[str, str]:
        """The stored article ids and their content hashes."""
        with self._errors():
            return dict(self._db.execute("SELECT id, hash FROM articles ORDER BY id"))

    def stored_articles(self, ids: Iterable[str]) -> list[Article]:
        """The metadata of the stored articles with these ids (``path``, ``source``,
        ``published`` ...), as articles without their text (which is not stored)."""
        from pydantic import ValidationError

        wanted = sorted(set(ids))
        found: list[Article] = []
        with self._errors():
            for at in range(0, len(wanted), 500):
                chunk = wanted[at : at + 500]
                marks = ",".join("?" * len(chunk))
                for article, meta in self._db.execute(
                    f"SELECT id, meta FROM articles WHERE id IN ({marks}) ORDER BY id", chunk
                ):
                    try:
                        found.append(Article.model_validate({**json.loads(meta), "text": ""}))
                    except (ValueError, ValidationError):
                        raise LedgerError(
                            f"{self.path}: the stored metadata of article {article!r} is "
                            "damaged, not a valid Article"
                        ) from None
        return found

    def count_claims(self) -> int:
        return self.counts()[1]

    def counts(self) -> tuple[int, int]:
        """How many articles and claims the ledger holds."""
        with self._errors():
            articles: int = self._db.execute("SELECT count(*) FROM articles").fetchone()[0]
            claims: int = self._db.execute("SELECT count(*) FROM claims").fetchone()[0]
        return articles, claims

    def claims(self, keys: Iterable[str], *, exclude: Iterable[str] = ()) -> list[Claim]:
        """The stored claims with one of ``keys``, except those of articles in ``exclude``.

        A stored claim that is not valid JSON or not a valid Claim is a LedgerError
        naming the file and the claim's article.
        """
        from pydantic import ValidationError

        skip = set(exclude)
        claims: list[Claim] = []
        for article, key, _, _, data in self._rows(keys):
            if article in skip:
                continue
            try:
                claims.append(Claim.model_validate_json(data))
            except ValidationError as exc:
                first = exc.errors()[0]
                field = ".".join(str(p) for p in first["loc"])
                problem = f"{field}: {first['msg']}" if field else first["msg"]
                raise LedgerError(
                    f"{self.path}: a stored claim of article {article!r} (key {key!r}) is "
                    f"damaged, not a valid Claim: {problem}"
                ) from None
        return claims

    def _rows(self, keys: Iterable[str]) -> list[tuple[str, str, str | None, str | None, str]]:
        """(article, key, time_start, time_end, data) of the claims with one of ``keys``."""
        wanted = sorted(set(keys))
        rows: list[tuple[str, str, str | None, str | None, str]] = []
        with self._errors():
            for at in range(0, len(wanted), 500):
                chunk = wanted[at : at + 500]
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    "SELECT article, key, time_start, time_end, data FROM claims "
                    f"WHERE key IN ({marks})",
                    chunk,
                ).fetchall()
        return rows

    def verify(self) -> str:
        """SQLite's full integrity check of the file: ``ok`` or the problems found."""
        with self._errors():
            rows = self._db.execute("PRAGMA integrity_check").fetchall()
        return "\n".join(str(row[0]) for row in rows)

    # -- checking ------------------------------------------------------------------

    def check(
        self,
        articles: Sequence[Article],
        *,
        rules: Rules | None = None,
        lexicon: Lexicon | None = None,
    ) -> list[Discrepancy]:
        """Discrepancies of new articles among themselves and against the ledger.

        The articles are not added. Ledger claims of articles with the same ids are left
        out (a new version of a stored article replaces it). An article whose extraction
        fails (an internal error) raises :class:`LoadError` after the others were
        extracted, like :func:`numcheck.check`.
        """
        done = extract_each(articles, lexicon=lexicon)
        if done.errors:
            raise LoadError(done.errors, done.articles)
        exclude = {article.id for article in articles}
        return self.against(done.claims, rules=rules or Rules(), lexicon=lexicon, exclude=exclude)

    def against(
        self,
        claims: Sequence[Claim],
        *,
        rules: Rules,
        lexicon: Lexicon | None = None,
        exclude: Iterable[str] = (),
    ) -> list[Discrepancy]:
        """Discrepancies involving ``claims``: among themselves, and against the ledger's
        claims of their keys (an indexed query), except those of articles in ``exclude``.

        The engine sweeps each key's times (see ``numcheck._compare``), so the cost grows
        with the claims of the keys involved, never with their square.
        """
        new = {claim.article for claim in claims}
        skip = {*exclude, *new}
        counts = self.key_counts({claim.key.split("|")[0] for claim in claims}, exclude=skip)
        mine: dict[str, int] = {}
        for claim in claims:
            mine[claim.key] = mine.get(claim.key, 0) + 1
        everything = dict(counts)
        for key, count in mine.items():
            everything[key] = everything.get(key, 0) + count
        resolved = resolve_keys(everything)
        targets = {resolved[key] for key in mine}
        wanted = {key for key in counts if resolved[key] in targets}
        stored = self.claims(wanted, exclude=skip)
        others = {key: count for key, count in counts.items() if key not in wanted}
        return compare([*claims, *stored], rules, lexicon, focus=new, others=others)

    def findings(self, *, rules: Rules, lexicon: Lexicon | None = None) -> list[Discrepancy]:
        """Every discrepancy among the ledger's own claims (reads them all)."""
        with self._errors():
            keys = [row[0] for row in self._db.execute("SELECT DISTINCT key FROM claims")]
        return compare(self.claims(keys), rules, lexicon)

    def unmatched(
        self,
        fingerprints: Iterable[str],
        *,
        rules: Rules,
        lexicon: Lexicon | None = None,
        claims: Sequence[Claim] = (),
        exclude: Iterable[str] = (),
    ) -> list[str]:
        """The ``fingerprints`` that no discrepancy has: none involving ``claims`` (new
        articles', as :meth:`against` finds them) and none among the ledger's claims (read
        only when some fingerprint is still unmatched)."""
        wanted = list(dict.fromkeys(check_fingerprints(fingerprints)))
        if claims:
            found = {
                fingerprint(d)
                for d in self.against(claims, rules=rules, lexicon=lexicon, exclude=exclude)
            }
            wanted = [item for item in wanted if item not in found]
        if wanted:
            found = {fingerprint(d) for d in self.findings(rules=rules, lexicon=lexicon)}
            wanted = [item for item in wanted if item not in found]
        return wanted

    def key_counts(self, measures: Iterable[str], *, exclude: Iterable[str] = ()) -> dict[str, int]:
        """How many stored claims each key of ``measures`` has (articles in ``exclude``
        left out): what resolving unknown subjects and places needs (see
        ``numcheck._compare.resolve_keys``), read from the key counts the ledger keeps."""
        counts: dict[str, int] = {}
        with self._errors():
            for measure in sorted(set(measures)):
                for key, count in self._db.execute(
                    "SELECT key, claims FROM key_counts WHERE key >= ? AND key < ? AND claims > 0",
                    (measure + "|", measure + "}"),
                ):
                    counts[key] = count
            skip = sorted(set(exclude))
            for at in range(0, len(skip), 500):
                chunk = skip[at : at + 500]
                marks = ",".join("?" * len(chunk))
                for key, count in self._db.execute(
                    f"SELECT key, COUNT(*) FROM claims WHERE article IN ({marks}) GROUP BY key",
                    chunk,
                ):
                    if key in counts:
                        counts[key] -= count
        return {key: count for key, count in counts.items() if count > 0}


def check_fingerprints(fingerprints: Iterable[str]) -> list[str]:
    """The fingerprints, each checked to look like one (a :class:`LedgerError` if not)."""
    prints = list(fingerprints)
    for item in prints:
        if len(item) != FINGERPRINT_LENGTH or any(ch not in "0123456789abcdef" for ch in item):
            raise LedgerError(
                f"{item!r} is not a discrepancy fingerprint "
                f"({FINGERPRINT_LENGTH} hex digits, as shown by numcheck ledger check)"
            )
    return prints


def render_finding(
    discrepancy: Discrepancy,
    ack: Ack | None = None,
    *,
    paths: Mapping[str, str] | None = None,
    unstored: Mapping[str, str] | None = None,
) -> str:
    """One discrepancy for people: both sentences with the figure marked »…«, both
    articles with source and date (and ``path:line:col`` when ``paths`` has the article's
    file and the claim its line), the rule, the difference and the fingerprint.

    ``unstored``: the files of the articles checked that are not in the ledger, by id; the
    command that acknowledges a finding of theirs names them (``--articles``)."""
    d = discrepancy
    mark = fingerprint(d)
    word = SEVERITIES[d.severity].word.upper()
    lines = [f"{word} {d.verdict} {d.key} [rule {d.rule}] fingerprint {mark}"]
    for claim in d.claims:
        details = ", ".join(
            x for x in (claim.source, claim.anchor and f"published {claim.anchor}") if x
        )
        where = f":{claim.start}-{claim.end}" if claim.start is not None else ""
        path = paths.get(claim.article) if paths else None
        if path is not None and claim.line is not None:
            details = f"{path}:{claim.line}:{claim.column}" + (f", {details}" if details else "")
        when = claim.time.label() + (f' ("{claim.time.text}")' if claim.time.text else "")
        lines.append(f"  - {claim.article}{where} ({details or 'no source or date'}), for {when}:")
        lines.append(f"    {_clip(_marked(claim), 200)}")
    first, second = d.claims
    if first.value is not None and second.value is not None:
        difference = f"{second.value - first.value:+,.6g}"
        ratio = f" ({d.ratio:.2f}×)" if d.ratio is not None else ""
        lines.append(f"  difference: {difference}{ratio}")
    lines.append(f"  {d.explanation}")
    if ack is not None:
        lines.append(f"  acknowledged by {ack.by} at {ack.at}: {ack.reason}")
    else:
        files = sorted(
            {unstored[c.article] for c in d.claims if unstored and c.article in unstored}
        )
        named = f" --articles {' '.join(files)}" if files else ""
        lines.append(f'  to accept it: numcheck ledger ack {mark}{named} --by NAME --reason "..."')
    return "\n".join(printable(line) for line in lines)
