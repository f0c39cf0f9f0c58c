"""Running headers and footers of a PDF. Page furniture sits at the very top or bottom of a page, set
apart from the text by more than a paragraph's spacing; of those rows, the ones that repeat on the
pages (page numbers counted alike), lone page numbers, small print, and, on a one-page document
(where nothing repeats), plain body type in the page's outermost strip are left out of the posting."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from statistics import median

from knowledge.formats.pdf_lines import Glyph, row_text

Row = list[Glyph]
_ZONE = 0.15  # the top and bottom share of a page where running headers and footers sit
_APART = 1.5  # furniture is set apart from the text by this many body-text sizes, or more
_SMALL = 0.8  # print this much smaller than the body text
_MAX_ROWS = 3  # a running header or footer is a few rows at most
_EDGE = 0.07  # the outermost strip of a page: a header or footer there, in body type, is furniture
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?#+(?:\s*(?:of|/)\s*#+)?$|^[-–—]\s*#+\s*[-–—]$", re.IGNORECASE)


def drop_running_lines(pages: Sequence[Sequence[Row]], heights: Sequence[float]) -> list[list[Row]]:
    """Each page's rows without its running header and footer rows."""
    body = _body_size(pages)
    furniture = [_furniture(rows, height, body) for rows, height in zip(pages, heights, strict=True)]
    repeated = _repeated(furniture) if len(pages) > 1 else set()
    kept: list[list[Row]] = []
    for rows, candidates, height in zip(pages, furniture, heights, strict=True):
        dropped = {
            id(row)
            for row in candidates
            if _signature(row) in repeated
            or _PAGE_NUMBER.match(_signature(row))
            or _size(row) < _SMALL * body
            or (len(pages) == 1 and _at_edge(row, height) and _size(row) <= body and not all(g.bold for g in row))
        }
        kept.append([row for row in rows if id(row) not in dropped])
    return kept


def _at_edge(row: Row, height: float) -> bool:
    """In the outer strip of the page where a word processor puts its header and footer, above or
    below any body text's margin."""
    return max(g.bottom for g in row) <= _EDGE * height or min(g.top for g in row) >= (1 - _EDGE) * height


def _body_size(pages: Sequence[Sequence[Row]]) -> float:
    sizes: Counter[float] = Counter(round(g.size * 2) / 2 for rows in pages for row in rows for g in row)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _size(row: Row) -> float:
    return median(g.size for g in row)


def _furniture(rows: Sequence[Row], height: float, body: float) -> list[Row]:
    """The few rows at the top and bottom of a page set apart from its text (candidates for furniture)."""
    top = _outer_rows(list(rows), lambda row: max(g.bottom for g in row) <= _ZONE * height, body)
    bottom = _outer_rows(list(reversed(rows)), lambda row: min(g.top for g in row) >= (1 - _ZONE) * height, body)
    unique: dict[int, Row] = {id(row): row for row in top + bottom}
    return list(unique.values())


def _outer_rows(rows: list[Row], in_zone: Callable[[Row], bool], body: float) -> list[Row]:
    """The rows before the first wide gap, counting from the page's edge inwards, when they are few and
    all in the margin zone."""
    for i, (row, following) in enumerate(itertools.pairwise(rows[: _MAX_ROWS + 1])):
        if not in_zone(row):
            return []
        if _gap(row, following) >= _APART * body:
            return rows[: i + 1]
    return []


def _gap(row: Row, following: Row) -> float:
    """The space between two rows, whichever is above."""
    if min(g.top for g in following) >= max(g.bottom for g in row):
        return min(g.top for g in following) - max(g.bottom for g in row)
    return min(g.top for g in row) - max(g.bottom for g in following)


def _signature(row: Row) -> str:
    """A row's text with digits and spacing made alike (`Page 1 of 2` ~ `Page 2 of 2`)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", row_text(row))).strip().lower()


def _repeated(furniture: Sequence[Sequence[Row]]) -> set[str]:
    counts: Counter[str] = Counter()
    for rows in furniture:
        counts.update({_signature(row) for row in rows})
    needed = max(2, (len(furniture) + 1) // 2)
    return {signature for signature, count in counts.items() if count >= needed}
