"""``--format html``: the report as one self-contained page to share with an editor.

One file and nothing else: the styles are inline, the one small script (the severity and
verdict filters) is inline and allowed by its hash in a Content-Security-Policy that
forbids every network load, and the timelines are inline SVG drawn here (no plotting
library). Without JavaScript the page shows everything; the filters appear only when the
script runs. Every text that comes from the input (sentences, titles, sources, ids, paths,
keys, rule names, explanations, file names and messages) goes through :func:`html.escape`
with ``quote=True``, in the text of the page, in its attributes and inside the SVG.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import math
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .._html import SEVERITY_COLOURS, discrepancy_html
from .._html import _e as _escape
from .._html import _flat as _escape_flat
from .._models import SEVERITY_RANK, VERDICTS, Article, Claim, Discrepancy, Report
from .._report import filter_severity
from . import RenderOptions

NAME = "html"
HELP = "one self-contained HTML page: finding cards, timelines, filters (use -o FILE.html)"
COMMANDS = ("check",)

POINT_DAYS = 45
"""Time spans up to this many days are drawn as a point at their middle, longer ones as a
bar from start to end (as in :func:`numcheck.plot.timeline`)."""

PALETTE = (
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
    "#393b79",
    "#637939",
)
"""Colours of the sources in the timelines, in order of first appearance."""

NONE = "#9e9e9e"
"""The badge of a severity with no finding: grey, not its alarming colour."""

CHANGE_COLOUR = "#888888"
"""The line joining the two claims of a finding whose verdict has no colour of its own."""

SCRIPT = """(function () {
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var boxes = form.querySelectorAll("input[type=checkbox]");
  var items = document.querySelectorAll("[data-severity][data-verdict]");
  var total = document.querySelectorAll(".card").length;
  var note = document.getElementById("shown");
  function apply() {
    var off = {};
    boxes.forEach(function (box) { if (!box.checked) { off[box.name + ":" + box.value] = 1; } });
    var shown = 0;
    items.forEach(function (item) {
      var hide = off["severity:" + item.dataset.severity] || off["verdict:" + item.dataset.verdict];
      item.classList.toggle("off", !!hide);
      if (!hide && item.classList.contains("card")) { shown += 1; }
    });
    note.textContent = shown + " of " + total + " finding(s) shown";
  }
  form.addEventListener("change", apply);
  apply();
})();"""
"""The filters: unchecking a severity or a verdict hides its cards and timeline marks."""

SCRIPT_HASH = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")

CSP = (
    "default-src 'none'; "
    f"script-src 'sha256-{SCRIPT_HASH}'; "
    "style-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'"
)
"""Nothing is loaded from anywhere: no fetch, image, font, frame or script but the one
inline script, by its hash (so a script that escaped escaping would not run either)."""

STYLE = """
body{font-family:system-ui,sans-serif;font-size:14px;line-height:1.4;margin:0 auto;
  max-width:78em;padding:12px 20px;color:#222;background:#fff}
h1{font-size:22px;margin:4px 0}
h2{font-size:17px;margin:22px 0 6px;border-bottom:1px solid #ddd;padding-bottom:3px}
header .counts span{margin-right:10px}
.badge{color:#fff;padding:0 6px;border-radius:3px;font-weight:600}
#filters{border:1px solid #ddd;border-radius:6px;padding:6px 10px;margin:10px 0}
#filters fieldset{border:0;display:inline;margin:0 14px 0 0;padding:0}
#filters legend{float:left;font-weight:600;margin-right:6px}
#filters label{margin-right:8px;white-space:nowrap}
.off{display:none}
.card{display:block;margin:0}
.meta{color:#666;font-size:90%;margin:0 0 10px 16px}
.timeline{margin:6px 0}
.timeline svg{max-width:100%;height:auto;border:1px solid #eee;border-radius:4px}
.sources{list-style:none;padding:0;margin:4px 0;font-size:90%}
.sources li{display:inline-block;margin-right:14px;white-space:nowrap}
.swatch{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:4px}
.more{color:#666;font-style:italic}
.errors li{color:#c62828}
table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f4f4f4}
"""


def _e(value: object) -> str:
    return _escape(value)


def render(report: Report, options: RenderOptions) -> str:
    """The whole page: header with counts, filters, a section per key (its timeline, then
    its finding cards), the unreadable inputs, the articles."""
    shown = sorted(
        filter_severity(report.discrepancies, options.minimum),
        key=lambda d: SEVERITY_RANK[d.severity],
    )
    articles = {a.id: a for a in report.articles}
    colours = _source_colours(report, articles)
    by_key: dict[str, list[Discrepancy]] = {}
    for finding in shown:
        by_key.setdefault(finding.key, []).append(finding)
    keys = sorted(by_key, key=lambda k: (SEVERITY_RANK[by_key[k][0].severity], k))
    claims_by_key: dict[str, list[Claim]] = {}
    for claim in report.claims:
        if claim.key in by_key:
            claims_by_key.setdefault(claim.key, []).append(claim)
    sections = [
        _section(
            key,
            by_key[key],
            claims_by_key.get(key, []),
            articles,
            colours,
            options,
            index,
        )
        for index, key in enumerate(keys)
    ]
    body = [
        _header(report, shown),
        _filters(shown),
        *sections,
        _errors(report),
        _articles(report.articles),
    ]
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="numcheck">'
        f"<title>{_e(_title(report, shown))}</title>"
        f"<style>{STYLE}</style></head>\n<body>\n"
        + "\n".join(part for part in body if part)
        + f"\n<script>{SCRIPT}</script>\n</body></html>\n"
    )


def _title(report: Report, shown: Sequence[Discrepancy]) -> str:
    return f"numcheck report: {len(shown)} finding(s) in {len(report.articles)} article(s)"


def _counts(shown: Sequence[Discrepancy]) -> dict[str, int]:
    return {s: sum(d.severity == s for d in shown) for s in SEVERITY_COLOURS}


def _header(report: Report, shown: Sequence[Discrepancy]) -> str:
    counts = _counts(shown)
    parts = [
        f"<span>{len(report.articles)} article(s)</span>",
        f"<span>{len(report.claims)} claim(s)</span>",
        f"<span><strong>{len(shown)} finding(s)</strong></span>",
        *(
            f'<span class="badge" style="background:{SEVERITY_COLOURS[s] if n else NONE}">'
            f"{n} {s}</span>"
            for s, n in counts.items()
        ),
    ]
    if report.errors:
        parts.append(
            f'<span><a href="#unreadable">{len(report.errors)} unreadable input(s)</a></span>'
        )
    return (
        "<header><h1>numcheck report</h1>"
        f'<p class="counts">{"".join(parts)}</p>'
        f'<p id="shown" class="meta">{len(shown)} finding(s)</p></header>'
    )


def _filters(shown: Sequence[Discrepancy]) -> str:
    """Checkboxes by severity and by verdict; hidden until the script shows them."""
    if not shown:
        return ""
    counts = _counts(shown)
    verdicts: dict[str, int] = {}
    for finding in shown:
        verdicts[finding.verdict] = verdicts.get(finding.verdict, 0) + 1

    def box(name: str, value: str, count: int) -> str:
        return (
            f'<label><input type="checkbox" name="{name}" value="{_e(value)}" checked> '
            f"{_e(value)} ({count})</label>"
        )

    severities = "".join(box("severity", s, n) for s, n in counts.items() if n)
    kinds = "".join(box("verdict", v, verdicts[v]) for v in VERDICTS if v in verdicts)
    return (
        '<form id="filters" hidden>'
        f"<fieldset><legend>Severity</legend>{severities}</fieldset>"
        f"<fieldset><legend>Verdict</legend>{kinds}</fieldset></form>"
    )


def _section(
    key: str,
    findings: Sequence[Discrepancy],
    claims: Sequence[Claim],
    articles: Mapping[str, Article],
    colours: Mapping[str, str],
    options: RenderOptions,
    index: int,
) -> str:
    cap = options.max_per_key or None  # None or 0: all
    cards = [_card(d, articles, options) for d in (findings if cap is None else findings[:cap])]
    if cap is not None and len(findings) > cap:
        cards.append(f'<p class="more">and {len(findings) - cap} more finding(s) for this key</p>')
    title = _e(key.replace("|", " · "))
    return (
        f'<section class="key" id="key-{index}"><h2>{title} '
        f'<span class="meta">({len(findings)} finding(s))</span></h2>'
        + _timeline(key, claims, findings, articles, colours, index)
        + "".join(cards)
        + "</section>"
    )


def _card(d: Discrepancy, articles: Mapping[str, Article], options: RenderOptions) -> str:
    mark = d.fingerprint
    ack = options.acks.get(mark) if options.acks else None
    notes = [f"fingerprint <code>{_e(mark)}</code>"]
    if d.support != (1, 1):
        notes.append(f"stated by {d.support[0]} and {d.support[1]} claim(s)")
    notes += [link for c in d.claims if (link := _link(articles.get(c.article)))]
    if ack is not None:
        notes.append(
            f"acknowledged by {_escape_flat(ack.by)} on {_e(ack.at)}: {_escape_flat(ack.reason)}"
        )
    return (
        f'<article class="card" id="finding-{_e(mark)}" data-severity="{_e(d.severity)}" '
        f'data-verdict="{_e(d.verdict)}">'
        + discrepancy_html(d, articles)
        + f'<p class="meta">{" · ".join(notes)}</p></article>'
    )


def _link(article: Article | None) -> str:
    """A link to the article's web address, only when it is an http(s) address."""
    if article is None or not article.url:
        return ""
    if not article.url.lower().startswith(("https://", "http://")):
        return ""
    return (
        f'<a href="{_e(article.url)}" rel="noopener noreferrer nofollow">'
        f"{_escape_flat(article.title or article.id)}</a>"
    )


def _errors(report: Report) -> str:
    if not report.errors:
        return ""
    items = "".join(
        f"<li><code>{_escape_flat(e.path)}</code>: {_escape_flat(e.message)}</li>"
        for e in report.errors
    )
    return (
        f'<section id="unreadable"><h2>Unreadable inputs ({len(report.errors)})</h2>'
        f'<ul class="errors">{items}</ul></section>'
    )


def _articles(articles: Sequence[Article]) -> str:
    if not articles:
        return ""
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{_escape_flat(str(v)) if v is not None else ''}</td>"
            for v in (a.id, a.title, a.source, a.published, a.path)
        )
        + "</tr>"
        for a in articles
    )
    head = "".join(f"<th>{h}</th>" for h in ("id", "title", "source", "published", "path"))
    return (
        f"<details><summary>Articles ({len(articles)})</summary>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></details>"
    )


# -- timelines ------------------------------------------------------------------------

WIDTH, HEIGHT = 760, 250
LEFT, RIGHT, TOP, BOTTOM = 70, 16, 16, 36
FONT = 11
CHAR = 6.4
"""Estimated width of one character of an SVG label at :data:`FONT` pixels."""


def _source(claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.article)
    return claim.source or (article.source if article else None) or claim.article


def _source_colours(report: Report, articles: Mapping[str, Article]) -> dict[str, str]:
    """One colour per source, in order of first appearance among the compared keys."""
    keys = {d.key for d in report.discrepancies}
    sources = dict.fromkeys(_source(c, articles) for c in report.claims if c.key in keys)
    return {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(sources)}


def _level(claim: Claim) -> float | None:
    if claim.value is not None:
        return claim.value
    if claim.low is not None and claim.high is not None:
        return (claim.low + claim.high) / 2
    return claim.low if claim.low is not None else claim.high


@dataclass(frozen=True)
class _Mark:
    claim: Claim
    start: float
    end: float
    level: float
    bar: bool

    @property
    def middle(self) -> float:
        return (self.start + self.end) / 2


@dataclass(frozen=True)
class _Scale:
    low: float
    high: float
    log: bool
    first: float
    last: float

    def x(self, day: float) -> float:
        span = self.last - self.first or 1.0
        return LEFT + (day - self.first) / span * (WIDTH - LEFT - RIGHT)

    def y(self, value: float) -> float:
        if self.log:
            low, high, value = math.log10(self.low), math.log10(self.high), math.log10(value)
        else:
            low, high = self.low, self.high
        span = _half_span(low, high) or 1.0
        return HEIGHT - BOTTOM - (value / 2 - low / 2) / span * (HEIGHT - TOP - BOTTOM)


def _half_span(low: float, high: float) -> float:
    """Half of ``high - low``, computed so that it never overflows (levels may be any
    finite floats, up to about 1.8e308)."""
    return high / 2 - low / 2


def _finite(value: float) -> float:
    """``value`` clamped to the finite floats."""
    return max(-sys.float_info.max, min(value, sys.float_info.max))


def _marks(claims: Sequence[Claim]) -> tuple[list[_Mark], int]:
    """The claims that can be drawn (known time and level), and how many cannot."""
    dated = [c for c in claims if c.time.known and _level(c) is not None]
    days = [d.toordinal() for c in dated for d in (c.time.start, c.time.end) if d is not None]
    if not days:
        return [], len(claims)
    first, last = min(days), max(days)
    pad = max(30, (last - first) // 20)
    marks = []
    for claim in dated:
        level = _level(claim)
        assert level is not None
        start = claim.time.start.toordinal() if claim.time.start else first - pad
        end = claim.time.end.toordinal() if claim.time.end else last + pad
        marks.append(_Mark(claim, float(start), float(end), level, end - start > POINT_DAYS))
    return marks, len(claims) - len(marks)


def _scale(marks: Sequence[_Mark]) -> _Scale:
    levels = [m.level for m in marks]
    low, high = min(levels), max(levels)
    log = low > 0 and high / low > 20
    if log:
        low, high = low / 1.6, _finite(high * 1.6)
    else:
        pad = _half_span(low, high) * 0.24 or abs(high) * 0.2 or 1.0
        low, high = _finite(low - pad), _finite(high + pad)
        if min(levels) >= 0:
            low = max(low, 0.0)
    first = min(m.start for m in marks)
    last = max(m.end for m in marks)
    pad_days = max(15.0, (last - first) / 25)
    return _Scale(low, high, log, first - pad_days, last + pad_days)


def _number(value: float) -> str:
    if value == 0:
        return "0"
    size = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def _value_ticks(scale: _Scale) -> list[float]:
    if scale.log:
        first = math.ceil(math.log10(scale.low))
        last = math.floor(math.log10(scale.high))
        ticks = [10.0**p for p in range(first, last + 1)]
        return ticks or [scale.low * 1.6, scale.high / 1.6]
    raw = _half_span(scale.low, scale.high) / 2
    power = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next(f * power for f in (1, 2, 2.5, 5, 10) if f * power >= raw)
    tick = math.ceil(scale.low / step) * step
    ticks = []
    # about five ticks; the bound keeps a loop over floats near the largest one finite
    while len(ticks) < 12 and tick - scale.high <= 1e-9 * step:
        ticks.append(tick)
        tick += step
    return ticks


def _day(ordinal: int) -> dt.date:
    """The day of ``ordinal``, clamped to the calendar (1 January of year 1 to 31 December
    9999)."""
    return dt.date.fromordinal(min(max(1, ordinal), dt.date.max.toordinal()))


def _time_ticks(scale: _Scale) -> list[tuple[float, str]]:
    # the scale is padded past its claims' days: keep the ends inside the calendar
    first = _day(math.ceil(scale.first))
    last = _day(math.floor(scale.last))
    years = [dt.date(y, 1, 1) for y in range(first.year + 1, last.year + 1)]
    if first.month == 1 and first.day == 1:
        years.insert(0, first)
    if len(years) >= 2:
        step = math.ceil(len(years) / 8)
        return [(float(d.toordinal()), str(d.year)) for d in years[::step]]
    months = []
    year, month = first.year, first.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        if year > dt.MAXYEAR:
            break
        day = dt.date(year, month, 1)
        if day > last:
            break
        months.append(day)
    if len(months) >= 2:
        step = math.ceil(len(months) / 8)
        return [(float(d.toordinal()), f"{d.year}-{d.month:02d}") for d in months[::step]]
    count = 4
    span = (last.toordinal() - first.toordinal()) / count
    days = [dt.date.fromordinal(round(first.toordinal() + i * span)) for i in range(count + 1)]
    return [(float(d.toordinal()), d.isoformat()) for d in dict.fromkeys(days)]


Box = tuple[float, float, float, float]


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _place(text: str, x: float, y: float, taken: list[Box]) -> tuple[float, float] | None:
    """Where a label fits beside the point ``x, y`` without covering another label:
    right, left, above or below; ``None`` when nowhere (the label is then left out, the
    point keeps its tooltip)."""
    width = len(text) * CHAR
    for dx, dy in ((7, -5), (7, 13), (-7 - width, -5), (-7 - width, 13), (-width / 2, -10)):
        left, base = x + dx, y + dy
        box = (left, base - FONT, left + width, base + 2)
        inside = box[0] >= LEFT and box[2] <= WIDTH - RIGHT and box[1] >= TOP
        if inside and box[3] <= HEIGHT - BOTTOM and not any(_overlaps(box, t) for t in taken):
            taken.append(box)
            return left, base
    return None


def _timeline(
    key: str,
    claims: Sequence[Claim],
    findings: Sequence[Discrepancy],
    articles: Mapping[str, Article],
    colours: Mapping[str, str],
    index: int,
) -> str:
    """The key's claims over time as inline SVG, each finding's two claims joined."""
    marks, undrawn = _marks(claims)
    if not marks:
        return '<p class="meta">No timeline: none of the claims of this key has a known time.</p>'
    scale = _scale(marks)
    clip = f"plot-{index}"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" '
        f'aria-label="{_e(key)}: {len(marks)} claim(s) over time" '
        f'font-family="system-ui,sans-serif" font-size="{FONT}">',
        f'<defs><clipPath id="{clip}"><rect x="{LEFT}" y="{TOP}" '
        f'width="{WIDTH - LEFT - RIGHT}" height="{HEIGHT - TOP - BOTTOM}"/></clipPath></defs>',
    ]
    out += _axes(scale)
    where: dict[str, tuple[float, float]] = {}
    drawn: list[str] = []
    for mark in marks:
        claim = mark.claim
        colour = colours.get(_source(claim, articles), PALETTE[0])
        x, y = scale.x(mark.middle), scale.y(mark.level)
        where[claim.id] = (x, y)
        tip = f"<title>{_tooltip(claim, articles)}</title>"
        if mark.bar:
            x0, x1 = scale.x(mark.start), scale.x(mark.end)
            dash = (
                ' stroke-dasharray="6 3"'
                if claim.time.start is None or claim.time.end is None
                else ""
            )
            drawn.append(
                f'<line class="claim" x1="{x0:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" '
                f'stroke="{colour}" stroke-width="5" stroke-opacity="0.75"{dash}>{tip}</line>'
            )
        else:
            drawn.append(
                f'<circle class="claim" cx="{x:.1f}" cy="{y:.1f}" r="4.5" fill="{colour}">'
                f"{tip}</circle>"
            )
        low = claim.low if claim.low is not None else mark.level
        high = claim.high if claim.high is not None else mark.level
        if high > low and (not scale.log or low > 0):
            drawn.append(
                f'<line class="interval" x1="{x:.1f}" y1="{scale.y(low):.1f}" x2="{x:.1f}" '
                f'y2="{scale.y(high):.1f}" stroke="{colour}" stroke-width="1.5"/>'
            )
    rings = []
    for finding in findings:
        points = [where.get(c.id) for c in finding.claims]
        if points[0] is None or points[1] is None:
            continue
        colour = VERDICTS[finding.verdict].colour or CHANGE_COLOUR
        (xa, ya), (xb, yb) = points[0], points[1]
        tip = f"<title>{_e(finding.verdict)}: {_escape_flat(finding.explanation)}</title>"
        rings.append(
            f'<g class="finding" data-severity="{_e(finding.severity)}" '
            f'data-verdict="{_e(finding.verdict)}">{tip}'
            f'<line x1="{xa:.1f}" y1="{ya:.1f}" x2="{xb:.1f}" y2="{yb:.1f}" stroke="{colour}" '
            f'stroke-width="1.5" stroke-dasharray="3 3"/>'
            f'<circle cx="{xa:.1f}" cy="{ya:.1f}" r="8" fill="none" stroke="{colour}" '
            f'stroke-width="2"/><circle cx="{xb:.1f}" cy="{yb:.1f}" r="8" fill="none" '
            f'stroke="{colour}" stroke-width="2"/></g>'
        )
    out.append(f'<g clip-path="url(#{clip})">{"".join(drawn)}{"".join(rings)}</g>')
    out += _labels(marks, findings, where, colours, articles)
    out.append("</svg>")
    note = f" ({undrawn} claim(s) of unknown time not drawn)" if undrawn else ""
    note += "; the value axis is logarithmic" if scale.log else ""
    return (
        f'<figure class="timeline">{"".join(out)}'
        f"<figcaption>{_legend(marks, colours, articles)}"
        f'<span class="meta">{len(marks)} claim(s) over time{note}; '
        "ringed and joined: the two claims of a finding</span></figcaption></figure>"
    )


def _tooltip(claim: Claim, articles: Mapping[str, Article]) -> str:
    article = articles.get(claim.article)
    published = article.published.isoformat() if article and article.published else None
    who = ", ".join(x for x in (_source(claim, articles), published) if x)
    return (
        f"{_escape_flat(claim.text or _number(_level(claim) or 0))} ({_e(claim.time.label())})"
        f" · {_escape_flat(who)}: {_escape_flat(claim.sentence)}"
    )


def _axes(scale: _Scale) -> list[str]:
    bottom, right = HEIGHT - BOTTOM, WIDTH - RIGHT
    out = [
        f'<rect x="{LEFT}" y="{TOP}" width="{right - LEFT}" height="{bottom - TOP}" '
        'fill="#fafafa" stroke="#bbb"/>'
    ]
    for value in _value_ticks(scale):
        y = scale.y(value)
        if TOP - 0.5 <= y <= bottom + 0.5:
            out.append(
                f'<line x1="{LEFT}" y1="{y:.1f}" x2="{right}" y2="{y:.1f}" stroke="#e4e4e4"/>'
                f'<text x="{LEFT - 5}" y="{y + 4:.1f}" text-anchor="end" fill="#555">'
                f"{_e(_number(value))}</text>"
            )
    for day, label in _time_ticks(scale):
        x = scale.x(day)
        if LEFT <= x <= right:
            out.append(
                f'<line x1="{x:.1f}" y1="{TOP}" x2="{x:.1f}" y2="{bottom}" stroke="#e4e4e4"/>'
                f'<text x="{x:.1f}" y="{bottom + 15}" text-anchor="middle" fill="#555">'
                f"{_e(label)}</text>"
            )
    return out


def _labels(
    marks: Sequence[_Mark],
    findings: Sequence[Discrepancy],
    where: Mapping[str, tuple[float, float]],
    colours: Mapping[str, str],
    articles: Mapping[str, Article],
) -> list[str]:
    """The figures as written beside their points, the findings' claims first; a label
    that would cover another is left out (its point keeps the tooltip)."""
    first = {c.id for d in findings for c in d.claims}
    order = sorted(marks, key=lambda m: (m.claim.id not in first, m.start))
    taken: list[Box] = [(x - 5, y - 5, x + 5, y + 5) for x, y in where.values()]
    out = []
    for mark in order:
        text = " ".join((mark.claim.text or _number(mark.level)).split())
        if len(text) > 24:
            text = text[:23] + "…"
        x, y = where[mark.claim.id]
        spot = _place(text, x, y, taken)
        if spot is None:
            continue
        colour = colours.get(_source(mark.claim, articles), PALETTE[0])
        out.append(
            f'<text class="label" x="{spot[0]:.1f}" y="{spot[1]:.1f}" fill="{colour}">'
            f"{_e(text)}</text>"
        )
    return out


def _legend(
    marks: Iterable[_Mark], colours: Mapping[str, str], articles: Mapping[str, Article]
) -> str:
    counts: dict[str, int] = {}
    for mark in marks:
        source = _source(mark.claim, articles)
        counts[source] = counts.get(source, 0) + 1
    items = "".join(
        f'<li><span class="swatch" style="background:{colours.get(s, PALETTE[0])}"></span>'
        f"{_escape_flat(s)} ({n})</li>"
        for s, n in counts.items()
    )
    return f'<ul class="sources">{items}</ul>'
