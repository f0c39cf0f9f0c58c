"""Score one trained NLU model on a test file, in its own process: `python -m bench.nlu_evaluation MODEL TEST OUT`.

Loading a model imports TensorFlow, which sets environment variables (`TF2_BEHAVIOR`,
`KMP_INIT_AT_FORK`, ...) that every later child process would inherit; the servers the benchmark
starts afterwards must not. Prints Rasa's intent report as JSON.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
from typing import Any


def intent_report(model: str, test: str, out: str) -> dict[str, Any]:
    """Rasa's intent report (sklearn's classification report) for `model` on `test`."""
    from rasa.core.agent import Agent
    from rasa.nlu.test import run_evaluation
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # Rasa would print every parsed test message
    agent = Agent.load(model)
    result = asyncio.run(
        run_evaluation(test, agent.processor, output_directory=out, disable_plotting=True, report_as_dict=True)
    )
    report: dict[str, Any] = result["intent_evaluation"]["report"]
    return report


if __name__ == "__main__":
    print(json.dumps(intent_report(*sys.argv[1:4])))
