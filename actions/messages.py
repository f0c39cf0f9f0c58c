"""The texts custom actions send. Each has a name, which tests assert on instead of the prose.

An answer's parts and its citation caption are texts here too (see `actions.answer_message`)."""

from __future__ import annotations

from typing import Any

from rasa_sdk.executor import CollectingDispatcher

from actions import names

TEMPLATES: dict[str, str] = {
    names.REPLY_TOPIC_ANSWER: "{answer}",
    names.REPLY_SEARCH_ANSWER: "{answer}",
    names.REPLY_ASK_REPHRASE: (
        "Could you say a little more about what you'd like to know about the {posting} posting? For example "
        "the deadline, the requirements, the salary or how to apply."
    ),
    names.REPLY_NOTHING_TO_SHOW: "Sorry, I don't have a longer answer to show. Ask me anything about the posting.",
    names.REPLY_NOT_STATED: "The {posting} posting does not state {topic}{note}. {contact}",
    names.REPLY_ASK_WHICH_POSTING: "Which posting are you asking about?",
    names.REPLY_ASK_WHICH_OF_MANY_POSTINGS: (
        "Which posting are you asking about? {count} postings fit; here are the first {shown}. "
        "You can also type the job title, the employer or the job number."
    ),
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
    names.REPLY_HUMAN_CONTACTS: "Meanwhile, these are the contacts the posting gives:\n{contacts}",
    names.REPLY_NO_CONTACTS: "{handoff}\n\n{contact}",
    names.REPLY_HANDOFF_CREATED: (
        "I've passed this conversation to the helpdesk, and a person will read it. If you'd like an answer "
        "by email, type your email address now."
    ),
    names.REPLY_HANDOFF_CREATED_LIVE: (
        "I've passed this conversation to the helpdesk, and a person will read it. Keep this chat open "
        "and their answer appears here; or, for an answer by email, type your email address now."
    ),
    names.REPLY_HANDOFF_EMAIL_SAVED: (
        "Thanks. The helpdesk will answer at that address (it is kept with your request only)."
    ),
    names.REPLY_HANDOFF_UNAVAILABLE: "I couldn't pass this conversation to the helpdesk just now.",
    names.REPLY_STATUS: "{status}",
    names.REPLY_STATUS_FAILED: (
        "Sorry, I couldn't find an application with that application ID and email address. Please check "
        "both (the ID is in the confirmation email you received when you applied) and ask me again."
    ),
    names.REPLY_STATUS_GIVE_UP: (
        "Sorry, I still couldn't verify those details, so I'll stop asking for now. {contact}"
    ),
    names.REPLY_STATUS_UNAVAILABLE: (
        "Sorry, I can't check application status right now. Please try again later. {contact}"
    ),
    names.REPLY_NOT_AN_ID: (
        "That doesn't look like an application ID. It is a code such as A-10234, in the confirmation "
        'email you received when you applied. (Say "cancel" to stop.)'
    ),
    names.REPLY_NOT_AN_EMAIL: (
        "That doesn't look like an email address. Please type the address you applied with, such as "
        'name@example.com. (Say "cancel" to stop.)'
    ),
    names.REPLY_STATUS_PERSONAL_ONLY: (
        "For your privacy I only check application status in a personal chat. Please message me "
        "directly (not in this group or channel) and ask again."
    ),
    names.REPLY_EMPLOYEE_VPN: "Applying from outside the network? {vpn}",
    names.CAPTION_FROM_POSTING: "From the posting: {sections}",
    names.REPLY_STATUS_HINT: (
        "Would you like to check the status of your application? Just ask \"what's the status of my "
        "application?\" and I'll ask for your application ID and email."
    ),
    names.REPLY_STATUS_CANCELLED: "OK, I've stopped. Ask me anything else about the posting.",
    names.REPLY_NOTHING_TO_CANCEL: "OK. Is there anything else you'd like to know about a posting?",
}


SECTION_SEPARATOR = "; "  # between section titles in a caption


def text(name: str, **values: str) -> str:
    """The named text, filled with `values`."""
    return TEMPLATES[name].format(**values)


def say(
    dispatcher: CollectingDispatcher,
    name: str,
    *,
    buttons: list[dict[str, Any]] | None = None,
    **values: str,
) -> None:
    """Send the named text, filled with `values`; the name travels with it for tests and logs."""
    dispatcher.utter_message(text=text(name, **values), buttons=buttons or [], message_name=name)
