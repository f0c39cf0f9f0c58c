"""The production profile and the shipped path: what `helpbot serve` starts, measured as it runs.

- latency against conversation length (long conversations, as a Teams 1:1 chat keeps one for months);
- resident memory of each process `helpbot serve` starts (and of a Rasa server that inherits the
  variables scikit-learn sets on import, as `helpbot serve` passed them on before);
- throughput and latency at 10 and 50 concurrent conversations for 1, 2 and 3 replicas behind nginx;
- failover: one Rasa replica killed mid-load, the requests that failed and the time to recover;
- a posting ingested while 3 replicas run: the time until every replica answers it.

Every stack is `helpbot serve` started as an operator starts it (`tests/replicas.py`); the shared
stores are a new PostgreSQL database and Redis key prefix per stack. The load comes from a second
process (`bench.load`) on loopback, from one address: the per-client rate limit is raised for all of
it, and the per-conversation limit too for the long conversations (200 messages within a minute or two).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import psutil

from base.settings import PROJECT_ROOT
from bench.server import PeakMemory, apply_load, latency_summary, load_command, rss_mb, warm_up
from tests.replicas import Stack, answers, served

LONG_TURNS = 200
LONG_SLOTS = 5
LONG_ROUNDS = 480
TURN_BUCKETS = ((1, 1), (2, 10), (11, 50), (51, 100), (101, 150), (151, 190), (191, 200))
REPLICA_COUNTS = (1, 2, 3)
CONCURRENCY_LEVELS = (10, 50)
MESSAGES_PER_LEVEL = 600
MESSAGES_PER_ROUND = 200
FAILOVER_CONCURRENCY = 20
FAILOVER_MESSAGES = 1600
KILL_AFTER_SECONDS = 6.0
# What scikit-learn and TensorFlow set on import (`helpbot serve` used to pass the first two on to the servers).
INHERITED = {"KMP_INIT_AT_FORK": "FALSE", "KMP_DUPLICATE_LIB_OK": "True", "TF2_BEHAVIOR": "1",
             "TPU_ML_PLATFORM": "Tensorflow", "TF_CPP_MIN_LOG_LEVEL": "1"}  # fmt: skip
SCALING_ROUNDS = 3
RAISED_CONVERSATION_LIMIT = "100000"


def today() -> str:
    return time.strftime("%Y-%m-%d")


def bucket_summary(turns: list[int], latencies: list[float]) -> list[dict[str, Any]]:
    """p50 and p95 of the replies in each range of turns."""
    rows = []
    for low, high in TURN_BUCKETS:
        values = [ms for turn, ms in zip(turns, latencies, strict=True) if low <= turn <= high]
        if values:
            label = str(low) if low == high else f"{low}-{high}"
            rows.append({"turns": label, "replies": len(values), **latency_summary(values)})
    return rows


# Rasa's own SQL tracker store and lock store, for the comparison: the same action server and secret.
RASA_STORE_ENDPOINTS = """action_endpoint:
  url: ${HELPBOT_ACTION_URL}
  headers:
    Authorization: Bearer ${HELPBOT_ACTION_SECRET}
tracker_store:
  type: sql
  dialect: sqlite
  db: ${HELPBOT_TRACKER_DB}
"""


def measure_length(workdir: Path, progress: Any) -> dict[str, Any]:
    """Latency by turn in 200-turn conversations, on the stack `make run` starts (one replica, SQLite),
    beside the same stack on Rasa's own SQL tracker store, both loaded at the same time."""
    progress.set_postfix_str("long conversations")
    workdir.mkdir(parents=True, exist_ok=True)
    rasa_endpoints = workdir / "rasa-store-endpoints.yml"
    rasa_endpoints.write_text(RASA_STORE_ENDPOINTS)
    limit = {"HELPBOT_RATE_LIMIT_PER_CONVERSATION": RAISED_CONVERSATION_LIMIT}
    with ExitStack() as running:
        stacks = {
            "helpbot": running.enter_context(served(workdir / "helpbot-store", today(), environment=limit)),
            "rasa": running.enter_context(served(workdir / "rasa-store", today(), environment=limit,
                                                 endpoints=rasa_endpoints)),
        }  # fmt: skip
        for stack in stacks.values():
            warm_up(stack)
        loads = {
            name: subprocess.Popen(
                [*load_command(stack.webhook, concurrency=LONG_SLOTS, messages=0, turns=LONG_TURNS), "--long",
                 str(LONG_ROUNDS)], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True,
            )
            for name, stack in stacks.items()
        }  # fmt: skip
        figures = {name: json.loads(load.communicate(timeout=3600)[0]) for name, load in loads.items()}
    rows = {name: bucket_summary(f["turns"], f["latencies_ms"]) for name, f in figures.items()}
    return {
        "conversations_at_once": LONG_SLOTS,
        "turns": LONG_TURNS,
        "replies": len(figures["helpbot"]["latencies_ms"]),
        "by_turn": rows["helpbot"],
        "growth_p50": growth(rows["helpbot"]),
        "rasa_store_by_turn": rows["rasa"],
        "rasa_store_growth_p50": growth(rows["rasa"]),
    }


