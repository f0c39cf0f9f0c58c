"""One bot response, one message, in every channel.

Rasa's output channels split a response's text at blank lines into several messages, and send
its `custom` payload as a message of its own. Here a response stays whole: its text (blank lines
kept), its buttons and its custom payload (see `actions.answer_message`) travel together.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage


@dataclass(frozen=True)
class Response:
    """What one bot response says: text, buttons (quick replies too) and the custom payload."""

    text: str = ""
    buttons: tuple[dict[str, str], ...] = ()
    custom: dict[str, Any] | None = field(default=None)


def response_of(message: dict[str, Any]) -> Response:
    """The parts of a Rasa bot message (as `OutputChannel.send_response` gets it) that a user sees."""
    buttons = message.get("buttons") or message.get("quick_replies") or []
    custom = message.get("custom")
    return Response(
        text=str(message.get("text") or "").strip(),
        buttons=tuple(
            {"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))}
            for b in buttons
            if isinstance(b, dict)
        ),
        custom=custom if isinstance(custom, dict) else None,
    )


def with_output(
    replace: Callable[[OutputChannel], OutputChannel], on_new_message: Callable[[UserMessage], Awaitable[Any]]
) -> Callable[[UserMessage], Awaitable[Any]]:
    """`on_new_message` with each message's output channel replaced (channels make theirs inside Rasa)."""

    async def handle(message: UserMessage) -> Any:
        if message.output_channel is not None:
            message.output_channel = replace(message.output_channel)
        return await on_new_message(message)

    return handle


class WholeMessageCollector(CollectingOutputChannel):
    """Collects each response as one message `{recipient_id, text, buttons, custom}` (the REST reply).

    It stores through the channel it replaces, so Rasa's REST handler (and its stream) gets them.
    """

    def __init__(self, inner: CollectingOutputChannel) -> None:
        super().__init__()
        self.inner = inner
        self.messages = inner.messages

    @classmethod
    def name(cls) -> str:
        return "collector"

    async def _persist_message(self, message: dict[str, Any]) -> None:
        await self.inner._persist_message(message)

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        said = response_of(message)
        await self._persist_message(
            self._message(
                recipient_id,
                text=said.text or None,
                buttons=list(said.buttons) or None,
                custom=said.custom,
            )
        )

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self._persist_message(self._message(recipient_id, text=text.strip()))


def whole_messages(output: OutputChannel) -> OutputChannel:
    """A REST collector that keeps responses whole, in place of Rasa's (other channels unchanged)."""
    return WholeMessageCollector(output) if isinstance(output, CollectingOutputChannel) else output
