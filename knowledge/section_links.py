"""How a posting's section is named and found on the careers site: a title in sentence case and a stable anchor.

Answers cite sections by these, and the site gives each shown section the same anchor, so a
citation from any channel lands on its section. Anchors come from the heading alone, so they
stay the same across ingests while the heading does.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from knowledge.model import Posting
from knowledge.sections import HEADER_SECTION

# The block of fields and opening text above a posting's first heading.
OVERVIEW_TITLE = "Overview"
OVERVIEW_ANCHOR = "overview"
# Acronyms a heading in capitals may hold besides the posting's own; words that are also
# everyday words ("IT", "US") are left out, since they cannot be told apart in capitals.
COMMON_ACRONYMS = frozenset({"ADA", "CPA", "DMV", "EEO", "ERP", "FAQ", "GED", "HR", "ID", "PDF", "VPN"})
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")


def shown(posting: Posting) -> list[str]:
    """The headings the careers site shows, in order: the overview (the header block), then every section.

    An empty section is shown too: it is often the heading of the ones after it (`MINIMUM
    REQUIREMENTS` above `Education` and `Experience`), which answers cite by it.
    """
    return [HEADER_SECTION] + [s.heading for s in posting.sections if s.heading != HEADER_SECTION]


def section_title(heading: str, posting: Posting | None = None) -> str:
    """`APPLICATION FILING DATES` -> `Application filing dates`; the header block is the `Overview`.

    In a heading in capitals, the posting's acronym and organisation keep their case; in a
    mixed-case heading, words with capitals inside (`CalPERS`, `HR`) keep theirs.
    """
    if heading == HEADER_SECTION:
        return OVERVIEW_TITLE
    text = " ".join(heading.split()).rstrip(":").strip()
    if not text:
        return heading
    keep = _kept_words(posting)
    capitals = not re.search(r"[a-z]", text)
    cased = _WORD_RE.sub(lambda m: _word(m.group(0), capitals=capitals, keep=keep), text)
    cased = _restore_organisation(cased, posting)
    return cased[0].upper() + cased[1:]


def _word(word: str, *, capitals: bool, keep: frozenset[str]) -> str:
    if word.upper() in keep:
        return word.upper()
    if word.upper() == "I":
        return "I"
    if not capitals and (word[1:] != word[1:].lower()):
        return word  # `CalPERS`, `HR` in a mixed-case heading
    return word.lower()


def _kept_words(posting: Posting | None) -> frozenset[str]:
    acronym = {posting.acronym.upper()} if posting is not None and posting.acronym else set()
    return COMMON_ACRONYMS | acronym


def _restore_organisation(text: str, posting: Posting | None) -> str:
    """The organisation's own name as it writes it, where the heading holds it."""
    name: str = (posting.organisation or "") if posting is not None else ""
    if not name:
        return text
    return re.sub(re.escape(name), lambda _: name, text, flags=re.IGNORECASE)


def slug(heading: str) -> str:
    """`DO YOU NEED TECHNICAL ASSISTANCE?` -> `do-you-need-technical-assistance`."""
    ascii_text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "section"


def section_anchors(headings: Iterable[str]) -> dict[str, str]:
    """Each heading's anchor, unique on the page (`-2`, `-3` for headings that give the same one)."""
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for heading in headings:
        if heading in anchors:
            continue
        base = OVERVIEW_ANCHOR if heading == HEADER_SECTION else slug(heading)
        anchor, number = base, 2
        while anchor in used:
            anchor, number = f"{base}-{number}", number + 1
        anchors[heading] = anchor
        used.add(anchor)
    return anchors


def posting_path(posting_id: str, anchor: str | None = None) -> str:
    """The posting's page on the careers site, at a section when one is given."""
    return f"/postings/{posting_id}" + (f"#{anchor}" if anchor else "")
