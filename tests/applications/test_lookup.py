"""Verified look-ups: both id and email must match; failures look alike and lock the id out."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from applications import lookup, store
from applications.importer import import_export
from tests.applications.conftest import GOOD_ROWS, POSTINGS, write_csv


@pytest.fixture
def imported(database_engine: Engine, tmp_path: Path) -> Engine:
    import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS, engine=database_engine)
    return database_engine


def test_id_and_email_match_trimmed_and_case_insensitively(imported: Engine) -> None:
    result = lookup.verify(" a-1001 ", "  JANE.doe@example.COM ", conversation_id="c1", engine=imported)
    assert result.verified
    assert result.application is not None and result.application.application_id == "A-1001"


def test_wrong_email_and_unknown_id_are_indistinguishable(imported: Engine) -> None:
    wrong_email = lookup.verify("A-1001", "someone@example.com", conversation_id="c1", engine=imported)
    unknown_id = lookup.verify("A-9999", "jane.doe@example.com", conversation_id="c1", engine=imported)
    assert wrong_email == unknown_id == lookup.Verification(None)


def test_five_failures_lock_the_id_for_fifteen_minutes(imported: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    start = store.now()
    monkeypatch.setattr(store, "now", lambda: start)
    for attempt in range(lookup.MAX_FAILURES):
        guess = lookup.verify("A-1001", f"guess{attempt}@example.com", conversation_id=f"c{attempt}", engine=imported)
        assert not guess.verified
    locked = lookup.verify("A-1001", "jane.doe@example.com", conversation_id="other", engine=imported)
    assert locked == lookup.Verification(None)  # the right email, but locked: nothing revealed
    assert lookup.verify("A-1002", "sam.lee@example.org", conversation_id="c9", engine=imported).verified
    monkeypatch.setattr(store, "now", lambda: start + timedelta(minutes=14))
    assert not lookup.verify("A-1001", "jane.doe@example.com", conversation_id="other", engine=imported).verified
    monkeypatch.setattr(store, "now", lambda: start + timedelta(minutes=15, seconds=1))
    assert lookup.verify("A-1001", "jane.doe@example.com", conversation_id="other", engine=imported).verified


def test_audit_keeps_outcomes_and_hashes_only(imported: Engine) -> None:
    lookup.verify("A-1001", "jane.doe@example.com", conversation_id="conversation-42", engine=imported)
    lookup.verify("A-1001", "wrong@example.com", conversation_id="conversation-42", engine=imported)
    with imported.connect() as connection:
        rows = connection.execute(
            select(store.audit_table)
            .where(store.audit_table.c.event == "status_lookup")
            .order_by(store.audit_table.c.id)
        ).all()
    assert [r.outcome for r in rows] == ["verified", "failed"]
    dumped = repr([tuple(r) for r in rows]).lower()
    for secret in ("a-1001", "jane.doe@example.com", "wrong@example.com", "conversation-42"):
        assert secret not in dumped
    assert rows[0].subject_hash == rows[1].subject_hash and rows[0].conversation_hash
