"""The benchmark's question set covers every topic for both postings, and its judge is strict."""

from __future__ import annotations

import re

import yaml

from base.settings import PROJECT_ROOT
from bench.questions import SPANISH_QUESTIONS_FILE, Question, load_questions, normalize
from knowledge.topics import TOPICS
from tests.servers import SEED_POSTINGS


def test_at_least_150_questions_over_every_topic_and_both_postings() -> None:
    questions = load_questions()
    postings = {path.stem for path in SEED_POSTINGS.glob("*.txt")}
    assert len(questions) >= 150
    assert {(q.posting, q.topic) for q in questions} == {(p, t) for p in postings for t in TOPICS}


def test_at_least_100_spanish_questions_over_every_topic_and_both_postings() -> None:
    questions = load_questions(SPANISH_QUESTIONS_FILE)
    postings = {path.stem for path in SEED_POSTINGS.glob("*.txt")}
    assert len(questions) >= 100
    assert {(q.posting, q.topic) for q in questions} == {(p, t) for p in postings for t in TOPICS}
    assert not {q.text for q in questions} & {q.text for q in load_questions()}


def test_every_expected_fact_is_in_its_posting_text() -> None:
    for question in (*load_questions(), *load_questions(SPANISH_QUESTIONS_FILE)):
        text = normalize((SEED_POSTINGS / f"{question.posting}.txt").read_text(encoding="utf-8"))
        assert question.not_stated or question.expect, question.text
        for fact in question.expect:
            assert normalize(fact) in text, (question.text, fact)


def test_no_question_is_an_nlu_training_example() -> None:
    def plain(text: str) -> str:
        return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()

    examples = set()
    for path in (PROJECT_ROOT / "data" / "nlu").rglob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                examples.add(plain(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.lstrip("- "))))
    asked = (*load_questions(), *load_questions(SPANISH_QUESTIONS_FILE))
    assert not [q.text for q in asked if plain(q.text) in examples]


def test_a_reply_is_right_only_with_every_fact() -> None:
    question = Question(text="when?", posting="p", topic="deadline", named=True, expect=("December 11, 2025", "5 p.m."))
    assert question.is_answered_by("Apply by december  11, 2025 at 5 P.M. (from: Dates)")
    assert not question.is_answered_by("Apply by December 11, 2025.")
    assert not question.is_answered_by("The posting does not state an application deadline.")


def test_a_not_stated_topic_is_right_only_when_the_reply_says_so() -> None:
    question = Question(text="vpn?", posting="p", topic="vpn", named=False, not_stated=True)
    assert question.is_answered_by("The Pasadena posting does not state anything about VPN access.")
    assert not question.is_answered_by("Use the VPN client from home.")
    assert question.is_answered_by("La convocatoria de Pasadena no indica nada sobre el acceso por VPN.")


def test_the_page_sends_the_posting_only_when_the_text_does_not_name_it() -> None:
    assert Question(text="x", posting="p", topic="salary", named=False).page_metadata == {"posting_id": "p"}
    assert Question(text="x", posting="p", topic="salary", named=True).page_metadata == {}
