"""ActionSearchPosting: long-tail questions, out of scope, not stated."""

from __future__ import annotations

from actions import names
from actions.action_search_posting import ActionSearchPosting
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, message_names, run_action

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


async def test_answers_from_the_best_passage_with_its_section(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="nlu_fallback", text="is there a multiple choice test?", slots={names.SLOT_POSTING: LAUSD}
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_SEARCH_ANSWER]
    assert "Multiple-Choice" in messages[0]["text"]
    (citation,) = messages[0]["custom"]["citations"]
    assert citation["section"] == "EMPLOYMENT SELECTION PROCESS"
    assert citation["title"] == "Employment selection process"
    assert citation["path"] == "/postings/lausd-accounting-technician-ii#employment-selection-process"
    assert messages[0]["text"].endswith("\n\nFrom the posting: Employment selection process")


async def test_says_not_stated_when_nothing_matches(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="nlu_fallback", text="is there free parking for the interview?", slots={names.SLOT_POSTING: PASADENA}
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_NOT_STATED]


async def test_a_question_outside_the_topics_still_gets_its_likeliest_topic_when_that_answers_it(
    catalog: Catalog,
) -> None:
    tracker = make_tracker(
        intent="ask_about_job",
        text="what's the lowest it starts at?",
        slots={names.SLOT_POSTING: PASADENA},
        ranking=[("ask_about_job", 0.7), ("ask_salary", 0.25), ("ask_location", 0.03)],
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_TOPIC_ANSWER]
    assert "$57,946.10" in messages[0]["text"]


async def test_the_likeliest_topic_is_not_sent_for_what_its_answer_does_not_hold(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="ask_about_job",
        text="which union would represent me?",
        slots={names.SLOT_POSTING: LAUSD},
        ranking=[("ask_about_job", 0.6), ("ask_location", 0.35), ("ask_benefits", 0.05)],
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_NOT_STATED]
    assert "union" in messages[0]["text"]


async def test_out_of_scope_gets_the_out_of_scope_reply(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="out_of_scope", text="what's the weather tomorrow?", slots={names.SLOT_POSTING: LAUSD}
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_OUT_OF_SCOPE]


async def test_out_of_scope_about_the_job_is_declined_with_the_contact(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="out_of_scope", text="how long of a lunch break do employees get", slots={names.SLOT_POSTING: LAUSD}
    )
    messages, _ = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_NOT_STATED]
    assert "lunch break" in messages[0]["text"] and "@lausd.net" in messages[0]["text"]


async def test_without_a_posting_asks_and_remembers_the_question(catalog: Catalog) -> None:
    tracker = make_tracker(intent="nlu_fallback", text="is there a typing test?")
    messages, events = await run_action(ActionSearchPosting(), tracker)
    assert message_names(messages) == [names.REPLY_ASK_WHICH_POSTING]
    slots = {e["name"]: e["value"] for e in events}
    assert slots == {
        names.SLOT_PENDING_TOPIC: names.PENDING_SEARCH,
        names.SLOT_PENDING_QUESTION: "is there a typing test?",
    }


async def test_an_id_on_its_own_gets_a_hint_not_a_form(catalog: Catalog) -> None:
    messages, events = await run_action(ActionSearchPosting(), make_tracker(intent="inform", text="A-10234"))
    assert message_names(messages) == [names.REPLY_STATUS_HINT]
    assert events == []


async def test_an_id_and_an_email_in_one_message_start_the_status_look_up(catalog: Catalog) -> None:
    tracker = make_tracker(intent="inform", text="HX-1234, me@example.org: where is my application at?")
    messages, events = await run_action(ActionSearchPosting(), tracker)
    assert messages == []
    assert events == [{"event": "followup", "name": names.FORM_STATUS, "timestamp": None}]


async def test_an_id_alone_gets_a_hint(catalog: Catalog) -> None:
    messages, events = await run_action(ActionSearchPosting(), make_tracker(intent="inform", text="A-1001"))
    assert message_names(messages) == [names.REPLY_STATUS_HINT] and events == []


async def test_the_answer_remembers_what_it_was_about(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="nlu_fallback", text="how many openings are there?", slots={names.SLOT_POSTING: PASADENA}
    )
    messages, events = await run_action(ActionSearchPosting(), tracker)
    assert "one vacancy" in messages[0]["text"]
    slots = {e["name"]: e["value"] for e in events if e["event"] == "slot"}
    assert slots[names.SLOT_LAST_SECTIONS] == ["VACANCIES"]
    assert any("one vacancy" in item for item in slots[names.SLOT_LAST_ITEMS])
    assert "@vacancy" in slots[names.SLOT_LAST_TERMS]
