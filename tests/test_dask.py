"""numcheck.dask gives the report of numcheck.check: on the local scheduler and on a
LocalCluster of two processes, for any partitioning and input order, a hot key split
into chunks; a malformed article is an error record, not a failed job."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import Claim, InputError, LoadError, Report, Rules, TimeSpan
from numcheck._compare import Block, compare

dask = pytest.importorskip("dask")
pytest.importorskip("dask.bag")

import numcheck.dask as nd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = sorted(p for p in (ROOT / "tests" / "data" / "corpus").iterdir() if p.is_dir())


@pytest.fixture(autouse=True)
def _sync() -> Iterator[None]:
    """The single-threaded local scheduler unless a test says otherwise (fast, no pool)."""
    with dask.config.set(scheduler="sync"):
        yield


@pytest.fixture(scope="module")
def corpus_report() -> Report:
    return numcheck.check(CORPUS)


@pytest.mark.parametrize(
    ("npartitions", "chunk_size"),
    [
        pytest.param(1, nd.CHUNK_SIZE, id="1-partition"),
        pytest.param(2, nd.CHUNK_SIZE, id="2-partitions"),
        pytest.param(7, 5, id="7-partitions-keys-of-5-claims-split"),
        pytest.param(31, 2, id="31-partitions-keys-of-2-claims-split"),
    ],
)
def test_the_report_of_numcheck_check_for_any_partitioning(
    corpus_report: Report, npartitions: int, chunk_size: int
) -> None:
    found = nd.check(CORPUS, npartitions=npartitions, chunk_size=chunk_size)
    assert found.model_dump_json() == corpus_report.model_dump_json()
    assert len(found.discrepancies) > 100


def test_the_seeds_on_the_default_local_scheduler() -> None:
    with dask.config.set(scheduler=None):
        found = nd.check([ROOT / "seeds"], npartitions=2)
    assert found.model_dump_json() == numcheck.check([ROOT / "seeds"]).model_dump_json()


def test_the_report_on_a_local_cluster_of_two_processes(corpus_report: Report) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        found = nd.check(CORPUS, npartitions=4, chunk_size=5)  # hot keys split, stitched
    assert found.model_dump_json() == corpus_report.model_dump_json()


@settings(max_examples=8)
@given(
    st.randoms(use_true_random=False),
    st.sampled_from([1, 2, 7, 31]),
    st.sampled_from([3, 50, nd.CHUNK_SIZE]),
)
def test_the_input_order_does_not_matter(
    corpus_report: Report, rnd: object, npartitions: int, chunk_size: int
) -> None:
    claims = list(corpus_report.claims)
    rnd.shuffle(claims)  # type: ignore[attr-defined]
    bag = dask.bag.from_sequence(claims, npartitions=npartitions)
    found = nd.compare(bag, npartitions=npartitions, chunk_size=chunk_size)
    assert found == corpus_report.discrepancies


def _total(value: float, day: str, article: str) -> Claim:
    when = dt.date.fromisoformat(day)
    return Claim(
        article=article,
        text=f"{value:,.0f}",
        value=value,
        unit="attacks",
        subject="US forces",
        location="Iraq",
        time=TimeSpan(start=when, end=when, basis="explicit", text=day),
    ).model_copy(update={"statistic": "running_total", "as_of": when})


@pytest.mark.parametrize(
    "chunk_size",
    [pytest.param(nd.CHUNK_SIZE, id="one-key-one-task"), pytest.param(1, id="a-chunk-a-claim")],
)
def test_a_regression_across_partitions_is_found(chunk_size: int) -> None:
    claims = [_total(170, "2024-03-01", "a"), _total(150, "2024-04-02", "b")]
    bag = dask.bag.from_sequence(claims, npartitions=2)
    assert bag.map_partitions(len).compute() == [1, 1]  # one claim in each partition
    found = nd.compare(bag, chunk_size=chunk_size)
    assert [d.verdict for d in found] == ["regression"]
    assert found == numcheck.check(claims).discrepancies


def test_a_hot_key_split_into_many_chunks_is_stitched_back() -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from bench_compare import synthetic
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    claims = synthetic(3_000, worst=True)
    bag = dask.bag.from_sequence(claims, npartitions=5)
    found = nd.compare(bag, chunk_size=40)
    assert found == compare(claims, Rules())


GOOD = '{"id": "a", "text": "There were 5000 US troops in Iraq in 2016."}\n'
BAD = '{"id": "b", "text": ["not", "a", "text"]}\n'
LATER = '{"id": "c", "text": "The US now has 2,500 troops in Iraq.", "published": "2024-01-06"}\n'


def test_a_malformed_article_is_an_error_record(tmp_path: Path) -> None:
    (tmp_path / "news.jsonl").write_text(GOOD + BAD + LATER, encoding="utf-8")
    records = nd.extract([tmp_path]).compute()
    errors = [r for r in records if isinstance(r, InputError)]
    assert [e.path for e in errors] == [f"{tmp_path / 'news.jsonl'}:2"]
    assert {c.article for c in records if isinstance(c, Claim)} == {"a", "c"}
    report = nd.check([tmp_path])  # the job goes on: the report of the rest, and the error
    assert report.errors == errors
    assert [d.verdict for d in report.discrepancies] == ["change"]
    with pytest.raises(LoadError) as raised:
        numcheck.check([tmp_path])
    assert raised.value.errors == report.errors


def test_a_repeated_article_id_is_an_error_as_in_numcheck_check(tmp_path: Path) -> None:
    (tmp_path / "one.jsonl").write_text(GOOD, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(GOOD.replace("5000", "7000") + LATER, encoding="utf-8")
    report = nd.check([tmp_path])
    with pytest.raises(LoadError) as raised:
        numcheck.check([tmp_path])
    assert report.errors == raised.value.errors
    assert [e.message[:22] for e in report.errors] == ["duplicate article id '"]
    assert [a.id for a in report.articles] == [a.id for a in raised.value.articles]
    assert all(c.value != 7000 for c in report.claims)


def test_import_numcheck_works_without_dask() -> None:
    code = (
        "import sys\n"
        "sys.modules['dask'] = sys.modules['distributed'] = None  # as if not installed\n"
        "import numcheck, numcheck.dask\n"
        "assert numcheck.check(['seeds']).discrepancies\n"
        "try:\n"
        "    numcheck.dask.check(['seeds'])\n"
        "except numcheck.NumcheckError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "numcheck.dask needs Dask: pip install 'numcheck[dask]'"


def test_the_steps_of_the_spark_recipe_give_the_report(corpus_report: Report) -> None:
    """docs/scale.md's Spark job, with plain Python in place of Spark: extraction file by
    file, the counts by block, each claim placed, each block folded, the findings sorted."""
    rows = [item for folder in CORPUS for item in nd.read_one(folder)]
    claims = [c for c in rows if isinstance(c, Claim)]
    assert claims == corpus_report.claims
    placed = [(where, c) for c in claims if (where := nd.block_of(c)) is not None]
    counted = Counter(
        (where, c.time.start, c.time.end) if where[3] else (where, None, None)
        for where, c in placed
    )
    resolved = nd.resolution((*at, n) for at, n in counted.items())
    groups: dict[Block, list[Claim]] = defaultdict(list)
    for where, c in placed:
        groups[resolved.place(where, c)].append(c)
    found = [d for at, those in groups.items() for d in nd.fold(at, those)]
    assert sorted(found, key=nd.report_order) == corpus_report.discrepancies


@pytest.mark.parametrize("npartitions", [pytest.param(1, id="1"), pytest.param(5, id="5")])
def test_the_claims_as_a_dask_dataframe(npartitions: int) -> None:
    pandas = pytest.importorskip("pandas")
    frame = nd.claims_frame(nd.extract([ROOT / "seeds"], npartitions=npartitions))
    want = numcheck.check([ROOT / "seeds"]).claims_frame()
    assert list(frame.columns) == list(want.columns)
    got = frame.compute()
    # a column's type is pandas' guess in each partition; None and NaN both say missing
    plain = [f.astype(object).where(f.notna(), None) for f in (got, want)]
    pandas.testing.assert_frame_equal(*plain)
