"""knowledge.ingest: rebuilding the knowledge base from a folder, refusing unreadable files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from knowledge import store
from knowledge.ingest import (
    IngestReport,
    PostingFileError,
    ingest_folder,
    parse_posting_file,
    read_posting_file,
)
from knowledge.parser import parse_posting

from .conftest import GLENDALE_ID, LAUSD_ID, LONGBEACH_ID, PASADENA_ID, REAL_POSTINGS, VARIANT_POSTINGS


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """A temporary folder holding the two real postings."""
    target = tmp_path / "postings"
    target.mkdir()
    for posting_id in (LAUSD_ID, PASADENA_ID):
        shutil.copy(REAL_POSTINGS / f"{posting_id}.txt", target)
    return target


def _ids(report: IngestReport) -> list[str]:
    return [i.posting_id for i in report.ingested]


def test_good_files_are_ingested(folder: Path, engine: Engine) -> None:
    report = ingest_folder(folder, engine=engine)
    assert _ids(report) == [LAUSD_ID, PASADENA_ID]
    assert report.errors == ()
    assert report.revision == 1
    assert [p.posting_id for p in store.load_postings(engine=engine)] == [LAUSD_ID, PASADENA_ID]
    assert store.count_postings(engine=engine) == 2
    assert store.revision(engine=engine) == 1


def test_report_lists_found_and_missing_fields(folder: Path, engine: Engine) -> None:
    report = ingest_folder(folder, engine=engine)
    lausd, pasadena = report.ingested
    assert lausd.display_name == "Accounting Technician II — Los Angeles Unified School District"
    assert "salary" in lausd.missing and "salary" not in lausd.found
    assert "vpn" in lausd.found
    assert pasadena.display_name == "Accounting Technician — City of Pasadena, CA"
    assert "salary" in pasadena.found
    assert "supplemental_questions" in pasadena.found
    assert {"vpn", "transcripts", "contacts"} <= set(pasadena.missing)
    assert set(lausd.found).isdisjoint(lausd.missing)


def test_stored_postings_equal_the_parsed_ones(folder: Path, engine: Engine) -> None:
    ingest_folder(folder, engine=engine)
    stored = {p.posting_id: p for p in store.load_postings(engine=engine)}
    for posting_id in (LAUSD_ID, PASADENA_ID):
        text = (folder / f"{posting_id}.txt").read_text(encoding="utf-8")
        assert stored[posting_id] == parse_posting(text, posting_id)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n\t \r\n", "the file is empty"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
        ("garbage.txt", bytes(range(128, 256)) * 10, "not a text file"),
        ("controls.txt", bytes(range(1, 32)) * 20 + b"abc", "binary file"),
        ("numbers.txt", b"12345\n---- 678\n", "no readable text"),
        ("bad name!.txt", b"Clerk\nCompany: Riverside County\n", "file name must be"),
    ],
)
def test_bad_file_is_reported_by_name_and_others_still_ingested(
    folder: Path, engine: Engine, name: str, content: bytes, reason: str
) -> None:
    (folder / name).write_bytes(content)
    report = ingest_folder(folder, engine=engine)
    assert _ids(report) == [LAUSD_ID, PASADENA_ID]
    assert len(report.errors) == 1
    assert report.errors[0].startswith(f"{name}: ")
    assert reason in report.errors[0]
    assert store.count_postings(engine=engine) == 2


def test_several_bad_files_at_once(folder: Path, engine: Engine) -> None:
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "c-garbage.txt").write_bytes(bytes(range(128, 256)) * 4)
    report = ingest_folder(folder, engine=engine)
    assert [e.split(":", 1)[0] for e in report.errors] == ["a-empty.txt", "b-binary.txt", "c-garbage.txt"]
    assert _ids(report) == [LAUSD_ID, PASADENA_ID]


def test_other_files_are_ignored_and_a_damaged_pdf_is_reported(folder: Path, engine: Engine) -> None:
    (folder / "notes.md").write_text("Clerk\nCompany: Riverside County\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Clerk\nCompany: Riverside County\n", encoding="utf-8")
    (folder / "posting.pdf").write_bytes(b"%PDF-1.4\x00\x00")
    report = ingest_folder(folder, engine=engine)
    assert _ids(report) == [LAUSD_ID, PASADENA_ID]
    assert report.errors == ("posting.pdf: the PDF is damaged and cannot be read",)


def test_cp1252_file_is_read(folder: Path, engine: Engine) -> None:
    text = "Clerk Typist\nCompany: Riverside County\nSALARY DETAILS\n$20.00 - $25.00 Hourly\nThe employee’s résumé.\n"
    (folder / "riverside-clerk.txt").write_bytes(text.encode("cp1252"))
    report = ingest_folder(folder, engine=engine)
    assert report.errors == ()
    posting = next(p for p in store.load_postings(engine=engine) if p.posting_id == "riverside-clerk")
    assert posting.title == "Clerk Typist"
    assert posting.salary.period == "hourly"
    assert "The employee’s résumé." in posting.sections[-1].body


def test_utf8_bom_and_crlf_file(folder: Path, engine: Engine) -> None:
    original = (folder / f"{PASADENA_ID}.txt").read_text(encoding="utf-8")
    (folder / f"{PASADENA_ID}.txt").write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    ingest_folder(folder, engine=engine)
    stored = next(p for p in store.load_postings(engine=engine) if p.posting_id == PASADENA_ID)
    assert stored == parse_posting(original, PASADENA_ID)
    assert stored.title == "Accounting Technician"


def test_reingest_is_idempotent(folder: Path, engine: Engine) -> None:
    first = ingest_folder(folder, engine=engine)
    before = store.load_postings(engine=engine)
    second = ingest_folder(folder, engine=engine)
    third = ingest_folder(folder, engine=engine)
    assert (first.revision, second.revision, third.revision) == (1, 2, 3)
    assert store.load_postings(engine=engine) == before
    assert second.ingested == first.ingested
    assert store.count_postings(engine=engine) == 2
    with engine.connect() as connection:
        hashes = connection.execute(
            select(store.postings_table.c.posting_id, store.postings_table.c.content_hash)
        ).all()
    assert len(hashes) == 2
    assert all(len(h) == 64 for _, h in hashes)


def test_removed_file_disappears(folder: Path, engine: Engine) -> None:
    ingest_folder(folder, engine=engine)
    (folder / f"{LAUSD_ID}.txt").unlink()
    report = ingest_folder(folder, engine=engine)
    assert _ids(report) == [PASADENA_ID]
    assert [p.posting_id for p in store.load_postings(engine=engine)] == [PASADENA_ID]
    assert report.revision == 2


def test_added_and_changed_files(folder: Path, engine: Engine) -> None:
    ingest_folder(folder, engine=engine)
    for posting_id in (LONGBEACH_ID, GLENDALE_ID):
        shutil.copy(VARIANT_POSTINGS / f"{posting_id}.txt", folder)
    path = folder / f"{PASADENA_ID}.txt"
    path.write_text(
        path.read_text(encoding="utf-8").replace("Job Number: 26-039", "Job Number: 26-040"), encoding="utf-8"
    )
    report = ingest_folder(folder, engine=engine)
    assert _ids(report) == [GLENDALE_ID, LAUSD_ID, LONGBEACH_ID, PASADENA_ID]
    stored = {p.posting_id: p for p in store.load_postings(engine=engine)}
    assert stored[PASADENA_ID].fact("job_number").text == "26-040"
    assert stored[GLENDALE_ID].closing_date.isoformat() == "2025-12-15"


def test_empty_folder_empties_the_knowledge_base(folder: Path, engine: Engine, tmp_path: Path) -> None:
    ingest_folder(folder, engine=engine)
    empty = tmp_path / "empty"
    empty.mkdir()
    report = ingest_folder(empty, engine=engine)
    assert report.ingested == ()
    assert report.revision == 2
    assert store.load_postings(engine=engine) == []


def test_missing_folder(tmp_path: Path, engine: Engine) -> None:
    with pytest.raises(PostingFileError, match="no such folder"):
        ingest_folder(tmp_path / "nope", engine=engine)
    assert store.revision(engine=engine) == 0


def test_read_and_parse_posting_file(tmp_path: Path) -> None:
    path = tmp_path / "glendale-analyst.txt"
    path.write_text("Analyst\nCompany: City of Glendale\n", encoding="utf-8")
    assert read_posting_file(path) == "Analyst\nCompany: City of Glendale\n"
    assert parse_posting_file(path).posting_id == "glendale-analyst"
    with pytest.raises(PostingFileError, match=r"^missing\.txt: cannot be read"):
        read_posting_file(tmp_path / "missing.txt")
