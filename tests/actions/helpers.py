"""A small tracker factory and a way to run one action, for action unit tests."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(
    *,
    intent: str | None = None,
    text: str = "",
    slots: dict[str, Any] | None = None,
    metadata: dict[str, Any] | None = None,
    entities: list[dict[str, Any]] | None = None,
    sender_id: str = "test-user",
    events: list[dict[str, Any]] | None = None,
    ranking: list[tuple[str, float]] | None = None,
) -> Tracker:
    """A tracker whose latest message has this intent (and `ranking`: the classifier's runners-up), text,
    metadata and entities."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "intent_ranking": [{"name": name, "confidence": confidence} for name, confidence in ranking or []],
        "entities": entities or [],
        "metadata": metadata or {},
    }
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message=latest,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={},
        latest_action_name="action_listen",
    )


async def run_action(action: Action, tracker: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Run `action` on `tracker`; return (messages sent, events returned)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher.messages, list(events)


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    """The slots the events set, by name."""
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def message_names(messages: list[dict[str, Any]]) -> list[str]:
    """The names of the texts sent (see actions.messages)."""
    return [m.get("message_name", "") for m in messages]
