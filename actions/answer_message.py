"""One answer, one bot message: its parts in order, a short citation line, and a `custom` payload.

`text` reads well on its own (the parts, then `From the posting: <sections>`). Beside it, the
`custom` payload gives clients the structure to render their own way (the widget's caption
links, the Teams card):

    {"kind": "answer", "language": "en" | "es", "posting_id": ..., "posting_title": ..., "stated": true,
     "parts": [{"kind": "note" | "answer", "text": ...}, ...],
     "caption": "From the posting: Application filing dates",
     "citations": [{"posting_id", "section", "title", "anchor", "path", "url"}, ...]}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.citations import Citation, cite
from actions.messages import SECTION_SEPARATOR, spoken, text
from base.settings import get_settings
from knowledge.model import Posting
from knowledge.sections import HEADER_SECTION

ANSWER_KIND = "answer"
PART_NOTE = "note"  # said before the answer (the employee VPN note)
PART_ANSWER = "answer"


@dataclass(frozen=True)
class Part:
    """A piece of an answer, in the order it is said."""

    kind: str
    text: str


def caption(citations: Sequence[Citation]) -> str | None:
    """`From the posting: Application filing dates; Benefits`, or None with nothing to cite."""
    if not citations:
        return None
    titles = [text(names.PIECE_OVERVIEW) if c.section == HEADER_SECTION else c.title for c in citations]
    return text(names.CAPTION_FROM_POSTING, sections=SECTION_SEPARATOR.join(titles))


def plain_text(parts: Sequence[Part], caption_line: str | None) -> str:
    """The message for clients that read only `text`: the parts, then the citation line."""
    return "\n\n".join([p.text for p in parts] + ([caption_line] if caption_line else []))


def payload(posting: Posting, parts: Sequence[Part], citations: Sequence[Citation], *, stated: bool) -> dict[str, Any]:
    """The `custom` payload of an answer."""
    return {
        "kind": ANSWER_KIND,
        "language": spoken(),
        "posting_id": posting.posting_id,
        "posting_title": posting.display_name,
        "stated": stated,
        "parts": [{"kind": p.kind, "text": p.text} for p in parts],
        "caption": caption(citations),
        "citations": [c.to_json() for c in citations],
    }


def send_answer(
    dispatcher: CollectingDispatcher,
    name: str,
    posting: Posting,
    parts: Sequence[Part],
    sections: Sequence[str],
    *,
    stated: bool,
    buttons: list[dict[str, Any]] | None = None,
) -> None:
    """Send the answer as one message: `text`, its buttons, and the `custom` payload citing `sections`."""
    citations = cite(posting, sections, site_url=get_settings().public_site_url)
    dispatcher.utter_message(
        text=plain_text(parts, caption(citations)),
        buttons=buttons or [],
        json_message=payload(posting, parts, citations, stated=stated),
        message_name=name,
    )
