"""Settings: the Teams tenant allow-list, the request body caps, secrets made on first use."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from base import settings
from base.settings import (
    DEFAULT_ACTION_MAX_BODY_BYTES,
    DEFAULT_MAX_BODY_BYTES,
    _teams_settings,
    get_settings,
    reset_settings,
)

OWN = "tenant-own"


@pytest.fixture
def teams_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    monkeypatch.setenv("HELPBOT_TEAMS_TENANT_ID", OWN)
    monkeypatch.delenv("HELPBOT_TEAMS_ALLOWED_TENANTS", raising=False)
    return monkeypatch


def test_unset_allow_list_means_only_the_bots_own_tenant(teams_env: pytest.MonkeyPatch) -> None:
    teams = _teams_settings()
    assert teams.allowed_tenants == (OWN,)
    assert teams.tenant_allowed(OWN)
    assert not teams.tenant_allowed("someone-else")
    assert not teams.tenant_allowed(None)
    assert not teams.any_tenant


def test_the_allow_list_widens_the_own_tenant(teams_env: pytest.MonkeyPatch) -> None:
    teams_env.setenv("HELPBOT_TEAMS_ALLOWED_TENANTS", "tenant-city, tenant-own ,")
    teams = _teams_settings()
    assert teams.allowed_tenants == (OWN, "tenant-city")
    assert teams.tenant_allowed(OWN) and teams.tenant_allowed("tenant-city")
    assert not teams.tenant_allowed("someone-else")


def test_a_star_opens_the_channel_to_every_tenant(teams_env: pytest.MonkeyPatch) -> None:
    teams_env.setenv("HELPBOT_TEAMS_ALLOWED_TENANTS", "*")
    teams = _teams_settings()
    assert teams.any_tenant
    assert teams.tenant_allowed("someone-else")


def test_no_tenant_configured_allows_none(teams_env: pytest.MonkeyPatch) -> None:
    teams_env.delenv("HELPBOT_TEAMS_TENANT_ID")
    teams = _teams_settings()
    assert teams.allowed_tenants == ()
    assert not teams.tenant_allowed("") and not teams.tenant_allowed(None)


def test_body_caps_default_and_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HELPBOT_MAX_BODY_BYTES", raising=False)
    monkeypatch.delenv("HELPBOT_ACTION_MAX_BODY_BYTES", raising=False)
    reset_settings()
    try:
        assert get_settings().max_body_bytes == DEFAULT_MAX_BODY_BYTES == 64 * 1024
        assert get_settings().action_max_body_bytes == DEFAULT_ACTION_MAX_BODY_BYTES
        monkeypatch.setenv("HELPBOT_MAX_BODY_BYTES", "1000")
        monkeypatch.setenv("HELPBOT_ACTION_MAX_BODY_BYTES", "2000")
        reset_settings()
        assert (get_settings().max_body_bytes, get_settings().action_max_body_bytes) == (1000, 2000)
    finally:
        reset_settings()


def test_a_missing_secret_is_made_once_readable_by_the_owner_only(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(settings, "PROJECT_ROOT", tmp_path)
    made = settings._local_secret("action.secret")
    assert len(made) == 64 and settings._local_secret("action.secret") == made
    assert stat.S_IMODE((tmp_path / "var" / "action.secret").stat().st_mode) == 0o600
