"""The console's audit log: decisions, sign-ins, failed sign-ins, posting and staff changes, hand-offs."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import as_utc, utc_now
from staff.tables import audit_table, ready

SIGN_IN = "sign_in"
SIGN_IN_FAILED = "sign_in_failed"
SIGN_IN_LOCKED = "sign_in_locked"
SIGN_OUT = "sign_out"
DECISION = "transcript_decision"
POSTING_ADDED = "posting_added"
POSTING_REJECTED = "posting_rejected"
POSTING_REMOVED = "posting_removed"
STAFF_ADDED = "staff_added"
STAFF_DISABLED = "staff_disabled"
STAFF_ENABLED = "staff_enabled"
STAFF_CHANGED = "staff_changed"
HANDOFF_REPLY = "handoff_reply"
HANDOFF_STATUS = "handoff_status"
UNANSWERED_HANDLED = "unanswered_handled"
ACTIONS = (
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_LOCKED,
    SIGN_OUT,
    DECISION,
    POSTING_ADDED,
    POSTING_REJECTED,
    POSTING_REMOVED,
    STAFF_ADDED,
    STAFF_DISABLED,
    STAFF_ENABLED,
    STAFF_CHANGED,
    HANDOFF_REPLY,
    HANDOFF_STATUS,
    UNANSWERED_HANDLED,
)
CSV_FIELDS = ("at", "action", "actor", "subject", "detail", "address")
MAX_TEXT = 2000


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log."""

    at: datetime
    action: str
    actor: str
    subject: str
    detail: str
    address: str


@dataclass(frozen=True)
class AuditFilter:
    """Which lines to show: every field optional."""

    action: str = ""
    actor: str = ""
    text: str = ""
    since: datetime | None = None
    until: datetime | None = None


def record(
    action: str,
    *,
    actor: str | None,
    subject: str = "",
    detail: str = "",
    address: str = "",
    engine: Engine | None = None,
) -> None:
    """Append one line (texts cut to a sane length)."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        session.execute(
            insert(audit_table).values(
                at=utc_now(),
                action=action,
                actor=(actor or "")[:320],
                subject=subject[:400],
                detail=detail[:MAX_TEXT],
                address=address[:64],
            )
        )


def search(wanted: AuditFilter, *, limit: int = 500, engine: Engine | None = None) -> list[AuditEntry]:
    """The newest lines matching the filter, newest first."""
    engine = ready(engine)
    query = select(audit_table).order_by(audit_table.c.at.desc(), audit_table.c.id.desc()).limit(limit)
    if wanted.action:
        query = query.where(audit_table.c.action == wanted.action)
    if wanted.actor:
        query = query.where(audit_table.c.actor == wanted.actor.strip().lower())
    if wanted.text:
        pattern = f"%{wanted.text.strip().lower()}%"
        query = query.where(
            or_(func.lower(audit_table.c.subject).like(pattern), func.lower(audit_table.c.detail).like(pattern))
        )
    if wanted.since:
        query = query.where(audit_table.c.at >= wanted.since)
    if wanted.until:
        query = query.where(audit_table.c.at < wanted.until)
    with Session(engine) as session:
        rows = session.execute(query).all()
    return [
        AuditEntry(as_utc(r.at), r.action, r.actor or "", r.subject or "", r.detail or "", r.address or "")
        for r in rows
    ]


def count(
    action: str, *, since: datetime, actor: str | None = None, address: str | None = None, engine: Engine | None = None
) -> int:
    """How many `action` lines since `since`, for one actor or one address."""
    engine = ready(engine)
    query = (
        select(func.count()).select_from(audit_table).where(audit_table.c.action == action, audit_table.c.at >= since)
    )
    if actor is not None:
        query = query.where(audit_table.c.actor == actor)
    if address is not None:
        query = query.where(audit_table.c.address == address)
    with Session(engine) as session:
        return int(session.execute(query).scalar() or 0)


def latest(
    action: str, *, actor: str | None = None, address: str | None = None, engine: Engine | None = None
) -> datetime | None:
    """When the newest `action` line for this actor or address was written."""
    engine = ready(engine)
    query = select(func.max(audit_table.c.at)).where(audit_table.c.action == action)
    if actor is not None:
        query = query.where(audit_table.c.actor == actor)
    if address is not None:
        query = query.where(audit_table.c.address == address)
    with Session(engine) as session:
        value = session.execute(query).scalar()
    return as_utc(value) if value else None


def _cell(value: str) -> str:
    """A spreadsheet never runs a cell as a formula (`=`, `+`, `-`, `@` at the start)."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_csv(entries: list[AuditEntry]) -> str:
    """The lines as CSV, with a header."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_FIELDS)
    for e in entries:
        writer.writerow(
            [
                e.at.isoformat(timespec="seconds"),
                *(_cell(v) for v in (e.action, e.actor, e.subject, e.detail, e.address)),
            ]
        )
    return out.getvalue()
