"""Score one trained NLU model on test files, in its own process: `python -m bench.nlu_evaluation MODEL OUT TEST...`.

Loading a model imports TensorFlow, which sets environment variables (`TF2_BEHAVIOR`,
`KMP_INIT_AT_FORK`, ...) that every later child process would inherit; the servers the benchmark
starts afterwards must not. Prints, as JSON, one list per test file: each example's text, intent and
the intent the model predicted (Rasa's own evaluation, which undoes the FallbackClassifier's
`nlu_fallback`, as `rasa test nlu` does).
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from pathlib import Path
from typing import Any


def predictions(model: str, out: str, tests: list[str]) -> list[list[dict[str, Any]]]:
    """Rasa's intent predictions for `model` on each test file, in file order."""
    from rasa.core.agent import Agent
    from rasa.nlu.test import run_evaluation
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa would print every parsed test message
    agent = Agent.load(model)
    found = []
    for number, test in enumerate(tests):
        result = asyncio.run(
            run_evaluation(
                test, agent.processor, output_directory=str(Path(out) / str(number)), disable_plotting=True,
                report_as_dict=True,
            )
        )  # fmt: skip
        found.append(result["intent_evaluation"]["predictions"])
    return found


if __name__ == "__main__":
    print(json.dumps(predictions(sys.argv[1], sys.argv[2], sys.argv[3:])))
