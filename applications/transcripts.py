"""The staff's transcript verification queue and their decisions (audited)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine

from applications import store
from applications.privacy import keyed_hash, normalise_application_id
from applications.statuses import AWAITING_VERIFICATION, TRANSCRIPT_STATUSES
from applications.store import QueuedTranscript, TranscriptDecision


class DecisionRejected(ValueError):
    """A decision that cannot be recorded (unknown application or status); nothing changed."""


def pending(today: date, *, engine: Engine | None = None) -> list[QueuedTranscript]:
    """Applications whose transcripts await verification, oldest first."""
    return store.transcript_queue(AWAITING_VERIFICATION, today, engine=engine)


def history(application_id: str, *, engine: Engine | None = None) -> list[TranscriptDecision]:
    """The transcript decisions on an application, oldest first."""
    return store.transcript_decisions(normalise_application_id(application_id), engine=engine)


def decide(
    application_id: str,
    status: str,
    *,
    today: date,
    note: str | None = None,
    staff: str | None = None,
    engine: Engine | None = None,
) -> None:
    """Record a transcript decision; DecisionRejected for an unknown status or application."""
    if status not in TRANSCRIPT_STATUSES:
        raise DecisionRejected(f"unknown transcript status {status!r}; use one of: {', '.join(TRANSCRIPT_STATUSES)}")
    key = normalise_application_id(application_id)
    if not store.record_transcript_decision(key, status, note=note, staff=staff, today=today, engine=engine):
        raise DecisionRejected(f"no application with id {application_id!r}")
    store.record_audit(
        event="transcript_decision",
        outcome=status,
        subject_hash=keyed_hash(key, purpose="application"),
        conversation_hash=keyed_hash(staff or "", purpose="staff"),
        engine=engine,
    )
