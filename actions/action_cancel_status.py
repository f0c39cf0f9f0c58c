"""'Never mind': stop the status check and forget what was typed."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.action_check_status import forget_details
from actions.action_search_posting import ActionSearchPosting
from actions.action_small_talk import asks_about_posting
from actions.conversation import latest_text, speaking
from actions.messages import say
from knowledge.spanish import in_english
from knowledge.vocabulary import stem

ACTION_NAME = "action_cancel_status"
# Words that only call something off ("never mind, forget it"): they ask nothing.
_CALLING_OFF = frozenset(
    stem(w)
    for w in [
        "cancel",
        "stop",
        "quit",
        "abort",
        "forget",
        "mind",
        "nevermind",
        "skip",
        "wait",
        "hold",
        "leave",
        "later",
        "drop",
    ]
)


def asks_instead(text: str) -> bool:
    """A question the classifier took for "never mind" ("so I don't miss their emails, what domains ...?")."""
    read = in_english(text)
    return asks_about_posting(" ".join(w for w in read.split() if stem(w.lower().strip(".,!?")) not in _CALLING_OFF))


class ActionCancelStatus(Action):
    """Deactivate the status form (if active), clear its slots, and say so."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        active = (tracker.active_loop or {}).get("name")
        if not active and asks_instead(latest_text(tracker)):
            return await ActionSearchPosting().run(dispatcher, tracker, domain)
        say(dispatcher, names.REPLY_STATUS_CANCELLED if active else names.REPLY_NOTHING_TO_CANCEL)
        return [ActiveLoop(None), SlotSet("requested_slot", None), *forget_details()]
