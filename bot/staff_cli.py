"""`helpbot staff ...`: the console's accounts (local with a password, or Microsoft directory users)."""

from __future__ import annotations

import click

from staff import audit, sessions
from staff.accounts import ROLES, AccountError, add_account, list_accounts, set_disabled, set_password, set_role
from staff.passwords import MIN_LENGTH, WeakPassword

ACTOR = "command line"


@click.group()
def staff() -> None:
    """Helpdesk staff accounts for the console."""


@staff.command("add")
@click.argument("name")
@click.option(
    "--role",
    type=click.Choice(ROLES),
    required=True,
    help="reviewer: transcripts and hand-offs; admin: also staff and postings.",
)
@click.option("--directory", is_flag=True, help="A Microsoft Entra ID user (NAME is their sign-in name); no password.")
def add_command(name: str, role: str, directory: bool) -> None:
    """Add an account; a local one is asked for its password (typed twice, never shown)."""
    password = None
    if not directory:
        password = click.prompt(
            f"Password for {name} (at least {MIN_LENGTH} characters)", hide_input=True, confirmation_prompt=True
        )
    try:
        account = add_account(name, role=role, password=password, directory=directory)
    except (AccountError, WeakPassword) as exc:
        raise click.ClickException(str(exc)) from None
    audit.record(audit.STAFF_ADDED, actor=ACTOR, subject=account.name, detail=f"{account.kind}, {account.role}")
    click.echo(f"Added {account.name} ({account.role}, signs in with {'Microsoft' if directory else 'a password'}).")


def _disable(name: str, disabled: bool) -> None:
    try:
        account = set_disabled(name, disabled)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    if disabled:
        sessions.end_all_for(account.name)
    audit.record(audit.STAFF_DISABLED if disabled else audit.STAFF_ENABLED, actor=ACTOR, subject=account.name)
    click.echo(f"{account.name} is {'disabled: signed out everywhere' if disabled else 'enabled'}.")


@staff.command("disable")
@click.argument("name")
def disable_command(name: str) -> None:
    """Disable an account: no more sign-ins, and its sessions end."""
    _disable(name, True)


@staff.command("enable")
@click.argument("name")
def enable_command(name: str) -> None:
    """Enable a disabled account again."""
    _disable(name, False)


@staff.command("role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
def role_command(name: str, role: str) -> None:
    """Give an account another role (its sessions end)."""
    try:
        account = set_role(name, role)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    sessions.end_all_for(account.name)
    audit.record(audit.STAFF_CHANGED, actor=ACTOR, subject=account.name, detail=f"role {role}")
    click.echo(f"{account.name} is now {role}.")


@staff.command("password")
@click.argument("name")
def password_command(name: str) -> None:
    """Set a new password for a local account (its sessions end)."""
    password = click.prompt(f"New password for {name}", hide_input=True, confirmation_prompt=True)
    try:
        account = set_password(name, password)
    except (AccountError, WeakPassword) as exc:
        raise click.ClickException(str(exc)) from None
    sessions.end_all_for(account.name)
    audit.record(audit.STAFF_CHANGED, actor=ACTOR, subject=account.name, detail="password")
    click.echo(f"New password set for {account.name}.")


@staff.command("list")
def list_command() -> None:
    """List the accounts."""
    accounts = list_accounts()
    if not accounts:
        click.echo("No staff accounts yet: `helpbot staff add NAME --role admin` creates the first.")
        return
    for a in accounts:
        state = "disabled" if a.disabled else "active"
        click.echo(f"{a.name:<40} {a.role:<9} {'microsoft' if a.kind == 'directory' else 'password':<9} {state}")
