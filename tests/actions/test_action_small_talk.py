"""ActionSmallTalk: greetings and thanks, unless the message is really a posting question."""

from __future__ import annotations

import pytest

from actions import names
from actions.action_small_talk import ActionSmallTalk, asks_about_posting
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action

PASADENA = "pasadena-accounting-technician"


@pytest.mark.parametrize(
    "text", ["hi", "hello there!", "thanks a lot", "are you a bot?", "bye", "good morning", "am I talking to a human"]
)
def test_small_talk_is_small_talk(text: str) -> None:
    assert not asks_about_posting(text)


@pytest.mark.parametrize(
    "text", ["hi, is remote work possible?", "is this accounts payable or receivable", "hey is there parking"]
)
def test_a_question_inside_small_talk_is_a_question(text: str) -> None:
    assert asks_about_posting(text)


async def test_a_greeting_gets_the_greeting(catalog: Catalog) -> None:
    messages, events = await run_action(ActionSmallTalk(), make_tracker(intent="greet", text="hello!"))
    assert [m["response"] for m in messages] == ["utter_greet"] and events == []


async def test_a_bot_challenge_gets_the_answer(catalog: Catalog) -> None:
    messages, _ = await run_action(ActionSmallTalk(), make_tracker(intent="bot_challenge", text="are you a robot?"))
    assert [m["response"] for m in messages] == ["utter_iamabot"]


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
