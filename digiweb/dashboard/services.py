"""Consolidated statistics of a campaign: the figures of the seed's press release and the detail
behind them.

The consolidated figures count the plans that have been sent to the ministry (status submitted,
returned or approved: ``SENT_STATUSES``) and their projects, never drafts.

``consolidated_stats()`` gives a rich dict for the dashboard and the PDF report;
``stats_json()`` turns it into the JSON of the contract, shared by the ``stats`` CLI and
``GET /api/v1/stats``; ``year_over_year()`` gives the headline figures of every campaign.

How it stays fast at 100,000 projects (docs/decisions.md, "Dashboard figures"):

* The database does the counting, once per *plan*, never per project: a handful of GROUP BY
  queries whose number does not depend on the data. The project aggregates are grouped by
  plan and read from the covering index ``ix_projects_plan_figures`` (plan_id, target, status,
  kind, budget_dzd) without touching the table; departments, plan statuses and invitations
  are small tables read whole.
* The filters (department, target) are applied in Python to those per-plan rows, so that one
  set of aggregates serves the whole campaign, every department's scope and every target.
* Each aggregate is cached with ``digiweb.cache.cached`` under the data version: computed once
  per worker for a state of the data, never served once any commit has changed it.
"""

from collections import Counter
from typing import NamedTuple

import sqlalchemy as sa

from digiweb.cache import cached
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
from digiweb.review.models import ProjectReview, ProjectVerdict

# The four keys of the contract's `by_target`; `other` gathers the projects for other
# administrations and those whose target was left empty.
CONTRACT_TARGETS = ("citizens", "economic_operators", "administration", "other")
NONE_KEY = "none"
SENT_VALUES = frozenset(s.value for s in SENT_STATUSES)


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


def department_by_code(code: str) -> Department | None:
    return db.session.scalar(db.select(Department).where(Department.code == code.upper()))


# --- cached aggregates ---------------------------------------------------------------------------


class DepartmentInfo(NamedTuple):
    id: int
    code: str
    name_ar: str
    name_fr: str

    @property
    def name(self) -> str:
        from digiweb.i18n import language

        return self.name_fr if language() == "fr" else self.name_ar


class PlanInfo(NamedTuple):
    id: int
    campaign_id: int
    department_id: int
    status: str  # PlanStatus value


class Structure(NamedTuple):
    """The small tables behind every figure: campaigns, departments, plans, invitations."""

    years: dict  # year -> campaign id
    departments: tuple  # DepartmentInfo, by code
    plans: tuple  # PlanInfo
    invited: frozenset  # (campaign id, department id)


def _value(member) -> str:
    return member.value if member is not None else NONE_KEY


def structure() -> Structure:
    """Campaigns, departments, plans and invitations (four small queries, cached)."""

    def compute() -> Structure:
        years = {
            year: cid for cid, year in db.session.execute(sa.select(Campaign.id, Campaign.year))
        }
        departments = tuple(
            DepartmentInfo(*row)
            for row in db.session.execute(
                sa.select(
                    Department.id, Department.code, Department.name_ar, Department.name_fr
                ).order_by(Department.code)
            )
        )
        plans = tuple(
            PlanInfo(pid, cid, did, status.value)
            for pid, cid, did, status in db.session.execute(
                sa.select(Plan.id, Plan.campaign_id, Plan.department_id, Plan.status)
            )
        )
        invited = frozenset(
            tuple(row)
            for row in db.session.execute(
                sa.select(campaign_departments.c.campaign_id, campaign_departments.c.department_id)
            )
        )
        return Structure(years, departments, plans, invited)

    return cached("dashboard.structure", None, compute)


def _sent_plans(campaign_id: int | None = None):
    """The ids of the sent plans (of one campaign), as a subquery."""
    query = sa.select(Plan.id).where(Plan.status.in_(SENT_STATUSES))
    if campaign_id is not None:
        query = query.where(Plan.campaign_id == campaign_id)
    return query


