"""The `helpbot` command: `serve`'s environment (telemetry off unless asked for, the action secret passed
on), and `ingest`'s report of each posting's format and of the files it could not read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from base.settings import PROJECT_ROOT, reset_settings
from bot.cli import server_commands, server_environment
from tests.knowledge.formats.documents import PdfPrinter, encrypted, job_board_page
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK


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


def test_ingest_reports_each_posting_s_format_and_names_bad_files(tmp_path: Path, printer: PdfPrinter) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    (folder / f"{FRESNO_PAYROLL.posting_id}.pdf").write_bytes(printer.bulletin(FRESNO_PAYROLL))
    (folder / f"{SONOMA_ELIGIBILITY.posting_id}.html").write_bytes(job_board_page(SONOMA_ELIGIBILITY))
    (folder / "locked.pdf").write_bytes(encrypted(printer.bulletin(TACOMA_CLERK), user_password="x"))
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 not really a Word file")
    env = {**os.environ, "HELPBOT_DATABASE_URL": f"sqlite:///{tmp_path / 'kb.db'}"}
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "ingest", "--postings-dir", str(folder)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{FRESNO_PAYROLL.posting_id}: Payroll Specialist — Fresno Unified School District" in result.stdout
    assert re.search(r"read: +PDF, 2 pages, \d+ sections", result.stdout)
    assert re.search(r"read: +HTML page, \d+ sections", result.stdout)
    assert "error: broken.docx: the file name says a Word document (.docx) but this is a damaged ZIP archive" in (
        result.stderr
    )
    assert "error: locked.pdf: the PDF is encrypted (password-protected): save an unprotected copy" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "Ingested 2 posting(s)" in result.stdout and "2 file(s) skipped" in result.stdout


def test_serve_starts_the_staff_console_on_loopback(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("HELPBOT_CONSOLE_HOST", "HELPBOT_CONSOLE_PORT"):
        monkeypatch.delenv(name, raising=False)
    reset_settings()
    console = server_commands(tmp_path)["staff console"]
    assert console[1:] == ["-m", "console.app", "--host", "127.0.0.1", "--port", "8090"]
    monkeypatch.setenv("HELPBOT_CONSOLE_PORT", "9100")
    reset_settings()
    assert server_commands(tmp_path)["staff console"][-1] == "9100"
    reset_settings()
