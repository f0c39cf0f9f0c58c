"""The posting knowledge base in SQL: replace it on ingest, read it as `Posting` objects."""

from __future__ import annotations

import json
from collections.abc import Collection
from datetime import datetime, timezone

from sqlalchemy import Column, DateTime, Integer, String, Table, Text, delete, func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from base.database import get_engine, metadata, with_tables
from knowledge.model import Posting

postings_table = Table(
    "kb_postings",
    metadata,
    Column("posting_id", String(200), primary_key=True),
    Column("title", String(500)),
    Column("organisation", String(500)),
    Column("content_hash", String(64), nullable=False),
    Column("data", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)
revision_table = Table(
    "kb_revision",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("revision", Integer, nullable=False),
)
_TABLES = [postings_table, revision_table]


def _ready(engine: Engine | None) -> Engine:
    return with_tables(engine or get_engine(), _TABLES)


def replace_postings(
    postings: list[tuple[Posting, str]], *, keep: Collection[str] = (), engine: Engine | None = None
) -> int:
    """Make the knowledge base hold exactly `postings` (each with its content hash), plus the stored
    postings whose ids are in `keep` left as they are; new revision."""
    engine = _ready(engine)
    now = datetime.now(timezone.utc)
    kept = set(keep) - {p.posting_id for p, _ in postings}
    with Session(engine) as session, session.begin():
        session.execute(delete(postings_table).where(postings_table.c.posting_id.notin_(kept)))
        if postings:
            session.execute(
                insert(postings_table),
                [
                    {
                        "posting_id": p.posting_id,
                        "title": p.title,
                        "organisation": p.organisation,
                        "content_hash": digest,
                        "data": json.dumps(p.to_dict()),
                        "ingested_at": now,
                    }
                    for p, digest in postings
                ],
            )
        current = session.execute(select(revision_table.c.revision).where(revision_table.c.id == 1)).scalar()
        if current is None:
            session.execute(insert(revision_table).values(id=1, revision=1))
            return 1
        session.execute(revision_table.update().where(revision_table.c.id == 1).values(revision=current + 1))
        return int(current) + 1


def posting_ids(*, engine: Engine | None = None) -> set[str]:
    """The ids of the postings the knowledge base holds."""
    engine = _ready(engine)
    with Session(engine) as session:
        return set(session.execute(select(postings_table.c.posting_id)).scalars())


def revision(*, engine: Engine | None = None) -> int:
    """A number that changes with every ingest (0 before the first)."""
    engine = _ready(engine)
    with Session(engine) as session:
        value = session.execute(select(revision_table.c.revision).where(revision_table.c.id == 1)).scalar()
    return int(value or 0)


def load_postings(*, engine: Engine | None = None) -> list[Posting]:
    """Every posting in the knowledge base, ordered by id."""
    engine = _ready(engine)
    with Session(engine) as session:
        rows = session.execute(select(postings_table.c.data).order_by(postings_table.c.posting_id)).scalars()
        return [Posting.from_dict(json.loads(row)) for row in rows]


def count_postings(*, engine: Engine | None = None) -> int:
    """How many postings the knowledge base holds."""
    engine = _ready(engine)
    with Session(engine) as session:
        return int(session.execute(select(func.count()).select_from(postings_table)).scalar() or 0)
