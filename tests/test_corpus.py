"""The issue-12 development corpus: well formed, the scorer's arithmetic, today's floors.

``python tests/eval_corpus.py -v`` prints the full table with every miss and alarm.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_corpus import CORPUS, Score, load_corpus, main, render, score, validate

MIN_ARTICLES = 40
MIN_TOPICS = 6


# -- (1) the corpus is well formed ---------------------------------------------------


def test_the_corpus_is_well_formed() -> None:
    assert validate() == []


def test_the_corpus_is_large_enough() -> None:
    corpus = load_corpus()
    assert len(corpus.topics) >= MIN_TOPICS
    assert len(corpus.articles) >= MIN_ARTICLES


def test_every_topic_has_conflicts_consistent_pairs_and_changes() -> None:
    for topic in load_corpus().topics.values():
        verdicts = {pair["verdict"] for pair in topic.pairs}
        assert verdicts & {"conflict", "regression", "disputed"}, topic.name
        assert "consistent" in verdicts, topic.name
        assert verdicts & {"change", "update"}, topic.name


# -- (2) the scorer on a tiny corpus with known answers -------------------------------

README = """\
### measure

| name | surface words |
| --- | --- |
| `troops` | troops |
"""

ARTICLES = {
    "t-01": ("2016-06-01", "There were 5000 US troops in Iraq in 2016."),
    "t-02": ("2016-07-01", "There were 9000 US troops in Iraq in 2016."),
    "t-03": ("2024-01-29", "About 2,500 US troops are in Iraq now."),
    "t-04": ("2024-01-29", "Officials gave no figure for Syria."),
}


def _figure(fid: str, text: str, group: str, time: str, **extra: object) -> str:
    rows = {
        "id": fid,
        "article": fid.split(".")[0],
        "text": text,
        "group": group,
        "measure": "troops",
        "subject": "US",
        "location": "Iraq",
        "time": time,
        "statistic": "level",
        **extra,
    }
    body = "\n".join(
        f'{k} = "{v}"' if isinstance(v, str) else f"{k} = {v}" for k, v in rows.items()
    )
    return f"[[figure]]\n{body}\n"


def _pair(a: str, b: str, verdict: str) -> str:
    return f'[[pair]]\na = "{a}"\nb = "{b}"\nverdict = "{verdict}"\nwhy = "test"\n'


FIGURES = [
    _figure("t-01.a", "5000", "g1", "2016", value=5000, qualifier="exact"),
    _figure("t-02.a", "9000", "g1", "2016", value=9000, qualifier="exact"),
    _figure("t-03.a", "About 2,500", "g1", "2024-01-29", value=2500, qualifier="approx"),
    _figure("t-04.a", "no figure", "g2", "2024-01-29"),
]


def _corpus(
    tmp_path: Path, pairs: list[str], figures: list[str] = FIGURES, readme: str = README
) -> Path:
    root = tmp_path / "corpus"
    (root / "t").mkdir(parents=True)
    (root / "README.md").write_text(readme, encoding="utf-8")
    for aid, (published, text) in ARTICLES.items():
        front = f"---\nid: {aid}\ntitle: T\nsource: The Test Gazette\npublished: {published}\n"
        (root / "t" / f"{aid}.md").write_text(f"{front}topic: t\n---\n{text}\n", encoding="utf-8")
    gold = 'topic = "t"\n\n' + "\n".join(figures) + "\n" + "\n".join(pairs)
    (root / "t" / "gold.toml").write_text(gold, encoding="utf-8")
    return root


GOOD_PAIRS = [
    _pair("t-01.a", "t-02.a", "conflict"),
    _pair("t-01.a", "t-03.a", "change"),
    _pair("t-02.a", "t-03.a", "change"),
]


def test_scorer_counts_recall_fields_meet_and_caught_conflicts(tmp_path: Path) -> None:
    result = score(_corpus(tmp_path, GOOD_PAIRS))
    total = result.total
    assert (total.articles, total.found.right, total.found.total) == (4, 3, 4)
    assert result.misses == ["t-04.a 'no figure': not found"]
    fields = {name: (t.right, t.total) for name, t in total.fields.items() if t is not None}
    assert fields["measure"] == fields["location"] == fields["time"] == (3, 3)
    assert fields["value"] == fields["qualifier"] == (3, 3)
    statistic = total.fields["statistic"]  # a Claim field since issue 12
    assert statistic is not None and statistic.total == 3
    assert (total.meet.right, total.meet.total) == (3, 3)
    assert (total.caught.right, total.caught.total) == (1, 1)
    assert (total.false_alarms, total.good_pairs) == (0, 2)
    assert total.pairs == {"conflict": 1, "change": 2}
    assert "statistic" in render(result)


def test_an_alarm_on_a_gold_consistent_pair_is_a_false_alarm(tmp_path: Path) -> None:
    pairs = [_pair("t-01.a", "t-02.a", "consistent"), *GOOD_PAIRS[1:]]
    total = score(_corpus(tmp_path, pairs)).total
    assert (total.caught.right, total.caught.total) == (0, 0)
    assert (total.false_alarms, total.good_pairs) == (1, 3)
    assert total.false_alarm_rate == pytest.approx(1 / 3)


def test_an_alarm_between_different_groups_is_a_false_alarm(tmp_path: Path) -> None:
    figures = [FIGURES[0], FIGURES[1].replace('"g1"', '"g3"'), *FIGURES[2:]]
    result = score(_corpus(tmp_path, [GOOD_PAIRS[1]], figures))
    total = result.total
    assert (total.meet.right, total.meet.total) == (1, 1)
    assert (total.false_alarms, total.good_pairs) == (1, 1)
    assert "different groups" in result.alarms[0]


def test_a_regression_is_caught_by_any_alarm_and_its_verdict_scored_apart(
    tmp_path: Path,
) -> None:
    pairs = [_pair("t-01.a", "t-02.a", "regression"), *GOOD_PAIRS[1:]]
    result = score(_corpus(tmp_path, pairs))
    assert (result.total.caught.right, result.total.caught.total) == (1, 1)
    assert (result.total.verdicts.right, result.total.verdicts.total) == (0, 1)
    assert "verdict is the gold's own: 0/1" in render(result)


def test_the_command_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(_corpus(tmp_path, GOOD_PAIRS)), "-v"]) == 0
    out = capsys.readouterr().out
    assert "  t " in out and "found 3/4" in out and "Misses:" in out


# -- the validator: one line per problem, naming the file ----------------------------

PROBLEMS = [
    pytest.param(
        [FIGURES[0].replace('group = "g1"', 'group = "g1"\ncolour = "red"'), *FIGURES[1:]],
        GOOD_PAIRS,
        "figure t-01.a: unknown field 'colour'",
        id="unknown-field",
    ),
    pytest.param(
        [FIGURES[0].replace('"5000"', '"5001"'), *FIGURES[1:]],
        GOOD_PAIRS,
        "figure t-01.a: text '5001' is not in the body",
        id="text-not-in-body",
    ),
    pytest.param(
        [*FIGURES, FIGURES[3]],
        GOOD_PAIRS,
        "figure t-04.a: id is used twice",
        id="duplicate-figure-id",
    ),
    pytest.param(
        FIGURES,
        [*GOOD_PAIRS, _pair("t-01.a", "t-09.a", "change")],
        "names figure 't-09.a', which is not annotated",
        id="pair-names-missing-figure",
    ),
    pytest.param(
        FIGURES,
        GOOD_PAIRS[:2],
        "group g1: pair t-02.a/t-03.a is not listed",
        id="group-pair-not-listed",
    ),
    pytest.param(
        [FIGURES[0].replace('"troops"', '"tanks"'), *FIGURES[1:]],
        GOOD_PAIRS,
        "measure 'tanks' is not in the README table",
        id="measure-outside-vocabulary",
    ),
    pytest.param(
        FIGURES,
        [*GOOD_PAIRS[:2], _pair("t-02.a", "t-03.a", "maybe")],
        "verdict 'maybe' is not one of",
        id="verdict-outside-vocabulary",
    ),
    pytest.param(
        [FIGURES[0].replace('"level"', '"running_total"'), *FIGURES[1:]],
        GOOD_PAIRS,
        "figure t-01.a: a running total needs as_of, a date",
        id="running-total-without-as-of",
    ),
]


@pytest.mark.parametrize(("figures", "pairs", "problem"), PROBLEMS)
def test_each_problem_is_one_line_naming_the_file(
    tmp_path: Path, figures: list[str], pairs: list[str], problem: str
) -> None:
    problems = validate(_corpus(tmp_path, pairs, figures))
    assert len(problems) == 1, problems
    assert problem in problems[0]
    assert problems[0].startswith(str(tmp_path / "corpus" / "t" / "gold.toml"))
    assert "\n" not in problems[0]


def test_a_bad_corpus_stops_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _corpus(tmp_path, GOOD_PAIRS[:2])
    assert main(["--root", str(root)]) == 2
    assert "is not listed" in capsys.readouterr().err


# -- (3) today's numbers as floors -----------------------------------------------------

FLOORS = {
    # measured on the whole corpus (57 articles, 7 topics) on 2026-12-02, after the
    # framing, engine and time rounds of issue 12: found 100%, meet 94.8%, caught 90.0%,
    # false alarms 0.4%; floors a little below, so the numbers can only go up (the issue's
    # goals: meet and caught >= 90%, false alarms <= 3%)
    "found": 0.98,
    "meet": 0.93,
    "caught": 0.88,
}
MAX_FALSE_ALARM_RATE = 0.03


@pytest.fixture(scope="module")
def corpus_score() -> Score:
    result = score(CORPUS)
    print(render(result))
    return result


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_floor(corpus_score: Score, metric: str) -> None:
    tally = getattr(corpus_score.total, metric)
    assert tally.rate >= FLOORS[metric], render(corpus_score)


def test_false_alarms_do_not_grow(corpus_score: Score) -> None:
    assert corpus_score.total.false_alarm_rate <= MAX_FALSE_ALARM_RATE, render(corpus_score)


def test_field_floors(corpus_score: Score) -> None:
    # measured 2026-12-02: measure 92.3%, subject 93.5%, location 91.5%, time 90.3%,
    # statistic 94.8%, attribution 76.7%, value 100%, qualifier 94.0% (the goal
    # for the first four: 90%)
    floors = {"measure": 0.90, "subject": 0.91, "location": 0.89, "time": 0.90}
    floors |= {"statistic": 0.92, "attribution": 0.74, "value": 0.98, "qualifier": 0.92}
    for name, floor in floors.items():
        tally = corpus_score.total.fields[name]
        assert tally is not None and tally.rate >= floor, (name, render(corpus_score))
