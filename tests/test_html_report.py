"""``numcheck check --format html``: one self-contained page, escaped, and seen in a browser.

The page is built by the real command from real article files; one of them is titled
``<script>alert(1)</script>`` and has hostile text everywhere else. The browser tests run
headless Chromium (skipped, with the reason, when none is installed; CI installs Debian's).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import html5lib
import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_cli import run
from test_notebook import PNG, _build_module

import numcheck
from numcheck import Article, Report
from numcheck._formats import RenderOptions
from numcheck._formats import html as page
from numcheck._html import _flat

TITLE = "<script>alert(1)</script>"
HOSTILE = f"""---
title: "{TITLE}"
source: "Wire <img src=x onerror=alert(2)> & co"
published: 2024-01-29
url: "javascript:alert(3)"
---
Officials said about 2,000 US troops are in Iraq <b>now</b> & "then" <script>x()</script>.
"""
CALM = """---
title: Troops stay
source: Daily
published: 2024-02-02
url: https://example.org/troops
---
There are 2,500 US troops in Iraq, the Pentagon said.
"""
LATER = """---
title: Later count
source: Herald
published: 2024-03-05
---
There are 5,000 US troops in Iraq.
"""


def _corpus(folder: Path) -> Path:
    """Article files as a newsroom has them, one hostile, and one unreadable file."""
    articles = folder / "articles"
    articles.mkdir()
    (articles / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    (articles / "calm.md").write_text(CALM, encoding="utf-8")
    (articles / "later.md").write_text(LATER, encoding="utf-8")
    (articles / "broken<b>.txt").write_bytes(b"\xff\xfe not utf-8 \x80")
    return articles


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Report]:
    """The page written by ``check --format html -o``, and the same run's JSON report."""
    folder = tmp_path_factory.mktemp("html")
    articles = _corpus(folder)
    out = folder / "report.html"
    result = run("check", str(articles), "--format", "html", "-o", str(out))
    assert result.returncode == 2, result.stderr  # the unreadable file
    assert result.stdout == ""
    assert "broken<b>.txt" in result.stderr
    as_json = run("check", str(articles), "--format", "json")
    return out, Report.model_validate_json(as_json.stdout)


def _strict(document: str) -> None:
    html5lib.HTMLParser(strict=True).parse(document)


def test_the_page_is_one_valid_self_contained_document(built: tuple[Path, Report]) -> None:
    out, report = built
    text = out.read_text(encoding="utf-8")
    _strict(text)
    assert text.startswith("<!DOCTYPE html>")
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)
    assert csp is not None
    policy = html.unescape(csp.group(1))
    assert policy.startswith("default-src 'none';") and f"'sha256-{page.SCRIPT_HASH}'" in policy
    assert text.count("<script") == 1 and f"<script>{page.SCRIPT}</script>" in text
    assert not re.search(r"<(link|iframe|img|object|embed)\b", text)
    assert not re.search(r"<[^>]*\b(src|srcset|background)=|@import|url\((?!#)", text)
    assert len(report.discrepancies) >= 2
    assert text.count('<article class="card"') == len(report.discrepancies)
    assert text.count("<svg") == len({d.key for d in report.discrepancies})


def test_every_text_from_the_input_is_escaped(built: tuple[Path, Report]) -> None:
    text = built[0].read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<b>" not in text and "<img" not in text and "x()" in text
    assert "Wire &lt;img src=x onerror=alert(2)&gt; &amp; co" in text
    assert 'href="javascript' not in text  # only http(s) addresses become links
    assert 'href="https://example.org/troops"' in text
    assert "broken&lt;b&gt;.txt" in text  # the unreadable input, listed


