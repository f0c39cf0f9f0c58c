"""Citations: the posting sections an answer comes from, each with its place on the careers site."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from knowledge.model import Posting
from knowledge.section_links import posting_path, section_anchors, section_title, shown


@dataclass(frozen=True)
class Citation:
    """One section an answer quotes: its heading as the posting writes it, its title, where it is shown."""

    posting_id: str
    section: str  # the heading as written in the posting (`APPLICATION FILING DATES`)
    title: str  # the heading in sentence case (`Application filing dates`)
    anchor: str  # the section's id on the posting page
    path: str  # `/postings/<id>#<anchor>` on the careers site
    url: str | None  # the same on the public site, when HELPBOT_PUBLIC_SITE_URL is set

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def cite(posting: Posting, sections: Sequence[str], *, site_url: str | None) -> list[Citation]:
    """The sections the careers site shows, each once, in the order given; others are not cited."""
    anchors = section_anchors(shown(posting))
    found: list[Citation] = []
    for heading in dict.fromkeys(sections):
        anchor = anchors.get(heading)
        if anchor is None:
            continue
        path = posting_path(posting.posting_id, anchor)
        found.append(
            Citation(
                posting_id=posting.posting_id,
                section=heading,
                title=section_title(heading, posting),
                anchor=anchor,
                path=path,
                url=f"{site_url}{path}" if site_url else None,
            )
        )
    return found
