"""The demo careers site: the postings in the knowledge base, each page with the chat widget.

Every section of a posting page has a stable anchor (`knowledge.section_links`), the one the
bot's citations link to; the section a link opens is highlighted (`:target` in site.css).
Request bodies over `HELPBOT_MAX_BODY_BYTES` get 413 (`bot/body_limit.py`); the site takes none.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from actions import names
from actions.catalog import CATALOGS
from base.settings import PROJECT_ROOT, get_settings
from bot.body_limit import aiohttp_body_limit
from knowledge.answers import format_date
from knowledge.catalog import get_catalog
from knowledge.model import Posting
from knowledge.section_links import OVERVIEW_TITLE, section_anchors, shown
from knowledge.sections import HEADER_FIELDS, HEADER_SECTION, key_value

WEB_DIR = PROJECT_ROOT / "web"
FAVICON = WEB_DIR / "static" / "favicon.ico"
_templates = Environment(
    loader=FileSystemLoader(WEB_DIR / "templates"), autoescape=select_autoescape(["html"]), trim_blocks=True
)


@dataclass(frozen=True)
class Block:
    """A paragraph, or a bulleted list, of posting text."""

    kind: str  # "p" | "ul"
    lines: tuple[str, ...]


def blocks(body: str) -> list[Block]:
    """Posting text as paragraphs and lists (lines starting with a dash or bullet are list items)."""
    found: list[Block] = []
    for line in body.split("\n"):
        bullet = re.match(r"^[-•*]\s+(.*)$", line)
        if bullet:
            if found and found[-1].kind == "ul":
                found[-1] = Block("ul", (*found[-1].lines, bullet.group(1)))
            else:
                found.append(Block("ul", (bullet.group(1),)))
        elif line.strip():
            found.append(Block("p", (line,)))
    return found


@dataclass(frozen=True)
class PageSection:
    """A section as the posting page shows it: its anchor, heading, fields and text."""

    anchor: str
    heading: str
    blocks: tuple[Block, ...]
    fields: tuple[tuple[str, str], ...] = ()


# Header fields the key facts already show (`key_facts`); the overview lists the others.
_KEY_FACT_FIELDS = frozenset({"title", "organisation", "salary", "opening_date", "closing_date", "job_number"})
_FIELD_OF_LABEL = {label: name for name, labels in HEADER_FIELDS.items() for label in labels}


def overview_fields(posting: Posting, body: str) -> list[tuple[str, str]]:
    """The header's `Label: value` fields that the key facts do not show (location, department, ...)."""
    found: list[tuple[str, str]] = []
    for line in body.split("\n"):
        pair = key_value(line)
        if pair and _FIELD_OF_LABEL.get(pair[0]) not in _KEY_FACT_FIELDS:
            found.append((line.split(":", 1)[0].strip(), pair[1]))
    return found


def _overview_text(posting: Posting, body: str) -> str:
    """The header's own text: not its fields, not the title or organisation repeated."""
    names = {n.casefold() for n in (posting.title, posting.organisation) if n}
    lines = [line for line in body.split("\n") if not key_value(line) and line.strip().casefold() not in names]
    return "\n".join(lines)


def page_sections(posting: Posting) -> list[PageSection]:
    """The sections the page shows, with their anchors: first the overview (key facts and the header block)."""
    anchors = section_anchors(shown(posting))
    header = next((s.body for s in posting.sections if s.heading == HEADER_SECTION), "")
    fields = (*key_facts(posting), *overview_fields(posting, header))
    intro = tuple(blocks(_overview_text(posting, header)))
    found = [PageSection(anchors[HEADER_SECTION], OVERVIEW_TITLE, intro, fields)]
    for section in posting.sections:
        anchor = anchors.get(section.heading)
        if anchor is not None and section.heading != HEADER_SECTION:
            body = "\n".join(line for line in section.body.split("\n") if not key_value(line))
            found.append(PageSection(anchor, section.heading, tuple(blocks(body))))
    return found


def key_facts(posting: Posting) -> list[tuple[str, str]]:
    """The facts shown at the top of a posting page."""
    facts: list[tuple[str, str]] = []
    if posting.organisation:
        facts.append(("Employer", posting.organisation))
    if posting.salary:
        facts.append(("Salary", posting.salary.text))
    if posting.opening_date:
        facts.append(("Opening date", format_date(posting.opening_date)))
    if posting.closing_date:
        facts.append(("Closing date", format_date(posting.closing_date)))
    elif posting.open_continuous:
        facts.append(("Closing date", "Open until filled"))
    job_number = posting.fact("job_number")
    if job_number:
        facts.append(("Job number", job_number.text))
    return facts


def widget_texts() -> dict[str, dict[str, str]]:
    """The chat widget's own labels in every language, by name (from actions.catalog)."""
    return {
        language: {name.removeprefix(names.WIDGET_PREFIX): text for name, text in texts.items()
                   if name.startswith(names.WIDGET_PREFIX)}
        for language, texts in CATALOGS.items()
    }  # fmt: skip


def _render(name: str, **context: object) -> web.Response:
    settings = get_settings()
    html = _templates.get_template(name).render(
        rasa_url=settings.public_rasa_url, widget_texts=widget_texts(), **context
    )
    return web.Response(text=html, content_type="text/html")


async def index(request: web.Request) -> web.Response:
    """The list of postings."""
    return _render("index.html", postings=get_catalog().postings())


async def posting_page(request: web.Request) -> web.Response:
    """One posting, readable, with the chat widget."""
    posting = get_catalog().get(request.match_info["posting_id"])
    if posting is None:
        return _render_not_found()
    return _render("posting.html", posting=posting, sections=page_sections(posting))


async def favicon(request: web.Request) -> web.FileResponse:
    """The icon every browser asks for at /favicon.ico."""
    return web.FileResponse(FAVICON, headers={"Content-Type": "image/x-icon", "Cache-Control": "max-age=86400"})


def _render_not_found() -> web.Response:
    response = _render("not_found.html", postings=get_catalog().postings())
    response.set_status(404)
    return response


@web.middleware
async def security_headers(request: web.Request, handler: object) -> web.StreamResponse:
    """A strict content security policy: our own scripts only, sockets only to the Rasa server."""
    response: web.StreamResponse = await handler(request)  # type: ignore[operator]
    rasa = get_settings().public_rasa_url
    ws = re.sub(r"^http", "ws", rasa)
    response.headers["Content-Security-Policy"] = (
        f"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        f"connect-src 'self' {rasa} {ws}; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def make_app() -> web.Application:
    """The site's aiohttp application."""
    limit = get_settings().max_body_bytes
    app = web.Application(middlewares=[security_headers, aiohttp_body_limit(limit)], client_max_size=limit + 1)
    app.router.add_get("/", index)
    app.router.add_get("/favicon.ico", favicon)
    app.router.add_get("/postings/{posting_id}", posting_page)
    app.router.add_static("/static/", Path(WEB_DIR / "static"))
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description="Serve the demo careers site.")
    parser.add_argument("--host", default="0.0.0.0")
    parser.add_argument("--port", type=int, default=get_settings().web_port)
    args = parser.parse_args()
    web.run_app(make_app(), host=args.host, port=args.port, print=None, access_log=None)


if __name__ == "__main__":
    main()
