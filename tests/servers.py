"""Start the real action server and Rasa server on loopback for end-to-end tests."""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from base.settings import PROJECT_ROOT

MODEL = PROJECT_ROOT / "models" / "helpbot.tar.gz"
SEED_POSTINGS = PROJECT_ROOT / "knowledge" / "postings"


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, timeout: float, process: subprocess.Popen[bytes]) -> None:
    """Poll `url` until it answers, failing early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server for {url} exited with {process.returncode}")
        try:
            requests.get(url, timeout=2)
            return
        except requests.RequestException:
            time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


@dataclass
class Assistant:
    """A running helpbot (both servers) on its own database and postings folder."""

    workdir: Path
    env: dict[str, str]
    rasa_port: int = 0
    action_port: int = 0
    web_port: int = 0
    console_port: int = 0
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    @property
    def postings_dir(self) -> Path:
        return self.workdir / "postings"

    @property
    def site(self) -> str:
        return f"http://localhost:{self.web_port}"

    @property
    def console(self) -> str:
        return f"http://localhost:{self.console_port}"

    @property
    def webhook(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}/webhooks/rest/webhook"

    def ingest(self) -> subprocess.CompletedProcess[str]:
        """Run `helpbot ingest` against this assistant's database and folder."""
        return self.cli("ingest")

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run a `helpbot` command against this assistant's database and folder."""
        return subprocess.run(
            [sys.executable, "-m", "bot.cli", *args],
            env=self.env,
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    def ask(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """POST one message to the REST channel and return the bot's messages."""
        body: dict[str, Any] = {"sender": sender, "message": text}
        if metadata is not None:
            body["metadata"] = metadata
        response = requests.post(self.webhook, json=body, timeout=30)
        response.raise_for_status()
        return list(response.json())

    def reply(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> str:
        """The bot's reply texts to one message, joined."""
        return "\n".join(m.get("text", "") for m in self.ask(sender, text, metadata))

    def start(self) -> None:
        self.rasa_port, self.action_port, self.web_port = free_port(), free_port(), free_port()
        self.console_port = free_port()
        self.env["HELPBOT_CONSOLE_URL"] = self.console
        self.env["HELPBOT_ACTION_URL"] = f"http://127.0.0.1:{self.action_port}/webhook"
        self.env["HELPBOT_CORS_ORIGINS"] = self.site
        self.env["HELPBOT_PUBLIC_RASA_URL"] = f"http://localhost:{self.rasa_port}"
        self.env["HELPBOT_PUBLIC_SITE_URL"] = self.site
        (self.workdir / "logs").mkdir(exist_ok=True)
        action = self._start_action_server(self.env)
        rasa = self._start_rasa_server(self.env)
        website = self._start_module(["bot.website", "--port", str(self.web_port)], "website.log", self.env)
        console = self._start_module(["console.app", "--port", str(self.console_port)], "console.log", self.env)
        self.processes = [action, rasa, website, console]
        wait_for(f"http://127.0.0.1:{self.web_port}/", 30, website)
        wait_for(f"http://127.0.0.1:{self.console_port}/signin", 30, console)
        wait_for(f"http://127.0.0.1:{self.action_port}/health", 60, action)
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", 180, rasa)

    def _start_module(self, arguments: list[str], log: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
        """`python -m <arguments>` from the project root, its output appended to `logs/<log>`."""
        return subprocess.Popen(
            [sys.executable, "-m", *arguments],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=(self.workdir / "logs" / log).open("ab"),
            stderr=subprocess.STDOUT,
        )

    def _start_action_server(self, env: dict[str, str]) -> subprocess.Popen[bytes]:
        arguments = ["rasa_sdk", "--actions", "actions", "--port", str(self.action_port)]
        return self._start_module(arguments, "actions.log", env)

    def _start_rasa_server(self, env: dict[str, str]) -> subprocess.Popen[bytes]:
        return self._start_module(
            ["bot.rasa_server", "run", "--model", str(MODEL), "--port", str(self.rasa_port),
             "--endpoints", str(PROJECT_ROOT / "bot" / "endpoints.yml"),
             "--credentials", str(PROJECT_ROOT / "bot" / "credentials.yml"), "--cors", self.site],
            "rasa.log",
            env,
        )  # fmt: skip

    def restart_rasa_server(self, **env_changes: str) -> None:
        """Restart the Rasa server (optionally with changed settings) and wait until it answers."""
        rasa = self.processes[1]
        rasa.terminate()
        rasa.wait(timeout=30)
        rasa = self._start_rasa_server({**self.env, **env_changes})
        self.processes[1] = rasa
        wait_for(f"http://127.0.0.1:{self.rasa_port}/", 180, rasa)

    def stop_action_server(self) -> None:
        """Stop the action server (fault tests); `restart_action_server` brings it back."""
        action = self.processes[0]
        action.terminate()
        action.wait(timeout=20)

    def restart_action_server(self, **env_changes: str) -> None:
        """Start the action server again, optionally with changed settings, and wait until it answers."""
        if self.processes[0].poll() is None:
            self.stop_action_server()
        action = self._start_action_server({**self.env, **env_changes})
        self.processes[0] = action
        wait_for(f"http://127.0.0.1:{self.action_port}/health", 60, action)

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def make_assistant(workdir: Path, today: str, postings: Path | None = None) -> Assistant:
    """Copy postings (the seed ones by default) into `workdir`, ingest them, configure (not start) an assistant."""
    shutil.copytree(postings or SEED_POSTINGS, workdir / "postings")
    env = dict(os.environ)
    env.update(
        {
            "HELPBOT_DATABASE_URL": f"sqlite:///{workdir / 'helpbot.db'}",
            "HELPBOT_POSTINGS_DIR": str(workdir / "postings"),
            "HELPBOT_TODAY": today,
            "HELPBOT_SECRET_KEY": "end-to-end-test-secret",
            "HELPBOT_ACTION_SECRET": secrets.token_hex(16),
            "HELPBOT_TRACKER_DB": str(workdir / "conversations.db"),
            "HELPBOT_RATE_LIMIT_PER_CLIENT": "100000",  # every test talks from 127.0.0.1
            "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "TF_CPP_MIN_LOG_LEVEL": "2",
        }
    )
    assistant = Assistant(workdir=workdir, env=env)
    result = assistant.ingest()
    if result.returncode != 0:
        raise RuntimeError(f"ingest failed: {result.stderr}")
    return assistant
