"""The conversation store: every event stored once and in order; each message reads a bounded window
that restores the same state as the whole session; a new session starts a new window. On SQLite
(WAL mode) and on PostgreSQL (a database of the test run's own)."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    ActiveLoop,
    BotUttered,
    ConversationPaused,
    ConversationResumed,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import ConnectionException
from sqlalchemy import text

from bot.tracker_store import ConversationStore, window_boundary
from tests.stores import postgres_database

DOMAIN = Domain.from_yaml(
    """
version: '3.1'
slots:
  topic: {type: any, mappings: [{type: custom}]}
  posting_id: {type: text, mappings: [{type: custom}]}
  failures: {type: float, initial_value: 0, mappings: [{type: custom}]}
forms:
  status_form: {required_slots: []}
"""
)
WINDOW = 3


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'new-folder' / 'conversations.db'}"
    url: str = request.getfixturevalue("postgres_url")
    return url


def session_start() -> list[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def turn(n: int, rng: random.Random) -> list[Event]:
    """One user turn with a random change of state."""
    events: list[Event] = [UserUttered(f"message {n}", {"name": "ask", "confidence": 1.0}), ActionExecuted("act")]
    change = rng.choice(["slot", "posting", "failures", "form", "end form", "pause", "resume", "none"])
    events += {
        "slot": [SlotSet("topic", f"topic {n}")],
        "posting": [SlotSet("posting_id", rng.choice(["a", "b", None]))],
        "failures": [SlotSet("failures", float(n))],
        "form": [ActiveLoop("status_form")],
        "end form": [ActiveLoop(None)],
        "pause": [ConversationPaused()],
        "resume": [ConversationResumed()],
        "none": [],
    }[change]
    return [*events, BotUttered(f"reply {n}"), ActionExecuted("action_listen")]


def state(tracker: DialogueStateTracker) -> tuple[object, ...]:
    return (tracker.current_slot_values(), tracker.active_loop_name, tracker.is_paused(), tracker.latest_message.text)


async def converse(store: ConversationStore, sender: str, turns: int, seed: int = 7) -> DialogueStateTracker:
    """Talk for `turns` turns through the store, as Rasa does (retrieve, add a turn, save); returns the
    whole conversation as one tracker built alongside, for comparison."""
    rng = random.Random(seed)
    full = DialogueStateTracker(sender, DOMAIN.slots)
    tracker = await store.retrieve(sender) or DialogueStateTracker(sender, DOMAIN.slots)
    if not tracker.events:
        tracker.update_with_events(session_start(), DOMAIN)
        full.update_with_events(session_start(), DOMAIN)
        await store.save(tracker)
    for n in range(turns):
        tracker = await store.retrieve(sender)
        assert tracker is not None
        assert state(tracker) == state(full), f"turn {n}: the window restores a different state"
        events = turn(n, rng)
        tracker.update_with_events(events, DOMAIN)
        full.update_with_events(events, DOMAIN)
        await store.save(tracker)
    return full


def stored_events(store: ConversationStore, sender: str) -> list[dict[str, object]]:
    with store.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
        ).fetchall()
    return [json.loads(row[0]) for row in rows]


async def test_a_saved_conversation_reads_back_in_order(store_url: str) -> None:
    store = ConversationStore(DOMAIN, url=store_url)
    tracker = DialogueStateTracker("someone", DOMAIN.slots)
    greeting = [UserUttered("hello"), ActionExecuted("utter_greet"), SlotSet("topic", "salary")]
    tracker.update_with_events(greeting, DOMAIN)
    await store.save(tracker)
    tracker.update(UserUttered("and the deadline?"))
    await store.save(tracker)
    await store.save(tracker)  # saving twice stores nothing twice

    again = ConversationStore(DOMAIN, url=store_url)
    restored = await again.retrieve("someone")

    assert restored is not None
    assert [e.text for e in restored.events if isinstance(e, UserUttered)] == ["hello", "and the deadline?"]
    assert restored.get_slot("topic") == "salary"
    assert len(stored_events(again, "someone")) == 4
    assert await again.retrieve("nobody") is None


@pytest.mark.parametrize("window", [1, WINDOW])
async def test_a_long_conversation_reads_a_bounded_window_with_the_whole_state(store_url: str, window: int) -> None:
    store = ConversationStore(DOMAIN, url=store_url, window_turns=window)
    sender = f"long-{window}"
    full = await converse(store, sender, 60)

    # every event stored once, in order
    assert [e["event"] for e in stored_events(store, sender)] == [e.as_dict()["event"] for e in full.events]
    tracker = await store.retrieve(sender)
    assert tracker is not None
    assert state(tracker) == state(full)
    turns = sum(isinstance(e, UserUttered) for e in tracker.events)
    assert window <= turns <= 2 * window
    assert isinstance(tracker.events[-1], ActionExecuted) and tracker.events[-1].action_name == "action_listen"


async def test_a_new_session_starts_a_new_window(store_url: str) -> None:
    store = ConversationStore(DOMAIN, url=store_url, window_turns=WINDOW)
    await converse(store, "two-sessions", 5)
    tracker = await store.retrieve("two-sessions")
    assert tracker is not None
    # after the idle time Rasa runs action_session_start: the slots carried over, then listening
    carried = [SlotSet(name, value) for name, value in tracker.current_slot_values().items() if value]
    tracker.update_with_events([*session_start()[:2], *carried, ActionExecuted("action_listen")], DOMAIN)
    tracker.update_with_events(turn(99, random.Random(1)), DOMAIN)
    await store.save(tracker)

    again = await store.retrieve("two-sessions")
    assert again is not None
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["message 99"]
    assert isinstance(again.events[0], SessionStarted)


async def test_conversations_stored_before_windows_read_their_last_session(store_url: str) -> None:
    store = ConversationStore(DOMAIN, url=store_url)
    tracker = DialogueStateTracker("older", DOMAIN.slots)
    rng = random.Random(2)
    tracker.update_with_events([*session_start(), *turn(1, rng), *session_start(), *turn(2, rng)], DOMAIN)
    await store.save(tracker)
    with store.engine.begin() as connection:
        connection.execute(text("DELETE FROM conversation_windows"))
    restored = await store.retrieve("older")
    assert restored is not None
    assert [e.text for e in restored.events if isinstance(e, UserUttered)] == ["message 2"]


def test_the_window_begins_at_the_listen_before_a_message() -> None:
    events: list[Event] = [*session_start()]
    for n in range(7):
        events += turn(n, random.Random(n))
    assert window_boundary(events, 0, 4) is None  # 7 turns: not more than twice 4
    boundary = window_boundary(events, 0, 3)
    assert boundary is not None
    assert isinstance(events[boundary], ActionExecuted) and events[boundary].action_name == "action_listen"
    assert sum(isinstance(e, UserUttered) for e in events[boundary:]) == 3


def test_sqlite_is_in_write_ahead_log_mode(tmp_path: Path) -> None:
    store = ConversationStore(DOMAIN, url=f"sqlite:///{tmp_path / 'conversations.db'}")
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(tmp_path / "conversations.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_unreachable_database_fails_at_once_naming_the_setting() -> None:
    with pytest.raises(ConnectionException, match="HELPBOT_TRACKER_STORE_URL: cannot use the conversation store"):
        ConversationStore(DOMAIN, url="postgresql+psycopg2://postgres:secret@127.0.0.1:1/nowhere")
