"""nginx in front of the replicas: the configuration from deploy/nginx/, and where nginx is."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from base.settings import PROJECT_ROOT

TEMPLATES = PROJECT_ROOT / "deploy" / "nginx"
NGINX_PATHS = ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx")
_templates = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined, keep_trailing_newline=True)


@dataclass(frozen=True)
class ProxyPlan:
    """What nginx serves: its port, the Rasa replicas, the careers site, the body cap."""

    listen: str
    rasa_servers: tuple[str, ...]
    site: str
    max_body_bytes: int
    access_log: str = "/var/log/nginx/helpbot.access.log"


def site_config(plan: ProxyPlan) -> str:
    """The `http`-level configuration (upstreams and server) for an existing nginx's conf.d."""
    return _templates.get_template("helpbot.conf.j2").render(
        listen=plan.listen,
        rasa_servers=plan.rasa_servers,
        site=plan.site,
        max_body_bytes=plan.max_body_bytes,
        access_log=plan.access_log,
    )


def standalone_config(plan: ProxyPlan, prefix: Path) -> str:
    """A whole nginx.conf that keeps its pid, logs and temporary files in `prefix`."""
    return _templates.get_template("nginx.conf.j2").render(prefix=prefix, site_config=site_config(plan))


def nginx_binary() -> str | None:
    """The nginx executable (Debian's package puts it in /usr/sbin), or None."""
    found = shutil.which("nginx")
    if found:
        return found
    return next((path for path in NGINX_PATHS if Path(path).is_file()), None)


def nginx_command(binary: str, prefix: Path) -> list[str]:
    """nginx in the foreground on the configuration written to `prefix`/nginx.conf."""
    return [binary, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", "stderr"]


def write_config(plan: ProxyPlan, prefix: Path) -> Path:
    """Write the standalone configuration into `prefix` (created, readable by nginx's workers)."""
    prefix.mkdir(parents=True, exist_ok=True)
    prefix.chmod(0o755)  # workers drop root; they must reach their temporary folders
    path = prefix / "nginx.conf"
    path.write_text(standalone_config(plan, prefix))
    return path
