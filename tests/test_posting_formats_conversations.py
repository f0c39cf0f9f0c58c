"""End-to-end: a PDF bulletin and a job-board page dropped into the knowledge base and ingested are
answered by the running servers (deadline, salary, accommodations, contacts), without retraining."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from tests.knowledge.formats.documents import PdfPrinter, job_board_page
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY
from tests.servers import Assistant

pytestmark = pytest.mark.server

FRESNO = FRESNO_PAYROLL.posting_id
SONOMA = SONOMA_ELIGIBILITY.posting_id


def new_sender() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


@pytest.fixture(scope="module")
def dropped(assistant: Assistant, printer: PdfPrinter) -> Iterator[Assistant]:
    """The assistant after a PDF and an HTML posting were dropped into its folder and ingested."""
    pdf = assistant.postings_dir / f"{FRESNO}.pdf"
    html = assistant.postings_dir / f"{SONOMA}.html"
    pdf.write_bytes(printer.bulletin(FRESNO_PAYROLL))
    html.write_bytes(job_board_page(SONOMA_ELIGIBILITY))
    result = assistant.ingest()
    assert result.returncode == 0, result.stderr
    assert "PDF, 2 pages" in result.stdout and "HTML page" in result.stdout
    try:
        yield assistant
    finally:
        pdf.unlink()
        html.unlink()
        assert assistant.ingest().returncode == 0


# (question, page metadata or None, what the answer must hold)
CASES = [
    ("When is the deadline for the Fresno payroll specialist job?", None, ["February 6, 2026", "January 12, 2026"]),
    ("How much does the Fresno Unified payroll job pay?", None, ["$4,310.00 - $5,352.00 Monthly"]),
    (
        "I need a reasonable accommodation for the Fresno assessment because of a disability",
        None,
        ["(559) 457-3548"],
    ),
    (
        "Who do I contact with questions about the Fresno payroll posting?",
        None,
        ["daniel.okafor@fresnousd.example.org"],
    ),
    ("when does it close?", SONOMA, ["January 26, 2026"]),
    ("What does the Sonoma County eligibility worker job pay?", None, ["$26.11 - $31.74 Hourly"]),
    ("I need an accommodation for the exam", SONOMA, ["(707) 565-2331"]),
    ("who can I contact about this job?", SONOMA, ["priya.raman@sonomacounty.example.org"]),
]


@pytest.mark.parametrize(("question", "page", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_postings_ingested_from_pdf_and_html_are_answered(
    dropped: Assistant, question: str, page: str | None, expected: list[str]
) -> None:
    reply = dropped.reply(new_sender(), question, metadata={"posting_id": page} if page else None)
    for fact in expected:
        assert fact in reply, f"{fact!r} missing from the reply to {question!r}:\n{reply}"
    assert "\n\nFrom the posting: " in reply
