"""The one structured text every format becomes: a title line, headings, `Label: value` fields,
`- ` list items and one line per paragraph, which `knowledge.parser` reads like a `.txt` posting.

A heading the layout shows (an HTML `<h2>`, a bold PDF line, a Word heading style) must stay a
heading for the parser: it is written as it is when the parser already takes it for one, else in
capitals (the upper-case heading style), and as a paragraph when it reads like a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.sections import is_heading

TITLE = "title"
HEADING = "heading"
PARAGRAPH = "paragraph"
ITEM = "item"
FIELD = "field"

_BULLETS = "-–—•●○◦▪▫■□►▸‣⁃∙·*\uf0b7\uf0a7\uf076\uf0d8\uf0fc"
_BULLET_RE = re.compile(rf"^[{re.escape(_BULLETS)}]\s*")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)


@dataclass(frozen=True)
class Block:
    """One piece of a posting in reading order: its kind, its text, and a field's label (or an
    ordered list item's number, `1.`)."""

    kind: str
    text: str
    label: str = ""


def clean_inline(text: str) -> str:
    """One line of text: invisible characters dropped, runs of spaces made one, ends trimmed."""
    return _SPACES.sub(" ", text.translate(_INVISIBLE)).strip()


def strip_bullet(text: str) -> str:
    """`• Item` -> `Item`."""
    return _BULLET_RE.sub("", text, count=1).strip()


def render(blocks: Iterable[Block]) -> str:
    """The posting text of `blocks`, one line per block (a block's own line breaks kept)."""
    lines: list[tuple[str, str]] = []  # (kind, line)
    for block in blocks:
        lines.extend(_lines_of(block))
    lines = [(kind, line) for kind, line in lines if line]
    out: list[str] = []
    for i, (kind, line) in enumerate(lines):
        following = next((text for _, text in lines[i + 1 :]), None)
        out.append(_heading_line(line, following) if kind == HEADING and out else line)
    return "\n".join(out) + "\n" if out else ""


def _lines_of(block: Block) -> list[tuple[str, str]]:
    parts = [clean_inline(p) for p in block.text.split("\n")]
    parts = [p for p in parts if p]
    if block.kind == FIELD:
        label = clean_inline(block.label).rstrip(":").strip()
        value = " ".join(parts)
        return [(FIELD, f"{label}: {value}" if label and value else label or value)]
    if block.kind == ITEM:
        parts = [strip_bullet(p) for p in parts]
        marker = block.label or "-"  # `1.` for an ordered list
        return [(ITEM, f"{marker} {parts[0]}")] + [(PARAGRAPH, p) for p in parts[1:]] if parts else []
    if block.kind in (HEADING, TITLE):
        return [(block.kind, " ".join(parts))] if parts else []
    return [(PARAGRAPH, p) for p in parts]


def _heading_line(line: str, following: str | None) -> str:
    """A heading as the parser will take it: as written, in capitals, or (a sentence) as it is."""
    if is_heading(line, following):
        return line
    if is_heading(line.upper(), following):
        return line.upper()
    return line
