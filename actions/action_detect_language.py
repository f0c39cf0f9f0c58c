"""After every message: the language to answer in, kept in the `language` slot for the messages that cannot tell.

Rasa runs this action from the slot's custom mapping (bot/domain/session.yml) before any other action
of the turn, so every action finds the language already decided.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import language_of

ACTION_NAME = "action_detect_language"


class ActionDetectLanguage(Action):
    """Set the `language` slot from the latest message, the channel's metadata and the conversation."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        language = language_of(tracker)
        if language == tracker.get_slot(names.SLOT_LANGUAGE):
            return []
        return [SlotSet(names.SLOT_LANGUAGE, language)]
