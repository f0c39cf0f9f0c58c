"""The `helpbot` command: `serve` refusing to start without the stores it needs, naming the setting;
`ingest`'s report of each posting's format and of the files it could not read."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from base.settings import PROJECT_ROOT
from tests.knowledge.formats.documents import PdfPrinter, encrypted, job_board_page
from tests.knowledge.formats.postings import FRESNO_PAYROLL, SONOMA_ELIGIBILITY, TACOMA_CLERK


def serve(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"not started: the checks come first")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HELPBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", "serve", "--model", str(model), *args],
        cwd=PROJECT_ROOT, env={**clean, "HELPBOT_SECRET_KEY": "k", "HELPBOT_ACTION_SECRET": "s", **env},
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def test_replicas_without_postgresql_and_redis_do_not_start_and_say_what_is_missing(tmp_path: Path) -> None:
    result = serve(tmp_path, "--replicas", "2", HELPBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'kb.db'}")
    assert result.returncode != 0
    for setting in ("HELPBOT_DATABASE_URL", "HELPBOT_TRACKER_STORE_URL", "HELPBOT_REDIS_URL"):
        assert f"error: {setting} " in result.stderr
    assert "helpbot cannot start" in result.stderr and "Traceback" not in result.stderr


def test_an_unreachable_store_fails_at_start_naming_the_setting(tmp_path: Path) -> None:
    result = serve(
        tmp_path,
        HELPBOT_TRACKER_STORE_URL="postgresql+psycopg2://helpbot:hunter2@127.0.0.1:1/conversations",
        HELPBOT_REDIS_URL="redis://127.0.0.1:1/0",
        HELPBOT_DATABASE_URL=f"sqlite:///{tmp_path / 'kb.db'}",
    )
    assert result.returncode != 0
    assert "error: HELPBOT_TRACKER_STORE_URL: cannot connect to the conversations database at" in result.stderr
    assert "error: HELPBOT_REDIS_URL: cannot reach Redis" in result.stderr
    assert "hunter2" not in result.stderr  # passwords are never printed


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
