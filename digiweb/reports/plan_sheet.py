"""The plan sheet of a department: its projects and the plan's timeline, with the draft mark
until the plan is approved."""

from datetime import date

from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from digiweb import clock
from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import language
from digiweb.plans.models import (
    Plan,
    PlanEvent,
    PlanStatus,
    Project,
)
from digiweb.reports import pdf
from digiweb.reports.rendering import DocumentFrame, render_document, rendering_language


def find_plan(year: int, department_code: str) -> Plan | None:
    return db.session.scalar(
        db.select(Plan)
        .join(Campaign, Campaign.id == Plan.campaign_id)
        .join(Department, Department.id == Plan.department_id)
        .where(Campaign.year == year, Department.code == department_code.upper())
    )


def plan_context(plan: Plan, on: date | None = None) -> dict:
    projects = db.session.scalars(
        db.select(Project).where(Project.plan_id == plan.id).order_by(Project.sequence)
    ).all()
    events = db.session.scalars(
        db.select(PlanEvent)
        .where(PlanEvent.plan_id == plan.id)
        .options(selectinload(PlanEvent.actor), selectinload(PlanEvent.project))
        .order_by(PlanEvent.created_at, PlanEvent.id)
    ).all()
    frame = DocumentFrame(
        kind="plan",
        title=_("Sectoral digitization action plan"),
        reference=f"PLAN-{plan.campaign.year}-{plan.department.code}",
        date=on or clock.today(),
        lang=language(),
        subject=plan.department.name,
        draft_mark="" if plan.is_sent else _("Plan not sent to the ministry"),
        draft=plan.status != PlanStatus.APPROVED,
    )
    actors = {
        u.id: u
        for u in db.session.scalars(
            db.select(User).where(
                User.id.in_([i for i in (plan.submitted_by_id, plan.approved_by_id) if i])
            )
        )
    }
    return {
        "doc": frame,
        "plan": plan,
        "projects": projects,
        "events": events,
        "budget": sum(p.budget_dzd or 0 for p in projects),
        "submitted_by": actors.get(plan.submitted_by_id),
        "approved_by": actors.get(plan.approved_by_id),
        "PlanStatus": PlanStatus,
    }


def plan_html(plan: Plan, lang: str, on: date | None = None) -> str:
    with rendering_language(lang):
        return render_document("reports/plan.html", **plan_context(plan, on))


def render_plan_pdf(plan: Plan, lang: str) -> bytes:
    return pdf.html_to_pdf(plan_html(plan, lang))


def plan_filename(plan: Plan, lang: str) -> str:
    suffix = "" if plan.status == PlanStatus.APPROVED else "-draft"
    return f"plan-{plan.campaign.year}-{plan.department.code}-{lang}{suffix}.pdf"
