"""The article loader on real files, good and bad."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import SEEDS, SHARED
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import numcheck
from numcheck import Claim, InputError, LoadError
from numcheck._load import MAX_DEPTH, BadInputError, parse_published, read_claims, read_inputs

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


@pytest.mark.parametrize(
    ("matter", "day", "precision"),
    [
        pytest.param("date: 2024-01-15", dt.date(2024, 1, 15), "day", id="jekyll-date"),
        pytest.param(
            "date: 2024-01-15 10:30:00 +0100", dt.date(2024, 1, 15), "day", id="jekyll-datetime"
        ),
        pytest.param(
            "date: 2024-01-15 23:30:00 -0500", dt.date(2024, 1, 15), "day", id="late-west-of-utc"
        ),
        pytest.param("date: 2024-01-15T00:30:00+02:00", dt.date(2024, 1, 15), "day", id="hugo-iso"),
        pytest.param("date: '2024-01'", dt.date(2024, 1, 1), "month", id="month-string"),
        pytest.param(
            "date: 2023-05-01\npublished: 2024-01-15",
            dt.date(2024, 1, 15),
            "day",
            id="published-wins",
        ),
        pytest.param(
            "published: 2024-01-15\ndate: not a date",
            dt.date(2024, 1, 15),
            "day",
            id="published-wins-over-bad-date",
        ),
        pytest.param("title: no dates", None, "day", id="neither"),
    ],
)
def test_front_matter_date_is_the_publication_date_without_published(
    tmp_path: Path, matter: str, day: dt.date | None, precision: str
) -> None:
    path = write(tmp_path / "a.md", f"---\n{matter}\n---\nAbout 900 US troops are in Syria.\n")
    [article] = numcheck.load_articles(path)
    assert (article.published, article.published_precision) == (day, precision)


def test_toml_front_matter_is_read_like_yaml(tmp_path: Path) -> None:
    body = "\nAbout 900 US troops are in Syria.\n"
    path = write(
        tmp_path / "hugo.md",
        '+++\nid = "syria-1"\ntitle = "T"\nsource = "Wire"\n'
        'date = 2024-01-15T23:30:00-05:00\ntags = ["troops"]\n'
        '[params]\nauthor = "Someone"\n+++\n' + body,
    )
    [article] = numcheck.load_articles(path)
    assert (article.id, article.title, article.source) == ("syria-1", "T", "Wire")
    assert (article.published, article.published_precision) == (dt.date(2024, 1, 15), "day")
    assert article.text == body
    assert article.meta == {
        "date": "2024-01-15T23:30:00-05:00",
        "tags": ["troops"],
        "params": {"author": "Someone"},
    }


@pytest.mark.parametrize(
    ("matter", "day"),
    [
        pytest.param("published = 2024-01-15", dt.date(2024, 1, 15), id="local-date"),
        pytest.param('published = "2024-01-15"', dt.date(2024, 1, 15), id="string"),
        pytest.param("date = 2024-01-15 10:30:00", dt.date(2024, 1, 15), id="local-datetime"),
        pytest.param(
            "date = 2023-01-01\npublished = 2024-01-15", dt.date(2024, 1, 15), id="published-wins"
        ),
    ],
)
def test_toml_front_matter_dates(tmp_path: Path, matter: str, day: dt.date) -> None:
    path = write(tmp_path / "a.md", f"+++\n{matter}\n+++\nAbout 900 US troops are in Syria.\n")
    assert numcheck.load_articles(path)[0].published == day


def test_toml_front_matter_just_under_the_bound_is_read(tmp_path: Path) -> None:
    note = "x" * (64 * 1024 - 20)
    path = write(tmp_path / "a.md", f'+++\nnote = "{note}"\n+++\nbody\n')
    assert numcheck.load_articles(path)[0].meta == {"note": note}


NEWSROOM_DATES = [
    pytest.param("January 15, 2024", dt.date(2024, 1, 15), "day", id="month-day-year"),
    pytest.param("15 January 2024", dt.date(2024, 1, 15), "day", id="day-month-year"),
    pytest.param("Jan. 15, 2024", dt.date(2024, 1, 15), "day", id="abbreviated-month"),
    pytest.param("Sept. 5, 2024", dt.date(2024, 9, 5), "day", id="sept-abbreviation"),
    pytest.param("15 Jan. 2024", dt.date(2024, 1, 15), "day", id="day-abbreviated-month"),
    pytest.param("january 15 2024", dt.date(2024, 1, 15), "day", id="lower-case-no-comma"),
    pytest.param("March 1st, 2024", dt.date(2024, 3, 1), "day", id="ordinal-day"),
    pytest.param("Monday, January 15, 2024", dt.date(2024, 1, 15), "day", id="with-weekday"),
    pytest.param("January 2024", dt.date(2024, 1, 1), "month", id="month-and-year"),
    pytest.param("Mon, 15 Jan 2024 10:30:00 +0000", dt.date(2024, 1, 15), "day", id="rfc-2822"),
    pytest.param(
        "Mon, 15 Jan 2024 23:30:00 -0500", dt.date(2024, 1, 15), "day", id="rfc-2822-day-as-written"
    ),
    pytest.param("15 Jan 2024 10:30 GMT", dt.date(2024, 1, 15), "day", id="rfc-2822-gmt"),
]


@pytest.mark.parametrize("key", ["published", "date"])
@pytest.mark.parametrize(("written", "day", "precision"), NEWSROOM_DATES)
def test_newsroom_date_forms_are_read(
    tmp_path: Path, key: str, written: str, day: dt.date, precision: str
) -> None:
    path = write(tmp_path / "a.md", f"---\n{key}: '{written}'\n---\nAbout 900 troops.\n")
    [article] = numcheck.load_articles(path)
    assert (article.published, article.published_precision) == (day, precision)


@pytest.mark.parametrize(
    "written",
    [
        pytest.param("February 30, 2024", id="no-such-day"),
        pytest.param("Foo 15, 2024", id="not-a-month"),
        pytest.param("Mon, 32 Jan 2024 10:30:00 +0000", id="rfc-2822-day-32"),
        pytest.param("Mon, 15 Jan 2024 25:30:00 +0000", id="rfc-2822-hour-25"),
        pytest.param("15 January", id="no-year"),
        pytest.param("next Tuesday", id="words"),
    ],
)
def test_unreadable_newsroom_date_is_one_line(tmp_path: Path, written: str) -> None:
    path = write(tmp_path / "a.md", f"---\npublished: '{written}'\n---\nAbout 900 troops.\n")
    with pytest.raises(LoadError) as caught:
        numcheck.load_articles(path)
    [error] = caught.value.errors
    assert error.message == (
        f"front matter 'published': cannot read {written!r} as a date "
        "(use YYYY-MM-DD, YYYY-MM or YYYY)"
    )


def test_date_in_jsonl_stays_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "5 troops", "date": "2024-01-15"}\n')
    [article] = numcheck.load_articles(path)
    assert (article.published, article.meta) == (None, {"date": "2024-01-15"})


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
            "toml.md",
            b'+++\ntitle = "x"\nsource = [unclosed\n+++\nbody\n',
            "front matter is not valid TOML (line 3): Invalid value",
            id="invalid-toml",
        ),
        pytest.param(
            "open.md",
            b'+++\ntitle = "x"\nno end\n',
            "'+++' on line 1 is never closed",
            id="unclosed-toml",
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
            "date.md",
            b"---\ndate: 2024-02-30 10:00:00\n---\nbody\n",
            "front matter 'date': cannot read '2024-02-30 10:00:00' as a date",
            id="bad-date-key",
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
    with pytest.warns(UserWarning, match=re.escape(problem.split("(")[0][:20])):
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


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        pytest.param("a.md", b"---\nx: &a 1\ny: *a\n---\nbody\n", "aliases/anchors", id="alias"),
        pytest.param("a.md", b"---\nx: &a [*a]\n---\nbody\n", "aliases/anchors", id="recursive"),
        pytest.param("a.md", b"---\nx: !!set {&a b}\n---\nbody\n", "aliases/anchors", id="in-set"),
        pytest.param("a.md", b"---\n<<: {id: z}\n---\nbody\n", "merge key", id="merge-key"),
        pytest.param("a.md", b"---\nx: {<<: {a: 1}}\n---\nbody\n", "merge key", id="nested-merge"),
        pytest.param(
            "a.md",
            b"---\nx: " + b"[" * MAX_DEPTH + b"]" * MAX_DEPTH + b"\n---\nbody\n",
            f"nested deeper than {MAX_DEPTH} levels",
            id="deep-flow-list",
        ),
        pytest.param(
            "a.md",
            b"---\nnote: '" + b"x" * (64 * 1024) + b"'\n---\nbody\n",
            "at most 64 KiB",
            id="over-64-KiB",
        ),
        pytest.param(
            "a.md", b"---\nsource: !!binary aGk=\n---\nbody\n", "type bytes", id="binary-field"
        ),
        pytest.param(
            "a.md",
            b"---\nx: !!timestamp soon\n---\nbody\n",
            "cannot be read as !!timestamp 'soon'",
            id="bad-timestamp",
        ),
        pytest.param(
            "a.md", b"---\nx: !!bool maybe\n---\nbody\n", "as !!bool 'maybe'", id="bad-bool"
        ),
        pytest.param("a.md", b"---\nx: !!int ''\n---\nbody\n", "as !!int", id="empty-int"),
        pytest.param(
            "a.md", b"---\npublished: {y: 2024}\n---\nbody\n", "not dict", id="published-mapping"
        ),
        pytest.param("a.md", b"---\npublished: true\n---\nbody\n", "not bool", id="published-bool"),
        pytest.param(
            "a.jsonl", b'{"text": "x", "published": [2024]}\n', "not list", id="jsonl-published"
        ),
        pytest.param(
            "a.jsonl", b'{"text": "\\udc00"}\n', "lone surrogate (\\udc00)", id="low-surrogate"
        ),
    ],
)
def test_front_matter_and_json_classes_are_refused(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = write(tmp_path / name, data)
    articles, [error] = read_inputs([path])
    assert articles == []
    assert error.path.startswith(str(path))
    assert problem in error.message


def test_front_matter_just_under_the_bound_and_paired_surrogates_are_read(
    tmp_path: Path,
) -> None:
    note = "x" * (64 * 1024 - 20)
    path = write(tmp_path / "a.md", f"---\nnote: {note}\n---\nbody\n")
    assert numcheck.load_articles(path)[0].meta == {"note": note}
    feed = write(tmp_path / "b.jsonl", '{"text": "emoji \\ud83d\\ude00 ok"}\n')
    assert numcheck.load_articles(feed)[0].text == "emoji \U0001f600 ok"


def test_yaml_odd_types_become_plain_json(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\ntags: !!set {b, a}\nwhen: !!timestamp 2024-01-02T03:04:05Z\n"
        "n: 0x10\nnested: [[1, {2: null}]]\n---\nbody\n",
    )
    [article] = numcheck.load_articles(path)
    assert article.meta == {
        "tags": ["a", "b"],
        "when": "2024-01-02T03:04:05+00:00",
        "n": 16,
        "nested": [[1, {"2": None}]],
    }
    assert json.loads(article.model_dump_json())["meta"] == article.meta


def test_jsonl_lines_end_only_at_newline(tmp_path: Path) -> None:
    body = "line\u2028separator and \x0cform feed: 5 troops"
    path = write(tmp_path / "a.jsonl", json.dumps({"text": body}, ensure_ascii=False) + "\n")
    [article] = numcheck.load_articles(path)
    assert article.text == body


def test_dangling_symlink_and_fifo_are_named(tmp_path: Path) -> None:
    write(tmp_path / "good.txt", "5 troops")
    (tmp_path / "link.md").symlink_to(tmp_path / "missing.md")
    (tmp_path / "other.png").symlink_to(tmp_path / "missing.png")  # not an article: passed over
    articles, errors = read_inputs([tmp_path])
    assert [a.id for a in articles] == ["good"]
    assert [str(e) for e in errors] == [
        f"{tmp_path / 'link.md'}: dangling symbolic link (to {str(tmp_path / 'missing.md')!r})"
    ]


# -- fuzz: the loader only ever reports problems as InputError records -----------------

FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),  # lone surrogates included
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text()
    | st.dates()
    | st.datetimes(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)
YAML_BITS = ["---", "...", ": ", "- ", "&a ", "*a", "<<: ", "!!binary ", "!!set ", "!!timestamp "]
YAML_BITS += ["[", "]", "{", "}", ", ", "'", '"', "\\ud800", "\n", "  ", "#", "? ", "|", "> "]
YAML_BITS += ["id", "title", "published", "2024-13-01", "0x1F", "1e999", ".nan", "~", "é"]
yamlish = st.lists(st.sampled_from(YAML_BITS) | st.text(max_size=5), max_size=40).map("".join)


def assert_only_input_errors(paths: list[Path]) -> None:
    articles, errors = read_inputs(paths)
    assert all(isinstance(e, InputError) and e.path and e.message for e in errors)
    assert all("\n" not in e.message for e in errors)
    for article in articles:
        article.model_dump_json()  # writable: no lone surrogates, no bytes
    with contextlib.suppress(LoadError):
        numcheck.load_articles(*paths)


@FUZZ
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".jsonl"]))
@example(data=b"---\na: &a [*a, *a]\n---\nbody", suffix=".md")
@example(data=b'{"text": "x", "a": "\\ud800"}', suffix=".jsonl")
def test_fuzz_random_bytes(tmp_path: Path, data: bytes, suffix: str) -> None:
    assert_only_input_errors([write(tmp_path / f"fuzz{suffix}", data)])


@FUZZ
@given(matter=yamlish, body=st.text(max_size=20))
def test_fuzz_yamlish_front_matter(tmp_path: Path, matter: str, body: str) -> None:
    path = tmp_path / "fuzz.md"
    path.write_text(f"---\n{matter}\n---\n{body}", encoding="utf-8", errors="surrogatepass")
    assert_only_input_errors([path])


TOML_BITS = ["+++", " = ", "[", "]", "[[", "]]", "{", "}", ", ", '"', "'", '"""', "\n", "."]
TOML_BITS += ["id", "date", "published", "2024-01-15", "T10:30:00", "+01:00", "10:30:00", "é"]
TOML_BITS += ["1e999", "inf", "nan", "0x1F", "true", "#", "\\u0000", "9" * 40]
tomlish = st.lists(st.sampled_from(TOML_BITS) | st.text(max_size=5), max_size=40).map("".join)


