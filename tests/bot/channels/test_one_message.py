"""One response, one message: what Rasa's channels would split stays together."""

from __future__ import annotations

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels.one_message import WholeMessageCollector, response_of, whole_messages, with_output

ANSWER = {
    "text": "Filing period: May 1 - May 9\nOpen.\n\nFrom the posting: Filing dates",
    "buttons": [{"title": "Show the whole section", "payload": "/show_whole"}],
    "custom": {"kind": "answer", "parts": [{"kind": "answer", "text": "Filing period: May 1 - May 9\nOpen."}]},
    "quick_replies": None, "image": None, "attachment": None, "elements": None, "timestamp": 1.0,
    "message_name": "reply_topic_answer",
}  # fmt: skip


async def test_rasas_collector_would_split_it_in_three() -> None:
    """What this module exists for."""
    rasa = CollectingOutputChannel()
    await rasa.send_response("me", dict(ANSWER))
    assert len(rasa.messages) == 2 and "custom" in rasa.messages[1]  # text+buttons, then custom apart
    await rasa.send_text_message("me", "a\n\nb")
    assert len(rasa.messages) == 4


async def test_the_rest_collector_keeps_text_buttons_and_custom_in_one_message() -> None:
    original = CollectingOutputChannel()
    collector = whole_messages(original)
    assert isinstance(collector, WholeMessageCollector)
    await collector.send_response("me", dict(ANSWER))
    await collector.send_text_message("me", "Sorry.\n\nPlease try again. ")
    assert original.messages == [
        {"recipient_id": "me", "text": ANSWER["text"], "buttons": ANSWER["buttons"], "custom": ANSWER["custom"]},
        {"recipient_id": "me", "text": "Sorry.\n\nPlease try again."},
    ]


async def test_with_output_replaces_the_channel_rasa_made() -> None:
    seen = []

    async def bot(message: UserMessage) -> None:
        seen.append(message.output_channel)

    original = CollectingOutputChannel()
    await with_output(whole_messages, bot)(UserMessage("hi", original, "me"))
    assert isinstance(seen[0], WholeMessageCollector) and seen[0].messages is original.messages


def test_response_of_reads_buttons_or_quick_replies_and_ignores_a_broken_payload() -> None:
    said = response_of({"text": " hi ", "quick_replies": [{"title": "A", "payload": "/a"}], "custom": "nope"})
    assert (said.text, said.buttons, said.custom) == ("hi", ({"title": "A", "payload": "/a"},), None)
