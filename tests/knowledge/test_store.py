"""knowledge.store and knowledge.catalog: the SQL knowledge base and its reloading view."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from base.database import make_engine
from knowledge import store
from knowledge.catalog import Catalog
from knowledge.model import Posting

from .conftest import LAUSD_ID, PASADENA_ID, fresh_engine


def test_empty_knowledge_base(engine: Engine) -> None:
    assert store.revision(engine=engine) == 0
    assert store.load_postings(engine=engine) == []
    assert store.count_postings(engine=engine) == 0


def test_replace_and_load(engine: Engine, lausd: Posting, pasadena: Posting) -> None:
    revision = store.replace_postings([(pasadena, "b" * 64), (lausd, "a" * 64)], engine=engine)
    assert revision == 1
    assert store.load_postings(engine=engine) == [lausd, pasadena]  # ordered by id
    assert store.replace_postings([(lausd, "a" * 64)], engine=engine) == 2
    assert store.load_postings(engine=engine) == [lausd]
    assert store.replace_postings([], engine=engine) == 3
    assert store.count_postings(engine=engine) == 0


def test_round_trip_keeps_every_field(all_postings: list[Posting]) -> None:
    for posting in all_postings:
        data = json.loads(json.dumps(posting.to_dict()))
        assert Posting.from_dict(data) == posting
    pasadena = next(p for p in all_postings if p.posting_id == PASADENA_ID)
    data = pasadena.to_dict()
    assert data["opening_date"] == "2025-09-11"
    assert data["first_consideration_date"] == "2025-10-02"
    assert data["closing_date"] is None


def test_databases_are_separate(lausd: Posting, pasadena: Posting, engine: Engine) -> None:
    other = fresh_engine()
    try:
        store.replace_postings([(lausd, "a" * 64)], engine=engine)
        store.replace_postings([(pasadena, "b" * 64)], engine=other)
        assert [p.posting_id for p in store.load_postings(engine=engine)] == [LAUSD_ID]
        assert [p.posting_id for p in store.load_postings(engine=other)] == [PASADENA_ID]
    finally:
        other.dispose()


def test_file_database(tmp_path: Path, lausd: Posting) -> None:
    url = f"sqlite:///{tmp_path / 'sub' / 'kb.db'}"
    first = fresh_engine(url)
    store.replace_postings([(lausd, "a" * 64)], engine=first)
    first.dispose()
    second = fresh_engine(url)
    try:
        assert store.load_postings(engine=second) == [lausd]
        assert store.revision(engine=second) == 1
    finally:
        second.dispose()


def test_every_new_engine_gets_its_tables() -> None:
    # The tables created are remembered per engine (base.database.with_tables); once that was by
    # id(engine). When an engine is garbage-collected, CPython may give the next engine the same id,
    # and that engine's tables are then never created:
    # "sqlite3.OperationalError: no such table: kb_revision".
    failures = []
    for i in range(200):
        eng = make_engine("sqlite://")
        try:
            store.revision(engine=eng)
        except Exception as exc:  # any failure counts
            failures.append((i, type(exc).__name__, str(exc).splitlines()[0]))
        eng.dispose()
        del eng
        gc.collect(1)  # young generations only: cheap, and enough to free the engine
    assert failures == []


def test_catalog_reloads_after_ingest(engine: Engine, lausd: Posting, pasadena: Posting) -> None:
    catalog = Catalog(engine, recheck_seconds=0)
    assert catalog.postings() == []
    store.replace_postings([(lausd, "a" * 64)], engine=engine)
    assert [p.posting_id for p in catalog.postings()] == [LAUSD_ID]
    index = catalog.index(catalog.get(LAUSD_ID))
    assert catalog.index(catalog.get(LAUSD_ID)) is index  # built once
    store.replace_postings([(lausd, "a" * 64), (pasadena, "b" * 64)], engine=engine)
    assert catalog.get(PASADENA_ID) == pasadena
    assert catalog.index(catalog.get(LAUSD_ID)) is not index  # rebuilt after the new revision
    assert catalog.get(None) is None
    assert catalog.get("nope") is None


def test_catalog_checks_the_revision_at_most_once_per_window(
    engine: Engine, lausd: Posting, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.replace_postings([(lausd, "a" * 64)], engine=engine)
    calls: list[int] = []
    real_revision = store.revision
    monkeypatch.setattr(store, "revision", lambda **kw: calls.append(1) or real_revision(**kw))
    catalog = Catalog(engine, recheck_seconds=60)
    for _ in range(5):
        assert catalog.get(LAUSD_ID) == lausd
    assert len(calls) == 1
