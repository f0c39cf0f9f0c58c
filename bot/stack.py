"""The processes `helpbot serve` runs: N Rasa servers and N action servers on consecutive ports,
the careers site, the staff console, and (with `--proxy`) nginx in front of the replicas and the site.

Rasa replica i talks to action server i. With a proxy the replicas listen on loopback only and
believe X-Forwarded-For from it; the site and the widget are then reached through the proxy's port.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from base.settings import PROJECT_ROOT, Settings
from bot.proxy import ProxyPlan, nginx_command, write_config

BOT_DIR = PROJECT_ROOT / "bot"
ENDPOINTS = BOT_DIR / "endpoints.yml"
LOOPBACK = "127.0.0.1"
# Variables the libraries this process imported (scikit-learn, TensorFlow) set for themselves; a server
# should start from what the user set, and set these itself when it imports the same libraries.
IMPORT_SIDE_EFFECTS = ("KMP_DUPLICATE_LIB_OK", "KMP_INIT_AT_FORK", "TF2_BEHAVIOR", "TPU_ML_PLATFORM")


@dataclass(frozen=True)
class Service:
    """One process to run: its name, command line, extra environment, and the URL that says it is up."""

    name: str
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    ready_url: str | None = None
    replica: bool = False  # restarted when it stops after it was up (the others take its load meanwhile)


def launch_environment(settings: Settings, environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every process starts with: the user's, telemetry off unless asked for, our secrets,
    without what this process's own imports added."""
    env = without_import_side_effects(dict(os.environ if environ is None else environ))
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("HELPBOT_ACTION_URL", f"http://localhost:{settings.action_server_port}/webhook")
    env.setdefault("HELPBOT_ACTION_SECRET", settings.action_secret)
    env.setdefault("HELPBOT_TRACKER_DB", str(PROJECT_ROOT / "var" / "conversations.db"))
    return env


def without_import_side_effects(env: dict[str, str]) -> dict[str, str]:
    """`env` without the variables this process's imports set (kept when the process was started with them)."""
    original = _exec_environment()
    return {name: value for name, value in env.items() if name not in IMPORT_SIDE_EFFECTS or name in original}


def _exec_environment() -> set[str]:
    """The names in the environment this process was started with (Linux), else the current ones."""
    try:
        raw = Path("/proc/self/environ").read_bytes()
    except OSError:
        return set(os.environ)
    return {item.split(b"=", 1)[0].decode(errors="replace") for item in raw.split(b"\0") if item}


def rasa_command(
    model: Path, port: int, cors_origins: tuple[str, ...], interface: str = "0.0.0.0", endpoints: Path = ENDPOINTS
) -> list[str]:
    return [
        sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model),
        "--endpoints", str(endpoints), "--credentials", str(BOT_DIR / "credentials.yml"),
        "--interface", interface, "--port", str(port), "--cors", *cors_origins,
    ]  # fmt: skip


def action_command(port: int) -> list[str]:
    return [sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(port)]


def proxy_origins(settings: Settings) -> tuple[str, ...]:
    """The origins a browser has when it reaches the site through the proxy."""
    return (f"http://localhost:{settings.proxy_port}", f"http://{LOOPBACK}:{settings.proxy_port}")


def proxy_plan(settings: Settings, replicas: int, access_log: str) -> ProxyPlan:
    return ProxyPlan(
        listen=str(settings.proxy_port),
        rasa_servers=tuple(f"{LOOPBACK}:{settings.rasa_port + i}" for i in range(replicas)),
        site=f"{LOOPBACK}:{settings.web_port}",
        max_body_bytes=settings.max_body_bytes,
        access_log=access_log,
    )


def services(
    settings: Settings,
    model: Path,
    replicas: int,
    *,
    proxy_dir: Path | None = None,
    nginx: str | None = None,
    endpoints: Path = ENDPOINTS,
) -> list[Service]:
    """Every process of the stack, in the order to start them."""
    interface = LOOPBACK if proxy_dir else "0.0.0.0"
    cors = (*proxy_origins(settings), *settings.cors_origins) if proxy_dir else settings.cors_origins
    found: list[Service] = []
    for i in range(replicas):
        suffix = f" {i + 1}" if replicas > 1 else ""
        action_port, rasa_port = settings.action_server_port + i, settings.rasa_port + i
        found.append(Service(f"action server{suffix}", action_command(action_port),
                             ready_url=f"http://{LOOPBACK}:{action_port}/health", replica=replicas > 1))  # fmt: skip
        found.append(
            Service(
                f"rasa server{suffix}",
                rasa_command(model, rasa_port, cors, interface, endpoints),
                env={"HELPBOT_ACTION_URL": f"http://{LOOPBACK}:{action_port}/webhook"} if replicas > 1 else {},
                ready_url=f"http://{LOOPBACK}:{rasa_port}/",
                replica=replicas > 1,
            )
        )
    site = [sys.executable, "-m", "bot.website", "--port", str(settings.web_port)]
    if proxy_dir:
        site += ["--host", LOOPBACK]
    found.append(Service("careers site", site, ready_url=f"http://{LOOPBACK}:{settings.web_port}/"))
    found.append(console_service(settings))
    if proxy_dir and nginx:
        write_config(proxy_plan(settings, replicas, str(proxy_dir / "access.log")), proxy_dir)
        found.append(Service("nginx", nginx_command(nginx, proxy_dir),
                             ready_url=f"http://{LOOPBACK}:{settings.proxy_port}/favicon.ico"))  # fmt: skip
    return found


def console_service(settings: Settings) -> Service:
    """The staff console, on its own address (HELPBOT_CONSOLE_HOST, loopback by default): never behind the proxy."""
    host, port = settings.console.host, settings.console.port
    command = [sys.executable, "-m", "console.app", "--host", host, "--port", str(port)]
    reachable = LOOPBACK if host in ("0.0.0.0", "::", "") else host
    return Service("staff console", command, ready_url=f"http://{reachable}:{port}/favicon.ico")


def proxied_environment(settings: Settings, env: dict[str, str]) -> dict[str, str]:
    """Behind the proxy: the browser reaches Rasa through it, and the replicas trust its X-Forwarded-For."""
    env = dict(env)
    origins = proxy_origins(settings)
    env.setdefault("HELPBOT_PUBLIC_RASA_URL", origins[0])
    env.setdefault("HELPBOT_TRUSTED_PROXIES", LOOPBACK)
    env["HELPBOT_CORS_ORIGINS"] = ",".join((*origins, *settings.cors_origins))
    return env
