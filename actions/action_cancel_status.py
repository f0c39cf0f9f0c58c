"""'Never mind': stop the status check and forget what was typed."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.action_check_status import forget_details
from actions.messages import say

ACTION_NAME = "action_cancel_status"


class ActionCancelStatus(Action):
    """Deactivate the status form (if active), clear its slots, and say so."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        active = (tracker.active_loop or {}).get("name")
        say(dispatcher, names.REPLY_STATUS_CANCELLED if active else names.REPLY_NOTHING_TO_CANCEL)
        return [ActiveLoop(None), SlotSet("requested_slot", None), *forget_details()]
