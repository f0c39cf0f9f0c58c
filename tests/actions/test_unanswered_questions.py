"""The actions note the questions they could not answer well (redacted), and only those."""

from __future__ import annotations

from actions import names
from actions.action_answer_topic import ActionAnswerTopic
from actions.action_search_posting import ActionSearchPosting
from actions.action_select_posting import ActionSelectPosting
from helpdesk import unanswered
from knowledge.catalog import Catalog
from tests.actions.helpers import make_tracker, run_action

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


def noted() -> list[tuple[str | None, str, str]]:
    return sorted((q.posting_id, q.text, q.reason) for g in unanswered.open_groups() for q in g.questions)


async def test_not_stated_and_fallback_are_noted_without_personal_details(catalog: Catalog) -> None:
    question = "is there free parking for the interview? mail me at jo@example.com"
    await run_action(
        ActionSearchPosting(), make_tracker(intent="out_of_scope", text=question, slots={names.SLOT_POSTING: PASADENA})
    )
    await run_action(
        ActionSearchPosting(),
        make_tracker(intent="nlu_fallback", text="blorp zzz A-1002", slots={names.SLOT_POSTING: LAUSD}),
    )
    assert noted() == [
        (LAUSD, "blorp zzz [id]", unanswered.FALLBACK),
        (PASADENA, "is there free parking for the interview? mail me at [email]", unanswered.NOT_STATED),
    ]


async def test_answered_questions_and_requests_for_no_job_are_not_noted(catalog: Catalog) -> None:
    await run_action(
        ActionAnswerTopic(),
        make_tracker(intent="ask_deadline", text="when is the deadline?", slots={names.SLOT_POSTING: LAUSD}),
    )
    await run_action(
        ActionSearchPosting(),
        make_tracker(intent="out_of_scope", text="what's the weather tomorrow?", slots={names.SLOT_POSTING: LAUSD}),
    )
    assert noted() == []


async def test_an_answer_on_a_low_confidence_guess_is_noted(catalog: Catalog) -> None:
    tracker = make_tracker(intent="ask_deadline", text="when is the deadline?", slots={names.SLOT_POSTING: LAUSD})
    tracker.latest_message["intent"]["confidence"] = 0.35
    await run_action(ActionAnswerTopic(), tracker)
    assert noted() == [(LAUSD, "when is the deadline?", unanswered.LOW_CONFIDENCE)]


async def test_a_question_waiting_for_which_posting_is_noted_once_answered(catalog: Catalog) -> None:
    tracker = make_tracker(
        intent="select_posting",
        text="",
        entities=[{"entity": "posting_id", "value": PASADENA}],
        slots={
            names.SLOT_PENDING_TOPIC: names.PENDING_SEARCH,
            names.SLOT_PENDING_QUESTION: "is there free parking for the interview?",
        },
    )
    await run_action(ActionSelectPosting(), tracker)
    assert noted() == [(PASADENA, "is there free parking for the interview?", unanswered.NOT_STATED)]
