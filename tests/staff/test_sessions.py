"""Server-side sessions: only a hash of the token kept, rotation at sign-in, idle and absolute expiry."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.clock import utc_now
from staff import sessions
from staff.tables import sessions_table


def test_the_database_keeps_only_a_hash_of_the_token(database_engine: Engine) -> None:
    token = sessions.start(engine=database_engine)
    with Session(database_engine) as session:
        stored = session.execute(select(sessions_table.c.token_hash)).scalars().all()
    assert stored == [sessions.token_hash(token)] and token not in stored


def test_sign_in_replaces_the_anonymous_session(database_engine: Engine) -> None:
    anonymous = sessions.start(engine=database_engine)
    before = sessions.load(anonymous, engine=database_engine)
    assert before is not None and not before.signed_in
    signed = sessions.sign_in(anonymous, "kim", "reviewer", engine=database_engine)
    assert signed != anonymous
    assert sessions.load(anonymous, engine=database_engine) is None
    after = sessions.load(signed, engine=database_engine)
    assert after is not None and after.staff == "kim" and after.csrf != before.csrf


def test_idle_and_absolute_limits(database_engine: Engine) -> None:
    start = utc_now()
    token = sessions.sign_in(None, "kim", "reviewer", now=start, engine=database_engine)
    moment = start
    while moment - start < sessions.MAX_AGE - sessions.IDLE:  # busy all day: alive until the absolute limit
        moment += sessions.IDLE - sessions.IDLE / 10
        assert sessions.load(token, now=moment, engine=database_engine) is not None
    assert sessions.load(token, now=start + sessions.MAX_AGE + sessions.IDLE / 10, engine=database_engine) is None
    idle = sessions.sign_in(None, "lee", "reviewer", now=start, engine=database_engine)
    assert sessions.load(idle, now=start + sessions.IDLE + sessions.IDLE / 10, engine=database_engine) is None


def test_ending_every_session_of_one_person(database_engine: Engine) -> None:
    mine = [sessions.sign_in(None, "kim", "reviewer", engine=database_engine) for _ in range(2)]
    other = sessions.sign_in(None, "lee", "reviewer", engine=database_engine)
    sessions.end_all_for("kim", engine=database_engine)
    assert [sessions.load(t, engine=database_engine) for t in mine] == [None, None]
    assert sessions.load(other, engine=database_engine) is not None
