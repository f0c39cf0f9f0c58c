"""The `helpbot` command: ingest postings, serve the assistant."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import click

from base.settings import PROJECT_ROOT, Settings, get_settings
from bot import preflight
from bot.applications_cli import applications
from bot.proxy import nginx_binary, site_config
from bot.stack import ENDPOINTS, launch_environment, proxied_environment, proxy_plan, services
from bot.staff_cli import staff
from bot.supervisor import Supervisor
from bot.teams_package import build_package
from knowledge.ingest import PostingFileError, ingest_folder

MODEL_DIR = PROJECT_ROOT / "models"


@click.group()
def main() -> None:
    """helpbot: a job-posting assistant built on Rasa."""


@main.command()
@click.option(
    "--postings-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder of posting files: .txt, .pdf, .html, .docx (default: HELPBOT_POSTINGS_DIR or knowledge/postings).",
)
@click.option("--strict", is_flag=True, help="Exit with an error when any file could not be ingested.")
def ingest(postings_dir: Path | None, strict: bool) -> None:
    """Rebuild the knowledge base from the posting files."""
    folder = postings_dir or get_settings().postings_dir
    try:
        report = ingest_folder(folder)
    except PostingFileError as exc:
        raise click.ClickException(str(exc)) from exc
    for posting in report.ingested:
        click.echo(f"{posting.posting_id}: {posting.display_name}")
        click.echo(f"  read:      {posting.source}, {posting.sections} section{'s' if posting.sections != 1 else ''}")
        click.echo(f"  found:     {', '.join(posting.found)}")
        click.echo(f"  not found: {', '.join(posting.missing) or '-'}")
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    click.echo(
        f"Ingested {len(report.ingested)} posting(s) from {folder}"
        f"{f', {len(report.errors)} file(s) skipped' if report.errors else ''} (revision {report.revision})."
    )
    if report.errors and strict:
        sys.exit(1)


def _announce(settings: Settings, replicas: int, proxy: bool) -> Callable[[], None]:
    def announce() -> None:
        if proxy:
            url = f"http://localhost:{settings.proxy_port}/"
            where = f"careers site {url}, REST POST {url}webhooks/rest/webhook through nginx"
        else:
            url = f"http://localhost:{settings.rasa_port}/"
            where = f"careers site http://localhost:{settings.web_port}/, REST POST {url}webhooks/rest/webhook"
        count = f"{replicas} replicas, " if replicas > 1 else ""
        console = f"staff console {settings.console.public_url}/"
        click.echo(f"\nhelpbot is ready: {count}{where}, {console} (Ctrl-C stops it)\n")

    return announce


@main.command()
@click.option(
    "--model",
    type=click.Path(path_type=Path),
    default=MODEL_DIR / "helpbot.tar.gz",
    show_default=True,
    help="Trained Rasa model to serve.",
)
@click.option(
    "--replicas",
    type=click.IntRange(min=1),
    default=None,
    help="Rasa servers and action servers to run, on consecutive ports (default: HELPBOT_REPLICAS or 1). "
    "More than one needs PostgreSQL and Redis.",
)
@click.option("--proxy", is_flag=True, help="Also run nginx in front of them, on HELPBOT_PROXY_PORT.")
@click.option(
    "--run-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=PROJECT_ROOT / "var" / "nginx",
    show_default=True,
    help="Where nginx's configuration, pid and logs go (with --proxy).",
)
@click.option(
    "--endpoints",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    default=ENDPOINTS,
    show_default=True,
    help="Rasa's endpoints file (action server, conversation store, lock store).",
)
def serve(model: Path, replicas: int | None, proxy: bool, run_dir: Path, endpoints: Path) -> None:
    """Start the action servers, the Rasa servers, the careers site and the staff console; Ctrl-C stops them."""
    if not model.exists():
        raise click.ClickException(f"no trained model at {model}: run `make train` first")
    settings = get_settings()
    count = replicas or settings.replicas
    found = preflight.problems(settings, count)
    nginx = nginx_binary() if proxy else None
    if proxy and nginx is None:
        found.append("--proxy needs nginx: install Debian's package (apt-get install nginx)")
    if found:
        for problem in found:
            click.echo(f"error: {problem}", err=True)
        raise click.ClickException("helpbot cannot start (see above)")
    env = launch_environment(settings)
    if proxy:
        env = proxied_environment(settings, env)
    proxy_dir = run_dir.resolve() if proxy else None
    planned = services(settings, model, count, proxy_dir=proxy_dir, nginx=nginx, endpoints=endpoints.resolve())
    supervisor = Supervisor(planned, env, say=lambda line: click.echo(line, err=True))
    sys.exit(supervisor.run(on_ready=_announce(settings, count, proxy)))


@main.command("proxy-config")
@click.option("--replicas", type=click.IntRange(min=1), default=None, help="Rasa replicas (default: HELPBOT_REPLICAS).")
@click.option("--access-log", default="/var/log/nginx/helpbot.access.log", show_default=True)
def proxy_config(replicas: int | None, access_log: str) -> None:
    """Print the nginx configuration (upstreams and server) for conf.d, from the ports in the settings."""
    settings = get_settings()
    click.echo(site_config(proxy_plan(settings, replicas or settings.replicas, access_log)), nl=False)


@main.command("teams-package")
@click.option(
    "--out",
    type=click.Path(path_type=Path, dir_okay=False),
    default=Path("helpbot-teams.zip"),
    show_default=True,
    help="Where to write the app package.",
)
@click.option("--developer-name", default="Human Resources", show_default=True)
@click.option(
    "--website-url",
    default="https://www.example.org",
    show_default=True,
    help="The publisher's website (also used for the privacy and terms links).",
)
def teams_package(out: Path, developer_name: str, website_url: str) -> None:
    """Build the Teams app package to sideload, with HELPBOT_TEAMS_APP_ID as the bot id."""
    app_id = get_settings().teams.app_id
    if not app_id:
        raise click.ClickException("set HELPBOT_TEAMS_APP_ID (the Azure bot's app id) first")
    build_package(out, app_id=app_id, developer_name=developer_name, website_url=website_url)
    click.echo(f"Wrote {out}: upload it in Teams (Apps > Manage your apps > Upload an app).")


main.add_command(applications)
main.add_command(staff)

if __name__ == "__main__":
    main()
