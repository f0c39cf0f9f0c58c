"""Admin pages: postings (fields found and missed, upload, remove), staff accounts, the audit log and its CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from aiohttp import FormData
from aiohttp.test_utils import TestClient, TestServer

from base.settings import get_settings, reset_settings
from console.app import make_app
from knowledge.catalog import Catalog
from knowledge.store import posting_ids
from staff import audit
from staff.accounts import get_account
from tests.console.conftest import PASSWORD, csrf_of, sign_in
from tests.knowledge.formats.documents import word_document
from tests.knowledge.formats.postings import FRESNO_PAYROLL

GLENDALE = Path(__file__).resolve().parents[1] / "knowledge" / "postings" / "glendale-administrative-analyst.txt"
LAUSD = "lausd-accounting-technician-ii"


def upload(csrf: str, name: str, data: bytes) -> FormData:
    form = FormData()
    form.add_field("csrf", csrf)
    form.add_field("file", data, filename=name, content_type="application/octet-stream")
    return form


async def test_postings_show_fields_found_and_missing(client: TestClient) -> None:
    await sign_in(client, "adam")
    page = await (await client.get("/postings")).text()
    assert "Accounting Technician II — Los Angeles Unified School District" in page
    lausd = page.split("Accounting Technician II — Los Angeles Unified School District</h3>")[1].split("</section>")[0]
    found, missing = lausd.split("<dt>Missing")
    assert "<li>filing_period</li>" in found and "<li>vpn</li>" in found and "salary" not in found
    assert "<li>salary</li>" in missing and "<li>job_number</li>" in missing  # its salary section is empty


async def test_an_uploaded_posting_is_live_at_once_and_kept_in_the_folder(client: TestClient) -> None:
    csrf = await sign_in(client, "adam")
    answer = await client.post(
        "/postings", data=upload(csrf, "fresno-usd-payroll-specialist.docx", word_document(FRESNO_PAYROLL))
    )
    page = await answer.text()
    assert answer.status == 200 and "Added Payroll Specialist" in page and "Word document" in page
    assert "fresno-usd-payroll-specialist" in posting_ids()
    assert Catalog().get("fresno-usd-payroll-specialist") is not None  # what a running assistant sees
    assert (get_settings().postings_dir / "fresno-usd-payroll-specialist.docx").exists()
    assert audit.search(audit.AuditFilter(action=audit.POSTING_ADDED))[0].subject == "fresno-usd-payroll-specialist"


async def test_a_replacement_in_another_format_takes_the_old_files_place(client: TestClient) -> None:
    csrf = await sign_in(client, "adam")
    text = (get_settings().postings_dir / f"{LAUSD}.txt").read_bytes()
    answer = await client.post(
        "/postings", data=upload(csrf, f"{LAUSD}.htm", b"<html><body><pre>" + text + b"</pre></body></html>")
    )
    assert answer.status == 200, await answer.text()
    assert sorted(p.name for p in get_settings().postings_dir.iterdir() if p.stem == LAUSD) == [f"{LAUSD}.htm"]


async def test_a_bad_file_gets_a_clear_error_and_changes_nothing(client: TestClient) -> None:
    csrf = await sign_in(client, "adam")
    before = sorted(p.name for p in get_settings().postings_dir.iterdir())
    cases = {
        f"{LAUSD}.pdf": (b"%PDF-1.4 this is not really a PDF", "cannot be read"),
        "notes.exe": (b"MZ...", "not a posting file"),
        "empty.txt": (b"   ", "empty"),
        "bad name!.txt": (GLENDALE.read_bytes(), "file name"),
    }
    for name, (data, reason) in cases.items():
        answer = await client.post("/postings", data=upload(csrf, name, data))
        page = await answer.text()
        assert answer.status == 400, name
        assert 'class="error"' in page and reason in page.split('class="error"')[1].split("</p>")[0], (name, page)
    assert sorted(p.name for p in get_settings().postings_dir.iterdir()) == before
    assert posting_ids() == {LAUSD, "pasadena-accounting-technician"}
    assert len(audit.search(audit.AuditFilter(action=audit.POSTING_REJECTED))) == len(cases)


async def test_a_posting_is_removed_from_the_knowledge_base_and_the_folder(client: TestClient) -> None:
    csrf = await sign_in(client, "adam")
    answer = await client.post(f"/postings/{LAUSD}/remove", data={"csrf": csrf})
    assert "Removed lausd-accounting-technician-ii" in await answer.text()
    assert posting_ids() == {"pasadena-accounting-technician"}
    assert not (get_settings().postings_dir / f"{LAUSD}.txt").exists()
    assert (await client.post("/postings/no-such-posting/remove", data={"csrf": csrf})).status == 404


async def test_admins_add_and_disable_staff(client: TestClient) -> None:
    csrf = await sign_in(client, "adam")
    weak = await client.post(
        "/staff", data={"csrf": csrf, "name": "tom", "role": "reviewer", "kind": "local", "password": "short"}
    )
    assert weak.status == 400 and "at least 12 characters" in await weak.text()
    added = await client.post(
        "/staff", data={"csrf": csrf, "name": "Tom", "role": "reviewer", "kind": "local", "password": PASSWORD}
    )
    assert "Account added" in await added.text()
    assert get_account("tom") is not None
    await client.post("/staff/tom/disable", data={"csrf": csrf})
    account = get_account("tom")
    assert account is not None and account.disabled
    own = await client.post("/staff/adam/disable", data={"csrf": csrf})
    assert own.status == 400
    actions = [e.action for e in audit.search(audit.AuditFilter(actor="adam"))]
    assert audit.STAFF_ADDED in actions and audit.STAFF_DISABLED in actions


async def test_the_audit_log_filters_and_exports_csv(client: TestClient) -> None:
    page = await client.get("/signin")
    await client.post(
        "/signin", data={"name": "rita", "password": "wrong password!", "csrf": csrf_of(await page.text())}
    )
    audit.record(audit.DECISION, actor="rita", subject="A-1003", detail='=HYPERLINK("http://evil")')
    await sign_in(client, "adam")
    failed = await (await client.get("/audit?action=sign_in_failed")).text()
    assert "<td>sign_in_failed</td><td>rita</td>" in failed and "<td>transcript_decision</td>" not in failed
    by_text = await (await client.get("/audit?text=a-1003")).text()
    assert "<td>transcript_decision</td>" in by_text and "<td>sign_in_failed</td>" not in by_text
    exported = await client.get("/audit.csv?actor=rita")
    assert exported.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in exported.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(await exported.text())))
    assert {r["action"] for r in rows} == {"sign_in_failed", "transcript_decision"}
    assert next(r for r in rows if r["action"] == "transcript_decision")["detail"].startswith("'=HYPERLINK")


async def test_a_file_over_the_limit_is_refused_before_it_is_read(
    console_db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HELPBOT_MAX_POSTING_BYTES", str(1024 * 1024))
    reset_settings()
    async with TestClient(TestServer(make_app())) as small:
        csrf = await sign_in(small, "adam")
        answer = await small.post("/postings", data=upload(csrf, "big.txt", b"x" * (2 * 1024 * 1024)))
        assert answer.status == 413 and "at most 1 MB" in await answer.text()
    assert "big" not in posting_ids()
