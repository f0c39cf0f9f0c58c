"""knowledge.ingest with postings as HR publishes them: PDF bulletins, job-board pages, Word files."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from base.settings import reset_settings
from knowledge import store
from knowledge.ingest import IngestReport, ingest_folder
from knowledge.parser import parse_posting
from tests.knowledge.conftest import LAUSD_ID, PASADENA_ID, REAL_POSTINGS
from tests.knowledge.formats.documents import PdfPrinter, as_text, encrypted, job_board_page, word_document
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK

FRESNO, SONOMA, TACOMA = FRESNO_PAYROLL.posting_id, SONOMA_ELIGIBILITY.posting_id, TACOMA_CLERK.posting_id


@pytest.fixture(scope="module")
def fresno_pdf(printer: PdfPrinter) -> bytes:
    return printer.bulletin(FRESNO_PAYROLL)


@pytest.fixture()
def folder(tmp_path: Path, fresno_pdf: bytes) -> Path:
    """The two seed postings as text, and one posting each as PDF, HTML and Word."""
    target = tmp_path / "postings"
    target.mkdir()
    for posting_id in (LAUSD_ID, PASADENA_ID):
        shutil.copy(REAL_POSTINGS / f"{posting_id}.txt", target)
    (target / f"{FRESNO}.pdf").write_bytes(fresno_pdf)
    (target / f"{SONOMA}.html").write_bytes(job_board_page(SONOMA_ELIGIBILITY))
    (target / f"{TACOMA}.docx").write_bytes(word_document(TACOMA_CLERK))
    return target


def _ids(report: IngestReport) -> list[str]:
    return [i.posting_id for i in report.ingested]


ALL_IDS = sorted([LAUSD_ID, PASADENA_ID, FRESNO, SONOMA, TACOMA])


def test_every_format_is_ingested_and_reported(folder: Path, engine: Engine) -> None:
    report = ingest_folder(folder, engine=engine)
    assert report.errors == ()
    assert _ids(report) == ALL_IDS
    sources = {i.posting_id: i.source for i in report.ingested}
    assert sources == {
        FRESNO: "PDF, 2 pages",
        SONOMA: "HTML page",
        TACOMA: "Word document",
        LAUSD_ID: "text file",
        PASADENA_ID: "text file",
    }
    assert all(i.sections >= 5 for i in report.ingested)
    stored = {p.posting_id: p for p in store.load_postings(engine=engine)}
    for posting in (FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK):
        assert stored[posting.posting_id] == parse_posting(as_text(posting), posting.posting_id)


def test_two_files_for_one_posting_are_named_and_neither_is_ingested(folder: Path, engine: Engine) -> None:
    ingest_folder(folder, engine=engine)
    before = {p.posting_id: p for p in store.load_postings(engine=engine)}
    (folder / f"{FRESNO}.txt").write_text(as_text(FRESNO_PAYROLL).replace("$4,310.00", "$9,999.00"), encoding="utf-8")
    (folder / f"{TACOMA.upper()}.PDF").write_bytes(b"%PDF-1.4 whatever")
    report = ingest_folder(folder, engine=engine)
    assert set(report.errors) == {
        f"{FRESNO}.pdf and {FRESNO}.txt: two files for the posting {FRESNO}; keep one (neither was ingested)"
        " (its earlier version stays in the knowledge base)",
        f"{TACOMA.upper()}.PDF and {TACOMA}.docx: two files for the posting {TACOMA.upper()}; keep one"
        " (neither was ingested) (its earlier version stays in the knowledge base)",
    }
    assert _ids(report) == sorted([LAUSD_ID, PASADENA_ID, SONOMA])
    after = {p.posting_id: p for p in store.load_postings(engine=engine)}
    assert after == before  # the earlier versions are kept as they were
    assert set(report.kept) == {FRESNO, TACOMA}


def test_two_files_for_a_new_posting_leave_it_out(folder: Path, engine: Engine) -> None:
    (folder / "riverside-clerk.txt").write_text("Clerk\nCompany: County of Riverside\n", encoding="utf-8")
    (folder / "riverside-clerk.htm").write_bytes(b"<p>Clerk</p>")
    report = ingest_folder(folder, engine=engine)
    assert report.errors[0].startswith("riverside-clerk.htm and riverside-clerk.txt: two files")
    assert "riverside-clerk" not in store.posting_ids(engine=engine)
    assert report.kept == ()


def test_an_old_word_file_beside_its_new_one_is_only_reported(folder: Path, engine: Engine) -> None:
    (folder / f"{TACOMA}.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    report = ingest_folder(folder, engine=engine)
    assert report.errors == (f"{TACOMA}.doc: old Word (.doc) files are not read: save it as .docx or PDF",)
    assert _ids(report) == ALL_IDS
    assert report.kept == ()


def _scanned(printer: PdfPrinter, fresno_pdf: bytes) -> bytes:
    return printer.scanned(as_text(FRESNO_PAYROLL))


BAD_FILES: list[tuple[str, Callable[[PdfPrinter, bytes], bytes], str]] = [
    ("empty", lambda printer, pdf: b"", "the file is empty"),
    (
        "encrypted",
        lambda printer, pdf: encrypted(pdf, user_password="hr-only"),
        "the PDF is encrypted (password-protected): save an unprotected copy",
    ),
    ("corrupt", lambda printer, pdf: pdf[: len(pdf) // 2], "the PDF is damaged and cannot be read"),
    ("scanned", _scanned, "no text layer (scanned pages or images): OCR it first"),
    (
        "a Word file named .pdf",
        lambda printer, pdf: word_document(TACOMA_CLERK),
        "the file name says a PDF document (.pdf) but this is a Word document",
    ),
]


@pytest.mark.parametrize(("case", "make", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_a_bad_pdf_changes_nothing_for_its_posting_and_the_rest_is_ingested(
    folder: Path,
    engine: Engine,
    printer: PdfPrinter,
    fresno_pdf: bytes,
    case: str,
    make: Callable[..., bytes],
    reason: str,
) -> None:
    ingest_folder(folder, engine=engine)
    before = next(p for p in store.load_postings(engine=engine) if p.posting_id == FRESNO)
    (folder / f"{FRESNO}.pdf").write_bytes(make(printer, fresno_pdf))
    (folder / "glendale-new-posting.txt").write_text("Analyst\nCompany: City of Glendale\n", encoding="utf-8")
    report = ingest_folder(folder, engine=engine)
    assert report.errors == (f"{FRESNO}.pdf: {reason} (its earlier version stays in the knowledge base)",)
    assert report.kept == (FRESNO,)
    assert FRESNO not in _ids(report)
    assert "glendale-new-posting" in _ids(report)
    stored = {p.posting_id: p for p in store.load_postings(engine=engine)}
    assert stored[FRESNO] == before
    assert len(stored) == 6


def test_a_page_with_no_posting_is_reported_and_skipped(folder: Path, engine: Engine) -> None:
    (folder / "careers-home.html").write_bytes(
        b"<html><body><nav><a href='/'>Home</a> <a href='/login'>Sign in</a></nav>"
        b"<main><h1>Welcome to our careers site</h1></main><footer>City of Example</footer></body></html>"
    )
    report = ingest_folder(folder, engine=engine)
    assert report.errors == (
        "careers-home.html: no posting in this page: without the site's navigation it has only 5 words of text",
    )
    assert _ids(report) == ALL_IDS


def test_the_size_cap_comes_from_the_settings(folder: Path, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    with (folder / "enormous.pdf").open("wb") as handle:
        handle.truncate(200 * 1000 * 1000)  # sparse: nothing is written to disk
    monkeypatch.setenv("HELPBOT_MAX_POSTING_BYTES", str(5 * 1000 * 1000))
    reset_settings()
    try:
        report = ingest_folder(folder, engine=engine)
    finally:
        reset_settings()
    assert report.errors == (
        "enormous.pdf: the file is 200.0 MB, more than the 5.0 MB a posting file may be (HELPBOT_MAX_POSTING_BYTES)",
    )
    assert _ids(report) == ALL_IDS
