"""`helpbot applications ...`: import the HR export, the transcript queue, transcript decisions."""

from __future__ import annotations

from pathlib import Path

import click

from applications import transcripts
from applications.importer import ImportRejected, import_export
from applications.statuses import TRANSCRIPT_STATUSES
from base.settings import get_settings
from knowledge.catalog import get_catalog
from staff import audit


@click.group()
def applications() -> None:
    """Applications from the HR system, for helpdesk staff."""


@applications.command("import")
@click.argument("csv_file", type=click.Path(path_type=Path, dir_okay=False))
def import_command(csv_file: Path) -> None:
    """Import (upsert) an HR export CSV; nothing is imported when any line is bad."""
    postings = [p.posting_id for p in get_catalog().postings()]
    try:
        report = import_export(csv_file, postings)
    except ImportRejected as rejected:
        for problem in rejected.problems:
            click.echo(f"error: {problem}", err=True)
        raise click.ClickException(f"{csv_file.name}: {rejected}") from None
    click.echo(f"{csv_file.name}: {report.inserted} inserted, {report.updated} updated, {report.unchanged} unchanged.")


@applications.command("transcripts")
def transcripts_command() -> None:
    """List applications whose transcripts await verification, oldest first."""
    queue = transcripts.pending(get_settings().today())
    if not queue:
        click.echo("No transcripts are waiting for verification.")
        return
    click.echo(f"{'APPLICATION':<20} {'POSTING':<40} {'TRANSCRIPT':<28} {'DAYS WAITING':>12}")
    for item in queue:
        click.echo(
            f"{item.application_id:<20} {item.posting_id:<40} {item.transcript_status:<28} {item.days_waiting:>12}"
        )


@applications.command("set-transcript")
@click.argument("application_id")
@click.argument("status", type=click.Choice(list(TRANSCRIPT_STATUSES)), metavar="STATUS")
@click.option("--note", default=None, help="Why, for the record.")
@click.option("--staff", default=None, help="Who decided.")
def set_transcript_command(application_id: str, status: str, note: str | None, staff: str | None) -> None:
    """Record a transcript decision for APPLICATION_ID (audited); the bot answers with it at once."""
    try:
        transcripts.decide(application_id, status, today=get_settings().today(), note=note, staff=staff)
    except transcripts.DecisionRejected as rejected:
        raise click.ClickException(str(rejected)) from None
    audit.record(
        audit.DECISION, actor=staff or "command line", subject=application_id, detail=f"{status}: {note or ''}"
    )
    click.echo(f"{application_id}: transcript status is now {status}.")
