"""Each bot response as one Teams message: an Adaptive Card (schema 1.2, which Teams renders on desktop and mobile).

The card holds the answer as wrapping TextBlocks (a note first, when there is one), the
citation as a small subtle TextBlock, an `Action.OpenUrl` per cited section when the public
site URL is set, and the quick replies as `Action.Submit` buttons that post the choice back
(`msteams` messageBack: the user sees the button's title, the bot gets its payload). Lines
keep their breaks: each line is a TextBlock of its own.
"""

from __future__ import annotations

import json
from typing import Any

from actions import names
from actions.language import DEFAULT
from actions.messages import text as catalog_text
from bot.channels.one_message import Response

CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive"
CARD_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
CARD_VERSION = "1.2"  # ActionSet needs 1.2; nothing newer is used
MAX_ACTIVITY_BYTES = 28 * 1024  # Teams refuses a message larger than about 28 KB
SIZE_MARGIN_BYTES = 2 * 1024  # room for the envelope Teams adds (ids, timestamps, channel data)
MAX_OPEN_ACTIONS = 3
SUMMARY_CHARS = 120
_BULLET_PREFIXES = ("- ", "• ", "* ")


def text_blocks(text: str, *, first_spacing: str | None = None, **style: Any) -> list[dict[str, Any]]:
    """A wrapping TextBlock per non-empty line; a list item (`- x`) gets a bullet."""
    blocks: list[dict[str, Any]] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith(_BULLET_PREFIXES):
            line = f"• {line[2:].strip()}"
        block: dict[str, Any] = {"type": "TextBlock", "text": line, "wrap": True, **style}
        spacing = first_spacing if not blocks else "Small"
        if spacing:
            block["spacing"] = spacing
        blocks.append(block)
    return blocks


def _paragraphs(text: str, **style: Any) -> list[dict[str, Any]]:
    """Paragraphs (blank-line separated) with a medium gap between them."""
    blocks: list[dict[str, Any]] = []
    for paragraph in text.split("\n\n"):
        blocks += text_blocks(paragraph, first_spacing="Medium" if blocks else None, **style)
    return blocks


def _answer_body(custom: dict[str, Any]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for part in custom.get("parts") or []:
        style = {"weight": "Bolder"} if part.get("kind") == "note" else {}
        blocks += text_blocks(str(part.get("text") or ""), first_spacing="Medium" if blocks else None, **style)
    if custom.get("caption"):
        blocks += text_blocks(str(custom["caption"]), first_spacing="Medium", isSubtle=True, size="Small")
    return blocks


def language_of(custom: dict[str, Any] | None) -> str:
    """The language an answer was given in (its payload says), for the card's own words."""
    language = (custom or {}).get("language")
    return language if isinstance(language, str) else DEFAULT


def continued(language: str) -> str:
    """The line that ends a card cut to Teams' size limit."""
    return catalog_text(names.CHANNEL_CONTINUED, language=language)


def _open_actions(custom: dict[str, Any] | None) -> list[dict[str, Any]]:
    """An `Action.OpenUrl` per cited section that has a public web address."""
    actions: list[dict[str, Any]] = []
    untitled = catalog_text(names.CHANNEL_OPEN_SECTION, language=language_of(custom))
    for citation in (custom or {}).get("citations") or []:
        url = citation.get("url")
        if isinstance(url, str) and url.startswith(("https://", "http://")) and len(actions) < MAX_OPEN_ACTIONS:
            actions.append({"type": "Action.OpenUrl", "title": str(citation.get("title") or untitled), "url": url})
    return actions


def submit_action(button: dict[str, str]) -> dict[str, Any]:
    """A button that posts its payload back to the bot and shows its title as the user's message."""
    return {
        "type": "Action.Submit",
        "title": button["title"],
        "data": {"msteams": {"type": "messageBack", "text": button["payload"], "displayText": button["title"]}},
    }


def is_answer(custom: dict[str, Any] | None) -> bool:
    return isinstance(custom, dict) and custom.get("kind") == "answer" and isinstance(custom.get("parts"), list)


def card(response: Response) -> dict[str, Any]:
    """The Adaptive Card for one response."""
    body = _answer_body(response.custom or {}) if is_answer(response.custom) else _paragraphs(response.text)
    # One ActionSet per button: each spans the card, so long posting titles are not cut short.
    body += [{"type": "ActionSet", "actions": [submit_action(b)]} for b in response.buttons]
    content: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": CARD_SCHEMA,
        "version": CARD_VERSION,
        "fallbackText": response.text,
        "body": body or text_blocks(response.text or " "),
        "msteams": {"width": "Full"},
    }
    actions = _open_actions(response.custom)
    if actions:
        content["actions"] = actions
    return content


def summary(text: str) -> str:
    """The first line, short: what Teams shows in notifications instead of "sent a card"."""
    first = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return first if len(first) <= SUMMARY_CHARS else first[: SUMMARY_CHARS - 1].rstrip() + "…"


def size_of(activity: dict[str, Any]) -> int:
    """Bytes of the activity as it is posted."""
    return len(json.dumps(activity, ensure_ascii=False).encode("utf-8"))


def fit(
    activity: dict[str, Any], limit: int = MAX_ACTIVITY_BYTES - SIZE_MARGIN_BYTES, *, language: str = DEFAULT
) -> dict[str, Any]:
    """The activity, with the card's answer lines shortened from the end until it fits Teams' limit.

    The citation and the buttons stay: the section link gives the rest.
    """
    if size_of(activity) <= limit:
        return activity
    content = activity["attachments"][0]["content"]
    body: list[dict[str, Any]] = content["body"]
    keep_tail = [b for b in body if b.get("type") == "ActionSet" or b.get("isSubtle")]
    lines = [b for b in body if b not in keep_tail]
    content["fallbackText"] = summary(content.get("fallbackText", ""))
    while lines:
        lines.pop()
        content["body"] = [*lines, {"type": "TextBlock", "text": continued(language), "wrap": True}, *keep_tail]
        if size_of(activity) <= limit:
            return activity
    return activity


def card_activity(response: Response, envelope: dict[str, Any]) -> dict[str, Any]:
    """The message activity carrying the response's card, within Teams' size limit."""
    activity = {
        **envelope,
        "type": "message",
        "summary": summary(response.text),
        "attachments": [{"contentType": CARD_CONTENT_TYPE, "content": card(response)}],
    }
    return fit(activity, language=language_of(response.custom))
