"""Plots for notebooks: one measure over time, every claim where and when it holds.

matplotlib is an optional dependency (``pip install 'numcheck[notebook]'``), imported
when a plot is drawn. The figure is not registered with pyplot: return it from a cell
to display it, ``fig.savefig("troops.png")`` to save it, restyle it through
``fig.axes[0]``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from ._models import VERDICTS, Article, Claim, NumcheckError, Report

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.backend_bases import RendererBase
    from matplotlib.figure import Figure
    from matplotlib.text import Annotation

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


def _source(claim: Claim, articles: dict[str, Article]) -> str:
    """Who published the claim: its source, else its article's, else the article id."""
    article = articles.get(claim.article)
    return claim.source or (article.source if article else None) or claim.article


def _legend_labels(claims: Sequence[Claim], articles: dict[str, Article]) -> dict[str, str]:
    """The legend entry of each source: ``Wire, 2024-01-29`` when it has one article
    with a known date, ``Wire (3 articles)`` when several."""
    by_source: dict[str, set[str]] = {}
    for claim in claims:
        by_source.setdefault(_source(claim, articles), set()).add(claim.article)
    labels = {}
    for source, ids in by_source.items():
        if len(ids) > 1:
            labels[source] = f"{source} ({len(ids)} articles)"
            continue
        (only,) = ids
        article = articles.get(only)
        published = article.published if article else None
        labels[source] = f"{source}, {published.isoformat()}" if published else source
    return labels


def timeline(report: Report, key: str, *, ax: Axes | None = None) -> Figure:
    """Plot one measure over time: a :class:`~matplotlib.figure.Figure` to show or restyle.

    ``key`` is a measure key of the report (``troops|US|Iraq``) or an unambiguous prefix
    of it (see :func:`resolve_key`); an unknown or ambiguous key raises
    :class:`~numcheck.NumcheckError`. Each claim with a known time is a point (spans of
    up to :data:`POINT_DAYS` days, at their middle) or a horizontal bar over its time
    span (dashed towards an unbounded end), with a vertical bar for the interval its
    wording asserts (``low``..``high``; ``^`` marks "or more", ``v`` "or less"); colours
    are sources, named in a legend outside the plot (with the publication date when a
    source has one article); points are labelled with their figure as written, except
    where a label would cover another (those are left out, findings' claims labelled
    first). Claims in a conflict get a red ring and those in a regression an orange one,
    each pair joined by a dotted line. Claims of unknown time are not drawn; the x-axis
    label says how many. The value axis is logarithmic when the values span more than a
    factor of 20. With ``ax``, draws there and returns its figure.
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

    articles = {a.id: a for a in report.articles}
    dates = [d for c in known for d in (c.time.start, c.time.end) if d is not None]
    first = min(dates) if dates else dt.date.today()
    last = max(dates) if dates else first
    pad = max(30, (last - first).days // 20)
    calendar = x(dt.date.min), x(dt.date.max)  # matplotlib's dates end with the calendar
    colours = {
        source: f"C{i % 10}"
        for i, source in enumerate(dict.fromkeys(_source(c, articles) for c in known))
    }
    where: dict[str, tuple[float, float]] = {}
    labels: list[_Label] = []
    for claim in known:
        level = _level(claim)
        assert level is not None
        start = x(claim.time.start) if claim.time.start else max(x(first) - pad, calendar[0])
        end = x(claim.time.end) if claim.time.end else min(x(last) + pad, calendar[1])
        middle = (start + end) / 2
        colour = colours[_source(claim, articles)]
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
        labels.append(_Label(claim.text or f"{level:,.0f}", (middle, level), colour, claim.id))
        where[claim.id] = (middle, level)
    low, high = ax.get_xlim()
    if known and (low < calendar[0] or high > calendar[1]):  # margins past year 1 or 9999
        low, high = max(low, calendar[0]), min(high, calendar[1])
        ax.set_xlim(min(low, high - 1), max(high, low + 1))
    ax.xaxis_date()
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator()  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]

    verdicts: list[_Label] = []
    first_labelled: set[str] = set()
    for discrepancy in report.discrepancies:
        ring = MARKS.get(discrepancy.verdict)
        points = [where.get(c.id) for c in discrepancy.claims]
        if discrepancy.key != full or ring is None:
            continue
        first_labelled.update(c.id for c in discrepancy.claims)
        for point in points:
            if point is not None:
                ax.plot([point[0]], [point[1]], "o", ms=17, mfc="none", mec=ring, mew=2, gid="ring")
        if points[0] is not None and points[1] is not None:
            ax.plot(*zip(*points, strict=True), ":", color=ring, lw=1.5, gid="ring")
            said = _Label(discrepancy.verdict, points[1], ring, "", bold=True)
            if said not in verdicts:  # once per point and verdict
                verdicts.append(said)

    _legend(ax, _legend_labels(known, articles), colours)
    levels = [lv for c in known if (lv := _level(c)) is not None]
    log = bool(levels) and min(levels) > 0 and max(levels) / min(levels) > 20
    if log:
        ax.set_yscale("log")
    if levels and max(map(abs, levels)) > _HUGE:
        # levels near the largest floats: matplotlib's own ticks and margins would
        # overflow, so the axis is the levels' range, ticked at its ends (and zero)
        from matplotlib.ticker import FixedLocator

        low, high = min(levels), max(levels)
        if high == low:
            low, high = sorted((low, low / 2))
        ax.set_ylim(low, high)
        ax.yaxis.set_major_locator(FixedLocator(sorted({low, high} | (set() if log else {0.0}))))
    measure = full.split("|", 1)[0]
    ax.set_title(f"{full.replace('|', ' · ')}: {len(known)} claim(s) over time")
    ax.set_ylabel(measure)
    note = f" ({unknown} claim(s) of unknown time not shown)" if unknown else ""
    ax.set_xlabel(f"time{note}")
    ax.grid(True, alpha=0.3)
    labels.sort(key=lambda label: label.claim not in first_labelled)
    _place_labels(ax, fig, [*verdicts, *labels])
    return fig


_HUGE = 1e300
"""Levels above this (in size) get an axis of their own range: a margin around them
would overflow the floats."""


class _Label(NamedTuple):
    """A text to draw beside a point (data coordinates) if it covers no other label."""

    text: str
    point: tuple[float, float]
    colour: str
    claim: str
    bold: bool = False


_Spot = tuple[tuple[int, int], Literal["left", "center", "right"], Literal["bottom", "top"]]
_SPOTS: tuple[_Spot, ...] = (
    ((6, 4), "left", "bottom"),
    ((6, -4), "left", "top"),
    ((-6, 4), "right", "bottom"),
    ((-6, -4), "right", "top"),
    ((0, 10), "center", "bottom"),
    ((0, -10), "center", "top"),
)
"""Where a point's label may go (offset in points, alignment), in order of preference."""
_VERDICT_SPOTS: tuple[_Spot, ...] = (((0, 14), "center", "bottom"), ((0, -14), "center", "top"))


