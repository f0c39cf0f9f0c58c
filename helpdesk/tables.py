"""The helpdesk tables, in the same database as the knowledge base and the applications."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, Text
from sqlalchemy.engine import Engine

from base.database import get_engine, metadata, with_tables

handoffs_table = Table(
    "handoffs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("created_at", DateTime(timezone=True), nullable=False, index=True),
    Column("posting_id", String(200)),
    Column("channel", String(40), nullable=False),
    Column("conversation_hash", String(64), nullable=False, index=True),
    Column("conversation", Text, nullable=False),  # JSON: the turns so far, personal details redacted
    Column("email", String(320)),  # where the applicant asked to be answered; kept nowhere else
    Column("status", String(20), nullable=False, index=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
handoff_entries_table = Table(
    "handoff_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("handoff_id", Integer, ForeignKey("handoffs.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("staff", String(320), nullable=False),
    Column("kind", String(20), nullable=False),  # reply | note | status
    Column("text", Text, nullable=False),
    Column("conversation_hash", String(64)),  # replies to a live widget: where to deliver them
    Column("delivered_at", DateTime(timezone=True)),
)
unanswered_table = Table(
    "unanswered_questions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("posting_id", String(200)),
    Column("question", Text, nullable=False),  # personal details redacted
    Column("reason", String(20), nullable=False),  # not_stated | fallback | low_confidence
    Column("handled_at", DateTime(timezone=True)),
    Column("handled_by", String(320)),
)
_TABLES = [handoffs_table, handoff_entries_table, unanswered_table]


def ready(engine: Engine | None = None) -> Engine:
    """The engine, with the helpdesk tables created (once per engine)."""
    return with_tables(engine or get_engine(), _TABLES)
