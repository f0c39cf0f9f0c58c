"""Posting text files: UTF-8 (with or without a byte-order mark), else Windows-1252."""

from __future__ import annotations

from knowledge.formats.errors import UnreadablePosting


def decode_text(raw: bytes) -> str:
    """The text of a posting text file; UnreadablePosting when it is binary or in an unknown encoding."""
    if b"\x00" in raw:
        raise UnreadablePosting("this is a binary file, not posting text")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        if text.count("\ufffd") > 3 or control_share(text) > 0.01:
            raise UnreadablePosting("not a text file (unknown encoding)") from None
    if control_share(text) > 0.01:
        raise UnreadablePosting("this is a binary file, not posting text")
    return text


def control_share(text: str) -> float:
    """The share of control characters (other than line breaks and tabs) in `text`."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)