def _renderer(fig: Figure) -> RendererBase:
    """A renderer to measure text with, leaving the figure's own canvas in place."""
    canvas = fig.canvas
    get = getattr(canvas, "get_renderer", None)
    if get is not None:
        renderer: RendererBase = get()
        return renderer
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    renderer = FigureCanvasAgg(fig).get_renderer()  # type: ignore[no-untyped-call]
    fig.set_canvas(canvas)
    return renderer


def _place_labels(ax: Axes, fig: Figure, labels: Sequence[_Label]) -> None:
    """Draw each label at the first of its spots where its box stays inside the axes and
    overlaps no label drawn before; a label with no such spot is left out. Labels are
    outside the layout, so the layout (run here first) does not move them afterwards."""
    if not labels:
        return
    fig.draw_without_rendering()
    renderer = _renderer(fig)
    frame = ax.get_window_extent(renderer)
    from matplotlib.transforms import Bbox

    # the points are taken too: a label covers no other point (its own is beside it)
    points = ax.transData.transform([label.point for label in labels if not label.bold])
    taken: list[Any] = [Bbox.from_extents(x - 4, y - 4, x + 4, y + 4) for x, y in points]
    for label in labels:
        text: Annotation = ax.annotate(
            label.text,
            label.point,
            xytext=(0, 0),
            textcoords="offset points",
            fontsize=8,
            color=label.colour,
            fontweight="bold" if label.bold else "normal",
            gid="verdict" if label.bold else "label",
            zorder=5,  # above the points, rings and lines
            bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.75},
        )
        text.set_in_layout(False)
        for offset, ha, va in _VERDICT_SPOTS if label.bold else _SPOTS:
            text.xyann = offset
            text.set_horizontalalignment(ha)
            text.set_verticalalignment(va)
            box = text.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0
            if inside and box.y1 <= frame.y1 and not any(box.overlaps(t) for t in taken):
                taken.append(box)
                break
        else:
            text.remove()


def _legend(ax: Axes, labels: dict[str, str], colours: dict[str, str]) -> None:
    """One entry per source, outside the plot on the right (in columns when many)."""
    if not labels:
        return
    from matplotlib.lines import Line2D

    handles: Sequence[Line2D] = [
        Line2D([], [], marker="o", ls="-", lw=3, color=colours[s], label=labels[s]) for s in colours
    ]
    ax.legend(
        handles=handles,
        fontsize=8,
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        ncols=1 + (len(handles) - 1) // 22,
    )
