"""Job-board and careers-site pages: the posting's facts box, headings, lists and paragraphs, without
the site's navigation, sign-in links, cookie banners and footers.

The page is only parsed (Python's own `html.parser` through BeautifulSoup): no script runs, and no
image, style sheet, frame or link it references is ever fetched.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString, Tag

from knowledge.formats.blocks import FIELD, HEADING, ITEM, PARAGRAPH, Block, clean_inline, render
from knowledge.formats.errors import UnreadablePosting
from knowledge.formats.source import PostingSource
from knowledge.sections import FIELD_KEYS

# Elements that never hold posting text a reader sees: code, media, forms, embedded documents.
_NEVER_TEXT = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "canvas",
        "video",
        "audio",
        "picture",
        "img",
        "map",
        "area",
        "head",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "select",
        "textarea",
        "button",
        "option",
        "datalist",
        "dialog",
    ]
)
_CHROME_TAGS = frozenset({"nav", "aside"})
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "complementary", "dialog", "alertdialog", "menubar", "toolbar"}
)
_CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:cookies?|consent|gdpr|breadcrumbs?|skip|sign-?in|log-?in|sign-?up|register|navbar|nav|"
    r"navigation|menu|social|share|sharing|newsletter|popup|modal|toast|site-?header|site-?footer|"
    r"global-?(?:header|footer|nav)|page-?footer|utility)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_CHROME_LINK = re.compile(
    r"(?:apply(?: now| online| here)?|sign (?:in|up|out)|log ?(?:in|out)|print|share|e-?mail(?: this job)?|save"
    r"(?: job)?|back(?: to .*)?|search|home|next|previous|top|menu|follow us|create an account|my account)",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "details",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "caption",
        "ul",
        "html",
    ]
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "header", "footer", "body", "html", "center"})
_LABEL_CLASS = re.compile(r"label|term|key|name|title|caption", re.IGNORECASE)
_VALUE_CLASS = re.compile(r"value|description|data|detail|content", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)
MIN_POSTING_WORDS = 25


def read_html(data: bytes) -> PostingSource:
    """The posting text of an HTML page; UnreadablePosting when the page holds no posting."""
    soup = BeautifulSoup(data, "html.parser")
    for node in soup.find_all(string=lambda s: isinstance(s, Comment)):
        node.extract()
    for tag in soup.find_all(_NEVER_TEXT):
        tag.decompose()
    for tag in soup.find_all(_is_hidden):
        tag.decompose()
    root = _content_root(soup)
    _drop_chrome(root)
    blocks = _blocks_of(root)
    text = render(blocks)
    _check_is_posting(text, root)
    return PostingSource(text=text, format_name="HTML")


# --- what is the posting, what is the site ------------------------------------------------------


def _is_hidden(tag: Tag) -> bool:
    return (
        tag.has_attr("hidden")
        or str(tag.get("aria-hidden", "")).lower() == "true"
        or bool(_HIDDEN_STYLE.search(str(tag.get("style", ""))))
    )


def _content_root(soup: BeautifulSoup) -> Tag:
    """The page's main content (`<main>`, role=main, the largest `<article>`), else its body."""
    main = soup.find("main") or soup.find(True, attrs={"role": "main"})
    if isinstance(main, Tag) and len(main.get_text(" ", strip=True)) > 200:
        return main
    articles = [a for a in soup.find_all("article") if isinstance(a, Tag)]
    if articles:
        largest = max(articles, key=lambda a: len(a.get_text(" ", strip=True)))
        if len(largest.get_text(" ", strip=True)) > 200:
            return largest
    body = soup.find("body")
    return body if isinstance(body, Tag) else soup


def _drop_chrome(root: Tag) -> None:
    """Remove navigation, banners, cookie notices, sign-in and sharing widgets, site headers and footers."""
    total = max(len(root.get_text(" ", strip=True)), 1)
    for tag in list(root.find_all(True)):
        if tag.decomposed or not isinstance(tag, Tag):
            continue
        if _is_chrome(tag, root, total):
            tag.decompose()


