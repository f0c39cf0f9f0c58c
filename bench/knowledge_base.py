"""The posting knowledge base at scale: ingest time for 2 and 200 postings, answer latency with 200.

The 200 postings are the seed postings and generated copies of them under new file names (so new
posting ids): the worst case for telling postings apart, since every copy names the same employer.
"""

from __future__ import annotations

import shutil
import statistics
import time
from pathlib import Path

from base.database import make_engine
from knowledge.ingest import ingest_folder
from tests.servers import SEED_POSTINGS

LARGE_KNOWLEDGE_BASE = 200
INGEST_ROUNDS = 3


def generate_postings(folder: Path, count: int, seeds: Path = SEED_POSTINGS) -> Path:
    """Write `count` postings into `folder`: the seeds themselves, then numbered copies of them."""
    folder.mkdir(parents=True, exist_ok=True)
    originals = sorted(seeds.glob("*.txt"))
    for number in range(count):
        seed = originals[number % len(originals)]
        name = seed.name if number < len(originals) else f"{seed.stem}-copy-{number:03d}.txt"
        shutil.copyfile(seed, folder / name)
    return folder


def ingest_seconds(folder: Path, workdir: Path) -> float:
    """Median wall-clock seconds of `ingest_folder` into a new SQLite knowledge base."""
    timings = []
    for round_number in range(INGEST_ROUNDS):
        engine = make_engine(f"sqlite:///{workdir / f'ingest-{folder.name}-{round_number}.db'}")
        started = time.perf_counter()
        report = ingest_folder(folder, engine=engine)
        timings.append(time.perf_counter() - started)
        engine.dispose()
        if report.errors:
            raise RuntimeError(f"ingest of {folder} reported errors: {report.errors}")
    return statistics.median(timings)
