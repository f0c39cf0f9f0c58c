"""'What can you do?': the topics, and the postings the knowledge base holds right now."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.messages import say
from knowledge.catalog import get_catalog

ACTION_NAME = "action_capabilities"
TOPIC_SUMMARY = (
    "deadlines and filing dates, minimum requirements, transcripts and foreign transcript "
    "evaluation, VPN access for employees, reasonable accommodations, salary, benefits, the "
    "selection process and eligibility list, duties, location, job number, probation, background "
    "checks, supplemental questions, and whom to contact"
)


class ActionCapabilities(Action):
    """List what the assistant can answer and for which postings."""

    def name(self) -> str:
        return ACTION_NAME

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        postings = get_catalog().postings()
        if not postings:
            say(dispatcher, names.REPLY_KB_EMPTY)
            return []
        listed = "\n".join(f"- {p.display_name}" for p in postings)
        say(dispatcher, names.REPLY_CAPABILITIES, topics=TOPIC_SUMMARY, postings=listed)
        return []
