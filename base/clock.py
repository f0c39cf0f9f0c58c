"""Timezone-aware UTC times, as every store keeps them."""

from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    """The current time in UTC, timezone-aware."""
    return datetime.now(timezone.utc)


def as_utc(value: datetime) -> datetime:
    """A stored time as aware UTC (SQLite hands `DateTime(timezone=True)` columns back naive)."""
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)
