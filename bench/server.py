"""The running assistant: cold start, REST latency and throughput under load, and memory.

Both servers run on loopback with the trained model, as in production (`helpbot serve`); the load
comes from a second process (`bench.load`), so the client never shares the servers' interpreter.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psutil

from base.settings import PROJECT_ROOT
from bench.questions import load_questions
from tests.servers import Assistant, make_assistant

CONCURRENCY_LEVELS = (1, 10, 50)
MESSAGES_PER_LEVEL = 600
WARM_UP_MESSAGES = 60


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (`share` in 0..1) of `values`."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered)) - 1))]


def latency_summary(latencies_ms: list[float]) -> dict[str, float]:
    return {
        "p50_ms": round(statistics.median(latencies_ms), 1),
        "p95_ms": round(percentile(latencies_ms, 0.95), 1),
        "p99_ms": round(percentile(latencies_ms, 0.99), 1),
        "max_ms": round(max(latencies_ms), 1),
    }


@contextmanager
def running_assistant(workdir: Path, postings: Path | None = None) -> Iterator[tuple[Assistant, float]]:
    """Start an assistant on its own database; yields it with the seconds from launch to its first answer."""
    assistant = make_assistant(workdir, today=time.strftime("%Y-%m-%d"), postings=postings)
    started = time.perf_counter()
    assistant.start()
    try:
        first = load_questions()[0]
        assistant.ask("cold-start", first.text, first.page_metadata)
        yield assistant, time.perf_counter() - started
    finally:
        assistant.stop()


def apply_load(assistant: Assistant, *, concurrency: int, messages: int) -> dict[str, Any]:
    """Run `bench.load` against the assistant in its own process and return its figures."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.load", assistant.webhook, "--concurrency", str(concurrency),
         "--messages", str(messages)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=True, timeout=1800,
    )  # fmt: skip
    figures: dict[str, Any] = json.loads(result.stdout)
    return figures


def rss_mb(process: psutil.Process) -> float:
    return round(float(process.memory_info().rss) / 2**20, 1)


class PeakMemory:
    """Samples the resident memory of processes in the background and keeps the highest reading."""

    def __init__(self, processes: dict[str, psutil.Process], every: float = 0.2) -> None:
        self.processes, self.every = processes, every
        self.peak = {name: 0.0 for name in processes}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            for name, process in self.processes.items():
                self.peak[name] = max(self.peak[name], rss_mb(process))
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def server_processes(assistant: Assistant) -> dict[str, psutil.Process]:
    """The Rasa server and the action server of a running assistant."""
    action, rasa = assistant.processes[0], assistant.processes[1]
    return {"rasa_server": psutil.Process(rasa.pid), "action_server": psutil.Process(action.pid)}


def warm_up(assistant: Assistant) -> None:
    apply_load(assistant, concurrency=1, messages=WARM_UP_MESSAGES)


def measure_server(assistant: Assistant, cold_start_seconds: float, progress: Any) -> dict[str, Any]:
    """Latency and throughput at every concurrency level, with memory idle and under load."""
    processes = server_processes(assistant)
    warm_up(assistant)
    idle = {name: rss_mb(process) for name, process in processes.items()}
    levels = []
    with PeakMemory(processes) as peak:
        for concurrency in CONCURRENCY_LEVELS:
            progress.set_postfix_str(f"concurrency {concurrency}")
            figures = apply_load(assistant, concurrency=concurrency, messages=MESSAGES_PER_LEVEL)
            latencies = figures.pop("latencies_ms")
            levels.append({**figures, **latency_summary(latencies)})
            progress.update(1)
    return {
        "cold_start_seconds": round(cold_start_seconds, 1),
        "levels": levels,
        "rss_idle_mb": idle,
        "rss_under_load_mb": peak.peak,
    }
