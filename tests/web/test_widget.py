"""The careers site and its chat widget, used in a real browser as a person would."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import requests
from playwright.sync_api import Browser, Page, expect

from base.settings import PROJECT_ROOT
from tests.servers import Assistant

pytestmark = pytest.mark.server

LAUSD = "lausd-accounting-technician-ii"
AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT = PROJECT_ROOT / "docs" / "widget.png"


def open_widget(page: Page, assistant: Assistant, posting_id: str = LAUSD) -> None:
    page.goto(f"{assistant.site}/postings/{posting_id}")
    page.get_by_role("button", name="Questions? Chat with us").click()
    expect(page.get_by_role("dialog", name="Job application assistant")).to_be_visible()


def ask(page: Page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def log(page: Page):  # type: ignore[no-untyped-def]
    return page.get_by_role("log", name="Conversation")


def test_site_lists_the_postings_and_shows_each_readably(assistant: Assistant, page: Page) -> None:
    page.goto(assistant.site)
    expect(page.get_by_role("heading", name="Open postings")).to_be_visible()
    page.get_by_role("link", name="Accounting Technician II").click()
    expect(page).to_have_url(re.compile(f"/postings/{LAUSD}$"))
    expect(page.get_by_role("heading", name="APPLICATION FILING DATES")).to_be_visible()
    expect(page.get_by_text("November 26, 2025 - December 11, 2025")).to_be_visible()
    assert requests.get(f"{assistant.site}/postings/no-such-posting", timeout=10).status_code == 404


def test_pages_load_without_console_errors_or_failed_requests(assistant: Assistant, page: Page) -> None:
    """Among them the /favicon.ico every browser asks for."""
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda answer: errors.append(f"{answer.status} {answer.url}") if answer.status >= 400 else None)
    for path in ("/", f"/postings/{LAUSD}"):
        page.goto(f"{assistant.site}{path}")
        page.wait_for_load_state("networkidle")
    assert errors == []


def test_deadline_question_needs_no_posting_name(assistant: Assistant, page: Page) -> None:
    open_widget(page, assistant)
    ask(page, "when is the deadline?")
    expect(log(page)).to_contain_text("December 11, 2025")
    expect(log(page).get_by_role("link", name="http://www.lausdjobs.org")).to_have_attribute(
        "href", "http://www.lausdjobs.org"
    )


def test_quick_replies_and_reload_keep_the_conversation(assistant: Assistant, page: Page) -> None:
    open_widget(page, assistant)
    ask(page, "when is the deadline?")
    expect(log(page)).to_contain_text("December 11, 2025")
    ask(page, "switch to the other posting")
    choice = page.get_by_role("group", name="Suggested replies").get_by_role(
        "button", name="Accounting Technician — City of Pasadena, CA"
    )
    choice.click()
    expect(log(page)).to_contain_text("October 2, 2025")  # the last topic, now for the chosen posting
    page.reload()
    expect(page.get_by_role("dialog", name="Job application assistant")).to_be_visible()
    expect(log(page)).to_contain_text("December 11, 2025")
    expect(log(page)).to_contain_text("October 2, 2025")
    ask(page, "who do I contact about the selection process?")
    expect(log(page).get_by_role("link", name="jessica.mejia1@lausd.net")).to_have_attribute(
        "href", "mailto:jessica.mejia1@lausd.net"
    )


def test_an_answer_is_one_message_whose_caption_links_to_its_highlighted_section(
    assistant: Assistant, page: Page
) -> None:
    open_widget(page, assistant)
    ask(page, "when is the deadline?")
    answer = log(page).locator(".hb-bot").nth(1)
    expect(answer).to_contain_text("December 11, 2025")
    page.wait_for_timeout(1000)  # a second bubble would have arrived by now
    expect(log(page).locator(".hb-bot")).to_have_count(2)  # the greeting and the one answer
    expect(answer.locator(".hb-cite")).to_have_text(
        "From the posting: Application filing dates; Do you need technical assistance with the on-line application?"
    )
    assert "Source:" not in log(page).inner_text()
    # read once: the section's title is in the message only as its link
    assert answer.inner_text().count("Application filing dates") == 1
    link = answer.get_by_role("link", name="Application filing dates", exact=True)
    expect(link).to_have_attribute("href", f"/postings/{LAUSD}#application-filing-dates")
    link.click()
    expect(page).to_have_url(re.compile(f"/postings/{LAUSD}#application-filing-dates$"))
    section = page.locator("section#application-filing-dates")
    expect(section).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "application-filing-dates"
    expect(section).to_have_css("background-color", "rgb(255, 244, 194)")  # highlighted, once its flash is over
    expect(page.locator("section#benefits")).to_have_css("background-color", "rgba(0, 0, 0, 0)")
    page.reload()  # the conversation, its caption link included, survives a reload
    expect(log(page).locator(".hb-bot")).to_have_count(2)
    expect(log(page).get_by_role("link", name="Application filing dates", exact=True)).to_have_attribute(
        "href", f"/postings/{LAUSD}#application-filing-dates"
    )


def test_on_a_phone_the_caption_link_closes_the_chat_to_show_the_section(
    assistant: Assistant, browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_widget(page, assistant, "pasadena-accounting-technician")
        ask(page, "how many openings are there?")
        link = log(page).get_by_role("link", name="Vacancies", exact=True)
        link.click()
        expect(page.get_by_role("dialog", name="Job application assistant")).to_be_hidden()
        expect(page.locator("section#vacancies")).to_be_in_viewport()
    finally:
        context.close()


def test_talk_to_a_person_and_phone_links(assistant: Assistant, page: Page) -> None:
    open_widget(page, assistant)
    page.get_by_role("button", name="Talk to a person").click()
    expect(log(page).get_by_role("link", name="(213) 241-3455")).to_have_attribute("href", "tel:+12132413455")


def test_markup_is_shown_as_text_and_never_runs(assistant: Assistant, page: Page) -> None:
    open_widget(page, assistant)
    attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    ask(page, attack)
    expect(log(page).get_by_text(attack)).to_be_visible()
    expect(log(page).locator(".hb-bot").nth(1)).to_be_visible()  # the bot answered it
    assert page.evaluate("window.__pwned") is None
    assert log(page).locator("img, script").count() == 0


def test_keyboard_only(assistant: Assistant, page: Page) -> None:
    page.goto(f"{assistant.site}/postings/{LAUSD}")
    launcher = page.get_by_role("button", name="Questions? Chat with us")
    for _ in range(60):
        page.keyboard.press("Tab")
        if launcher.evaluate("node => node === document.activeElement"):
            break
    else:
        pytest.fail("the chat launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Your message")).to_be_focused()
    page.keyboard.type("what are the minimum requirements?")
    page.keyboard.press("Enter")
    expect(log(page)).to_contain_text("One year of office bookkeeping")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog", name="Job application assistant")).to_be_hidden()
    expect(page.get_by_role("button", name="Questions? Chat with us")).to_be_focused()


def test_phone_sized_screen(assistant: Assistant, browser: Browser) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        open_widget(page, assistant)
        box = page.get_by_role("dialog", name="Job application assistant").bounding_box()
        assert box is not None and box["width"] >= 370 and box["x"] <= 1
        ask(page, "what does it pay?")
        expect(log(page)).to_contain_text("Salary details")
        page.get_by_role("button", name="Close the chat").click()
        expect(page.get_by_role("button", name="Questions? Chat with us")).to_be_visible()
    finally:
        context.close()


def test_no_serious_accessibility_violations(assistant: Assistant, browser: Browser, tmp_path: Path) -> None:
    """axe-core's WCAG 2.1 A/AA rules on a posting page with the widget in use (an answer with its
    caption link, the section it opened highlighted); the screenshot of it goes to docs/widget.png
    when HELPBOT_UPDATE_SCREENSHOT is set."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    try:
        open_widget(page, assistant)
        ask(page, "when is the deadline?")
        expect(log(page)).to_contain_text("December 11, 2025")
        log(page).get_by_role("link", name="Application filing dates", exact=True).click()  # its section, highlighted
        expect(page.locator("section#application-filing-dates")).to_have_css("background-color", "rgb(255, 244, 194)")
        page.add_script_tag(path=str(AXE))
        results = page.evaluate("() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
        serious = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
            for v in results["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == [], serious
        shot = (
            SCREENSHOT
            if os.environ.get("HELPBOT_UPDATE_SCREENSHOT")
            else Path(context.pages[0].url and "/tmp/widget.png")
        )
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        context.close()


def test_socket_io_accepts_only_the_site_origin(assistant: Assistant) -> None:
    url = f"http://127.0.0.1:{assistant.rasa_port}/socket.io/?EIO=4&transport=polling"
    allowed = requests.get(url, headers={"Origin": assistant.site}, timeout=10)
    refused = requests.get(url, headers={"Origin": "https://attacker.example"}, timeout=10)
    assert allowed.status_code == 200
    assert allowed.headers.get("Access-Control-Allow-Origin") == assistant.site
    assert refused.status_code == 403
    assert "Access-Control-Allow-Origin" not in refused.headers
