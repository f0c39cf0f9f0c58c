"""An answer as one message: readable text, and the custom payload with parts and citations."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.answer_message import PART_ANSWER, PART_NOTE, Part, send_answer
from base.settings import reset_settings
from knowledge.model import Posting, Section

POSTING = Posting(
    posting_id="clerk-1", title="Clerk", organisation="City of Example", acronym=None, facts={},
    sections=(Section("FILING DATES", "Until May 1."), Section("NETWORK", "Use the VPN.")), contacts=(),
)  # fmt: skip


def sent(monkeypatch: pytest.MonkeyPatch, site: str | None, *parts: Part, sections: list[str]) -> dict:  # type: ignore[type-arg]
    if site:
        monkeypatch.setenv("HELPBOT_PUBLIC_SITE_URL", site)
    else:
        monkeypatch.delenv("HELPBOT_PUBLIC_SITE_URL", raising=False)
    reset_settings()
    dispatcher = CollectingDispatcher()
    buttons = [{"title": "Show the whole section", "payload": "/show_whole"}]
    send_answer(dispatcher, "reply_topic_answer", POSTING, parts, sections, stated=True, buttons=buttons)
    reset_settings()
    (message,) = dispatcher.messages
    return message


def test_two_parts_and_two_sections_are_one_message_in_order(monkeypatch: pytest.MonkeyPatch) -> None:
    note, answer = Part(PART_NOTE, "Use the VPN."), Part(PART_ANSWER, "Until May 1.")
    message = sent(monkeypatch, "https://jobs.example.org/", note, answer, sections=["NETWORK", "FILING DATES"])
    assert message["text"] == "Use the VPN.\n\nUntil May 1.\n\nFrom the posting: Network; Filing dates"
    assert message["buttons"] == [{"title": "Show the whole section", "payload": "/show_whole"}]
    assert message["message_name"] == "reply_topic_answer"
    custom = message["custom"]
    assert custom["parts"] == [{"kind": "note", "text": "Use the VPN."}, {"kind": "answer", "text": "Until May 1."}]
    assert custom["caption"] == "From the posting: Network; Filing dates"
    assert [c["url"] for c in custom["citations"]] == [
        "https://jobs.example.org/postings/clerk-1#network",
        "https://jobs.example.org/postings/clerk-1#filing-dates",
    ]
    assert (custom["kind"], custom["posting_id"], custom["posting_title"], custom["stated"]) == (
        "answer", "clerk-1", "Clerk — City of Example", True,
    )  # fmt: skip


def test_nothing_to_cite_means_no_citation_line(monkeypatch: pytest.MonkeyPatch) -> None:
    message = sent(monkeypatch, None, Part(PART_ANSWER, "Ask HR."), sections=[])
    assert message["text"] == "Ask HR."
    assert message["custom"]["caption"] is None and message["custom"]["citations"] == []
