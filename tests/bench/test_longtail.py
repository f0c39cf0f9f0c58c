"""The long-tail question set is fresh, balanced and true to the postings; its judge is strict."""

from __future__ import annotations

import re
from collections import Counter

import yaml

from base.settings import PROJECT_ROOT
from bench.longtail import LongtailQuestion, answer_length, declines, judge, load_longtail, quotes, score
from bench.questions import load_questions, normalize
from tests.servers import SEED_POSTINGS


def test_at_least_150_questions_over_both_postings_in_two_halves() -> None:
    questions = load_longtail()
    assert len(questions) >= 150
    assert {q.posting for q in questions} == {p.stem for p in SEED_POSTINGS.glob("*.txt")}
    splits = Counter(q.split for q in questions)
    assert set(splits) == {"dev", "heldout"} and abs(splits["dev"] - splits["heldout"]) <= 4


def test_about_half_answerable_and_half_not_in_each_half() -> None:
    for split in ("dev", "heldout"):
        part = [q for q in load_longtail() if q.split == split]
        answerable = sum(q.answerable for q in part)
        assert 0.4 <= answerable / len(part) <= 0.6, split


def test_expected_strings_are_in_the_posting_and_only_answerable_questions_have_them() -> None:
    for question in load_longtail():
        text = normalize((SEED_POSTINGS / f"{question.posting}.txt").read_text(encoding="utf-8"))
        assert bool(question.expect) == question.answerable, question.text
        for fact in question.expect:
            assert normalize(fact) in text, (question.text, fact)


def test_no_question_is_a_training_example_or_in_the_topic_set() -> None:
    def plain(text: str) -> str:
        return re.sub(r"[^a-z0-9 ]", "", text.lower()).strip()

    taken = {plain(q.text) for q in load_questions()}
    for path in (PROJECT_ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                taken.add(plain(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line.lstrip("- "))))
    assert not [q.text for q in load_longtail() if plain(q.text) in taken]


def question(answerable: bool, *expect: str) -> LongtailQuestion:
    kind = "outside_topics" if answerable else "unanswerable"
    return LongtailQuestion("q", "p", False, kind, answerable, "heldout", tuple(expect))


def test_an_answer_is_right_only_with_every_string_and_no_decline() -> None:
    assert quotes("There is one vacancy in the Finance department.\n\nFrom the posting: x", ("one vacancy",))
    assert not quotes("There is one vacancy.", ("one vacancy", "Finance"))
    assert not quotes("The posting does not state that; it mentions one vacancy. Contact a@b.org", ("one vacancy",))


def test_a_decline_must_name_a_contact() -> None:
    assert declines("The X posting does not state anything about “parking”. For more, contact jo@x.org.")
    assert declines("The X posting does not state that. Please contact the human resources office.")
    assert not declines("The X posting does not state anything about “parking”.")
    assert not declines("Parking is free for employees.")


def test_scores() -> None:
    outcomes = [
        {"question": question(True, "one"), **judge(question(True, "one"), "one vacancy\n\nFrom the posting: s")},
        {"question": question(True, "two"), **judge(question(True, "two"), "does not state. a@b.org")},
        {"question": question(False), **judge(question(False), "does not state. a@b.org")},
        {"question": question(False), **judge(question(False), "Parking is free.")},
    ]
    result = score(outcomes)
    assert result["answerable_right"] == 0.5 and result["declined_right"] == 0.5
    assert result["wrongly_declined"] == 0.5 and result["not_stated_precision"] == 0.5
    assert answer_length("one vacancy\n\nFrom the posting: s") == len("one vacancy")
