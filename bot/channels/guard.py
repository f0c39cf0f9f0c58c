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

from actions import names
from actions.language import channel_language
from actions.messages import text as catalog_text
from base.settings import get_settings
from bot.channels.rate_limit import Limiter, rate_limiter

logger = logging.getLogger(__name__)

MAX_MESSAGE_CHARS = 2000
REPLY_TIMEOUT_SECONDS = 20.0


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


def contact_for(metadata: dict[str, Any] | None, language: str) -> str:
    """The contact line of the page's posting, when the knowledge base can tell; else a general one."""
    generic = catalog_text(names.PIECE_GENERIC_CONTACT, language=language)
    posting_id = (metadata or {}).get("posting_id") if isinstance(metadata, dict) else None
    if not isinstance(posting_id, str):
        return generic
    try:
        from actions.replies import contact_line
        from knowledge.catalog import get_catalog

        posting = get_catalog().get(posting_id)
    except Exception as exc:  # the database may be the very thing that is down
        logger.warning("no contact for the apology: %s", exc.__class__.__name__)
        return generic
    return contact_line(posting, language=language) if posting else generic


def too_long(length: int, language: str) -> str:
    """The polite "please shorten it" for a message of `length` characters."""
    return catalog_text(names.CHANNEL_TOO_LONG, language=language, length=length, limit=MAX_MESSAGE_CHARS)


def slow_down(language: str) -> str:
    """The polite reply to a flood."""
    return catalog_text(names.CHANNEL_SLOW_DOWN, language=language)


def apology(metadata: dict[str, Any] | None, language: str) -> str:
    """The short apology when handling failed, with the page's posting's contact."""
    return catalog_text(names.CHANNEL_APOLOGY, language=language, contact=contact_for(metadata, language))


def guarded(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    *,
    timeout: float = REPLY_TIMEOUT_SECONDS,
    per_conversation: Limiter | None = None,
) -> Callable[[UserMessage], Awaitable[None]]:
    """Wrap a channel's `on_new_message` so the user always gets a reply (and floods a polite one)."""
    limiter = per_conversation or rate_limiter(get_settings().rate_limit_per_conversation, "conversation")

    async def handle(message: UserMessage) -> None:
        inner = message.output_channel
        text = message.text or ""
        language = channel_language(text, message.metadata)
        if not await limiter.allow(str(message.sender_id)):
            await inner.send_text_message(message.sender_id, slow_down(language))
            return
        if len(text) > MAX_MESSAGE_CHARS:
            await inner.send_text_message(message.sender_id, too_long(len(text), language))
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
            await inner.send_text_message(message.sender_id, apology(message.metadata, language))

    return handle
