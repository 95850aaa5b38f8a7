"""Rich display: HTML of claims, lists of claims, discrepancies and reports.

Article text is untrusted: everything taken from it must come out escaped, and the HTML
must parse without a single error (html5lib, strict).
"""

from __future__ import annotations

import html5lib
import pytest
from conftest import ANCHOR

import numcheck
from numcheck import Article, Claim, Report
from numcheck._html import Claims, figure_offsets, highlighted

EVIL = "<script>alert(1)</script> <b>bold</b> & \"quoted\" 'single'"
HOSTILE = Article(
    id='evil<script>"id"',
    title=f"Title {EVIL}",
    source=f"Source {EVIL}",
    published=ANCHOR,
    text=f'{EVIL}. There are 2,000 US troops in Iraq <b>now</b> & "then" <script>x()</script>.',
)
CALM = Article(
    id="calm", published=ANCHOR, source="Wire", text="There are 2,500 US troops in Iraq."
)


def parses(fragment: str) -> None:
    """Fail on any HTML parse error: the fragment inside a minimal document."""
    document = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title></head>"
        f"<body>{fragment}</body></html>"
    )
    html5lib.HTMLParser(strict=True).parse(document)


def test_the_validator_rejects_broken_html() -> None:
    with pytest.raises(html5lib.html5parser.ParseError):
        parses("<div><p>unclosed <b>bold</div></p>")
    with pytest.raises(html5lib.html5parser.ParseError):
        parses("<td>a cell outside a table</td>")


@pytest.fixture(scope="module")
def hostile_report() -> Report:
    return numcheck.check([HOSTILE, CALM])


def test_hostile_article_is_escaped(hostile_report: Report) -> None:
    assert hostile_report.discrepancies, "the two figures should conflict"
    claim = next(c for c in hostile_report.claims if c.article == HOSTILE.id)
    outputs = [
        hostile_report._repr_html_(),
        claim._repr_html_(),
        Claims(hostile_report.claims)._repr_html_(),
        hostile_report.discrepancies[0]._repr_html_(),
    ]
    for out in outputs:
        assert "<script" not in out.lower()
        assert "<b>" not in out
        assert "&lt;script&gt;" in out
        assert "&quot;" in out or "&#x27;" in out
        parses(out)
    report_html = outputs[0]
    title = "Title &lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;bold&lt;/b&gt; &amp;"
    assert title in report_html
    assert "Source &lt;script&gt;" in report_html
    assert "evil&lt;script&gt;&quot;id&quot;" in report_html


def test_claim_html_marks_the_figure_in_its_sentence() -> None:
    claim = numcheck.extract(
        "Officials say there are roughly 2,500 US troops in Iraq.", published=ANCHOR
    )[0]
    out = claim._repr_html_()
    parses(out)
    assert "there are <mark" in out and ">roughly 2,500</mark> US troops" in out
    assert "approx" in out and "troops|US|Iraq" in out and "2024-01-29" in out


def test_the_right_one_of_two_equal_figures_is_marked() -> None:
    text = "Intro. In 2016 there were 5000 US troops in Iraq and 5000 in Syria."
    article = Article(id="a", text=text, published=ANCHOR)
    report = numcheck.check([article])
    syria = next(c for c in report.claims if c.location == "Syria")
    a, b = figure_offsets(syria, text)
    assert syria.sentence[a:b] == "5000" and a == syria.sentence.rindex("5000")
    assert "Iraq and <mark" in report._repr_html_()


def test_figure_not_in_sentence_is_shown_beside_it() -> None:
    claim = Claim(article="sheet", text="2,500", sentence="No figure here.", value=2500)
    assert figure_offsets(claim) is None
    assert highlighted(claim).startswith("No figure here. [<mark")
    given = Claim(article="sheet", value=2500, unit="troops")
    parses(given._repr_html_())
    assert "2,500" in given._repr_html_()


def test_seed_report_list_and_claim_parse_as_html(seed_articles: list[Article]) -> None:
    report = numcheck.check(seed_articles)
    claims = numcheck.extract(CALM.text, published=ANCHOR)
    assert isinstance(claims, list) and isinstance(claims, Claims)
    for out in (report._repr_html_(), claims._repr_html_(), report.claims[0]._repr_html_()):
        parses(out)
    out = report._repr_html_()
    assert out.count('class="numcheck-discrepancy') == len(report.discrepancies)
    assert "troops/change" in out  # the seeds hold changes over time, at info


def test_severity_colours(hostile_report: Report) -> None:
    conflict = hostile_report.discrepancies[0]
    assert conflict.verdict == "conflict" and conflict.severity == "error"
    assert "#c62828" in conflict._repr_html_()


def test_plain_reprs_are_one_short_line(hostile_report: Report) -> None:
    claim = numcheck.extract(
        "There were 5000 US troops in Iraq in 2016.", article_id="004", published=ANCHOR
    )[0]
    assert repr(claim) == (
        "Claim('5000' = 5,000 troops, key=troops|US|Iraq, time=2016, at=004:11-15)"
    )
    ranged = numcheck.extract("Between 25000 and 30,000 fighters were in Iraq.")[0]
    assert "range [25,000, 30,000]" in repr(ranged) and "time=unknown time" in repr(ranged)
    assert str(claim).startswith("article='004' start=11")  # str() is pydantic's, unchanged
    claims = len(hostile_report.claims)
    assert repr(hostile_report) == (
        f"Report(2 article(s), {claims} claim(s), 1 discrepancies: 1 error, 0 warning, 0 info)"
    )
    line = repr(hostile_report.discrepancies[0])
    assert "\n" not in line and line.startswith("Discrepancy(conflict, error, key=troops|US|Iraq")
    assert len(line) < 400
