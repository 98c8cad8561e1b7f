"""`flask --app wsgi stats --year YEAR --format json|text [--lang ar|fr]`: the consolidated
figures of a campaign, as the JSON of the contract (the same as `GET /api/v1/stats`) or as a
readable report (the generated summary and the tables)."""

import json

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from digiweb.campaigns.services import campaign_years
from digiweb.dashboard.charts import fmt_percent
from digiweb.dashboard.services import UnknownYearError, consolidated_stats, stats_json
from digiweb.dashboard.summary import summary_text
from digiweb.i18n import LANGUAGES, fmt_number
from digiweb.plans.models import PlanStatus, ProjectKind, ProjectStatus, Target, Technology


def _table(title: str, rows: list[tuple[str, ...]]) -> list[str]:
    """A titled block of rows whose columns are padded to the same width."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))] if rows else []
    lines = ["", title, "-" * len(title)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=True)]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _labelled(counts: dict, enum) -> list[tuple[str, str]]:
    rows = [(member.label, fmt_number(counts.get(member.value, 0))) for member in enum]
    if counts.get("none"):
        rows.append((_("Not specified"), fmt_number(counts["none"])))
    return rows


def text_report(stats: dict, lang: str = "ar") -> str:
    """The consolidated figures as plain text in `lang`: summary sentence, then tables."""
    with force_locale(LANGUAGES[lang]):
        title = _("Consolidated figures of the %(year)s campaign", year=stats["year"])
        invited, sent = stats["departments_invited"], stats["departments_submitted"]
        approved = stats["departments_approved"]
        lines = [title, "=" * len(title), "", summary_text(stats)]
        lines += _table(
            _("Departments and projects"),
            [
                (_("Ministerial departments invited"), fmt_number(invited)),
                (_("Plans sent"), f"{fmt_number(sent)} ({fmt_percent(sent, invited)})"),
                (_("Plans approved"), f"{fmt_number(approved)} ({fmt_percent(approved, sent)})"),
                (_("Projects"), fmt_number(stats["projects"])),
                (
                    _("Projects accepted by the ministry"),
                    f"{fmt_number(stats['accepted_projects'])} "
                    f"({fmt_percent(stats['accepted_projects'], stats['projects'])})",
                ),
                (_("Total budget"), f"{fmt_number(stats['budget_dzd'])} {_('DZD')}"),
            ],
        )
        lines += _table(_("Projects by target"), _labelled(stats["by_target_detail"], Target))
        lines += _table(_("Projects by kind"), _labelled(stats["by_kind"], ProjectKind))
        lines += _table(_("Projects by technology"), _labelled(stats["by_technology"], Technology))
        lines += _table(_("Projects by status"), _labelled(stats["by_status"], ProjectStatus))
        lines += _table(
            _("Plans by status"),
            [(s.label, fmt_number(stats["plans_by_status"][s.value])) for s in PlanStatus],
        )
        name = "name_fr" if lang == "fr" else "name_ar"
        lines += _table(
            _("Projects by department"),
            [
                (
                    d["code"],
                    d[name],
                    d["status"].label if d["status"] else _("No plan"),
                    fmt_number(d["projects"]) if d["sent"] else "–",
                )
                for d in stats["by_department"]
            ],
        )
    return "\n".join(lines) + "\n"


@click.command("stats")
@click.option("--year", type=int, required=True, help="Year of the campaign.")
@click.option(
    "--format", "output", type=click.Choice(["json", "text"]), default="json", show_default=True
)
@click.option("--lang", type=click.Choice(sorted(LANGUAGES)), default="ar", show_default=True)
@with_appcontext
def stats_command(year: int, output: str, lang: str) -> None:
    """The consolidated figures of the campaign of YEAR (sent plans only, never drafts)."""
    try:
        stats = consolidated_stats(year)
    except UnknownYearError:
        with force_locale(LANGUAGES[lang]):
            known = ", ".join(str(y) for y in sorted(campaign_years())) or "–"
            message = _(
                "No campaign for the year %(year)s. Campaigns: %(years)s.", year=year, years=known
            )
        raise click.ClickException(message) from None
    if output == "json":
        click.echo(json.dumps(stats_json(stats), ensure_ascii=False, indent=2))
    else:
        click.echo(text_report(stats, lang), nl=False)


def register(app) -> None:
    app.cli.add_command(stats_command)
