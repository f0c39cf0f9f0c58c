"""The never-silent guard around every channel."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from actions.catalog import CATALOGS
from bot.channels.guard import MAX_MESSAGE_CHARS, guarded
from bot.channels.rate_limit import RateLimiter

APOLOGY = CATALOGS["en"]["channel_apology"]


def message(text: str, **metadata: str) -> tuple[UserMessage, CollectingOutputChannel]:
    collector = CollectingOutputChannel()
    metadata = {"posting_id": "no-such-posting", **metadata}
    return UserMessage(text, collector, "guard-test", metadata=metadata), collector


async def test_a_reply_passes_through_untouched() -> None:
    async def bot(msg: UserMessage) -> None:
        await msg.output_channel.send_response(msg.sender_id, {"text": "hello"})

    msg, collector = message("hi")
    await guarded(bot)(msg)
    assert [m["text"] for m in collector.messages] == ["hello"]


async def test_silence_errors_and_timeouts_become_an_apology() -> None:
    async def silent(msg: UserMessage) -> None:
        return None

    async def broken(msg: UserMessage) -> None:
        raise RuntimeError("connection refused to secret-host:5055")

    async def slow(msg: UserMessage) -> None:
        await asyncio.sleep(5)

    for bot, timeout in ((silent, 1.0), (broken, 1.0), (slow, 0.2)):
        msg, collector = message("hi")
        await guarded(bot, timeout=timeout)(msg)
        assert len(collector.messages) == 1
        text = collector.messages[0]["text"]
        assert text.startswith(APOLOGY.split("{")[0].strip()) and "secret-host" not in text


async def test_too_long_never_reaches_the_bot() -> None:
    reached = []

    async def bot(msg: UserMessage) -> None:
        reached.append(msg)

    msg, collector = message("x" * (MAX_MESSAGE_CHARS + 1))
    await guarded(bot)(msg)
    assert reached == []
    assert "too long" in collector.messages[0]["text"]


async def test_the_guard_answers_in_the_message_language_or_the_page_language() -> None:
    async def silent(msg: UserMessage) -> None:
        return None

    msg, collector = message("¿cuál es el sueldo?")
    await guarded(silent, timeout=1.0)(msg)
    assert collector.messages[0]["text"].startswith("Lo siento, algo falló")
    msg, collector = message("ok", language="es")
    await guarded(silent, timeout=1.0)(msg)
    assert collector.messages[0]["text"].startswith("Lo siento, algo falló")
    msg, collector = message("¿" + "x" * MAX_MESSAGE_CHARS)
    await guarded(silent)(msg)
    too_long = collector.messages[0]["text"]
    assert "demasiado largo" in too_long and str(MAX_MESSAGE_CHARS) in too_long
    flood = guarded(silent, timeout=1.0, per_conversation=RateLimiter(1))
    for _ in range(2):
        msg, collector = message("hola, ¿cuándo cierra?")
        await flood(msg)
    assert collector.messages[0]["text"] == CATALOGS["es"]["channel_slow_down"]