def growth(rows: list[dict[str, Any]]) -> float:
    """p50 of the last range of turns over that of turn 1."""
    return round(float(rows[-1]["p50_ms"]) / float(rows[0]["p50_ms"]), 2)


def process_memory(stack: Stack) -> dict[str, Any]:
    """RSS of each process `helpbot serve` started: after a warm-up, and the highest under load at 10."""
    processes = stack.children()
    warm_up(stack)
    idle = {name: rss_mb(process) for name, process in processes.items()}
    with PeakMemory(processes) as peak:
        apply_load(stack, concurrency=10, messages=MESSAGES_PER_LEVEL)
    return {"idle_mb": idle, "under_load_mb": peak.peak}


def measure_memory(workdir: Path, progress: Any) -> dict[str, Any]:
    """The processes `make run` starts, and the same ones inheriting what scikit-learn and TensorFlow set on import."""
    progress.set_postfix_str("memory as helpbot serve starts it")
    with served(workdir / "as-served", today()) as stack:
        as_served = process_memory(stack)
    progress.set_postfix_str("memory with the variables imports set")
    with served(workdir / "inherited", today(), environment=INHERITED) as stack:
        inherited = process_memory(stack)
    return {"as_served": as_served, "inheriting": inherited, "inherited_variables": INHERITED}


def measure_scaling(workdir: Path, progress: Any) -> dict[str, Any]:
    """Throughput and latency through nginx for 1, 2 and 3 replicas; memory and freshness with 3.

    The three stacks run side by side and take turns, round after round, so that the other work on
    the machine weighs on each of them alike; each figure pools its rounds.
    """
    with ExitStack() as running:
        stacks: dict[int, Stack] = {}
        for replicas in REPLICA_COUNTS:
            progress.set_postfix_str(f"starting {replicas} replica(s)")
            stacks[replicas] = running.enter_context(
                served(workdir / f"replicas-{replicas}", today(), replicas=replicas, proxy=True, shared=True)
            )
            warm_up(stacks[replicas])
            progress.update(1)
        pooled: dict[tuple[int, int], list[dict[str, Any]]] = {}
        load_average = []
        for round_ in range(SCALING_ROUNDS):
            progress.set_postfix_str(f"round {round_ + 1} of {SCALING_ROUNDS}")
            load_average.append(round(os.getloadavg()[0], 2))
            for replicas, stack in stacks.items():
                for concurrency in CONCURRENCY_LEVELS:
                    figures = apply_load(stack, concurrency=concurrency, messages=MESSAGES_PER_ROUND)
                    pooled.setdefault((replicas, concurrency), []).append(figures)
        largest = stacks[max(REPLICA_COUNTS)]
        memory = {name: rss_mb(process) for name, process in largest.children().items()}
        freshness = measure_freshness(largest)
    runs = [pooled_run(replicas, concurrency, rounds) for (replicas, concurrency), rounds in pooled.items()]
    base = {r["concurrency"]: r["messages_per_second"] for r in runs if r["replicas"] == 1}
    for run in runs:
        run["speed_up"] = round(run["messages_per_second"] / base[run["concurrency"]], 2)
    return {"runs": runs, "rounds": SCALING_ROUNDS, "rss_after_load_mb": memory, "freshness": freshness,
            "cores": psutil.cpu_count(), "load_average_before_rounds": load_average}  # fmt: skip


def pooled_run(replicas: int, concurrency: int, rounds: list[dict[str, Any]]) -> dict[str, Any]:
    latencies = [ms for figures in rounds for ms in figures["latencies_ms"]]
    seconds = sum(figures["seconds"] for figures in rounds)
    return {"replicas": replicas, "concurrency": concurrency, "messages": len(latencies),
            "messages_per_second": round(len(latencies) / seconds, 1), **latency_summary(latencies)}  # fmt: skip


