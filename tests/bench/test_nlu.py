"""The cross-validation folds are seeded, stratified by intent and language, disjoint and complete; Rasa's
default config is found; the per-language scores and the language-detected route are computed right."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bench.nlu import NLU_DATA, Prediction, data_size, language_of, rasa_default_config, routed, scores, write_folds


def intents_of(path: Path) -> Counter[str]:
    return Counter(example.get("intent") for example in load_data(str(path)).intent_examples)


def texts_of(path: Path) -> list[str]:
    return sorted(example.get("text") for example in load_data(str(path)).intent_examples)


def test_folds_cover_every_example_once_and_keep_every_intent_in_every_language(tmp_path: Path) -> None:
    folds = write_folds(tmp_path, folds=5)
    size = data_size()

    tested = sorted(text for fold in folds for test in fold.test_by_language.values() for text in texts_of(test))
    assert len(tested) == size["examples"]
    for fold in folds:
        held_out = sorted(text for test in fold.test_by_language.values() for text in texts_of(test))
        assert sorted(texts_of(fold.train) + held_out) == tested
        for language, test in fold.test_by_language.items():
            train = fold.train_by_language[language]
            assert set(intents_of(test)) == set(intents_of(train)) == set(intents_of(fold.train))
            assert len(intents_of(test)) == size["intents"]
            assert sorted(texts_of(train) + texts_of(test)) == sorted(
                text for f in folds for text in texts_of(f.test_by_language[language])
            )


def test_every_language_has_its_share_in_every_fold(tmp_path: Path) -> None:
    folds = write_folds(tmp_path, folds=5)
    counts = data_size()["by_language"]
    assert set(counts) == {"en", "es"}
    for fold in folds:
        for language, test in fold.test_by_language.items():
            assert abs(len(texts_of(test)) - counts[language] / 5) <= data_size()["intents"]


def test_the_same_seed_gives_the_same_folds(tmp_path: Path) -> None:
    first = write_folds(tmp_path / "a", folds=5)
    second = write_folds(tmp_path / "b", folds=5)
    assert [texts_of(f.test_by_language["es"]) for f in first] == [texts_of(f.test_by_language["es"]) for f in second]


def test_files_under_a_language_folder_are_that_language() -> None:
    assert language_of(NLU_DATA / "es" / "greet.yml") == "es"
    assert language_of(NLU_DATA / "greet.yml") == "en"


def test_scores_per_language_and_weighted_f1() -> None:
    predictions = {
        "en": [Prediction("a", "x", "x"), Prediction("b", "y", "x")],
        "es": [Prediction("c", "x", "x"), Prediction("d", "y", "y"), Prediction("e", "y", "y")],
    }
    accuracy, weighted_f1, by_language = scores(predictions)
    assert accuracy == 0.8 and by_language == {"en": 0.5, "es": 1.0}
    assert 0.5 < weighted_f1 < 1.0


def test_the_route_takes_each_example_from_the_model_of_its_detected_language() -> None:
    english_model = {"en": [Prediction("when is the deadline?", "ask_deadline", "ask_deadline")],
                     "es": [Prediction("¿cuándo cierra la convocatoria?", "ask_deadline", "greet")]}  # fmt: skip
    spanish_model = {"en": [Prediction("when is the deadline?", "ask_deadline", "goodbye")],
                     "es": [Prediction("¿cuándo cierra la convocatoria?", "ask_deadline", "ask_deadline")]}  # fmt: skip
    chosen = routed({"en": english_model, "es": spanish_model})
    assert chosen["en"][0].predicted == "ask_deadline" and chosen["es"][0].predicted == "ask_deadline"


def test_rasa_default_is_the_config_rasa_init_writes() -> None:
    config = rasa_default_config().read_text(encoding="utf-8")
    assert "recipe: default.v1" in config
    assert "\n#   - name: DIETClassifier" in config  # the pipeline is left empty: Rasa fills in its default
