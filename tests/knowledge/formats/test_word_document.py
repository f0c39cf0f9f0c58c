"""knowledge.formats.word_document: Word files written with python-docx."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest

from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.word_document import read_docx
from tests.knowledge.formats.documents import as_text, word_document
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK

LIMIT = 250 * 1024 * 1024


def _read(data: bytes) -> str:
    return read_docx(data, max_unpacked_bytes=LIMIT).text


@pytest.mark.parametrize("facts", ["paragraphs", "tabs", "table"])
def test_headings_lists_fields_and_paragraphs(facts: str) -> None:
    assert _read(word_document(FRESNO_PAYROLL, facts=facts)) == as_text(FRESNO_PAYROLL)


def test_bold_lines_are_headings_and_numbered_lists_keep_numbers() -> None:
    text = _read(word_document(TACOMA_CLERK, bold_headings=True))
    assert text == as_text(TACOMA_CLERK)
    assert "1. Graduation from high school" in text and "2. One year of customer service" in text


def test_page_header_and_footer_are_left_out() -> None:
    text = _read(word_document(SONOMA_ELIGIBILITY))
    assert "Human Resources ·" not in text and "Equal Opportunity" not in text


def test_a_heading_in_sentence_case_stays_a_heading() -> None:
    document = docx.Document()
    document.add_heading("Tree Trimmer", level=0)
    document.add_paragraph("Company: City of Arcata")
    document.add_heading("Where you will work", level=1)
    document.add_paragraph("Crews work in the city's parks, along its streets and in the community forest.")
    out = io.BytesIO()
    document.save(out)
    assert _read(out.getvalue()) == (
        "Tree Trimmer\nCompany: City of Arcata\nWHERE YOU WILL WORK\n"
        "Crews work in the city's parks, along its streets and in the community forest.\n"
    )


def test_a_damaged_word_file_is_refused() -> None:
    data = word_document(TACOMA_CLERK)
    with pytest.raises(UnreadablePosting, match="damaged"):
        read_docx(data[: len(data) // 2], max_unpacked_bytes=LIMIT)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            content = source.read(item)
            target.writestr(item, b"<w:document>not closed" if item.filename == "word/document.xml" else content)
    with pytest.raises(UnreadablePosting, match="damaged"):
        read_docx(broken.getvalue(), max_unpacked_bytes=LIMIT)


def test_a_word_file_that_unpacks_to_far_too_much_is_refused() -> None:
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(word_document(TACOMA_CLERK))) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("word/media/padding.bin", bytes(30 * 1024 * 1024))
    assert len(bomb.getvalue()) < 1024 * 1024
    with pytest.raises(UnreadablePosting, match=r"unpacks to 3\d MB, more than a posting can be"):
        read_docx(bomb.getvalue(), max_unpacked_bytes=10 * 1024 * 1024)
