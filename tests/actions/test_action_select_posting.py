"""ActionSelectPosting: buttons and switches answer the pending or last topic."""

from __future__ import annotations

from actions import names
from actions.action_select_posting import ActionSelectPosting
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action, slot_events

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


async def test_button_answers_the_pending_topic(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="select_posting",
        text=f'/select_posting{{"posting_id": "{LAUSD}"}}',
        entities=[{"entity": "posting_id", "value": LAUSD}],
        slots={names.SLOT_PENDING_TOPIC: "deadline"},
    )
    messages, events = await run_action(ActionSelectPosting(), tracker)
    assert "December 11, 2025" in messages[0]["text"]
    slots = slot_events(events)
    assert slots[names.SLOT_POSTING] == LAUSD
    assert slots[names.SLOT_PENDING_TOPIC] is None
    assert slots[names.SLOT_LAST_TOPIC] == "deadline"


async def test_switch_repeats_the_last_topic_for_the_new_posting(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="select_posting",
        text="what about the Pasadena one?",
        slots={names.SLOT_POSTING: LAUSD, names.SLOT_LAST_TOPIC: "benefits"},
    )
    messages, events = await run_action(ActionSelectPosting(), tracker)
    assert "2% @ 62" in messages[0]["text"]
    assert slot_events(events)[names.SLOT_POSTING] == PASADENA


async def test_choosing_without_a_topic_confirms(catalog: Catalog) -> None:
    tracker = make_tracker(intent="select_posting", text="I mean the LAUSD one")
    messages, _ = await run_action(ActionSelectPosting(), tracker)
    assert message_names(messages) == [names.REPLY_POSTING_SELECTED]


async def test_unclear_choice_asks_again(catalog: Catalog) -> None:
    tracker = make_tracker(intent="select_posting", text="the other one")
    messages, events = await run_action(ActionSelectPosting(), tracker)
    assert message_names(messages) == [names.REPLY_ASK_WHICH_POSTING]
    assert events == []


async def test_pending_search_question_is_answered_for_the_chosen_posting(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="select_posting",
        text="",
        entities=[{"entity": "posting_id", "value": LAUSD}],
        slots={
            names.SLOT_PENDING_TOPIC: names.PENDING_SEARCH,
            names.SLOT_PENDING_QUESTION: "is there a multiple choice test?",
        },
    )
    messages, _ = await run_action(ActionSelectPosting(), tracker)
    assert message_names(messages) == [names.REPLY_SEARCH_ANSWER]
    assert "Multiple-Choice" in messages[0]["text"]


async def test_a_question_that_names_the_posting_is_answered_not_just_selected(catalog: Catalog) -> None:
    tracker = make_tracker(intent="select_posting", text="is LAUSD the second largest district in the country?")
    messages, events = await run_action(ActionSelectPosting(), tracker)
    assert message_names(messages) == [names.REPLY_SEARCH_ANSWER]
    assert "second largest school district" in messages[0]["text"]
    assert slot_events(events)[names.SLOT_POSTING] == LAUSD


async def test_a_switch_with_no_question_only_selects(catalog: Catalog) -> None:
    tracker = make_tracker(intent="select_posting", text="switch to the pasadena one instead")
    messages, _ = await run_action(ActionSelectPosting(), tracker)
    assert message_names(messages) == [names.REPLY_POSTING_SELECTED]
