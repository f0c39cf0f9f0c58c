"""What a reader makes of a posting file: the posting's text and where it came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PostingSource:
    """A posting file turned into the structured text the parser reads."""

    text: str
    format_name: str  # "text", "PDF", "HTML", "Word"
    pages: int | None = None  # pages read, for formats that have pages

    def describe(self) -> str:
        """`PDF, 2 pages`, `HTML page`, `text file`, for the ingest report."""
        if self.pages is not None:
            return f"{self.format_name}, {self.pages} page{'s' if self.pages != 1 else ''}"
        return {"HTML": "HTML page", "Word": "Word document", "text": "text file"}.get(
            self.format_name, self.format_name
        )
