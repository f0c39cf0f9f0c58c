"""Applications, transcript decisions and the audit trail in SQL (HELPBOT_APPLICATIONS_DATABASE_URL)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import Column, Date, DateTime, Integer, String, Table, Text, func, insert, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import as_utc
from base.database import get_applications_engine, metadata, with_tables

applications_table = Table(
    "applications",
    metadata,
    Column("application_id", String(64), primary_key=True),
    Column("email", String(320), nullable=False),
    Column("last_name", String(200), nullable=False),
    Column("posting_id", String(200), nullable=False),
    Column("status", String(40), nullable=False),
    Column("updated_on", Date, nullable=False),
    Column("transcript_status", String(40), nullable=False),
    Column("rank", Integer),
    Column("next_step", Text),
)
transcript_decisions_table = Table(
    "transcript_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("application_id", String(64), nullable=False, index=True),
    Column("status", String(40), nullable=False),
    Column("note", Text),
    Column("staff", String(200)),
    Column("decided_at", DateTime(timezone=True), nullable=False),
)
audit_table = Table(
    "application_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("event", String(40), nullable=False),
    Column("outcome", String(40), nullable=False),
    Column("conversation_hash", String(64)),
    Column("subject_hash", String(64), index=True),
)
_TABLES = [applications_table, transcript_decisions_table, audit_table]

FIELDS = (
    "application_id",
    "email",
    "last_name",
    "posting_id",
    "status",
    "updated_on",
    "transcript_status",
    "rank",
    "next_step",
)


@dataclass(frozen=True)
class Application:
    """One application as the HR export states it."""

    application_id: str
    email: str
    last_name: str
    posting_id: str
    status: str
    updated_on: date
    transcript_status: str
    rank: int | None
    next_step: str | None


@dataclass(frozen=True)
class QueuedTranscript:
    """An application whose transcripts wait for verification."""

    application_id: str
    posting_id: str
    transcript_status: str
    updated_on: date
    days_waiting: int


def ready(engine: Engine | None = None) -> Engine:
    """The engine, with the application tables created (once per engine)."""
    return with_tables(engine or get_applications_engine(), _TABLES)


@dataclass(frozen=True)
class TranscriptDecision:
    """A staff decision on an application's transcripts."""

    status: str
    note: str | None
    staff: str | None
    decided_at: datetime


def now() -> datetime:
    """The current time, timezone-aware (UTC)."""
    return datetime.now(timezone.utc)


def _to_application(row: object) -> Application:
    mapping = row._mapping  # type: ignore[attr-defined]
    return Application(**{name: mapping[name] for name in FIELDS})


def get_application(application_id: str, *, engine: Engine | None = None) -> Application | None:
    """The application with this (normalised) id, or None."""
    engine = ready(engine)
    with Session(engine) as session:
        row = session.execute(
            select(applications_table).where(applications_table.c.application_id == application_id)
        ).first()
    return _to_application(row) if row else None


def all_applications(*, engine: Engine | None = None) -> dict[str, Application]:
    """Every application by id."""
    engine = ready(engine)
    with Session(engine) as session:
        rows = session.execute(select(applications_table)).all()
    return {row.application_id: _to_application(row) for row in rows}


def upsert_applications(new: list[Application], changed: list[Application], *, engine: Engine | None = None) -> None:
    """Insert `new` and overwrite `changed` applications, in one transaction."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        if new:
            session.execute(insert(applications_table), [vars(a) for a in new])
        for application in changed:
            values = {k: v for k, v in vars(application).items() if k != "application_id"}
            session.execute(
                update(applications_table)
                .where(applications_table.c.application_id == application.application_id)
                .values(**values)
            )


def record_audit(
    *,
    event: str,
    outcome: str,
    conversation_hash: str | None = None,
    subject_hash: str | None = None,
    engine: Engine | None = None,
) -> None:
    """Append one line to the audit trail (hashes only, never emails or ids in clear)."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        session.execute(
            insert(audit_table).values(
                at=now(), event=event, outcome=outcome, conversation_hash=conversation_hash, subject_hash=subject_hash
            )
        )


def count_audit(*, subject_hash: str, outcome: str, since: datetime, engine: Engine | None = None) -> int:
    """How many audit lines for this subject had `outcome` since `since`."""
    engine = ready(engine)
    with Session(engine) as session:
        value = session.execute(
            select(func.count())
            .select_from(audit_table)
            .where(
                audit_table.c.subject_hash == subject_hash,
                audit_table.c.outcome == outcome,
                audit_table.c.at >= since,
            )
        ).scalar()
    return int(value or 0)


def transcript_queue(statuses: tuple[str, ...], today: date, *, engine: Engine | None = None) -> list[QueuedTranscript]:
    """Applications whose transcript status is one of `statuses`, oldest first."""
    engine = ready(engine)
    with Session(engine) as session:
        rows = session.execute(
            select(applications_table)
            .where(applications_table.c.transcript_status.in_(statuses))
            .order_by(applications_table.c.updated_on, applications_table.c.application_id)
        ).all()
    return [
        QueuedTranscript(r.application_id, r.posting_id, r.transcript_status, r.updated_on, (today - r.updated_on).days)
        for r in rows
    ]


def record_transcript_decision(
    application_id: str,
    status: str,
    *,
    note: str | None,
    staff: str | None,
    today: date,
    engine: Engine | None = None,
) -> bool:
    """Set an application's transcript status and keep the decision; False if no such application."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        result = session.execute(
            update(applications_table)
            .where(applications_table.c.application_id == application_id)
            .values(transcript_status=status, updated_on=today)
        )
        if result.rowcount == 0:
            return False
        session.execute(
            insert(transcript_decisions_table).values(
                application_id=application_id, status=status, note=note, staff=staff, decided_at=now()
            )
        )
    return True


def transcript_decisions(application_id: str, *, engine: Engine | None = None) -> list[TranscriptDecision]:
    """Every transcript decision on one application, oldest first."""
    engine = ready(engine)
    table = transcript_decisions_table
    with Session(engine) as session:
        rows = session.execute(
            select(table).where(table.c.application_id == application_id).order_by(table.c.decided_at, table.c.id)
        ).all()
    return [TranscriptDecision(r.status, r.note, r.staff, as_utc(r.decided_at)) for r in rows]
