"""Hand-offs: the queue, one conversation, a reply to the applicant's open chat, notes and status."""

from __future__ import annotations

from collections.abc import Callable

from aiohttp import web

from console.middleware import client_address
from console.pages.transcripts import posting_names
from console.rendering import render, see_other, signed_in_staff
from helpdesk import handoffs
from staff import audit

MESSAGES = {
    "replied": "Reply sent. It appears in the applicant's chat while the chat is open.",
    "status": "Status changed.",
    "noted": "Note added.",
}


async def queue(request: web.Request) -> web.Response:
    """Hand-offs by status (open by default), oldest first."""
    status = request.query.get("status", handoffs.OPEN)
    status = status if status in (*handoffs.STATUSES, "all") else handoffs.OPEN
    return render(
        request,
        "handoffs.html",
        items=handoffs.queue(None if status == "all" else status),
        chosen=status,
        statuses=handoffs.STATUSES,
        postings=posting_names(),
    )


def _detail_page(request: web.Request, handoff_id: int, *, error: str = "", status: int = 200) -> web.Response:
    found = handoffs.get(handoff_id)
    if found is None:
        return render(request, "refused.html", status=404, title="No such hand-off", message="")
    return render(
        request,
        "handoff.html",
        status=status,
        handoff=found,
        posting_name=posting_names().get(found.posting_id or "", found.posting_id or "none chosen"),
        statuses=handoffs.STATUSES,
        error=error,
        message=MESSAGES.get(request.query.get("done", ""), ""),
    )


async def detail(request: web.Request) -> web.Response:
    """One hand-off: its conversation, what staff did, and the forms to act."""
    return _detail_page(request, int(request.match_info["handoff_id"]))


async def _act(request: web.Request, done: str, action: str, change: Callable[[], str]) -> web.StreamResponse:
    """Make the change, audit what it was, and show the hand-off again (or the error, nothing changed)."""
    handoff_id = int(request.match_info["handoff_id"])
    try:
        detail_text = change()
    except handoffs.HandoffError as exc:
        return _detail_page(request, handoff_id, error=str(exc), status=400)
    audit.record(
        action,
        actor=signed_in_staff(request),
        subject=f"hand-off {handoff_id}",
        detail=str(detail_text),
        address=client_address(request),
    )
    raise see_other(f"/handoffs/{handoff_id}?done={done}")


async def reply(request: web.Request) -> web.StreamResponse:
    """Send a reply to the applicant's chat widget."""
    form = await request.post()
    text = str(form.get("text", ""))[: handoffs.MAX_TEXT]
    handoff_id = int(request.match_info["handoff_id"])

    def change() -> str:
        handoffs.reply(handoff_id, staff=signed_in_staff(request), text=text)
        return text

    return await _act(request, "replied", audit.HANDOFF_REPLY, change)


async def change_status(request: web.Request) -> web.StreamResponse:
    """Mark the hand-off open, answered or closed, with an optional note."""
    form = await request.post()
    status, note = str(form.get("status", "")), str(form.get("note", ""))[: handoffs.MAX_TEXT]
    handoff_id = int(request.match_info["handoff_id"])

    def change() -> str:
        handoffs.set_status(handoff_id, status, staff=signed_in_staff(request), note=note)
        return f"{status}: {note}" if note.strip() else status

    return await _act(request, "status", audit.HANDOFF_STATUS, change)


async def note(request: web.Request) -> web.StreamResponse:
    """A note for colleagues."""
    form = await request.post()
    text = str(form.get("note", ""))[: handoffs.MAX_TEXT]
    handoff_id = int(request.match_info["handoff_id"])

    def change() -> str:
        handoffs.add_note(handoff_id, staff=signed_in_staff(request), note=text)
        return f"note: {text}"

    return await _act(request, "noted", audit.HANDOFF_STATUS, change)
