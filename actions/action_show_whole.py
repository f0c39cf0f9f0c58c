"""'Show the whole section': the whole of what a shortened answer was part of."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import resolve, speaking
from actions.messages import say
from actions.replies import reply_events, send_reply
from base.settings import get_settings
from knowledge.catalog import get_catalog
from knowledge.responder import whole
from knowledge.topics import TOPICS

ACTION_NAME = "action_show_whole"


def _what_to_show(tracker: Tracker) -> str | None:
    """The button's `topic:...`/`section:...`, else the last answer's topic or section."""
    value = next(tracker.get_latest_entity_values(names.ENTITY_WHOLE), None)
    if isinstance(value, str) and value:
        return value
    topic = tracker.get_slot(names.SLOT_LAST_TOPIC)
    if topic in TOPICS:
        return f"topic:{topic}"
    sections = tracker.get_slot(names.SLOT_LAST_SECTIONS) or []
    return f"section:{sections[0]}" if sections else None


class ActionShowWhole(Action):
    """Send the whole topic answer or section, with its source."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        catalog = get_catalog()
        posting = resolve(tracker, catalog).posting
        key = _what_to_show(tracker)
        if posting is None or key is None:
            say(dispatcher, names.REPLY_NOTHING_TO_SHOW)
            return []
        reply = whole(posting, catalog.index(posting), key, get_settings().today())
        if not reply.stated:
            say(dispatcher, names.REPLY_NOTHING_TO_SHOW)
            return []
        send_reply(dispatcher, posting, reply)
        return reply_events(posting, reply)
