"""Latency figures: nearest-rank percentiles, and the load generator against the running assistant."""

from __future__ import annotations

import asyncio

from bench.load import run_load
from bench.questions import load_questions
from bench.server import latency_summary, percentile
from tests.servers import Assistant


def test_percentiles_use_the_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert percentile(values, 0.5) == 50.0
    assert percentile(values, 0.95) == 95.0
    assert percentile(values, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0
    assert latency_summary(values) == {"p50_ms": 50.5, "p95_ms": 95.0, "p99_ms": 99.0, "max_ms": 100.0}


def test_the_load_generator_gets_every_reply(assistant: Assistant) -> None:
    figures = asyncio.run(run_load(assistant.webhook, concurrency=4, messages=22, turns=5))

    assert figures["messages"] == 22 and len(figures["latencies_ms"]) == 22
    assert figures["messages_per_second"] > 0
    assert all(latency > 0 for latency in figures["latencies_ms"])


def test_load_questions_carry_the_page_posting_when_unnamed() -> None:
    unnamed = [q for q in load_questions() if not q.named]
    assert unnamed and all(q.page_metadata == {"posting_id": q.posting} for q in unnamed)
