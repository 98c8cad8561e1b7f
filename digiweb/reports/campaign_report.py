"""The campaign report: the consolidated figures of the dashboard (sent plans and their
projects, never drafts), its charts, the summary by department, the digital maturity and the
ratings, rendered as a PDF in either language."""

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _

from digiweb import clock
from digiweb.campaigns.models import Campaign, campaign_departments
from digiweb.dashboard.charts import bar_chart, donut_chart
from digiweb.dashboard.maturity import maturity_figures
from digiweb.dashboard.services import NONE_KEY, consolidated_stats
from digiweb.dashboard.summary import summary_text
from digiweb.extensions import db
from digiweb.i18n import fmt_amount, language
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Project,
    ProjectKind,
    ProjectStatus,
    Rating,
    Target,
    Technology,
)
from digiweb.projects.schema import MATURITY_LEVELS, level_label
from digiweb.reports import pdf
from digiweb.reports.rendering import DocumentFrame, NotFound, render_document, rendering_language
from digiweb.review.ratings import ratings_matrix

# --- consolidated figures and charts (the statistics of the dashboard) ------------------------


def campaign_stats(campaign: Campaign) -> dict:
    """The consolidated figures of the dashboard: sent plans (submitted, returned, approved)
    and their projects, never drafts."""
    return consolidated_stats(campaign.year)


def first_sent_at():
    """Each plan's first sending to the ministry: its first « sent » event, else its
    `submitted_at` (a later sending after a return does not move it)."""
    first_event = (
        sa.select(sa.func.min(PlanEvent.created_at))
        .where(PlanEvent.plan_id == Plan.id, PlanEvent.kind == PlanEventKind.SUBMITTED)
        .correlate(Plan)
        .scalar_subquery()
    )
    return sa.func.coalesce(first_event, Plan.submitted_at)


def figures_as_of(campaign: Campaign, moment: datetime) -> dict:
    """The consolidated figures of the campaign as they stood at `moment` (a meeting's start):
    the plans first sent on or before it and still sent now, with their projects. A plan sent
    afterwards never changes them. Keys: those of `reports/_figures.html` and `as_of`."""
    invited = db.session.scalar(
        sa.select(sa.func.count()).where(campaign_departments.c.campaign_id == campaign.id)
    )
    sent = (
        sa.select(Plan.id)
        .where(
            Plan.campaign_id == campaign.id,
            Plan.status.in_(SENT_STATUSES),
            # A sent plan without any date (never through the workflow) counts as sent before.
            sa.or_(first_sent_at().is_(None), first_sent_at() <= moment),
        )
        .subquery()
    )
    plans = db.session.scalar(sa.select(sa.func.count()).select_from(sent))
    by_target = dict(
        db.session.execute(
            sa.select(Project.target, sa.func.count())
            .where(Project.plan_id.in_(sa.select(sent.c.id)))
            .group_by(Project.target)
        ).all()
    )
    return {
        "year": campaign.year,
        "as_of": moment,
        "departments_invited": invited,
        "departments_submitted": plans,
        "projects": sum(by_target.values()),
        "by_target": {
            "citizens": by_target.get(Target.CITIZENS, 0),
            "economic_operators": by_target.get(Target.ECONOMIC_OPERATORS, 0),
        },
    }


def _items(enum, counts: dict) -> list[tuple[str, int]]:
    items = [(member.label, counts.get(member.value, 0)) for member in enum]
    if counts.get(NONE_KEY):
        items.append((_("Not specified"), counts[NONE_KEY]))
    return items


