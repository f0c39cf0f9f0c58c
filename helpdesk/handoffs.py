"""Hand-offs: an applicant asked for a person. Staff read the conversation, reply, note, close.

The conversation id is kept only as a keyed hash: enough to deliver a reply to the applicant's open
chat widget, never enough to join or post into the conversation. The applicant's email for a reply
is kept on the hand-off only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Engine, Row
from sqlalchemy.orm import Session

from applications.privacy import EMAIL_RE, keyed_hash
from base.clock import as_utc, utc_now
from helpdesk.tables import handoff_entries_table, handoffs_table, ready

OPEN = "open"
ANSWERED = "answered"
CLOSED = "closed"
STATUSES = (OPEN, ANSWERED, CLOSED)
LIVE_CHANNELS = ("socketio",)  # the careers-site widget: a reply reaches its open session
REPLY = "reply"
NOTE = "note"
STATUS = "status"
MAX_TEXT = 4000
DELIVERY_WINDOW = timedelta(days=1)  # a reply not delivered by then waits for no widget any more


class HandoffError(ValueError):
    """A change that cannot be made to a hand-off; nothing changed."""


@dataclass(frozen=True)
class Turn:
    """One message of the conversation: who (`applicant`, `assistant`, `staff`), what, when."""

    speaker: str
    text: str
    at: datetime | None = None


@dataclass(frozen=True)
class Entry:
    """Something staff did on a hand-off: a reply, a note, a status change."""

    at: datetime
    staff: str
    kind: str
    text: str
    delivered: bool


@dataclass(frozen=True)
class Handoff:
    """One hand-off with its conversation and what staff did."""

    id: int
    created_at: datetime
    posting_id: str | None
    channel: str
    status: str
    email: str | None
    turns: tuple[Turn, ...]
    entries: tuple[Entry, ...]

    @property
    def live(self) -> bool:
        """Whether a reply can reach the applicant's chat widget."""
        return self.channel in LIVE_CHANNELS


@dataclass(frozen=True)
class PendingReply:
    """A staff reply waiting for the applicant's widget session."""

    entry_id: int
    conversation_hash: str
    text: str


def conversation_hash(conversation_id: str) -> str:
    """The keyed hash a conversation id is kept as (the audit trail's)."""
    return keyed_hash(conversation_id, purpose="conversation")


def _turns_json(turns: list[Turn]) -> str:
    return json.dumps(
        [{"speaker": t.speaker, "text": t.text[:MAX_TEXT], "at": t.at.isoformat() if t.at else None} for t in turns]
    )


def _turns(data: str) -> tuple[Turn, ...]:
    return tuple(
        Turn(t["speaker"], t["text"], datetime.fromisoformat(t["at"]) if t.get("at") else None)
        for t in json.loads(data)
    )


def create(
    *, posting_id: str | None, channel: str, conversation_id: str, turns: list[Turn], engine: Engine | None = None
) -> int:
    """A new hand-off; an open one of the same conversation is brought up to date instead."""
    engine = ready(engine)
    key = conversation_hash(conversation_id)
    now = utc_now()
    with Session(engine) as session, session.begin():
        existing = session.execute(
            select(handoffs_table.c.id).where(
                handoffs_table.c.conversation_hash == key, handoffs_table.c.status == OPEN
            )
        ).scalar()
        values = {"posting_id": posting_id, "conversation": _turns_json(turns), "updated_at": now}
        if existing is not None:
            session.execute(update(handoffs_table).where(handoffs_table.c.id == existing).values(**values))
            return int(existing)
        result = session.execute(
            insert(handoffs_table).values(
                created_at=now, channel=channel, conversation_hash=key, status=OPEN, email=None, **values
            )
        )
        return int(result.inserted_primary_key[0])


def valid_email(text: str) -> str | None:
    """The email address `text` is (trimmed), or None when it is not one."""
    candidate = text.strip()
    return candidate if len(candidate) <= 254 and EMAIL_RE.fullmatch(candidate) else None


def leave_email(handoff_id: int, conversation_id: str, email: str, *, engine: Engine | None = None) -> bool:
    """Keep a valid email on the conversation's own hand-off; False when invalid or not its hand-off."""
    address = valid_email(email)
    if address is None:
        return False
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(handoffs_table)
            .where(
                handoffs_table.c.id == handoff_id,
                handoffs_table.c.conversation_hash == conversation_hash(conversation_id),
            )
            .values(email=address, updated_at=utc_now())
        )
    return bool(result.rowcount)


@dataclass(frozen=True)
class HandoffSummary:
    """A line of the hand-off queue."""

    id: int
    created_at: datetime
    posting_id: str | None
    channel: str
    status: str
    has_email: bool
    first_question: str

    @property
    def live(self) -> bool:
        return self.channel in LIVE_CHANNELS


