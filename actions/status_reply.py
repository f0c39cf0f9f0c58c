"""What a verified applicant is told: status in plain language, last update, what happens next.

In the conversation's language; what the posting says is quoted as it is (in English)."""

from __future__ import annotations

from actions import names
from actions.localize import date_in
from actions.messages import spoken, text
from applications.statuses import NEXT_STEP_FACTS, TRANSCRIPT_FACTS
from applications.store import Application
from knowledge.model import Posting


def _posting_text(posting: Posting | None, keys: tuple[str, ...]) -> tuple[str, list[str]]:
    if posting is None:
        return "", []
    facts = [f for f in (posting.fact(k) for k in keys) if f is not None]
    seen: list[str] = []
    for fact in facts:
        if fact.text not in seen:
            seen.append(fact.text)
    return " ".join(seen), list(dict.fromkeys(f.section for f in facts))


def compose_status(application: Application, posting: Posting | None) -> str:
    """The reply to a verified applicant, using only their application and their posting's text."""
    title = posting.display_name if posting else application.posting_id
    status = text(names.STATUS_LABEL.format(status=application.status))
    lines = [
        text("status_application_for", posting=title),
        text("status_status", status=status),
        text("status_last_updated", date=date_in(spoken(), application.updated_on)),
    ]
    if application.rank is not None and application.status in ("eligible_list", "referred"):
        lines.append(text("status_rank", rank=application.rank))
    next_text, next_sections = _posting_text(posting, NEXT_STEP_FACTS.get(application.status, ()))
    if next_text:
        lines.append(text("status_comes_next", text=next_text, section=next_sections[0]))
    transcripts = text(names.TRANSCRIPT_LABEL.format(status=application.transcript_status))
    lines.append(text("status_transcripts", status=transcripts))
    todo, todo_sections = _posting_text(posting, TRANSCRIPT_FACTS.get(application.transcript_status, ()))
    if todo:
        lines.append(text("status_posting_asks", text=todo, section=todo_sections[0]))
    if application.next_step:
        lines.append(text("status_next_step", text=application.next_step))
    return "\n".join(lines)
