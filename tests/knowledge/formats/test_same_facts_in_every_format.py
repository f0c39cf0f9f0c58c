"""A posting gives the same facts, on every field the parser reports, whether it comes as text, as a
PDF bulletin printed by Chromium, as a job-board page or as a Word file."""

from __future__ import annotations

from typing import Any

import pytest

from knowledge.formats import read_posting_bytes
from knowledge.model import Posting
from knowledge.parser import FIELDS, missing_fields, parse_posting
from tests.knowledge.conftest import LAUSD_ID, PASADENA_ID, real_text
from tests.knowledge.formats.documents import PdfPrinter, as_text, job_board_page, pieces_from_text, word_document
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK, SamplePosting

LIMIT = 25 * 1024 * 1024

# (posting, facts box of its job-board page, of its Word file, of its bulletin; Word headings as bold lines)
LAYOUTS = [
    (FRESNO_PAYROLL, "dl", "paragraphs", "plain", False),
    (SONOMA_ELIGIBILITY, "terms", "tabs", "plain", False),
    (TACOMA_CLERK, "table", "table", "table", True),
]


def facts_of(posting: Posting) -> dict[str, Any]:
    """Everything the parser reports about a posting, field by field."""
    return {
        "title": posting.title,
        "organisation": posting.organisation,
        "acronym": posting.acronym,
        "facts": {key: (fact.text, fact.section) for key, fact in sorted(posting.facts.items())},
        "salary": posting.salary,
        "dates": (posting.opening_date, posting.closing_date, posting.first_consideration_date),
        "continuous": (posting.open_continuous, posting.may_close_any_time),
        "contacts": posting.contacts,
        "supplemental_questions": posting.supplemental_questions,
        "headings": [section.heading for section in posting.sections],
        "missing": missing_fields(posting),
        "aliases": posting.aliases,
    }


def _document(printer: PdfPrinter, posting: SamplePosting, kind: str, layout: tuple[Any, ...]) -> bytes:
    _, page_facts, word_facts, bulletin_facts, bold = layout
    if kind == "pdf":
        return printer.bulletin(posting, facts=bulletin_facts)
    if kind == "html":
        return job_board_page(posting, facts=page_facts)
    return word_document(posting, facts=word_facts, bold_headings=bold)


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout[0].posting_id for layout in LAYOUTS])
def test_each_format_gives_the_facts_of_the_text(printer: PdfPrinter, layout: tuple[Any, ...], kind: str) -> None:
    posting: SamplePosting = layout[0]
    expected = parse_posting(as_text(posting), posting.posting_id)
    source = read_posting_bytes(
        f"{posting.posting_id}.{kind}", _document(printer, posting, kind, layout), max_bytes=LIMIT
    )
    parsed = parse_posting(source.text, posting.posting_id)
    assert facts_of(parsed) == facts_of(expected)
    assert parsed == expected  # down to every section's text
    assert set(FIELDS) - set(missing_fields(parsed)) >= {"title", "organisation", "salary", "accommodation", "contacts"}


@pytest.mark.parametrize("kind", ["pdf", "html", "docx"])
@pytest.mark.parametrize("posting_id", [LAUSD_ID, PASADENA_ID])
def test_the_seed_postings_printed_in_each_format_give_the_same_facts(
    printer: PdfPrinter, posting_id: str, kind: str
) -> None:
    text = real_text(posting_id)
    posting = SamplePosting(posting_id, pieces_from_text(text))
    data = {
        "pdf": lambda: printer.bulletin(posting),
        "html": lambda: job_board_page(posting, facts="plain"),
        "docx": lambda: word_document(posting),
    }[kind]()
    source = read_posting_bytes(f"{posting_id}.{kind}", data, max_bytes=LIMIT)
    assert facts_of(parse_posting(source.text, posting_id)) == facts_of(parse_posting(text, posting_id))
    if kind == "pdf":
        assert source.pages is not None and source.pages >= 3
