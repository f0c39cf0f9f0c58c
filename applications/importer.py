"""Import the HR system's CSV export: validate the whole file, then upsert by application id."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from applications import store
from applications.privacy import normalise_application_id, normalise_email
from applications.statuses import STATUSES, TRANSCRIPT_STATUSES
from applications.store import Application

COLUMNS = store.FIELDS  # the export's header, in order
OPTIONAL = frozenset({"rank", "next_step"})
_EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class ImportRejected(ValueError):
    """The file has problems; nothing was imported. `problems` lists each with its line number."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


@dataclass(frozen=True)
class ImportReport:
    """How many applications the import inserted, updated and left unchanged."""

    inserted: int
    updated: int
    unchanged: int


def _check_row(values: dict[str, str], postings: frozenset[str]) -> list[str]:
    problems = [f"{name} is empty" for name in COLUMNS if name not in OPTIONAL and not values[name]]
    if values["application_id"] and not _ID_RE.match(values["application_id"]):
        problems.append(f"application_id {values['application_id']!r} must be letters, digits and dashes")
    if values["email"] and not _EMAIL_RE.match(values["email"]):
        problems.append("email is not a valid email address")
    if values["posting_id"] and values["posting_id"] not in postings:
        problems.append(f"posting_id {values['posting_id']!r} is not a posting in the knowledge base")
    if values["status"] and values["status"] not in STATUSES:
        problems.append(f"status {values['status']!r} is not one of: {', '.join(STATUSES)}")
    if values["transcript_status"] and values["transcript_status"] not in TRANSCRIPT_STATUSES:
        problems.append(
            f"transcript_status {values['transcript_status']!r} is not one of: {', '.join(TRANSCRIPT_STATUSES)}"
        )
    if values["updated_on"] and not _valid_date(values["updated_on"]):
        problems.append(f"updated_on {values['updated_on']!r} is not a date (YYYY-MM-DD)")
    if values["rank"] and not (values["rank"].isdigit() and int(values["rank"]) > 0):
        problems.append(f"rank {values['rank']!r} is not a positive whole number")
    return problems


def _valid_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _to_application(values: dict[str, str]) -> Application:
    return Application(
        application_id=normalise_application_id(values["application_id"]),
        email=normalise_email(values["email"]),
        last_name=values["last_name"],
        posting_id=values["posting_id"],
        status=values["status"],
        updated_on=date.fromisoformat(values["updated_on"]),
        transcript_status=values["transcript_status"],
        rank=int(values["rank"]) if values["rank"] else None,
        next_step=values["next_step"] or None,
    )


def parse_export(text: str, postings: Iterable[str]) -> list[Application]:
    """Validate a whole export; ImportRejected lists every bad line (line 1 is the header)."""
    known = frozenset(postings)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ImportRejected([f"line 1: missing column(s): {', '.join(missing)}"])
    problems: list[str] = []
    applications: list[Application] = []
    first_line: dict[str, int] = {}
    for line_number, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.append(f"line {line_number}: {len(row)} values for {len(header)} columns")
            continue
        cells = {name: (row[i].strip() if i < len(row) else "") for i, name in enumerate(header)}
        values = {name: cells.get(name, "") for name in COLUMNS}
        row_problems = _check_row(values, known)
        key = normalise_application_id(values["application_id"])
        if key and key in first_line:
            row_problems.append(f"duplicate application_id (first on line {first_line[key]})")
        first_line.setdefault(key, line_number)
        problems.extend(f"line {line_number}: {problem}" for problem in row_problems)
        if not row_problems:
            applications.append(_to_application(values))
    if problems:
        raise ImportRejected(problems)
    return applications


def import_export(path: Path, postings: Iterable[str], *, engine: Engine | None = None) -> ImportReport:
    """Validate the CSV at `path` and upsert its applications; nothing changes when any line is bad."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportRejected([f"{path.name}: cannot be read as UTF-8 text ({exc.__class__.__name__})"]) from exc
    applications = parse_export(text, postings)
    existing = store.all_applications(engine=engine)
    new = [a for a in applications if a.application_id not in existing]
    changed = [a for a in applications if a.application_id in existing and existing[a.application_id] != a]
    store.upsert_applications(new, changed, engine=engine)
    store.record_audit(event="import", outcome=f"{len(new)} inserted, {len(changed)} updated", engine=engine)
    return ImportReport(inserted=len(new), updated=len(changed), unchanged=len(applications) - len(new) - len(changed))
