"""Rasa end-to-end test conversations (tests/stories/) through the trained model."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from base.settings import PROJECT_ROOT
from tests.servers import MODEL

pytestmark = pytest.mark.server

# Every story's dialogue must be right; an intent model may miss a rare phrasing, so at most one
# story in twenty may fail on NLU alone (the failures are printed either way).
MIN_CONVERSATION_ACCURACY = 0.95


def test_story_conversations_predict_intents_and_actions(tmp_path: Path) -> None:
    """`--e2e` runs each user message through the NLU model, so intents are checked with the actions."""
    env = dict(
        os.environ,
        RASA_TELEMETRY_ENABLED="false",
        HELPBOT_ACTION_URL=os.environ.get("HELPBOT_ACTION_URL", "http://localhost:5055/webhook"),
        HELPBOT_ACTION_SECRET="not-used-story-tests-run-no-custom-actions",
        HELPBOT_TRACKER_DB=str(tmp_path / "story-conversations.db"),
    )
    result = subprocess.run(
        [sys.executable, "-m", "rasa", "test", "core", "--model", str(MODEL),
         "--stories", str(PROJECT_ROOT / "tests" / "stories"), "--out", str(tmp_path),
         "--endpoints", str(PROJECT_ROOT / "bot" / "endpoints.yml"), "--e2e"],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "story_report.json").read_text())
    failed_file = tmp_path / "failed_test_stories.yml"
    failed = failed_file.read_text() if failed_file.exists() else ""
    conversations = report["conversation_accuracy"]
    assert conversations["total"] >= 40, "the story files were not all read"
    assert conversations["accuracy"] >= MIN_CONVERSATION_ACCURACY, f"failed stories:\n{failed}"
    wrong_actions = [line for line in failed.splitlines() if "- action:" in line and "# predicted:" in line]
    assert not wrong_actions, f"dialogue errors:\n{failed}"
