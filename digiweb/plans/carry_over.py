"""Carry-over (issue 17, point 6): a new year's plan starts from last year's unfinished
projects. Each copy gets the new year's dates (asked, never copied: a 2022 project is not dated
2021) and keeps a link to its origin; the origin records last year's outcome
(digiweb.plans.outcomes), and the projects not carried may record theirs (completed,
cancelled)."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _

from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import colon
from digiweb.plans.models import UNFINISHED_PROJECT_STATUSES, Plan, Project
from digiweb.plans.outcomes import Outcome, record_outcome
from digiweb.plans.services import PROJECT_FIELDS, create_project, ensure_editable, lock_plan


@dataclass(frozen=True)
class Carry:
    """One project carried into the new plan, with the new year's dates and how much of it
    was achieved last year (percent)."""

    source: Project
    start_date: date
    end_date: date
    achieved: int | None = None


def carry_over_candidates(plan: Plan) -> list[tuple[Project, bool]]:
    """The department's unfinished projects of the previous year, each with `already carried
    into this plan`."""
    already = set(
        db.session.scalars(
            db.select(Project.carried_from_id).where(
                Project.plan_id == plan.id, Project.carried_from_id.is_not(None)
            )
        )
    )
    previous = db.session.scalars(
        db.select(Project)
        .where(
            Project.department_id == plan.department_id,
            Project.year == plan.campaign.year - 1,
            Project.status.in_(UNFINISHED_PROJECT_STATUSES),
        )
        .order_by(Project.sequence)
    )
    return [(project, project.id in already) for project in previous]


def date_problems(year: int, start: date | None, end: date | None) -> dict[str, str]:
    """The new year's dates of a carried project: both given, neither before the new year,
    the end not before the start. {"start_date"|"end_date": message}."""
    problems = {}
    for name, value in (("start_date", start), ("end_date", end)):
        if value is None:
            problems[name] = _("Give the date in %(year)s.", year=year)
        elif value.year < year:
            problems[name] = _(
                "This date is still in %(old)s: a project carried into %(year)s starts and ends "
                "in %(year)s or later.",
                old=value.year,
                year=year,
            )
    if not problems and end < start:
        problems["end_date"] = _("The end date cannot be before the start date.")
    return problems


def achieved_problem(value: int | None) -> str | None:
    if value is not None and not 0 <= value <= 100:
        return _("The share achieved is a whole number from 0 to 100.")
    return None


def carry_over(plan: Plan, carries: list[Carry], actor) -> list[Project]:
    """Copy last year's unfinished projects into the plan with the new year's dates, each linked
    to its original, whose outcome becomes "continued"."""
    if not carries:
        raise Refusal(_("Choose at least one project to carry over."), 422)
    plan = lock_plan(plan)
    ensure_editable(plan, actor)
    eligible = {project.id: carried for project, carried in carry_over_candidates(plan)}
    for carry in carries:
        source = carry.source
        if source.id not in eligible:
            raise Refusal(
                _(
                    "%(reference)s is not an unfinished project of your department from the "
                    "previous year.",
                    reference=source.reference,
                ),
                422,
            )
        if eligible[source.id]:
            raise Refusal(
                _(
                    "%(reference)s has already been carried over into this plan.",
                    reference=source.reference,
                ),
                409,
            )
        problems = date_problems(plan.campaign.year, carry.start_date, carry.end_date)
        problem = next(iter(problems.values()), None) or achieved_problem(carry.achieved)
        if problem:
            raise Refusal(f"{source.reference}{colon()}{problem}", 422)
    created = []
    for carry in carries:
        source = carry.source
        data = {name: getattr(source, name) for name in PROJECT_FIELDS}
        data["technologies"] = [t.value for t in source.technologies]
        data["start_date"], data["end_date"] = carry.start_date, carry.end_date
        created.append(create_project(plan, data, actor, carried_from=source))
        achieved = carry.achieved if carry.achieved is not None else source.progress
        record_outcome(source, Outcome.CONTINUED, achieved, actor)
    return created


def record_end_of_year(plan: Plan, outcomes: list[tuple[Project, Outcome, int | None]], actor):
    """The outcome of last year's projects that are not carried over (completed, cancelled)."""
    plan = lock_plan(plan)
    ensure_editable(plan, actor)
    eligible = {project.id for project, _carried in carry_over_candidates(plan)}
    for project, outcome, achieved in outcomes:
        if project.id not in eligible or outcome == Outcome.CONTINUED:
            raise Refusal(_("One of the chosen projects cannot be carried over."), 422)
        problem = achieved_problem(achieved)
        if problem:
            raise Refusal(f"{project.reference}{colon()}{problem}", 422)
        record_outcome(project, outcome, achieved, actor)
