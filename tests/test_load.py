"""A bounded load on loopback: 50 conversations of 20 messages at once, nothing lost."""

from __future__ import annotations

import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.servers import Assistant

pytestmark = pytest.mark.server

CONVERSATIONS = 50
MESSAGES = 20
QUESTIONS = [
    "when is the deadline?", "what does it pay?", "what are the requirements?", "who do I contact?",
    "what are the benefits?", "is there a probation period?", "what are the duties?", "thanks",
]  # fmt: skip


def converse(assistant: Assistant, sender: str) -> list[int]:
    statuses = []
    with requests.Session() as session:
        for n in range(MESSAGES):
            body = {"sender": sender, "message": QUESTIONS[n % len(QUESTIONS)],
                    "metadata": {"posting_id": "pasadena-accounting-technician"}}  # fmt: skip
            response = session.post(assistant.webhook, json=body, timeout=120)
            statuses.append(response.status_code if response.json() else 0)
    return statuses


def test_fifty_concurrent_conversations_lose_nothing(assistant: Assistant) -> None:
    senders = [f"load-{uuid.uuid4().hex[:10]}" for _ in range(CONVERSATIONS)]
    with ThreadPoolExecutor(max_workers=CONVERSATIONS) as pool:
        results = list(pool.map(lambda s: converse(assistant, s), senders))
    assert all(status == 200 for statuses in results for status in statuses)
    with sqlite3.connect(assistant.env["HELPBOT_TRACKER_DB"]) as db:
        for sender in senders:
            users = db.execute(
                "SELECT COUNT(*) FROM events WHERE sender_id = ? AND type_name = 'user'", (sender,)
            ).fetchone()[0]
            assert users == MESSAGES, f"{sender}: {users} user messages stored"
