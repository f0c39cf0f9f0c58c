"""The conversation since its session started, for the hand-off to staff.

Rasa sends an action only the last turn or two of a conversation (bot/tracker_store.py keeps the
cost of a message flat); the hand-off wants the whole session. The conversation store holds every
event, so it is read here, once per hand-off; the turn being answered is not stored yet and comes
from the tracker Rasa sent.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from base.database import engine_for
from base.settings import get_settings

MAX_EVENTS = 3000
logger = logging.getLogger(__name__)
_SESSION_EVENTS = text(
    "SELECT data FROM events WHERE sender_id = :sender AND id >= COALESCE("
    "(SELECT MAX(id) FROM events WHERE sender_id = :sender AND type_name = 'session_started'), 0) "
    "ORDER BY id DESC LIMIT :limit"
)


def stored_session_events(sender_id: str, url: str | None = None) -> list[dict[str, Any]]:
    """The stored events of the conversation's current session (the last MAX_EVENTS), oldest first;
    none when the store has no such conversation or cannot be read."""
    url = url or get_settings().tracker_store_url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not (parsed.database and Path(parsed.database).exists()):
        return []
    try:
        with engine_for(url).connect() as connection:
            rows = connection.execute(_SESSION_EVENTS, {"sender": sender_id, "limit": MAX_EVENTS}).fetchall()
    except SQLAlchemyError as exc:
        logger.warning("conversation history not read: %s", exc.__class__.__name__)
        return []
    return [json.loads(row[0]) for row in reversed(rows)]


def session_events(tracker: Tracker, url: str | None = None) -> list[dict[str, Any]]:
    """What was said since the session started: the stored events, then this turn's messages."""
    stored = stored_session_events(tracker.sender_id, url)
    if not stored:
        return list(tracker.events)
    last = max(float(event.get("timestamp") or 0) for event in stored)
    current = [e for e in tracker.events if e.get("event") in ("user", "bot") and float(e.get("timestamp") or 0) > last]
    return stored + current
