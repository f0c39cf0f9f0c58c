"""REST reply latency of the running assistant: p50 / p95 over a few hundred questions.

Starts both servers on loopback with the trained model (as the tests do), sends every question
of the set several times from fresh conversations, and prints the figures as JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tests.servers import make_assistant

QUESTIONS = [
    "When is the deadline for the LAUSD job?",
    "What does the Pasadena accounting technician pay?",
    "Do LAUSD employees need VPN to apply from home?",
    "How do I get my foreign transcripts evaluated for LAUSD?",
    "Who do I call for a disability accommodation at LAUSD?",
    "What are the minimum requirements for Pasadena?",
    "What is the selection process for the LAUSD accounting technician?",
    "How long does LAUSD eligibility last?",
    "What benefits does Pasadena offer?",
    "Who can I contact about the LAUSD posting?",
    "The LAUSD application site has an error, who helps?",
    "I never got a confirmation email from LAUSD",
    "Where is the LAUSD job located?",
    "What is the Pasadena job number?",
    "What are the Pasadena duties?",
    "How long is probation at Pasadena?",
    "Does Pasadena run a background check?",
    "What supplemental questions does Pasadena ask?",
    "hello",
    "are you a bot?",
    "what can you do?",
    "Will I be tested on Excel for the LAUSD job?",
    "I want to talk to a person about Pasadena",
    "what's the weather like?",
    "thanks!",
]
ROUNDS = 12


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    with tempfile.TemporaryDirectory() as workdir:
        assistant = make_assistant(Path(workdir), today=time.strftime("%Y-%m-%d"))
        assistant.start()
        try:
            for question in QUESTIONS:  # warm-up
                assistant.ask("warm-up", question)
            timings: list[float] = []
            for round_number in range(ROUNDS):
                for question in QUESTIONS:
                    started = time.perf_counter()
                    assistant.ask(f"bench-{uuid.uuid4().hex[:8]}", question)
                    timings.append((time.perf_counter() - started) * 1000)
                print(f"round {round_number + 1}/{ROUNDS} done", file=sys.stderr)
        finally:
            assistant.stop()
    print(
        json.dumps(
            {
                "requests": len(timings),
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1),
                "max_ms": round(max(timings), 1),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
