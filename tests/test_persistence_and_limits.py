"""Conversations survive a restart (SQL tracker store); floods get a polite reply."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
import requests

from bot.channels.rate_limit import SLOW_DOWN
from tests.servers import Assistant

pytestmark = pytest.mark.server


def sender() -> str:
    return f"persist-{uuid.uuid4().hex[:10]}"


def test_a_restart_keeps_the_conversation_and_the_client_limit_answers_politely(assistant: Assistant) -> None:
    who = sender()
    assert "December 11, 2025" in assistant.reply(who, "When is the LAUSD deadline?")
    assistant.restart_rasa_server(HELPBOT_RATE_LIMIT_PER_CLIENT="4")
    try:
        follow_up = assistant.reply(who, "and what does it pay?")
        assert "SALARY DETAILS" in follow_up  # still knows the posting after the restart
        statuses = [requests.post(assistant.webhook, json={"sender": sender(), "message": "hi"}, timeout=30)
                    for _ in range(4)]  # fmt: skip
        assert [r.status_code for r in statuses] == [200, 200, 200, 429]
        assert statuses[-1].json()[0]["text"] == SLOW_DOWN
    finally:
        assistant.restart_rasa_server()
    with sqlite3.connect(assistant.env["HELPBOT_TRACKER_DB"]) as db:
        stored = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (who,)).fetchone()[0]
    assert stored > 4


def test_one_conversation_flooding_gets_a_polite_reply(assistant: Assistant) -> None:
    who = sender()
    replies = [assistant.reply(who, "what does the Pasadena job pay?") for _ in range(31)]
    assert all("$57,946.10" in r for r in replies[:30])
    assert replies[30] == SLOW_DOWN
    assert "$57,946.10" in assistant.reply(sender(), "what does the Pasadena job pay?")  # others are unaffected
