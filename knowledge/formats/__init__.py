"""Posting files as HR publishes them (text, PDF bulletins, job-board HTML pages, Word files) turned
into the one structured text that `knowledge.parser` reads."""

from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.posting_file import (
    ACCEPTED_SUFFIXES,
    REFUSED_SUFFIXES,
    is_posting_file,
    read_posting_bytes,
    read_posting_path,
)
from knowledge.formats.source import PostingSource

__all__ = [
    "ACCEPTED_SUFFIXES",
    "REFUSED_SUFFIXES",
    "PostingSource",
    "UnreadablePosting",
    "is_posting_file",
    "read_posting_bytes",
    "read_posting_path",
]
