"""A PDF page's characters as lines in reading order: rows of glyphs, split into columns where the
page has a gutter, the left column read before the right one, and full-width rows (a title, a
section across both columns) between them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from knowledge.sections import FIELD_KEYS

_BOLD_FONT = re.compile(r"bold|black|heavy|demi|semibold|,b$", re.IGNORECASE)
_SPACE_SHARE = 0.12  # a gap wider than this share of the font size separates two words
_TAB_SHARE = 1.5  # a gap wider than this share of the font size is a tab stop (a label and its value)
_MIN_GUTTER = 8.0  # points
_MIN_COLUMN = 0.28  # a column is at least this share of the text's width (narrower: a table's labels)


@dataclass(frozen=True)
class Glyph:
    """One visible character with its box, size and weight."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(frozen=True)
class Line:
    """A line of text in one column (or across the page), with what its layout says about it."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    first_word_width: float
    right_edge: float  # where lines of its column end when they are full
    justified: bool  # whether its column's full lines are stretched to `right_edge`
    page: int
    column: int  # -1 for a full-width line
    marker: bool = False  # a bullet drawn as a shape just left of it


def glyphs_of(chars: Iterable[dict[str, Any]]) -> list[Glyph]:
    """The visible, upright characters of a page (pdfplumber `page.chars`)."""
    glyphs: list[Glyph] = []
    for char in chars:
        text = str(char.get("text", ""))
        if not text.strip() or not char.get("upright", True):
            continue
        glyphs.append(
            Glyph(
                text=text,
                x0=float(char["x0"]),
                x1=float(char["x1"]),
                top=float(char["top"]),
                bottom=float(char["bottom"]),
                size=float(char.get("size") or (char["bottom"] - char["top"])),
                bold=bool(_BOLD_FONT.search(str(char.get("fontname", "")))),
            )
        )
    return glyphs


def rows_of(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs grouped into rows sharing a baseline band, top to bottom, each sorted left to right."""
    rows: list[list[Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.middle, g.x0)):
        row = rows[-1] if rows else None
        if row is not None and abs(glyph.middle - median(g.middle for g in row[-8:])) < 0.45 * glyph.size:
            row.append(glyph)
        else:
            rows.append([glyph])
    return [sorted(row, key=lambda g: g.x0) for row in rows]


def row_text(row: Sequence[Glyph]) -> str:
    """The plain text of a row (for comparing rows across pages)."""
    return _text_of(row)[0]


def page_lines(
    rows: Sequence[Sequence[Glyph]], page: int, shapes: Sequence[tuple[float, float, float, float]], right: float
) -> list[Line]:
    """A page's lines in reading order: columns found from the gutters between them. `right` is where
    the document's longest lines end."""
    gutters = _gutters(rows)
    edges = _column_edges(rows, gutters, right)
    lines: list[Line] = []
    band: dict[int, list[list[Glyph]]] = {}

    def flush_band() -> None:
        for column in sorted(band):
            lines.extend(_lines(band[column], page, column, shapes, edges[column]))
        band.clear()

    for row in rows:
        pieces = _split(row, gutters)
        if pieces is None:  # the row crosses a gutter: a full-width line between column bands
            flush_band()
            lines.extend(_lines([list(row)], page, -1, shapes, right))
            continue
        for column, piece in pieces.items():
            band.setdefault(column, []).append(piece)
    flush_band()
    return lines


def _column_edges(rows: Sequence[Sequence[Glyph]], gutters: Sequence[tuple[float, float]], right: float) -> list[float]:
    """Where each column's full lines end (`right` for the last column): the x at which most of its
    lines end when its text is justified, else its rightmost glyph."""
    columned = [row for row in rows if _split(row, gutters) is not None]
    edges: list[float] = []
    previous_end = float("-inf")
    for start, end in gutters:
        ends = [max(xs) for row in columned if (xs := [g.x1 for g in row if g.x0 >= previous_end and g.x1 <= start])]
        edges.append(_common_end(ends) if ends else start)
        previous_end = end
    return [*edges, right]


def _common_end(ends: Sequence[float]) -> float:
    farthest = max(ends)
    counts = Counter(round(end) for end in ends if end >= farthest - 0.1 * farthest)
    value, count = counts.most_common(1)[0]
    return max(e for e in ends if round(e) == value) if count >= 3 else farthest


def _covered(row: Sequence[Glyph]) -> list[tuple[float, float]]:
    """The x-intervals a row's words cover (gaps under a word space filled in)."""
    spans: list[tuple[float, float]] = []
    for glyph in row:
        if spans and glyph.x0 - spans[-1][1] < 0.8 * glyph.size:
            spans[-1] = (spans[-1][0], max(spans[-1][1], glyph.x1))
        else:
            spans.append((glyph.x0, glyph.x1))
    return spans


