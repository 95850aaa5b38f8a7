"""numcheck.plot.timeline: one measure over time, a Figure per call."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import pytest
from conftest import ANCHOR
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import numcheck
from numcheck import Article, Claim, NumcheckError, Report, Rules, TimeSpan
from numcheck._pipeline import build_report
from numcheck.plot import CLAIM_GID, resolve_key, timeline

TROOPS = "troops|US|Iraq"


@pytest.fixture(scope="module")
def seed_report(seed_articles: list[Article]) -> Report:
    return numcheck.check(seed_articles)


def _drawn(ax: Axes, gid: str) -> list[object]:
    return [artist for artist in ax.get_children() if artist.get_gid() == gid]


def test_troops_timeline_has_one_point_or_bar_per_dated_claim(seed_report: Report) -> None:
    fig = timeline(seed_report, TROOPS)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    dated = [c for c in seed_report.claims if c.key == TROOPS and c.time.known]
    assert len(dated) >= 5
    assert len(_drawn(ax, CLAIM_GID)) == len(dated)
    assert not _drawn(ax, "ring")  # the troop figures are changes, not conflicts
    texts = {t.get_text() for t in ax.texts}
    assert {"5000", "1,70,300", "roughly 2,500"} <= texts
    assert ax.get_yscale() == "log"  # 1,70,300 and 2,500 on one axis
    legend = ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts()]
    assert "Tehran Times (2 articles)" in entries  # a source, once
    assert "Press TV, 2019-02-11" in entries  # a source of one article, with its date


def test_conflicts_are_ringed_and_unknown_times_noted() -> None:
    report = numcheck.check(
        [
            Article(id="a", text="About 2,000 US troops are in Iraq.", published=ANCHOR),
            Article(id="b", text="There are 2,500 US troops in Iraq.", published=ANCHOR),
            Article(id="c", text="There are 3,000 US troops in Iraq."),  # no date
        ]
    )
    assert any(d.verdict == "conflict" for d in report.discrepancies)
    fig = timeline(report, "troops")  # an unambiguous prefix
    (ax,) = fig.axes
    assert len(_drawn(ax, CLAIM_GID)) == 2
    assert len(_drawn(ax, "ring")) >= 2
    assert "conflict" in {t.get_text() for t in ax.texts}
    assert "1 claim(s) of unknown time not shown" in ax.get_xlabel()


def test_draws_on_a_given_axes(seed_report: Report) -> None:
    fig = Figure()
    ax = fig.add_subplot()
    assert timeline(seed_report, TROOPS, ax=ax) is fig


def test_unknown_and_ambiguous_keys_raise_clearly(seed_report: Report) -> None:
    with pytest.raises(NumcheckError, match=r"no claim has the key 'tanks'.*troops\|US\|Iraq"):
        timeline(seed_report, "tanks")
    with pytest.raises(NumcheckError, match=r"ambiguous.*troops\|US\|Iraq, troops\|US\|Jordan"):
        timeline(seed_report, "troops|US")
    assert resolve_key(seed_report, "troops|US|Iraq") == TROOPS
    assert resolve_key(seed_report, "troops|PMU") == "troops|PMU|Iraq"


def test_png_renders(seed_report: Report) -> None:
    import io

    buffer = io.BytesIO()
    timeline(seed_report, TROOPS).savefig(buffer, format="png")
    assert buffer.getvalue().startswith(b"\x89PNG\r\n\x1a\n")


def _crowded() -> Report:
    """48 claims of one measure from 12 sources on three days: labels must give way."""
    articles = []
    for i in range(48):
        day = f"2023-05-{1 + i % 3:02d}"
        figure = f"{2000 + 37 * i:,}"
        articles.append(
            Article(
                id=f"a{i:02d}",
                source=f"Outlet number {i % 12}",
                published=day,
                text=f"There are {figure} US troops in Iraq.",
            )
        )
    return numcheck.check(articles)


@pytest.mark.parametrize(
    "given_axes",
    [pytest.param(False, id="own-figure"), pytest.param(True, id="given-axes")],
)
def test_crowded_timeline_keeps_legend_outside_and_labels_apart(given_axes: bool) -> None:
    report = _crowded()
    sources = {c.source for c in report.claims}
    assert len(report.claims) >= 40 and len(sources) >= 8
    if given_axes:
        fig = Figure(figsize=(9, 4.8), layout="constrained")
        fig = timeline(report, "troops", ax=fig.add_subplot())
    else:
        fig = timeline(report, "troops")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    (ax,) = fig.axes
    assert len(_drawn(ax, CLAIM_GID)) == len(report.claims)
    legend = ax.get_legend()
    assert legend is not None
    entries = [t.get_text() for t in legend.get_texts()]
    assert len(entries) == len(sources)  # one entry per source, not per article
    assert "Outlet number 0 (4 articles)" in entries
    frame = ax.get_window_extent(renderer)
    box = legend.get_window_extent(renderer)
    assert box.x0 >= frame.x1  # outside the axes, on the right
    assert box.x1 <= fig.bbox.x1 + 1  # and inside the figure
    texts = [t for t in ax.texts if t.get_visible()]
    figures = [t for t in texts if t.get_gid() == "label"]
    assert 3 <= len(figures) <= len(report.claims)
    assert len({t.get_text() for t in figures}) == len(figures)
    boxes = [t.get_window_extent(renderer) for t in texts]
    for i, a in enumerate(boxes):
        assert frame.contains(a.x0, a.y0) and frame.contains(a.x1, a.y1)
        for b in boxes[i + 1 :]:
            assert not a.overlaps(b), (texts[i].get_text(), a, b)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        pytest.param("9999-12-01", "9999-12-31", id="last-month"),
        pytest.param("9999-12-31", "9999-12-31", id="last-day"),
        pytest.param("9999-01-01", None, id="from-the-last-year-on"),
        pytest.param("0001-01-01", "0001-01-31", id="first-month"),
        pytest.param(None, "0001-02-01", id="until-the-first-year"),
    ],
)
def test_a_timeline_at_the_ends_of_the_calendar_is_drawn(
    start: str | None, end: str | None
) -> None:
    """The margins around the claims stop at year 1 and year 9999, where matplotlib's
    dates end (it refuses to convert a day past them)."""
    claims = [
        Claim(article=article, text=f"{value:,}", value=value, unit="troops", location="Iraq",
              time=TimeSpan(start=start, end=end))
        for article, value in (("a", 2000), ("b", 5000))
    ]  # fmt: skip
    report = build_report([], claims, rules=Rules())
    fig = timeline(report, "troops")
    (ax,) = fig.axes
    assert len(_drawn(ax, CLAIM_GID)) == 2
    fig.savefig(io.BytesIO(), format="png")  # ticks and labels are drawn too


@pytest.mark.parametrize(
    "values",
    [
        pytest.param((-1.7e308, 1.7e308), id="both-ends-of-the-floats"),
        pytest.param((1.7e308, 1.6e308), id="near-the-largest-float"),
        pytest.param((1.7e308, 1.7e308), id="the-largest-float-twice"),
        pytest.param((-1.7e308, -1e308), id="near-the-lowest-float"),
        pytest.param((1e-300, 1.7e308), id="log-scale-to-the-largest"),
    ],
)
@pytest.mark.filterwarnings("ignore:overflow encountered:RuntimeWarning")  # numpy, drawing
def test_a_timeline_of_the_largest_floats_is_drawn(values: tuple[float, float]) -> None:
    """Any finite level can be drawn: matplotlib's ticks and margins would overflow near
    the largest floats, so those axes are set from the levels."""
    claims = [
        Claim(article=article, text="x", value=value, unit="troops", location="Iraq",
              time=TimeSpan(start="2024-01-01", end="2024-01-31"))
        for article, value in zip("ab", values, strict=True)
    ]  # fmt: skip
    fig = timeline(build_report([], claims, rules=Rules()), "troops")
    (ax,) = fig.axes
    assert len(_drawn(ax, CLAIM_GID)) == 2
    low, high = ax.get_ylim()
    assert low <= min(values) and max(values) <= high
    fig.savefig(io.BytesIO(), format="png")
