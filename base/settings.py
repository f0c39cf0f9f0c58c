"""Settings for every helpbot process, read once from the environment and `.env`."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent


DEFAULT_TEAMS_SERVICE_URLS = (
    "https://smba.trafficmanager.net/",
    "https://smba.infra.gcc.teams.microsoft.com/",
    "https://smba.infra.gov.teams.microsoft.us/",
    "https://smba.infra.dod.teams.microsoft.us/",
)
ANY_TENANT = "*"
DEFAULT_MAX_BODY_BYTES = 64 * 1024
DEFAULT_ACTION_MAX_BODY_BYTES = 4 * 1024 * 1024
DEFAULT_MAX_POSTING_BYTES = 25 * 1024 * 1024


@dataclass(frozen=True)
class TeamsSettings:
    """The Microsoft Teams channel (a single-tenant Azure bot); off while `app_id` is empty."""

    app_id: str
    app_password: str
    tenant_id: str
    openid_url: str
    authority: str
    allowed_tenants: tuple[str, ...]
    service_urls: tuple[str, ...]

    @property
    def token_url(self) -> str:
        return f"{self.authority.rstrip('/')}/{self.tenant_id}/oauth2/v2.0/token"

    @property
    def any_tenant(self) -> bool:
        """Whether `*` opened the channel to every tenant (unsafe: anyone's Teams can talk to the bot)."""
        return ANY_TENANT in self.allowed_tenants

    def tenant_allowed(self, tenant: str | None) -> bool:
        """Whether an activity from `tenant` may reach the bot: our own tenant, those listed, or any with `*`."""
        return self.any_tenant or (tenant is not None and tenant in self.allowed_tenants)


def _list(name: str, default: str = "") -> tuple[str, ...]:
    return tuple(item.strip() for item in _env(name, default).split(",") if item.strip())


def _allowed_tenants(tenant_id: str) -> tuple[str, ...]:
    """The bot's own tenant, widened by HELPBOT_TEAMS_ALLOWED_TENANTS (`*` for any)."""
    own = (tenant_id,) if tenant_id else ()
    return own + tuple(t for t in _list("HELPBOT_TEAMS_ALLOWED_TENANTS") if t != tenant_id)


def _teams_settings() -> TeamsSettings:
    tenant_id = _env("HELPBOT_TEAMS_TENANT_ID", "")
    return TeamsSettings(
        app_id=_env("HELPBOT_TEAMS_APP_ID", ""),
        app_password=_env("HELPBOT_TEAMS_APP_PASSWORD", ""),
        tenant_id=tenant_id,
        openid_url=_env(
            "HELPBOT_TEAMS_OPENID_URL", "https://login.botframework.com/v1/.well-known/openidconfiguration"
        ),
        authority=_env("HELPBOT_TEAMS_AUTHORITY", "https://login.microsoftonline.com"),
        allowed_tenants=_allowed_tenants(tenant_id),
        service_urls=_list("HELPBOT_TEAMS_SERVICE_URLS", ",".join(DEFAULT_TEAMS_SERVICE_URLS)),
    )


@dataclass(frozen=True)
class EntraSettings:
    """Microsoft Entra ID sign-in for the staff console; off while `tenant_id` or `client_id` is empty."""

    tenant_id: str
    client_id: str
    client_secret: str
    authority: str

    @property
    def enabled(self) -> bool:
        return bool(self.tenant_id and self.client_id)

    @property
    def issuer(self) -> str:
        """The issuer every ID token of our tenant carries (and the discovery document's base)."""
        return f"{self.authority.rstrip('/')}/{self.tenant_id}/v2.0"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"


@dataclass(frozen=True)
class ConsoleSettings:
    """The helpdesk staff console: where it listens, the address staff reach it at, its sign-in."""

    host: str
    port: int
    public_url: str
    entra: EntraSettings

    @property
    def secure_cookies(self) -> bool:
        """Cookies are marked Secure when the console is served over https."""
        return self.public_url.startswith("https://")


def _console_settings() -> ConsoleSettings:
    port = int(_env("HELPBOT_CONSOLE_PORT", "8090"))
    return ConsoleSettings(
        host=_env("HELPBOT_CONSOLE_HOST", "127.0.0.1"),
        port=port,
        public_url=_env("HELPBOT_CONSOLE_URL", f"http://localhost:{port}").rstrip("/"),
        entra=EntraSettings(
            tenant_id=_env("HELPBOT_ENTRA_TENANT_ID", ""),
            client_id=_env("HELPBOT_ENTRA_CLIENT_ID", ""),
            client_secret=_env("HELPBOT_ENTRA_CLIENT_SECRET", ""),
            authority=_env("HELPBOT_ENTRA_AUTHORITY", "https://login.microsoftonline.com"),
        ),
    )


@dataclass(frozen=True)
class Settings:
    """Configuration values; every field has an embedded default (see `.env.example`)."""

    database_url: str
    postings_dir: Path
    timezone: str
    rasa_url: str
    action_server_port: int
    rasa_port: int
    cors_origins: tuple[str, ...]
    fixed_today: date | None
    secret_key: str
    action_secret: str
    rate_limit_per_conversation: int
    rate_limit_per_client: int
    status_contact: str
    web_port: int
    public_rasa_url: str
    max_body_bytes: int
    action_max_body_bytes: int
    teams: TeamsSettings
    max_posting_bytes: int = DEFAULT_MAX_POSTING_BYTES
    public_site_url: str | None = None
    console: ConsoleSettings = field(default_factory=_console_settings)

    def today(self) -> date:
        """Today's date in the configured time zone (or the fixed date, for demos and tests)."""
        if self.fixed_today:
            return self.fixed_today
        return datetime.now(ZoneInfo(self.timezone)).date()


def _env(name: str, default: str) -> str:
    value = os.environ.get(name, "").strip()
    return value or default


def _local_secret(name: str) -> str:
    """A random secret kept in var/<name> (mode 600), made on first use, for installs without one."""
    path = PROJECT_ROOT / "var" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_text().strip()


def _default_database_url() -> str:
    return f"sqlite:///{PROJECT_ROOT / 'var' / 'helpbot.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Return the settings, loading `.env` (without overriding the environment) the first time."""
    load_dotenv(PROJECT_ROOT / ".env", override=False)
    return Settings(
        database_url=_env("HELPBOT_DATABASE_URL", _default_database_url()),
        postings_dir=Path(_env("HELPBOT_POSTINGS_DIR", str(PROJECT_ROOT / "knowledge" / "postings"))),
        timezone=_env("HELPBOT_TIMEZONE", "America/Los_Angeles"),
        rasa_url=_env("HELPBOT_RASA_URL", "http://localhost:5005"),
        action_server_port=int(_env("HELPBOT_ACTION_PORT", "5055")),
        rasa_port=int(_env("HELPBOT_RASA_PORT", "5005")),
        cors_origins=tuple(
            o.strip() for o in _env("HELPBOT_CORS_ORIGINS", "http://localhost:8080").split(",") if o.strip()
        ),
        fixed_today=date.fromisoformat(_env("HELPBOT_TODAY", "")) if _env("HELPBOT_TODAY", "") else None,
        secret_key=_env("HELPBOT_SECRET_KEY", "") or _local_secret("secret.key"),
        action_secret=_env("HELPBOT_ACTION_SECRET", "") or _local_secret("action.secret"),
        rate_limit_per_conversation=int(_env("HELPBOT_RATE_LIMIT_PER_CONVERSATION", "30")),
        rate_limit_per_client=int(_env("HELPBOT_RATE_LIMIT_PER_CLIENT", "120")),
        status_contact=_env("HELPBOT_STATUS_CONTACT", ""),
        web_port=int(_env("HELPBOT_WEB_PORT", "8080")),
        public_rasa_url=_env("HELPBOT_PUBLIC_RASA_URL", f"http://localhost:{_env('HELPBOT_RASA_PORT', '5005')}"),
        max_body_bytes=int(_env("HELPBOT_MAX_BODY_BYTES", str(DEFAULT_MAX_BODY_BYTES))),
        action_max_body_bytes=int(_env("HELPBOT_ACTION_MAX_BODY_BYTES", str(DEFAULT_ACTION_MAX_BODY_BYTES))),
        teams=_teams_settings(),
        max_posting_bytes=int(_env("HELPBOT_MAX_POSTING_BYTES", str(DEFAULT_MAX_POSTING_BYTES))),
        public_site_url=_env("HELPBOT_PUBLIC_SITE_URL", "").rstrip("/") or None,
    )


def reset_settings() -> None:
    """Forget the cached settings (tests change the environment between cases)."""
    get_settings.cache_clear()
