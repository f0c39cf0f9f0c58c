"""Fixtures for the applications service: a database with the seed postings' ids, CSV helpers."""

from __future__ import annotations

from pathlib import Path

import pytest

HEADER = "application_id,email,last_name,posting_id,status,updated_on,transcript_status,rank,next_step"
POSTINGS = ("lausd-accounting-technician-ii", "pasadena-accounting-technician")
GOOD_ROWS = [
    "A-1001,Jane.Doe@Example.com,Doe,lausd-accounting-technician-ii,eligible_list,2025-12-20,verified,2,",
    "A-1002,sam.lee@example.org,Lee,pasadena-accounting-technician,transcript_verification,2025-10-05,"
    "foreign_evaluation_pending,,Upload your evaluation report to your profile",
    "A-1003,kim@example.net,Park,lausd-accounting-technician-ii,received,2025-12-01,received,,",
]


def write_csv(folder: Path, rows: list[str], header: str = HEADER, name: str = "export.csv") -> Path:
    """Write an HR export with these data rows."""
    path = folder / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def postings() -> tuple[str, ...]:
    return POSTINGS
