"""knowledge.question: what a question asks, and whether it refers back."""

from __future__ import annotations

import pytest

from knowledge.model import Posting
from knowledge.question import analyse


def test_synonyms_become_one_concept() -> None:
    assert "@vacancy" in analyse("how many openings?").terms
    assert "@remote" in analyse("can I work from home?").terms
    assert "@remote" in analyse("is telework allowed").terms
    assert "@assessment" in analyse("what's on the exam?").terms


def test_a_word_inside_a_concept_is_not_counted_twice() -> None:
    assert "open" not in analyse("how many openings are there").terms


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("how many openings?", "count"),
        ("when is the deadline?", "date"),
        ("how much does it pay?", "money"),
        ("what's their phone number?", "phone"),
        ("what email address do I write to?", "email"),
        ("is there a website link for that?", "website"),
        ("who evaluates them?", "who"),
        ("how long is probation?", "duration"),
    ],
)
def test_the_kind_of_fact_asked_for(question: str, kind: str) -> None:
    assert kind in analyse(question).kinds


@pytest.mark.parametrize(
    "question",
    [
        "do i get some kind of email once my application is in?",
        "do current employees need vpn when they apply from home",
        "how much bookkeeping experience do they want",
        "what's the job number?",
    ],
)
def test_words_that_look_like_kinds_but_are_not(question: str) -> None:
    assert not analyse(question).kinds & {"email", "date", "money", "phone"}


def test_the_posting_s_own_name_and_its_short_forms_are_not_the_subject(lausd: Posting) -> None:
    question = analyse("when does the LAUSD accounting tech II job close", lausd)
    assert not [t for t in question.terms if t in {"lausd", "account", "tech", "ii"}]
    assert question.terms == ("@deadline",)


def test_a_question_for_the_whole_topic() -> None:
    assert analyse("tell me about the benefits").wants_everything
    assert analyse("list the duties").wants_everything
    assert not analyse("how many paid holidays?").wants_everything


@pytest.mark.parametrize(
    ("question", "ordinal"),
    [("and the second one?", 2), ("what about the third", 3), ("#4 please", 4), ("the last one?", -1)],
)
def test_ordinals_in_short_follow_ups(question: str, ordinal: int) -> None:
    assert analyse(question).ordinal == ordinal


def test_follow_ups_refer_back() -> None:
    assert analyse("who evaluates them?").refers_back
    assert analyse("what's their number?").refers_back
    assert not analyse("is it full time?").refers_back


def test_the_subject_in_the_applicant_s_words() -> None:
    assert analyse("do you offer relocation assistance?").subject == ("relocation assistance",)
    assert analyse("could I bring my dog to the office").subject == ("bring my dog to the office",)
    far_apart = analyse("what's the parking like, and is there somewhere close by for lunch?").subject
    assert far_apart == ("parking", "close", "lunch")
