"""The audit log: filterable, and exportable as CSV."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from aiohttp import web

from base.settings import get_settings
from console.access import admin
from console.rendering import render
from staff import audit


def _day(value: str, *, end: bool = False) -> datetime | None:
    """A filter date (YYYY-MM-DD, the local day) as the UTC moment it starts (or the next day starts)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    start = datetime.combine(day + timedelta(days=1) if end else day, time(), ZoneInfo(get_settings().timezone))
    return start


def audit_filter(request: web.Request) -> audit.AuditFilter:
    """The filter the query string asks for."""
    query = request.query
    return audit.AuditFilter(
        action=query.get("action", "") if query.get("action", "") in audit.ACTIONS else "",
        actor=query.get("actor", "")[:320],
        text=query.get("text", "")[:200],
        since=_day(query.get("since", "")),
        until=_day(query.get("until", ""), end=True),
    )


@admin
async def log_page(request: web.Request) -> web.Response:
    """The newest lines of the log that match the filter."""
    return render(
        request,
        "audit.html",
        entries=audit.search(audit_filter(request)),
        actions=audit.ACTIONS,
        query=request.query,
        csv_query=request.query_string,
    )


@admin
async def log_csv(request: web.Request) -> web.Response:
    """The matching lines (up to 100,000) as a CSV file."""
    entries = audit.search(audit_filter(request), limit=100_000)
    return web.Response(
        text=audit.to_csv(entries),
        content_type="text/csv",
        headers={"Content-Disposition": 'attachment; filename="helpbot-audit.csv"'},
    )
