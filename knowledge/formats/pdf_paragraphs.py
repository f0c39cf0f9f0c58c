"""A PDF's lines as posting blocks: lines wrapped mid-sentence joined into their paragraph (across a
column or page break too, and a word hyphenated at the line end made whole), list items from their
bullets or numbers, and headings from the layout: bold or larger than the body text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.formats.blocks import HEADING, ITEM, PARAGRAPH, Block, strip_bullet
from knowledge.formats.hyphenation import DISCRETIONARY, Vocabulary
from knowledge.formats.pdf_lines import Line

_BULLET_START = re.compile(r"^(?:[-–•●○◦▪▫■□►▸‣⁃∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc]\s|[•●○◦▪■►▸\uf0b7\uf0a7](?=\S))")
_ENUMERATOR = re.compile(r"^(\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?=\S)")
_HEADING_SIZE = 1.15  # a line this much larger than the body text is a heading
_HYPHENS = ("-", *DISCRETIONARY)


@dataclass
class _Draft:
    lines: list[Line]
    text: str
    heading_style: bool
    item: bool
    label: str = ""

    def block(self) -> Block:
        if self.item:
            return Block(ITEM, self.text, label=self.label)
        looks_like_heading = len(self.text) <= 90 and not self.text.rstrip().endswith((".", ",", ";"))
        return Block(HEADING if self.heading_style and looks_like_heading else PARAGRAPH, self.text)


def pdf_blocks(lines: Sequence[Line]) -> list[Block]:
    """The blocks of a PDF's lines, given in reading order."""
    body = _body_size(lines)
    vocabulary = Vocabulary([line.text for line in lines])
    drafts: list[_Draft] = []
    for line in lines:
        draft = drafts[-1] if drafts else None
        styled = _heading_style(line, body)
        if draft is not None and _continues(draft, line, styled):
            draft.text = (
                vocabulary.join(draft.text, line.text) if draft.text.endswith(_HYPHENS) else f"{draft.text} {line.text}"
            )
            draft.lines.append(line)
            continue
        drafts.append(_start(line, styled, draft))
    return [d.block() for d in drafts]


def _body_size(lines: Sequence[Line]) -> float:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _heading_style(line: Line, body: float) -> bool:
    return line.bold or line.size >= _HEADING_SIZE * body


def _start(line: Line, styled: bool, previous: _Draft | None) -> _Draft:
    text = line.text
    if line.marker or _BULLET_START.match(text):
        return _Draft([line], strip_bullet(text), heading_style=False, item=True)
    enumerator = _ENUMERATOR.match(text)
    if enumerator and not (previous and not previous.item and _wrapped(previous.lines[-1], line)):
        return _Draft([line], text[enumerator.end() :], heading_style=False, item=True, label=enumerator.group(1))
    return _Draft([line], text, heading_style=styled, item=False)


def _continues(draft: _Draft, line: Line, styled: bool) -> bool:
    """Whether `line` goes on with the draft's paragraph, list item or heading."""
    previous = draft.lines[-1]
    if line.marker or _BULLET_START.match(line.text) or styled != draft.heading_style:
        return False
    if _ENUMERATOR.match(line.text) and not _wrapped(previous, line):
        return False
    same_column = line.page == previous.page and line.column == previous.column and line.top > previous.top
    if same_column and line.top - previous.bottom > 0.6 * max(line.size, previous.size):
        return False  # a blank line's worth of space: a new paragraph
    if _is_capitals(line.text) and previous.text.rstrip().endswith((".", "!", "?", ":")):
        return False
    return _wrapped(previous, line)


def _wrapped(previous: Line, line: Line) -> bool:
    """Whether `previous` ended only because `line`'s first word did not fit on it."""
    if previous.text.endswith(_HYPHENS) and line.text[:1].islower():
        return True
    if previous.justified:  # a stretched line was wrapped; a paragraph's last line is not stretched
        return previous.x1 >= previous.right_edge - 1.0
    space = 0.25 * line.size
    return previous.x1 + space + line.first_word_width > previous.right_edge - 0.5


def _is_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)
