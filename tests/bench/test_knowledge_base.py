"""Generated knowledge bases: the seeds plus numbered copies, each ingested as its own posting."""

from __future__ import annotations

from pathlib import Path

from base.database import make_engine
from bench.knowledge_base import generate_postings, ingest_seconds
from knowledge.ingest import ingest_folder
from knowledge.store import count_postings
from tests.servers import SEED_POSTINGS


def test_generated_postings_are_the_seeds_then_copies(tmp_path: Path) -> None:
    folder = generate_postings(tmp_path / "kb", 7)
    names = sorted(path.name for path in folder.glob("*.txt"))
    seeds = sorted(path.name for path in SEED_POSTINGS.glob("*.txt"))
    assert len(names) == 7 and set(seeds) <= set(names)
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    report = ingest_folder(folder, engine=engine)
    assert not report.errors and count_postings(engine=engine) == 7


def test_ingest_time_is_measured_on_a_new_database(tmp_path: Path) -> None:
    seconds = ingest_seconds(generate_postings(tmp_path / "kb", 2), tmp_path)
    assert 0 < seconds < 60
