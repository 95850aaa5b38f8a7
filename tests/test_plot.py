"""numcheck.plot.timeline: one measure over time, a Figure per call."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest
from conftest import ANCHOR
from matplotlib.axes import Axes
from matplotlib.figure import Figure

import numcheck
from numcheck import Article, NumcheckError, Report
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
    assert "Tehran Times, 2024-01-29" in [t.get_text() for t in legend.get_texts()]


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
