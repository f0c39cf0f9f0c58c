"""Postings (admin): what the parser found and missed, upload a posting file, remove a posting."""

from __future__ import annotations

import asyncio

from aiohttp import web
from aiohttp.web_request import FileField

from base.settings import get_settings
from console.access import admin
from console.middleware import client_address
from console.rendering import render, see_other, signed_in_staff
from knowledge.formats import ACCEPTED_SUFFIXES
from knowledge.ingest import IngestedPosting, PostingFileError, add_posting_file, remove_posting, summarise
from knowledge.parser import FIELDS
from knowledge.store import load_postings
from staff import audit


def _page(
    request: web.Request, *, error: str = "", added: IngestedPosting | None = None, status: int = 200
) -> web.Response:
    return render(
        request,
        "postings.html",
        status=status,
        postings=[summarise(p) for p in load_postings()],
        fields=FIELDS,
        accepted=", ".join(ACCEPTED_SUFFIXES),
        error=error,
        added=added,
        removed=request.query.get("removed", ""),
    )


@admin
async def listing(request: web.Request) -> web.Response:
    """Every posting in the knowledge base, with the fields found and missed."""
    return _page(request)


@admin
async def upload(request: web.Request) -> web.Response:
    """Ingest an uploaded posting file; a file that cannot be used changes nothing."""
    form = await request.post()
    upload = form.get("file")
    if not isinstance(upload, FileField) or not upload.filename:
        return _page(request, error="Choose a posting file to upload.", status=400)
    data = upload.file.read()
    settings = get_settings()
    try:
        added = await asyncio.to_thread(add_posting_file, upload.filename, data, settings.postings_dir)
    except PostingFileError as exc:
        audit.record(
            audit.POSTING_REJECTED,
            actor=signed_in_staff(request),
            subject=upload.filename[:200],
            detail=str(exc),
            address=client_address(request),
        )
        return _page(request, error=str(exc), status=400)
    audit.record(
        audit.POSTING_ADDED,
        actor=signed_in_staff(request),
        subject=added.posting_id,
        detail=f"{upload.filename[:200]}: {added.display_name}",
        address=client_address(request),
    )
    return _page(request, added=added)


@admin
async def remove(request: web.Request) -> web.StreamResponse:
    """Remove a posting from the knowledge base and its file from the postings folder."""
    posting_id = request.match_info["posting_id"]
    if not remove_posting(posting_id, get_settings().postings_dir):
        return _page(request, error=f"There is no posting {posting_id}.", status=404)
    staff = signed_in_staff(request)
    audit.record(audit.POSTING_REMOVED, actor=staff, subject=posting_id, address=client_address(request))
    raise see_other(f"/postings?removed={posting_id}")