@FUZZ
@given(matter=tomlish, body=st.text(max_size=20))
@example(matter='date = "Mon, 15 Jan 2024 10:30:00 +0000"', body="x")
def test_fuzz_tomlish_front_matter(tmp_path: Path, matter: str, body: str) -> None:
    path = tmp_path / "fuzz.md"
    path.write_text(f"+++\n{matter}\n+++\n{body}", encoding="utf-8", errors="surrogatepass")
    assert_only_input_errors([path])
    assert not any("internal error" in e.message for e in read_inputs([path])[1])


MONTH_WORDS = ["January", "Jan.", "sept", "May", "Mon, ", "Monday, ", ", ", " ", "1st", "GMT"]
MONTH_WORDS += ["+0000", "-0500", "10:30", ":00", "15", "2024", "24", "99999", "32", "0"]


@given(text=st.lists(st.sampled_from(MONTH_WORDS) | st.text(max_size=4), max_size=8).map("".join))
def test_any_date_text_is_read_or_refused_in_one_line(text: str) -> None:
    problem = ""
    try:
        day, precision = parse_published(text)
    except BadInputError as exc:
        problem = str(exc)
    if problem:
        assert "\n" not in problem and problem.startswith("front matter 'published'")
    else:
        assert isinstance(day, dt.date) and precision in ("day", "month", "year")


