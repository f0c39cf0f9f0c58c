"""Action tests run on a real SQLite knowledge base holding the seed postings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from base.database import make_engine, reset_engine
from base.settings import reset_settings
from knowledge.catalog import Catalog
from knowledge.ingest import ingest_folder
from tests.servers import SEED_POSTINGS

ACTION_MODULES = (
    "actions.applicant_input",
    "actions.action_answer_topic",
    "actions.action_search_posting",
    "actions.action_select_posting",
    "actions.action_talk_to_human",
    "actions.action_capabilities",
    "actions.action_show_whole",
)


@pytest.fixture
def catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Catalog]:
    """A catalog on a fresh SQLite file with the seed postings; every action uses it, and the
    configured database (hand-offs, unanswered questions) is that file."""
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    engine = make_engine(url)
    ingest_folder(SEED_POSTINGS, engine=engine)
    catalog = Catalog(engine)
    for module in ACTION_MODULES:
        monkeypatch.setattr(f"{module}.get_catalog", lambda: catalog)
    monkeypatch.setenv("HELPBOT_TODAY", "2025-12-01")
    monkeypatch.setenv("HELPBOT_DATABASE_URL", url)
    monkeypatch.setenv("HELPBOT_SECRET_KEY", "test-secret")
    reset_settings()
    reset_engine()
    yield catalog
    reset_engine()
    reset_settings()
    engine.dispose()


@pytest.fixture
def empty_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Catalog]:
    """A catalog on an empty knowledge base."""
    folder = tmp_path / "none"
    folder.mkdir()
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    engine = make_engine(url)
    ingest_folder(folder, engine=engine)
    monkeypatch.setenv("HELPBOT_DATABASE_URL", url)
    reset_settings()
    reset_engine()
    catalog = Catalog(engine)
    for module in ACTION_MODULES:
        monkeypatch.setattr(f"{module}.get_catalog", lambda: catalog)
    yield catalog
    reset_engine()
    reset_settings()


@pytest.fixture
def applications_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, catalog: Catalog) -> Iterator[None]:
    """The configured database is a fresh SQLite file holding the sample HR export."""
    from applications.importer import import_export
    from base.database import reset_engine
    from tests.applications.conftest import GOOD_ROWS, POSTINGS, write_csv

    monkeypatch.setenv("HELPBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'applications.db'}")
    monkeypatch.setenv("HELPBOT_SECRET_KEY", "test-secret")
    reset_settings()
    reset_engine()
    import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS)
    monkeypatch.setattr("actions.action_check_status.get_catalog", lambda: catalog)
    yield
    reset_engine()
    reset_settings()
