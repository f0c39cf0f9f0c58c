"""The staff console in a real browser: sign-in, the transcript queue, hand-offs answered in an open
chat widget, unanswered questions, postings, Microsoft sign-in, and axe-core on every page."""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from base.database import make_engine
from base.settings import PROJECT_ROOT
from helpdesk import handoffs
from staff.accounts import ADMIN, REVIEWER, add_account, get_account
from tests.applications.conftest import write_csv
from tests.servers import Assistant
from tests.staff.fake_entra import FakeEntra
from tests.web.test_widget import AXE, LAUSD, ask, log, open_widget

pytestmark = pytest.mark.server

PASSWORD = "console browser password"
SCREENSHOT = PROJECT_ROOT / "docs" / "console.png"
GLENDALE = PROJECT_ROOT / "tests" / "knowledge" / "postings" / "glendale-administrative-analyst.txt"
ROWS = [
    "C-3001,casey@example.org,Casey,lausd-accounting-technician-ii,transcript_verification,2025-11-03,received,,",
    "C-3002,drew@example.org,Drew,pasadena-accounting-technician,transcript_verification,2025-10-20,"
    "foreign_evaluation_pending,,",
    "C-3003,eli@example.org,Eli,lausd-accounting-technician-ii,received,2025-11-20,received,,",
]


@pytest.fixture(scope="module")
def staffed(assistant: Assistant, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    """The running assistant with applications awaiting transcripts and staff accounts."""
    result = assistant.cli("applications", "import", str(write_csv(tmp_path_factory.mktemp("hr"), ROWS)))
    assert result.returncode == 0, result.stderr
    engine = make_engine(assistant.env["HELPBOT_DATABASE_URL"])
    for name, role, directory in (
        ("rita", REVIEWER, False),
        ("adam", ADMIN, False),
        ("kim.lee@district.example", REVIEWER, True),
    ):
        if get_account(name, engine=engine) is None:
            add_account(name, role=role, password=None if directory else PASSWORD, directory=directory, engine=engine)
    engine.dispose()
    return assistant


@pytest.fixture
def staff_page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    context.close()


def sign_in(page: Page, assistant: Assistant, name: str, start: str = "/transcripts") -> None:
    page.goto(f"{assistant.console}{start}")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()


def word_marker() -> str:
    """A unique word of letters only: one of digits would read as an application ID and start the status form."""
    return uuid.uuid4().hex[:8].translate(str.maketrans("0123456789", "ghijklmnop"))


def test_a_reviewer_decides_a_transcript_and_the_applicant_hears_it(staffed: Assistant, staff_page: Page) -> None:
    page = staff_page
    sign_in(page, staffed, "rita")
    expect(page).to_have_url(re.compile(r"/transcripts$"))
    queue = page.get_by_role("table")
    expect(queue.get_by_role("link", name="C-3002")).to_be_visible()
    ids = [row for row in queue.get_by_role("link").all_inner_texts() if row.startswith("C-")]
    assert ids == ["C-3002", "C-3001", "C-3003"]  # oldest first
    page.get_by_label("Posting").select_option(LAUSD)
    page.get_by_role("button", name="Filter").click()
    expect(queue.get_by_role("link", name="C-3002")).to_have_count(0)
    queue.get_by_role("link", name="C-3001").click()
    expect(page.get_by_role("heading", name="Application C-3001")).to_be_visible()
    page.get_by_role("radio", name=re.compile("^verified")).check()
    note = "Registrar confirmed by phone <b>ok</b>"
    page.get_by_label("Note").fill(note)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_role("status")).to_contain_text("Decision recorded")
    expect(page.locator("#transcript-status")).to_have_text("verified")
    row = page.get_by_role("row").filter(has_text="Registrar confirmed")
    expect(row).to_contain_text("rita")
    expect(row.get_by_role("cell", name=note)).to_be_visible()  # the markup is text
    assert page.locator("td.note b").count() == 0
    who = f"console-{uuid.uuid4().hex[:8]}"
    assert "application ID" in staffed.reply(who, "has my transcript been verified?")
    assert "email address" in staffed.reply(who, "C-3001")
    assert "Your transcripts have been verified." in staffed.reply(who, "casey@example.org")


