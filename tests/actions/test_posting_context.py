"""Which posting a message is about: named outright, then the page, then the conversation, then a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from actions.posting_context import resolve_posting
from knowledge.ingest import parse_posting_file
from knowledge.model import Posting
from tests.servers import SEED_POSTINGS

LAUSD, PASADENA = "lausd-accounting-technician-ii", "pasadena-accounting-technician"
VARIANTS = Path(__file__).parents[1] / "knowledge" / "postings"


@pytest.fixture(scope="module")
def postings() -> list[Posting]:
    return [parse_posting_file(path) for path in sorted(SEED_POSTINGS.glob("*.txt"))]


def resolved(text: str, postings: list[Posting], page: str | None = None, current: str | None = None) -> str | None:
    posting = resolve_posting(text=text, postings=postings, page_posting_id=page, current_posting_id=current).posting
    return posting.posting_id if posting else None


def test_a_posting_named_outright_wins_over_the_page(postings: list[Posting]) -> None:
    assert resolved("what does Pasadena pay?", postings, page=LAUSD) == PASADENA


def test_the_employer_by_its_kind_picks_the_posting_when_nothing_else_does(postings: list[Posting]) -> None:
    assert resolved("does the district offer dental?", postings) == LAUSD
    assert resolved("is there a probation period at the city?", postings) == PASADENA


def test_the_employer_by_its_kind_narrows_a_shared_title(postings: list[Posting]) -> None:
    assert resolved("is there a probation period at the city for accounting technicians?", postings) == PASADENA
    assert resolved("accounting technician deadline?", postings) is None  # both, nothing to narrow by


def test_the_employer_by_its_kind_never_switches_away_from_the_page(postings: list[Posting]) -> None:
    assert resolved("is it in the city?", postings, page=LAUSD) == LAUSD
    assert resolved("is it in the city?", postings, current=LAUSD) == LAUSD


def test_a_kind_two_employers_share_asks_between_them(postings: list[Posting]) -> None:
    every = postings + [parse_posting_file(path) for path in sorted(VARIANTS.glob("*.txt"))]
    resolution = resolve_posting(text="does the city pay overtime?", postings=every)
    assert resolution.posting is None
    assert {p.posting_id for p in resolution.candidates} == {
        PASADENA,
        "pasadena-human-resources-analyst",
        "glendale-administrative-analyst",
    }


def test_nothing_to_go_on_asks_among_all(postings: list[Posting]) -> None:
    resolution = resolve_posting(text="when is the deadline?", postings=postings)
    assert resolution.posting is None and len(resolution.candidates) == 2
