"""`flask --app wsgi meetings remind-overdue`: remind the owner departments' officers of their
overdue decisions (in-app, and by e-mail when SMTP is configured), once a day at most. Meant for
a daily cron or systemd timer."""

import click

from digiweb.meetings import bp, decisions
from digiweb.transaction import commits


@bp.cli.command("remind-overdue")
@commits
def remind_overdue():
    """Remind the officers of the overdue open decisions of their department."""
    count = decisions.remind_overdue()
    click.echo(f"{count} overdue decision(s) reminded")
