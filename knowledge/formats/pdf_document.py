"""PDF bulletins: the text layer read with pdfplumber in reading order (columns, running headers
and footers left out, wrapped lines and hyphenated words joined), headings from the layout."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from knowledge.formats.blocks import render
from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.pdf_lines import Glyph, Line, glyphs_of, page_lines, rows_of
from knowledge.formats.pdf_margins import drop_running_lines
from knowledge.formats.pdf_paragraphs import pdf_blocks
from knowledge.formats.source import PostingSource

MAX_PAGES = 60
_MIN_LETTERS = 20


def read_pdf(data: bytes) -> PostingSource:
    """The posting text of a PDF; UnreadablePosting when it is encrypted, damaged or has no text layer."""
    with _quiet_pdfminer():
        try:
            pages, heights, shapes, images = _read_pages(data)
        except UnreadablePosting:
            raise
        except Exception as exc:  # pdfminer raises many kinds of error on a damaged file
            if _needs_password(exc):
                raise UnreadablePosting("the PDF is encrypted (password-protected): save an unprotected copy") from exc
            raise UnreadablePosting("the PDF is damaged and cannot be read") from exc
    letters = sum(1 for rows in pages for row in rows for g in row if g.text.isalpha())
    if letters < _MIN_LETTERS:
        what = "scanned pages or images" if images else "no text"
        raise UnreadablePosting(f"no text layer ({what}): OCR it first")
    kept = drop_running_lines(pages, heights)
    right = max((row[-1].x1 for rows in kept for row in rows), default=0.0)
    lines: list[Line] = []
    for number, (rows, page_shapes) in enumerate(zip(kept, shapes, strict=True), start=1):
        if rows:
            lines.extend(page_lines(rows, number, page_shapes, right))
    return PostingSource(text=render(pdf_blocks(lines)), format_name="PDF", pages=len(pages))


Shape = tuple[float, float, float, float]


def _needs_password(exc: BaseException) -> bool:
    """Whether the error (or the pdfminer error pdfplumber wraps in it) is about encryption."""
    causes = [exc, *exc.args, exc.__cause__, exc.__context__]
    return any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes)


def _read_pages(data: bytes) -> tuple[list[list[list[Glyph]]], list[float], list[list[Shape]], int]:
    pages: list[list[list[Glyph]]] = []
    heights: list[float] = []
    shapes: list[list[Shape]] = []
    images = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        if len(pdf.pages) > MAX_PAGES:
            raise UnreadablePosting(f"the PDF has {len(pdf.pages)} pages, more than one posting ({MAX_PAGES} at most)")
        if not pdf.pages:
            raise UnreadablePosting("the PDF has no pages")
        for page in pdf.pages:
            pages.append(rows_of(glyphs_of(page.chars)))
            heights.append(float(page.height))
            shapes.append([_box(s) for s in (*page.curves, *page.rects)])
            images += len(page.images)
            page.flush_cache()
    return pages, heights, shapes, images


def _box(shape: dict[str, Any]) -> Shape:
    return float(shape["x0"]), float(shape["top"]), float(shape["x1"]), float(shape["bottom"])


@contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """pdfminer logs warnings about harmless oddities of a file; the ingest report says what matters."""
    logger = logging.getLogger("pdfminer")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)
