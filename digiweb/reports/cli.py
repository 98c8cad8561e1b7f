"""`flask --app wsgi report minutes|campaign|plan ...`: the official PDFs from the command line;
`report verify FILE.pdf`: is this file an archived approved document, with a valid seal?"""

import hashlib
import sys
from pathlib import Path

import click
from flask.cli import AppGroup
from flask_babel import gettext as _

from digiweb.i18n import fmt_date_long
from digiweb.reports import campaign_report, minutes_report, plan_sheet, rendering, signing

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
    meeting = minutes_report.find_meeting(reference.strip())
    if meeting is None:
        raise click.ClickException(f"no meeting with the reference {reference}")
    _write(output, minutes_report.minutes_pdf(meeting, lang))


@report_cli.command("campaign")
@click.argument("year", type=int)
@LANG_OPTION
@OUTPUT_OPTION
def campaign_command(year, lang, output):
    """The report on the campaign (questionnaire) of YEAR."""
    if campaign_report.find_campaign(year) is None:
        raise click.ClickException(f"no campaign for the year {year}")
    _write(output, campaign_report.render_campaign_pdf(year, lang))


@report_cli.command("plan")
@click.argument("year", type=int)
@click.argument("department_code")
@LANG_OPTION
@OUTPUT_OPTION
def plan_command(year, department_code, lang, output):
    """The sheet of the plan of DEPARTMENT_CODE (e.g. MF) in the campaign of YEAR."""
    plan = plan_sheet.find_plan(year, department_code.strip())
    if plan is None:
        raise click.ClickException(f"no plan of the department {department_code} for {year}")
    _write(output, plan_sheet.render_plan_pdf(plan, lang))


def register(app) -> None:
    app.cli.add_command(report_cli)


# Exit codes of `report verify`, one per reason (0: an archived document, intact and sealed).
UNREADABLE, UNKNOWN, CHANGED, BAD_SIGNATURE = 1, 3, 4, 5


def _refuse(code: int, message: str):
    click.echo(message, err=True)
    sys.exit(code)


@report_cli.command("verify")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@LANG_OPTION
def verify_command(file, lang):
    """Is FILE an archived approved document whose signature is valid? Prints its facts (kind,
    reference, language, approval date, approver) and exits 0; otherwise prints the reason and
    exits 1 (unreadable), 3 (unknown), 4 (changed after it was archived) or 5 (bad signature)."""
    try:
        content = file.read_bytes()
    except OSError as error:
        _refuse(UNREADABLE, f"cannot read {file}: {error.strerror}")
    document = minutes_report.archived_document(hashlib.sha256(content).hexdigest())
    if document is None:
        changed = minutes_report.archived_of_same_size(content)
        if changed is not None:
            original, differences = changed
            _refuse(
                CHANGED,
                f"changed: {file} differs from the archived {original.meeting.reference} "
                f"({original.language}) in {differences} byte(s); it is not the approved document",
            )
        seal = signing.check(content)
        if seal.ok:
            _refuse(
                UNKNOWN,
                f"unknown: sealed by {seal.signer}, but no archived document has this fingerprint",
            )
        _refuse(UNKNOWN, f"unknown: no archived document has this fingerprint ({seal.reason})")
    seal = signing.check(content)
    if not seal.ok:
        _refuse(BAD_SIGNATURE, f"bad signature: {seal.reason}")
    with rendering.rendering_language(lang):
        facts = minutes_report.archived_facts(document)
        lines = [
            (_("Document"), facts.kind),
            (_("Reference"), facts.reference),
            (_("Language"), facts.language),
            (_("Approved on"), fmt_date_long(facts.approved_on)),
            (_("Approved by"), facts.approved_by),
            ("SHA-256", facts.sha256),
            (_("Signed by"), seal.signer),
        ]
    for label, value in lines:
        click.echo(f"{label}: {value}")