def campaign_charts(stats: dict) -> dict:
    """The dashboard's charts (inline SVG shapes, labels and figures as HTML text)."""

    def bars(enum, key: str, title: str, label_header: str, chart_id: str, **options):
        return bar_chart(
            _items(enum, stats[key]),
            title=title,
            label_header=label_header,
            chart_id=chart_id,
            width=150,
            **options,
        )

    return {
        "target": donut_chart(
            _items(Target, stats["by_target_detail"]),
            title=_("Projects by target"),
            chart_id="pdf-target",
            size=150,
        ),
        "target_budget": bars(
            Target,
            "budget_by_target",
            _("Budget by target"),
            _("Target"),
            "pdf-budget",
            value_header=_("Budget"),
            value_format=fmt_amount,
        ),
        "technology": bars(
            Technology,
            "by_technology",
            _("Projects by technology"),
            _("Technology"),
            "pdf-technology",
            total=stats["projects"],
        ),
        "status": bars(
            ProjectStatus, "by_status", _("Projects by status"), _("Status"), "pdf-status"
        ),
        "kind": bars(ProjectKind, "by_kind", _("Projects by kind"), _("Kind"), "pdf-kind"),
    }


@dataclass
class DepartmentRow:
    code: str
    name: str
    status: PlanStatus | None
    sent: bool
    projects: int
    budget: int
    citizens: int = 0
    economic_operators: int = 0
    administration: int = 0

    @property
    def other(self) -> int:
        return self.projects - self.citizens - self.economic_operators - self.administration


def department_rows(stats: dict, targets: dict[int, Counter] | None = None) -> list[DepartmentRow]:
    """Every invited department, by code, with its plan's status and, once sent, its figures
    (and, given `targets`, its projects by target)."""
    targets = targets or {}
    rows = []
    for row in sorted(stats["by_department"], key=lambda row: row["code"]):
        counts = targets.get(row["id"], Counter()) if row["sent"] else Counter()
        rows.append(
            DepartmentRow(
                code=row["code"],
                name=row["name_fr"] if language() == "fr" else row["name_ar"],
                status=row["status"],
                sent=row["sent"],
                projects=row["projects"],
                budget=row["budget"],
                citizens=counts[Target.CITIZENS.value],
                economic_operators=counts[Target.ECONOMIC_OPERATORS.value],
                administration=counts[Target.ADMINISTRATION.value],
            )
        )
    return rows


# --- the report ------------------------------------------------------------------------------


def find_campaign(year: int) -> Campaign | None:
    return db.session.scalar(db.select(Campaign).where(Campaign.year == year))


def department_targets(campaign: Campaign) -> dict[int, Counter]:
    """{department id: Counter(target value -> projects)} over the campaign's sent plans: one
    GROUP BY, whatever the number of projects (the report's summary by department)."""
    rows = db.session.execute(
        db.select(Project.department_id, Project.target, sa.func.count())
        .join(Plan, Project.plan_id == Plan.id)
        .where(Plan.campaign_id == campaign.id, Plan.status.in_(SENT_STATUSES))
        .group_by(Project.department_id, Project.target)
    )
    result: dict[int, Counter] = {}
    for department_id, target, count in rows:
        result.setdefault(department_id, Counter())[target.value if target else NONE_KEY] += count
    return result


def campaign_context(campaign: Campaign, on: date | None = None) -> dict:
    stats = campaign_stats(campaign)
    frame = DocumentFrame(
        kind="campaign",
        title=_("Report on the %(year)s campaign", year=campaign.year),
        reference=f"RPT-{campaign.year}",
        date=on or clock.today(),
        lang=language(),
        subject=campaign.title,
    )
    targets = department_targets(campaign)
    return {
        "doc": frame,
        "campaign": campaign,
        "figures": stats,
        "summary": summary_text(stats),
        "charts": campaign_charts(stats),
        "departments": department_rows(stats, targets),
        # Digital maturity of the procedures and the two ratings (issue 16).
        "maturity": maturity_figures(campaign.year),
        "ratings": ratings_matrix(campaign.year),
        "level_labels": [level_label(level) for level in range(len(MATURITY_LEVELS))],
        "rating_labels": {r.value: r.label for r in Rating},
    }


def campaign_html(year: int, lang: str, on: date | None = None) -> str:
    campaign = find_campaign(year)
    if campaign is None:
        raise NotFound(year)
    with rendering_language(lang):
        return render_document("reports/campaign.html", **campaign_context(campaign, on))


def render_campaign_pdf(year: int, lang: str) -> bytes:
    return pdf.html_to_pdf(campaign_html(year, lang))
