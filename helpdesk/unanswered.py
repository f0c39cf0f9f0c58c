"""Questions the bot could not answer well: it said the posting does not state it, fell back, or was unsure.

They are kept with personal details redacted (emails and application-id-like codes never stored) and
shown to staff grouped by posting and by similar wording, so they learn what postings should say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rapidfuzz import fuzz
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from applications.privacy import redact_personal
from base.clock import as_utc, utc_now
from helpdesk.tables import ready, unanswered_table

NOT_STATED = "not_stated"
FALLBACK = "fallback"
LOW_CONFIDENCE = "low_confidence"
REASONS = {
    NOT_STATED: "the posting does not state it",
    FALLBACK: "not understood",
    LOW_CONFIDENCE: "low confidence",
}
SIMILAR = 75  # rapidfuzz token-set ratio at which two questions are the same question
MAX_QUESTION = 1000


@dataclass(frozen=True)
class Question:
    """One unanswered question."""

    id: int
    at: datetime
    posting_id: str | None
    text: str
    reason: str


@dataclass(frozen=True)
class QuestionGroup:
    """Questions about one posting worded alike."""

    posting_id: str | None
    questions: tuple[Question, ...]

    @property
    def example(self) -> str:
        return self.questions[0].text

    @property
    def count(self) -> int:
        return len(self.questions)

    @property
    def latest(self) -> datetime:
        return max(q.at for q in self.questions)

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(sorted({q.reason for q in self.questions}))

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(q.id for q in self.questions)


def record(question: str, *, posting_id: str | None, reason: str, engine: Engine | None = None) -> None:
    """Keep one question (redacted); blank questions and button presses are not questions."""
    text = redact_personal(" ".join(question.split()))[:MAX_QUESTION]
    if not text or text.startswith("/") or reason not in REASONS:
        return
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        session.execute(
            insert(unanswered_table).values(at=utc_now(), posting_id=posting_id, question=text, reason=reason)
        )


def _wording(text: str) -> str:
    return re.sub(r"[^\w\s]", " ", text.lower())


def group(questions: Sequence[Question]) -> list[QuestionGroup]:
    """Questions grouped by posting, then by similar wording; the biggest, most recent groups first."""
    groups: list[list[Question]] = []
    for question in sorted(questions, key=lambda q: q.at, reverse=True):
        wording = _wording(question.text)
        for members in groups:
            same_posting = members[0].posting_id == question.posting_id
            if same_posting and fuzz.token_set_ratio(_wording(members[0].text), wording) >= SIMILAR:
                members.append(question)
                break
        else:
            groups.append([question])
    found = [QuestionGroup(members[0].posting_id, tuple(members)) for members in groups]
    return sorted(found, key=lambda g: (-g.count, -g.latest.timestamp(), g.posting_id or "", g.example))


def open_groups(*, posting_id: str | None = None, engine: Engine | None = None) -> list[QuestionGroup]:
    """The groups of questions not yet handled (of one posting, when given)."""
    engine = ready(engine)
    query = select(unanswered_table).where(unanswered_table.c.handled_at.is_(None))
    if posting_id:
        query = query.where(unanswered_table.c.posting_id == posting_id)
    with Session(engine) as session:
        rows = session.execute(query).all()
    return group([Question(r.id, as_utc(r.at), r.posting_id, r.question, r.reason) for r in rows])


def mark_handled(ids: Sequence[int], *, staff: str, engine: Engine | None = None) -> int:
    """Mark these questions handled; how many were still open."""
    if not ids:
        return 0
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(unanswered_table)
            .where(unanswered_table.c.id.in_(list(ids)), unanswered_table.c.handled_at.is_(None))
            .values(handled_at=utc_now(), handled_by=staff)
        )
    return int(result.rowcount)
