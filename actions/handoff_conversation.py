"""The conversation so far as staff may read it: personal details redacted, the status check left out."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker

from actions import names
from applications.privacy import redact_personal
from helpdesk.handoffs import Turn

MAX_TURNS = 100
STATUS_ANSWER = "(an answer to the status check, not kept)"


def _when(event: dict[str, Any]) -> datetime | None:
    stamp = event.get("timestamp")
    return datetime.fromtimestamp(stamp, timezone.utc) if isinstance(stamp, int | float) else None


def _applicant_text(text: str) -> str:
    if text.startswith("/"):
        return f"(pressed a button: {text[1:].split('{')[0]})"
    return redact_personal(text)


def conversation_turns(tracker: Tracker) -> list[Turn]:
    """The applicant's and the assistant's messages since the session started (the last MAX_TURNS).

    What the applicant typed while the status check was asking (their application id and email)
    is never copied; anything else they typed has emails and id-like codes redacted.
    """
    turns: list[Turn] = []
    in_status_check = False
    for event in tracker.events:
        kind = event.get("event")
        if kind == "active_loop":
            in_status_check = event.get("name") == names.FORM_STATUS
        elif kind == "user":
            text = str(event.get("text") or "")
            shown = STATUS_ANSWER if in_status_check else _applicant_text(text)
            turns.append(Turn("applicant", shown, _when(event)))
        elif kind == "bot" and event.get("text"):
            turns.append(Turn("assistant", str(event["text"]), _when(event)))
    return turns[-MAX_TURNS:]
