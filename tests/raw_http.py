"""Oversized requests over a raw socket, sent the way an attacker would and stopped part way.

An HTTP client library sends the whole body before it reads the answer. These helpers send the
head and only part of the body, then wait: a server that refuses before buffering answers at once;
one that waits for the rest of the body never answers in time, so the helpers return None.
"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

CHUNK = 8 * 1024
ANSWER_TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class RawResponse:
    """A server's answer: status code, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes


def _head(method: str, url: str, headers: dict[str, str]) -> tuple[str, int, bytes]:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    lines = [f"{method} {target or '/'} HTTP/1.1", f"Host: {parts.netloc}", *(f"{k}: {v}" for k, v in headers.items())]
    return parts.hostname or "127.0.0.1", parts.port or 80, ("\r\n".join(lines) + "\r\n\r\n").encode()


def _read_response(sock: socket.socket, deadline: float) -> RawResponse | None:
    data = b""
    while b"\r\n\r\n" not in data or len(data) < _expected_length(data):
        sock.settimeout(max(deadline - time.monotonic(), 0.01))
        try:
            received = sock.recv(65536)
        except TimeoutError:
            return None
        except ConnectionError:  # reset after the answer: keep what arrived
            break
        if not received:
            break
        data += received
    if b"\r\n\r\n" not in data:
        return None
    head, body = data.split(b"\r\n\r\n", 1)
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, v in (h.split(":", 1) for h in header_lines if ":" in h)}
    return RawResponse(int(status_line.split()[1]), headers, body)


def _expected_length(data: bytes) -> int:
    """Bytes of head and body a complete answer has (once its head is in)."""
    head, _, _ = data.partition(b"\r\n\r\n")
    for line in head.decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            return len(head) + 4 + int(value.strip())
    return len(data)


def _send(sock: socket.socket, data: bytes) -> bool:
    """Send, or say that the server already closed the connection."""
    try:
        sock.sendall(data)
    except (BrokenPipeError, ConnectionResetError):
        return False
    return True


def declared_oversize(
    url: str, *, declared: int, send: int = 16 * 1024, method: str = "POST", headers: dict[str, str] | None = None
) -> RawResponse | None:
    """Announce `declared` bytes of body with Content-Length, send only `send` of them, and wait for the answer."""
    host, port, head = _head(
        method, url, {"Content-Type": "application/json", **(headers or {}), "Content-Length": str(declared)}
    )
    with socket.create_connection((host, port), timeout=ANSWER_TIMEOUT_SECONDS) as sock:
        deadline = time.monotonic() + ANSWER_TIMEOUT_SECONDS
        if _send(sock, head):
            _send(sock, b"{" + b" " * (send - 1))
        return _read_response(sock, deadline)


def chunked_oversize(
    url: str, *, send: int, method: str = "POST", headers: dict[str, str] | None = None
) -> RawResponse | None:
    """Send `send` bytes of a chunked body (no Content-Length), never its last chunk, and wait for the answer."""
    host, port, head = _head(
        method, url, {"Content-Type": "application/json", **(headers or {}), "Transfer-Encoding": "chunked"}
    )
    with socket.create_connection((host, port), timeout=ANSWER_TIMEOUT_SECONDS) as sock:
        deadline = time.monotonic() + ANSWER_TIMEOUT_SECONDS
        sent, still_open = 0, _send(sock, head)
        while still_open and sent < send:
            size = min(CHUNK, send - sent)
            still_open = _send(sock, f"{size:x}\r\n".encode() + b" " * size + b"\r\n")
            sent += size
        return _read_response(sock, deadline)
