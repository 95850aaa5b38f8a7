"""Extraction and checking on the five seed articles (real scraped text, noise included)."""

from __future__ import annotations

import datetime as dt

import numcheck
from numcheck import Claim

TROOPS_IRAQ = "troops|US|Iraq"


def test_every_claim_slices_its_article(
    seed_articles: list[numcheck.Article], seed_claims: list[Claim]
) -> None:
    texts = {a.id: a.text for a in seed_articles}
    assert seed_claims
    for claim in seed_claims:
        assert claim.start is not None and claim.end is not None
        assert texts[claim.article][claim.start : claim.end] == claim.text
        assert claim.text in claim.sentence
        assert claim.sentence in texts[claim.article]


def _troops(claims: list[Claim]) -> dict[tuple[str, str], Claim]:
    return {(c.article[:3], c.text): c for c in claims if c.key == TROOPS_IRAQ}


def test_us_troop_figures_in_iraq(seed_claims: list[Claim]) -> None:
    troops = _troops(seed_claims)
    now_001 = troops["001", "2,500"]
    assert (now_001.value, now_001.qualifier) == (2500, "exact")
    assert now_001.time.start == now_001.time.end == dt.date(2024, 1, 6)
    now_002 = troops["002", "roughly 2,500"]
    assert (now_002.value, now_002.qualifier, now_002.modifier) == (2500, "approx", "roughly")
    assert now_002.time.start == dt.date(2024, 1, 29)
    in_2016 = troops["004", "5000"]
    assert in_2016.value == 5000
    assert (in_2016.time.start, in_2016.time.end, in_2016.time.basis) == (
        dt.date(2016, 1, 1),
        dt.date(2016, 12, 31),
        "explicit",
    )
    peak = troops["004", "1,70,300"]
    assert peak.value == 170300
    assert (peak.time.start, peak.time.end) == (dt.date(2007, 11, 1), dt.date(2007, 11, 30))


def test_elided_noun_gives_us_troops_in_syria(seed_claims: list[Claim]) -> None:
    [syria] = [c for c in seed_claims if c.text == "about 900"]
    assert (syria.value, syria.qualifier, syria.key) == (900, "approx", "troops|US|Syria")


def test_2016_against_now_is_a_change(seed_articles: list[numcheck.Article]) -> None:
    report = numcheck.check(seed_articles)
    pairs = {
        frozenset(c.article[:3] for c in d.claims): d
        for d in report.discrepancies
        if d.key == TROOPS_IRAQ and {c.text for c in d.claims} >= {"5000"}
    }
    assert {frozenset({"004", "001"}), frozenset({"004", "002"})} <= set(pairs)
    for finding in (pairs[frozenset({"004", "001"})], pairs[frozenset({"004", "002"})]):
        assert (finding.verdict, finding.severity, finding.rule) == (
            "change",
            "info",
            "troops/change",
        )
        assert "5000" in finding.explanation and "2016" in finding.explanation
        assert finding.ratio is not None and 0.45 < finding.ratio < 0.55
    # The two "now" figures (January 2024) agree: no discrepancy between 001 and 002.
    assert not [
        d
        for d in report.discrepancies
        if d.key == TROOPS_IRAQ and {c.article[:3] for c in d.claims} == {"001", "002"}
    ]


def test_no_claims_from_years_dates_ordinals_or_licence(seed_claims: list[Claim]) -> None:
    texts = {c.text for c in seed_claims}
    for trap in ("2014", "2016", "2007", "2019", "10", "3", "4.0", "first", "4"):
        assert trap not in texts, trap
    assert not [c for c in seed_claims if c.text.lower() in ("one", "two")]


def test_no_warning_or_error_on_the_seeds(seed_articles: list[numcheck.Article]) -> None:
    """Issue 12: the seeds agree with each other. "1,033,000" deaths (some estimates, to
    2011) against "hundreds of thousands" who perished in the war is no regression, and
    the US troop figures over the years are changes, still reported."""
    report = numcheck.check(seed_articles)
    assert [d for d in report.discrepancies if d.severity != "info"] == []
    assert not [
        d
        for d in report.discrepancies
        if {c.text for c in d.claims} == {"1,033,000", "hundreds of thousands"}
    ]
    changes = {
        (d.claims[0].text, d.claims[1].text)
        for d in report.discrepancies
        if d.key == TROOPS_IRAQ and d.verdict == "change"
    }
    assert ("5000", "2,500") in changes
