"""Plots for notebooks: one measure over time, every claim where and when it holds.

matplotlib is an optional dependency (``pip install 'numcheck[notebook]'``), imported
when a plot is drawn. The figure is not registered with pyplot: return it from a cell
to display it, ``fig.savefig("troops.png")`` to save it, restyle it through
``fig.axes[0]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._models import VERDICTS, Claim, NumcheckError, Report

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["resolve_key", "timeline"]

POINT_DAYS = 45
"""Time spans up to this many days are drawn as a point at their middle, longer ones as a
horizontal bar from start to end."""

MARKS = {verdict: info.colour for verdict, info in VERDICTS.items() if info.colour}
"""Ring colour around the claims of a finding, from the verdict table: a conflict (red),
a dispute (purple), a regression (orange), an update (green); changes are not marked."""

CLAIM_GID = "numcheck-claim"
"""The ``gid`` of the one point or bar drawn per claim (``ring`` and ``interval`` for the
ring and the value interval), for tests and for restyling."""


def resolve_key(report: Report, key: str) -> str:
    """The measure key ``key`` names: a key of the report's claims, or an unambiguous
    prefix of whole parts (``troops`` or ``troops|US`` when only ``troops|US|Iraq`` has
    that measure and subject).

    >>> report = Report(claims=[Claim(article="a", value=5, unit="troops", subject="US",
    ...                               location="Iraq")])
    >>> resolve_key(report, "troops|US")
    'troops|US|Iraq'
    """
    keys = sorted({c.key for c in report.claims})
    if key in keys:
        return key
    matches = [k for k in keys if k.startswith(key.rstrip("|") + "|")]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise NumcheckError(f"key {key!r} is ambiguous: it matches {', '.join(matches)}")
    known = ", ".join(keys) if keys else "none: the report has no claims"
    raise NumcheckError(f"no claim has the key {key!r}; the report's keys are: {known}")


def _require() -> None:
    try:
        import matplotlib  # noqa: F401
    except ImportError as exc:  # pragma: no cover - exercised without the extra only
        raise ImportError(
            "numcheck.plot needs matplotlib, an optional dependency: "
            "pip install 'numcheck[notebook]'"
        ) from exc


def _level(claim: Claim) -> float | None:
    """Where the claim sits on the value axis: its value, else its interval's middle."""
    if claim.value is not None:
        return claim.value
    if claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) / 2
    return claim.low if claim.low is not None else claim.high


def _label(claim: Claim, report: Report) -> str:
    article = next((a for a in report.articles if a.id == claim.article), None)
    source = claim.source or (article.source if article else None)
    published = article.published if article else claim.anchor
    when = published.isoformat() if published else None
    return ", ".join(x for x in (source or claim.article, when) if x)


