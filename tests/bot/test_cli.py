"""`helpbot serve`'s environment: telemetry off unless asked for, the action secret passed on."""

from __future__ import annotations

import pytest

from bot.cli import server_commands, server_environment
from bot.settings import reset_settings


def test_telemetry_is_off_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RASA_TELEMETRY_ENABLED", raising=False)
    monkeypatch.setenv("HELPBOT_ACTION_SECRET", "from-env")
    reset_settings()
    env = server_environment()
    assert env["RASA_TELEMETRY_ENABLED"] == "false"
    assert env["HELPBOT_ACTION_SECRET"] == "from-env"
    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "true")
    assert server_environment()["RASA_TELEMETRY_ENABLED"] == "true"  # an explicit choice is kept
    reset_settings()


def test_the_rasa_http_api_is_not_enabled(tmp_path: object) -> None:
    rasa = server_commands(tmp_path)["rasa server"]  # type: ignore[arg-type]
    assert "--enable-api" not in rasa
