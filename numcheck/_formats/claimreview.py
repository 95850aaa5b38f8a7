"""``--format claimreview``: the disagreements as schema.org ``ClaimReview`` JSON-LD.

ClaimReview is the markup fact-checkers publish their checks in and search engines read.
One ClaimReview per finding whose verdict is a disagreement (a conflict, a dispute, a
regression, in the one verdict table); changes over time and updates are no
contradiction and are not exported. The reviewed claim is the second claim of the finding
(the later one, as the engine orders them), checked against the first.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from .._ledger import fingerprint
from .._models import VERDICTS, Article, Claim, Discrepancy, Report
from .._report import filter_severity
from . import RenderOptions

NAME = "claimreview"
HELP = "schema.org ClaimReview JSON-LD, one review per disagreement (conflict, dispute...)"
COMMANDS = ("check",)

REVIEWER = "numcheck"
"""The ``author`` of every review: the Organization that made it."""


def render(report: Report, options: RenderOptions) -> str:
    """A JSON array of ClaimReview objects (empty when nothing disagrees)."""
    articles = {a.id: a for a in report.articles}
    today = dt.date.today().isoformat()
    reviews = [
        review(d, articles, reviewed=today)
        for d in filter_severity(report.discrepancies, options.minimum)
        if VERDICTS[d.verdict].disagreement
    ]
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"


def review(
    discrepancy: Discrepancy, articles: dict[str, Article], *, reviewed: str
) -> dict[str, Any]:
    """One ClaimReview: the disputed claim's sentence, where it appeared, the verdict."""
    reference, disputed = discrepancy.claims
    body: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "identifier": fingerprint(discrepancy),
        "datePublished": reviewed,
        "author": {"@type": "Organization", "name": REVIEWER},
        "claimReviewed": _said(disputed),
        "itemReviewed": _claim(disputed, articles.get(disputed.article)),
        "reviewRating": {
            "@type": "Rating",
            "alternateName": discrepancy.verdict.capitalize(),
            "ratingExplanation": discrepancy.explanation,
        },
        "reviewBody": discrepancy.explanation,
        "isBasedOn": _claim(reference, articles.get(reference.article)),
        "keywords": [discrepancy.key, discrepancy.rule, discrepancy.severity],
    }
    return body


def _said(claim: Claim) -> str:
    """The claim as it was stated: its sentence, else the figure."""
    return " ".join((claim.sentence or claim.text or claim.describe()).split())


def _claim(claim: Claim, article: Article | None) -> dict[str, Any]:
    """A schema.org Claim: what was said, by whom, when and where it appeared."""
    source = claim.source or (article.source if article else None)
    published = article.published if article else None
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    where = (article.url or article.path) if article else None
    if where:
        appearance["url"] = where
    if article is not None and article.title:
        appearance["headline"] = article.title
    appearance["identifier"] = claim.id
    out: dict[str, Any] = {"@type": "Claim", "text": _said(claim), "appearance": appearance}
    if source:
        out["author"] = {"@type": "Organization", "name": source}
        appearance["author"] = {"@type": "Organization", "name": source}
    if published is not None:
        out["datePublished"] = published.isoformat()
        appearance["datePublished"] = published.isoformat()
    return out