def timeline(report: Report, key: str, *, ax: Axes | None = None) -> Figure:
    """Plot one measure over time: a :class:`~matplotlib.figure.Figure` to show or restyle.

    ``key`` is a measure key of the report (``troops|US|Iraq``) or an unambiguous prefix
    of it (see :func:`resolve_key`); an unknown or ambiguous key raises
    :class:`~numcheck.NumcheckError`. Each claim with a known time is a point (spans of
    up to :data:`POINT_DAYS` days, at their middle) or a horizontal bar over its time
    span (dashed towards an unbounded end), with a vertical bar for the interval its
    wording asserts (``low``..``high``; ``^`` marks "or more", ``v`` "or less"); colours
    are articles, named by source and publication date in the legend; every point is
    labelled with its figure as written. Claims in a conflict get a red ring and those
    in a regression an orange one, each pair joined by a dotted line. Claims of unknown
    time are not drawn; the x-axis label says how many. The value axis is logarithmic
    when the values span more than a factor of 20. With ``ax``, draws there and returns
    its figure.
    """
    _require()
    from matplotlib.figure import Figure

    full = resolve_key(report, key)
    claims = [c for c in report.claims if c.key == full]
    known = [c for c in claims if c.time.known and _level(c) is not None]
    unknown = len(claims) - len(known)
    if ax is None:
        fig = Figure(figsize=(9, 4.8), layout="constrained")
        ax = fig.add_subplot()
    else:
        parent: Any = ax.figure
        fig = parent if isinstance(parent, Figure) else parent.figure

    from matplotlib.dates import date2num

    def x(day: dt.date) -> float:
        return float(date2num(day))  # type: ignore[no-untyped-call]

    dates = [d for c in known for d in (c.time.start, c.time.end) if d is not None]
    first = min(dates) if dates else dt.date.today()
    last = max(dates) if dates else first
    pad = max(30, (last - first).days // 20)
    labels = {c.article: _label(c, report) for c in known}
    colours = {
        article: f"C{i % 10}" for i, article in enumerate(dict.fromkeys(c.article for c in known))
    }
    where: dict[str, tuple[float, float]] = {}
    for claim in known:
        level = _level(claim)
        assert level is not None
        start = x(claim.time.start) if claim.time.start else x(first) - pad
        end = x(claim.time.end) if claim.time.end else x(last) + pad
        middle = (start + end) / 2
        colour = colours[claim.article]
        if end - start <= POINT_DAYS:
            ax.plot([middle], [level], "o", color=colour, ms=7, gid=CLAIM_GID)
        else:
            (bar,) = ax.plot(
                [start, end], [level, level], "-", color=colour, lw=5, alpha=0.75, gid=CLAIM_GID
            )
            bar.set_solid_capstyle("butt")
            if claim.time.start is None or claim.time.end is None:
                bar.set_linestyle((0, (2, 1)))
        low = claim.low if claim.low is not None else level
        high = claim.high if claim.high is not None else level
        if high > low:
            ax.vlines(middle, low, high, color=colour, lw=1.5, gid="interval")
        if claim.high is None:
            ax.plot([middle], [level], "^", color=colour, ms=6, gid="interval")
        if claim.low is None:
            ax.plot([middle], [level], "v", color=colour, ms=6, gid="interval")
        near = (x(last) - x(first) + 2 * pad) / 25
        stack = sum(
            abs(px - middle) < near and abs(py - level) <= 0.15 * max(abs(level), abs(py))
            for px, py in where.values()
        )
        ax.annotate(
            claim.text or f"{level:,.0f}",
            (middle, level),
            xytext=(6, 4 - 11 * stack),
            textcoords="offset points",
            fontsize=8,
            color=colour,
        )
        where[claim.id] = (middle, level)
    ax.xaxis_date()

    for discrepancy in report.discrepancies:
        ring = MARKS.get(discrepancy.verdict)
        points = [where.get(c.id) for c in discrepancy.claims]
        if discrepancy.key != full or ring is None:
            continue
        for point in points:
            if point is not None:
                ax.plot([point[0]], [point[1]], "o", ms=17, mfc="none", mec=ring, mew=2, gid="ring")
        if points[0] is not None and points[1] is not None:
            ax.plot(*zip(*points, strict=True), ":", color=ring, lw=1.5, gid="ring")
            ax.annotate(
                discrepancy.verdict,
                points[1],
                xytext=(0, 14),
                textcoords="offset points",
                ha="center",
                fontsize=8,
                color=ring,
                fontweight="bold",
            )

    _legend(ax, labels, colours)
    levels = [lv for c in known if (lv := _level(c)) is not None]
    if levels and min(levels) > 0 and max(levels) / min(levels) > 20:
        ax.set_yscale("log")
    measure = full.split("|", 1)[0]
    ax.set_title(f"{full.replace('|', ' · ')}: {len(known)} claim(s) over time")
    ax.set_ylabel(measure)
    note = f" ({unknown} claim(s) of unknown time not shown)" if unknown else ""
    ax.set_xlabel(f"time{note}")
    ax.grid(True, alpha=0.3)
    return fig


def _legend(ax: Axes, labels: dict[str, str], colours: dict[str, str]) -> None:
    if not labels:
        return
    from matplotlib.lines import Line2D

    handles: Sequence[Line2D] = [
        Line2D([], [], marker="o", ls="-", lw=3, color=colours[a], label=labels[a]) for a in colours
    ]
    ax.legend(handles=handles, fontsize=8, loc="best")