def _gutters(rows: Sequence[Sequence[Glyph]]) -> list[tuple[float, float]]:
    """Vertical strips between columns: wide, crossed by almost no row, with text on both sides."""
    if len(rows) < 4:
        return []
    left = min(row[0].x0 for row in rows)
    right = max(row[-1].x1 for row in rows)
    width = int(right - left) + 1
    counts = [0] * width
    for row in rows:
        for x0, x1 in _covered(row):
            for x in range(int(x0 - left), min(int(x1 - left) + 1, width)):
                counts[x] += 1
    allowed = max(2, len(rows) // 5)  # titles, headers and headings may run across
    gutters: list[tuple[float, float]] = []
    for start, end in _runs([count <= allowed for count in counts]):
        lowest = min(counts[start:end])  # the clearest strip of the run
        for low_start, low_end in _runs([count == lowest for count in counts[start:end]]):
            narrow_sides = start + low_start < _MIN_COLUMN * width or start + low_end > (1 - _MIN_COLUMN) * width
            if low_end - low_start >= _MIN_GUTTER and not narrow_sides:
                gutters.append((left + start + low_start, left + start + low_end))
    return [g for g in gutters if _text_on_both_sides(rows, g)]


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The [start, end) ranges where `flags` holds."""
    runs: list[tuple[int, int]] = []
    start: int | None = None
    for i, flag in enumerate([*flags, False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            runs.append((start, i))
            start = None
    return runs


def _text_on_both_sides(rows: Sequence[Sequence[Glyph]], gutter: tuple[float, float]) -> bool:
    """Columns, not ragged lines: rows that keep clear of the gutter have text on both of its sides."""
    clear = [row for row in rows if not any(x0 < gutter[1] and x1 > gutter[0] for x0, x1 in _covered(row))]
    before = sum(1 for row in clear if any(g.x1 <= gutter[0] for g in row))
    after = sum(1 for row in clear if any(g.x0 >= gutter[1] for g in row))
    return before >= 2 and after >= 2


def _split(row: Sequence[Glyph], gutters: Sequence[tuple[float, float]]) -> dict[int, list[Glyph]] | None:
    """The row's pieces by column, or None when one of its words runs across a gutter."""
    for x0, x1 in _covered(row):
        if any(x0 < g_end and x1 > g_start for g_start, g_end in gutters):
            return None
    pieces: dict[int, list[Glyph]] = {}
    for glyph in row:
        column = sum(1 for g_start, _ in gutters if glyph.x0 >= g_start)
        pieces.setdefault(column, []).append(glyph)
    return pieces


def _lines(
    rows: Sequence[Sequence[Glyph]],
    page: int,
    column: int,
    shapes: Sequence[tuple[float, float, float, float]],
    right_edge: float,
) -> list[Line]:
    justified = _is_justified(rows, right_edge)
    lines: list[Line] = []
    for row in rows:
        text, first_word_width = _text_of(row)
        size = median(g.size for g in row)
        x0, top, bottom = row[0].x0, min(g.top for g in row), max(g.bottom for g in row)
        lines.append(
            Line(
                text=text,
                x0=x0,
                x1=row[-1].x1,
                top=top,
                bottom=bottom,
                size=size,
                bold=all(g.bold for g in row if g.text.isalnum()) and any(g.text.isalnum() for g in row),
                first_word_width=first_word_width,
                right_edge=right_edge,
                justified=justified,
                page=page,
                column=column,
                marker=_has_marker(x0, top, bottom, size, shapes),
            )
        )
    return lines


def _is_justified(rows: Sequence[Sequence[Glyph]], right_edge: float) -> bool:
    """Most of the column's long lines end exactly at its right edge."""
    left = min(row[0].x0 for row in rows)
    long = [row for row in rows if row[-1].x1 - row[0].x0 > 0.6 * (right_edge - left)]
    at_edge = sum(1 for row in long if row[-1].x1 >= right_edge - 1.0)
    return len(long) >= 3 and at_edge >= 0.7 * len(long)


def _text_of(row: Sequence[Glyph]) -> tuple[str, float]:
    """A row's text (spaces from the gaps between glyphs, `: ` at a tab after a field label) and the
    width of its first word."""
    parts: list[str] = []
    first_word_end: float | None = None
    previous: Glyph | None = None
    for glyph in row:
        if previous is not None:
            if glyph.text == previous.text and abs(glyph.x0 - previous.x0) < 0.1 * glyph.size:
                continue  # the same glyph printed twice (a faked bold)
            gap = glyph.x0 - previous.x1
            label = "".join(parts).strip().rstrip(":").lower() in FIELD_KEYS
            if gap > _SPACE_SHARE * glyph.size:
                if first_word_end is None:
                    first_word_end = previous.x1
                parts.append(": " if gap > _TAB_SHARE * glyph.size and label and parts[-1] != ":" else " ")
            elif label and parts[-1] == ":":
                parts.append(" ")  # `Job Number:` and a tab stop just after it
        parts.append(glyph.text)
        previous = glyph
    end = first_word_end if first_word_end is not None else row[-1].x1
    return "".join(parts), end - row[0].x0


def _has_marker(
    x0: float, top: float, bottom: float, size: float, shapes: Sequence[tuple[float, float, float, float]]
) -> bool:
    """A small drawn shape (a list bullet) just left of the line's start, level with its text."""
    for s_x0, s_top, s_x1, s_bottom in shapes:
        small = 0.5 <= s_x1 - s_x0 <= 0.8 * size and 0.5 <= s_bottom - s_top <= 0.8 * size
        level = top <= (s_top + s_bottom) / 2 <= bottom
        if small and level and 0 <= x0 - s_x1 <= 2.5 * size:
            return True
    return False