def test_cards_mark_the_figure_and_name_the_article(built: tuple[Path, Report]) -> None:
    text = built[0].read_text(encoding="utf-8")
    assert re.search(r"Officials said <mark[^>]*>about 2,000</mark> US troops", text)
    assert "Troops stay · Daily · 2024-02-02" in text
    assert re.search(r"calm\.md", text)  # the path
    for finding in built[1].discrepancies:
        assert f'data-verdict="{finding.verdict}"' in text
        assert finding.rule in text
    assert 'name="severity" value="error"' in text and 'name="verdict" value="conflict"' in text
    assert '<form id="filters" hidden>' in text  # without JavaScript no dead controls


def test_html_goes_to_standard_output_without_o(tmp_path: Path) -> None:
    articles = _corpus(tmp_path)
    (articles / "broken<b>.txt").unlink()
    result = run("check", str(articles), "--format", "html")
    assert result.returncode == 1, result.stderr  # a conflict, at error severity
    assert result.stdout.startswith("<!DOCTYPE html>")
    _strict(result.stdout)


@pytest.mark.parametrize(
    ("fmt", "start"),
    [
        pytest.param("text", "== troops | US | Iraq", id="text"),
        pytest.param("json", "{", id="json"),
        pytest.param("markdown", "# numcheck report", id="markdown"),
        pytest.param("claimreview", "[", id="claimreview"),
    ],
)
def test_o_writes_any_format_to_the_file(tmp_path: Path, fmt: str, start: str) -> None:
    articles = _corpus(tmp_path)
    (articles / "broken<b>.txt").unlink()
    out = tmp_path / "out.txt"
    result = run("check", str(articles), "--format", fmt, "--output", str(out))
    assert result.returncode == 1 and result.stdout == "", result.stderr
    written = out.read_text(encoding="utf-8")
    assert written.startswith(start)
    assert written == run("check", str(articles), "--format", fmt).stdout


def test_o_into_a_missing_folder_is_one_line_naming_it(tmp_path: Path) -> None:
    articles = _corpus(tmp_path)
    out = tmp_path / "no-such-folder" / "report.html"
    result = run("check", str(articles), "--format", "html", "-o", str(out))
    assert result.returncode == 2
    last = result.stderr.strip().splitlines()[-1]
    assert last == f"numcheck: {out}: cannot write the report: No such file or directory"


TEXTS = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)


@given(title=TEXTS, source=TEXTS, ident=TEXTS.filter(bool))
def test_any_metadata_gives_a_valid_page_that_shows_it(title: str, source: str, ident: str) -> None:
    report = numcheck.check(
        [
            Article(
                id=ident,
                title=title,
                source=source,
                published="2024-01-29",
                text="About 2,000 US troops are in Iraq.",
            ),
            Article(
                id=ident + "2",
                source="Daily",
                published="2024-01-29",
                text="There are 2,500 US troops in Iraq.",
            ),
        ]
    )
    text = page.render(report, RenderOptions())
    _strict(text)
    assert text.count("<script") == 1 and text.count("<article") == len(report.discrepancies)
    for value in (title, source, ident):
        assert _flat(value) in text


def test_timeline_draws_every_dated_claim_and_labels_do_not_collide() -> None:
    texts = [f"There were {1000 + 10 * i} US troops in Iraq." for i in range(40)]
    articles = [
        Article(id=f"a{i}", source=f"Outlet {i % 8}", published="2024-01-29", text=t)
        for i, t in enumerate(texts)
    ]
    report = numcheck.check(articles)
    svg = page.render(report, RenderOptions()).split("<svg", 1)[1].split("</svg>", 1)[0]
    assert svg.count('class="claim"') == 40
    boxes = []
    for x, y, label in re.findall(
        r'<text class="label" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<', svg
    ):
        left, base = float(x), float(y)
        boxes.append((left, base - page.FONT, left + len(label) * page.CHAR, base + 2))
    assert 0 < len(boxes) < 40  # 40 figures on one day: some labels are left out
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            assert not page._overlaps(a, b), (a, b)


# -- in a real browser ---------------------------------------------------------------

BUILD = _build_module()
BROWSER = BUILD.find_browser()
needs_browser = pytest.mark.skipif(
    BROWSER is None,
    reason=f"no Chromium or Chrome on the PATH ({', '.join(BUILD.BROWSERS)}); "
    "CI installs Debian's chromium (.ci/run)",
)


