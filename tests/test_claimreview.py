"""``numcheck check --format claimreview``: schema.org ClaimReview JSON-LD, end to end."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from test_cli import run
from test_html_report import CALM, HOSTILE, LATER

from numcheck import Report
from numcheck._models import VERDICTS

PROPERTIES = ("claimReviewed", "itemReviewed", "reviewRating", "author", "datePublished")
"""What each review carries (the properties search engines read, and their provenance)."""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def _reviews(folder: Path) -> tuple[list[dict[str, Any]], Report]:
    result = run("check", str(folder), "--format", "claimreview")
    assert result.returncode in (0, 1), result.stderr
    report = Report.model_validate_json(run("check", str(folder), "--format", "json").stdout)
    return json.loads(result.stdout), report


def test_one_review_per_disagreement_with_the_required_properties(tmp_path: Path) -> None:
    folder = _write(tmp_path / "a", {"hostile.md": HOSTILE, "calm.md": CALM, "later.md": LATER})
    reviews, report = _reviews(folder)
    disagreements = [d for d in report.discrepancies if VERDICTS[d.verdict].disagreement]
    assert len(report.discrepancies) > len(disagreements) >= 1  # the change is left out
    assert isinstance(reviews, list) and len(reviews) == len(disagreements)
    articles = {a.id: a for a in report.articles}
    for review, finding in zip(reviews, disagreements, strict=True):
        assert review["@context"] == "https://schema.org"
        assert review["@type"] == "ClaimReview"
        assert all(review[name] for name in PROPERTIES)
        disputed = finding.claims[1]
        assert review["claimReviewed"] == " ".join(disputed.sentence.split())
        item = review["itemReviewed"]
        article = articles[disputed.article]
        assert item["@type"] == "Claim"
        assert item["author"] == {"@type": "Organization", "name": article.source}
        assert item["datePublished"] == str(article.published)
        assert item["appearance"]["url"] in (article.url, article.path)
        assert review["reviewRating"]["@type"] == "Rating"
        assert review["reviewRating"]["alternateName"] == finding.verdict.capitalize()
        assert review["author"] == {"@type": "Organization", "name": "numcheck"}
        dt.date.fromisoformat(review["datePublished"])
        assert review["reviewBody"] == finding.explanation


@pytest.mark.parametrize(
    ("files", "count"),
    [
        pytest.param(
            {
                "old.md": "---\nsource: Wire\npublished: 2024-01-29\n---\n"
                "In 2016 there were 5000 US troops in Iraq.\n",
                "new.md": "---\nsource: Daily\npublished: 2024-01-29\n---\n"
                "There are 2,500 US troops in Iraq.\n",
            },
            0,
            id="a change is no contradiction: an empty array",
        ),
        pytest.param({"hostile.md": HOSTILE, "calm.md": CALM}, 1, id="a conflict: one review"),
    ],
)
def test_only_disagreements_are_reviewed(tmp_path: Path, files: dict[str, str], count: int) -> None:
    reviews, report = _reviews(_write(tmp_path / "a", files))
    assert report.discrepancies
    assert len(reviews) == count
