"""What the actions read from a tracker: the message, the page's posting, the current posting."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import names
from actions.language import DEFAULT, reply_language
from actions.messages import speak
from actions.posting_context import Resolution, resolve_posting
from knowledge.catalog import Catalog
from knowledge.topics import likeliest_topic


def latest_text(tracker: Tracker) -> str:
    """The user's latest message text ('' for a button payload)."""
    text = tracker.latest_message.get("text") or ""
    return "" if text.startswith("/") else text


def latest_intent(tracker: Tracker) -> str | None:
    """The latest message's intent name."""
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name")


def latest_confidence(tracker: Tracker) -> float:
    """How sure the classifier was of the latest message's intent (1.0 for a button payload)."""
    intent = tracker.latest_message.get("intent") or {}
    value = intent.get("confidence")
    return float(value) if isinstance(value, int | float) else 1.0


def topic_hint(tracker: Tracker) -> tuple[str | None, float]:
    """For a question the classifier put outside the topics (or was unsure of), the topic it may still be
    about and how sure (see `likeliest_topic`); none for anything else."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return likeliest_topic(
        latest_intent(tracker),
        [(str(r["name"]), float(r.get("confidence") or 0.0)) for r in ranking if isinstance(r, dict) and r.get("name")],
    )


def message_metadata(tracker: Tracker) -> dict[str, Any]:
    """The latest message's metadata (the website and Teams put the posting and sender here)."""
    metadata = tracker.latest_message.get("metadata") or {}
    return metadata if isinstance(metadata, dict) else {}


def page_posting_id(tracker: Tracker) -> str | None:
    """The posting id the channel sent with the message, if any."""
    value = message_metadata(tracker).get(names.METADATA_POSTING)
    return value if isinstance(value, str) and value else None


def entity_posting_id(tracker: Tracker) -> str | None:
    """The posting id a button payload carried, if any."""
    value = next(tracker.get_latest_entity_values(names.ENTITY_POSTING), None)
    return value if isinstance(value, str) and value else None


def resolve(tracker: Tracker, catalog: Catalog) -> Resolution:
    """The posting this message is about (see `resolve_posting`)."""
    return resolve_posting(
        text=latest_text(tracker),
        postings=catalog.postings(),
        page_posting_id=entity_posting_id(tracker) or page_posting_id(tracker),
        current_posting_id=tracker.get_slot(names.SLOT_POSTING),
    )


def is_employee(tracker: Tracker) -> bool:
    """Whether the channel vouches that the sender is a signed-in employee (Teams)."""
    return message_metadata(tracker).get("employee") is True


def in_group_conversation(tracker: Tracker) -> bool:
    """Whether the message came from a group chat or channel (Teams), not a personal chat."""
    return message_metadata(tracker).get("conversation_type") in ("groupChat", "channel")


def language_of(tracker: Tracker) -> str:
    """The language to answer in (see `actions.language.reply_language`)."""
    return reply_language(latest_text(tracker), message_metadata(tracker), tracker.get_slot(names.SLOT_LANGUAGE))


def speak_language_of(tracker: Tracker) -> str:
    """Answer in the conversation's language for the rest of this action's run; that language."""
    language = language_of(tracker)
    speak(language)
    return language


Run = Callable[[Any, CollectingDispatcher, Tracker, dict[str, Any]], Awaitable[list[EventType]]]


def speaking(run: Run) -> Run:
    """An action's `run` that answers in the conversation's language and keeps it in the `language` slot, for the
    next message that cannot tell ("ok", "A-10234")."""

    @functools.wraps(run)
    async def speak_and_remember(
        action: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        language = speak_language_of(tracker)
        events = await run(action, dispatcher, tracker, domain)
        remembered = any(e.get("event") == "slot" and e.get("name") == names.SLOT_LANGUAGE for e in events)
        if remembered or language == (tracker.get_slot(names.SLOT_LANGUAGE) or DEFAULT):
            return events
        return [*events, SlotSet(names.SLOT_LANGUAGE, language)]

    return speak_and_remember