def _campaign_projects(campaign_id: int) -> tuple:
    """(plan id, target, kind, status, count, budget) over the projects of the campaign's sent
    plans: one index-only GROUP BY (ix_projects_plan_figures), cached."""

    def compute():
        query = (
            sa.select(
                Project.plan_id,
                Project.target,
                Project.kind,
                Project.status,
                sa.func.count(),
                sa.func.sum(Project.budget_dzd),
            )
            .where(Project.plan_id.in_(_sent_plans(campaign_id)))
            .group_by(Project.plan_id, Project.target, Project.kind, Project.status)
        )
        return tuple(
            (plan_id, _value(target), _value(kind), _value(status), count, int(budget or 0))
            for plan_id, target, kind, status, count, budget in db.session.execute(query)
        )

    return cached("dashboard.projects", campaign_id, compute)


def _campaign_technologies(campaign_id: int) -> tuple:
    """(plan id, target, technology, count) over the campaign's sent plans, cached."""

    def compute():
        query = (
            sa.select(
                Project.plan_id, Project.target, ProjectTechnology.technology, sa.func.count()
            )
            .join(ProjectTechnology, ProjectTechnology.project_id == Project.id)
            .where(Project.plan_id.in_(_sent_plans(campaign_id)))
            .group_by(Project.plan_id, Project.target, ProjectTechnology.technology)
        )
        return tuple(
            (plan_id, _value(target), technology.value, count)
            for plan_id, target, technology, count in db.session.execute(query)
        )

    return cached("dashboard.technologies", campaign_id, compute)


def _campaign_accepted(campaign_id: int) -> tuple:
    """(plan id, target, count, budget) of the projects a reviewer accepted in the campaign's
    sent plans (digiweb.review.decisions): one GROUP BY, cached."""

    def compute():
        query = (
            sa.select(
                Project.plan_id, Project.target, sa.func.count(), sa.func.sum(Project.budget_dzd)
            )
            .join(ProjectReview, ProjectReview.project_id == Project.id)
            .where(
                Project.plan_id.in_(_sent_plans(campaign_id)),
                ProjectReview.verdict == ProjectVerdict.ACCEPTED,
            )
            .group_by(Project.plan_id, Project.target)
        )
        return tuple(
            (plan_id, _value(target), count, int(budget or 0))
            for plan_id, target, count, budget in db.session.execute(query)
        )

    return cached("dashboard.accepted", campaign_id, compute)


def _all_plan_targets() -> tuple:
    """(plan id, target, count, budget) over the sent plans of every campaign (the
    year-over-year table): one index-only GROUP BY, cached."""

    def compute():
        query = (
            sa.select(
                Project.plan_id, Project.target, sa.func.count(), sa.func.sum(Project.budget_dzd)
            )
            .where(Project.plan_id.in_(_sent_plans()))
            .group_by(Project.plan_id, Project.target)
        )
        return tuple(
            (plan_id, _value(target), count, int(budget or 0))
            for plan_id, target, count, budget in db.session.execute(query)
        )

    return cached("dashboard.history", None, compute)


