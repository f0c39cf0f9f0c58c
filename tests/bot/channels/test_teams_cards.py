"""Teams cards: one Adaptive Card per response, valid, within Teams' size limit, buttons posting back."""

from __future__ import annotations

import json
from typing import Any

from bot.channels.one_message import Response
from bot.channels.teams_cards import card, card_activity, continued, size_of, summary, text_blocks
from tests.bot.channels.adaptive_cards import activity_problems, card_problems, render_in_chromium

CONTINUED = continued("en")
SITE = "https://careers.example.org"
ENVELOPE = {"from": {"id": "28:bot"}, "recipient": {"id": "29:user"}, "conversation": {"id": "a:1"}, "replyToId": "x"}


def citation(title: str, anchor: str, *, url: bool = True) -> dict[str, Any]:
    path = f"/postings/p#{anchor}"
    return {"posting_id": "p", "section": title.upper(), "title": title, "anchor": anchor, "path": path,
            "url": f"{SITE}{path}" if url else None}  # fmt: skip


def answer(
    *parts: tuple[str, str], citations: list[dict[str, Any]], buttons: tuple[dict[str, str], ...] = ()
) -> Response:
    titles = "; ".join(c["title"] for c in citations)
    custom = {
        "kind": "answer", "posting_id": "p", "posting_title": "Clerk — City of Example", "stated": True,
        "parts": [{"kind": k, "text": t} for k, t in parts],
        "caption": f"From the posting: {titles}" if citations else None, "citations": citations,
    }  # fmt: skip
    text = "\n\n".join([t for _, t in parts] + ([custom["caption"]] if citations else []))
    return Response(text=text, buttons=buttons, custom=custom)


DEADLINE = answer(
    ("note", "Applying from outside the network? Sign in to the VPN first."),
    ("answer", "Filing period: November 26, 2025 - December 11, 2025\nAs of today, the filing period is open."),
    citations=[
        citation("Information about the district", "information"),
        citation("Application filing dates", "dates"),
    ],
)
WHOLE_BUTTON = {"title": "Show the whole section", "payload": '/show_whole{"whole": "section:BENEFITS"}'}


def texts(content: dict[str, Any]) -> list[str]:
    return [b["text"] for b in content["body"] if b["type"] == "TextBlock"]


def test_an_answer_is_one_card_note_first_then_each_line_then_a_small_subtle_citation() -> None:
    content = card(DEADLINE)
    assert texts(content) == [
        "Applying from outside the network? Sign in to the VPN first.",
        "Filing period: November 26, 2025 - December 11, 2025",
        "As of today, the filing period is open.",
        "From the posting: Information about the district; Application filing dates",
    ]
    note, first, second, cite = content["body"]
    assert note["weight"] == "Bolder" and first["spacing"] == "Medium" and second["spacing"] == "Small"
    assert cite["isSubtle"] is True and cite["size"] == "Small"
    assert all(b["wrap"] is True for b in content["body"])
    assert content["actions"] == [
        {"type": "Action.OpenUrl", "title": "Information about the district", "url": f"{SITE}/postings/p#information"},
        {"type": "Action.OpenUrl", "title": "Application filing dates", "url": f"{SITE}/postings/p#dates"},
    ]
    assert card_problems(content) == []


def test_without_a_public_site_url_there_is_no_open_button() -> None:
    content = card(answer(("answer", "One vacancy."), citations=[citation("Vacancies", "vacancies", url=False)]))
    assert "actions" not in content
    assert texts(content)[-1] == "From the posting: Vacancies"
    assert card_problems(content) == []


def test_buttons_post_their_payload_back_and_show_their_title() -> None:
    choices = (
        {
            "title": "Accounting Technician — City of Pasadena, CA",
            "payload": '/select_posting{"posting_id": "pasadena"}',
        },
        {
            "title": "Accounting Technician II — Los Angeles Unified",
            "payload": '/select_posting{"posting_id": "lausd"}',
        },
    )
    content = card(Response(text="Which posting are you asking about?", buttons=choices))
    sets = [b for b in content["body"] if b["type"] == "ActionSet"]
    assert [s["actions"] for s in sets] == [
        [{"type": "Action.Submit", "title": c["title"],
          "data": {"msteams": {"type": "messageBack", "text": c["payload"], "displayText": c["title"]}}}]
        for c in choices
    ]  # fmt: skip
    assert card_problems(content) == []


