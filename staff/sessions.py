"""Console sessions kept server-side: the browser holds a random token, the database only its hash.

A visitor gets an anonymous session (for the sign-in form's CSRF token); signing in replaces it with
a new one (the id rotates). A session lasts at most MAX_AGE and ends after IDLE without a request.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import as_utc, utc_now
from staff.tables import ready, sessions_table

MAX_AGE = timedelta(hours=8)
IDLE = timedelta(minutes=30)


@dataclass(frozen=True)
class StaffSession:
    """A browser's session: signed in when `staff` is set."""

    token_hash: str
    staff: str | None
    role: str | None
    csrf: str
    created_at: datetime
    last_seen: datetime

    @property
    def signed_in(self) -> bool:
        return self.staff is not None


def token_hash(token: str) -> str:
    """What the database keeps of a session token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _insert(staff: str | None, role: str | None, now: datetime, engine: Engine) -> str:
    token = secrets.token_urlsafe(32)
    with Session(engine) as session, session.begin():
        session.execute(
            insert(sessions_table).values(
                token_hash=token_hash(token),
                staff=staff,
                role=role,
                csrf=secrets.token_urlsafe(32),
                created_at=now,
                last_seen=now,
            )
        )
    return token


def start(*, now: datetime | None = None, engine: Engine | None = None) -> str:
    """A new anonymous session; returns its token (for the cookie). Expired sessions are purged."""
    engine = ready(engine)
    now = now or utc_now()
    purge(now=now, engine=engine)
    return _insert(None, None, now, engine)


def sign_in(
    old_token: str | None, staff: str, role: str, *, now: datetime | None = None, engine: Engine | None = None
) -> str:
    """End the browser's current session and start a signed-in one with a new token."""
    engine = ready(engine)
    if old_token:
        end(old_token, engine=engine)
    return _insert(staff, role, now or utc_now(), engine)


def _expired(row: object, now: datetime) -> bool:
    created, seen = as_utc(row.created_at), as_utc(row.last_seen)  # type: ignore[attr-defined]
    return now - created > MAX_AGE or now - seen > IDLE


def load(token: str | None, *, now: datetime | None = None, engine: Engine | None = None) -> StaffSession | None:
    """The live session for this token, its idle clock reset; None (and the session deleted) when expired."""
    if not token:
        return None
    engine = ready(engine)
    now = now or utc_now()
    key = token_hash(token)
    with Session(engine) as session, session.begin():
        row = session.execute(select(sessions_table).where(sessions_table.c.token_hash == key)).first()
        if row is None:
            return None
        if _expired(row, now):
            session.execute(delete(sessions_table).where(sessions_table.c.token_hash == key))
            return None
        session.execute(update(sessions_table).where(sessions_table.c.token_hash == key).values(last_seen=now))
    return StaffSession(key, row.staff, row.role, row.csrf, as_utc(row.created_at), now)


def end(token: str, *, engine: Engine | None = None) -> None:
    """Sign out: the session is gone."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        session.execute(delete(sessions_table).where(sessions_table.c.token_hash == token_hash(token)))


def end_all_for(staff: str, *, engine: Engine | None = None) -> None:
    """End every session of one member of staff (their account was disabled or changed)."""
    engine = ready(engine)
    with Session(engine) as session, session.begin():
        session.execute(delete(sessions_table).where(sessions_table.c.staff == staff))


def purge(*, now: datetime | None = None, engine: Engine | None = None) -> None:
    """Delete every expired session."""
    engine = ready(engine)
    now = now or utc_now()
    with Session(engine) as session, session.begin():
        session.execute(
            delete(sessions_table).where(
                or_(sessions_table.c.created_at < now - MAX_AGE, sessions_table.c.last_seen < now - IDLE)
            )
        )
