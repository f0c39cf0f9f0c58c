"""The hand-off's history: the whole session from the conversation store, though Rasa sends the
action only the last turn or two; then the turn being answered, not stored yet."""

from __future__ import annotations

import time
from pathlib import Path

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, Event, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.conversation_history import session_events, stored_session_events
from bot.tracker_store import ConversationStore
from tests.actions.helpers import make_tracker

DOMAIN = Domain.from_yaml("version: '3.1'\n")


def turn(n: int) -> list[Event]:
    return [UserUttered(f"question {n}"), ActionExecuted("act"), BotUttered(f"answer {n}"),
            ActionExecuted("action_listen")]  # fmt: skip


async def test_the_whole_session_then_the_turn_being_answered(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    store = ConversationStore(DOMAIN, url=url, window_turns=1)
    start = [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]
    tracker = DialogueStateTracker("someone", DOMAIN.slots)
    tracker.update_with_events([*start, *turn(0), *start], DOMAIN)  # an earlier session, then a new one
    await store.save(tracker)
    for n in range(1, 8):
        tracker = await store.retrieve("someone")
        assert tracker is not None
        tracker.update_with_events(turn(n), DOMAIN)
        await store.save(tracker)
    window = await store.retrieve("someone")
    assert window is not None and sum(isinstance(e, UserUttered) for e in window.events) <= 2

    asking = {"event": "user", "text": "I want to talk to a person", "timestamp": time.time() + 1}
    now = make_tracker(text=asking["text"], sender_id="someone", events=[e.as_dict() for e in window.events] + [asking])
    said = [e["text"] for e in session_events(now, url) if e["event"] == "user"]
    assert said == [*(f"question {n}" for n in range(1, 8)), "I want to talk to a person"]


def test_no_store_means_the_tracker_s_own_events(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'never-made.db'}"
    assert stored_session_events("someone", url) == []
    tracker = make_tracker(events=[{"event": "user", "text": "hi", "timestamp": 1.0}])
    assert session_events(tracker, url) == tracker.events
    assert not (tmp_path / "never-made.db").exists()
