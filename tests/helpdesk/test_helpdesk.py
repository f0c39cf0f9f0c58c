"""Hand-offs and unanswered questions in their store: redaction, grouping, delivery claimed once."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.settings import reset_settings
from helpdesk import handoffs, unanswered
from helpdesk.handoffs import HandoffError, Turn
from helpdesk.tables import handoffs_table, unanswered_table
from helpdesk.unanswered import Question, group


@pytest.fixture(autouse=True)
def secret(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HELPBOT_SECRET_KEY", "helpdesk-test-secret")
    reset_settings()
    yield
    reset_settings()


def test_questions_are_stored_without_emails_or_application_ids(database_engine: Engine) -> None:
    unanswered.record(
        "my email is Jo.Doe@Example.com and my id APP-2025-00123, is there parking?",
        posting_id="p",
        reason=unanswered.FALLBACK,
        engine=database_engine,
    )
    unanswered.record("/request_human", posting_id="p", reason=unanswered.FALLBACK, engine=database_engine)
    with Session(database_engine) as session:
        stored = session.execute(select(unanswered_table.c.question)).scalars().all()
    assert stored == ["my email is [email] and my id [id], is there parking?"]


def test_similar_wording_groups_within_a_posting_only() -> None:
    at = datetime(2025, 12, 1, tzinfo=timezone.utc)
    asked = [
        Question(1, at, "a", "Is there parking?", unanswered.NOT_STATED),
        Question(2, at + timedelta(hours=1), "a", "is there any parking??", unanswered.NOT_STATED),
        Question(3, at, "b", "Is there parking?", unanswered.NOT_STATED),
        Question(4, at, "a", "Do I need a driver's license?", unanswered.LOW_CONFIDENCE),
    ]
    groups = group(asked)
    assert [(g.posting_id, sorted(g.ids)) for g in groups] == [
        ("a", [1, 2]),
        ("a", [4]),
        ("b", [3]),
    ]  # ties: by posting
    assert groups[0].latest == at + timedelta(hours=1) and groups[0].example == "is there any parking??"


def test_a_hand_off_per_open_conversation_and_an_email_only_on_it(database_engine: Engine) -> None:
    first = handoffs.create(
        posting_id="p",
        channel="socketio",
        conversation_id="c1",
        turns=[Turn("applicant", "hi")],
        engine=database_engine,
    )
    again = handoffs.create(
        posting_id="p",
        channel="socketio",
        conversation_id="c1",
        turns=[Turn("applicant", "hi"), Turn("applicant", "hello?")],
        engine=database_engine,
    )
    assert again == first
    found = handoffs.get(first, engine=database_engine)
    assert found is not None and len(found.turns) == 2
    assert not handoffs.leave_email(first, "c1", "not an email", engine=database_engine)
    assert not handoffs.leave_email(first, "someone-else", "a@example.org", engine=database_engine)
    assert handoffs.leave_email(first, "c1", " a@example.org ", engine=database_engine)
    with Session(database_engine) as session:
        row = session.execute(select(handoffs_table)).one()
    assert row.email == "a@example.org" and "c1" not in row.conversation_hash
    handoffs.set_status(first, handoffs.CLOSED, staff="kim", engine=database_engine)
    assert (
        handoffs.create(posting_id="p", channel="socketio", conversation_id="c1", turns=[], engine=database_engine)
        != first
    )


def test_a_reply_is_delivered_once(database_engine: Engine) -> None:
    handoff = handoffs.create(
        posting_id=None, channel="socketio", conversation_id="c2", turns=[], engine=database_engine
    )
    with pytest.raises(HandoffError):
        handoffs.reply(handoff, staff="kim", text="   ", engine=database_engine)
    handoffs.reply(handoff, staff="kim", text="We'll call you.", engine=database_engine)
    [pending] = handoffs.undelivered(engine=database_engine)
    assert pending.conversation_hash == handoffs.conversation_hash("c2")
    assert handoffs.mark_delivered(pending.entry_id, engine=database_engine)
    assert not handoffs.mark_delivered(pending.entry_id, engine=database_engine)  # another server got there first
    assert handoffs.undelivered(engine=database_engine) == []
    found = handoffs.get(handoff, engine=database_engine)
    assert found is not None and found.status == handoffs.ANSWERED and found.entries[0].delivered
