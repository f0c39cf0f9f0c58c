"""Rebuild the knowledge base from the posting files in a folder (text, PDF, HTML or Word)."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from base.settings import get_settings
from knowledge.formats import (
    ACCEPTED_SUFFIXES,
    PostingSource,
    UnreadablePosting,
    is_posting_file,
    read_posting_bytes,
    read_posting_path,
)
from knowledge.model import Posting
from knowledge.parser import FIELDS, missing_fields, parse_posting
from knowledge.store import posting_ids, replace_postings

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
    source: str = "text file"  # the format read, with its pages: `PDF, 2 pages`
    sections: int = 0


@dataclass(frozen=True)
class IngestReport:
    """What an ingest did: postings stored, files refused, the knowledge base's new revision."""

    ingested: tuple[IngestedPosting, ...]
    errors: tuple[str, ...]
    revision: int
    kept: tuple[str, ...] = ()  # postings whose file failed: their earlier version stays in the knowledge base


def read_posting_source(path: Path, *, max_bytes: int | None = None) -> PostingSource:
    """A posting file's text and format; PostingFileError naming the file when it cannot be read."""
    limit = get_settings().max_posting_bytes if max_bytes is None else max_bytes
    try:
        return read_posting_path(path, max_bytes=limit)
    except OSError as exc:
        raise PostingFileError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    except UnreadablePosting as exc:
        raise PostingFileError(f"{path.name}: {exc}") from exc


def read_posting_file(path: Path) -> str:
    """The posting text of a file in any accepted format; PostingFileError when it cannot be read."""
    return read_posting_source(path).text


def parse_posting_file(path: Path) -> Posting:
    """Read and parse one posting file; its id is the file name without its extension."""
    return _parse(path, read_posting_source(_checked_name(path)))


def _checked_name(path: Path) -> Path:
    if not POSTING_ID_RE.match(path.stem):
        raise PostingFileError(f"{path.name}: the file name must be letters, digits, dots, dashes or underscores")
    return path


def _parse(path: Path, source: PostingSource) -> Posting:
    try:
        return parse_posting(source.text, path.stem)
    except ValueError as exc:
        raise PostingFileError(f"{path.name}: {exc}") from exc


def posting_files(folder: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The posting files of `folder` by name, and an error (with its posting id) for each id that more
    than one file claims (`x.pdf` and `x.txt`): neither of those is ingested."""
    by_id: dict[str, list[Path]] = defaultdict(list)
    files: list[Path] = []
    for path in sorted(folder.iterdir()):
        if not is_posting_file(path):
            continue
        if path.suffix.lower() in ACCEPTED_SUFFIXES:
            by_id[path.stem.lower()].append(path)
        else:
            files.append(path)  # a kind that is refused: read, to report why
    refused: list[tuple[str, str]] = []
    for paths in by_id.values():
        if len(paths) == 1:
            files.append(paths[0])
            continue
        names = " and ".join(p.name for p in paths)
        message = f"{names}: two files for the posting {paths[0].stem}; keep one (neither was ingested)"
        refused.extend((path.stem, message) for path in paths)
    return sorted(files), refused


def ingest_folder(folder: Path, *, engine: Engine | None = None, max_bytes: int | None = None) -> IngestReport:
    """Parse every posting file in `folder` and make the knowledge base hold exactly those postings.

    A file that cannot be ingested is reported by name and changes nothing for its posting: a posting
    ingested before keeps its earlier version. The rest of the batch is ingested all the same.
    """
    if not folder.is_dir():
        raise PostingFileError(f"{folder}: no such folder of postings")
    files, refused = posting_files(folder)
    parsed: list[tuple[Posting, str]] = []
    ingested: list[IngestedPosting] = []
    for path in files:
        try:
            source = read_posting_source(_checked_name(path), max_bytes=max_bytes)
            posting = _parse(path, source)
        except PostingFileError as exc:
            refused.append((path.stem, str(exc)))
            continue
        parsed.append((posting, hashlib.sha256(path.read_bytes()).hexdigest()))
        ingested.append(_summary(posting, source))
    fresh = {posting.posting_id for posting, _ in parsed}
    kept = sorted({posting_id for posting_id, _ in refused} & posting_ids(engine=engine) - fresh)
    revision = replace_postings(parsed, keep=kept, engine=engine)
    with_earlier_version = {message for posting_id, message in refused if posting_id in kept}
    errors = tuple(
        f"{message} (its earlier version stays in the knowledge base)" if message in with_earlier_version else message
        for message in sorted({message for _, message in refused})
    )
    return IngestReport(tuple(ingested), errors, revision, tuple(kept))


def _summary(posting: Posting, source: PostingSource) -> IngestedPosting:
    missing = tuple(missing_fields(posting))
    found = tuple(f for f in FIELDS if f not in missing)
    return IngestedPosting(
        posting.posting_id, posting.display_name, found, missing, source.describe(), len(posting.sections)
    )


def summarise(posting: Posting) -> IngestedPosting:
    """What the parser found and missed in a stored posting, field by field."""
    missing = tuple(missing_fields(posting))
    found = tuple(f for f in FIELDS if f not in missing)
    return IngestedPosting(posting.posting_id, posting.display_name, found, missing, "", len(posting.sections))


def _files_of(folder: Path, posting_id: str) -> list[Path]:
    return [p for p in folder.iterdir() if is_posting_file(p) and p.stem.lower() == posting_id.lower()]


def add_posting_file(
    name: str, data: bytes, folder: Path, *, engine: Engine | None = None, max_bytes: int | None = None
) -> IngestedPosting:
    """Check an uploaded posting file, keep it in `folder` (in place of any file for the same posting)
    and put its posting in the knowledge base at once. PostingFileError, and nothing changed, when the
    file cannot be used."""
    path = _checked_name(Path(Path(name).name))
    if not folder.is_dir():
        raise PostingFileError(f"{folder}: no such folder of postings")
    limit = get_settings().max_posting_bytes if max_bytes is None else max_bytes
    try:
        source = read_posting_bytes(path.name, data, max_bytes=limit)
    except UnreadablePosting as exc:
        raise PostingFileError(f"{path.name}: {exc}") from exc
    posting = _parse(path, source)
    temporary = folder / f".{path.name}.upload"
    temporary.write_bytes(data)
    for old in _files_of(folder, posting.posting_id):
        if old.name != path.name:
            old.unlink()
    temporary.replace(folder / path.name)
    others = posting_ids(engine=engine) - {posting.posting_id}
    replace_postings([(posting, hashlib.sha256(data).hexdigest())], keep=others, engine=engine)
    return _summary(posting, source)


def remove_posting(posting_id: str, folder: Path, *, engine: Engine | None = None) -> bool:
    """Take a posting out of the knowledge base and its file out of `folder`; False when there was none."""
    stored = posting_ids(engine=engine)
    files = _files_of(folder, posting_id) if folder.is_dir() else []
    if posting_id not in stored and not files:
        return False
    for path in files:
        path.unlink()
    replace_postings([], keep=stored - {posting_id}, engine=engine)
    return True
