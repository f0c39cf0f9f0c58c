"""`helpbot staff ...`: the first admin from the command line, a prompted password, disable ends sessions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from base.database import reset_engine
from base.settings import reset_settings
from bot.cli import main
from staff import audit, sessions
from staff.accounts import check_password, get_account

PASSWORD = "a long enough password"


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("HELPBOT_DATABASE_URL", f"sqlite:///{tmp_path / 'staff.db'}")
    reset_settings()
    reset_engine()
    yield
    reset_engine()
    reset_settings()


def test_add_prompts_for_the_password_twice_and_never_shows_it() -> None:
    result = CliRunner().invoke(main, ["staff", "add", "Kim", "--role", "admin"], input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert "Added kim (admin, signs in with a password)" in result.output and PASSWORD not in result.output
    assert check_password("kim", PASSWORD) is not None
    assert audit.search(audit.AuditFilter(action=audit.STAFF_ADDED))[0].subject == "kim"


def test_a_short_password_or_unknown_role_is_refused() -> None:
    short = CliRunner().invoke(main, ["staff", "add", "kim", "--role", "admin"], input="short\nshort\n")
    assert short.exit_code != 0 and "at least 12 characters" in short.output
    role = CliRunner().invoke(main, ["staff", "add", "kim", "--role", "owner"])
    assert role.exit_code != 0
    assert get_account("kim") is None


def test_disable_ends_sessions_and_list_shows_it() -> None:
    CliRunner().invoke(main, ["staff", "add", "kim@district.example", "--role", "reviewer", "--directory"])
    token = sessions.sign_in(None, "kim@district.example", "reviewer")
    result = CliRunner().invoke(main, ["staff", "disable", "kim@district.example"])
    assert result.exit_code == 0 and sessions.load(token) is None
    listing = CliRunner().invoke(main, ["staff", "list"]).output
    assert "kim@district.example" in listing and "microsoft" in listing and "disabled" in listing
    assert CliRunner().invoke(main, ["staff", "disable", "nobody"]).exit_code != 0
