"""knowledge.responder: the question decides between a topic's answer, its sentences, and "not stated".

On a posting written for these tests (tests/knowledge/postings/riverside-library-assistant.txt),
so that nothing here depends on the seed postings.
"""

from __future__ import annotations

from datetime import date

import pytest

from knowledge.model import Posting
from knowledge.parser import parse_posting
from knowledge.responder import Context, Reply, Thresholds, respond, whole
from knowledge.search import PostingIndex
from tests.knowledge.conftest import variant_text

TODAY = date(2026, 3, 5)
NOTHING_SAID = Context()


@pytest.fixture(scope="module")
def riverside() -> Posting:
    return parse_posting(variant_text("riverside-library-assistant"), "riverside-library-assistant")


@pytest.fixture(scope="module")
def index(riverside: Posting) -> PostingIndex:
    return PostingIndex(riverside)


def ask(
    posting: Posting,
    index: PostingIndex,
    text: str,
    topic: str | None = None,
    *,
    confidence: float = 1.0,
    context: Context = NOTHING_SAID,
) -> Reply:
    return respond(text, posting, index, today=TODAY, topic=topic, confidence=confidence, context=context)


def test_a_question_outside_the_topics_gets_its_sentence(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "how many openings are there?")
    assert reply.stated and reply.text == "There are two vacancies at the Main Branch."
    assert reply.sections == ("ABOUT THE POSITION",)
    assert reply.whole == "section:ABOUT THE POSITION"


def test_a_wrong_topic_guess_does_not_choose_the_reply(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "how many openings are there?", "deadline", confidence=0.8)
    assert "two vacancies" in reply.text and "March" not in reply.text


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("is there parking for employees?", "location"),
        ("can I work from home?", "location"),
        ("is this a union job?", "benefits"),
        ("do you offer relocation assistance?", "benefits"),
        ("what's the dress code?", "job_number"),
        ("do I need to be a US citizen?", "requirements"),
    ],
)
def test_what_the_posting_does_not_say_is_declined(
    riverside: Posting, index: PostingIndex, question: str, topic: str
) -> None:
    reply = ask(riverside, index, question, topic, confidence=0.95)
    assert not reply.stated
    assert reply.subject and reply.subject != "" and reply.topic == topic


def test_a_narrow_question_gets_the_sentence_not_the_section(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "what is the written test on?", "selection_process")
    assert reply.stated and "alphabetizing and filing" in reply.text
    assert "screened" not in reply.text and len(reply.items) <= 3
    assert reply.whole == "topic:selection_process"
    full = whole(riverside, index, reply.whole, TODAY)
    assert "panel interview" in full.text and "alphabetizing" in full.text and full.whole is None


def test_the_whole_topic_when_asked_for(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "tell me about the selection process", "selection_process")
    assert "screened" in reply.text and "panel interview" in reply.text and reply.whole is None


def test_a_count_question_wants_a_count(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "how long does the eligible list last?")
    assert "one year" in reply.text


def test_follow_ups_answer_about_the_last_reply_more_specifically(riverside: Posting, index: PostingIndex) -> None:
    first = ask(riverside, index, "how do I ask for an accommodation for the test?", "accommodation")
    assert first.stated
    context = Context(first.items, first.sections, first.terms)
    number = ask(riverside, index, "what's their number?", "job_number", context=context)
    assert "(951) 555-0142" in number.text and number.text != first.text


def test_a_follow_up_never_repeats_the_last_reply(riverside: Posting, index: PostingIndex) -> None:
    first = ask(riverside, index, "what happens in the selection process?", "selection_process")
    context = Context(first.items, first.sections, first.terms)
    again = ask(riverside, index, "and who do I ask about it?", context=context)
    assert again.text != first.text
    assert again.stated and "libraryjobs@rivco.example.org" in again.text


def test_the_nth_item_of_the_last_reply(riverside: Posting, index: PostingIndex) -> None:
    items = ("Medical: ...", "Retirement: Membership in the County retirement plan.", "Holidays: Twelve.")
    context = Context(items, ("BENEFITS",), ("@benefit",))
    assert ask(riverside, index, "and the second one?", context=context).text == items[1]
    assert ask(riverside, index, "the last one?", context=context).text == items[2]
    assert not ask(riverside, index, "and the ninth one?", context=context).stated


def test_a_message_without_a_subject_is_not_understood(riverside: Posting, index: PostingIndex) -> None:
    assert not ask(riverside, index, "hmm ok").understood


def test_an_unstated_topic_is_not_stated_for_that_topic(riverside: Posting, index: PostingIndex) -> None:
    reply = ask(riverside, index, "is there a probation period?", "probation")
    assert not reply.stated and reply.topic == "probation"


def test_stricter_thresholds_decline_more(riverside: Posting, index: PostingIndex) -> None:
    question = "which branch are the openings at?"
    assert ask(riverside, index, question).stated
    strict = respond(question, riverside, index, today=TODAY, thresholds=Thresholds(answer_min_score=1.01))
    assert not strict.stated


def test_a_word_most_sentences_use_does_not_narrow_a_topic_answer(lausd: Posting) -> None:
    index = PostingIndex(lausd)
    assert index.is_common("applic") and not index.is_common("microfich")
    reply = ask(lausd, index, "will some kind of email come once my application is in?", "confirmation_email")
    assert reply.stated and "confirming" in reply.text  # not only the one sentence that also says "application"
