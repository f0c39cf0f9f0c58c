"""The postings as the running assistant sees them: reloaded whenever an ingest changes them."""

from __future__ import annotations

import threading
import time
from functools import lru_cache

from sqlalchemy.engine import Engine

from knowledge import store
from knowledge.model import Posting
from knowledge.search import PostingIndex


class Catalog:
    """Postings by id and their search indexes, refreshed when the store's revision changes."""

    def __init__(self, engine: Engine | None = None, *, recheck_seconds: float = 0.5) -> None:
        self._engine = engine
        self._recheck_seconds = recheck_seconds
        self._checked_at = float("-inf")
        self._lock = threading.Lock()
        self._revision = -1
        self._postings: dict[str, Posting] = {}
        self._indexes: dict[str, PostingIndex] = {}

    def refresh(self) -> None:
        """Reload the postings if an ingest happened since the last look.

        The look is one small query, made at most every `recheck_seconds` (one turn asks several
        times); an ingest is seen within that half second, with no restart.
        """
        now = time.monotonic()
        if now - self._checked_at < self._recheck_seconds:
            return
        self._checked_at = now
        current = store.revision(engine=self._engine)
        if current == self._revision:
            return
        with self._lock:
            postings = store.load_postings(engine=self._engine)
            self._postings = {p.posting_id: p for p in postings}
            self._indexes = {}
            self._revision = current

    def postings(self) -> list[Posting]:
        """Every posting, ordered by id."""
        self.refresh()
        return list(self._postings.values())

    def job_numbers(self) -> frozenset[str]:
        """The postings' job numbers ("26-039"): codes an applicant may type that are no application id."""
        return frozenset(fact.text for p in self.postings() if (fact := p.fact("job_number")))

    def get(self, posting_id: str | None) -> Posting | None:
        """The posting with this id, if the knowledge base has it."""
        if not posting_id:
            return None
        self.refresh()
        return self._postings.get(posting_id)

    def index(self, posting: Posting) -> PostingIndex:
        """The posting's search index, built on first use."""
        index = self._indexes.get(posting.posting_id)
        if index is None:
            index = PostingIndex(posting)
            self._indexes[posting.posting_id] = index
        return index


@lru_cache(maxsize=1)
def get_catalog() -> Catalog:
    """The process-wide catalog on the configured database."""
    return Catalog()