def _is_chrome(tag: Tag, root: Tag, total: int) -> bool:
    if tag.name in _CHROME_TAGS or str(tag.get("role", "")).lower() in _CHROME_ROLES:
        return True
    if tag.name in ("header", "footer") and not tag.find_parent(["article", "main", "section"]):
        return tag is not root
    names = " ".join([str(tag.get("id", "")), *(str(c) for c in tag.get("class") or [])])
    if names.strip() and _CHROME_NAME.search(names):
        return len(tag.get_text(" ", strip=True)) < 0.4 * total  # never the wrapper around the posting
    return False


def _check_is_posting(text: str, root: Tag) -> None:
    words = len(re.findall(r"[A-Za-z]{2,}", text))
    if words < MIN_POSTING_WORDS:
        raise UnreadablePosting(
            f"no posting in this page: without the site's navigation it has only {words} words of text"
        )
    link_words = sum(len(re.findall(r"[A-Za-z]{2,}", a.get_text(" "))) for a in root.find_all("a"))
    if link_words > 0.6 * words:
        raise UnreadablePosting("no posting in this page: it is mostly links (a list of jobs or a site page?)")


# --- blocks -------------------------------------------------------------------------------------


def _blocks_of(node: Tag) -> list[Block]:
    """The blocks of a container, in document order; loose inline text becomes paragraphs."""
    blocks: list[Block] = []
    inline: list[str] = []

    def flush() -> None:
        text = "".join(inline)
        inline.clear()
        if text.strip():
            blocks.append(Block(PARAGRAPH, text))

    for child in node.children:
        if isinstance(child, NavigableString):
            inline.append(_space(str(child)))
        elif isinstance(child, Tag):
            if child.name == "br":
                inline.append("\n")
            elif child.name in _BLOCK_TAGS or child.find(_BLOCK_TAGS):
                flush()
                blocks.extend(_block(child))
            else:
                inline.append(_inline_text(child))
    flush()
    return blocks


def _block(tag: Tag) -> list[Block]:
    name = tag.name
    if name in _HEADINGS:
        return [Block(HEADING, _inline_text(tag))]
    if name in ("ul", "ol"):
        return _list_items(tag)
    if name == "li":
        return [Block(ITEM, _inline_text(tag))]
    if name == "dl":
        return _definition_fields(tag)
    if name == "table":
        return _table_blocks(tag)
    if name == "pre":
        return [Block(PARAGRAPH, line) for line in tag.get_text().split("\n")]
    if name == "hr":
        return []
    pair = _label_value(tag)
    if pair:
        return [Block(FIELD, pair[1], label=pair[0])]
    if _is_lone_chrome_link(tag):
        return []
    if not tag.find(_BLOCK_TAGS) and _all_bold(tag):
        return [Block(HEADING, _inline_text(tag))]
    return _blocks_of(tag)


def _list_items(tag: Tag) -> list[Block]:
    items = [li for li in tag.find_all("li", recursive=False) if isinstance(li, Tag)]
    if items and all(_is_lone_link(li) for li in items) and all(len(li.get_text().split()) <= 4 for li in items):
        return []  # a row of links (share, follow, related pages), not posting content
    ordered = tag.name == "ol"
    number = int(str(tag.get("start", "1"))) if str(tag.get("start", "1")).isdigit() else 1
    blocks: list[Block] = []
    for li in items:
        nested = [child for child in li.find_all(["ul", "ol"], recursive=False) if isinstance(child, Tag)]
        for child in nested:
            child.extract()
        own = [b for b in _blocks_of(li) if b.text.strip()]
        if own:
            first = own[0]
            label = f"{number}." if ordered else ""
            blocks.append(Block(ITEM, first.text, label=label))
            blocks.extend(own[1:])
            number += 1
        for child in nested:
            blocks.extend(_list_items(child))
    return blocks


def _definition_fields(tag: Tag) -> list[Block]:
    blocks: list[Block] = []
    label = ""
    for child in tag.find_all(["dt", "dd"]):
        if child.name == "dt":
            label = _inline_text(child)
        elif label:
            blocks.append(Block(FIELD, _inline_text(child), label=label))
        else:
            blocks.extend(_blocks_of(child))
    return blocks


