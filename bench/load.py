"""A bounded load on the REST channel, from its own process: `python -m bench.load URL --concurrency 10`.

`concurrency` simulated applicants each send one message, wait for the reply, and send the next,
starting a new conversation every `--turns` messages, until `--messages` replies have come back.
Prints the reply latencies and the throughput as JSON on stdout.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from typing import Any

import aiohttp
import click

from bench.questions import Question, load_questions


async def _applicant(
    session: aiohttp.ClientSession, url: str, questions: itertools.cycle[Question], budget: list[int], turns: int
) -> list[float]:
    latencies: list[float] = []
    sent = 0
    sender = ""
    while budget[0] > 0:
        budget[0] -= 1
        if sent % turns == 0:
            sender = f"load-{uuid.uuid4().hex}"
        question = next(questions)
        body: dict[str, Any] = {"sender": sender, "message": question.text, "metadata": question.page_metadata}
        started = time.perf_counter()
        async with session.post(url, json=body) as response:
            response.raise_for_status()
            await response.json()
        latencies.append((time.perf_counter() - started) * 1000)
        sent += 1
    return latencies


async def run_load(url: str, *, concurrency: int, messages: int, turns: int = 5) -> dict[str, Any]:
    """Latencies (ms) of `messages` replies under `concurrency` applicants, and the messages per second."""
    questions = itertools.cycle(load_questions())
    budget = [messages]
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        started = time.perf_counter()
        per_applicant = await asyncio.gather(
            *(_applicant(session, url, questions, budget, turns) for _ in range(concurrency))
        )
        elapsed = time.perf_counter() - started
    latencies = [latency for applicant in per_applicant for latency in applicant]
    return {
        "concurrency": concurrency,
        "messages": len(latencies),
        "seconds": round(elapsed, 2),
        "messages_per_second": round(len(latencies) / elapsed, 1),
        "latencies_ms": [round(latency, 2) for latency in latencies],
    }


@click.command()
@click.argument("url")
@click.option("--concurrency", default=1, show_default=True, help="Applicants talking at once.")
@click.option("--messages", default=300, show_default=True, help="Replies to wait for in all.")
@click.option("--turns", default=5, show_default=True, help="Messages per conversation.")
def main(url: str, concurrency: int, messages: int, turns: int) -> None:
    """Put a bounded load on the REST webhook at URL and print the figures as JSON."""
    click.echo(json.dumps(asyncio.run(run_load(url, concurrency=concurrency, messages=messages, turns=turns))))


if __name__ == "__main__":
    main()
