"""The digital maturity of the procedures the projects serve (issue 16), on the dashboard and in
the campaign report: levels today against the levels targeted, by department and by target, and
their change year over year. Like the other figures (digiweb.dashboard.services), one cached
GROUP BY over the sent plans of every campaign, filtered in Python by campaign, department
and target.
"""

from collections import Counter, defaultdict

import sqlalchemy as sa

from digiweb.cache import cached
from digiweb.dashboard.services import NONE_KEY, SENT_VALUES, UnknownYearError, structure
from digiweb.extensions import db
from digiweb.plans.models import SENT_STATUSES, Plan, Project, Target
from digiweb.projects.schema import MATURITY_LEVELS

LEVELS = tuple(range(len(MATURITY_LEVELS)))
ONLINE = 3  # from "online submission" on, a procedure can be done without paper


def _maturity_rows() -> tuple:
    """(plan id, target, level today, level targeted, projects) over the sent plans of every
    campaign: one GROUP BY for the campaign's figures and the years' (cached per data version)."""

    def compute():
        sent = sa.select(Plan.id).where(Plan.status.in_(SENT_STATUSES))
        query = (
            sa.select(
                Project.plan_id,
                Project.target,
                Project.maturity_level,
                Project.maturity_target,
                sa.func.count(),
            )
            .where(Project.plan_id.in_(sent))
            .group_by(
                Project.plan_id, Project.target, Project.maturity_level, Project.maturity_target
            )
        )
        return tuple(
            (plan_id, target.value if target else NONE_KEY, level, aimed, count)
            for plan_id, target, level, aimed, count in db.session.execute(query)
        )

    return cached("dashboard.maturity", None, compute)


class _Tally:
    """Projects, those with a level, and the sums and counts the averages and shares need."""

    def __init__(self):
        self.projects = self.given = self.now_sum = self.aimed_sum = 0
        self.online_now = self.online_aimed = 0

    def add(self, level, aimed, count):
        self.projects += count
        if level is None:
            return
        aimed = level if aimed is None else aimed
        self.given += count
        self.now_sum += level * count
        self.aimed_sum += aimed * count
        self.online_now += count if level >= ONLINE else 0
        self.online_aimed += count if aimed >= ONLINE else 0

    def figures(self) -> dict:
        given = self.given
        return {
            "projects": self.projects,
            "given": given,
            "average_now": self.now_sum / given if given else None,
            "average_target": self.aimed_sum / given if given else None,
            "online_now": self.online_now,
            "online_target": self.online_aimed,
            "share_online_now": self.online_now / given if given else None,
            "share_online_target": self.online_aimed / given if given else None,
        }


def maturity_figures(year: int, *, department_id: int | None = None, target=None) -> dict:
    """The maturity of the campaign of `year` (UnknownYearError if none), of one department
    and one target if given. Keys: the figures of every project (projects, given, average_now,
    average_target, online_now, online_target, share_online_now, share_online_target), levels
    ({level: {"now": projects, "target": projects}}, level None: not given), matrix
    ({(now, target): projects}), by_department (list of dicts: code, name_ar, name_fr and the
    figures), by_target ({target value: figures})."""
    wanted = Target(target).value if target else None
    info = structure()
    campaign_id = info.years.get(year)
    if campaign_id is None:
        raise UnknownYearError(year)
    plans = {
        p.id: p.department_id
        for p in info.plans
        if p.campaign_id == campaign_id
        and p.status in SENT_VALUES
        and (department_id is None or p.department_id == department_id)
    }
    total, per_department, per_target = _Tally(), defaultdict(_Tally), defaultdict(_Tally)
    levels = {level: Counter() for level in (*LEVELS, None)}
    matrix = Counter()
    for plan_id, p_target, level, aimed, count in _maturity_rows():
        if plan_id not in plans or (wanted and p_target != wanted):
            continue
        total.add(level, aimed, count)
        per_department[plans[plan_id]].add(level, aimed, count)
        per_target[p_target].add(level, aimed, count)
        levels[level]["now"] += count
        if level is not None:
            levels[aimed if aimed is not None else level]["target"] += count
            matrix[(level, aimed if aimed is not None else level)] += count
    by_department = [
        {
            "code": dept.code,
            "name_ar": dept.name_ar,
            "name_fr": dept.name_fr,
            **per_department[dept.id].figures(),
        }
        for dept in info.departments
        if dept.id in per_department
    ]
    by_department.sort(key=lambda row: (-(row["average_now"] or -1), row["code"]))
    return {
        **total.figures(),
        "levels": {level: dict(counts) for level, counts in levels.items()},
        "matrix": dict(matrix),
        "by_department": by_department,
        "by_target": {
            key: per_target[key].figures()
            for key in (*(t.value for t in Target), NONE_KEY)
            if key in per_target
        },
        "year": year,
    }


def maturity_over_the_years(*, department_id: int | None = None, target=None) -> list[dict]:
    """Every campaign's maturity figures, oldest first (one cached aggregate)."""
    wanted = Target(target).value if target else None
    info = structure()
    plan_campaign = {
        p.id: p.campaign_id
        for p in info.plans
        if p.status in SENT_VALUES and (department_id is None or p.department_id == department_id)
    }
    tallies = defaultdict(_Tally)
    for plan_id, p_target, level, aimed, count in _maturity_rows():
        if plan_id in plan_campaign and not (wanted and p_target != wanted):
            tallies[plan_campaign[plan_id]].add(level, aimed, count)
    rows = [
        {"year": year, **tallies[campaign_id].figures()}
        for year, campaign_id in info.years.items()
        if tallies[campaign_id].projects
    ]
    return sorted(rows, key=lambda row: row["year"])
