"""Never silent, never an error: every channel's messages go through `guarded`.

A message over the length limit gets a polite "please shorten" without reaching the bot. If
handling fails or takes too long (action server down or slow, database unavailable), or the bot
sends nothing, the user gets a short apology with the posting's contact instead of silence.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

from base.settings import get_settings
from bot.channels.rate_limit import SLOW_DOWN, RateLimiter

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
REPLY_TIMEOUT_SECONDS = 20.0
TOO_LONG = (
    "Sorry, that message is too long for me ({length} characters). Please shorten it to at most "
    f"{MAX_MESSAGE_CHARS} characters, or ask one question at a time."
)
APOLOGY = "Sorry, something went wrong on my side and I couldn't answer that. Please try again in a moment. {contact}"
GENERIC_CONTACT = "If it keeps happening, please contact the human resources office of the employer."


class CountingOutputChannel(OutputChannel):
    """Passes every response to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> str:
        return str(self.inner.name())

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)


def contact_for(metadata: dict[str, Any] | None) -> str:
    """The contact line of the page's posting, when the knowledge base can tell; else a general one."""
    posting_id = (metadata or {}).get("posting_id") if isinstance(metadata, dict) else None
    if not isinstance(posting_id, str):
        return GENERIC_CONTACT
    try:
        from actions.replies import contact_line
        from knowledge.catalog import get_catalog

        posting = get_catalog().get(posting_id)
    except Exception as exc:  # the database may be the very thing that is down
        logger.warning("no contact for the apology: %s", exc.__class__.__name__)
        return GENERIC_CONTACT
    return contact_line(posting) if posting else GENERIC_CONTACT


def guarded(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    *,
    timeout: float = REPLY_TIMEOUT_SECONDS,
    per_conversation: RateLimiter | None = None,
) -> Callable[[UserMessage], Awaitable[None]]:
    """Wrap a channel's `on_new_message` so the user always gets a reply (and floods a polite one)."""
    limiter = per_conversation or RateLimiter(get_settings().rate_limit_per_conversation)

    async def handle(message: UserMessage) -> None:
        inner = message.output_channel
        text = message.text or ""
        if not limiter.allow(str(message.sender_id)):
            await inner.send_text_message(message.sender_id, SLOW_DOWN)
            return
        if len(text) > MAX_MESSAGE_CHARS:
            await inner.send_text_message(message.sender_id, TOO_LONG.format(length=len(text)))
            return
        counting = CountingOutputChannel(inner)
        message.output_channel = counting
        try:
            await asyncio.wait_for(on_new_message(message), timeout)
        except asyncio.TimeoutError:
            logger.warning("no answer within %s s; apologising", timeout)
        except Exception as exc:
            logger.error("message handling failed: %s", exc.__class__.__name__)
        if counting.sent == 0:
            await inner.send_text_message(message.sender_id, APOLOGY.format(contact=contact_for(message.metadata)))

    return handle
