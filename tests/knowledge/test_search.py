"""knowledge.search.PostingIndex: sentence search inside one posting."""

from __future__ import annotations

import pytest

from knowledge.model import Posting
from knowledge.question import analyse
from knowledge.search import PostingIndex, units_of, windows_of


@pytest.fixture(scope="module")
def lausd_index(lausd: Posting) -> PostingIndex:
    return PostingIndex(lausd)


@pytest.fixture(scope="module")
def pasadena_index(pasadena: Posting) -> PostingIndex:
    return PostingIndex(pasadena)


def top(index: PostingIndex, question: str) -> str:
    hits = index.search(analyse(question))
    assert hits, question
    return hits[0].unit.text


@pytest.mark.parametrize(
    "question",
    ["Is there an Excel test?", "is it a multiple-choice exam", "will I be tested on Microsoft Excel"],
)
def test_the_sentence_that_answers_comes_first(lausd_index: PostingIndex, question: str) -> None:
    hits = lausd_index.search(analyse(question))
    assert "Microsoft 2016 Excel" in hits[0].unit.text
    assert hits[0].unit.section == "EMPLOYMENT SELECTION PROCESS"
    assert 0 < hits[0].score <= 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_a_synonym_finds_the_sentence(pasadena_index: PostingIndex) -> None:
    assert "one vacancy" in top(pasadena_index, "how many openings are there?")
    assert top(pasadena_index, "is it full time?") == "Job Type: 2025 - REGULAR FULLTIME 40+ HRS A WK"


def test_a_sentence_without_the_kind_of_fact_asked_scores_less(pasadena_index: PostingIndex) -> None:
    hit = pasadena_index.search(analyse("how many positions are open?"))[0]
    assert hit.unit.section == "VACANCIES" and hit.score == 1.0  # "one" is a count
    phone = pasadena_index.search(analyse("what's the phone number for the vacancy?"))[0]
    assert phone.score <= 0.5  # the posting gives no phone number


def test_a_labelled_line_matched_only_in_its_value_scores_less(lausd_index: PostingIndex) -> None:
    hit = lausd_index.search(analyse("is it full time?"))[0]
    assert hit.unit.text.startswith("Vacation:")
    assert hit.score < 0.75


def test_a_word_the_posting_never_uses_finds_nothing_sure(lausd_index: PostingIndex) -> None:
    hits = lausd_index.search(analyse("is there parking for staff?"))
    assert not hits or hits[0].score < 0.5


def test_two_neighbouring_sentences_answer_together(lausd_index: PostingIndex) -> None:
    hit = lausd_index.search(analyse("what number do I call about a disability accommodation for the test?"))[0]
    assert "Reasonable accommodations" in hit.unit.text and "(213) 241-3455" in hit.unit.text
    assert len(hit.unit.span) == 2


def test_units_are_sentences_each_once(pasadena: Posting) -> None:
    units = units_of(pasadena)
    texts = [(u.section, u.text) for u in units]
    assert len(set(texts)) == len(texts), "the repeated block is indexed once"
    assert "Job Number: 26-039" in {u.text for u in units}
    assert not any(u.text.startswith("- Yes") for u in units), "answer options are not units"
    assert [u.position for u in units] == list(range(len(units)))


def test_windows_stay_inside_one_paragraph(lausd: Posting) -> None:
    units = units_of(lausd)
    for window in windows_of(units):
        first, second = units[window.span[0]], units[window.span[-1]]
        assert first.paragraph == second.paragraph and first.section == second.section
        assert window.text == f"{first.text} {second.text}"


def test_hits_come_only_from_the_indexed_posting(lausd_index: PostingIndex, pasadena: Posting) -> None:
    pasadena_units = {u.text for u in units_of(pasadena)}
    for question in ("Excel multiple-choice test", "CalPERS pension", "ERP systems", "probation", "VPN"):
        for hit in lausd_index.search(analyse(question), limit=10):
            assert hit.unit.text not in pasadena_units


@pytest.mark.parametrize("question", ["", "?!", "hi", "what is the and of it", "please tell me"])
def test_questions_without_a_subject_find_nothing(lausd_index: PostingIndex, question: str) -> None:
    assert lausd_index.search(analyse(question)) == []


def test_words_naming_the_posting_do_not_make_a_sentence_relevant(lausd: Posting, lausd_index: PostingIndex) -> None:
    question = analyse("tell me about the Los Angeles Unified School District accounting technician", lausd)
    assert lausd_index.search(question) == []


def test_idf_weighs_a_word_the_posting_never_uses_most(lausd_index: PostingIndex) -> None:
    assert lausd_index.idf("zzz-unused") > lausd_index.idf("account") > 0


def test_a_word_the_stemmer_split_takes_the_posting_form(pasadena: Posting, pasadena_index: PostingIndex) -> None:
    question = analyse("if i apply next week will i still be considered", pasadena)
    assert "consid" in question.terms
    assert "consider" in pasadena_index.align(question)  # "first consideration given to those who apply by ..."


def test_words_that_only_begin_alike_stay_apart(pasadena: Posting, pasadena_index: PostingIndex) -> None:
    question = analyse("is the hiring very competitive", pasadena)
    assert pasadena_index.align(question) == question.terms  # competitive is not competency