@FUZZ
@given(
    meta=st.dictionaries(
        st.sampled_from(["id", "title", "source", "url", "published"]) | st.text(), yaml_values
    )
)
def test_fuzz_front_matter_mappings(tmp_path: Path, meta: dict[str, Any]) -> None:
    matter = yaml.safe_dump(meta, allow_unicode=False)  # surrogates written as \ud800 escapes
    assert_only_input_errors([write(tmp_path / "fuzz.md", f"---\n{matter}---\nbody 5\n")])


json_records = st.dictionaries(
    st.sampled_from(["id", "text", "title", "source", "url", "published"]) | st.text(),
    json_values | st.text(),
)


@FUZZ
@given(lines=st.lists(json_records.map(json.dumps) | json_values.map(json.dumps) | st.text()))
def test_fuzz_jsonl_lines(tmp_path: Path, lines: list[str]) -> None:
    path = tmp_path / "fuzz.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    assert_only_input_errors([path])


# -- --claims files --------------------------------------------------------------------


def claims_file(tmp_path: Path, *records: dict[str, Any] | str) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    return write(tmp_path / "claims.jsonl", "\n".join(lines) + "\n")


def test_claims_nulls_mean_unknown(tmp_path: Path) -> None:
    nullable = {name: None for name in Claim.model_fields if name != "article"}
    path = claims_file(tmp_path, {"article": "a", **nullable})
    [claim], errors, warnings = read_claims([path])
    assert (errors, warnings) == ([], [])
    assert claim == Claim(article="a")
    assert (claim.sentence, claim.text, claim.qualifier, claim.kind, claim.key) == (
        "",
        "",
        "exact",
        "level",
        "?|?|?",
    )


