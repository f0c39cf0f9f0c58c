"""Word (.docx) postings: headings (heading styles, or a short all-bold line), lists, paragraphs and
tables (a two-column table is a facts box), in document order. Page headers and footers repeat on
every page and are not part of the posting, so they are left out.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document
from docx.table import Table, _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph

from knowledge.formats.blocks import FIELD, HEADING, ITEM, PARAGRAPH, Block, clean_inline, render
from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.source import PostingSource
from knowledge.sections import FIELD_KEYS

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ORDERED_FORMATS = frozenset({"decimal", "decimalZero", "upperLetter", "lowerLetter", "upperRoman", "lowerRoman"})


def read_docx(data: bytes, *, max_unpacked_bytes: int) -> PostingSource:
    """The posting text of a .docx file; UnreadablePosting when it is damaged or far too large unpacked."""
    _check_archive(data, max_unpacked_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = list(_blocks(document, _Numbering(document)))
    except UnreadablePosting:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds of error on a damaged file
        raise UnreadablePosting("the Word file is damaged and cannot be read") from exc
    return PostingSource(text=render(blocks), format_name="Word")


def _check_archive(data: bytes, limit: int) -> None:
    """A .docx is a ZIP archive: refuse one that would unpack to more than `limit` bytes."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise UnreadablePosting("the Word file is damaged and cannot be read") from exc
    if unpacked > limit:
        raise UnreadablePosting(f"the Word file unpacks to {unpacked / 1e6:.0f} MB, more than a posting can be")


class _Numbering:
    """Whether a list paragraph is numbered, and its number, from the document's numbering definitions."""

    def __init__(self, document: Document) -> None:
        self._formats: dict[tuple[str, str], str] = {}
        self._counters: dict[tuple[str, str], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in numbering.iter(f"{_W}abstractNum")}
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val")) if ref is not None else None
            for level in definition.iter(f"{_W}lvl") if definition is not None else ():
                fmt = level.find(f"{_W}numFmt")
                self._formats[(num.get(f"{_W}numId") or "", level.get(f"{_W}ilvl") or "0")] = (
                    fmt.get(f"{_W}val") or "" if fmt is not None else ""
                )

    def marker(self, paragraph: Paragraph) -> str | None:
        """`-` for a bullet item, `1.` for a numbered one, None when the paragraph is no list item."""
        num_id, level = _list_properties(paragraph)
        style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
        if num_id is None:
            if not style.startswith("list"):
                return None
            return self._count(("style", style)) if "number" in style else "-"
        if num_id == "0":
            return None
        if self._formats.get((num_id, level), "") in _ORDERED_FORMATS or "number" in style:
            return self._count((num_id, level))
        return "-"

    def _count(self, key: tuple[str, str]) -> str:
        self._counters[key] = self._counters.get(key, 0) + 1
        return f"{self._counters[key]}."


def _list_properties(paragraph: Paragraph) -> tuple[str | None, str]:
    for holder in (paragraph._p.pPr, paragraph.style.element.pPr if paragraph.style is not None else None):
        num_pr = holder.find(f"{_W}numPr") if holder is not None else None
        if num_pr is not None:
            num_id, level = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
            return (
                num_id.get(f"{_W}val") if num_id is not None else None,
                level.get(f"{_W}val") or "0" if level is not None else "0",
            )
    return None, "0"


def _blocks(container: Document | _Cell, numbering: _Numbering) -> Iterator[Block]:
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            block = _paragraph_block(item, numbering)
            if block:
                yield block
        elif isinstance(item, Table):
            yield from _table_blocks(item, numbering)


def _paragraph_block(paragraph: Paragraph, numbering: _Numbering) -> Block | None:
    text = _paragraph_text(paragraph)
    if not text.strip():
        return None
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if style == "title" or style.startswith("heading"):
        return Block(HEADING, text)
    marker = numbering.marker(paragraph)
    if marker:
        return Block(ITEM, text, label=marker)
    label, tab, value = text.partition("\t")
    if tab and value.strip() and label.strip().rstrip(":").lower() in FIELD_KEYS:
        return Block(FIELD, value, label=label)
    if "\n" not in text.strip() and len(clean_inline(text)) <= 90 and _all_bold(paragraph):
        return Block(HEADING, text)
    return Block(PARAGRAPH, text)


def _paragraph_text(paragraph: Paragraph) -> str:
    """The paragraph's text, with a link's address added when its text does not show it."""
    parts: list[str] = []
    for item in paragraph.iter_inner_content():
        if isinstance(item, Hyperlink):
            text, address = item.text, (item.url or "").strip()
            bare = re.sub(r"^(?:https?://|mailto:)", "", address, flags=re.IGNORECASE)
            shown = address and bare.lower().rstrip("/") not in text.lower()
            parts.append(f"{text} ({bare if address.lower().startswith('mailto:') else address})" if shown else text)
        else:
            parts.append(item.text)
    return "".join(parts)


def _all_bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    style_bold = bool(paragraph.style is not None and paragraph.style.font.bold)
    return bool(runs) and all(
        run.bold or (run.bold is None and (style_bold or bool(run.style is not None and run.style.font.bold)))
        for run in runs
    )


def _table_blocks(table: Table, numbering: _Numbering) -> Iterator[Block]:
    for row in table.rows:
        cells: list[_Cell] = []
        for cell in row.cells:  # a merged cell comes once per grid column it spans
            if not any(cell._tc is seen._tc for seen in cells):
                cells.append(cell)
        if any(len(cell.paragraphs) > 1 or cell.tables for cell in cells):
            for cell in cells:
                yield from _blocks(cell, numbering)
            continue
        texts = [clean_inline(cell.text) for cell in cells]
        texts = [t for t in texts if t]
        if len(texts) == 2 and len(texts[0]) <= 40 and not texts[0].endswith((".", "?")):
            yield Block(FIELD, texts[1], label=texts[0])
        elif texts:
            yield Block(PARAGRAPH, " | ".join(texts))
