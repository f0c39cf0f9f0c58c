"""knowledge.formats.pdf_document: bulletins printed by headless Chromium, read in reading order."""

from __future__ import annotations

import pytest

from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.pdf_document import read_pdf
from tests.knowledge.formats.documents import PdfPrinter, as_text, bulletin_html, encrypted
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY


@pytest.fixture(scope="module")
def fresno_pdf(printer: PdfPrinter) -> bytes:
    return printer.bulletin(FRESNO_PAYROLL)


def test_a_two_page_bulletin_reads_as_its_text(fresno_pdf: bytes) -> None:
    source = read_pdf(fresno_pdf)
    assert source.pages == 2
    assert source.describe() == "PDF, 2 pages"
    assert source.text == as_text(FRESNO_PAYROLL)


def test_running_header_and_footer_are_left_out(fresno_pdf: bytes) -> None:
    text = read_pdf(fresno_pdf).text
    assert "Job Bulletin" not in text
    assert "Equal Opportunity Employer" not in text
    assert "Page 1 of 2" not in text and "Page 2 of 2" not in text


def test_columns_are_read_left_then_right(fresno_pdf: bytes) -> None:
    lines = read_pdf(fresno_pdf).text.split("\n")
    order = [
        lines.index(h) for h in ("ABOUT THE POSITION", "JOB DUTIES", "MINIMUM REQUIREMENTS", "Experience", "BENEFITS")
    ]
    assert order == sorted(order)


def test_words_broken_at_line_ends_are_made_whole(printer: PdfPrinter) -> None:
    words = "administration " * 3 + "a full-time, twelve-month assignment; eligibility certificate " * 4
    html = bulletin_html(
        [("title", "Clerk"), ("heading", "NOTES"), *[("p", f"{words} paragraph {n} ends here.") for n in range(8)]]
    )
    pdf = printer.print(html)
    text = read_pdf(pdf).text
    assert "\u2010" in "".join(_all_chars(pdf))  # Chromium did break words at line ends
    assert "adminis" not in text.replace("administration", "")
    assert "full-time" in text and "twelve-month" in text and "eligibility certificate" in text
    assert "fullt" not in text and "twelvem" not in text


def _all_chars(pdf: bytes) -> list[str]:
    import io

    import pdfplumber

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return [c["text"] for page in document.pages for c in page.chars]


def test_bold_or_larger_lines_are_headings_even_in_sentence_case(printer: PdfPrinter) -> None:
    html = bulletin_html(
        [
            ("title", "Library Page"),
            ("field", "Company", "City of Eureka"),
            ("heading", "What you will do"),
            ("p", "Shelve returned books and help visitors find what they need."),
            ("heading", "How to get an accommodation"),
            ("p", "Call (707) 555-0100 to ask for an accommodation during the test."),
        ]
    )
    text = read_pdf(printer.print(html)).text
    assert "WHAT YOU WILL DO\nShelve returned books" in text
    assert "HOW TO GET AN ACCOMMODATION\nCall (707) 555-0100" in text
    assert text.startswith("Library Page\nCompany: City of Eureka\n")


def test_a_facts_table_becomes_label_value_lines(printer: PdfPrinter) -> None:
    html = bulletin_html(SONOMA_ELIGIBILITY.pieces[:6], facts="table")
    text = read_pdf(printer.print(html)).text
    assert "Salary: $26.11 - $31.74 Hourly" in text
    assert "Job Number: 2026-0042" in text


def test_list_bullets_drawn_as_shapes_are_list_items(fresno_pdf: bytes) -> None:
    text = read_pdf(fresno_pdf).text
    assert "- Calculating retroactive pay, overtime, differentials and leave balances." in text


def test_a_password_protected_pdf_is_refused(fresno_pdf: bytes) -> None:
    with pytest.raises(UnreadablePosting, match=r"encrypted \(password-protected\)"):
        read_pdf(encrypted(fresno_pdf, user_password="s3cret"))


def test_a_pdf_locked_only_against_editing_is_read(fresno_pdf: bytes) -> None:
    assert read_pdf(encrypted(fresno_pdf, user_password="")).text == as_text(FRESNO_PAYROLL)


@pytest.mark.parametrize(
    "damage",
    [
        lambda pdf: pdf[: len(pdf) // 3],
        lambda pdf: pdf[:20] + bytes(range(256)) * 40,
        lambda pdf: b"%PDF-1.7\n" + b"this is not a PDF body at all\n" * 50,
    ],
    ids=["truncated", "garbage", "no-objects"],
)
def test_a_damaged_pdf_is_refused(fresno_pdf: bytes, damage: object) -> None:
    with pytest.raises(UnreadablePosting, match="damaged"):
        read_pdf(damage(fresno_pdf))  # type: ignore[operator]


def test_a_scanned_pdf_has_no_text_layer(printer: PdfPrinter) -> None:
    scanned = printer.scanned(as_text(FRESNO_PAYROLL))
    with pytest.raises(UnreadablePosting, match=r"no text layer \(scanned pages or images\): OCR it first"):
        read_pdf(scanned)


def test_a_blank_pdf_has_no_text(printer: PdfPrinter) -> None:
    with pytest.raises(UnreadablePosting, match="no text layer"):
        read_pdf(printer.print("<html><body></body></html>"))


def test_a_one_page_bulletin_s_header_and_footer_in_body_type_are_left_out(printer: PdfPrinter) -> None:
    pdf = printer.print(
        bulletin_html(SONOMA_ELIGIBILITY.pieces[:12]),
        header="Human Services Department · Recruitment 2026-0042",
        footer="County of Sonoma",
        furniture_size="14px",  # the body type's size: only the place on the page tells
    )
    source = read_pdf(pdf)
    assert source.pages == 1
    assert source.text.startswith("County of Sonoma\nCounty of Sonoma is hiring")
    assert "Recruitment 2026-0042" not in source.text and "Page 1 of 1" not in source.text


def test_a_tab_stop_just_after_a_field_label_still_separates_the_value(printer: PdfPrinter) -> None:
    html = (
        "<html><body style='font-size:11pt'><h1>Clerk</h1><p>Company: City of Tulare</p>"
        "<p><span>Job Number:</span><span style='margin-left:0.5pt'>2026-0042</span></p>"
        "<p>Closing time: 11:59 PM on the last day.</p></body></html>"
    )
    text = read_pdf(printer.print(html)).text
    assert "Job Number: 2026-0042" in text
    assert "11:59 PM" in text


def test_text_at_the_top_of_a_page_with_narrow_margins_is_kept(printer: PdfPrinter) -> None:
    filler = "".join(f"<p>Paragraph {n} of the first page, about the work of the library.</p>" for n in range(3))
    html = (
        "<html><body style='font-size:11pt'><h1>Library Page</h1><p>Company: City of Eureka</p>"
        f"<h2>DUTIES</h2>{filler}<ul style='break-before: page'><li>Shelves returned books.</li>"
        "<li>Reads shelves for order.</li></ul><h2 style='margin-top:48px'>SELECTION PROCESS</h2>"
        "<p>Candidates will be interviewed by a panel.</p></body></html>"
    )
    source = read_pdf(printer.print(html, margin="0.3in"))
    assert source.pages == 2
    assert "- Shelves returned books.\n- Reads shelves for order.\nSELECTION PROCESS" in source.text
