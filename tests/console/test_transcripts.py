"""The transcript queue and the application record: filters, counts, a decision with its note."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from applications.store import get_application
from staff import audit
from tests.console.conftest import sign_in


def rows(html: str) -> list[str]:
    """The application ids of the queue table, in order."""
    return re.findall(r'<a href="/applications/[^"]+">([^<]+)</a>', html)


async def test_the_queue_lists_awaiting_transcripts_oldest_first_with_days_waiting(client: TestClient) -> None:
    await sign_in(client, "rita")
    html = await (await client.get("/transcripts")).text()
    assert rows(html) == ["A-1002", "A-1003"]  # updated 2025-10-05, then 2025-12-01; A-1001 is verified
    assert '<td class="number">57</td>' in html  # 2025-10-05 to 2025-12-01
    assert "Accounting Technician — City of Pasadena, CA</a>: 1" in html
    assert "Accounting Technician II — Los Angeles Unified School District</a>: 1" in html


async def test_the_queue_filters_by_posting_and_status(client: TestClient) -> None:
    await sign_in(client, "rita")
    by_posting = await (await client.get("/transcripts?posting=lausd-accounting-technician-ii")).text()
    assert rows(by_posting) == ["A-1003"]
    by_status = await (await client.get("/transcripts?status=foreign_evaluation_pending")).text()
    assert rows(by_status) == ["A-1002"]
    neither = await (
        await client.get("/transcripts?posting=lausd-accounting-technician-ii&status=foreign_evaluation_pending")
    ).text()
    assert rows(neither) == [] and "with these filters" in neither


async def test_a_decision_with_a_note_is_recorded_shown_and_audited(client: TestClient) -> None:
    csrf = await sign_in(client, "rita")
    answer = await client.post(
        "/applications/A-1003/decision",
        data={"csrf": csrf, "decision": "verified", "note": "Checked with the registrar"},
    )
    assert answer.status == 200 and "Decision recorded" in await answer.text()
    application = get_application("A-1003")
    assert application is not None and application.transcript_status == "verified"
    html = await answer.text()
    assert re.search(r"<td>rita</td><td>verified</td><td class=\"note\">Checked with the registrar</td>", html)
    assert rows(await (await client.get("/transcripts")).text()) == ["A-1002"]
    entry = audit.search(audit.AuditFilter(action=audit.DECISION))[0]
    assert (entry.actor, entry.subject, entry.detail) == ("rita", "A-1003", "verified: Checked with the registrar")


async def test_markup_in_a_note_is_shown_as_text(client: TestClient) -> None:
    csrf = await sign_in(client, "rita")
    note = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    answer = await client.post(
        "/applications/A-1002/decision", data={"csrf": csrf, "decision": "rejected", "note": note}
    )
    html = await answer.text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "<script>" not in html and "<img" not in html


async def test_a_decision_needs_a_known_status_and_a_note(client: TestClient) -> None:
    csrf = await sign_in(client, "rita")
    for data in ({"decision": "approved", "note": "x"}, {"decision": "verified", "note": "  "}):
        answer = await client.post("/applications/A-1003/decision", data={"csrf": csrf, **data})
        assert answer.status == 400
    application = get_application("A-1003")
    assert application is not None and application.transcript_status == "received"
    assert (await client.get("/applications/NOPE-1")).status == 404
