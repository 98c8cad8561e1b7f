"""`flask --app wsgi audit verify|head`: check the audit log's hash chain, print its head."""

import click
from flask.cli import AppGroup

from digiweb.audit import chain

audit_cli = AppGroup("audit", help="Check the audit log's hash chain.")


@audit_cli.command("verify")
@click.option(
    "--head",
    "expected_head",
    default=None,
    help="A head printed earlier by `audit head`: it must still be in the chain.",
)
def verify_command(expected_head):
    """Recompute every entry's hash in chain order. Exit 0 and the number of entries checked
    when the chain holds; exit 1 naming the first entry altered, removed or inserted."""
    verdict = chain.verify(expected_head=expected_head)
    if not verdict.ok:
        click.echo(f"audit chain BROKEN after {verdict.checked} good entries: {verdict.problem}")
        raise SystemExit(1)
    click.echo(f"audit chain OK: {verdict.checked} entries checked, head {verdict.head}")


@audit_cli.command("head")
def head_command():
    """Print the latest entry's position and hash, to keep somewhere else (a printout, another
    system): `audit verify --head HASH` later proves that nothing was cut from the end."""
    seq, digest = chain.head()
    click.echo(f"{seq} {digest}")


def register(app) -> None:
    app.cli.add_command(audit_cli)
