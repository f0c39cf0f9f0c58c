"""The widget through nginx in front of two Rasa replicas: socket.io upgrades to a websocket, stays on
one replica (sticky by address), and a reload reconnects to the same conversation."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

from tests.replicas import Stack
from tests.web.test_widget import LAUSD, ask, log

pytestmark = pytest.mark.server


def test_the_widget_works_through_nginx_and_a_reload_reconnects(replicated: Stack, page: Page) -> None:
    page.goto(f"{replicated.site}/postings/{LAUSD}")
    page.get_by_role("button", name="Questions? Chat with us").click()
    ask(page, "when is the deadline?")
    expect(log(page)).to_contain_text("December 11, 2025")
    page.reload()
    expect(log(page)).to_contain_text("December 11, 2025")  # the transcript, kept by the page
    ask(page, "and the second one?")  # the last answer's second item: the server kept the conversation
    expect(log(page)).to_contain_text(re.compile(r"and the second one\?\s*Assistant: As of today"))
    page.close()  # nginx logs a websocket when it closes
    upgrades = websocket_upgrades(replicated, at_least=2)
    assert len(upgrades) == 2  # a websocket before and after the reload
    assert len({line.split("upstream=")[1].split()[0] for line in upgrades}) == 1  # sticky: one replica


def websocket_upgrades(stack: Stack, at_least: int) -> list[str]:
    """The websocket connections nginx logged (waiting a little for the last ones to close)."""
    for _ in range(50):
        lines = [line for line in stack.access_log.read_text().splitlines()
                 if "GET /socket.io/?EIO=4&transport=websocket" in line and '" 101 ' in line]  # fmt: skip
        if len(lines) >= at_least:
            break
        time.sleep(0.1)
    return lines
