"""Intent accuracy, weighted F1, training time and model size of NLU pipelines, on the same seeded folds.

Every pipeline is trained with `rasa train nlu` (its own process, timed from start to finish, with
an empty training cache) on the same stratified folds of `data/nlu`, and evaluated with Rasa's own
`rasa.nlu.test.run_evaluation` on the held-out fold. `rasa test nlu --cross-validation` is not used
because its folds are shuffled without a seed.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from actions.language import ENGLISH, detect
from base.settings import PROJECT_ROOT

if TYPE_CHECKING:
    from rasa.shared.nlu.training_data.message import Message

FOLDS = 5
SEED = 20261122
NLU_DATA = PROJECT_ROOT / "data" / "nlu"


def rasa_default_config() -> Path:
    """The config `rasa init` writes: an empty pipeline, which Rasa fills with its default one."""
    import rasa.cli

    return Path(rasa.cli.__file__).parent / "initial_project" / "config.yml"


@dataclass(frozen=True)
class FoldResult:
    """One pipeline trained on four folds and tested on the fifth."""

    fold: int
    accuracy: float
    weighted_f1: float
    training_seconds: float
    model_bytes: int
    by_language: dict[str, float]


@dataclass(frozen=True)
class Fold:
    """One fold's files: the training examples (all, and per language) and the held-out ones per language."""

    train: Path
    train_by_language: dict[str, Path]
    test_by_language: dict[str, Path]


def language_of(path: Path) -> str:
    """`data/nlu/es/greet.yml` is Spanish; the files directly in `data/nlu` are English."""
    relative = path.relative_to(NLU_DATA)
    return relative.parts[0] if len(relative.parts) > 1 else ENGLISH


def load_examples() -> list[tuple[Message, str]]:
    """Every NLU example once, with the language of the file it comes from (English first)."""
    from rasa.shared.nlu.training_data.loading import load_data

    found: list[tuple[Message, str]] = []
    seen: set[tuple[str, str]] = set()
    for path in sorted(NLU_DATA.rglob("*.yml"), key=lambda p: (language_of(p) != ENGLISH, str(p))):
        for example in load_data(str(path)).intent_examples:
            key = (example.get("text"), example.get("intent"))
            if key not in seen:
                seen.add(key)
                found.append((example, language_of(path)))
    return found


def data_size() -> dict[str, Any]:
    """How many NLU examples and intents the folds are drawn from, and how many examples per language."""
    examples = load_examples()
    languages = [language for _, language in examples]
    return {
        "examples": len(examples),
        "intents": len({example.get("intent") for example, _ in examples}),
        "by_language": {language: languages.count(language) for language in sorted(set(languages))},
    }


def _write(examples: list[Message], path: Path) -> Path:
    from rasa.shared.nlu.training_data.training_data import TrainingData

    TrainingData(training_examples=examples).persist_nlu(str(path))
    return path


def write_folds(workdir: Path, folds: int = FOLDS, seed: int = SEED) -> list[Fold]:
    """Split the NLU examples into folds stratified by intent and language; write each fold's files."""
    from sklearn.model_selection import StratifiedKFold

    workdir.mkdir(parents=True, exist_ok=True)
    examples = load_examples()
    languages = sorted({language for _, language in examples})
    strata = [f"{example.get('intent')}/{language}" for example, language in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    written = []
    for number, (train_index, test_index) in enumerate(splitter.split(examples, strata), start=1):
        train, test = [examples[i] for i in train_index], [examples[i] for i in test_index]
        written.append(
            Fold(
                train=_write([e for e, _ in train], workdir / f"fold{number}-train.yml"),
                train_by_language={
                    language: _write([e for e, lang in train if lang == language],
                                     workdir / f"fold{number}-train-{language}.yml")
                    for language in languages
                },
                test_by_language={
                    language: _write([e for e, lang in test if lang == language],
                                     workdir / f"fold{number}-test-{language}.yml")
                    for language in languages
                },
            )
        )  # fmt: skip
    return written


def _rasa_environment(cache: Path | None = None) -> dict[str, str]:
    """Rasa quiet, without telemetry, with its own (empty) training cache when `cache` is given."""
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "LOG_LEVEL": "WARNING"}
    if cache is not None:
        env["RASA_CACHE_DIRECTORY"] = str(cache)
    return env


def _timed_rasa_train(arguments: list[str], *, out: Path, cwd: Path) -> float:
    """Run `rasa train <arguments>` with an empty cache under `out`; its wall-clock seconds."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "train", *arguments, "--out", str(out)],
        env=_rasa_environment(cache=out / "cache"), cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        output = f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        raise RuntimeError(f"rasa train {' '.join(arguments)} failed:\n{output}")
    return seconds


def train_nlu(config: Path, nlu: Path, out: Path, name: str) -> tuple[float, Path]:
    """Run `rasa train nlu` from scratch; the wall-clock seconds and the model file."""
    config_copy = out / f"{name}-config.yml"  # Rasa writes the filled-in default back into the file
    shutil.copyfile(config, config_copy)
    arguments = ["nlu", "--config", str(config_copy), "--nlu", str(nlu), "--fixed-model-name", name]
    return _timed_rasa_train(arguments, out=out, cwd=out), out / f"{name}.tar.gz"


def full_training(out: Path) -> dict[str, Any]:
    """`rasa train` of the whole assistant (NLU and dialogue) from scratch, as `make train` runs it."""
    arguments = ["--config", str(PROJECT_ROOT / "bot" / "config.yml"), "--domain", str(PROJECT_ROOT / "bot" / "domain"),
                 "--data", str(PROJECT_ROOT / "data"), "--fixed-model-name", "helpbot"]  # fmt: skip
    seconds = _timed_rasa_train(arguments, out=out, cwd=PROJECT_ROOT)
    return {"seconds": round(seconds, 1), "model_bytes": (out / "helpbot.tar.gz").stat().st_size}


def evaluate(model: Path, tests: dict[str, Path], out: Path) -> dict[str, list[Prediction]]:
    """`model`'s intent for every example of each test file, computed in a separate process (bench.nlu_evaluation)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.nlu_evaluation", str(model), str(out), *(str(p) for p in tests.values())],
        env=_rasa_environment(), cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"evaluating {model} failed:\n{result.stderr[-2000:]}")
    found: list[list[dict[str, Any]]] = json.loads(result.stdout.strip().splitlines()[-1])
    return {
        language: [Prediction(p["text"], p["intent"], p["predicted"]) for p in predictions]
        for language, predictions in zip(tests, found, strict=True)
    }