@needs_browser
def test_chromium_renders_the_cards_and_shows_the_title_as_text(
    built: tuple[Path, Report],
) -> None:
    out, report = built
    result = BUILD.headless(BROWSER, out, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html5lib.parse(result.stdout, namespaceHTMLElements=False)
    cards = dom.findall(".//article")
    assert len(cards) == len(report.discrepancies)
    assert all(card.get("class") == "card" for card in cards)
    scripts = dom.findall(".//script")
    assert len(scripts) == 1 and scripts[0].text == page.SCRIPT  # nothing injected
    texts = ["".join(element.itertext()) for element in dom.iter()]
    assert any(TITLE in text for text in texts)  # the title, as text
    form = dom.find(".//form")
    assert form is not None and "hidden" not in form.attrib  # our script ran, under the CSP
    shown = dom.find(".//*[@id='shown']")
    assert shown is not None
    total = len(report.discrepancies)
    assert "".join(shown.itertext()) == f"{total} of {total} finding(s) shown"


@needs_browser
def test_chromium_takes_a_screenshot(built: tuple[Path, Report], tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    BUILD.screenshot(BROWSER, built[0], png, (1000, 1200))
    data = png.read_bytes()
    assert data.startswith(PNG) and len(data) > 10_000
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1000, 1200)


def test_the_committed_screenshot_is_linked_from_the_readme() -> None:
    png = BUILD.DOCS / "img" / "report.png"
    assert png.read_bytes().startswith(PNG)
    assert "docs/img/report.png" in (BUILD.ROOT / "README.md").read_text(encoding="utf-8")


def _crowded_report() -> Report:
    """Four articles on one day: conflicts (errors), and a rough figure (a warning)."""
    figures = ("roughly 2,500", "2,900", "5,000", "9,000")
    return numcheck.check(
        [
            Article(
                id=f"a{i}",
                source=f"Outlet {i}",
                published="2024-01-29",
                text=f"There are {f} US troops in Iraq.",
            )
            for i, f in enumerate(figures)
        ]
    )


def test_options_hide_below_the_minimum_cap_per_key_and_show_acks() -> None:
    from numcheck._ledger import Ack, fingerprint

    report = _crowded_report()
    severities = {d.severity for d in report.discrepancies}
    assert {"error", "warning"} <= severities
    errors = [d for d in report.discrepancies if d.severity == "error"]
    only = page.render(report, RenderOptions(minimum="error"))
    assert only.count('<article class="card"') == len(errors)
    assert 'data-severity="warning"' not in only
    capped = page.render(report, RenderOptions(max_per_key=2))
    assert capped.count('<article class="card"') == 2
    assert f"and {len(report.discrepancies) - 2} more finding(s) for this key" in capped
    mark = fingerprint(errors[0])
    ack = Ack(mark, "Night <desk>", "2024-01-30", "checked & fine")
    acked = page.render(report, RenderOptions(acks={mark: ack}))
    assert "acknowledged by Night &lt;desk&gt; on 2024-01-30: checked &amp; fine" in acked
    for text in (only, capped, acked):
        _strict(text)


@pytest.mark.parametrize(
    "report",
    [
        pytest.param(Report(), id="empty"),
        pytest.param(
            Report(errors=[{"path": "a<b>.txt", "message": "not UTF-8 & <bad>"}]),
            id="only-unreadable-inputs",
        ),
    ],
)
def test_a_report_without_findings_is_a_valid_page(report: Report) -> None:
    text = page.render(report, RenderOptions())
    _strict(text)
    assert "0 finding(s)" in text and "<svg" not in text and "<form" not in text
    if report.errors:
        assert "a&lt;b&gt;.txt</code>: not UTF-8 &amp; &lt;bad&gt;" in text


@needs_browser
def test_chromium_unchecking_a_severity_hides_its_cards(
    built: tuple[Path, Report], tmp_path: Path
) -> None:
    """The filter script in a real browser: a copy of the page with one more script,
    allowed by its hash, that unchecks ``info`` as a reader would."""
    import base64
    import hashlib

    out, report = built
    click = 'document.querySelector("input[name=severity][value=info]").click();'
    digest = base64.b64encode(hashlib.sha256(click.encode()).digest()).decode()
    text = out.read_text(encoding="utf-8").replace(
        f"&#x27;sha256-{page.SCRIPT_HASH}&#x27;",
        f"&#x27;sha256-{page.SCRIPT_HASH}&#x27; &#x27;sha256-{digest}&#x27;",
    )
    copy = tmp_path / "clicked.html"
    copy.write_text(text.replace("</body>", f"<script>{click}</script></body>"), encoding="utf-8")
    result = BUILD.headless(BROWSER, copy, "--dump-dom")
    assert result.returncode == 0, result.stderr[-2000:]
    dom = html5lib.parse(result.stdout, namespaceHTMLElements=False)
    hidden = {c.get("data-severity"): "off" in c.get("class", "") for c in dom.iter("article")}
    assert hidden == {"error": False, "info": True}
    shown = dom.find(".//*[@id='shown']")
    assert shown is not None
    errors = sum(d.severity == "error" for d in report.discrepancies)
    total = len(report.discrepancies)
    assert "".join(shown.itertext()) == f"{errors} of {total} finding(s) shown"


@pytest.mark.parametrize(
    "days",
    [
        pytest.param(("9999-12-01", "9999-12-31"), id="last-month-of-the-calendar"),
        pytest.param(("9999-01-01", "9999-12-31"), id="last-year-of-the-calendar"),
        pytest.param(("0001-01-01", "0001-01-31"), id="first-month-of-the-calendar"),
    ],
)
def test_a_timeline_at_the_ends_of_the_calendar_is_drawn(
    tmp_path: Path, days: tuple[str, str]
) -> None:
    """The timeline's axis is padded past its claims' days; at the ends of the calendar
    the padding must not leave it (found by ``benchmarks/fuzz.py``)."""
    start, end = days
    claims = tmp_path / "claims.jsonl"
    records = [
        {"article": article, "text": f"{value:,}", "value": value, "unit": "troops",
         "location": "Iraq", "time": {"start": start, "end": end}}
        for article, value in (("a", 2000), ("b", 5000))
    ]  # fmt: skip
    claims.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = run("check", "--claims", str(claims), "--format", "html")
    assert result.returncode == 1, result.stderr  # 2,000 against 5,000 the same month
    assert result.stderr == ""
    assert result.stdout.count('class="claim"') == 2
    _strict(result.stdout)


@pytest.mark.parametrize(
    "values",
    [
        pytest.param((-1.7e308, 1.7e308), id="both-ends-of-the-floats"),
        pytest.param((1.7e308, 1.6e308), id="near-the-largest-float"),
        pytest.param((1e-300, 1.7e308), id="log-scale-to-the-largest"),
    ],
)
def test_a_timeline_of_the_largest_floats_is_drawn(
    tmp_path: Path, values: tuple[float, float]
) -> None:
    """Any finite level can be drawn: the axis arithmetic never overflows to infinity
    (found by ``benchmarks/fuzz.py``)."""
    claims = tmp_path / "claims.jsonl"
    records = [
        {"article": article, "text": "x", "value": value, "unit": "troops",
         "location": "Iraq", "time": {"start": "2024-01-01", "end": "2024-01-31"}}
        for article, value in zip("ab", values, strict=True)
    ]  # fmt: skip
    claims.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = run("check", "--claims", str(claims), "--format", "html")
    assert result.returncode in (0, 1), result.stderr
    assert result.stderr == ""
    assert result.stdout.count('class="claim"') == 2
    assert "nan" not in result.stdout.lower().replace("nano", "")
    _strict(result.stdout)
