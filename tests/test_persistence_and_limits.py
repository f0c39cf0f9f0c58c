"""Conversations survive a restart (SQL tracker store); floods get a polite reply."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
import requests

from actions.catalog import CATALOGS
from tests.servers import Assistant

pytestmark = pytest.mark.server


SLOW_DOWN = CATALOGS["en"]["channel_slow_down"]


def sender() -> str:
    return f"persist-{uuid.uuid4().hex[:10]}"


def test_a_restart_keeps_the_conversation_and_the_client_limit_answers_politely(assistant: Assistant) -> None:
    who = sender()
    assert "December 11, 2025" in assistant.reply(who, "When is the LAUSD deadline?")
    assistant.restart_rasa_server(HELPBOT_RATE_LIMIT_PER_CLIENT="4")
    try:
        follow_up = assistant.reply(who, "and what does it pay?")
        assert "Salary details" in follow_up  # still knows the posting after the restart
        statuses = [requests.post(assistant.webhook, json={"sender": sender(), "message": "hi"}, timeout=30)
                    for _ in range(4)]  # fmt: skip
        assert [r.status_code for r in statuses] == [200, 200, 200, 429]
        assert statuses[-1].json()[0]["text"] == SLOW_DOWN
        over_socket = socket_io_replies(assistant, 5)  # the widget's channel is limited too
        assert len(over_socket) == 5 and SLOW_DOWN not in over_socket[:4] and over_socket[4] == SLOW_DOWN
    finally:
        assistant.restart_rasa_server()
    with sqlite3.connect(assistant.env["HELPBOT_TRACKER_DB"]) as db:
        stored = db.execute("SELECT COUNT(*) FROM events WHERE sender_id = ?", (who,)).fetchone()[0]
    assert stored > 4


def socket_io_replies(assistant: Assistant, count: int) -> list[str]:
    """Send `count` messages over socket.io in one session and return the reply texts."""
    import socketio

    client = socketio.Client(reconnection=False)
    replies: list[str] = []
    client.on("bot_uttered", lambda data: replies.append(str(data.get("text"))))
    client.connect(f"http://127.0.0.1:{assistant.rasa_port}", headers={"Origin": assistant.site},
                   transports=["polling"], socketio_path="socket.io")  # fmt: skip
    session = f"sock-{uuid.uuid4().hex[:8]}"
    try:
        client.emit("session_request", {"session_id": session})
        client.sleep(1)
        for _ in range(count):
            expected = len(replies) + 1
            client.emit("user_uttered", {"message": "hello", "session_id": session})
            for _ in range(100):
                if len(replies) >= expected:
                    break
                client.sleep(0.1)
    finally:
        client.disconnect()
    return replies


def test_one_conversation_flooding_gets_a_polite_reply(assistant: Assistant) -> None:
    who = sender()
    replies = [assistant.reply(who, "what does the Pasadena job pay?") for _ in range(31)]
    assert all("$57,946.10" in r for r in replies[:30])
    assert replies[30] == SLOW_DOWN
    assert "$57,946.10" in assistant.reply(sender(), "what does the Pasadena job pay?")  # others are unaffected
