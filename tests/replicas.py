"""`helpbot serve` started as an operator starts it, for end-to-end tests and the benchmark: embedded
(SQLite, no Redis: what `make run` starts), or the production profile (`--replicas N --proxy` on a
PostgreSQL database and a Redis key prefix of the run's own).

The per-client rate limit is raised (every test talks from 127.0.0.1): the load and failover tests
send hundreds of messages from that one address. The per-conversation limit stays at its default.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil
import requests
from sqlalchemy import text
from sqlalchemy.future import create_engine

from base.settings import PROJECT_ROOT
from bot.proxy import nginx_binary
from bot.stack import without_import_side_effects
from tests.servers import MODEL, SEED_POSTINGS
from tests.stores import postgres_database, redis_prefix, redis_url_or_skip

RAISED_CLIENT_LIMIT = "1000000"


def free_port_run(count: int) -> int:
    """The first of `count` consecutive TCP ports nobody listens on right now."""
    for _ in range(200):
        first = random.randint(10000, 30000)  # below the ephemeral range outgoing connections take ports from
        sockets = []
        try:
            for port in range(first, first + count):
                sock = socket.socket()
                sockets.append(sock)
                sock.bind(("127.0.0.1", port))
            return first
        except OSError:
            continue
        finally:
            for sock in sockets:
                sock.close()
    raise RuntimeError(f"no run of {count} free ports")


def answers(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
        return True
    except requests.RequestException:
        return False


@dataclass
class Stack:
    """A running `helpbot serve` (N replicas, nginx or not) and what tests need to reach into it."""

    workdir: Path
    env: dict[str, str]
    replicas: int
    rasa_port: int
    proxy_port: int | None
    process: subprocess.Popen[bytes] | None = None
    database_url: str = ""
    endpoints: Path | None = None
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        self.log = self.workdir / "serve.log"

    @property
    def proxy(self) -> str:
        """Where clients go: nginx, or the one Rasa server without it."""
        return f"http://127.0.0.1:{self.proxy_port}" if self.proxy_port else self.replica(0)

    @property
    def webhook(self) -> str:
        return f"{self.proxy}/webhooks/rest/webhook"

    @property
    def site(self) -> str:
        port = self.proxy_port or int(self.env["HELPBOT_WEB_PORT"])
        return f"http://localhost:{port}"

    def replica(self, index: int) -> str:
        """The address of Rasa replica `index` (0-based), bypassing nginx."""
        return f"http://127.0.0.1:{self.rasa_port + index}"

    @property
    def access_log(self) -> Path:
        return self.workdir / "nginx" / "access.log"

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=PROJECT_ROOT, env=self.env,
                              capture_output=True, text=True, check=False, timeout=180)  # fmt: skip

    def ask(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None, *, via: str | None = None
    ) -> list[dict[str, Any]]:
        """POST one message to the REST channel (through nginx unless `via` names a replica)."""
        body: dict[str, Any] = {"sender": sender, "message": message}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(f"{via or self.proxy}/webhooks/rest/webhook", json=body, timeout=60)
        response.raise_for_status()
        return list(response.json())

    def reply(
        self, sender: str, message: str, metadata: dict[str, Any] | None = None, *, via: str | None = None
    ) -> str:
        return "\n".join(m.get("text", "") for m in self.ask(sender, message, metadata, via=via))

    def children(self) -> dict[str, psutil.Process]:
        """The processes `helpbot serve` started, by name: rasa server 1, action server 1, careers site, nginx."""
        assert self.process is not None
        found: dict[str, psutil.Process] = {}
        for child in psutil.Process(self.process.pid).children():
            command = child.cmdline()
            if "bot.rasa_server" in command or "rasa_sdk" in command:
                kind = "rasa server" if "bot.rasa_server" in command else "action server"
                base = self.rasa_port if kind == "rasa server" else int(self.env["HELPBOT_ACTION_PORT"])
                found[f"{kind} {int(command[command.index('--port') + 1]) - base + 1}"] = child
            elif "bot.website" in command:
                found["careers site"] = child
            elif command and "nginx" in command[0]:
                found["nginx"] = child
        return dict(sorted(found.items()))

    def events(self, sender: str) -> list[dict[str, Any]]:
        """The conversation's stored events, in order (from PostgreSQL)."""
        engine = create_engine(self.database_url, future=True)
        try:
            with engine.connect() as connection:
                rows = connection.execute(
                    text("SELECT data FROM events WHERE sender_id = :s ORDER BY id"), {"s": sender}
                ).fetchall()
        finally:
            engine.dispose()
        return [json.loads(row[0]) for row in rows]

    def rasa_process(self, index: int) -> psutil.Process:
        """The live process of Rasa replica `index`, a child of `helpbot serve`."""
        assert self.process is not None
        port = str(self.rasa_port + index)
        for child in psutil.Process(self.process.pid).children():
            command = child.cmdline()
            if "bot.rasa_server" in command and command[command.index("--port") + 1] == port:
                return child
        raise LookupError(f"no Rasa replica on port {port}")

    def kill_replica(self, index: int) -> None:
        """Kill Rasa replica `index` at once (SIGKILL: no goodbye to anyone)."""
        self.rasa_process(index).send_signal(signal.SIGKILL)

    def wait_until_up(self, timeout: float = 240) -> None:
        deadline = time.monotonic() + timeout
        urls = [f"{self.replica(i)}/" for i in range(self.replicas)] + [f"{self.site}/favicon.ico"]
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                tail = "\n".join(line for line in self.log.read_text().splitlines() if "INFO" not in line)[-3000:]
                raise RuntimeError(f"helpbot serve exited with {self.process.returncode}: {tail}")
            if all(answers(url) for url in urls):
                return
            time.sleep(1)
        tail = "\n".join(line for line in self.log.read_text().splitlines() if "INFO" not in line)[-3000:]
        raise TimeoutError(f"the stack did not come up within {timeout} s: {tail}")

    def start(self) -> None:
        proxy = ["--proxy", "--run-dir", str(self.workdir / "nginx")] if self.proxy_port else []
        endpoints = ["--endpoints", str(self.endpoints)] if self.endpoints else []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.cli", "serve", "--model", str(MODEL), "--replicas", str(self.replicas), *proxy,
             *endpoints],
            cwd=PROJECT_ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.wait_until_up()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            for child in psutil.Process(self.process.pid).children(recursive=True):
                child.kill()
            self.process.kill()