def measure_freshness(stack: Stack) -> dict[str, Any]:
    """Seconds from the end of `helpbot ingest` until every replica answers about the new posting."""
    source = PROJECT_ROOT / "tests" / "knowledge" / "postings" / "riverside-library-assistant.txt"
    (stack.workdir / "postings" / source.name).write_text(source.read_text())
    result = stack.cli("ingest")
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    ingested = time.perf_counter()
    waiting = set(range(stack.replicas))
    seconds: dict[int, float] = {}
    while waiting and time.perf_counter() - ingested < 30:
        for index in sorted(waiting):
            reply = stack.reply(f"fresh-{index}-{time.perf_counter()}", "what does the Riverside library job pay?",
                                via=stack.replica(index))  # fmt: skip
            if "$41,000" in reply:
                seconds[index] = round(time.perf_counter() - ingested, 2)
                waiting.discard(index)
        time.sleep(0.05)
    return {"replicas": stack.replicas, "seconds_by_replica": seconds,
            "all_seconds": max(seconds.values(), default=None)}  # fmt: skip


def measure_failover(workdir: Path, progress: Any) -> dict[str, Any]:
    """Two replicas behind nginx under load; Rasa replica 2 is killed (SIGKILL) a few seconds in."""
    progress.set_postfix_str("failover")
    with served(workdir / "failover", today(), replicas=2, proxy=True, shared=True) as stack:
        warm_up(stack)
        command = load_command(stack.webhook, concurrency=FAILOVER_CONCURRENCY, messages=FAILOVER_MESSAGES,
                               turns=10, timeline=True)  # fmt: skip
        load = subprocess.Popen(command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
        time.sleep(KILL_AFTER_SECONDS)
        killed_at = time.time()
        stack.kill_replica(1)
        back = _seconds_until(lambda: answers(f"{stack.replica(1)}/"), since=killed_at)
        output, _ = load.communicate(timeout=1800)
    return failover_figures(json.loads(output), killed_at, back)


def _seconds_until(condition: Any, since: float, limit: float = 300) -> float | None:
    while time.time() - since < limit:
        if condition():
            return round(time.time() - since, 2)
        time.sleep(0.2)
    return None


def failover_figures(load: dict[str, Any], killed_at: float, replica_back: float | None) -> dict[str, Any]:
    """What the load saw around the kill: failures, how long they went on, latencies before and after."""
    kill = killed_at - load["started_at"]
    timeline = [{"at": at, "ms": ms, "ok": ok} for at, ms, _turn, ok in load["timeline"]]
    failed = [t for t in timeline if not t["ok"]]
    before = [t["ms"] for t in timeline if t["ok"] and t["at"] + t["ms"] / 1000 < kill]
    after = [t["ms"] for t in timeline if t["ok"] and t["at"] > kill + 10]
    around = [t["ms"] for t in timeline if t["ok"] and kill - 1 <= t["at"] <= kill + 10]
    last_failure = max((t["at"] + t["ms"] / 1000 for t in failed), default=None)
    return {
        "concurrency": load["concurrency"],
        "requests": len(timeline),
        "failed": len(failed),
        "failed_share": round(len(failed) / len(timeline), 4),
        "killed_after_seconds": round(kill, 2),
        "failures_until_seconds": None if last_failure is None else round(max(0.0, last_failure - kill), 2),
        "slowest_reply_around_kill_ms": round(max(around, default=0.0), 1),
        "p50_before_ms": round(statistics.median(before), 1) if before else None,
        "p50_after_ms": round(statistics.median(after), 1) if after else None,
        "replica_back_seconds": replica_back,
        "messages_per_second": load["messages_per_second"],
    }


def measure_production(workdir: Path, progress: Any) -> dict[str, Any]:
    """Every figure of this section (see the module's docstring)."""
    results = {"conversation_length": measure_length(workdir / "length", progress)}
    progress.update(1)
    results["memory"] = measure_memory(workdir / "memory", progress)
    progress.update(1)
    results["scaling"] = measure_scaling(workdir / "scaling", progress)
    results["failover"] = measure_failover(workdir / "failover", progress)
    progress.update(1)
    return results


STEPS = 3 + len(REPLICA_COUNTS)
