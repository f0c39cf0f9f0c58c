"""The cross-validation folds are seeded, stratified, disjoint and complete; Rasa's default config is found."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bench.nlu import NLU_DATA, data_size, rasa_default_config, write_folds


def intents_of(path: Path) -> Counter[str]:
    return Counter(example.get("intent") for example in load_data(str(path)).intent_examples)


def texts_of(path: Path) -> list[str]:
    return sorted(example.get("text") for example in load_data(str(path)).intent_examples)


def test_folds_cover_every_example_once_and_keep_every_intent(tmp_path: Path) -> None:
    folds = write_folds(tmp_path, folds=5)
    size = data_size()

    tested = sorted(text for _, test in folds for text in texts_of(test))
    assert tested == texts_of(NLU_DATA) and len(tested) == size["examples"]
    for train, test in folds:
        assert sorted(texts_of(train) + texts_of(test)) == tested
        assert set(intents_of(test)) == set(intents_of(train))
        assert len(intents_of(test)) == size["intents"]


def test_the_same_seed_gives_the_same_folds(tmp_path: Path) -> None:
    first = write_folds(tmp_path / "a", folds=5)
    second = write_folds(tmp_path / "b", folds=5)
    assert [texts_of(test) for _, test in first] == [texts_of(test) for _, test in second]


def test_rasa_default_is_the_config_rasa_init_writes() -> None:
    config = rasa_default_config().read_text(encoding="utf-8")
    assert "recipe: default.v1" in config
    assert "\n#   - name: DIETClassifier" in config  # the pipeline is left empty: Rasa fills in its default
