"""`flask --app wsgi report minutes|campaign|plan ...`: the official PDFs from the command line."""

from pathlib import Path

import click
from flask.cli import AppGroup

from digiweb.reports import services

report_cli = AppGroup("report", help="Print the official PDF documents.")

LANG_OPTION = click.option(
    "--lang", type=click.Choice(["ar", "fr"]), default="ar", show_default=True
)
OUTPUT_OPTION = click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The PDF file to write.",
)


def _write(output: Path, content: bytes) -> None:
    try:
        output.write_bytes(content)
    except OSError as error:
        raise click.ClickException(f"cannot write {output}: {error.strerror}") from error
    click.echo(f"{output} written ({len(content)} bytes)")


@report_cli.command("minutes")
@click.argument("reference")
@LANG_OPTION
@OUTPUT_OPTION
def minutes_command(reference, lang, output):
    """The minutes of the meeting REFERENCE (e.g. MNS-2021-001); approved minutes are the
    archived PDF."""
    meeting = services.find_meeting(reference.strip())
    if meeting is None:
        raise click.ClickException(f"no meeting with the reference {reference}")
    _write(output, services.minutes_pdf(meeting, lang))


@report_cli.command("campaign")
@click.argument("year", type=int)
@LANG_OPTION
@OUTPUT_OPTION
def campaign_command(year, lang, output):
    """The report on the campaign (questionnaire) of YEAR."""
    if services.find_campaign(year) is None:
        raise click.ClickException(f"no campaign for the year {year}")
    _write(output, services.render_campaign_pdf(year, lang))


@report_cli.command("plan")
@click.argument("year", type=int)
@click.argument("department_code")
@LANG_OPTION
@OUTPUT_OPTION
def plan_command(year, department_code, lang, output):
    """The sheet of the plan of DEPARTMENT_CODE (e.g. MF) in the campaign of YEAR."""
    plan = services.find_plan(year, department_code.strip())
    if plan is None:
        raise click.ClickException(f"no plan of the department {department_code} for {year}")
    _write(output, services.render_plan_pdf(plan, lang))


def register(app) -> None:
    app.cli.add_command(report_cli)
