"""The nginx configuration from deploy/nginx/: every replica upstream, socket.io sticky with the
websocket upgrade, the body cap, X-Forwarded-For; and nginx itself accepts it (`nginx -t`)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from bot.proxy import ProxyPlan, nginx_binary, nginx_command, site_config, write_config

PLAN = ProxyPlan(listen="8000", rasa_servers=("127.0.0.1:5005", "127.0.0.1:5006", "127.0.0.1:5007"),
                 site="127.0.0.1:8080", max_body_bytes=65536, access_log="/tmp/access.log")  # fmt: skip


def block(config: str, name: str) -> str:
    found = re.search(name + r" \{(.*?)\n\}", config, re.S)
    assert found, name
    return found.group(1)


def test_rest_and_teams_are_spread_over_every_replica() -> None:
    upstream = block(site_config(PLAN), "upstream helpbot_rasa")
    assert re.findall(r"server (\S+) max_fails", upstream) == list(PLAN.rasa_servers)
    assert "ip_hash" not in upstream
    assert re.search(r"location /webhooks/ \{[^}]*proxy_pass http://helpbot_rasa;", site_config(PLAN))


def test_socket_io_is_sticky_and_upgrades_to_websocket() -> None:
    config = site_config(PLAN)
    assert "ip_hash;" in block(config, "upstream helpbot_socketio")
    location = re.search(r"location /socket.io/ \{(.*?)\}", config, re.S)
    assert location
    assert "proxy_set_header Upgrade $http_upgrade;" in location.group(1)
    assert "proxy_pass http://helpbot_socketio;" in location.group(1)


def test_bodies_are_capped_and_the_client_address_forwarded() -> None:
    config = site_config(PLAN)
    assert "client_max_body_size 65536;" in config
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
    assert "proxy_next_upstream error timeout http_502 http_503;" in config


def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    nginx = nginx_binary()
    if nginx is None:
        pytest.skip("nginx is not installed and could not be (scripts/ensure-nginx.sh needs root and apt-get)")
    write_config(PLAN, tmp_path)
    result = subprocess.run([*nginx_command(nginx, tmp_path), "-t"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
