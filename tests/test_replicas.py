"""The production profile end to end: two Rasa replicas and two action servers behind nginx, sharing
PostgreSQL (conversations, knowledge base, applications) and Redis (locks, rate limits)."""

from __future__ import annotations

import re
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests

from actions.catalog import CATALOGS
from tests.applications.conftest import GOOD_ROWS, write_csv
from tests.replicas import Stack

pytestmark = pytest.mark.server

SLOW_DOWN = CATALOGS["en"]["channel_slow_down"]

PASADENA = {"posting_id": "pasadena-accounting-technician"}
QUESTIONS = [
    "when is the deadline?", "what does it pay?", "what are the requirements?", "who do I contact?",
    "what are the benefits?", "is there a probation period?", "what are the duties?", "thanks",
]  # fmt: skip


def sender(kind: str) -> str:
    return f"{kind}-{uuid.uuid4().hex[:10]}"


def turns(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """The stored events cut into turns, each starting at a user message."""
    found: list[list[dict[str, Any]]] = []
    for event in events:
        if event["event"] == "user":
            found.append([])
        if found:
            found[-1].append(event)
    return found


def assert_whole_turns(events: list[dict[str, Any]]) -> None:
    """Each turn is whole and on its own: one message, a reply, and back to listening, never interleaved."""
    for turn in turns(events):
        listens = [e for e in turn if e["event"] == "action" and e["name"] == "action_listen"]
        assert len(listens) == 1 and turn[-1] is listens[0], f"turn of {turn[0]['text']!r} is interleaved"
        assert any(e["event"] == "bot" for e in turn), f"turn of {turn[0]['text']!r} has no reply"


def test_a_conversation_alternating_between_replicas_keeps_its_context(replicated: Stack) -> None:
    who = sender("continuity")
    a, b = replicated.replica(0), replicated.replica(1)
    assert "December 11, 2025" in replicated.reply(who, "When is the deadline for the LAUSD job?", via=a)
    assert "Salary details" in replicated.reply(who, "and what does it pay?", via=b)  # still the LAUSD posting
    assert "$57,946.10" in replicated.reply(who, "what about the Pasadena one?", via=a)
    first = replicated.reply(who, "what are the benefits?", via=b)
    follow_up = replicated.reply(who, "and the second one?", via=a)
    assert follow_up and follow_up != first  # the last answer's items, remembered across replicas
    assert_whole_turns(replicated.events(who))


def test_through_nginx_one_conversation_is_spread_over_both_replicas(replicated: Stack) -> None:
    who = sender("spread")
    before = len(replicated.access_log.read_text().splitlines())
    for question in QUESTIONS[:4]:
        assert replicated.reply(who, question, metadata=PASADENA)
    lines = [line for line in replicated.access_log.read_text().splitlines()[before:] if "POST /webhooks/rest" in line]
    upstreams = {re.search(r"upstream=(\S+)", line).group(1) for line in lines}  # type: ignore[union-attr]
    assert upstreams == {replicated.replica(i).removeprefix("http://") for i in range(2)}
    assert "Salary: $57,946.10" in replicated.reply(who, "and what does it pay?")  # the page's posting, remembered


def test_concurrent_messages_of_one_conversation_are_served_one_at_a_time(replicated: Stack) -> None:
    who = sender("ordering")
    messages = [QUESTIONS[n % len(QUESTIONS)] for n in range(12)]

    def send(n: int) -> int:
        body = {"sender": who, "message": messages[n], "metadata": PASADENA}
        return requests.post(f"{replicated.replica(n % 2)}/webhooks/rest/webhook", json=body, timeout=120).status_code

    with ThreadPoolExecutor(max_workers=len(messages)) as pool:
        assert list(pool.map(send, range(len(messages)))) == [200] * len(messages)
    events = replicated.events(who)
    assert Counter(e["text"] for e in events if e["event"] == "user") == Counter(messages)  # every message once
    assert_whole_turns(events)


def test_fifty_conversations_of_twenty_messages_through_nginx_lose_nothing(replicated: Stack) -> None:
    """50 × 20 messages from one address: the stack runs with HELPBOT_RATE_LIMIT_PER_CLIENT raised."""
    senders = [sender("load") for _ in range(50)]

    def converse(who: str) -> list[int]:
        statuses = []
        with requests.Session() as session:
            for n in range(20):
                body = {"sender": who, "message": QUESTIONS[n % len(QUESTIONS)], "metadata": PASADENA}
                response = session.post(f"{replicated.proxy}/webhooks/rest/webhook", json=body, timeout=120)
                statuses.append(response.status_code if response.json() else 0)
        return statuses

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        results = list(pool.map(converse, senders))
    assert all(status == 200 for statuses in results for status in statuses)
    for who in senders:
        events = replicated.events(who)
        assert sum(e["event"] == "user" for e in events) == 20, who
        assert sum(e["event"] == "bot" for e in events) >= 20, who
        assert_whole_turns(events)


def test_a_rate_limit_reached_through_one_replica_holds_on_the_other(replicated: Stack) -> None:
    who = sender("flood")
    question = "what does the Pasadena job pay?"
    replies = [replicated.reply(who, question, via=replicated.replica(n % 2)) for n in range(30)]
    assert all("$57,946.10" in reply for reply in replies)
    assert replicated.reply(who, "what does the Pasadena job pay?", via=replicated.replica(0)) == SLOW_DOWN
    assert replicated.reply(who, "what does the Pasadena job pay?", via=replicated.replica(1)) == SLOW_DOWN


def test_a_status_lock_out_through_one_replica_holds_on_the_other(replicated: Stack, tmp_path: Path) -> None:
    result = replicated.cli("applications", "import", str(write_csv(tmp_path, GOOD_ROWS)))
    assert result.returncode == 0, result.stderr
    for n in range(5):  # five wrong emails for one id, in five conversations, alternating replicas
        who, via = sender("lockout"), replicated.replica(n % 2)
        replicated.reply(who, "what's the status of my application?", via=via)
        replicated.reply(who, "A-1003", via=via)
        assert "couldn't find" in replicated.reply(who, "wrong@example.org", via=via).lower()
    who = sender("lockout")
    replicated.reply(who, "what's the status of my application?", via=replicated.replica(1))
    replicated.reply(who, "A-1003", via=replicated.replica(0))
    locked = replicated.reply(who, "kim@example.net", via=replicated.replica(1))  # the right email, now locked
    assert "couldn't find" in locked.lower() and "Accounting Technician" not in locked  # no status given


def test_a_posting_ingested_while_replicas_run_is_answered_by_each_within_a_second(replicated: Stack) -> None:
    posting = (Path(__file__).parent / "knowledge" / "postings" / "riverside-library-assistant.txt").read_text()
    (replicated.workdir / "postings" / "riverside-library-assistant.txt").write_text(posting)
    result = replicated.cli("ingest")
    assert result.returncode == 0, result.stderr
    time.sleep(1.0)  # each replica's catalog looks for a new revision at most every 0.5 s, at its next message
    for index in range(replicated.replicas):
        reply = replicated.reply(sender("fresh"), "when is the deadline for the Riverside library assistant job?",
                                 via=replicated.replica(index))  # fmt: skip
        assert "March 20, 2026" in reply, f"replica {index}: {reply}"


def test_a_replica_killed_mid_load_loses_no_answered_message(replicated: Stack) -> None:
    """20 conversations of 15 messages through nginx; Rasa replica 2 is killed (SIGKILL) after 60 replies.
    Requests in flight on it fail (502 from nginx: a POST is never sent twice); every answered message
    is stored once, in order; `helpbot serve` starts the replica again."""
    senders = [sender("failover") for _ in range(20)]
    replies = Counter[str]()
    lock = threading.Lock()
    sixty = threading.Event()
    killed = replicated.rasa_process(1).pid

    def converse(who: str) -> list[tuple[str, bool]]:
        sent: list[tuple[str, bool]] = []
        with requests.Session() as session:
            for n in range(15):
                text = f"{QUESTIONS[n % len(QUESTIONS)]} #{n}"
                body = {"sender": who, "message": text, "metadata": PASADENA}
                response = session.post(f"{replicated.proxy}/webhooks/rest/webhook", json=body, timeout=120)
                answered = response.status_code == 200 and isinstance(response.json(), list) and bool(response.json())
                sent.append((text, answered))
                with lock:
                    replies["all"] += 1
                    if replies["all"] >= 60:
                        sixty.set()
        return sent

    with ThreadPoolExecutor(max_workers=len(senders)) as pool:
        futures = [pool.submit(converse, who) for who in senders]
        assert sixty.wait(timeout=300)
        replicated.kill_replica(1)
        results = {who: future.result() for who, future in zip(senders, futures, strict=True)}

    failed = sum(not answered for sent in results.values() for _, answered in sent)
    assert failed <= len(senders)  # at most the requests in flight on the killed replica
    for who, sent in results.items():
        stored = [e["text"] for e in replicated.events(who) if e["event"] == "user"]
        assert len(stored) == len(set(stored)), f"{who}: a message stored twice"
        assert stored == [text for text, _ in sent if text in stored], f"{who}: stored out of order"
        assert {text for text, answered in sent if answered} <= set(stored), f"{who}: an answered message was lost"
    assert all(sent[-1][1] for sent in results.values())  # after the switch every conversation is answered
    replicated.wait_until_up()
    assert replicated.rasa_process(1).pid != killed  # started again by `helpbot serve`
