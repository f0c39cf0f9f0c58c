"""The texts custom actions send. Each has a name, which tests assert on instead of the prose."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions import names

TEMPLATES: dict[str, str] = {
    names.REPLY_TOPIC_ANSWER: "{answer}\n\nSource: {source}",
    names.REPLY_SEARCH_ANSWER: (
        'Here is what the posting says that seems closest to your question:\n"{passage}"\n\nSource: {source}'
    ),
    names.REPLY_NOT_STATED: "The {posting} posting does not state {topic}{note}. {contact}",
    names.REPLY_ASK_WHICH_POSTING: "Which posting are you asking about?",
    names.REPLY_POSTING_SELECTED: "OK, let's talk about the {posting} posting. What would you like to know?",
    names.REPLY_OUT_OF_SCOPE: (
        "Sorry, I can only help with questions about job postings and applications. Try asking about "
        "the deadline, requirements, salary or how to apply."
    ),
    names.REPLY_KB_EMPTY: (
        "Sorry, I have no job postings loaded right now, so I can't answer that. Please check the "
        "careers website or contact the human resources office."
    ),
    names.REPLY_CAPABILITIES: (
        "I answer questions about job postings from their own text: {topics}. Just ask, for example "
        '"when is the deadline?".\nPostings I know about:\n{postings}'
    ),
    names.REPLY_HUMAN_CONTACTS: (
        "I can't hand this chat over to a person, but these are the contacts the posting gives:\n"
        "{contacts}\n\nSource: {source}"
    ),
    names.REPLY_NO_CONTACTS: "I can't hand this chat over to a person. {contact}",
}


def say(
    dispatcher: CollectingDispatcher,
    name: str,
    *,
    buttons: list[dict[str, Any]] | None = None,
    **values: str,
) -> None:
    """Send the named text, filled with `values`; the name travels with it for tests and logs."""
    dispatcher.utter_message(text=TEMPLATES[name].format(**values), buttons=buttons or [], message_name=name)