def nginx_or_skip() -> None:
    import pytest

    if nginx_binary() is None:
        pytest.skip("nginx is not installed and could not be: `make proxy` (scripts/ensure-nginx.sh) installs "
                    "Debian's package as root")  # fmt: skip


@contextmanager
def served(
    workdir: Path,
    today: str,
    *,
    replicas: int = 1,
    proxy: bool = False,
    shared: bool = False,
    postings: Path | None = None,
    environment: dict[str, str] | None = None,
    endpoints: Path | None = None,
    **env_changes: str,
) -> Iterator[Stack]:
    """Ingest the postings (the seed ones by default) and run `helpbot serve` on them: on SQLite files in
    `workdir`, or (`shared`) on a new PostgreSQL database and Redis key prefix."""
    if proxy:
        nginx_or_skip()
    with ExitStack() as context:
        if shared:
            database = context.enter_context(postgres_database())
            prefix = context.enter_context(redis_prefix())
            stores = {"HELPBOT_DATABASE_URL": database, "HELPBOT_TRACKER_STORE_URL": database,
                      "HELPBOT_REDIS_URL": redis_url_or_skip(), "HELPBOT_REDIS_PREFIX": prefix}  # fmt: skip
        else:
            database = f"sqlite:///{workdir / 'helpbot.db'}"
            stores = {"HELPBOT_DATABASE_URL": database, "HELPBOT_TRACKER_DB": str(workdir / "conversations.db")}
        shutil.copytree(postings or SEED_POSTINGS, workdir / "postings")
        rasa_port, action_port = free_port_run(replicas), free_port_run(replicas)
        proxy_port, web_port, console_port = free_port_run(1), free_port_run(1), free_port_run(1)
        # The environment of a shell: nothing of what this process's own imports set (bot/stack.py).
        env = without_import_side_effects({k: v for k, v in os.environ.items() if not k.startswith("HELPBOT_")})
        env.update({
            **stores,
            "HELPBOT_RASA_PORT": str(rasa_port), "HELPBOT_ACTION_PORT": str(action_port),
            "HELPBOT_WEB_PORT": str(web_port), "HELPBOT_PROXY_PORT": str(proxy_port),
            "HELPBOT_CONSOLE_PORT": str(console_port), "HELPBOT_CONSOLE_URL": f"http://localhost:{console_port}",
            "HELPBOT_CORS_ORIGINS": f"http://localhost:{web_port}",
            "HELPBOT_POSTINGS_DIR": str(workdir / "postings"), "HELPBOT_TODAY": today,
            "HELPBOT_SECRET_KEY": "served-test-secret", "HELPBOT_ACTION_SECRET": secrets.token_hex(16),
            "HELPBOT_RATE_LIMIT_PER_CLIENT": RAISED_CLIENT_LIMIT,
            "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "TF_CPP_MIN_LOG_LEVEL": "2",
            **(environment or {}), **env_changes,
        })  # fmt: skip
        running = Stack(workdir, env, replicas, rasa_port, proxy_port if proxy else None, database_url=database,
                        endpoints=endpoints)  # fmt: skip
        result = running.cli("ingest")
        if result.returncode != 0:
            raise RuntimeError(f"ingest failed: {result.stderr}")
        try:
            running.start()
            yield running
        finally:
            running.stop()
