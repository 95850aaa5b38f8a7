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
from conftest import SEEDS
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
        assert ledger.add([OLD]) == (1, 0, 0, 2)
        assert ledger.add([OLD]) == (0, 0, 1, 0)
        edited = OLD.model_copy(update={"text": "About 2,600 US troops are in Iraq now."})
        assert ledger.add([edited]) == (0, 1, 0, 1)
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
    with pytest.raises(LedgerError, match=f"{newer}: ledger schema version 3 is newer"):
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
    with Ledger(path) as ledger:
        assert ledger.schema_version == SCHEMA_VERSION == 2
        assert ledger.articles() == {"a": "h"}
        assert ledger.acks() == {}


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
    acked = run("ledger", "ack", *marks, "--by", "Ana", "--reason", "checked", cwd=tmp_path)
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
