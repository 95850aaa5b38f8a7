"""The article loader on real files, good and bad."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED

import numcheck
from numcheck import LoadError

SEED_DATES = {
    "000_957756990271ccc1": (dt.date(2021, 3, 1), "month"),
    "001_695cb371e019521c": (dt.date(2024, 1, 6), "day"),
    "002_1cf852d00daa61fe": (dt.date(2024, 1, 29), "day"),
    "003_e860bb3c3b32c8e3": (dt.date(2019, 2, 11), "day"),
    "004_e5be0aa2949e4449": (dt.date(2018, 2, 20), "day"),
}


def test_seeds_load_with_their_dates(seed_articles: list[numcheck.Article]) -> None:
    got = {a.id: (a.published, a.published_precision) for a in seed_articles}
    assert got == SEED_DATES
    assert all(a.meta.get("note") for a in seed_articles)


@pytest.mark.skipif(not (SHARED / "seeds").is_dir(), reason="../shared/seeds not present")
def test_seed_bodies_are_byte_identical_to_the_shared_seeds(
    seed_articles: list[numcheck.Article],
) -> None:
    for article in seed_articles:
        original = (SHARED / "seeds" / f"{article.id}.txt").read_bytes()
        assert article.text.encode("utf-8") == original, article.id


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def test_front_matter_fields_and_meta(tmp_path: Path) -> None:
    body = "\n\nAbout 900 US troops are in Syria.\r\n"
    path = write(
        tmp_path / "a.md",
        "---\nid: syria-1\ntitle: T\nsource: Wire\nurl: https://example.org/x\n"
        "published: 2024-01-29\nauthor: Someone\n---\n" + body,
    )
    [article] = numcheck.load_articles(path)
    assert article.id == "syria-1"
    assert article.text == body
    assert (article.title, article.source, article.url) == ("T", "Wire", "https://example.org/x")
    assert article.published == dt.date(2024, 1, 29)
    assert article.meta == {"author": "Someone"}
    assert article.path == str(path)


def test_defaults_without_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "plain-story.md", "# A headline\n\nText with 3 numbers.\n")
    [article] = numcheck.load_articles(path)
    assert article.id == "plain-story"
    assert article.published is None
    assert article.title == "A headline"
    assert article.text == "# A headline\n\nText with 3 numbers.\n"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf2,500 troops")
    assert numcheck.load_articles(path)[0].text == "2,500 troops"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        pytest.param("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file", id="binary"),
        pytest.param(
            "latin1.txt",
            "Caf\u00e9 with 2,500 troops".encode("latin-1"),
            "not valid UTF-8 (byte 0xE9 at offset 3",
            id="latin-1",
        ),
        pytest.param("empty.txt", b"", "empty file", id="empty"),
        pytest.param("blank.md", b"  \n\n ", "empty file", id="whitespace-only"),
        pytest.param(
            "open.md", b"---\ntitle: x\nno end\n", "never closed", id="unclosed-front-matter"
        ),
        pytest.param(
            "yaml.md", b"---\ntitle: [unclosed\n---\nbody\n", "not valid YAML", id="invalid-yaml"
        ),
        pytest.param(
            "list.md",
            b"---\n- a\n- b\n---\nbody\n",
            "must be a mapping",
            id="front-matter-not-mapping",
        ),
        pytest.param(
            "date.md",
            b"---\npublished: 2024-13-45\n---\nbody\n",
            "cannot read '2024-13-45' as a date",
            id="bad-date",
        ),
        pytest.param(
            "nobody.md", b"---\ntitle: x\n---\n\n", "empty article body", id="front-matter-only"
        ),
        pytest.param(
            "title.md",
            b"---\ntitle: {a: 1}\n---\nbody\n",
            "'title' must be a string",
            id="bad-field-type",
        ),
        pytest.param("doc.pdf", b"%PDF-1.4", "unsupported file type '.pdf'", id="unsupported"),
    ],
)
def test_bad_file_is_named_and_the_batch_goes_on(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    good = write(tmp_path / "good.txt", "There were 5000 US troops in Iraq in 2016.")
    bad = write(tmp_path / name, data)
    with pytest.raises(LoadError) as caught:
        numcheck.load_articles(bad, good)
    [error] = caught.value.errors
    assert error.path == str(bad)
    assert problem in error.message
    assert [a.id for a in caught.value.articles] == ["good"]
    with pytest.warns(UserWarning, match=problem.split("(")[0][:20]):
        assert [a.id for a in numcheck.load_articles(bad, good, strict=False)] == ["good"]


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file or directory"):
        numcheck.load_articles(tmp_path / "nope.txt")


def test_directory_is_read_recursively_in_order_skipping_hidden_and_other_files(
    tmp_path: Path,
) -> None:
    write(tmp_path / "b.txt", "two")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "a.md", "one")
    write(tmp_path / "sub" / "image.png", b"\x89PNG\x00")
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".git" / "x.txt", "hidden")
    assert [a.id for a in numcheck.load_articles(tmp_path)] == ["b", "a"]


def test_duplicate_ids_are_errors(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    write(tmp_path / "x" / "same.txt", "one")
    write(tmp_path / "y" / "same.txt", "two")
    with pytest.raises(LoadError, match="duplicate article id 'same'") as caught:
        numcheck.load_articles(tmp_path)
    assert len(caught.value.articles) == 1


def test_jsonl_articles_and_bad_lines(tmp_path: Path) -> None:
    path = write(
        tmp_path / "feed.jsonl",
        '{"id": "r1", "text": "2,500 troops", "published": "2024-01-06", "source": "Wire"}\n'
        "\n"
        "not json\n"
        '{"title": "no text"}\n'
        '["a list"]\n'
        '{"text": "About 900 in Syria"}\n',
    )
    with pytest.raises(LoadError) as caught:
        numcheck.load_articles(path)
    articles = caught.value.articles
    assert [(a.id, a.published, a.source) for a in articles] == [
        ("r1", dt.date(2024, 1, 6), "Wire"),
        ("feed-6", None, None),
    ]
    assert [e.path for e in caught.value.errors] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "not valid JSON" in caught.value.errors[0].message
    assert "missing or empty 'text'" in caught.value.errors[1].message


def test_seed_folder_holds_only_articles() -> None:
    assert sorted(p.name for p in SEEDS.iterdir()) == sorted(f"{k}.txt" for k in SEED_DATES)
