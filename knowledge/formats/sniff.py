"""What a file really is, from its first bytes, whatever its name claims."""

from __future__ import annotations

import io
import re
import zipfile

PDF = "pdf"
DOCX = "docx"
HTML = "html"
TEXT = "text"

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (.doc) or a password-protected Word file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
_KINDS = {PDF: "a PDF document", DOCX: "a Word document", HTML: "an HTML page", TEXT: "a text file"}


def sniff(data: bytes) -> tuple[str | None, str]:
    """(kind, description): kind is one of PDF, DOCX, HTML, TEXT, or None for anything else."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.lstrip(b"\x00\t\n\r\f ").startswith(b"%PDF-") or b"%PDF-" in data[:1024]:
        return PDF, _KINDS[PDF]
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for signature, description in _SIGNATURES:
        if head.startswith(signature):
            return None, description
    if _HTML_START.match(head):
        return HTML, _KINDS[HTML]
    if b"\x00" in head:
        return None, "a binary file"
    return TEXT, _KINDS[TEXT]


def describe(kind: str) -> str:
    """`a PDF document` for PDF, and so on."""
    return _KINDS[kind]


def _zip_kind(data: bytes) -> tuple[str | None, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None, "a damaged ZIP archive"
    if "word/document.xml" in names:
        return DOCX, _KINDS[DOCX]
    if "content.xml" in names:
        return None, "an OpenDocument file (save it as .docx or PDF)"
    if any(n.startswith(("xl/", "ppt/")) for n in names):
        return None, "an Excel or PowerPoint file"
    return None, "a ZIP archive"
