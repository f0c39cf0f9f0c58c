"""The staff's transcript queue and decisions."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from applications import store, transcripts
from applications.importer import import_export
from tests.applications.conftest import GOOD_ROWS, POSTINGS, write_csv

TODAY = date(2026, 1, 5)


@pytest.fixture
def imported(database_engine: Engine, tmp_path: Path) -> Engine:
    import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS, engine=database_engine)
    return database_engine


def test_queue_lists_awaiting_transcripts_oldest_first(imported: Engine) -> None:
    queue = transcripts.pending(TODAY, engine=imported)
    assert [(q.application_id, q.transcript_status, q.days_waiting) for q in queue] == [
        ("A-1002", "foreign_evaluation_pending", 92),
        ("A-1003", "received", 35),
    ]
    assert queue[0].posting_id == "pasadena-accounting-technician"


def test_decision_updates_the_application_and_is_audited(imported: Engine) -> None:
    transcripts.decide("a-1002", "verified", today=TODAY, note="CTC evaluation ok", staff="kim", engine=imported)
    application = store.get_application("A-1002", engine=imported)
    assert application is not None
    assert (application.transcript_status, application.updated_on) == ("verified", TODAY)
    assert [q.application_id for q in transcripts.pending(TODAY, engine=imported)] == ["A-1003"]
    with imported.connect() as connection:
        decisions = connection.execute(select(store.transcript_decisions_table)).all()
        audit = connection.execute(
            select(store.audit_table).where(store.audit_table.c.event == "transcript_decision")
        ).all()
    assert [(d.application_id, d.status, d.note, d.staff) for d in decisions] == [
        ("A-1002", "verified", "CTC evaluation ok", "kim")
    ]
    assert [a.outcome for a in audit] == ["verified"]
    assert "A-1002" not in repr([tuple(a) for a in audit])


@pytest.mark.parametrize(
    ("application_id", "status", "message"),
    [
        ("A-9999", "verified", "no application with id 'A-9999'"),
        ("A-1002", "approved", "unknown transcript status 'approved'"),
    ],
)
def test_bad_decisions_change_nothing(imported: Engine, application_id: str, status: str, message: str) -> None:
    before = store.all_applications(engine=imported)
    with pytest.raises(transcripts.DecisionRejected, match=message):
        transcripts.decide(application_id, status, today=TODAY, engine=imported)
    assert store.all_applications(engine=imported) == before
