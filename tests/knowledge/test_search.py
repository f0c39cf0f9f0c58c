"""knowledge.search.PostingIndex: passage search inside one posting."""

from __future__ import annotations

import re

import pytest

from knowledge.model import Posting
from knowledge.search import PostingIndex, analyse, passages_of


@pytest.fixture(scope="module")
def lausd_index(lausd: Posting) -> PostingIndex:
    return PostingIndex(lausd)


@pytest.fixture(scope="module")
def pasadena_index(pasadena: Posting) -> PostingIndex:
    return PostingIndex(pasadena)


@pytest.mark.parametrize(
    "question",
    [
        "Is there an Excel test?",
        "what kind of test is it, excel?",
        "Is it a multiple-choice test?",
        "multiple choice exam",
        "will I be tested on Microsoft Excel",
    ],
)
def test_excel_and_multiple_choice_find_the_selection_passage(lausd_index: PostingIndex, question: str) -> None:
    hits = lausd_index.search(question)
    assert hits, question
    top = hits[0]
    assert top.passage.section == "EMPLOYMENT SELECTION PROCESS"
    assert "Computerized Online Skills Assessment (Microsoft 2016 Excel) and a Multiple-Choice test" in (
        top.passage.text
    )
    assert 0 < top.score <= 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_vpn_question(lausd_index: PostingIndex) -> None:
    top = lausd_index.search("how do I connect to the VPN from home")[0]
    assert top.passage.section == "INFORMATION ABOUT LAUSD"
    assert "GlobalProtect" in top.passage.text


def test_pasadena_question(pasadena_index: PostingIndex) -> None:
    top = pasadena_index.search("do I need experience with ERP systems?")[0]
    assert "Enterprise Resource Planning (ERP)" in top.passage.text or "ERP systems" in top.passage.text


def test_hits_come_only_from_the_indexed_posting(
    lausd: Posting, pasadena: Posting, lausd_index: PostingIndex, pasadena_index: PostingIndex
) -> None:
    lausd_body = "\n".join(s.body for s in lausd.sections)
    pasadena_body = "\n".join(s.body for s in pasadena.sections)
    for question in (
        "Excel multiple-choice test",
        "salary",
        "benefits CalPERS retirement",
        "ERP systems",
        "probation period",
        "VPN",
        "job number",
    ):
        for hit in lausd_index.search(question, limit=10):
            assert hit.passage.section in {s.heading for s in lausd.sections}
            assert hit.passage.text.split("; ")[0] in lausd_body
            assert "Pasadena" not in hit.passage.text
        for hit in pasadena_index.search(question, limit=10):
            assert hit.passage.section in {s.heading for s in pasadena.sections}
            assert hit.passage.text.split("; ")[0] in pasadena_body
            assert not re.search(r"LAUSD|Excel|GlobalProtect", hit.passage.text)


def test_excel_is_not_found_in_pasadena(pasadena_index: PostingIndex) -> None:
    assert pasadena_index.search("Is there an Excel test?") == []
    assert pasadena_index.search("multiple-choice test") == []


def test_index_knows_its_posting(lausd_index: PostingIndex, pasadena_index: PostingIndex) -> None:
    assert lausd_index.posting_id == "lausd-accounting-technician-ii"
    assert pasadena_index.posting_id == "pasadena-accounting-technician"


@pytest.mark.parametrize("question", ["", "?!", "hi", "what is the and of it", "please tell me"])
def test_empty_or_stop_word_questions(lausd_index: PostingIndex, question: str) -> None:
    assert lausd_index.search(question) == []


def test_limit(lausd_index: PostingIndex) -> None:
    assert len(lausd_index.search("accounting application district", limit=2)) == 2
    assert len(lausd_index.search("accounting application district", limit=5)) == 5


def test_passages(pasadena: Posting) -> None:
    passages = passages_of(pasadena)
    header = {p.text for p in passages if p.section == "Posting header"}
    assert {"Job Number: 26-039", "Salary : $57,946.10 - $68,821.79 Annually"} <= header  # a field per passage
    for passage in passages:
        if passage.text not in header:
            assert len(re.findall(r"[A-Za-z]+", passage.text)) >= 5
    assert not any(p.text.startswith("- ") for p in passages if p.section == "Supplemental Questions")
    assert len({(p.section, p.text) for p in passages}) == len(passages), "the repeated block is indexed once"


def test_analyse() -> None:
    tokens = analyse("Multiple-choice tests for the position")
    assert "multiple" in tokens
    assert "choice" in tokens
    assert "test" in tokens  # crude stem of "tests"
    assert "position" not in tokens  # stop word
    assert "multiple choice" in tokens


def test_full_time_finds_the_job_type_field(pasadena: Posting) -> None:
    hits = PostingIndex(pasadena).search("is it a full-time job?")
    assert hits and hits[0].passage.text == "Job Type: 2025 - REGULAR FULLTIME 40+ HRS A WK"


def test_words_naming_the_posting_do_not_make_a_passage_relevant(lausd: Posting) -> None:
    question = "tell me about the Los Angeles Unified School District accounting technician"
    assert PostingIndex(lausd).search(question) == []
