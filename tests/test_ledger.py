"""The claim ledger: idempotent adds, checks, acks, schema versions, crash safety."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import CRASH, SEEDS
from test_cli import run

from numcheck import Article, Ledger, LedgerError, Rules
from numcheck._compare import compare
from numcheck._ledger import _MIGRATIONS, SCHEMA_VERSION, fingerprint
from numcheck._pipeline import extract_articles


def article(id: str, text: str, published: str = "2024-01-10") -> Article:  # noqa: A002
    return Article(id=id, text=text, published=published)


OLD = article("old", "About 2,500 US troops are in Iraq now. At least 40 attacks hit bases.")
NEW = article("new", "There are 5,000 US troops in Iraq, officials said.", "2024-01-20")


def test_add_is_idempotent_and_an_edit_replaces_the_claims(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as ledger:
        assert ledger.add([OLD]) == (1, 0, 0, 2, ())
        assert ledger.add([OLD]) == (0, 0, 1, 0, ())
        edited = OLD.model_copy(update={"text": "About 2,600 US troops are in Iraq now."})
        assert ledger.add([edited]) == (0, 1, 0, 1, ())
        assert ledger.count_claims() == 1
        assert [c.text for c in ledger.claims(["troops|US|Iraq"])] == ["About 2,600"]
    with Ledger(path, create=False) as again:
        assert list(again.articles()) == ["old"]


def test_stored_claims_read_back_equal(tmp_path: Path, seed_articles: list[Article]) -> None:
    claims = extract_articles(seed_articles)
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(seed_articles)
        stored = ledger.claims({c.key for c in claims})
    assert sorted(stored, key=lambda c: c.id) == sorted(claims, key=lambda c: c.id)


def test_check_reports_new_claims_against_the_ledger_only(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add([OLD, article("other", "About 900 US troops are in Syria now.")])
        found = ledger.check([NEW])
        [conflict] = found
        assert (conflict.verdict, conflict.severity) == ("conflict", "error")
        assert [c.article for c in conflict.claims] == ["old", "new"]
        # a new version of a stored article replaces it: no conflict with itself
        assert ledger.check([OLD.model_copy(update={"text": "About 3,000 US troops."})]) == []
        assert ledger.count_claims() == 3  # check never adds


def test_ledger_findings_agree_with_comparing_everything(tmp_path: Path) -> None:
    """On a small ledger the candidates are every claim: the same findings as compare()."""
    texts = [
        ("a", "About 2,500 US troops are in Iraq now.", "2024-01-05"),
        ("b", "There were 5000 US troops in Iraq in 2016.", "2016-06-01"),
        ("c", "At least 1,000 people were killed in Iraq in 2020.", "2021-01-01"),
        ("d", "Some 800 people were killed in Iraq in 2022.", "2023-01-01"),
        ("e", "Officials said 3,100 US troops were in Iraq.", "2024-01-12"),
    ]
    stored = [article(*t) for t in texts]
    new = [article("n1", "1,200 US troops are in Iraq, and 700 people were killed in Iraq.")]
    rules = Rules()
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add(stored)
        got = {fingerprint(d) for d in ledger.check(new, rules=rules)}
    everything = compare(extract_articles(stored + new), rules)
    expected = {fingerprint(d) for d in everything if "n1" in {c.article for c in d.claims}}
    assert got == expected and len(got) >= 3


def test_acks_are_recorded_and_validated(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add([OLD])
        [conflict] = ledger.check([NEW])
        mark = fingerprint(conflict)
        assert ledger.ack([mark], by="Ana", reason="different counting") == 1
        ack = ledger.acks()[mark]
        assert (ack.by, ack.reason) == ("Ana", "different counting") and ack.at
        with pytest.raises(LedgerError, match="not a discrepancy fingerprint"):
            ledger.ack(["xyz"], by="Ana", reason="r")
        with pytest.raises(LedgerError, match="who reviewed it and why"):
            ledger.ack([mark], by=" ", reason="r")


def test_missing_foreign_newer_and_corrupt_files_are_clear_errors(tmp_path: Path) -> None:
    missing = tmp_path / "missing.db"
    with pytest.raises(LedgerError, match=f"{missing}: no such ledger"):
        Ledger(missing, create=False)
    text = tmp_path / "notes.db"
    text.write_text("not a database at all, just some text " * 100)
    with pytest.raises(LedgerError, match=f"{text}: not a usable numcheck ledger"):
        Ledger(text)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(LedgerError, match=f"{foreign}: an SQLite database, but not a numcheck"):
        Ledger(foreign)
    newer = tmp_path / "newer.db"
    Ledger(newer).close()
    with sqlite3.connect(newer) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    newest = SCHEMA_VERSION + 1
    with pytest.raises(LedgerError, match=f"{newer}: ledger schema version {newest} is newer"):
        Ledger(newer)


def test_a_damaged_ledger_is_a_clear_error(tmp_path: Path, seed_articles: list[Article]) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as ledger:
        ledger.add(seed_articles)
    data = bytearray(path.read_bytes())
    assert len(data) > 3 * 4096
    data[4096:] = b"\xa5" * (len(data) - 4096)  # everything after the first page
    path.write_bytes(bytes(data))
    damaged = Ledger(path)
    with pytest.raises(LedgerError, match=f"{path}: not a usable numcheck ledger: .*malformed"):
        damaged.check([NEW])
    damaged.close()


def test_an_old_schema_is_migrated_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    with sqlite3.connect(path) as db:  # a ledger as the first schema version wrote it
        for statement in _MIGRATIONS[0]:
            db.execute(statement)
        db.execute("PRAGMA application_id = 0x4E554D43")
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO articles VALUES ('a', 'h', '2024-01-01', '{}')")
        for key in ["troops|US|Iraq", "troops|US|Iraq", "troops|?|Iraq"]:
            db.execute("INSERT INTO claims VALUES ('a', ?, NULL, NULL, '{}')", (key,))
    with Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == 3
        assert ledger.articles() == {"a": "h"}
        assert ledger.acks() == {}
        # version 3 counts the claims already stored by key, and keeps counting
        assert ledger.key_counts(["troops"]) == {"troops|US|Iraq": 2, "troops|?|Iraq": 1}
        assert ledger.key_counts(["troops"], exclude=["a"]) == {}


def _write_batch(folder: Path, count: int) -> Path:
    batch = folder / "batch.jsonl"
    lines = [
        json.dumps(
            {
                "id": f"bulk-{i}",
                "published": "2024-01-10",
                "text": f"About {1000 + i} US troops are in Iraq now. At least {i} people "
                f"were killed in Baghdad last week. Some {i + 7} attacks hit bases in Syria.",
            }
        )
        for i in range(count)
    ]
    lines.append(json.dumps({"id": "old", "text": "Now 9,999 US troops are in Iraq."}))
    batch.write_text("\n".join(lines) + "\n")
    return batch


def _write_locked(path: Path) -> bool:
    """Whether another connection holds the ledger's write lock (a write transaction)."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc)
    finally:
        probe.close()


