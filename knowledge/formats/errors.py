"""The error a reader raises for a file it cannot turn into posting text."""

from __future__ import annotations


class UnreadablePosting(ValueError):
    """Why a file holds no usable posting; the message is the reason alone, without the file name."""
