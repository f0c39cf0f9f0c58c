"""The never-silent guard around every channel."""

from __future__ import annotations

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.guard import APOLOGY, MAX_MESSAGE_CHARS, guarded


def message(text: str) -> tuple[UserMessage, CollectingOutputChannel]:
    collector = CollectingOutputChannel()
    return UserMessage(text, collector, "guard-test", metadata={"posting_id": "no-such-posting"}), collector


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
