"""The linear intent classifier learns, ranks, survives a save and load, and copes with tiny data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.linear_intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "ask_salary": ["how much does it pay", "what is the salary", "pay range?", "hourly wage for this job"],
    "ask_deadline": ["when is the deadline", "last day to apply", "when do applications close", "closing date?"],
    "greet": ["hi", "hello there", "good morning", "hey"],
}


def training_data(examples: dict[str, list[str]]) -> TrainingData:
    return TrainingData(
        [Message(data={"text": text, "intent": intent}) for intent, texts in examples.items() for text in texts]
    )


@pytest.fixture
def storage(tmp_path: Path) -> LocalModelStorage:
    return LocalModelStorage(tmp_path)


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


def trained(storage: LocalModelStorage, examples: dict[str, list[str]]) -> LinearIntentClassifier:
    classifier = LinearIntentClassifier.create({}, storage, Resource("intents"), context())
    classifier.train(training_data(examples))
    return classifier


def classify(classifier: LinearIntentClassifier, text: str) -> Message:
    return classifier.process([Message(data={"text": text})])[0]


def test_it_tells_the_intents_apart_with_ranked_confidences(storage: LocalModelStorage) -> None:
    message = classify(trained(storage, EXAMPLES), "what does the job pay per hour?")

    assert message.get("intent")["name"] == "ask_salary"
    ranking = message.get("intent_ranking")
    assert ranking[0]["name"] == "ask_salary" and len(ranking) == 3
    assert ranking == sorted(ranking, key=lambda r: -r["confidence"])
    assert sum(r["confidence"] for r in ranking) == pytest.approx(1.0)
    assert classify(trained(storage, EXAMPLES), "hello!").get("intent")["name"] == "greet"


def test_a_loaded_model_answers_exactly_as_the_trained_one(storage: LocalModelStorage) -> None:
    classifier = trained(storage, EXAMPLES)
    loaded = LinearIntentClassifier.load({}, storage, Resource("intents"), context())

    for text in ("closing date for applications", "hiya", "salary please", "", "¿cuánto paga?"):
        assert classify(loaded, text).get("intent_ranking") == classify(classifier, text).get("intent_ranking")


def test_two_intents_get_two_confidences(storage: LocalModelStorage) -> None:
    two = {k: v for k, v in EXAMPLES.items() if k != "greet"}
    message = classify(trained(storage, two), "when do they stop taking applications")
    assert message.get("intent")["name"] == "ask_deadline"
    assert {r["name"] for r in message.get("intent_ranking")} == set(two)


def test_one_intent_trains_nothing_and_sets_nothing(storage: LocalModelStorage) -> None:
    classifier = trained(storage, {"greet": EXAMPLES["greet"]})
    assert classify(classifier, "hi").get("intent") is None
    loaded = LinearIntentClassifier.load({}, storage, Resource("intents"), context())
    assert loaded.model is None


def test_the_ranking_is_cut_to_its_length(storage: LocalModelStorage) -> None:
    classifier = LinearIntentClassifier.create({"ranking_length": 2}, storage, Resource("short"), context())
    classifier.train(training_data(EXAMPLES))
    assert len(classify(classifier, "hi").get("intent_ranking")) == 2
