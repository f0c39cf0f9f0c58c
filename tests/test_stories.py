"""Rasa end-to-end test conversations (tests/stories/) through the trained model."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT
from tests.servers import MODEL

pytestmark = pytest.mark.server


def test_story_conversations_predict_every_intent_and_action(tmp_path: Path) -> None:
    """`--e2e` runs each user message through the NLU model, so intents are checked too."""
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        HELPBOT_ACTION_URL=os.environ.get("HELPBOT_ACTION_URL", "http://localhost:5055/webhook"),
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(PROJECT_ROOT / "tests" / "stories"),
            "--out",
            str(tmp_path),
            "--endpoints",
            str(PROJECT_ROOT / "bot" / "endpoints.yml"),
            "--e2e",
            "--fail-on-prediction-errors",
        ],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    failed = tmp_path / "failed_test_stories.yml"
    details = failed.read_text() if failed.exists() else result.stdout[-3000:] + result.stderr[-3000:]
    assert result.returncode == 0, f"test stories failed:\n{details}"