def test_a_hand_off_is_answered_in_the_applicants_open_widget(
    staffed: Assistant, browser: Browser, staff_page: Page
) -> None:
    applicant_context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900})
    applicant = applicant_context.new_page()
    applicant.set_default_timeout(20_000)
    try:
        question = f"can I bring my diploma to the office, ref {word_marker()}?"
        open_widget(applicant, staffed)
        ask(applicant, question)
        expect(log(applicant).locator(".hb-bot").nth(1)).to_be_visible()  # the greeting, then an answer
        applicant.get_by_role("button", name="Talk to a person").click()
        expect(log(applicant)).to_contain_text("passed this conversation to the helpdesk")
        ask(applicant, "my email is applicant.two@example.org")
        expect(log(applicant)).to_contain_text("The helpdesk will answer at that address")

        page = staff_page
        sign_in(page, staffed, "rita", start="/handoffs")
        row = page.get_by_role("row").filter(has_text=question)
        expect(row).to_contain_text("chat widget (live)")
        expect(row).to_contain_text("yes")  # an email was left
        row.get_by_role("link").click()
        expect(page.get_by_role("list").filter(has_text=question)).to_be_visible()
        expect(page.get_by_role("link", name="applicant.two@example.org")).to_be_visible()
        reply = "Hello from the helpdesk: <i>yes</i>, bring the original."
        page.get_by_label("Reply (the applicant sees it").fill(reply)
        page.get_by_role("button", name="Send the reply").click()
        expect(page.get_by_role("status")).to_contain_text("Reply sent")
        expect(page.locator("#handoff-status")).to_have_text("answered")

        staff_message = log(applicant).locator(".hb-staff")
        expect(staff_message).to_contain_text("Helpdesk staff")
        expect(staff_message).to_contain_text(reply)  # shown as text
        assert log(applicant).locator("i").count() == 0
        page.reload()
        expect(page.get_by_text("shown in the chat")).to_be_visible()

        page.get_by_label("closed", exact=True).check()
        page.get_by_label("Note (optional)").fill("Answered in the chat.")
        page.get_by_role("button", name="Save the status").click()
        expect(page.locator("#handoff-status")).to_have_text("closed")
        expect(page.get_by_text("Answered in the chat.")).to_be_visible()
    finally:
        applicant_context.close()


def test_unanswered_questions_show_markup_as_text_and_no_personal_details(staffed: Assistant, staff_page: Page) -> None:
    marker = word_marker()
    question = f'<img src=x onerror="window.__pwned=1"> is there free parking {marker}? write to me at pat@example.org'
    staffed.reply(f"q-{marker}", question, {"posting_id": "pasadena-accounting-technician"})
    page = staff_page
    sign_in(page, staffed, "rita", start="/questions")
    shown = '<img src=x onerror="window.__pwned=1"> is there free parking ' + marker + "? write to me at [email]"
    row = page.get_by_role("row").filter(has_text=marker)
    expect(row.get_by_text(shown)).to_be_visible()
    assert page.evaluate("window.__pwned") is None and page.locator("main img").count() == 0
    assert "pat@example.org" not in page.content()
    row.get_by_role("button", name=re.compile("^Mark handled")).click()
    expect(page.get_by_role("status")).to_contain_text("marked handled")
    expect(page.get_by_role("row").filter(has_text=marker)).to_have_count(0)


