"""Test postings made into files as publishers make them: plain text, a job-board page with its site
around it, a PDF bulletin printed by headless Chromium (two columns, a running header and footer on
every page, words hyphenated at line ends) and a Word file written with python-docx."""

from __future__ import annotations

import base64
import io
import os
import queue
import re
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from contextlib import contextmanager
from html import escape
from itertools import groupby
from pathlib import Path
from typing import Any

import docx
from docx.shared import Pt
from PIL import Image, ImageDraw
from playwright.sync_api import Browser, sync_playwright
from pypdf import PdfReader, PdfWriter

from knowledge.sections import is_heading, key_value
from tests.knowledge.formats.postings import Piece, SamplePosting

CHROMIUM = Path(os.environ.get("HELPBOT_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


# --- text ---------------------------------------------------------------------------------------


def as_text(posting: SamplePosting) -> str:
    """The posting as a `.txt` file, the way the project's text postings are written."""
    lines: list[str] = []
    number = 0
    for piece in posting.pieces:
        kind = piece[0]
        number = number + 1 if kind == "ol" else 0
        if kind == "field":
            lines.append(f"{piece[1]}: {piece[2]}")
        elif kind == "li":
            lines.append(f"- {piece[1]}")
        elif kind == "ol":
            lines.append(f"{number}. {piece[1]}")
        else:
            lines.append(piece[1])
    return "\n".join(lines) + "\n"


def pieces_from_text(text: str) -> tuple[Piece, ...]:
    """A text posting's lines as pieces (for printing a posting known only as text)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    pieces: list[Piece] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        pair = key_value(line)
        if i == 0:
            pieces.append(("title", line))
        elif pair and ":" in line:
            label, value = line.split(":", 1)
            pieces.append(("field", label.strip(), value.strip()))
        elif line.startswith("- "):
            pieces.append(("li", line[2:]))
        elif is_heading(line, following):
            pieces.append(("heading", line))
        else:
            pieces.append(("p", line))
    return tuple(pieces)


# --- HTML ---------------------------------------------------------------------------------------


def _linked(text: str) -> str:
    """Escaped text with its web and email addresses as links showing the address."""
    out: list[str] = []
    last = 0
    for match in re.finditer(r"https?://\S+[^\s.,)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text):
        out.append(escape(text[last : match.start()]))
        target = match.group(0)
        href = target if target.startswith("http") else f"mailto:{target}"
        out.append(f'<a href="{escape(href)}">{escape(target)}</a>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def _body_html(
    pieces: Sequence[Piece], *, facts: str, sub_headings: Sequence[str] = ("Education", "Experience")
) -> str:
    html: list[str] = []
    for kind, group in groupby(pieces, key=lambda p: p[0]):
        items = list(group)
        if kind == "title":
            html.extend(f'<h1 class="job-title">{escape(p[1])}</h1>' for p in items)
        elif kind == "field":
            html.append(_facts_box(items, facts))
        elif kind == "heading":
            html.extend(
                f"<h{3 if p[1] in sub_headings else 2}>{escape(p[1])}</h{3 if p[1] in sub_headings else 2}>"
                for p in items
            )
        elif kind in ("li", "ol"):
            tag = "ul" if kind == "li" else "ol"
            html.append(f"<{tag}>" + "".join(f"<li>{_linked(p[1])}</li>" for p in items) + f"</{tag}>")
        else:
            html.extend(f"<p>{_linked(p[1])}</p>" for p in items)
    return "\n".join(html)


def _facts_box(fields: Sequence[Piece], style: str) -> str:
    if style == "dl":
        rows = "".join(f"<dt>{escape(f[1])}</dt><dd>{_linked(f[2])}</dd>" for f in fields)
        return f'<dl class="job-facts">{rows}</dl>'
    if style == "table":
        rows = "".join(f"<tr><th>{escape(f[1])}</th><td>{_linked(f[2])}</td></tr>" for f in fields)
        return f'<table class="job-facts"><tbody>{rows}</tbody></table>'
    if style == "plain":
        return "".join(f"<p>{escape(f[1])}: {_linked(f[2])}</p>" for f in fields)
    rows = "".join(
        f'<div class="term-container"><span class="term-title">{escape(f[1])}</span>'
        f'<span class="term-description">{_linked(f[2])}</span></div>'
        for f in fields
    )
    return f'<div class="job-facts">{rows}</div>'


def job_board_page(posting: SamplePosting, *, facts: str = "terms", site: str = "http://127.0.0.1:9") -> bytes:
    """The posting as a careers site shows it: navigation, sign-in, a cookie banner, breadcrumbs,
    share links, similar jobs and a footer around it, and scripts, a tracking image, a style sheet and a
    frame that a browser would load from `site`."""
    body = _body_html(posting.pieces, facts=facts)
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(posting.title)} | Careers</title>
<link rel="stylesheet" href="{site}/static/site.css">
<script src="{site}/static/analytics.js"></script>
<script>document.write("Loading your personalised job feed"); fetch("{site}/beacon");</script>
<style>.job-facts {{ display: grid; }}</style>
</head>
<body class="careers">
<div id="cookie-consent" class="cookie-banner"><p>We use cookies to improve your experience on our site.
<button>Accept all cookies</button> <a href="{site}/privacy">Privacy policy</a></p></div>
<header class="site-header"><a class="logo" href="/">Public Careers Portal</a>
<nav aria-label="Main"><ul><li><a href="/jobs">Search Jobs</a></li><li><a href="/benefits">Why Work Here</a></li>
<li><a href="/login">Sign In</a></li><li><a href="/register">Create an Account</a></li></ul></nav></header>
<div class="breadcrumbs"><a href="/">Home</a> &gt; <a href="/jobs">Jobs</a> &gt; {escape(posting.title)}</div>
<main id="content">
<div class="job-actions"><a class="btn" href="/apply">Apply</a></div>
<article class="job-posting">
{body}
</article>
<ul class="share-links"><li><a href="https://facebook.example.org/share">Facebook</a></li>
<li><a href="https://linkedin.example.org/share">LinkedIn</a></li><li><a href="mailto:?subject=job">Email</a></li></ul>
<template><p>Template text that is never shown on the page.</p></template>
<div style="display:none">Hidden text that is never shown on the page.</div>
<img src="{site}/pixel.gif" alt="tracking pixel">
<iframe src="{site}/embedded-video"></iframe>
</main>
<aside class="similar-jobs"><h2>Similar Jobs</h2><ul><li><a href="/jobs/1">Senior Account Clerk</a></li>
<li><a href="/jobs/2">Payroll Supervisor</a></li></ul></aside>
<footer class="site-footer"><p>© 2026 Public Careers Portal. All rights reserved.</p>
<p><a href="/terms">Terms of Use</a> | <a href="/accessibility">Accessibility</a></p></footer>
<script>window.location = "{site}/redirect";</script>
</body></html>
"""
    return page.encode("utf-8")


# --- PDF ----------------------------------------------------------------------------------------


def _soft_hyphens(text: str) -> str:
    """Escaped text where long words may break at a line end (a soft hyphen in the middle)."""

    def breakable(match: re.Match[str]) -> str:
        word = match.group(0)
        return word[:5] + "&shy;" + word[5:] if len(word) >= 11 and word.isalpha() else word

    return re.sub(r"[A-Za-z]+", breakable, escape(text)) if "@" not in text and "://" not in text else escape(text)


def bulletin_html(pieces: Sequence[Piece], *, facts: str = "plain") -> str:
    """A printable bulletin: the title and header fields across the page, then two justified columns."""
    first_heading = next((i for i, p in enumerate(pieces) if p[0] == "heading"), len(pieces))
    top, rest = pieces[:first_heading], pieces[first_heading:]
    top_html = _body_html(top, facts=facts)
    columns: list[str] = []
    for kind, group in groupby(rest, key=lambda p: p[0]):
        items = list(group)
        if kind == "heading":
            columns.extend(f"<h2>{escape(p[1])}</h2>" for p in items)
        elif kind in ("li", "ol"):
            tag = "ul" if kind == "li" else "ol"
            columns.append(f"<{tag}>" + "".join(f"<li>{_soft_hyphens(p[1])}</li>" for p in items) + f"</{tag}>")
        elif kind == "field":
            columns.append(_facts_box(items, "plain"))
        else:
            columns.extend(f"<p>{_soft_hyphens(p[1])}</p>" for p in items)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body {{ font-family: "Liberation Serif", serif; font-size: 10.5pt; line-height: 1.2; }}
h1 {{ font-size: 20pt; margin: 0 0 8px; }}
h2 {{ font-size: 11pt; font-weight: bold; margin: 10px 0 3px; break-after: avoid; }}
p {{ margin: 0 0 7px; }}
ul, ol {{ margin: 0 0 7px; padding-left: 16px; }}
table.job-facts th {{ text-align: left; padding-right: 40px; font-weight: normal; }}
.top {{ margin-bottom: 12px; }}
.columns {{ column-count: 2; column-gap: 0.35in; text-align: justify; }}
</style></head><body><div class="top">{top_html}</div><div class="columns">{"".join(columns)}</div></body></html>"""


class PdfPrinter:
    """Headless Chromium (Debian's package, driven by Playwright) printing pages to PDF. Playwright runs
    in a thread of its own, so its event loop never meets the loops of the tests around it."""

    def __init__(self) -> None:
        self._jobs: queue.Queue[tuple[str, dict[str, Any], Future[bytes]] | None] = queue.Queue()
        self._started: Future[None] = Future()
        self._thread = threading.Thread(target=self._serve, name="pdf-printer", daemon=True)

    def start(self) -> PdfPrinter:
        self._thread.start()
        self._started.result(timeout=120)
        return self

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=60)

    def _serve(self) -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
                self._started.set_result(None)
                while (job := self._jobs.get()) is not None:
                    html, options, result = job
                    try:
                        result.set_result(_print(browser, html, **options))
                    except Exception as exc:  # handed to the test that asked for the PDF
                        result.set_exception(exc)
                browser.close()
        except Exception as exc:
            if not self._started.done():
                self._started.set_exception(exc)

    def print(
        self, html: str, *, header: str = "", footer: str = "", furniture_size: str = "8px", margin: str = "0.8in"
    ) -> bytes:
        """The page printed on Letter paper; `header` and `footer` repeat on every page (with its number)."""
        result: Future[bytes] = Future()
        options = {"header": header, "footer": footer, "size": furniture_size, "margin": margin}
        self._jobs.put((html, options, result))
        return result.result(timeout=120)

    def bulletin(self, posting: SamplePosting, *, facts: str = "plain") -> bytes:
        """The posting as a PDF bulletin with the employer's running header and footer."""
        organisation = next((p[2] for p in posting.pieces if p[0] == "field" and p[1] == "Company"), "Human Resources")
        return self.print(
            bulletin_html(posting.pieces, facts=facts),
            header=f"{organisation} · Job Bulletin · {posting.title}",
            footer="An Equal Opportunity Employer",
        )

    def scanned(self, text: str) -> bytes:
        """A PDF holding only a picture of `text`, as a scanner makes it: no text layer."""
        image = Image.new("RGB", (1200, 500), "white")
        draw = ImageDraw.Draw(image)
        for i, line in enumerate(text.split("\n")[:12]):
            draw.text((40, 40 + 36 * i), line, fill="black")
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        data = base64.b64encode(buffer.getvalue()).decode("ascii")
        return self.print(
            f'<html><body style="margin:0"><img src="data:image/png;base64,{data}" width="700"></body></html>'
        )


def _print(browser: Browser, html: str, *, header: str, footer: str, size: str, margin: str) -> bytes:
    page = browser.new_page()
    try:
        page.set_content(html)
        return page.pdf(
            format="Letter",
            display_header_footer=bool(header or footer),
            header_template=f'<div style="font-size:{size};width:100%;text-align:center">{escape(header)}</div>',
            footer_template=(
                f'<div style="font-size:{size};width:100%;text-align:center">{escape(footer)} · Page '
                '<span class="pageNumber"></span> of <span class="totalPages"></span></div>'
            ),
            margin={"top": margin, "bottom": margin, "left": "0.7in", "right": "0.7in"},
        )
    finally:
        page.close()


@contextmanager
def pdf_printer() -> Iterator[PdfPrinter]:
    """A running PDF printer, stopped on leaving."""
    printer = PdfPrinter().start()
    try:
        yield printer
    finally:
        printer.stop()


def encrypted(pdf: bytes, *, user_password: str, owner_password: str = "owner-secret") -> bytes:
    """`pdf` encrypted with pypdf: an empty user password opens it, any other needs the password."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --- Word ---------------------------------------------------------------------------------------


def word_document(posting: SamplePosting, *, facts: str = "paragraphs", bold_headings: bool = False) -> bytes:
    """The posting as a .docx written with python-docx: Title and Heading styles (or bold lines),
    list styles, fields as paragraphs, tab stops or a two-column table, and a page header and footer."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = f"{posting.title} · Human Resources"
    section.footer.paragraphs[0].text = "An Equal Opportunity Employer"
    fields = [p for p in posting.pieces if p[0] == "field"]
    table_done = False
    for piece in posting.pieces:
        kind = piece[0]
        if kind == "title":
            document.add_heading(piece[1], level=0)
        elif kind == "field" and facts == "table":
            if not table_done:
                table = document.add_table(rows=0, cols=2)
                for field in fields:
                    cells = table.add_row().cells
                    cells[0].text, cells[1].text = field[1], field[2]
                table_done = True
        elif kind == "field":
            separator = ":\t" if facts == "tabs" else ": "
            document.add_paragraph(f"{piece[1]}{separator}{piece[2]}")
        elif kind == "heading" and bold_headings:
            run = document.add_paragraph().add_run(piece[1])
            run.bold = True
            run.font.size = Pt(12)
        elif kind == "heading":
            document.add_heading(piece[1], level=2 if piece[1] in ("Education", "Experience") else 1)
        elif kind == "li":
            document.add_paragraph(piece[1], style="List Bullet")
        elif kind == "ol":
            document.add_paragraph(piece[1], style="List Number")
        else:
            document.add_paragraph(piece[1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
