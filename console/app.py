"""The console's aiohttp application and its command line (`python -m console.app`)."""

from __future__ import annotations

import argparse
from pathlib import Path

from aiohttp import web

from base.settings import PROJECT_ROOT, get_settings
from console.access import public
from console.middleware import csrf_protection, security_headers, session_and_access
from console.pages import audit_log, handoffs, postings, questions, signin, staff_admin, transcripts
from console.rendering import see_other

STATIC = Path(__file__).resolve().parent / "static"
FAVICON = PROJECT_ROOT / "web" / "static" / "favicon.ico"
UPLOAD_OVERHEAD = 64 * 1024  # the form fields around an uploaded posting file


async def home(request: web.Request) -> web.StreamResponse:
    """The transcript queue is where staff start."""
    raise see_other("/transcripts")


@public
async def favicon(request: web.Request) -> web.FileResponse:
    return web.FileResponse(FAVICON, headers={"Content-Type": "image/x-icon"})


def make_app() -> web.Application:
    """The console; request bodies are capped at the largest posting file plus its form."""
    limit = get_settings().max_posting_bytes + UPLOAD_OVERHEAD
    app = web.Application(middlewares=[security_headers, session_and_access, csrf_protection], client_max_size=limit)
    app.router.add_get("/", home)
    app.router.add_get("/favicon.ico", favicon)
    app.router.add_static("/static/", STATIC)
    app.router.add_get("/signin", signin.signin_form)
    app.router.add_post("/signin", signin.signin)
    app.router.add_post("/signout", signin.signout)
    app.router.add_get("/transcripts", transcripts.queue)
    app.router.add_get("/applications/{application_id}", transcripts.record)
    app.router.add_post("/applications/{application_id}/decision", transcripts.decide)
    app.router.add_get("/handoffs", handoffs.queue)
    app.router.add_get("/handoffs/{handoff_id:\\d+}", handoffs.detail)
    app.router.add_post("/handoffs/{handoff_id:\\d+}/reply", handoffs.reply)
    app.router.add_post("/handoffs/{handoff_id:\\d+}/status", handoffs.change_status)
    app.router.add_post("/handoffs/{handoff_id:\\d+}/note", handoffs.note)
    app.router.add_get("/questions", questions.groups)
    app.router.add_post("/questions/handled", questions.handled)
    app.router.add_get("/postings", postings.listing)
    app.router.add_post("/postings", postings.upload)
    app.router.add_post("/postings/{posting_id}/remove", postings.remove)
    app.router.add_get("/staff", staff_admin.listing)
    app.router.add_post("/staff", staff_admin.add)
    app.router.add_post("/staff/{name}/disable", staff_admin.disable)
    app.router.add_post("/staff/{name}/enable", staff_admin.enable)
    app.router.add_get("/audit", audit_log.log_page)
    app.router.add_get("/audit.csv", audit_log.log_csv)
    if get_settings().console.entra.enabled:
        from console.pages import entra

        entra.add_routes(app)
    return app


def main() -> None:
    console = get_settings().console
    parser = argparse.ArgumentParser(description="Serve the helpdesk staff console.")
    parser.add_argument("--host", default=console.host)
    parser.add_argument("--port", type=int, default=console.port)
    args = parser.parse_args()
    web.run_app(make_app(), host=args.host, port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
