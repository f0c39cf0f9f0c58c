"""The `helpbot` command: ingest postings, serve the assistant."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import click

from base.settings import PROJECT_ROOT, get_settings
from bot.applications_cli import applications
from bot.staff_cli import staff
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


def server_environment() -> dict[str, str]:
    """The environment both servers run with: telemetry off unless asked for, our action port."""
    settings = get_settings()
    env = dict(os.environ)
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("HELPBOT_ACTION_URL", f"http://localhost:{settings.action_server_port}/webhook")
    env.setdefault("HELPBOT_ACTION_SECRET", settings.action_secret)
    env.setdefault("HELPBOT_TRACKER_DB", str(PROJECT_ROOT / "var" / "conversations.db"))
    return env


def server_commands(model: Path) -> dict[str, list[str]]:
    """The action server, Rasa server and careers site command lines."""
    settings = get_settings()
    bot_dir = PROJECT_ROOT / "bot"
    return {
        "action server": [
            sys.executable, "-m", "rasa_sdk", "--actions", "actions", "--port", str(settings.action_server_port),
        ],
        "rasa server": [
            sys.executable, "-m", "bot.rasa_server", "run", "--model", str(model),
            "--endpoints", str(bot_dir / "endpoints.yml"), "--credentials", str(bot_dir / "credentials.yml"),
            "--port", str(settings.rasa_port), "--cors", *settings.cors_origins,
        ],
        "careers site": [sys.executable, "-m", "bot.website", "--port", str(settings.web_port)],
        "staff console": [
            sys.executable, "-m", "console.app", "--host", settings.console.host, "--port", str(settings.console.port),
        ],
    }  # fmt: skip


def _announce_when_ready(url: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            with urllib.request.urlopen(url, timeout=2):
                site = f"http://localhost:{get_settings().web_port}/"
                console = f"{get_settings().console.public_url}/"
                click.echo(
                    f"\nhelpbot is ready: careers site {site}, staff console {console}, "
                    f"REST POST {url}webhooks/rest/webhook (Ctrl-C stops it)\n"
                )
                return
        except OSError:
            time.sleep(1)


@main.command()
@click.option(
    "--model",
    type=click.Path(path_type=Path),
    default=MODEL_DIR / "helpbot.tar.gz",
    show_default=True,
    help="Trained Rasa model to serve.",
)
def serve(model: Path) -> None:
    """Start the action server, the Rasa server, the careers site and the staff console; Ctrl-C stops them."""
    if not model.exists():
        raise click.ClickException(f"no trained model at {model}: run `make train` first")
    env = server_environment()
    processes = {
        name: subprocess.Popen(command, cwd=PROJECT_ROOT, env=env) for name, command in server_commands(model).items()
    }
    stop = threading.Event()
    url = f"http://localhost:{get_settings().rasa_port}/"
    threading.Thread(target=_announce_when_ready, args=(url, stop), daemon=True).start()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    exit_code = 0
    try:
        while True:
            for name, process in processes.items():
                if process.poll() is not None:
                    click.echo(f"the {name} stopped (exit code {process.returncode}); stopping helpbot", err=True)
                    exit_code = process.returncode or 1
                    raise KeyboardInterrupt
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        _stop_all(list(processes.values()))
    sys.exit(exit_code)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + 15
    for process in processes:
        try:
            process.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            process.kill()


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
