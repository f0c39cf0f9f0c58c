"""What `helpbot serve` starts: N replicas on consecutive ports, each Rasa server with its own action
server; behind the proxy on loopback only; the environment without the parent's import side effects."""

from __future__ import annotations

from pathlib import Path

import pytest

from base.settings import get_settings, reset_settings
from bot.stack import console_service, launch_environment, proxied_environment, services


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch) -> object:
    for name, value in {"HELPBOT_RASA_PORT": "6005", "HELPBOT_ACTION_PORT": "6055", "HELPBOT_WEB_PORT": "6080",
                        "HELPBOT_PROXY_PORT": "6000", "HELPBOT_CORS_ORIGINS": "https://careers.example.org",
                        "HELPBOT_ACTION_SECRET": "s", "HELPBOT_SECRET_KEY": "k"}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    reset_settings()
    yield get_settings()
    reset_settings()


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def test_one_replica_is_what_make_run_starts(settings: object, tmp_path: Path) -> None:
    planned = {s.name: s for s in services(get_settings(), tmp_path / "m.tar.gz", 1)}
    assert list(planned) == ["action server", "rasa server", "careers site", "staff console"]
    rasa = planned["rasa server"].command
    assert option(rasa, "--port") == "6005" and option(rasa, "--interface") == "0.0.0.0"
    assert "--enable-api" not in rasa  # Rasa's HTTP API stays off
    assert option(rasa, "--endpoints").endswith("bot/endpoints.yml")
    other = services(get_settings(), tmp_path / "m.tar.gz", 1, endpoints=tmp_path / "endpoints.yml")[1].command
    assert option(other, "--endpoints") == str(tmp_path / "endpoints.yml")
    assert not any(s.replica for s in planned.values())


def test_replicas_run_on_consecutive_ports_each_with_its_action_server(settings: object, tmp_path: Path) -> None:
    planned = services(get_settings(), tmp_path / "m.tar.gz", 3)
    rasa = [s for s in planned if s.name.startswith("rasa server")]
    actions = [s for s in planned if s.name.startswith("action server")]
    assert [option(s.command, "--port") for s in rasa] == ["6005", "6006", "6007"]
    assert [option(s.command, "--port") for s in actions] == ["6055", "6056", "6057"]
    assert [s.env["HELPBOT_ACTION_URL"] for s in rasa] == [f"http://127.0.0.1:{p}/webhook" for p in (6055, 6056, 6057)]
    assert all(s.replica for s in rasa + actions)


def test_behind_the_proxy_replicas_listen_on_loopback_and_nginx_is_configured(settings: object, tmp_path: Path) -> None:
    planned = {s.name: s for s in services(get_settings(), tmp_path / "m.tar.gz", 2, proxy_dir=tmp_path / "nginx",
                                           nginx="/usr/sbin/nginx")}  # fmt: skip
    assert option(planned["rasa server 1"].command, "--interface") == "127.0.0.1"
    assert option(planned["careers site"].command, "--host") == "127.0.0.1"
    assert planned["nginx"].command[:3] == ["/usr/sbin/nginx", "-p", str(tmp_path / "nginx")]
    config = (tmp_path / "nginx" / "nginx.conf").read_text()
    assert "server 127.0.0.1:6005 " in config and "server 127.0.0.1:6006 " in config and "listen 6000;" in config
    env = proxied_environment(get_settings(), {})
    assert env["HELPBOT_TRUSTED_PROXIES"] == "127.0.0.1"
    assert env["HELPBOT_PUBLIC_RASA_URL"] == "http://localhost:6000"
    assert env["HELPBOT_CORS_ORIGINS"].split(",") == [
        "http://localhost:6000", "http://127.0.0.1:6000", "https://careers.example.org"
    ]  # fmt: skip


def test_the_servers_do_not_inherit_what_this_process_s_imports_set(settings: object) -> None:
    import sklearn  # noqa: F401  (sets KMP_INIT_AT_FORK and KMP_DUPLICATE_LIB_OK here, as serve's imports do)

    env = launch_environment(get_settings(), {"KMP_INIT_AT_FORK": "FALSE", "KMP_DUPLICATE_LIB_OK": "True", "A": "b"})
    assert "KMP_INIT_AT_FORK" not in env and "KMP_DUPLICATE_LIB_OK" not in env
    assert env["A"] == "b" and env["RASA_TELEMETRY_ENABLED"] == "false" and env["HELPBOT_ACTION_SECRET"] == "s"


def test_an_explicit_telemetry_choice_is_kept(settings: object) -> None:
    assert launch_environment(get_settings(), {"RASA_TELEMETRY_ENABLED": "true"})["RASA_TELEMETRY_ENABLED"] == "true"


def test_serve_starts_the_staff_console_on_loopback(settings: object, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HELPBOT_CONSOLE_HOST", "HELPBOT_CONSOLE_PORT"):
        monkeypatch.delenv(name, raising=False)
    reset_settings()
    console = {s.name: s for s in services(get_settings(), Path("m.tar.gz"), 2, proxy_dir=Path("/tmp/n"),
                                           nginx="nginx")}["staff console"]  # fmt: skip
    assert console.command[1:] == ["-m", "console.app", "--host", "127.0.0.1", "--port", "8090"]
    assert not console.replica
    monkeypatch.setenv("HELPBOT_CONSOLE_PORT", "9100")
    reset_settings()
    assert console_service(get_settings()).command[-1] == "9100"
