"""ActionSmallTalk: greetings and thanks, unless the message is really a posting question."""

from __future__ import annotations

import pytest

from actions import names
from actions.action_small_talk import ActionSmallTalk, asks_about_posting
from actions.catalog import CATALOGS
from actions.conversation import language_of
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action, slot_events

PASADENA = "pasadena-accounting-technician"


@pytest.mark.parametrize(
    "text",
    ["hi", "hello there!", "thanks a lot", "are you a bot?", "bye", "good morning", "am I talking to a human",
     "hola", "buenos días", "muchas gracias", "¿eres un robot?", "adiós", "¿hablo con una persona?", "¿eres humano?"],
)  # fmt: skip
def test_small_talk_is_small_talk(text: str) -> None:
    assert not asks_about_posting(text)


@pytest.mark.parametrize(
    "text",
    ["hi, is remote work possible?", "is this accounts payable or receivable", "hey is there parking",
     "hola, ¿hay estacionamiento?", "buenas, ¿se puede trabajar desde casa?"],
)  # fmt: skip
def test_a_question_inside_small_talk_is_a_question(text: str) -> None:
    assert asks_about_posting(text)


async def test_a_greeting_gets_the_greeting(catalog: Catalog) -> None:
    messages, events = await run_action(ActionSmallTalk(), make_tracker(intent="greet", text="hello!"))
    assert message_names(messages) == [names.REPLY_GREET] and events == []


async def test_a_bot_challenge_gets_the_answer(catalog: Catalog) -> None:
    messages, _ = await run_action(ActionSmallTalk(), make_tracker(intent="bot_challenge", text="are you a robot?"))
    assert message_names(messages) == [names.REPLY_I_AM_A_BOT]


async def test_a_posting_question_classified_as_small_talk_is_answered(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("actions.action_search_posting.get_catalog", lambda: catalog)
    tracker = make_tracker(
        intent="bot_challenge", text="is this job accounts payable?", slots={names.SLOT_POSTING: PASADENA}
    )
    messages, _ = await run_action(ActionSmallTalk(), tracker)
    assert message_names(messages) == [names.REPLY_SEARCH_ANSWER]
    assert "Accounts Payable" in messages[0]["text"]


async def test_small_talk_in_spanish_is_answered_in_spanish(catalog: Catalog) -> None:
    for intent, text, name in [
        ("greet", "hola, buenas tardes", names.REPLY_GREET),
        ("thank", "muchas gracias", names.REPLY_YOU_ARE_WELCOME),
        ("bot_challenge", "¿eres un robot?", names.REPLY_I_AM_A_BOT),
        ("goodbye", "adiós", names.REPLY_GOODBYE),
    ]:
        messages, events = await run_action(ActionSmallTalk(), make_tracker(intent=intent, text=text))
        assert message_names(messages) == [name] and slot_events(events) == {names.SLOT_LANGUAGE: "es"}
        assert messages[0]["text"] == CATALOGS["es"][name]


async def test_a_short_message_keeps_the_conversation_language(catalog: Catalog) -> None:
    tracker = make_tracker(intent="thank", text="ok", slots={names.SLOT_LANGUAGE: "es"})
    messages, _ = await run_action(ActionSmallTalk(), tracker)
    assert messages[0]["text"] == CATALOGS["es"][names.REPLY_YOU_ARE_WELCOME]


def test_the_language_to_answer_in() -> None:
    """The message's, else the applicant's choice, else the conversation's, else the page's, else English."""
    assert language_of(make_tracker(text="hola, ¿qué tal?", slots={names.SLOT_LANGUAGE: "en"})) == "es"
    assert language_of(make_tracker(text="ok", slots={names.SLOT_LANGUAGE: "es"}, metadata={"lang": "en"})) == "es"
    assert language_of(make_tracker(text="ok", metadata={"lang": "es-US"})) == "es"
    assert language_of(make_tracker(text="ok", metadata={"locale": "es-MX"})) == "es"
    assert language_of(make_tracker(text="ok", metadata={"language": "es"}, slots={names.SLOT_LANGUAGE: "en"})) == "es"
