"""The Adaptive Card rules a Teams reply must keep, written out as a JSON schema, and the official renderer.

No Adaptive Card schema package installs beside Rasa 3.6 (the one shipping Microsoft's schemas
needs pydantic 2), so the rules of the elements helpbot uses are written here, strictly: no
property the schema does not know (a typo fails), versions no newer than 1.5, the element
versions the card declares, Teams' action and size limits. `render_in_chromium` also parses,
validates and renders each card with Microsoft's own `adaptivecards` library (npm).
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from jsonschema import Draft7Validator
from playwright.sync_api import sync_playwright

from base.settings import PROJECT_ROOT
from tests.knowledge.formats.documents import CHROMIUM, CHROMIUM_ARGS

ADAPTIVE_CARDS_JS = PROJECT_ROOT / "web" / "node_modules" / "adaptivecards" / "dist" / "adaptivecards.min.js"
TEAMS_MAX_MESSAGE_BYTES = 28 * 1024
TEAMS_MAX_ACTIONS = 6  # Teams' host config shows at most this many actions in one set
VERSIONS = ["1.0", "1.1", "1.2", "1.3", "1.4", "1.5"]
ELEMENT_VERSIONS = {"TextBlock": "1.0", "ActionSet": "1.2", "Action.Submit": "1.0", "Action.OpenUrl": "1.0"}

SPACING = {"enum": ["None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding"]}
NON_EMPTY = {"type": "string", "minLength": 1, "pattern": r"\S"}
TEXT_BLOCK = {
    "type": "object",
    "required": ["type", "text", "wrap"],
    "additionalProperties": False,
    "properties": {
        "type": {"const": "TextBlock"},
        "text": NON_EMPTY,
        "wrap": {"const": True},  # an answer is never cut off at the card's edge
        "size": {"enum": ["Default", "Small", "Medium", "Large", "ExtraLarge"]},
        "weight": {"enum": ["Default", "Lighter", "Bolder"]},
        "isSubtle": {"type": "boolean"},
        "spacing": SPACING,
    },
}
MESSAGE_BACK = {
    "type": "object",
    "required": ["type", "text", "displayText"],
    "additionalProperties": False,
    "properties": {"type": {"const": "messageBack"}, "text": NON_EMPTY, "displayText": NON_EMPTY, "value": {}},
}
IM_BACK = {
    "type": "object",
    "required": ["type", "value"],
    "additionalProperties": False,
    "properties": {"type": {"const": "imBack"}, "value": NON_EMPTY},
}
SUBMIT = {
    "type": "object",
    "required": ["type", "title", "data"],
    "additionalProperties": False,
    "properties": {
        "type": {"const": "Action.Submit"},
        "title": NON_EMPTY,
        "data": {
            "type": "object",
            "required": ["msteams"],
            "properties": {"msteams": {"oneOf": [MESSAGE_BACK, IM_BACK]}},
        },
    },
}
OPEN_URL = {
    "type": "object",
    "required": ["type", "title", "url"],
    "additionalProperties": False,
    "properties": {
        "type": {"const": "Action.OpenUrl"},
        "title": NON_EMPTY,
        "url": {"type": "string", "pattern": r"^https?://\S+$"},
    },
}
ACTIONS = {"type": "array", "minItems": 1, "maxItems": TEAMS_MAX_ACTIONS, "items": {"oneOf": [SUBMIT, OPEN_URL]}}
ACTION_SET = {
    "type": "object",
    "required": ["type", "actions"],
    "additionalProperties": False,
    "properties": {"type": {"const": "ActionSet"}, "actions": ACTIONS, "spacing": SPACING},
}
CARD_SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["type", "version", "body"],
    "additionalProperties": False,
    "properties": {
        "type": {"const": "AdaptiveCard"},
        "$schema": {"const": "http://adaptivecards.io/schemas/adaptive-card.json"},
        "version": {"enum": VERSIONS},
        "fallbackText": {"type": "string"},
        "body": {"type": "array", "minItems": 1, "items": {"oneOf": [TEXT_BLOCK, ACTION_SET]}},
        "actions": ACTIONS,
        "msteams": {"type": "object", "additionalProperties": False, "properties": {"width": {"const": "Full"}}},
    },
}
ACTIVITY_SCHEMA = {
    "type": "object",
    "required": ["type", "attachments"],
    "properties": {
        "type": {"const": "message"},
        "summary": NON_EMPTY,
        "attachments": {
            "type": "array",
            "minItems": 1,
            "maxItems": 1,
            "items": {
                "type": "object",
                "required": ["contentType", "content"],
                "properties": {"contentType": {"const": "application/vnd.microsoft.card.adaptive"}},
            },
        },
    },
}


def _elements(card: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for element in card.get("body", []):
        found.append(element)
        found += element.get("actions", [])
    return found + card.get("actions", [])


def card_problems(card: dict[str, Any]) -> list[str]:
    """Every broken rule of one card (empty when it is valid)."""
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in Draft7Validator(CARD_SCHEMA).iter_errors(card)]
    declared = card.get("version", "0")
    for element in _elements(card):
        needed = ELEMENT_VERSIONS.get(element.get("type", ""), "9")
        if needed > declared:
            problems.append(f"{element.get('type')} needs version {needed}, the card declares {declared}")
    return problems


def activity_problems(activity: dict[str, Any]) -> list[str]:
    """Every broken rule of a Teams message activity holding a card, its size included."""
    problems = [e.message for e in Draft7Validator(ACTIVITY_SCHEMA).iter_errors(activity)]
    size = len(json.dumps(activity, ensure_ascii=False).encode("utf-8"))
    if size > TEAMS_MAX_MESSAGE_BYTES:
        problems.append(f"{size} bytes, over Teams' {TEAMS_MAX_MESSAGE_BYTES}")
    for attachment in activity.get("attachments") or []:
        problems += card_problems(attachment.get("content") or {})
    return problems


_RENDER = """cards => cards.map(json => {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) { problems.push(context.getEventAt(i).message); }
  for (const e of card.validateProperties().validationEvents) { problems.push(e.message); }
  const shown = card.render();
  const host = document.createElement("div");
  host.style.width = "480px";
  host.appendChild(shown);
  document.body.appendChild(host);
  const buttons = Array.from(shown.querySelectorAll("button")).map(b => b.getAttribute("aria-label") || b.innerText);
  return {problems, text: shown.innerText, buttons, height: shown.getBoundingClientRect().height};
})"""


def _render(cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            page = browser.new_page()
            page.set_content("<!doctype html><html><body></body></html>")
            page.add_script_tag(path=str(ADAPTIVE_CARDS_JS))
            return list(page.evaluate(_RENDER, cards))
        finally:
            browser.close()


def render_in_chromium(cards: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Microsoft's renderer on each card: its parse and validation problems, the text and buttons shown.

    Playwright runs in a thread of its own, so its event loop never meets the other tests' loops.
    """
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(_render, cards).result(timeout=120)
