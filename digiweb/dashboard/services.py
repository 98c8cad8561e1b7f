"""Consolidated statistics of a campaign: the figures of the seed's press release and the detail
behind them, computed with a few GROUP BY queries (the count of queries does not depend on the
number of projects or departments).

The consolidated figures count the plans that have been sent to the ministry (status submitted,
returned or approved: ``SENT_STATUSES``) and their projects, never drafts.

``consolidated_stats()`` gives a rich dict for the dashboard and the PDF report;
``stats_json()`` turns it into the JSON of the contract, shared by the ``stats`` CLI and
``GET /api/v1/stats``.
"""

from collections import Counter

import sqlalchemy as sa

from digiweb.campaigns.models import Campaign, campaign_departments
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanStatus,
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)

# The four keys of the contract's `by_target`; `other` gathers the projects for other
# administrations and those whose target was left empty.
CONTRACT_TARGETS = ("citizens", "economic_operators", "administration", "other")
NONE_KEY = "none"


class UnknownYearError(LookupError):
    """No campaign exists for the year asked for."""

    def __init__(self, year):
        super().__init__(year)
        self.year = year


def campaign_by_year(year: int) -> Campaign:
    campaign = db.session.scalar(db.select(Campaign).where(Campaign.year == year))
    if campaign is None:
        raise UnknownYearError(year)
    return campaign


def _sent_projects(campaign_id: int, department_id: int | None, target: Target | None):
    """Conditions selecting the projects of the sent plans of a campaign."""
    conditions = [
        Project.plan_id == Plan.id,
        Plan.campaign_id == campaign_id,
        Plan.status.in_(SENT_STATUSES),
    ]
    if department_id is not None:
        conditions.append(Project.department_id == department_id)
    if target is not None:
        conditions.append(Project.target == target)
    return conditions


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _department_rows(campaign_id: int, department_id: int | None, target: Target | None):
    """One row per department invited to the campaign (or holding a plan in it): its plan's
    status and the count and budget of the projects of its plan when the plan was sent."""
    invited = (
        sa.select(campaign_departments.c.department_id)
        .where(campaign_departments.c.campaign_id == campaign_id)
        .subquery()
    )
    project_join = sa.and_(Project.plan_id == Plan.id, Plan.status.in_(SENT_STATUSES))
    if target is not None:
        project_join = sa.and_(project_join, Project.target == target)
    query = (
        sa.select(
            Department.id,
            Department.code,
            Department.name_ar,
            Department.name_fr,
            invited.c.department_id.is_not(None).label("invited"),
            Plan.status,
            sa.func.count(Project.id),
            sa.func.sum(Project.budget_dzd),
        )
        .select_from(Department)
        .outerjoin(invited, invited.c.department_id == Department.id)
        .outerjoin(
            Plan, sa.and_(Plan.department_id == Department.id, Plan.campaign_id == campaign_id)
        )
        .outerjoin(Project, project_join)
        .where(sa.or_(invited.c.department_id.is_not(None), Plan.id.is_not(None)))
        .group_by(
            Department.id,
            Department.code,
            Department.name_ar,
            Department.name_fr,
            invited.c.department_id,
            Plan.status,
        )
        .order_by(Department.code)
    )
    if department_id is not None:
        query = query.where(Department.id == department_id)
    return db.session.execute(query).all()


def _project_rows(campaign_id: int, department_id: int | None, target: Target | None):
    """(target, kind, status, count, budget) over the projects of the sent plans."""
    query = (
        sa.select(
            Project.target,
            Project.kind,
            Project.status,
            sa.func.count(Project.id),
            sa.func.sum(Project.budget_dzd),
        )
        .where(*_sent_projects(campaign_id, department_id, target))
        .group_by(Project.target, Project.kind, Project.status)
    )
    return db.session.execute(query).all()


def _technology_rows(campaign_id: int, department_id: int | None, target: Target | None):
    query = (
        sa.select(ProjectTechnology.technology, sa.func.count())
        .where(
            ProjectTechnology.project_id == Project.id,
            *_sent_projects(campaign_id, department_id, target),
        )
        .group_by(ProjectTechnology.technology)
    )
    return db.session.execute(query).all()


def _key(member) -> str:
    return member.value if member is not None else NONE_KEY


def _with_none(counts: Counter, members) -> dict[str, int]:
    """Every member of the enum (0 included), plus `none` when some rows have no value."""
    result = {m.value: counts.get(m.value, 0) for m in members}
    if counts.get(NONE_KEY):
        result[NONE_KEY] = counts[NONE_KEY]
    return result


