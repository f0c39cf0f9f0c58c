"""What a verified applicant is told: status in plain language, last update, what happens next."""

from __future__ import annotations

from applications.statuses import NEXT_STEP_FACTS, STATUSES, TRANSCRIPT_FACTS, TRANSCRIPT_STATUSES
from applications.store import Application
from knowledge.answers import format_date
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
    lines = [
        f"Your application for {title}:",
        f"Status: {STATUSES[application.status]}",
        f"Last updated: {format_date(application.updated_on)}.",
    ]
    if application.rank is not None and application.status in ("eligible_list", "referred"):
        lines.append(f"Your rank on the list: {application.rank}.")
    next_text, next_sections = _posting_text(posting, NEXT_STEP_FACTS.get(application.status, ()))
    if next_text:
        lines.append(f"What the posting says comes next: {next_text} (section “{next_sections[0]}”)")
    lines.append(f"Transcripts: {TRANSCRIPT_STATUSES[application.transcript_status]}")
    todo, todo_sections = _posting_text(posting, TRANSCRIPT_FACTS.get(application.transcript_status, ()))
    if todo:
        lines.append(f"What the posting asks: {todo} (section “{todo_sections[0]}”)")
    if application.next_step:
        lines.append(f"Next step: {application.next_step}")
    return "\n".join(lines)