def test_an_admin_uploads_a_posting_that_is_answered_at_once_then_removes_it(
    staffed: Assistant, staff_page: Page
) -> None:
    page = staff_page
    sign_in(page, staffed, "adam", start="/postings")
    page.get_by_label("Posting file").set_input_files(str(GLENDALE))
    page.get_by_role("button", name="Upload and ingest").click()
    try:
        expect(page.get_by_role("status")).to_contain_text("Added")
        expect(page.get_by_role("heading", name=re.compile("Administrative Analyst"))).to_be_visible()
        reply = staffed.reply(f"up-{uuid.uuid4().hex[:6]}", "what does it pay?", {"posting_id": GLENDALE.stem})
        assert "Salary" in reply or "$" in reply, reply
    finally:
        page.get_by_role("button", name=re.compile("^Remove .*Administrative Analyst")).click()
        expect(page.get_by_role("status")).to_contain_text(f"Removed {GLENDALE.stem}")
    assert not (staffed.postings_dir / GLENDALE.name).exists()


def test_a_reviewer_is_refused_admin_pages(staffed: Assistant, staff_page: Page) -> None:
    sign_in(staff_page, staffed, "rita")
    expect(staff_page.get_by_role("link", name="Postings")).to_have_count(0)
    answer = staff_page.goto(f"{staffed.console}/postings")
    assert answer is not None and answer.status == 403
    expect(staff_page.get_by_role("heading", name="Not allowed")).to_be_visible()


def test_sign_in_with_microsoft_through_the_fake_tenant(
    staffed: Assistant, staff_page: Page, fake_entra: FakeEntra
) -> None:
    fake_entra.user = {"preferred_username": "Kim.Lee@District.example", "oid": "oid-kim-browser"}
    page = staff_page
    page.goto(f"{staffed.console}/signin")
    page.get_by_role("link", name="Sign in with Microsoft").click()
    expect(page.get_by_text("kim.lee@district.example (reviewer)")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/transcripts$"))


def test_no_serious_accessibility_violations_on_any_page(staffed: Assistant, browser: Browser) -> None:
    """axe-core's WCAG 2.1 A/AA rules on every page, as an admin; docs/console.png (the queue) is
    written when HELPBOT_UPDATE_SCREENSHOT is set."""
    who = f"axe-{uuid.uuid4().hex[:6]}"
    staffed.reply(who, "is there free parking?", {"posting_id": LAUSD})  # an unanswered question
    staffed.reply(who, "talk to a person", {"posting_id": LAUSD})  # a hand-off
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    failures = {}
    try:
        page.goto(f"{staffed.console}/signin")
        failures["/signin"] = serious_violations(page)
        sign_in(page, staffed, "adam")
        page.goto(f"{staffed.console}/handoffs?status=all")
        handoff = page.get_by_role("table").get_by_role("link").first.get_attribute("href")
        for path in (
            "/transcripts",
            "/applications/C-3003",
            "/handoffs",
            handoff,
            "/questions",
            "/postings",
            "/staff",
            "/audit",
        ):
            page.goto(f"{staffed.console}{path}")
            failures[str(path)] = serious_violations(page)
        page.goto(f"{staffed.console}/transcripts")
        shot = SCREENSHOT if os.environ.get("HELPBOT_UPDATE_SCREENSHOT") else Path("/tmp/console.png")
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    finally:
        context.close()
    assert {path: found for path, found in failures.items() if found} == {}


def serious_violations(page: Page) -> list[tuple[str, str, list[object]]]:
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_a_hand_off_after_a_status_check_keeps_no_application_id_or_email(staffed: Assistant) -> None:
    who = f"status-then-person-{uuid.uuid4().hex[:6]}"
    assert "application ID" in staffed.reply(who, "what's the status of my application?")
    assert "email address" in staffed.reply(who, "C-3003")
    assert "received" in staffed.reply(who, "eli@example.org").lower()
    assert "helpdesk" in staffed.reply(who, "I want to talk to a person", {"posting_id": LAUSD})
    engine = make_engine(staffed.env["HELPBOT_DATABASE_URL"])
    try:
        newest = max(handoffs.queue(None, engine=engine), key=lambda h: h.id)
        found = handoffs.get(newest.id, engine=engine)
    finally:
        engine.dispose()
    assert found is not None and found.channel == "rest" and found.posting_id == LAUSD
    said = " ".join(t.text for t in found.turns)
    assert "what's the status of my application?" in said and "not kept" in said
    assert "C-3003" not in said and "eli@example.org" not in said
