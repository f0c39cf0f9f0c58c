"""The topics: intents to topics, and the likeliest topic of a question outside them."""

from __future__ import annotations

import pytest

from knowledge.topics import OUTSIDE_TOPICS_TRUST, TOPICS, likeliest_topic, topic_of_intent


@pytest.mark.parametrize(
    ("intent", "topic"),
    [("ask_salary", "salary"), ("ask_supplemental_questions", "supplemental_questions"), ("ask_about_job", None),
     ("ask_capabilities", None), ("greet", None), (None, None)],
)  # fmt: skip
def test_only_topic_intents_name_a_topic(intent: str | None, topic: str | None) -> None:
    assert topic_of_intent(intent) == topic
    assert topic is None or topic in TOPICS


def test_the_likeliest_topic_is_the_best_ranked_topic_with_its_share_of_the_topics() -> None:
    ranking = [("ask_about_job", 0.6), ("ask_salary", 0.3), ("greet", 0.05), ("ask_benefits", 0.1)]
    topic, confidence = likeliest_topic("ask_about_job", ranking)
    assert topic == "salary"
    assert confidence == pytest.approx(OUTSIDE_TOPICS_TRUST * 0.3 / 0.4)


def test_a_topic_alone_in_the_ranking_is_trusted_only_as_far_as_the_discount_allows() -> None:
    ranking = [("nlu_fallback", 0.9), ("ask_deadline", 0.1)]
    assert likeliest_topic("nlu_fallback", ranking, trust=0.5) == ("deadline", 0.5)


@pytest.mark.parametrize("ranking", [[], [("ask_about_job", 1.0), ("greet", 0.2)], [("ask_salary", 0.0)]])
def test_no_topic_in_the_ranking_gives_no_hint(ranking: list[tuple[str, float]]) -> None:
    assert likeliest_topic("ask_about_job", ranking) == (None, 0.0)


@pytest.mark.parametrize("intent", ["out_of_scope", "greet", "ask_salary", None])
def test_only_a_question_outside_the_topics_gets_a_hint(intent: str | None) -> None:
    assert likeliest_topic(intent, [("ask_salary", 0.9), ("ask_benefits", 0.1)]) == (None, 0.0)
