"""Joining a word broken across two lines: `employ-` + `ment` is `employment`, `full-` + `time` stays
`full-time`. A discretionary hyphen (U+2010 or a soft hyphen) always goes; a plain `-` goes only
when the document's own words say it was a line-end break, not a compound."""

from __future__ import annotations

import re
from collections.abc import Sequence

DISCRETIONARY = ("\u2010", "\u00ad")
_COMPOUND_HEADS = frozenset(
    [
        "co",
        "e",
        "non",
        "self",
        "full",
        "part",
        "well",
        "on",
        "off",
        "long",
        "short",
        "multi",
        "cross",
        "high",
        "low",
        "first",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "year",
        "sub",
        "pre",
        "post",
        "anti",
        "semi",
        "over",
        "under",
    ]
)
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


class Vocabulary:
    """The words of a document's lines, lower-cased, with and without hyphens; the pieces of a word
    broken at a line end are left out."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.words: set[str] = set()
        self.compounds: set[str] = set()
        for i, line in enumerate(lines):
            tokens = line.split()
            if i > 0 and lines[i - 1].rstrip().endswith(("-", *DISCRETIONARY)):
                tokens = tokens[1:]
            if tokens and tokens[-1].endswith(("-", *DISCRETIONARY)):
                tokens = tokens[:-1]
            for word in _WORD.findall(" ".join(tokens)):
                word = word.lower()
                (self.compounds if "-" in word else self.words).add(word)
                self.words.update(part for part in word.split("-") if part)

    def join(self, left: str, right: str) -> str:
        """`left` (ending with a hyphen) and `right` (the next line) as one text."""
        head = left.rstrip()
        if head.endswith(DISCRETIONARY):
            return head[:-1] + right.lstrip()
        if not head.endswith("-") or head.endswith(" -"):
            return f"{head} {right.lstrip()}"
        if not right[:1].isalpha():
            return head + right.lstrip()  # `COVID-` + `19`, `2025-` + `2026`
        if re.search(r"(?:://|www\.|@|/)\S*-$", head):
            return head + right.lstrip()  # an address broken at one of its own hyphens
        before = re.search(r"([A-Za-z]+(?:-[A-Za-z]+)*)-$", head)
        after = re.match(r"[A-Za-z]+", right)
        if before is None or after is None:
            return head + right.lstrip()
        return head[:-1] + right if self._drops_hyphen(before.group(1), after.group(0)) else head + right

    def _drops_hyphen(self, before: str, after: str) -> bool:
        first, second = before.lower(), after.lower()
        if not after[0].islower() or f"{first}-{second}" in self.compounds:
            return False
        if first + second in self.words:
            return True
        last = first.rsplit("-", 1)[-1]
        if "-" in first or last in _COMPOUND_HEADS:
            return False
        return not (len(last) >= 3 and last in self.words and second in self.words)
