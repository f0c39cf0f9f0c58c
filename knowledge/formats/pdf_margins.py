"""Running headers and footers of a PDF: rows in the top or bottom margin that repeat on the pages
(page numbers counted alike), lone page numbers, and the small print above or below all of a page's
text (a one-page bulletin's header). They are not part of the posting's text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from statistics import median

from knowledge.formats.pdf_lines import Glyph, row_text

Row = list[Glyph]
_ZONE = 0.15  # the top and bottom share of a page where running headers and footers sit
_SMALL = 0.8  # print this much smaller than the body text is page furniture when it is outermost
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$", re.IGNORECASE)


def drop_running_lines(pages: Sequence[Sequence[Row]], heights: Sequence[float]) -> list[list[Row]]:
    """Each page's rows without its running header and footer rows."""
    repeated = _repeated_signatures(pages, heights)
    body = _body_size(pages)
    kept: list[list[Row]] = []
    for rows, height in zip(pages, heights, strict=True):
        rows = [
            row
            for row in rows
            if not (_in_margin(row, height) and (_signature(row) in repeated or _is_page_number(row)))
        ]
        kept.append(_without_outer_small_print(rows, height, body))
    return kept


def _body_size(pages: Sequence[Sequence[Row]]) -> float:
    sizes: Counter[float] = Counter(round(g.size * 2) / 2 for rows in pages for row in rows for g in row)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _without_outer_small_print(rows: list[Row], height: float, body: float) -> list[Row]:
    def small(row: Row) -> bool:
        return _in_margin(row, height) and median(g.size for g in row) < _SMALL * body

    start, end = 0, len(rows)
    while start < end and small(rows[start]):
        start += 1
    while end > start and small(rows[end - 1]):
        end -= 1
    return rows[start:end]


def _signature(row: Row) -> str:
    """A row's text with digits and spacing made alike (`Page 1 of 2` ~ `Page 2 of 2`)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", row_text(row))).strip().lower()


def _in_margin(row: Row, height: float) -> bool:
    top, bottom = min(g.top for g in row), max(g.bottom for g in row)
    return bottom <= _ZONE * height or top >= (1 - _ZONE) * height


def _is_page_number(row: Row) -> bool:
    return bool(_PAGE_NUMBER.match(_signature(row)))


def _repeated_signatures(pages: Sequence[Sequence[Row]], heights: Sequence[float]) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for rows, height in zip(pages, heights, strict=True):
        counts.update({_signature(row) for row in rows if _in_margin(row, height)})
    needed = max(2, (len(pages) + 1) // 2)
    return {signature for signature, count in counts.items() if count >= needed}
