"""Hand-offs and unanswered questions in the console: the queue, a conversation, replies, notes, groups."""

from __future__ import annotations

from aiohttp.test_utils import TestClient

from helpdesk import handoffs, unanswered
from helpdesk.handoffs import Turn
from staff import audit
from tests.console.conftest import sign_in

LAUSD = "lausd-accounting-technician-ii"
MARKUP = '<script>alert("x")</script><b>bold?</b>'


def widget_handoff(question: str = "Can I bring my diploma in person?") -> int:
    return handoffs.create(
        posting_id=LAUSD,
        channel="socketio",
        conversation_id="widget-session-1",
        turns=[Turn("applicant", question), Turn("assistant", "I've passed this conversation to the helpdesk.")],
    )


async def test_the_queue_and_a_conversation(client: TestClient) -> None:
    handoff_id = widget_handoff()
    handoffs.leave_email(handoff_id, "widget-session-1", "applicant@example.org")
    await sign_in(client, "rita")
    queue = await (await client.get("/handoffs")).text()
    assert f'href="/handoffs/{handoff_id}"' in queue and "chat widget (live)" in queue
    assert "Can I bring my diploma in person?" in queue
    page = await (await client.get(f"/handoffs/{handoff_id}")).text()
    assert "Accounting Technician II — Los Angeles Unified School District" in page
    assert 'href="mailto:applicant@example.org"' in page
    assert "I&#39;ve passed this conversation to the helpdesk." in page


async def test_a_reply_waits_for_the_widget_and_answers_the_hand_off(client: TestClient) -> None:
    handoff_id = widget_handoff()
    csrf = await sign_in(client, "rita")
    answer = await client.post(f"/handoffs/{handoff_id}/reply", data={"csrf": csrf, "text": "Yes, at the front desk."})
    page = await answer.text()
    assert "Reply sent" in page and "waiting for the chat to be open" in page
    pending = handoffs.undelivered()
    assert [(p.text, p.conversation_hash) for p in pending] == [
        ("Yes, at the front desk.", handoffs.conversation_hash("widget-session-1"))
    ]
    assert handoffs.get(handoff_id).status == handoffs.ANSWERED  # type: ignore[union-attr]
    assert audit.search(audit.AuditFilter(action=audit.HANDOFF_REPLY))[0].actor == "rita"


async def test_a_rest_conversation_cannot_be_answered_in_a_chat(client: TestClient) -> None:
    handoff_id = handoffs.create(
        posting_id=None, channel="rest", conversation_id="r-1", turns=[Turn("applicant", "hi")]
    )
    csrf = await sign_in(client, "rita")
    page = await (await client.get(f"/handoffs/{handoff_id}")).text()
    assert "Reply in the applicant" not in page
    answer = await client.post(f"/handoffs/{handoff_id}/reply", data={"csrf": csrf, "text": "hello"})
    assert answer.status == 400 and handoffs.undelivered() == []


async def test_status_and_notes_and_markup_shown_as_text(client: TestClient) -> None:
    handoff_id = widget_handoff(question=MARKUP)
    csrf = await sign_in(client, "rita")
    await client.post(f"/handoffs/{handoff_id}/note", data={"csrf": csrf, "note": f"note {MARKUP}"})
    answer = await client.post(
        f"/handoffs/{handoff_id}/status", data={"csrf": csrf, "status": "closed", "note": "done"}
    )
    page = await answer.text()
    assert 'id="handoff-status">closed<' in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&lt;b&gt;bold?&lt;/b&gt;" in page
    assert "<script" not in page and "<b>" not in page
    assert "Reply in the applicant" not in page  # closed
    assert f'href="/handoffs/{handoff_id}"' not in await (await client.get("/handoffs")).text()
    assert f'href="/handoffs/{handoff_id}"' in await (await client.get("/handoffs?status=closed")).text()


async def test_unanswered_questions_grouped_redacted_and_handled(client: TestClient) -> None:
    unanswered.record("Is there parking at the office?", posting_id=LAUSD, reason=unanswered.NOT_STATED)
    unanswered.record("is there PARKING at the office", posting_id=LAUSD, reason=unanswered.NOT_STATED)
    unanswered.record(
        "parking at the office? mail me: jo@example.com, id A-1002", posting_id=LAUSD, reason=unanswered.FALLBACK
    )
    unanswered.record("Can I work from home?", posting_id=LAUSD, reason=unanswered.LOW_CONFIDENCE)
    unanswered.record(f"{MARKUP} and parking?", posting_id="pasadena-accounting-technician", reason=unanswered.FALLBACK)
    csrf = await sign_in(client, "rita")
    page = await (await client.get("/questions")).text()
    assert "jo@example.com" not in page and "A-1002" not in page and "[email]" in page
    assert "&lt;script&gt;" in page and "<script" not in page
    groups = unanswered.open_groups(posting_id=LAUSD)
    assert [g.count for g in groups] == [3, 1]
    assert '<td class="number">3</td>' in page
    filtered = await (await client.get(f"/questions?posting={LAUSD}")).text()
    assert "Pasadena" not in filtered.split("<table>")[1]
    data = [("csrf", csrf), ("example", groups[0].example), *(("id", str(i)) for i in groups[0].ids)]
    done = await (await client.post("/questions/handled", data=data)).text()
    assert "3 question(s) marked handled" in done
    assert [g.count for g in unanswered.open_groups(posting_id=LAUSD)] == [1]
