"""knowledge.vocabulary: stems, concepts and the shapes of facts."""

from __future__ import annotations

import pytest

from knowledge.vocabulary import CONCEPTS, GENERIC_WORDS, about_work, concepts, content_terms, has_shape, words


def test_no_concept_member_is_a_word_every_question_uses() -> None:
    """`job #` would reduce to `job`, which every question about a job says."""
    job_words = {"job", "jobs", "position", "posting", "apply", "application", "role"}
    for name, members in CONCEPTS.items():
        for member in members:
            assert words(member) and (len(words(member)) > 1 or words(member)[0] not in job_words), (name, member)
            assert len(words(member)) > 1 or words(member)[0] not in GENERIC_WORDS - {"call", "due"}, (name, member)


def test_compounds_and_possessives() -> None:
    assert words("Full-time at the city's office, on-line") == ["fulltime", "at", "the", "city", "office", "online"]


def test_stems_join_word_forms() -> None:
    assert content_terms("vacancies") == content_terms("vacancy")
    assert content_terms("evaluates") == content_terms("evaluation")


def test_concepts_match_whole_words_and_phrases() -> None:
    assert concepts("There is one vacancy in Finance") == {"@vacancy"}
    assert "@remote" in concepts("Is working from home possible?")
    assert "@parking" not in concepts("parks and recreation")  # no partial words
    assert concepts("apply for the job") == set()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Please call (213) 241-3455.", "phone"),
        ("Email us at helpmeapply@lausd.net", "email"),
        ("visit http://www.lausdjobs.org", "website"),
        ("Salary : $57,946.10 - $68,821.79 Annually", "money"),
        ("There is one vacancy", "count"),
        ("Eligibility typically lasts for 12 months.", "duration"),
        ("November 26, 2025 - December 11, 2025", "date"),
    ],
)
def test_shapes_of_facts(text: str, kind: str) -> None:
    assert has_shape(text, kind)


def test_a_sentence_without_a_phone_number_has_no_phone_shape() -> None:
    assert not has_shape("Job Number: 26-039", "phone")


@pytest.mark.parametrize(
    "text",
    ["can staff work from home a couple of days", "how long is the lunch break", "do employees get free tickets",
     "is the union strong here", "who would my supervisor be"],
)
def test_questions_about_working_are_about_work(text: str) -> None:
    assert about_work(text)


@pytest.mark.parametrize(
    "text", ["what's the weather like tomorrow", "tell me a joke", "how do i pay a parking ticket", "who won the game"]
)
def test_questions_about_anything_else_are_not(text: str) -> None:
    assert not about_work(text)


def test_a_number_sign_after_a_word_is_the_word_number() -> None:
    assert words("recruitment # for my letter") == ["recruitment", "number", "for", "my", "letter"]
    assert words("job #26-039") == ["job", "number", "26", "039"]
    assert words("#3") == ["3"]


def test_a_concept_phrase_matches_its_other_word_forms() -> None:
    assert "@discrimination" in concepts("committed to equal opportunities for all")
    assert "@remote" in concepts("she worked from home last year")
    assert "@phone" not in concepts("a test so-called hard")  # single words match only as written
