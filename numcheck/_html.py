"""Rich display in notebooks: HTML for a claim, a list of claims, a discrepancy, a report.

Article text is untrusted input: every piece of it (sentences, figures, ids, titles,
sources, time words, explanations that quote it) goes through :func:`html.escape`
before it reaches the output. Styles are inline so the HTML stands alone wherever it
is shown (Jupyter, VS Code, a saved page).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping, Sequence

from ._models import SEVERITIES, VERDICTS, Article, Claim, Discrepancy, Report
from ._report import _interval

SEVERITY_COLOURS = {name: info.colour for name, info in SEVERITIES.items()}
"""Card and badge colour of each severity (from :data:`SEVERITIES`): red, orange, blue."""

_BOX = "font-family:system-ui,sans-serif;font-size:13px;line-height:1.4;max-width:72em"
_CARD = "border:1px solid #ccc;border-radius:6px;padding:6px 10px;margin:6px 0"
_MUTED = "color:#666;font-size:90%"
_MARK = "background:#fff3a0;color:#000;padding:0 2px;border-radius:2px;font-weight:600"
_CELL = "border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top"
_SPACE = re.compile(r"\s+")


_NONCHARACTERS = "".join(
    chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17)
)
_NOT_HTML = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef" + _NONCHARACTERS + "]")
"""Characters HTML does not allow in a document (controls, noncharacters): a parse error
in a strict parser, so they are shown as U+FFFD."""


def _e(value: object) -> str:
    """Escape any value for HTML text and attribute values (characters HTML does not
    allow become U+FFFD)."""
    return html.escape(_NOT_HTML.sub("\ufffd", str(value)), quote=True)


def _flat(text: str) -> str:
    """Escaped text with runs of whitespace (scraped line breaks) folded to one space."""
    return _e(_SPACE.sub(" ", text))


def figure_offsets(claim: Claim, article_text: str | None = None) -> tuple[int, int] | None:
    """Where the figure stands in ``claim.sentence``: offsets relative to the sentence.

    With the article's text the claim's own offsets decide (the right one of two equal
    figures in a sentence); without it, the first occurrence of ``claim.text``. ``None``
    when the figure is not in the sentence (claims given without text).

    >>> c = Claim(article="a", start=25, end=30, text="2,500",
    ...           sentence="Now 2,500 or 2,500?", value=2500)
    >>> figure_offsets(c), figure_offsets(c, "Intro here. Now 2,500 or 2,500?")
    ((4, 9), (13, 18))
    """
    sentence = claim.sentence
    if not sentence or not claim.text:
        return None
    if (
        article_text is not None
        and claim.start is not None
        and claim.end is not None
        and article_text[claim.start : claim.end] == claim.text
    ):
        begin = article_text.rfind(sentence, 0, claim.start + len(sentence))
        if begin >= 0 and begin + len(sentence) >= claim.end:
            return claim.start - begin, claim.end - begin
    at = sentence.find(claim.text)
    return (at, at + len(claim.text)) if at >= 0 else None


def highlighted(claim: Claim, article_text: str | None = None) -> str:
    """The claim's sentence as escaped HTML with the figure in ``<mark>``."""
    sentence = claim.sentence
    where = figure_offsets(claim, article_text)
    if where is None:
        figure = f'<mark style="{_MARK}">{_flat(claim.text or _number(claim.value))}</mark>'
        return f"{_flat(sentence)} [{figure}]" if sentence.strip() else figure
    a, b = where
    return (
        f'{_flat(sentence[:a])}<mark style="{_MARK}">{_flat(sentence[a:b])}</mark>'
        f"{_flat(sentence[b:])}"
    ).strip()


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _qualifier(claim: Claim) -> str:
    word = f" ({claim.modifier})" if claim.modifier else ""
    change = f", change {claim.direction or ''}".rstrip() if claim.kind == "change" else ""
    return f"{claim.qualifier}{word}{change}"


def _time(claim: Claim) -> str:
    span = claim.time
    words = f", “{_flat(span.text)}”" if span.text else ""
    return f'{_e(span.label())} <span style="{_MUTED}">({_e(span.basis)}{words})</span>'


def _where(claim: Claim, article: Article | None = None) -> str:
    place = _e(claim.article)
    if claim.start is not None:
        place += f":{claim.start}-{claim.end}"
    source = claim.source or (article.source if article else None)
    published = article.published.isoformat() if article and article.published else None
    path = article.path if article and article.path != article.id else None
    extra = [x for x in (article.title if article else None, source, published, path) if x]
    if extra:
        place += " · " + " · ".join(_flat(x) for x in extra)
    return place


def claim_html(claim: Claim, article: Article | None = None) -> str:
    """One claim as a small card: figure, interval, qualifier, key, time, sentence."""
    text = article.text if article is not None else None
    head = (
        f"<strong>{_flat(claim.text or _number(claim.value))}</strong> {_e(claim.unit or '?')}"
        f" · <code>{_e(claim.key)}</code> · {_e(_qualifier(claim))}"
        f" · interval {_e(_interval(claim))} · {_time(claim)}"
    )
    return (
        f'<div class="numcheck-claim" style="{_BOX};{_CARD}"><div>{head}</div>'
        f'<div style="margin:4px 0">{highlighted(claim, text)}</div>'
        f'<div style="{_MUTED}">{_where(claim, article)}</div></div>'
    )