def test_plain_text_keeps_its_lines_and_paragraphs_and_list_items() -> None:
    blocks = card(Response(text="Postings I know about:\n- Clerk\n- Analyst\n\nJust ask."))["body"]
    assert [b["text"] for b in blocks] == ["Postings I know about:", "• Clerk", "• Analyst", "Just ask."]
    assert blocks[-1]["spacing"] == "Medium"
    assert text_blocks("\n\n  \n") == []


def test_an_answer_too_big_for_teams_is_shortened_keeping_its_citation_and_buttons() -> None:
    lines = "\n".join(f"Duty {i}: " + "prepares and verifies accounting documents " * 8 for i in range(200))
    big = answer(("answer", lines), citations=[citation("Job duties", "duties")], buttons=(WHOLE_BUTTON,))
    assert len(json.dumps(card(big))) > 60_000
    activity = card_activity(big, ENVELOPE)
    assert activity_problems(activity) == []
    assert size_of(activity) <= 26 * 1024
    body = activity["attachments"][0]["content"]["body"]
    assert body[0]["text"].startswith("Duty 0:")
    assert [b.get("text") for b in body[-3:-1]] == [CONTINUED, "From the posting: Job duties"]
    assert body[-1]["type"] == "ActionSet"


def test_the_activity_is_one_message_with_one_card_and_a_notification_summary() -> None:
    activity = card_activity(DEADLINE, ENVELOPE)
    assert activity["type"] == "message" and activity["replyToId"] == "x"
    assert activity["summary"] == "Applying from outside the network? Sign in to the VPN first."
    assert "text" not in activity  # the card says it all; a text would show twice
    assert activity_problems(activity) == []
    assert summary("x" * 300).endswith("…") and len(summary("x" * 300)) == 120


def test_the_rules_catch_what_teams_would_refuse() -> None:
    """The written-out rules are not a rubber stamp."""
    good = card(DEADLINE)
    assert card_problems({**good, "version": "1.6"})
    assert card_problems({**good, "body": [{"type": "TextBlock", "text": "no wrap"}]})
    assert card_problems({**good, "body": [{"type": "TextBlock", "text": "x", "wrap": True, "colour": "Good"}]})
    with_button = card(Response(text="Which?", buttons=(WHOLE_BUTTON,)))
    assert card_problems(with_button) == [] and card_problems({**with_button, "version": "1.1"})  # ActionSet: 1.2
    assert card_problems({**good, "actions": [{"type": "Action.OpenUrl", "title": "x", "url": "javascript:alert(1)"}]})
    button = {"type": "Action.Submit", "title": "x", "data": {"msteams": {"type": "messageBack", "text": "/x"}}}
    assert card_problems({**good, "body": [{"type": "ActionSet", "actions": [button]}]})  # no displayText
    huge = card_activity(DEADLINE, ENVELOPE)
    huge["attachments"][0]["content"]["fallbackText"] = "x" * 40_000
    assert activity_problems(huge)


def test_microsofts_renderer_parses_validates_and_shows_every_kind_of_card() -> None:
    choices = (WHOLE_BUTTON,)
    cards = [
        card(DEADLINE),
        card(answer(("answer", "One vacancy."), citations=[citation("Vacancies", "v", url=False)], buttons=choices)),
        card(Response(text="Which posting?", buttons=({"title": "Clerk — City of Example", "payload": "/x"},))),
        card(Response(text="Hello!\nAsk me about a posting.")),
        {"type": "AdaptiveCard", "version": "1.2", "body": [{"type": "TextBlok", "text": "typo"}]},
    ]
    rendered = render_in_chromium(cards)
    assert [r["problems"] for r in rendered[:4]] == [[], [], [], []]
    assert rendered[4]["problems"], "the renderer's validation reports a broken card"
    deadline, vacancy, which, hello = rendered[:4]
    assert "Sign in to the VPN first." in deadline["text"] and "Application filing dates" in deadline["text"]
    assert deadline["buttons"] == ["Information about the district", "Application filing dates"]
    assert vacancy["buttons"] == ["Show the whole section"]
    assert which["buttons"] == ["Clerk — City of Example"]
    assert "Ask me about a posting." in hello["text"] and hello["height"] > 0