@pytest.mark.parametrize(
    ("time", "basis", "known"),
    [
        pytest.param({"start": "2024-01-02", "end": "2024-01-03"}, "explicit", True, id="dates"),
        pytest.param({"end": "2017-12-31", "basis": None}, "explicit", True, id="until-null"),
        pytest.param({"start": None, "end": None}, "unknown", False, id="no-dates"),
        pytest.param({"start": "2024-01-02", "basis": "relative"}, "relative", True, id="given"),
        pytest.param(None, "unknown", False, id="null-time"),
    ],
)
def test_claims_time_without_basis_keeps_its_dates(
    tmp_path: Path, time: dict[str, Any] | None, basis: str, known: bool
) -> None:
    path = claims_file(tmp_path, {"article": "a", "value": 1, "time": time})
    [claim], [], [] = read_claims([path])
    assert (claim.time.basis, claim.time.known) == (basis, known)


def test_claims_unknown_fields_are_warnings_and_bad_lines_errors(tmp_path: Path) -> None:
    path = claims_file(
        tmp_path,
        {"article": "a", "value": 1, "Value": 2, "time": {"start": "2024-01-01", "basis_": 1}},
        "not json",
        {"article": "b", "low": 5, "high": 1},
    )
    claims, errors, warnings = read_claims([path, tmp_path / "missing.jsonl"])
    assert [c.article for c in claims] == ["a"]
    assert warnings == [
        f"{path}:1: unknown field 'Value' ignored",
        f"{path}:1: unknown field 'time.basis_' ignored",
    ]
    assert [str(e) for e in errors] == [
        f"{path}:2: not valid JSON: Expecting value (column 1)",
        f"{path}:3: not a valid Claim: claim: Value error, low 5.0 is above high 1.0",
        f"{tmp_path / 'missing.jsonl'}: no such file or directory",
    ]


claim_records = st.dictionaries(
    st.sampled_from(sorted(Claim.model_fields)) | st.text(max_size=5),
    json_values
    | st.dates().map(str)
    | st.dictionaries(
        st.sampled_from(["start", "end", "basis", "text", "x"]),
        st.none() | st.dates().map(str) | json_values,
    ),
)


@FUZZ
@given(records=st.lists(claim_records.map(json.dumps) | json_values.map(json.dumps), max_size=5))
@example(records=['{"article": "a", "unit": ["x"]}', '{"article": "a", "subject": 1}'])
def test_fuzz_claims_reader(tmp_path: Path, records: list[str]) -> None:
    path = tmp_path / "claims.jsonl"
    path.write_text("\n".join(records), encoding="utf-8", errors="surrogatepass")
    claims, errors, warnings = read_claims([path])
    assert all(isinstance(e, InputError) and "\n" not in str(e) for e in errors)
    assert all(isinstance(w, str) and "\n" not in w for w in warnings)
    for claim in claims:
        assert Claim.model_validate_json(claim.model_dump_json()) == claim
