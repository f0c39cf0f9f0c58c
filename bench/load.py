"""A bounded load on the REST channel, from its own process: `python -m bench.load URL --concurrency 10`.

`concurrency` simulated applicants each send one message, wait for the reply, and send the next,
starting a new conversation every `--turns` messages, until `--messages` replies have come back.
Prints the reply latencies and the throughput as JSON on stdout; with `--timeline`, also each
request's start (seconds from the start), latency, turn in its conversation and whether it was
answered; a failed request (an error status, no reply, a dropped connection) is then counted
instead of ending the load.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import uuid
from dataclasses import dataclass
from typing import Any

import aiohttp
import click

from bench.questions import Question, load_questions


@dataclass(frozen=True)
class Sent:
    """One request: when it started (s from the start), how long it took (ms), its turn, and whether it was answered."""

    at: float
    ms: float
    turn: int
    ok: bool


async def _post(session: aiohttp.ClientSession, url: str, body: dict[str, Any], tolerate: bool) -> bool:
    try:
        async with session.post(url, json=body) as response:
            if not tolerate:
                response.raise_for_status()
            answer = await response.json(content_type=None)
            return response.status == 200 and isinstance(answer, list) and bool(answer)
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
        if not tolerate:
            raise
        return False


async def _applicant(
    session: aiohttp.ClientSession,
    url: str,
    questions: itertools.cycle[Question],
    budget: list[int],
    turns: int,
    started: float,
    tolerate: bool,
) -> list[Sent]:
    sent: list[Sent] = []
    sender = ""
    while budget[0] > 0:
        budget[0] -= 1
        turn = len(sent) % turns
        if turn == 0:
            sender = f"load-{uuid.uuid4().hex}"
        question = next(questions)
        body: dict[str, Any] = {"sender": sender, "message": question.text, "metadata": question.page_metadata}
        at = time.perf_counter()
        ok = await _post(session, url, body, tolerate)
        sent.append(Sent(round(at - started, 4), round((time.perf_counter() - at) * 1000, 2), turn + 1, ok))
    return sent


async def run_load(
    url: str, *, concurrency: int, messages: int, turns: int = 5, timeline: bool = False
) -> dict[str, Any]:
    """Latencies (ms) of `messages` replies under `concurrency` applicants, and the messages per second."""
    questions = itertools.cycle(load_questions())
    budget = [messages]
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(timeout=timeout, connector=aiohttp.TCPConnector(limit=concurrency)) as session:
        started, started_at = time.perf_counter(), time.time()
        per_applicant = await asyncio.gather(
            *(_applicant(session, url, questions, budget, turns, started, timeline) for _ in range(concurrency))
        )
        elapsed = time.perf_counter() - started
    sent = sorted((s for applicant in per_applicant for s in applicant), key=lambda s: s.at)
    answered = [s for s in sent if s.ok]
    figures: dict[str, Any] = {
        "concurrency": concurrency,
        "messages": len(answered),
        "failed": len(sent) - len(answered),
        "seconds": round(elapsed, 2),
        "messages_per_second": round(len(answered) / elapsed, 1),
        "latencies_ms": [s.ms for s in answered],
        "turns": [s.turn for s in answered],
    }
    if timeline:
        figures["started_at"] = started_at  # wall clock, to line the timeline up with events outside the load
        figures["timeline"] = [[s.at, s.ms, s.turn, s.ok] for s in sent]
    return figures


async def run_long_conversations(url: str, *, slots: int, turns: int, rounds: int) -> dict[str, Any]:
    """Latency by turn, in long conversations, one message at a time, noise spread over every length.

    `slots` conversations take turns (round robin); slot k starts its first conversation at round
    k * turns / slots, and each slot starts a new conversation after `turns` messages. So from the
    last slot's start on, every round holds turns spread over the whole length, and a slow moment of
    the machine falls on early and late turns alike.
    """
    questions = itertools.cycle(load_questions())
    timeout = aiohttp.ClientTimeout(total=60)
    conversations: list[tuple[str, int]] = [("", 0)] * slots  # (sender, turns sent)
    sent: list[tuple[int, float]] = []
    async with aiohttp.ClientSession(timeout=timeout) as session:
        for round_ in range(rounds):
            for slot in range(slots):
                if round_ < slot * turns // slots:
                    continue
                sender, done = conversations[slot]
                if done % turns == 0:
                    sender, done = f"long-{uuid.uuid4().hex}", 0
                question = next(questions)
                body = {"sender": sender, "message": question.text, "metadata": question.page_metadata}
                at = time.perf_counter()
                await _post(session, url, body, tolerate=False)
                sent.append((done + 1, round((time.perf_counter() - at) * 1000, 2)))
                conversations[slot] = (sender, done + 1)
    return {"latencies_ms": [ms for _, ms in sent], "turns": [turn for turn, _ in sent]}


@click.command()
@click.argument("url")
@click.option("--concurrency", default=1, show_default=True, help="Applicants talking at once.")
@click.option("--messages", default=300, show_default=True, help="Replies to wait for in all.")
@click.option("--turns", default=5, show_default=True, help="Messages per conversation.")
@click.option("--timeline", is_flag=True, help="Also print every request, and count failures instead of stopping.")
@click.option("--long", "rounds", type=int, default=0, help="Long conversations instead: this many rounds of "
              "--concurrency staggered conversations of --turns messages, one message at a time.")  # fmt: skip
def main(url: str, concurrency: int, messages: int, turns: int, timeline: bool, rounds: int) -> None:
    """Put a bounded load on the REST webhook at URL and print the figures as JSON."""
    if rounds:
        figures = asyncio.run(run_long_conversations(url, slots=concurrency, turns=turns, rounds=rounds))
    else:
        figures = asyncio.run(run_load(url, concurrency=concurrency, messages=messages, turns=turns, timeline=timeline))
    click.echo(json.dumps(figures))


if __name__ == "__main__":
    main()
