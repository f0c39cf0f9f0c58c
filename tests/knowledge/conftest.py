"""Shared fixtures for the posting knowledge-base tests: the real postings and the variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from base.database import make_engine, metadata
from knowledge import store
from knowledge.model import Posting
from knowledge.parser import parse_posting

REPO_ROOT = Path(__file__).resolve().parents[2]
REAL_POSTINGS = REPO_ROOT / "knowledge" / "postings"
VARIANT_POSTINGS = Path(__file__).resolve().parent / "postings"

LAUSD_ID = "lausd-accounting-technician-ii"
PASADENA_ID = "pasadena-accounting-technician"
LONGBEACH_ID = "longbeach-payroll-technician"
GLENDALE_ID = "glendale-administrative-analyst"


def real_text(posting_id: str) -> str:
    return (REAL_POSTINGS / f"{posting_id}.txt").read_text(encoding="utf-8")


def variant_text(posting_id: str) -> str:
    return (VARIANT_POSTINGS / f"{posting_id}.txt").read_text(encoding="utf-8")


def text_of(posting_id: str) -> str:
    real = REAL_POSTINGS / f"{posting_id}.txt"
    return real_text(posting_id) if real.exists() else variant_text(posting_id)


@pytest.fixture(scope="session")
def lausd_text() -> str:
    return real_text(LAUSD_ID)


@pytest.fixture(scope="session")
def pasadena_text() -> str:
    return real_text(PASADENA_ID)


@pytest.fixture(scope="session")
def longbeach_text() -> str:
    return variant_text(LONGBEACH_ID)


@pytest.fixture(scope="session")
def glendale_text() -> str:
    return variant_text(GLENDALE_ID)


@pytest.fixture(scope="session")
def lausd(lausd_text: str) -> Posting:
    return parse_posting(lausd_text, LAUSD_ID)


@pytest.fixture(scope="session")
def pasadena(pasadena_text: str) -> Posting:
    return parse_posting(pasadena_text, PASADENA_ID)


@pytest.fixture(scope="session")
def longbeach(longbeach_text: str) -> Posting:
    return parse_posting(longbeach_text, LONGBEACH_ID)


@pytest.fixture(scope="session")
def glendale(glendale_text: str) -> Posting:
    return parse_posting(glendale_text, GLENDALE_ID)


@pytest.fixture(scope="session")
def real_postings(lausd: Posting, pasadena: Posting) -> list[Posting]:
    return [lausd, pasadena]


@pytest.fixture(scope="session")
def all_postings(lausd: Posting, pasadena: Posting, longbeach: Posting, glendale: Posting) -> list[Posting]:
    return [lausd, pasadena, longbeach, glendale]


def fresh_engine(url: str = "sqlite://") -> Engine:
    """An engine with the knowledge-base tables created."""
    eng = make_engine(url)
    metadata.create_all(eng, tables=[store.postings_table, store.revision_table])
    return eng


@pytest.fixture()
def engine(database_engine: Engine) -> Engine:
    """A fresh, empty database per test: SQLite, and PostgreSQL when HELPBOT_TEST_DATABASE_URL is set."""
    return database_engine
