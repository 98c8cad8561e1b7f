"""Campaign rules: creation, opening (one plan per invited department), closing."""

from datetime import date

from flask_babel import gettext as _

from digiweb.audit.services import diff, record, snapshot
from digiweb.campaigns.models import Campaign, CampaignStatus, campaign_departments
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import join_list
from digiweb.plans.models import SENT_STATUSES, Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.transaction import check_version, flush_or_conflict


def campaign_for_year(year: int) -> Campaign | None:
    if not 1 <= year <= 9999:  # ?year=10**30 must not reach the database (PostgreSQL refuses)
        return None
    return db.session.scalar(db.select(Campaign).where(Campaign.year == year))


def current_campaign() -> Campaign | None:
    """The open campaign of the latest year, else the latest campaign."""
    return db.session.scalar(
        db.select(Campaign).order_by(
            (Campaign.status == CampaignStatus.OPEN).desc(), Campaign.year.desc()
        )
    )


def locked_campaign(campaign_id: int) -> Campaign | None:
    """The campaign re-read under a row lock, so that two reviewers opening, closing or editing
    it at once act one after the other (SQLite writers already hold the database lock)."""
    return db.session.scalars(
        db.select(Campaign)
        .where(Campaign.id == campaign_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()


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
        raise Refusal(_("A campaign already exists for %(year)s.", year=year), field="year")
    check_dates(opens_on, deadline)
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
        raise Refusal(_("This campaign is already open."), 409)
    if not campaign.invited_departments:
        raise Refusal(_("Invite at least one department before opening the campaign."), 409)
    created = _create_missing_plans(campaign, actor)
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
        raise Refusal(_("Only an open campaign can be closed."), 409)
    campaign.status = CampaignStatus.CLOSED
    record(
        "campaign_closed",
        "campaign",
        campaign.id,
        label=str(campaign.year),
        actor=actor,
        changes={"status": ["open", "closed"]},
    )


CAMPAIGN_FIELDS = (
    "year",
    "title_ar",
    "title_fr",
    "opens_on",
    "deadline",
    "instructions_ar",
    "instructions_fr",
)


def check_dates(opens_on: date | None, deadline: date | None) -> None:
    if opens_on and deadline and deadline < opens_on:
        raise Refusal(_("The deadline cannot be before the opening date."), field="deadline")


def active_departments() -> list[Department]:
    return list(
        db.session.scalars(db.select(Department).where(Department.active).order_by(Department.code))
    )


def departments_with_plans(campaign: Campaign) -> set[int]:
    """Departments that already have a plan in the campaign: they cannot be un-invited."""
    return set(
        db.session.scalars(db.select(Plan.department_id).where(Plan.campaign_id == campaign.id))
    )


def update_campaign(
    campaign: Campaign, data: dict, departments: list[Department], actor, expected_version
) -> dict:
    """Change a campaign. The year is fixed once the campaign has been opened (the plans and
    project references carry it); a department whose plan exists stays invited; a department
    invited into an open campaign gets its plan at once."""
    check_version(campaign, expected_version)
    year = data.get("year", campaign.year)
    if year != campaign.year:
        if campaign.status != CampaignStatus.DRAFT:
            raise Refusal(
                _("The year of a campaign that has been opened cannot change."), field="year"
            )
        if campaign_for_year(year) is not None:
            raise Refusal(_("A campaign already exists for %(year)s.", year=year), field="year")
    check_dates(data.get("opens_on", campaign.opens_on), data.get("deadline", campaign.deadline))
    with_plans = departments_with_plans(campaign)
    wanted = {d.id for d in departments}
    kept_out = [
        d for d in campaign.invited_departments if d.id in with_plans and d.id not in wanted
    ]
    if kept_out:
        raise Refusal(
            _(
                "These departments already have a plan and stay invited: %(codes)s.",
                codes=join_list(d.code for d in kept_out),
            ),
            field="departments",
        )
    before = snapshot(campaign, CAMPAIGN_FIELDS)
    before["invited"] = [d.code for d in campaign.invited_departments]
    for name in CAMPAIGN_FIELDS:
        if name in data:
            setattr(campaign, name, data[name])
    campaign.invited_departments = sorted(departments, key=lambda d: d.code)
    after = snapshot(campaign, CAMPAIGN_FIELDS)
    after["invited"] = [d.code for d in campaign.invited_departments]
    changes = diff(before, after)
    if not changes:
        return {}
    flush_or_conflict()
    record(
        "campaign_updated",
        "campaign",
        campaign.id,
        label=str(campaign.year),
        actor=actor,
        changes=changes,
    )
    if campaign.status == CampaignStatus.OPEN:
        for plan in _create_missing_plans(campaign, actor):
            record(
                "plan_created",
                "plan",
                plan.id,
                label=f"{campaign.year}-{plan.department.code}",
                actor=actor,
            )
    return changes


def _create_missing_plans(campaign: Campaign, actor) -> list[Plan]:
    """A not started plan, with its « created » event, for each invited department that has
    none yet (opening the campaign, or inviting one more while it is open)."""
    existing = departments_with_plans(campaign)
    created = []
    for department in campaign.invited_departments:
        if department.id not in existing:
            plan = Plan(campaign=campaign, department=department, status=PlanStatus.NOT_STARTED)
            db.session.add(plan)
            created.append(plan)
    db.session.flush()
    for plan in created:
        db.session.add(
            PlanEvent(plan=plan, kind=PlanEventKind.CREATED, actor_id=actor.id if actor else None)
        )
    return created


def campaign_summaries() -> list[dict]:
    """Every campaign with its number of invited departments and of plans per status, in three
    queries whatever the number of campaigns."""
    campaigns = list(db.session.scalars(db.select(Campaign).order_by(Campaign.year.desc())))
    invited = dict(
        db.session.execute(
            db.select(
                campaign_departments.c.campaign_id,
                db.func.count(campaign_departments.c.department_id),
            ).group_by(campaign_departments.c.campaign_id)
        ).all()
    )
    by_status: dict[int, dict[str, int]] = {}
    for campaign_id, status, count in db.session.execute(
        db.select(Plan.campaign_id, Plan.status, db.func.count(Plan.id)).group_by(
            Plan.campaign_id, Plan.status
        )
    ):
        by_status.setdefault(campaign_id, {})[PlanStatus(status).value] = count
    return [
        {
            "campaign": c,
            "invited": invited.get(c.id, 0),
            "plans": by_status.get(c.id, {}),
            "sent": sum(by_status.get(c.id, {}).get(s.value, 0) for s in SENT_STATUSES),
        }
        for c in campaigns
    ]


def campaign_plan_rows(campaign: Campaign) -> list[dict]:
    """The invited departments with their plan (if any) and its number of projects."""
    counts = dict(
        db.session.execute(
            db.select(Project.plan_id, db.func.count(Project.id))
            .join(Plan, Plan.id == Project.plan_id)
            .where(Plan.campaign_id == campaign.id)
            .group_by(Project.plan_id)
        ).all()
    )
    plans = {
        p.department_id: p
        for p in db.session.scalars(db.select(Plan).where(Plan.campaign_id == campaign.id))
    }
    return [
        {
            "department": d,
            "plan": plans.get(d.id),
            "projects": counts.get(plans[d.id].id, 0) if d.id in plans else 0,
        }
        for d in campaign.invited_departments
    ]
