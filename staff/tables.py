"""The staff tables, in the same database as the knowledge base and the applications."""

from __future__ import annotations

from sqlalchemy import Boolean, Column, DateTime, Integer, String, Table, Text
from sqlalchemy.engine import Engine

from base.database import get_engine, metadata, with_tables

accounts_table = Table(
    "staff_accounts",
    metadata,
    Column("name", String(320), primary_key=True),
    Column("role", String(20), nullable=False),
    Column("kind", String(20), nullable=False),  # local | directory
    Column("password_hash", Text),
    Column("directory_oid", String(64)),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
sessions_table = Table(
    "staff_sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("staff", String(320)),
    Column("role", String(20)),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False, index=True),
)
audit_table = Table(
    "staff_audit",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("action", String(40), nullable=False, index=True),
    Column("actor", String(320), index=True),
    Column("subject", String(400)),
    Column("detail", Text),
    Column("address", String(64), index=True),
)
oidc_requests_table = Table(
    "staff_oidc_requests",
    metadata,
    Column("state", String(64), primary_key=True),
    Column("session_hash", String(64), nullable=False),
    Column("nonce", String(64), nullable=False),
    Column("code_verifier", String(128), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
_TABLES = [accounts_table, sessions_table, audit_table, oidc_requests_table]


def ready(engine: Engine | None = None) -> Engine:
    """The engine, with the staff tables created (once per engine)."""
    return with_tables(engine or get_engine(), _TABLES)