def consolidated_stats(
    year: int, *, department_id: int | None = None, target: Target | str | None = None
) -> dict:
    """The consolidated figures of the campaign of `year` (UnknownYearError if none).

    `department_id` restricts everything to one department (an officer's own figures);
    `target` restricts the project figures to one target (department counts are unchanged).

    Keys: year, departments_invited, departments_submitted, departments_approved,
    submission_rate, approval_rate, plans_by_status, projects, by_target (contract keys),
    by_target_detail (every target, plus `none`), by_kind, by_status (projects),
    by_technology, budget_dzd, budget_by_target, by_department (list of dicts: id, code,
    name_ar, name_fr, status (PlanStatus or None), sent, projects, budget), department_id,
    target.
    """
    target = Target(target) if target else None
    campaign = campaign_by_year(year)

    departments = []
    plans_by_status = Counter()
    invited = 0
    for dept_id, code, name_ar, name_fr, is_invited, status, count, budget in _department_rows(
        campaign.id, department_id, target
    ):
        invited += 1 if is_invited else 0
        if status is not None:
            plans_by_status[status.value] += 1
        sent = status in SENT_STATUSES
        departments.append(
            {
                "id": dept_id,
                "code": code,
                "name_ar": name_ar,
                "name_fr": name_fr,
                "status": status,
                "sent": sent,
                "projects": count if sent else 0,
                "budget": int(budget or 0) if sent else 0,
            }
        )
    plans_by_status = {s.value: plans_by_status.get(s.value, 0) for s in PlanStatus}
    submitted = sum(1 for d in departments if d["sent"])
    approved = plans_by_status[PlanStatus.APPROVED.value]

    by_target, by_kind, by_status = Counter(), Counter(), Counter()
    budget_by_target = Counter()
    total = total_budget = 0
    for p_target, kind, status, count, budget in _project_rows(campaign.id, department_id, target):
        by_target[_key(p_target)] += count
        by_kind[_key(kind)] += count
        by_status[_key(status)] += count
        budget_by_target[_key(p_target)] += int(budget or 0)
        total += count
        total_budget += int(budget or 0)
    technologies = Counter(
        {tech.value: count for tech, count in _technology_rows(campaign.id, department_id, target)}
    )

    target_detail = _with_none(by_target, Target)
    return {
        "year": campaign.year,
        "departments_invited": invited,
        "departments_submitted": submitted,
        "departments_approved": approved,
        "submission_rate": _rate(submitted, invited),
        "approval_rate": _rate(approved, submitted),
        "plans_by_status": plans_by_status,
        "projects": total,
        "by_target": {
            "citizens": by_target.get("citizens", 0),
            "economic_operators": by_target.get("economic_operators", 0),
            "administration": by_target.get("administration", 0),
            "other": by_target.get("other_administrations", 0) + by_target.get(NONE_KEY, 0),
        },
        "by_target_detail": target_detail,
        "by_kind": _with_none(by_kind, ProjectKind),
        "by_status": _with_none(by_status, ProjectStatus),
        "by_technology": {t.value: technologies.get(t.value, 0) for t in Technology},
        "budget_dzd": total_budget,
        "budget_by_target": {key: budget_by_target.get(key, 0) for key in target_detail},
        "by_department": departments,
        "department_id": department_id,
        "target": target.value if target else None,
    }


def stats_json(stats: dict) -> dict:
    """The JSON of the contract (CLI `stats --format json` and `GET /api/v1/stats`).

    Contract keys first; `by_department` maps the code of each department whose plan was sent
    to its number of projects (see docs/decisions.md). A few extra keys follow.
    """
    return {
        "year": stats["year"],
        "departments_invited": stats["departments_invited"],
        "departments_submitted": stats["departments_submitted"],
        "projects": stats["projects"],
        "by_target": dict(stats["by_target"]),
        "by_status": {k: v for k, v in stats["by_status"].items() if k != NONE_KEY},
        "by_technology": dict(stats["by_technology"]),
        "by_department": {d["code"]: d["projects"] for d in stats["by_department"] if d["sent"]},
        "departments_approved": stats["departments_approved"],
        "plans_by_status": dict(stats["plans_by_status"]),
        "by_kind": dict(stats["by_kind"]),
        "budget_dzd": stats["budget_dzd"],
    }


def year_over_year(
    *, department_id: int | None = None, target: Target | str | None = None
) -> list[dict]:
    """Headline figures of every campaign, oldest first (four queries whatever the number of
    campaigns): year, departments_invited, departments_submitted, departments_approved,
    projects, citizens, economic_operators, budget_dzd."""
    target = Target(target) if target else None
    years = dict(db.session.execute(sa.select(Campaign.id, Campaign.year)).all())
    if not years:
        return []
    invited_query = sa.select(campaign_departments.c.campaign_id, sa.func.count()).group_by(
        campaign_departments.c.campaign_id
    )
    plans_query = sa.select(Plan.campaign_id, Plan.status, sa.func.count()).group_by(
        Plan.campaign_id, Plan.status
    )
    projects_query = (
        sa.select(
            Plan.campaign_id,
            Project.target,
            sa.func.count(Project.id),
            sa.func.sum(Project.budget_dzd),
        )
        .where(Project.plan_id == Plan.id, Plan.status.in_(SENT_STATUSES))
        .group_by(Plan.campaign_id, Project.target)
    )
    if department_id is not None:
        invited_query = invited_query.where(campaign_departments.c.department_id == department_id)
        plans_query = plans_query.where(Plan.department_id == department_id)
        projects_query = projects_query.where(Project.department_id == department_id)
    if target is not None:
        projects_query = projects_query.where(Project.target == target)

    rows = {
        campaign_id: {
            "year": year,
            "departments_invited": 0,
            "departments_submitted": 0,
            "departments_approved": 0,
            "projects": 0,
            "citizens": 0,
            "economic_operators": 0,
            "budget_dzd": 0,
        }
        for campaign_id, year in years.items()
    }
    for campaign_id, count in db.session.execute(invited_query):
        rows[campaign_id]["departments_invited"] = count
    for campaign_id, status, count in db.session.execute(plans_query):
        if status in SENT_STATUSES:
            rows[campaign_id]["departments_submitted"] += count
        if status == PlanStatus.APPROVED:
            rows[campaign_id]["departments_approved"] += count
    for campaign_id, p_target, count, budget in db.session.execute(projects_query):
        row = rows[campaign_id]
        row["projects"] += count
        row["budget_dzd"] += int(budget or 0)
        if p_target in (Target.CITIZENS, Target.ECONOMIC_OPERATORS):
            row[p_target.value] += count
    return sorted(rows.values(), key=lambda r: r["year"])


def department_by_code(code: str) -> Department | None:
    return db.session.scalar(db.select(Department).where(Department.code == code.upper()))
