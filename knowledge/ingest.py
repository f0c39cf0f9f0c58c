"""Rebuild the knowledge base from the posting files in a folder."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from knowledge.model import Posting
from knowledge.parser import FIELDS, missing_fields, parse_posting
from knowledge.store import replace_postings

POSTING_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


class PostingFileError(ValueError):
    """A posting file that cannot be ingested; the message names the file and the reason."""


@dataclass(frozen=True)
class IngestedPosting:
    """One posting that was ingested, with what was and was not found in it."""

    posting_id: str
    display_name: str
    found: tuple[str, ...]
    missing: tuple[str, ...]


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: postings stored, files refused, the knowledge base's new revision."""

    ingested: tuple[IngestedPosting, ...]
    errors: tuple[str, ...]
    revision: int


def read_posting_file(path: Path) -> str:
    """The text of a posting file; PostingFileError when it is unreadable, empty or binary."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PostingFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not raw.strip():
        raise PostingFileError(f"{path.name}: the file is empty")
    if b"\x00" in raw:
        raise PostingFileError(f"{path.name}: this is a binary file, not posting text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 3 or _control_share(text) > 0.01:
            raise PostingFileError(f"{path.name}: not a text file (unknown encoding)") from None
    if _control_share(text) > 0.01:
        raise PostingFileError(f"{path.name}: this is a binary file, not posting text")
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def parse_posting_file(path: Path) -> Posting:
    """Read and parse one posting file; its id is the file name's stem."""
    posting_id = path.stem
    if not POSTING_ID_RE.match(posting_id):
        raise PostingFileError(f"{path.name}: the file name must be letters, digits, dots, dashes or underscores")
    text = read_posting_file(path)
    try:
        return parse_posting(text, posting_id)
    except ValueError as exc:
        raise PostingFileError(f"{path.name}: {exc}") from exc


def ingest_folder(folder: Path, *, engine: Engine | None = None) -> IngestReport:
    """Parse every `*.txt` in `folder` and make the knowledge base hold exactly those postings."""
    if not folder.is_dir():
        raise PostingFileError(f"{folder}: no such folder of postings")
    parsed: list[tuple[Posting, str]] = []
    ingested: list[IngestedPosting] = []
    errors: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            posting = parse_posting_file(path)
        except PostingFileError as exc:
            errors.append(str(exc))
            continue
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        parsed.append((posting, digest))
        missing = tuple(missing_fields(posting))
        found = tuple(f for f in FIELDS if f not in missing)
        ingested.append(IngestedPosting(posting.posting_id, posting.display_name, found, missing))
    revision = replace_postings(parsed, engine=engine)
    return IngestReport(tuple(ingested), tuple(errors), revision)
