"""Importing the HR export: validated as a whole, upserted by application id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from applications import store
from applications.importer import ImportRejected, import_export
from tests.applications.conftest import GOOD_ROWS, HEADER, POSTINGS, write_csv


def test_good_file_is_imported_with_normalised_ids_and_emails(database_engine: Engine, tmp_path: Path) -> None:
    report = import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS, engine=database_engine)
    assert (report.inserted, report.updated, report.unchanged) == (3, 0, 0)
    jane = store.get_application("A-1001", engine=database_engine)
    assert jane is not None
    assert jane.email == "jane.doe@example.com"
    assert jane.updated_on == date(2025, 12, 20)
    assert jane.rank == 2
    assert jane.next_step is None
    sam = store.get_application("A-1002", engine=database_engine)
    assert sam is not None and sam.next_step == "Upload your evaluation report to your profile"


def test_reimport_counts_unchanged_and_updated(database_engine: Engine, tmp_path: Path) -> None:
    import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS, engine=database_engine)
    again = import_export(write_csv(tmp_path, GOOD_ROWS), POSTINGS, engine=database_engine)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 3)
    changed = [GOOD_ROWS[0].replace("eligible_list,2025-12-20", "referred,2026-01-10"), GOOD_ROWS[1]]
    changed.append("a-1004,new@example.com,New,pasadena-accounting-technician,received,2026-01-02,not_required,,")
    report = import_export(write_csv(tmp_path, changed), POSTINGS, engine=database_engine)
    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 1)
    referred = store.get_application("A-1001", engine=database_engine)
    assert referred is not None and referred.status == "referred"
    assert store.get_application("A-1004", engine=database_engine) is not None


BAD_ROWS = [
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,hired,2025-12-01,verified,,", "status 'hired' is not one of"),
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,received,12/01/2025,verified,,", "updated_on '12/01/2025'"),
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,received,2025-02-30,verified,,", "updated_on '2025-02-30'"),
    ("A-2,not-an-email,X,lausd-accounting-technician-ii,received,2025-12-01,verified,,", "email is not a valid"),
    ("A-2,x@example.com,X,no-such-posting,received,2025-12-01,verified,,", "posting_id 'no-such-posting'"),
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,received,2025-12-01,lost,,", "transcript_status 'lost'"),
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,eligible_list,2025-12-01,verified,0,", "rank '0'"),
    ("A-2,x@example.com,X,lausd-accounting-technician-ii,eligible_list,2025-12-01,verified,two,", "rank 'two'"),
    (",x@example.com,X,lausd-accounting-technician-ii,received,2025-12-01,verified,,", "application_id is empty"),
    (
        "A-1001,x@example.com,X,lausd-accounting-technician-ii,received,2025-12-01,verified,,",
        "duplicate application_id",
    ),
]


@pytest.mark.parametrize(("row", "problem"), BAD_ROWS, ids=[p for _, p in BAD_ROWS])
def test_one_bad_row_rejects_the_whole_file(database_engine: Engine, tmp_path: Path, row: str, problem: str) -> None:
    path = write_csv(tmp_path, [*GOOD_ROWS, row])
    with pytest.raises(ImportRejected) as rejected:
        import_export(path, POSTINGS, engine=database_engine)
    assert len(rejected.value.problems) == 1
    assert rejected.value.problems[0].startswith("line 5: ")
    assert problem in rejected.value.problems[0]
    assert store.all_applications(engine=database_engine) == {}


def test_every_bad_line_is_reported(database_engine: Engine, tmp_path: Path) -> None:
    rows = [GOOD_ROWS[0], BAD_ROWS[0][0], GOOD_ROWS[1], BAD_ROWS[3][0].replace("A-2", "A-3")]
    with pytest.raises(ImportRejected) as rejected:
        import_export(write_csv(tmp_path, rows), POSTINGS, engine=database_engine)
    assert [p.split(":")[0] for p in rejected.value.problems] == ["line 3", "line 5"]


def test_missing_column_is_reported_on_the_header(database_engine: Engine, tmp_path: Path) -> None:
    header = HEADER.replace(",transcript_status", "")
    with pytest.raises(ImportRejected) as rejected:
        import_export(write_csv(tmp_path, [], header=header), POSTINGS, engine=database_engine)
    assert rejected.value.problems == ["line 1: missing column(s): transcript_status"]


def test_unreadable_file_is_rejected(database_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(ImportRejected):
        import_export(path, POSTINGS, engine=database_engine)
