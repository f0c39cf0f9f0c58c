"""The status form's first question: the application ID, and where to find it."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.conversation import speaking
from actions.messages import say

ACTION_NAME = "action_ask_application_id"


class ActionAskApplicationId(Action):
    """Ask for the `application_id` slot, in the conversation's language (the form runs this instead of a response)."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        say(dispatcher, names.ASK_APPLICATION_ID)
        return []