@dataclass(frozen=True)
class Prediction:
    """One held-out example: its text, its intent and the intent the model gave it."""

    text: str
    intent: str
    predicted: str | None


def scores(predictions: dict[str, list[Prediction]]) -> tuple[float, float, dict[str, float]]:
    """Accuracy and weighted F1 over all languages (as Rasa's intent report has them), and accuracy per language."""
    from sklearn.metrics import accuracy_score, f1_score

    every = [p for language in predictions.values() for p in language]
    targets, predicted = [p.intent for p in every], [str(p.predicted) for p in every]
    by_language = {
        language: round(sum(p.intent == p.predicted for p in items) / len(items), 4)
        for language, items in predictions.items()
        if items
    }
    weighted = f1_score(targets, predicted, average="weighted", zero_division=0)
    return float(accuracy_score(targets, predicted)), float(weighted), by_language


def routed(by_model: dict[str, dict[str, list[Prediction]]]) -> dict[str, list[Prediction]]:
    """A language-detected route: each held-out example answered by the model of the language detected in it.

    `by_model[model_language][test_language]` are that model's predictions; an example whose
    language cannot be told goes to the English model (a first message has no conversation yet).
    """
    chosen: dict[str, list[Prediction]] = {}
    for test_language in next(iter(by_model.values())):
        rows = zip(*(by_model[model][test_language] for model in by_model), strict=True)
        models = list(by_model)
        chosen[test_language] = [row[models.index(detect(row[0].text) or ENGLISH)] for row in rows]
    return chosen


def _fold_result(number: int, predictions: dict[str, list[Prediction]], seconds: float, size: int) -> FoldResult:
    accuracy, weighted_f1, by_language = scores(predictions)
    return FoldResult(number, round(accuracy, 4), round(weighted_f1, 4), round(seconds, 1), size, by_language)


def cross_validate(
    pipelines: dict[str, Path], workdir: Path, folds: int = FOLDS, routes: dict[str, Path] | None = None
) -> dict[str, Any]:
    """Every pipeline on every fold, with a progress bar; per-fold results and their means.

    Each of `routes` is trained once per language on that language's training examples, and
    scored as a language-detected route (see `routed`), on the same held-out examples.
    """
    routes = routes or {}
    fold_files = write_folds(workdir, folds)
    results: dict[str, list[FoldResult]] = {name: [] for name in [*pipelines, *(route_name(n) for n in routes)]}
    steps = [(name, False, n) for name in pipelines for n in range(1, folds + 1)]
    steps += [(name, True, n) for name in routes for n in range(1, folds + 1)]
    with tqdm(steps, desc="NLU cross-validation", unit="fold", file=sys.stderr) as progress:
        for name, is_route, number in progress:
            label = route_name(name) if is_route else name
            progress.set_postfix_str(f"{label}, fold {number}")
            fold = fold_files[number - 1]
            out = workdir / f"{slug(label)}-fold{number}"
            out.mkdir()
            if not is_route:
                seconds, model = train_nlu(pipelines[name], fold.train, out, "model")
                predictions = evaluate(model, fold.test_by_language, out / "results")
                results[label].append(_fold_result(number, predictions, seconds, model.stat().st_size))
                continue
            by_model, seconds, size = {}, 0.0, 0
            for language, train in fold.train_by_language.items():
                taken, model = train_nlu(routes[name], train, out, f"model-{language}")
                by_model[language] = evaluate(model, fold.test_by_language, out / f"results-{language}")
                seconds, size = seconds + taken, size + model.stat().st_size
            results[label].append(_fold_result(number, routed(by_model), seconds, size))
    return {name: summarize(fold_results) for name, fold_results in results.items()}


def route_name(name: str) -> str:
    return f"{name}, per-language route"


def summarize(folds: list[FoldResult]) -> dict[str, Any]:
    """Means (and spread) over the folds, with the folds themselves."""
    return {
        "accuracy": round(statistics.mean(f.accuracy for f in folds), 4),
        "accuracy_stdev": round(statistics.pstdev(f.accuracy for f in folds), 4),
        "weighted_f1": round(statistics.mean(f.weighted_f1 for f in folds), 4),
        "training_seconds": round(statistics.mean(f.training_seconds for f in folds), 1),
        "model_bytes": round(statistics.mean(f.model_bytes for f in folds)),
        "by_language": {
            language: round(statistics.mean(f.by_language[language] for f in folds), 4)
            for language in folds[0].by_language
        },
        "folds": [asdict(f) for f in folds],
    }


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower())


if __name__ == "__main__":
    import tempfile

    # `python -m bench.nlu [CONFIG...]`: helpbot's pipeline (or the configs given), in one model and routed by language
    configs = {Path(p).stem: Path(p) for p in sys.argv[1:]} or {"helpbot": PROJECT_ROOT / "bot" / "config.yml"}
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(cross_validate(configs, Path(tmp), routes=configs), indent=2))
