"""'What can you do?': the topics, and the postings the knowledge base holds right now."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.action_search_posting import ActionSearchPosting
from actions.action_small_talk import asks_about_posting
from actions.conversation import latest_text, speaking
from actions.messages import say, text
from knowledge.catalog import get_catalog
from knowledge.spanish import in_english

ACTION_NAME = "action_capabilities"
# "what can you do?", "which postings do you know?": a question about the assistant itself
_CAPABILITY_QUESTION = re.compile(
    r"\b(?:you|u)\b.*\b(?:do|help|answer|know|handle|cover)\b|\bwhich postings\b|\bwhat (?:postings|jobs)\b",
    re.IGNORECASE,
)


class ActionCapabilities(Action):
    """List what the assistant can answer and for which postings."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        said = latest_text(tracker)
        if asks_about_posting(said) and not _CAPABILITY_QUESTION.search(in_english(said)):
            return await ActionSearchPosting().run(dispatcher, tracker, domain)
        postings = get_catalog().postings()
        if not postings:
            say(dispatcher, names.REPLY_KB_EMPTY)
            return []
        listed = "\n".join(f"- {p.display_name}" for p in postings)
        say(dispatcher, names.REPLY_CAPABILITIES, topics=text(names.PIECE_TOPIC_SUMMARY), postings=listed)
        return []
