"""Campaign rules: creation, opening (one plan per invited department), closing."""

from datetime import date

from flask_babel import gettext as _

from digiweb.audit.services import record
from digiweb.campaigns.models import Campaign, CampaignStatus
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus


class CampaignError(Exception):
    """A rule refused the operation; the message is translated for the user."""


def campaign_for_year(year: int) -> Campaign | None:
    return db.session.scalar(db.select(Campaign).where(Campaign.year == year))


def current_campaign() -> Campaign | None:
    """The open campaign of the latest year, else the latest campaign."""
    return db.session.scalar(
        db.select(Campaign).order_by(
            (Campaign.status == CampaignStatus.OPEN).desc(), Campaign.year.desc()
        )
    )


def campaign_years() -> list[int]:
    return list(db.session.scalars(db.select(Campaign.year).order_by(Campaign.year.desc())))


def create_campaign(
    *,
    year: int,
    title_ar: str,
    title_fr: str,
    opens_on: date | None = None,
    deadline: date | None = None,
    instructions_ar: str = "",
    instructions_fr: str = "",
    departments: list[Department] | None = None,
    actor=None,
) -> Campaign:
    if campaign_for_year(year) is not None:
        raise CampaignError(_("A campaign already exists for %(year)s.", year=year))
    if departments is None:
        departments = list(
            db.session.scalars(
                db.select(Department).where(Department.active).order_by(Department.code)
            )
        )
    campaign = Campaign(
        year=year,
        title_ar=title_ar,
        title_fr=title_fr,
        opens_on=opens_on,
        deadline=deadline,
        instructions_ar=instructions_ar,
        instructions_fr=instructions_fr,
        invited_departments=departments,
    )
    db.session.add(campaign)
    db.session.flush()
    record(
        "campaign_created",
        "campaign",
        campaign.id,
        label=str(year),
        actor=actor,
        changes={"year": [None, year], "invited": [None, [d.code for d in departments]]},
    )
    return campaign


def open_campaign(campaign: Campaign, actor=None) -> list[Plan]:
    """Open the questionnaire: every invited department gets its (not started) plan."""
    if campaign.status == CampaignStatus.OPEN:
        raise CampaignError(_("This campaign is already open."))
    if not campaign.invited_departments:
        raise CampaignError(_("Invite at least one department before opening the campaign."))
    existing = set(
        db.session.scalars(db.select(Plan.department_id).where(Plan.campaign_id == campaign.id))
    )
    created = []
    for department in campaign.invited_departments:
        if department.id in existing:
            continue
        plan = Plan(campaign=campaign, department=department, status=PlanStatus.NOT_STARTED)
        db.session.add(plan)
        created.append(plan)
    db.session.flush()
    for plan in created:
        db.session.add(
            PlanEvent(plan=plan, kind=PlanEventKind.CREATED, actor_id=actor.id if actor else None)
        )
    old = campaign.status
    campaign.status = CampaignStatus.OPEN
    record(
        "campaign_opened",
        "campaign",
        campaign.id,
        label=str(campaign.year),
        actor=actor,
        changes={"status": [old.value, "open"], "plans_created": [0, len(created)]},
    )
    return created


def close_campaign(campaign: Campaign, actor=None) -> None:
    """Closing stops edits by officers; reviewers can still act."""
    if campaign.status != CampaignStatus.OPEN:
        raise CampaignError(_("Only an open campaign can be closed."))
    campaign.status = CampaignStatus.CLOSED
    record(
        "campaign_closed",
        "campaign",
        campaign.id,
        label=str(campaign.year),
        actor=actor,
        changes={"status": ["open", "closed"]},
    )
