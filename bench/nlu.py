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
from typing import Any

from tqdm import tqdm

from base.settings import PROJECT_ROOT

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


def data_size() -> dict[str, int]:
    """How many NLU examples and intents the folds are drawn from."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(NLU_DATA))
    return {"examples": len(data.intent_examples), "intents": len(data.intents)}


def write_folds(workdir: Path, folds: int = FOLDS, seed: int = SEED) -> list[tuple[Path, Path]]:
    """Split the NLU examples into stratified folds; write each fold's train and test files."""
    from rasa.shared.nlu.training_data.loading import load_data
    from rasa.shared.nlu.training_data.training_data import TrainingData
    from sklearn.model_selection import StratifiedKFold

    workdir.mkdir(parents=True, exist_ok=True)
    data = load_data(str(NLU_DATA))
    examples = data.intent_examples
    intents = [example.get("intent") for example in examples]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    paths = []
    for number, (train_index, test_index) in enumerate(splitter.split(examples, intents), start=1):
        train = TrainingData(
            training_examples=[examples[i] for i in train_index],
            entity_synonyms=data.entity_synonyms,
            regex_features=data.regex_features,
            lookup_tables=data.lookup_tables,
        )
        test = TrainingData(training_examples=[examples[i] for i in test_index])
        train_path, test_path = workdir / f"fold{number}-train.yml", workdir / f"fold{number}-test.yml"
        train.persist_nlu(str(train_path))
        test.persist_nlu(str(test_path))
        paths.append((train_path, test_path))
    return paths


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


def evaluate(model: Path, test: Path, out: Path) -> dict[str, Any]:
    """Rasa's intent report for `model` on `test`, computed in a separate process (bench.nlu_evaluation)."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.nlu_evaluation", str(model), str(test), str(out)],
        env=_rasa_environment(), cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if result.returncode != 0:
        raise RuntimeError(f"evaluating {model} failed:\n{result.stderr[-2000:]}")
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def cross_validate(pipelines: dict[str, Path], workdir: Path, folds: int = FOLDS) -> dict[str, Any]:
    """Every pipeline on every fold, with a progress bar; per-fold results and their means."""
    fold_files = write_folds(workdir, folds)
    results: dict[str, list[FoldResult]] = {name: [] for name in pipelines}
    steps = [(name, number) for name in pipelines for number in range(1, folds + 1)]
    with tqdm(steps, desc="NLU cross-validation", unit="fold", file=sys.stderr) as progress:
        for name, number in progress:
            progress.set_postfix_str(f"{name}, fold {number}")
            train, test = fold_files[number - 1]
            out = workdir / f"{slug(name)}-fold{number}"
            out.mkdir()
            seconds, model = train_nlu(pipelines[name], train, out, "model")
            report = evaluate(model, test, out / "results")
            results[name].append(
                FoldResult(
                    fold=number,
                    accuracy=float(report["accuracy"]),
                    weighted_f1=float(report["weighted avg"]["f1-score"]),
                    training_seconds=round(seconds, 1),
                    model_bytes=model.stat().st_size,
                )
            )
    return {name: summarize(fold_results) for name, fold_results in results.items()}


def summarize(folds: list[FoldResult]) -> dict[str, Any]:
    """Means (and spread) over the folds, with the folds themselves."""
    return {
        "accuracy": round(statistics.mean(f.accuracy for f in folds), 4),
        "accuracy_stdev": round(statistics.pstdev(f.accuracy for f in folds), 4),
        "weighted_f1": round(statistics.mean(f.weighted_f1 for f in folds), 4),
        "training_seconds": round(statistics.mean(f.training_seconds for f in folds), 1),
        "model_bytes": round(statistics.mean(f.model_bytes for f in folds)),
        "folds": [asdict(f) for f in folds],
    }


def slug(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower())


if __name__ == "__main__":
    import tempfile

    configs = {Path(p).stem: Path(p) for p in sys.argv[1:]} or {"helpbot": PROJECT_ROOT / "bot" / "config.yml"}
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(cross_validate(configs, Path(tmp)), indent=2))
