"""Greetings, thanks, goodbyes and "are you a bot?", unless the message is really a posting question.

"hi, is remote work possible?" and "is this payable or receivable?" can look like small talk to
the classifier; the words decide: a message with a subject beyond small talk is answered from
the posting, like any question no topic covers.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.action_search_posting import ActionSearchPosting
from actions.conversation import latest_intent, latest_text, speaking
from actions.messages import say
from knowledge.spanish import in_english
from knowledge.vocabulary import content_terms, stem

ACTION_NAME = "action_small_talk"
REPLIES = {
    "greet": names.REPLY_GREET,
    "goodbye": names.REPLY_GOODBYE,
    "thank": names.REPLY_YOU_ARE_WELCOME,
    "bot_challenge": names.REPLY_I_AM_A_BOT,
}
_SMALL_TALK = (
    "good morning afternoon evening day night there all folks team everyone bye goodbye later care "
    "cheers thanks thank appreciate appreciated helpful awesome great cool perfect wonderful lovely "
    "bot robot human real person people ai automated machine computer chatbot talking speaking "
    "assistant chat agent live actual someone somebody program artificial intelligence"
)
_SMALL_TALK_STEMS = frozenset(stem(word) for word in _SMALL_TALK.split())


def asks_about_posting(text: str) -> bool:
    """Whether the message names a subject beyond small talk ("is there parking?", "¿hay estacionamiento?")."""
    return any(term not in _SMALL_TALK_STEMS for term in content_terms(in_english(text)))


class ActionSmallTalk(Action):
    """Reply to small talk, or answer the posting question it really is."""

    def name(self) -> str:
        return ACTION_NAME

    @speaking
    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list[EventType]:
        if asks_about_posting(latest_text(tracker)):
            return await ActionSearchPosting().run(dispatcher, tracker, domain)
        say(dispatcher, REPLIES.get(latest_intent(tracker) or "", names.REPLY_GREET))
        return []