def _summary(row: Row) -> HandoffSummary:
    asked = next((t.text for t in _turns(row.conversation) if t.speaker == "applicant"), "")
    return HandoffSummary(
        row.id, as_utc(row.created_at), row.posting_id, row.channel, row.status, bool(row.email), asked[:200]
    )


def queue(status: str | None = OPEN, *, engine: Engine | None = None) -> list[HandoffSummary]:
    """Hand-offs with this status (all when None), oldest first."""
    engine = ready(engine)
    query = select(handoffs_table).order_by(handoffs_table.c.created_at, handoffs_table.c.id)
    if status:
        query = query.where(handoffs_table.c.status == status)
    with Session(engine) as session:
        return [_summary(row) for row in session.execute(query).all()]


def get(handoff_id: int, *, engine: Engine | None = None) -> Handoff | None:
    """One hand-off with its conversation and entries."""
    engine = ready(engine)
    with Session(engine) as session:
        row = session.execute(select(handoffs_table).where(handoffs_table.c.id == handoff_id)).first()
        if row is None:
            return None
        entries = session.execute(
            select(handoff_entries_table)
            .where(handoff_entries_table.c.handoff_id == handoff_id)
            .order_by(handoff_entries_table.c.at, handoff_entries_table.c.id)
        ).all()
    return Handoff(
        row.id,
        as_utc(row.created_at),
        row.posting_id,
        row.channel,
        row.status,
        row.email,
        _turns(row.conversation),
        tuple(Entry(as_utc(e.at), e.staff, e.kind, e.text, e.delivered_at is not None) for e in entries),
    )


def _add_entry(session: Session, handoff_id: int, staff: str, kind: str, text: str, **extra: object) -> None:
    session.execute(
        insert(handoff_entries_table).values(
            handoff_id=handoff_id, at=utc_now(), staff=staff, kind=kind, text=text[:MAX_TEXT], **extra
        )
    )


def _current(session: Session, handoff_id: int) -> Row:
    row = session.execute(select(handoffs_table).where(handoffs_table.c.id == handoff_id)).first()
    if row is None:
        raise HandoffError(f"no hand-off {handoff_id}")
    return row


def reply(handoff_id: int, *, staff: str, text: str, engine: Engine | None = None) -> None:
    """A reply for the applicant's open chat widget (delivered by the chat server); the hand-off is answered."""
    text = text.strip()
    if not text:
        raise HandoffError("the reply is empty")
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        row = _current(session, handoff_id)
        if row.channel not in LIVE_CHANNELS:
            raise HandoffError("this conversation was not in the chat widget: answer by email or phone")
        if row.status == CLOSED:
            raise HandoffError("this hand-off is closed")
        _add_entry(session, handoff_id, staff, REPLY, text, conversation_hash=row.conversation_hash)
        session.execute(
            update(handoffs_table)
            .where(handoffs_table.c.id == handoff_id)
            .values(status=ANSWERED, updated_at=utc_now())
        )


def set_status(handoff_id: int, status: str, *, staff: str, note: str = "", engine: Engine | None = None) -> None:
    """Mark a hand-off open, answered or closed, optionally with a note."""
    if status not in STATUSES:
        raise HandoffError(f"the status is one of: {', '.join(STATUSES)}")
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        _current(session, handoff_id)
        session.execute(
            update(handoffs_table).where(handoffs_table.c.id == handoff_id).values(status=status, updated_at=utc_now())
        )
        _add_entry(session, handoff_id, staff, STATUS, status)
        if note.strip():
            _add_entry(session, handoff_id, staff, NOTE, note.strip())


def add_note(handoff_id: int, *, staff: str, note: str, engine: Engine | None = None) -> None:
    """A note for colleagues (never sent to the applicant)."""
    if not note.strip():
        raise HandoffError("the note is empty")
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        _current(session, handoff_id)
        _add_entry(session, handoff_id, staff, NOTE, note.strip())


def undelivered(*, engine: Engine | None = None) -> list[PendingReply]:
    """Replies not yet shown in a widget (from the last DELIVERY_WINDOW), oldest first."""
    engine = ready(engine)
    with Session(engine) as session:
        rows = session.execute(
            select(handoff_entries_table)
            .where(
                handoff_entries_table.c.kind == REPLY,
                handoff_entries_table.c.delivered_at.is_(None),
                handoff_entries_table.c.at >= utc_now() - DELIVERY_WINDOW,
            )
            .order_by(handoff_entries_table.c.at, handoff_entries_table.c.id)
        ).all()
    return [PendingReply(row.id, row.conversation_hash, row.text) for row in rows]


def mark_delivered(entry_id: int, *, engine: Engine | None = None) -> bool:
    """Claim a reply for delivery; False when another chat server already delivered it."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(handoff_entries_table)
            .where(handoff_entries_table.c.id == entry_id, handoff_entries_table.c.delivered_at.is_(None))
            .values(delivered_at=utc_now())
        )
    return bool(result.rowcount)