_HEADERS = ("figure in its sentence", "interval", "qualifier", "unit", "key", "time", "where")


def claims_html(claims: Sequence[Claim], articles: Mapping[str, Article] | None = None) -> str:
    """A table of claims, one row each, the figure highlighted in its sentence."""
    articles = articles or {}
    head = "".join(f'<th style="{_CELL};background:#f4f4f4">{h}</th>' for h in _HEADERS)
    rows = []
    for claim in claims:
        article = articles.get(claim.article)
        cells = (
            highlighted(claim, article.text if article else None),
            _e(_interval(claim)),
            _e(_qualifier(claim)),
            _e(claim.unit or "?"),
            f"<code>{_e(claim.key)}</code>",
            _time(claim),
            _where(claim, article),
        )
        rows.append("<tr>" + "".join(f'<td style="{_CELL}">{c}</td>' for c in cells) + "</tr>")
    return (
        f'<div class="numcheck-claims" style="{_BOX}">'
        f'<div style="{_MUTED}">{len(claims)} claim(s)</div>'
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def _side(claim: Claim, article: Article | None) -> str:
    return (
        f'<div style="flex:1;min-width:16em;border:1px solid #eee;border-radius:4px;'
        f'padding:4px 8px"><div><strong>{_flat(claim.text or _number(claim.value))}</strong>'
        f" {_e(claim.unit or '')} · {_e(_qualifier(claim))} · interval {_e(_interval(claim))}"
        f" · {_time(claim)}</div>"
        f'<div style="margin:4px 0">{highlighted(claim, article.text if article else None)}</div>'
        f'<div style="{_MUTED}">{_where(claim, article)}</div></div>'
    )


def discrepancy_html(
    discrepancy: Discrepancy, articles: Mapping[str, Article] | None = None
) -> str:
    """A card: severity colour, verdict, key and rule, both sentences side by side, why."""
    articles = articles or {}
    colour = SEVERITY_COLOURS[discrepancy.severity]
    badge = (
        f'<span style="background:{colour};color:#fff;padding:0 6px;border-radius:3px;'
        f'font-weight:600">{_e(discrepancy.severity.upper())}</span>'
    )
    ratio = f" · ratio {discrepancy.ratio:.2f}×" if discrepancy.ratio is not None else ""
    same = " · same article" if discrepancy.same_article else ""
    sides = "".join(_side(c, articles.get(c.article)) for c in discrepancy.claims)
    return (
        f'<div class="numcheck-discrepancy numcheck-{_e(discrepancy.severity)}" '
        f'style="{_BOX};{_CARD};border-left:6px solid {colour}">'
        f'<div>{badge} <strong title="{_e(_means(discrepancy.verdict))}">'
        f"{_e(discrepancy.verdict)}</strong>"
        f" · <code>{_e(discrepancy.key)}</code> · rule <code>{_e(discrepancy.rule)}</code>"
        f"{ratio}{same}</div>"
        f'<div style="display:flex;flex-wrap:wrap;gap:8px;margin:6px 0">{sides}</div>'
        f"<div>{_flat(discrepancy.explanation)}</div></div>"
    )


def _articles_table(articles: Iterable[Article]) -> str:
    head = "".join(
        f'<th style="{_CELL};background:#f4f4f4">{h}</th>'
        for h in ("id", "title", "source", "published")
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td style="{_CELL}">{_flat(str(v)) if v is not None else ""}</td>'
            for v in (a.id, a.title, a.source, a.published)
        )
        + "</tr>"
        for a in articles
    )
    return (
        f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead>'
        f"<tbody>{rows}</tbody></table>"
    )


def report_html(report: Report) -> str:
    """The report: a summary line, a card per discrepancy, then claims and articles."""
    articles = {a.id: a for a in report.articles}
    counts = {s: sum(d.severity == s for d in report.discrepancies) for s in SEVERITY_COLOURS}
    summary = (
        f"<strong>{len(report.articles)} article(s), {len(report.claims)} claim(s), "
        f"{len(report.discrepancies)} discrepanc"
        f"{'y' if len(report.discrepancies) == 1 else 'ies'}</strong>: "
        + ", ".join(
            f'<span style="color:{SEVERITY_COLOURS[s]}">{n} {s}</span>' for s, n in counts.items()
        )
    )
    errors = "".join(
        f'<li style="color:{SEVERITY_COLOURS["error"]}">{_flat(e.path)}: {_flat(e.message)}</li>'
        for e in report.errors
    )
    cards = "".join(discrepancy_html(d, articles) for d in report.discrepancies)
    return (
        f'<div class="numcheck-report" style="{_BOX}"><div>{summary}</div>'
        + (f"<ul>{errors}</ul>" if errors else "")
        + cards
        + f"<details><summary>Claims ({len(report.claims)})</summary>"
        + claims_html(report.claims, articles)
        + f"</details><details><summary>Articles ({len(report.articles)})</summary>"
        + _articles_table(report.articles)
        + "</details></div>"
    )


class Claims(list[Claim]):
    """A list of claims that displays as a table in notebooks; otherwise a plain list.

    :func:`numcheck.extract` returns one; ``numcheck.Claims(report.claims)`` wraps any
    list.
    """

    def _repr_html_(self) -> str:
        return claims_html(self)


def _means(verdict: str) -> str:
    """What a verdict means, from the one verdict table."""
    info = VERDICTS.get(verdict)
    return info.means if info is not None else verdict
