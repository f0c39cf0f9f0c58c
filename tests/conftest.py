"""Shared fixtures: a running assistant on loopback (session-wide), isolated settings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.servers import MODEL, Assistant, make_assistant

# The servers answer as if today were this date (the LAUSD filing period is then open).
SERVER_TODAY = "2025-12-01"


@pytest.fixture(scope="session")
def assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Assistant]:
    """The action server and Rasa server with the trained model, on their own database."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train` (make test does)")
    running = make_assistant(tmp_path_factory.mktemp("assistant"), SERVER_TODAY)
    running.start()
    yield running
    running.stop()
