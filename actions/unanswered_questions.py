"""Note the questions the assistant could not answer well, for staff (helpdesk.unanswered)."""

from __future__ import annotations

import logging

from rasa_sdk import Tracker
from sqlalchemy.exc import SQLAlchemyError

from actions import names
from actions.conversation import latest_confidence, latest_intent, latest_text
from helpdesk import unanswered
from knowledge.responder import Reply

LOW_CONFIDENCE = 0.5  # the classifier's confidence under which an answered question is still noted
logger = logging.getLogger(__name__)


def reason_for(reply: Reply, *, intent: str | None, confidence: float) -> str | None:
    """Why a turn counts as unanswered: not understood, not stated, or answered on a low-confidence guess."""
    if intent == names.INTENT_FALLBACK or not reply.understood:
        return unanswered.FALLBACK
    if not reply.stated:
        return unanswered.NOT_STATED
    if confidence < LOW_CONFIDENCE:
        return unanswered.LOW_CONFIDENCE
    return None


def note_unanswered(tracker: Tracker, posting_id: str, reply: Reply, *, asked_before: str | None = None) -> None:
    """Keep the question (redacted by the store) when the reply did not really answer it.

    `asked_before` is a question asked earlier and answered now (after "which posting?"): only what
    the reply did counts then, not how the posting was chosen.
    """
    if asked_before is not None:
        reason = reason_for(reply, intent=None, confidence=1.0)
        question = asked_before
    else:
        reason = reason_for(reply, intent=latest_intent(tracker), confidence=latest_confidence(tracker))
        question = latest_text(tracker)
    if reason is None or not question:
        return
    try:
        unanswered.record(question, posting_id=posting_id, reason=reason)
    except SQLAlchemyError:
        logger.exception("could not note an unanswered question")
