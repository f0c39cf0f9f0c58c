"""One posting file, whatever its format, as posting text: the format is taken from the file name and
checked against the content, the size is capped, and the matching reader does the rest."""

from __future__ import annotations

import re
from pathlib import Path

from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.html_page import read_html
from knowledge.formats.pdf_document import read_pdf
from knowledge.formats.plain_text import decode_text
from knowledge.formats.sniff import DOCX, HTML, PDF, TEXT, describe, sniff
from knowledge.formats.source import PostingSource
from knowledge.formats.word_document import read_docx

ACCEPTED_SUFFIXES: dict[str, str] = {".txt": TEXT, ".pdf": PDF, ".html": HTML, ".htm": HTML, ".docx": DOCX}
# Document formats people may drop in by mistake: reported, with what to do, instead of ignored.
REFUSED_SUFFIXES: dict[str, str] = {
    ".doc": "old Word (.doc) files are not read: save it as .docx or PDF",
    ".rtf": "RTF files are not read: save it as .docx or PDF",
    ".odt": "OpenDocument files are not read: save it as .docx or PDF",
}
_UNPACKED_SHARE = 10  # a .docx may unpack to ten times the largest file a posting may be
_HTML_TAG = re.compile(rb"<(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")


def is_posting_file(path: Path) -> bool:
    """Whether `path` is named as a posting file ingest reads (or reports as refused)."""
    suffix = path.suffix.lower()
    return (
        path.is_file() and not path.name.startswith(".") and (suffix in ACCEPTED_SUFFIXES or suffix in REFUSED_SUFFIXES)
    )


def read_posting_path(path: Path, *, max_bytes: int) -> PostingSource:
    """Read a posting file; its size is checked before anything is read. OSError when it cannot be read."""
    size = path.stat().st_size
    _check_size(size, max_bytes)
    return read_posting_bytes(path.name, path.read_bytes(), max_bytes=max_bytes)


def read_posting_bytes(name: str, data: bytes, *, max_bytes: int) -> PostingSource:
    """The posting text of a file named `name` holding `data` (an upload, or a file read from disk)."""
    suffix = Path(name).suffix.lower()
    if suffix in REFUSED_SUFFIXES:
        raise UnreadablePosting(REFUSED_SUFFIXES[suffix])
    claimed = ACCEPTED_SUFFIXES.get(suffix)
    if claimed is None:
        accepted = ", ".join(ACCEPTED_SUFFIXES)
        raise UnreadablePosting(f"not a posting file: helpbot reads {accepted}")
    _check_size(len(data), max_bytes)
    if not data.strip():
        raise UnreadablePosting("the file is empty")
    kind = _actual_kind(claimed, suffix, data)
    if kind == PDF:
        return read_pdf(data)
    if kind == HTML:
        return read_html(data)
    if kind == DOCX:
        return read_docx(data, max_unpacked_bytes=_UNPACKED_SHARE * max_bytes)
    return PostingSource(text=decode_text(data), format_name="text")


def _check_size(size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise UnreadablePosting(
            f"the file is {_megabytes(size)}, more than the {_megabytes(max_bytes)} a posting file may be "
            "(HELPBOT_MAX_POSTING_BYTES)"
        )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size:,} bytes"


def _actual_kind(claimed: str, suffix: str, data: bytes) -> str:
    """The claimed kind when the content agrees; UnreadablePosting naming what the file really is."""
    kind, description = sniff(data)
    if kind == claimed:
        return kind
    if claimed == HTML and kind == TEXT and _HTML_TAG.search(data[:65536]):
        return HTML  # a page without <html> or a doctype, still markup
    if claimed == TEXT and kind is None:
        detail = "" if description == "a binary file" else f" ({description})"
        raise UnreadablePosting(f"this is a binary file{detail}, not posting text")
    raise UnreadablePosting(f"the file name says {describe(claimed)} ({suffix}) but this is {description}")