def _table_blocks(tag: Tag) -> list[Block]:
    blocks: list[Block] = []
    for row in tag.find_all("tr"):
        if row.find_parent("table") is not tag:
            continue
        cells = [c for c in row.find_all(["td", "th"], recursive=False) if isinstance(c, Tag)]
        if any(c.find(_BLOCK_TAGS) for c in cells):  # a layout table: its cells are containers
            for cell in cells:
                blocks.extend(_blocks_of(cell))
            continue
        texts = [clean_inline(_inline_text(c)) for c in cells]
        texts = [t for t in texts if t]
        if len(texts) == 2 and _looks_like_label(texts[0]):
            blocks.append(Block(FIELD, texts[1], label=texts[0]))
        elif texts:
            blocks.append(Block(PARAGRAPH, " | ".join(texts)))
    return blocks


def _label_value(tag: Tag) -> tuple[str, str] | None:
    """A facts-box pair: a container of exactly a short label element and a value element."""
    if any(isinstance(c, NavigableString) and c.strip() for c in tag.children):
        return None
    children = [c for c in tag.children if isinstance(c, Tag)]
    if len(children) != 2 or any(c.find(_BLOCK_TAGS) for c in children):
        return None
    label, value = clean_inline(_inline_text(children[0])), clean_inline(_inline_text(children[1]))
    if not label or not value or not _looks_like_label(label):
        return None
    hinted = bool(_LABEL_CLASS.search(" ".join(children[0].get("class") or []))) and bool(
        _VALUE_CLASS.search(" ".join(children[1].get("class") or []))
    )
    known = label.rstrip(":").strip().lower() in FIELD_KEYS
    return (label, value) if hinted or known or label.endswith(":") else None


def _looks_like_label(text: str) -> bool:
    return len(text) <= 40 and len(text.split()) <= 6 and not text.rstrip(":").endswith((".", "?", "!"))


def _is_lone_link(tag: Tag) -> bool:
    links = tag.find_all("a")
    return len(links) == 1 and clean_inline(links[0].get_text(" ")) == clean_inline(tag.get_text(" "))


def _is_lone_chrome_link(tag: Tag) -> bool:
    return _is_lone_link(tag) and bool(_CHROME_LINK.fullmatch(clean_inline(tag.get_text(" "))))


def _all_bold(tag: Tag) -> bool:
    """Whether every piece of text in `tag` is bold (`<b>`, `<strong>` or a bold style)."""
    pieces = [s for s in tag.find_all(string=True) if s.strip()]
    if not pieces or len(clean_inline(tag.get_text(" "))) > 90:
        return False
    return all(_in_bold(piece, tag) for piece in pieces)


def _in_bold(piece: NavigableString, stop: Tag) -> bool:
    for parent in piece.parents:
        if parent.name in ("b", "strong") or _BOLD_STYLE.search(str(parent.get("style", ""))):
            return True
        if parent is stop:
            return False
    return False


# --- inline text --------------------------------------------------------------------------------


def _space(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _inline_text(tag: Tag) -> str:
    """The text of an element as a reader sees it: spaces collapsed, `<br>` a line break, and a link's
    address added when its text does not show it (`Email us (hr@example.org)`)."""
    parts: list[str] = []
    for child in tag.children:
        if isinstance(child, NavigableString):
            parts.append(_space(str(child)))
        elif isinstance(child, Tag):
            if child.name == "br":
                parts.append("\n")
            elif child.name in _BLOCK_TAGS:
                parts.append("\n" + _inline_text(child) + "\n")
            else:
                parts.append(_inline_text(child))
    text = "".join(parts)
    if tag.name == "a":
        target = _link_target(str(tag.get("href", "")))
        if target and _bare(target) not in _bare(text):
            text = f"{text.rstrip()} ({target})" if text.strip() else target
    return text


def _link_target(href: str) -> str | None:
    href = href.strip()
    lowered = href.lower()
    if lowered.startswith("mailto:"):
        return unquote(href[7:].split("?", 1)[0]) or None
    if lowered.startswith("tel:"):
        return unquote(href[4:]) or None
    if lowered.startswith(("http://", "https://")):
        return href
    return None


def _bare(text: str) -> str:
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", text.strip().lower()).rstrip("/")
