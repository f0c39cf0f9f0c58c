"""Conversations in the SQLite tracker store: saved, read back, in WAL mode, in a created folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.tracker_store import SQLiteTrackerStore

DOMAIN = Domain.from_yaml("version: '3.1'\nslots:\n  topic:\n    type: any\n    mappings: [{type: custom}]\n")


async def test_a_saved_conversation_reads_back_in_order(tmp_path: Path) -> None:
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "new-folder" / "conversations.db"), host=None)
    tracker = DialogueStateTracker("someone", DOMAIN.slots)
    tracker.update_with_events(
        [UserUttered("hello"), ActionExecuted("utter_greet"), SlotSet("topic", "salary")], DOMAIN
    )
    await store.save(tracker)
    tracker.update(UserUttered("and the deadline?"))
    await store.save(tracker)

    again = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "new-folder" / "conversations.db"))
    restored = await again.retrieve("someone")

    assert restored is not None
    assert [e.text for e in restored.events if isinstance(e, UserUttered)] == ["hello", "and the deadline?"]
    assert restored.get_slot("topic") == "salary"
    assert await again.retrieve("nobody") is None


def test_the_file_is_in_write_ahead_log_mode(tmp_path: Path) -> None:
    store = SQLiteTrackerStore(DOMAIN, db=str(tmp_path / "conversations.db"))
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(tmp_path / "conversations.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
