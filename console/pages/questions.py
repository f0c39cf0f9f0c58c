"""Unanswered questions, grouped by posting and wording; staff mark a group handled."""

from __future__ import annotations

from aiohttp import web

from console.middleware import client_address
from console.pages.transcripts import posting_names
from console.rendering import render, see_other, signed_in_staff
from helpdesk import unanswered
from staff import audit


async def groups(request: web.Request) -> web.Response:
    """The open groups, biggest first (of one posting, when filtered)."""
    posting = request.query.get("posting", "")
    found = unanswered.open_groups(posting_id=posting or None)
    return render(
        request,
        "questions.html",
        groups=found,
        postings=posting_names(),
        posting=posting,
        reasons=unanswered.REASONS,
        handled=request.query.get("handled", ""),
    )


async def handled(request: web.Request) -> web.StreamResponse:
    """Mark one group's questions handled."""
    form = await request.post()
    ids = [int(value) for value in form.getall("id", []) if isinstance(value, str) and value.isdigit()]
    staff = signed_in_staff(request)
    count = unanswered.mark_handled(ids, staff=staff)
    example = str(form.get("example", ""))[:200]
    audit.record(
        audit.UNANSWERED_HANDLED,
        actor=staff,
        subject=example,
        detail=f"{count} question(s)",
        address=client_address(request),
    )
    raise see_other(f"/questions?handled={count}")