def test_a_process_killed_mid_ingest_leaves_the_ledger_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as ledger:
        ledger.add([OLD, NEW])
        before = ledger.articles(), ledger.count_claims()
    batch = _write_batch(tmp_path, 4000)
    writer = subprocess.Popen(
        [sys.executable, "-m", "numcheck", "ledger", "add", "--ledger", str(path), str(batch)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not _write_locked(path):  # until the writer's transaction is open
            assert writer.poll() is None, "the writer finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.002)
        # a reader is not blocked by the writer (timeout=0: it would fail at once) and sees
        # the last committed state
        with Ledger(path, create=False, timeout=0) as reader:
            assert (reader.articles(), reader.count_claims()) == before
        time.sleep(0.2)  # let it write a good part of the batch
        writer.send_signal(signal.SIGKILL)
    finally:
        writer.kill()
        writer.wait()
    assert writer.returncode == -signal.SIGKILL
    with Ledger(path, create=False) as after:
        assert (after.articles(), after.count_claims()) == before
        assert after.verify() == "ok"
    # a second writer waits for the first one, then gives up with a clear error
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Ledger(path, timeout=0) as second, pytest.raises(LedgerError, match="locked"):
            second.ack(["0" * 16], by="a", reason="b")
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()


def test_cli_add_check_ack(tmp_path: Path) -> None:
    new = tmp_path / "new.md"
    new.write_text(
        "---\nid: new\npublished: 2024-01-15\n---\nAbout 5,000 US troops are in Iraq now.\n"
    )
    added = run("ledger", "add", str(SEEDS), cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "5 article(s) added" in added.stdout
    assert "5 unchanged" in run("ledger", "add", str(SEEDS), cwd=tmp_path).stdout
    checked = run("ledger", "check", str(new), cwd=tmp_path)
    assert checked.returncode == 1, checked.stderr
    marks = [
        line.split("fingerprint ")[1]
        for line in checked.stdout.splitlines()
        if " ERROR" in f" {line}"
    ]
    assert len(marks) == 2 and "»About 5,000«" in checked.stdout
    acked = run(
        "ledger",
        "ack",
        *marks,
        "--articles",
        str(new),
        "--by",
        "Ana",
        "--reason",
        "checked",
        cwd=tmp_path,
    )
    assert acked.returncode == 0, acked.stderr
    again = run("ledger", "check", str(new), cwd=tmp_path)
    assert again.returncode == 0 and again.stdout.count("acknowledged by Ana") == 2
    listed = run("ledger", "acks", cwd=tmp_path)
    assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == sorted(marks)
    missing = run("ledger", "check", "--ledger", "nope.db", str(new), cwd=tmp_path)
    assert missing.returncode == 2
    assert (
        missing.stderr.strip()
        == "numcheck: nope.db: no such ledger (create it with: numcheck ledger add)"
    )


# -- damage: every command refuses, and writes nothing -------------------------------

PAGE = 4096


def _damage(data: bytes, how: str) -> bytes:
    pages = len(data) // PAGE
    if how == "pages-overwritten":  # the header page kept, pages 2..N junk
        return data[:PAGE] + b"\xa5" * (len(data) - PAGE)
    if how == "last-page-overwritten":  # one page that a check's reads may never touch
        return data[: (pages - 1) * PAGE] + bytes(range(256)) * (PAGE // 256)
    if how == "truncated":
        return data[: len(data) // 2]
    if how == "header-only":  # SQLite's 100-byte header, then junk
        return data[:100] + b"junk" * ((len(data) - 100) // 4)
    assert how == "not-sqlite"
    return b"not a database at all " * 100


@pytest.fixture(scope="module")
def seeds_ledger(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The bytes of a ledger written by ``numcheck ledger add`` with the seeds."""
    path = tmp_path_factory.mktemp("ledger") / "l.db"
    added = run("ledger", "add", str(SEEDS), "--ledger", str(path))
    assert added.returncode == 0, added.stderr
    assert not path.with_name("l.db-wal").exists()  # checkpointed: the file is complete
    return path.read_bytes()


@pytest.mark.parametrize(
    "how",
    [
        pytest.param("pages-overwritten", id="pages-overwritten"),
        pytest.param("last-page-overwritten", id="last-page-overwritten"),
        pytest.param("truncated", id="truncated"),
        pytest.param("header-only", id="header-only-junk"),
        pytest.param("not-sqlite", id="not-sqlite"),
    ],
)
def test_every_ledger_command_refuses_a_damaged_ledger_and_leaves_it_alone(
    tmp_path: Path, seeds_ledger: bytes, how: str
) -> None:
    path = tmp_path / "l.db"
    damaged = _damage(seeds_ledger, how)
    path.write_bytes(damaged)
    new = tmp_path / "new.md"
    new.write_text("---\nid: new\npublished: 2024-01-15\n---\nAbout 5,000 US troops in Iraq.\n")
    commands = {
        "add": ("add", str(new)),
        "check": ("check", str(new)),
        "ack": ("ack", "0123456789abcdef", "--by", "Ana", "--reason", "fine"),
        "acks": ("acks",),
    }
    for name, command in commands.items():
        result = run("ledger", *command, "--ledger", str(path))
        assert result.returncode == 2, (name, result.stdout, result.stderr)
        [line] = result.stderr.splitlines()
        assert line.startswith(f"numcheck: {path}: "), (name, line)
        assert "damaged" in line or "not a usable numcheck ledger" in line, (name, line)
        assert path.read_bytes() == damaged, name  # nothing was written into it


def test_the_intact_ledger_passes_every_command(tmp_path: Path, seeds_ledger: bytes) -> None:
    """The control: the same commands on the undamaged ledger succeed."""
    path = tmp_path / "l.db"
    path.write_bytes(seeds_ledger)
    new = tmp_path / "new.md"
    new.write_text("---\nid: new\npublished: 2024-01-15\n---\nAbout 900 US troops in Syria.\n")
    assert run("ledger", "check", str(new), "--ledger", str(path)).returncode == 0
    with Ledger(path) as ledger:  # a finding among the seeds (ack refuses unknown ones)
        mark = fingerprint(ledger.findings(rules=Rules())[0])
    acked = run("ledger", "ack", mark, "--by", "Ana", "--reason", "fine", "--ledger", str(path))
    assert acked.returncode == 0, acked.stderr
    assert run("ledger", "acks", "--ledger", str(path)).stdout.startswith(mark)
    assert run("ledger", "add", str(new), "--ledger", str(path)).returncode == 0


def test_a_write_refuses_a_damaged_ledger_that_reads_do_not_notice(
    tmp_path: Path, seeds_ledger: bytes
) -> None:
    path = tmp_path / "l.db"
    damaged = _damage(seeds_ledger, "last-page-overwritten")
    path.write_bytes(damaged)
    with Ledger(path) as ledger:  # no verify: opening and reading the acks still work
        assert ledger.acks() == {}
        with pytest.raises(LedgerError, match=f"^{path}: the ledger is damaged: "):
            ledger.ack(["0" * 16], by="Ana", reason="fine")
        with pytest.raises(LedgerError, match=f"^{path}: the ledger is damaged: "):
            ledger.add([NEW])
    with pytest.raises(LedgerError, match=f"^{path}: the ledger is damaged: "):
        Ledger(path, verify=True)
    assert path.read_bytes() == damaged


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param('{"value": 2500, "unit": ', "Invalid JSON", id="invalid-json"),
        pytest.param('{"value": "many"}', "article: Field required", id="not-a-claim"),
        pytest.param("[1, 2]", "Input should be an object", id="not-an-object"),
    ],
)
def test_a_damaged_claim_row_is_a_ledger_error_naming_the_file_and_article(
    tmp_path: Path, data: str, problem: str
) -> None:
    path = tmp_path / "l.db"
    with Ledger(path) as ledger:
        ledger.add([OLD])
    with sqlite3.connect(path) as db:
        db.execute("UPDATE claims SET data = ? WHERE key = 'troops|US|Iraq'", (data,))
    db.close()
    new = tmp_path / "new.md"
    new.write_text("---\nid: new\npublished: 2024-01-20\n---\nThere are 5,000 US troops in Iraq.\n")
    result = run("ledger", "check", str(new), "--ledger", str(path))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(
        f"numcheck: {path}: a stored claim of article 'old' (key 'troops|US|Iraq') is damaged"
    )
    assert problem in line
    assert "Traceback" not in result.stderr


# -- one article whose extraction crashes --------------------------------------------


@pytest.mark.usefixtures("crashing_grammar")
def test_add_stores_the_rest_and_keeps_the_stored_version_of_a_crashing_article(
    tmp_path: Path,
) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add([OLD])
        edited = OLD.model_copy(update={"text": f"About 9,000 US troops are in Iraq. {CRASH}"})
        done = ledger.add([edited, NEW])
        assert done[:4] == (1, 0, 0, 1)  # NEW added; the edit failed, nothing replaced
        [error] = done.errors
        assert error.path == "old"
        assert error.message.startswith("internal error while reading figures: ValueError: ")
        assert ledger.articles().keys() == {"old", "new"}
        assert [c.text for c in ledger.claims(["troops|US|Iraq"], exclude=["new"])] == [
            "About 2,500"
        ]


@pytest.mark.usefixtures("crashing_grammar")
def test_check_raises_load_error_after_the_batch_with_the_good_articles() -> None:
    import numcheck

    bad = article("bad", f"There were 12 troops. {CRASH}")
    with pytest.raises(numcheck.LoadError) as caught:
        numcheck.check([OLD, bad, NEW])
    assert [a.id for a in caught.value.articles] == ["old", "new"]
    [error] = caught.value.errors
    assert str(error).startswith("bad: internal error while reading figures: ValueError")
    with Ledger(":memory:") as ledger, pytest.raises(numcheck.LoadError, match=r"^bad: "):
        ledger.check([bad, NEW])


def test_key_counts_follow_adds_and_replacements(tmp_path: Path) -> None:
    """The counts the resolution reads stay equal to counting the stored claims."""
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.add([OLD, article("other", "About 900 US troops are in Syria now.")])
        ledger.add([OLD.model_copy(update={"text": "About 3,000 US troops and 900 in Syria."})])
        with sqlite3.connect(tmp_path / "l.db") as db:
            counted = dict(db.execute("SELECT key, COUNT(*) FROM claims GROUP BY key").fetchall())
        assert ledger.key_counts(["troops"]) == counted and sum(counted.values()) == 3


def test_articles_framed_by_another_version_are_extracted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numcheck import _ledger

    with Ledger(tmp_path / "l.db") as ledger:
        assert ledger.add([OLD]).added == 1
        assert ledger.add([OLD]).unchanged == 1
        monkeypatch.setattr(_ledger, "FRAMING", _ledger.FRAMING + 1)
        assert ledger.add([OLD]).replaced == 1
