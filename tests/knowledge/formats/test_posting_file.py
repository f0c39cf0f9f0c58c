"""knowledge.formats.posting_file: the format from the name, checked against the content; size cap."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.formats import read_posting_bytes, read_posting_path
from knowledge.formats.errors import UnreadablePosting
from tests.knowledge.formats.documents import PdfPrinter, as_text, job_board_page, word_document
from tests.knowledge.formats.postings import TACOMA_CLERK

LIMIT = 25 * 1024 * 1024


@pytest.fixture(scope="module")
def files(printer: PdfPrinter) -> dict[str, bytes]:
    return {
        "pdf": printer.bulletin(TACOMA_CLERK),
        "html": job_board_page(TACOMA_CLERK),
        "docx": word_document(TACOMA_CLERK),
        "txt": as_text(TACOMA_CLERK).encode(),
    }


@pytest.mark.parametrize(("name", "described"), [("a.pdf", "PDF, 1 page"), ("a.html", "HTML page"),
                                                 ("a.HTM", "HTML page"), ("a.docx", "Word document"),
                                                 ("a.txt", "text file")])  # fmt: skip
def test_each_format_is_read_by_its_name(files: dict[str, bytes], name: str, described: str) -> None:
    kind = {"htm": "html"}.get(name.rsplit(".", 1)[1].lower(), name.rsplit(".", 1)[1].lower())
    source = read_posting_bytes(name, files[kind], max_bytes=LIMIT)
    assert source.describe() == described
    assert "Customer Service Clerk" in source.text


@pytest.mark.parametrize(
    ("name", "actual", "reason"),
    [
        ("posting.pdf", "docx", r"the file name says a PDF document \(\.pdf\) but this is a Word document"),
        ("posting.docx", "pdf", r"says a Word document \(\.docx\) but this is a PDF document"),
        ("posting.txt", "html", r"says a text file \(\.txt\) but this is an HTML page"),
        ("posting.txt", "pdf", r"says a text file \(\.txt\) but this is a PDF document"),
        ("posting.html", "pdf", r"says an HTML page \(\.html\) but this is a PDF document"),
        ("posting.pdf", "txt", r"says a PDF document \(\.pdf\) but this is a text file"),
        ("posting.html", "txt", r"says an HTML page \(\.html\) but this is a text file"),
    ],
)
def test_a_file_that_is_not_what_its_name_says_is_refused(
    files: dict[str, bytes], name: str, actual: str, reason: str
) -> None:
    with pytest.raises(UnreadablePosting, match=reason):
        read_posting_bytes(name, files[actual], max_bytes=LIMIT)


def test_images_and_other_documents_are_named_for_what_they_are() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    with pytest.raises(UnreadablePosting, match="but this is a PNG image"):
        read_posting_bytes("scan.pdf", png, max_bytes=LIMIT)
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200)
    with pytest.raises(UnreadablePosting, match=r"old-style Office file \(\.doc\) or a password-protected Word"):
        read_posting_bytes("posting.docx", ole, max_bytes=LIMIT)
    with pytest.raises(UnreadablePosting, match=r"old Word \(\.doc\) files are not read"):
        read_posting_bytes("posting.doc", ole, max_bytes=LIMIT)


@pytest.mark.parametrize("name", ["empty.pdf", "empty.html", "empty.docx", "empty.txt"])
def test_an_empty_file_is_refused(name: str) -> None:
    with pytest.raises(UnreadablePosting, match="the file is empty"):
        read_posting_bytes(name, b"", max_bytes=LIMIT)


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as handle:  # a sparse file: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1000 * 1000)
    with pytest.raises(UnreadablePosting, match=r"the file is 200\.0 MB, more than the 25\.0 MB a posting file may be"):
        read_posting_path(path, max_bytes=25 * 1000 * 1000)


def test_an_unknown_extension_is_refused() -> None:
    with pytest.raises(
        UnreadablePosting, match=r"not a posting file: helpbot reads \.txt, \.pdf, \.html, \.htm, \.docx"
    ):
        read_posting_bytes("posting.md", b"# Clerk", max_bytes=LIMIT)
