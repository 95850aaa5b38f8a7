"""Shared fixtures: the project's seeds, the shared conformance folder, a fixed anchor date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
ANCHOR = dt.date(2024, 1, 29)
"""A fixed publication date for tests that need "now"."""


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles():  # type: ignore[no-untyped-def]
    import numcheck

    return numcheck.load_articles(SEEDS)


@pytest.fixture(scope="session")
def seed_claims(seed_articles):  # type: ignore[no-untyped-def]
    from numcheck._pipeline import extract_articles

    return extract_articles(seed_articles)
