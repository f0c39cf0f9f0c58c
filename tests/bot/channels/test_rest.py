"""The REST channel over real HTTP: one message per response, an answer's citations in its custom payload."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.servers import Assistant

pytestmark = pytest.mark.server

LAUSD = "lausd-accounting-technician-ii"
PASADENA = "pasadena-accounting-technician"


def sender() -> str:
    return f"rest-{uuid.uuid4().hex[:12]}"


@pytest.mark.parametrize(
    ("posting_id", "question", "fact", "section", "anchor"),
    [
        (LAUSD, "when is the deadline?", "December 11, 2025", "APPLICATION FILING DATES", "application-filing-dates"),
        (PASADENA, "how many openings are there?", "one vacancy", "VACANCIES", "vacancies"),
        (PASADENA, "what does it pay?", "$57,946.10", "Posting header", "overview"),
    ],
)
def test_one_question_one_message_whose_custom_payload_cites_the_section(
    assistant: Assistant, posting_id: str, question: str, fact: str, section: str, anchor: str
) -> None:
    messages = assistant.ask(sender(), question, {"posting_id": posting_id})
    assert len(messages) == 1, messages
    (message,) = messages
    custom = message["custom"]
    assert custom["kind"] == "answer" and custom["posting_id"] == posting_id and custom["stated"] is True
    assert fact in "\n".join(p["text"] for p in custom["parts"])
    first = custom["citations"][0]
    path = f"/postings/{posting_id}#{anchor}"
    assert first == {
        "posting_id": posting_id,
        "section": section,
        "title": first["title"],
        "anchor": anchor,
        "path": path,
        "url": f"{assistant.site}{path}",
    }
    assert first["title"] in custom["caption"]
    # the text alone reads well: the answer, then the short citation line, never the long source line
    assert message["text"].startswith(custom["parts"][0]["text"])
    assert message["text"].endswith(f"\n\n{custom['caption']}") and "Source:" not in message["text"]
    page = requests.get(first["url"].split("#")[0], timeout=10)
    assert f'id="{anchor}"' in page.text


def test_an_unstated_answer_says_so_in_its_payload(assistant: Assistant) -> None:
    (message,) = assistant.ask(sender(), "what is the salary?", {"posting_id": LAUSD})
    assert message["custom"]["stated"] is False
    assert "does not state the salary" in message["text"]


def test_a_question_with_choices_is_one_message_with_its_buttons(assistant: Assistant) -> None:
    (message,) = assistant.ask(sender(), "is there a background check?")
    assert message["text"].startswith("Which posting")
    assert len(message["buttons"]) == 2 and "custom" not in message
