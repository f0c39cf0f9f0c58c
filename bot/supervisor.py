"""Run the stack's processes in the foreground until Ctrl-C: a replica that stops after it was up is
started again (the other replicas take its load meanwhile); any other process stopping stops them all."""

from __future__ import annotations

import signal
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from base.settings import PROJECT_ROOT
from bot.stack import Service

POLL_SECONDS = 0.5
MAX_RESTARTS_PER_MINUTE = 5


@dataclass
class Running:
    """A service's current process, whether it has answered yet, and its recent restarts."""

    service: Service
    process: subprocess.Popen[bytes]
    up: bool = False
    ever_up: bool = False
    restarts: list[float] = field(default_factory=list)


class Stopped(Exception):
    """The stack stops: a process that is not a replica ended, or a replica keeps failing."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


class Supervisor:
    """Starts the services, watches them, restarts replicas, stops everything on the way out."""

    def __init__(self, services: list[Service], env: dict[str, str], say: Callable[[str], None]) -> None:
        self.env, self.say = env, say
        self.running = [Running(s, self._start(s)) for s in services]
        self._watch = threading.Thread(target=self._watch_readiness, daemon=True)
        self._stop = threading.Event()

    def _start(self, service: Service) -> subprocess.Popen[bytes]:
        return subprocess.Popen(service.command, cwd=PROJECT_ROOT, env={**self.env, **service.env})

    def _watch_readiness(self) -> None:
        while not self._stop.is_set():
            for item in self.running:
                if not item.up and item.service.ready_url and item.process.poll() is None:
                    item.up = answers(item.service.ready_url)
                    item.ever_up = item.ever_up or item.up
            self._stop.wait(POLL_SECONDS)

    def all_up(self) -> bool:
        return all(item.up or item.service.ready_url is None for item in self.running)

    def run(self, on_ready: Callable[[], None]) -> int:
        """Supervise until Ctrl-C or a failure; the exit code for the command."""
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, _interrupt)
        self._watch.start()
        announced = False
        try:
            while True:
                for item in self.running:
                    if item.process.poll() is not None:
                        self._ended(item)
                if not announced and self.all_up():
                    announced = True
                    on_ready()
                time.sleep(POLL_SECONDS)
        except KeyboardInterrupt:
            return 0
        except Stopped as stopped:
            self.say(str(stopped))
            return stopped.exit_code
        finally:
            self._stop.set()
            self.stop()

    def _ended(self, item: Running) -> None:
        code = item.process.returncode
        name = item.service.name
        if not (item.service.replica and item.ever_up):
            raise Stopped(f"the {name} stopped (exit code {code}); stopping helpbot", code or 1)
        now = time.monotonic()
        item.restarts = [t for t in item.restarts if now - t < 60] + [now]
        if len(item.restarts) > MAX_RESTARTS_PER_MINUTE:
            raise Stopped(f"the {name} stopped {len(item.restarts)} times within a minute; stopping helpbot", 1)
        self.say(f"the {name} stopped (exit code {code}); the other replicas answer while it starts again")
        item.process, item.up = self._start(item.service), False

    def stop(self) -> None:
        """Terminate every process (nginx last but first to go is fine), then kill what lingers."""
        for item in self.running:
            if item.process.poll() is None:
                item.process.terminate()
        deadline = time.monotonic() + 15
        for item in self.running:
            try:
                item.process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                item.process.kill()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