# --- figures -------------------------------------------------------------------------------------


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


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
    name_ar, name_fr, status (PlanStatus or None), sent, projects, budget, accepted),
    accepted_projects and accepted_budget_dzd (the projects a reviewer accepted), department_id,
    target.

    A new dict each call (callers may change it); the aggregates behind it are cached.
    """
    target = Target(target) if target else None
    wanted = target.value if target else None
    info = structure()
    campaign_id = info.years.get(year)
    if campaign_id is None:
        raise UnknownYearError(year)

    plans = {
        p.department_id: p
        for p in info.plans
        if p.campaign_id == campaign_id
        and (department_id is None or p.department_id == department_id)
    }
    plan_department = {p.id: p.department_id for p in plans.values()}

    # Project figures, per plan and over the campaign.
    per_plan_count, per_plan_budget = Counter(), Counter()
    by_target, by_kind, by_status, budget_by_target = Counter(), Counter(), Counter(), Counter()
    for plan_id, p_target, kind, status, count, budget in _campaign_projects(campaign_id):
        if plan_id not in plan_department or (wanted and p_target != wanted):
            continue
        per_plan_count[plan_id] += count
        per_plan_budget[plan_id] += budget
        by_target[p_target] += count
        by_kind[kind] += count
        by_status[status] += count
        budget_by_target[p_target] += budget
    per_plan_accepted, accepted_budget = Counter(), 0
    for plan_id, p_target, count, budget in _campaign_accepted(campaign_id):
        if plan_id in plan_department and not (wanted and p_target != wanted):
            per_plan_accepted[plan_id] += count
            accepted_budget += budget
    technologies = Counter()
    for plan_id, p_target, technology, count in _campaign_technologies(campaign_id):
        if plan_id in plan_department and not (wanted and p_target != wanted):
            technologies[technology] += count

    # Departments invited to the campaign or holding a plan in it, by code.
    departments = []
    plans_by_status = Counter()
    invited = 0
    for dept in info.departments:
        if department_id is not None and dept.id != department_id:
            continue
        is_invited = (campaign_id, dept.id) in info.invited
        plan = plans.get(dept.id)
        if not is_invited and plan is None:
            continue
        invited += 1 if is_invited else 0
        status = PlanStatus(plan.status) if plan else None
        if plan is not None:
            plans_by_status[plan.status] += 1
        sent = plan is not None and plan.status in SENT_VALUES
        departments.append(
            {
                "id": dept.id,
                "code": dept.code,
                "name_ar": dept.name_ar,
                "name_fr": dept.name_fr,
                "status": status,
                "sent": sent,
                "projects": per_plan_count[plan.id] if sent else 0,
                "budget": per_plan_budget[plan.id] if sent else 0,
                "accepted": per_plan_accepted[plan.id] if sent else 0,
            }
        )
    plans_by_status = {s.value: plans_by_status.get(s.value, 0) for s in PlanStatus}
    submitted = sum(1 for d in departments if d["sent"])
    approved = plans_by_status[PlanStatus.APPROVED.value]

    target_detail = _with_none(by_target, Target)
    return {
        "year": year,
        "departments_invited": invited,
        "departments_submitted": submitted,
        "departments_approved": approved,
        "submission_rate": _rate(submitted, invited),
        "approval_rate": _rate(approved, submitted),
        "plans_by_status": plans_by_status,
        "projects": sum(by_target.values()),
        "accepted_projects": sum(per_plan_accepted.values()),
        "accepted_budget_dzd": accepted_budget,
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
        "budget_dzd": sum(budget_by_target.values()),
        "budget_by_target": {key: budget_by_target.get(key, 0) for key in target_detail},
        "by_department": departments,
        "department_id": department_id,
        "target": wanted,
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
        # Issue 17: the projects a reviewer accepted (new keys; the ones above are the contract).
        "accepted_projects": stats["accepted_projects"],
        "accepted_budget_dzd": stats["accepted_budget_dzd"],
        "accepted_by_department": {
            d["code"]: d["accepted"] for d in stats["by_department"] if d["sent"]
        },
    }


def year_over_year(
    *, department_id: int | None = None, target: Target | str | None = None
) -> list[dict]:
    """Headline figures of every campaign, oldest first (the same few cached aggregates
    whatever the number of campaigns): year, departments_invited, departments_submitted,
    departments_approved, projects, citizens, economic_operators, budget_dzd."""
    target = Target(target) if target else None
    wanted = target.value if target else None
    info = structure()
    if not info.years:
        return []
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
        for year, campaign_id in info.years.items()
    }
    for campaign_id, dept_id in info.invited:
        if department_id is None or dept_id == department_id:
            rows[campaign_id]["departments_invited"] += 1
    plan_campaign = {}
    for plan in info.plans:
        if department_id is not None and plan.department_id != department_id:
            continue
        plan_campaign[plan.id] = plan.campaign_id
        if plan.status in SENT_VALUES:
            rows[plan.campaign_id]["departments_submitted"] += 1
        if plan.status == PlanStatus.APPROVED.value:
            rows[plan.campaign_id]["departments_approved"] += 1
    for plan_id, p_target, count, budget in _all_plan_targets():
        if plan_id not in plan_campaign or (wanted and p_target != wanted):
            continue
        row = rows[plan_campaign[plan_id]]
        row["projects"] += count
        row["budget_dzd"] += budget
        if p_target in ("citizens", "economic_operators"):
            row[p_target] += count
    return sorted(rows.values(), key=lambda r: r["year"])
