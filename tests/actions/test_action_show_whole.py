"""ActionShowWhole: the whole section a shortened answer came from."""

from __future__ import annotations

from actions import names
from actions.action_show_whole import ActionShowWhole
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action

LAUSD = "lausd-accounting-technician-ii"


async def test_the_button_s_topic_is_shown_whole(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent=names.INTENT_SHOW_WHOLE,
        text='/show_whole{"whole": "topic:selection_process"}',
        entities=[{"entity": names.ENTITY_WHOLE, "value": "topic:selection_process"}],
        slots={names.SLOT_POSTING: LAUSD},
    )
    messages, _ = await run_action(ActionShowWhole(), tracker)
    assert message_names(messages) == [names.REPLY_TOPIC_ANSWER]
    assert "competitive process" in messages[0]["text"] and "Multiple-Choice test" in messages[0]["text"]
    assert not messages[0]["buttons"]


async def test_typed_it_shows_the_last_answer_s_section(catalog: Catalog) -> None:
    slots = {names.SLOT_POSTING: LAUSD, names.SLOT_LAST_SECTIONS: ["BENEFITS"]}
    tracker = make_tracker(intent=names.INTENT_SHOW_WHOLE, text="show me the whole section", slots=slots)
    messages, _ = await run_action(ActionShowWhole(), tracker)
    assert "Up to 13 days" in messages[0]["text"] and "CalPERS" in messages[0]["text"]


async def test_nothing_to_show(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent=names.INTENT_SHOW_WHOLE, text="show the whole section", slots={names.SLOT_POSTING: LAUSD}
    )
    messages, _ = await run_action(ActionShowWhole(), tracker)
    assert message_names(messages) == [names.REPLY_NOTHING_TO_SHOW]
