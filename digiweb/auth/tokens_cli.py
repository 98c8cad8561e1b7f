"""`flask --app wsgi tokens create USERNAME [--days N] [--name NAME]`: a personal API token for
an account, made from the server (a service account of a BI tool). The token is the LAST line of
the output (scripts read it with `tail -n 1`); it is shown only this once."""

import click
from flask.cli import AppGroup

from digiweb.auth.services import find_user
from digiweb.auth.tokens import DEFAULT_DAYS, MAX_DAYS, create_token
from digiweb.errors import Refusal
from digiweb.transaction import commits

tokens_cli = AppGroup("tokens", help="Personal API tokens (read-only access to /api/v1).")


@tokens_cli.command("create")
@click.argument("username")
@click.option(
    "--days",
    default=DEFAULT_DAYS,
    show_default=True,
    type=click.IntRange(1, MAX_DAYS),
    help="Days before the token expires.",
)
@click.option("--name", default="", help="What the token is for (default: command line).")
@commits
def create_command(username, days, name):
    """Create an API token for USERNAME and print it (last line)."""
    user = find_user(username)
    if user is None:
        raise click.UsageError(f"no user {username}")
    try:
        token, raw = create_token(user, name or "command line", days, actor=None)
    except Refusal as error:
        raise click.ClickException(error.message) from None
    click.echo(
        f"API token {token.id} for {user.username} ({user.role.value}), "
        f"expires {token.expires_at.date().isoformat()}; shown only now:"
    )
    click.echo(raw)


def register(app) -> None:
    app.cli.add_command(tokens_cli)
