"""The transcript queue and an application's record, where staff record a decision."""

from __future__ import annotations

from collections import Counter
from urllib.parse import quote

from aiohttp import web

from applications import store, transcripts
from applications.statuses import AWAITING_VERIFICATION, STATUSES, TRANSCRIPT_STATUSES
from base.settings import get_settings
from console.middleware import client_address
from console.rendering import render, see_other, signed_in_staff
from knowledge.catalog import get_catalog
from staff import audit

MAX_NOTE = 2000


def posting_names() -> dict[str, str]:
    """Posting ids to the names staff know them by."""
    return {p.posting_id: p.display_name for p in get_catalog().postings()}


async def queue(request: web.Request) -> web.Response:
    """Applications whose transcripts await a decision, oldest first, filtered by posting and status."""
    waiting = transcripts.pending(get_settings().today())
    posting = request.query.get("posting", "")
    status = request.query.get("status", "")
    per_posting = Counter(item.posting_id for item in waiting if not status or item.transcript_status == status)
    shown = [
        item
        for item in waiting
        if (not posting or item.posting_id == posting) and (not status or item.transcript_status == status)
    ]
    return render(
        request,
        "transcripts.html",
        items=shown,
        per_posting=sorted(per_posting.items()),
        postings=posting_names(),
        statuses=AWAITING_VERIFICATION,
        transcript_statuses=TRANSCRIPT_STATUSES,
        posting=posting,
        chosen=status,
        total=len(waiting),
    )


def _record_page(request: web.Request, application_id: str, *, error: str = "", status: int = 200) -> web.Response:
    application = store.get_application(application_id)
    if application is None:
        return render(request, "refused.html", status=404, title="No such application", message="")
    return render(
        request,
        "application.html",
        status=status,
        application=application,
        posting_name=posting_names().get(application.posting_id, application.posting_id),
        status_text=STATUSES.get(application.status, application.status),
        transcript_statuses=TRANSCRIPT_STATUSES,
        history=transcripts.history(application.application_id),
        error=error,
        decided=request.query.get("decided") == "1",
    )


async def record(request: web.Request) -> web.Response:
    """One application: posting, status, rank, next step, transcript status and every decision."""
    return _record_page(request, request.match_info["application_id"])


async def decide(request: web.Request) -> web.StreamResponse:
    """Record a transcript decision with a note; the applicant's next status question shows it."""
    application_id = request.match_info["application_id"]
    form = await request.post()
    decision, note = str(form.get("decision", "")), str(form.get("note", "")).strip()
    staff = signed_in_staff(request)
    if decision not in TRANSCRIPT_STATUSES:
        return _record_page(request, application_id, error="Choose a decision.", status=400)
    if not note or len(note) > MAX_NOTE:
        return _record_page(request, application_id, error=f"Write a note (up to {MAX_NOTE} characters).", status=400)
    try:
        transcripts.decide(application_id, decision, today=get_settings().today(), note=note, staff=staff)
    except transcripts.DecisionRejected as rejected:
        return _record_page(request, application_id, error=str(rejected), status=400)
    audit.record(
        audit.DECISION,
        actor=staff,
        subject=application_id,
        detail=f"{decision}: {note}",
        address=client_address(request),
    )
    raise see_other(f"/applications/{quote(application_id, safe='')}?decided=1")
