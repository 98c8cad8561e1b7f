"""The carry-over page: last year's unfinished projects, each carried into the new plan with
the new year's dates, or given its outcome (completed, cancelled). One form; every problem is
shown next to its row, the input kept."""

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from digiweb.errors import Refusal
from digiweb.htmx import render
from digiweb.i18n import parse_date
from digiweb.plans import bp
from digiweb.plans.carry_over import (
    Carry,
    achieved_problem,
    carry_over,
    carry_over_candidates,
    date_problems,
    record_end_of_year,
)
from digiweb.plans.models import Plan
from digiweb.plans.outcomes import Outcome, outcomes_of
from digiweb.plans.routes import _plan_url
from digiweb.plans.services import ensure_editable, parse_whole_number
from digiweb.security import visible_or_404
from digiweb.transaction import discard

END_OF_YEAR = (Outcome.COMPLETED, Outcome.CANCELLED)  # what a project not carried may record


def _typed_date(text: str):
    """(date or None, problem or None) for what was typed in a date box."""
    if not text.strip():
        return None, None
    try:
        return parse_date(text), None
    except ValueError:
        return None, _("Type the date as dd/mm/yyyy.")


def _read_rows(plan, candidates):
    """The form's rows: {id: values typed}, {id: {field: problem}}, carries, outcomes."""
    chosen = set(request.form.getlist("project", type=int))
    values, errors, carries, outcomes = {}, {}, [], []
    for project, carried in candidates:
        if carried:
            continue
        pid = project.id
        row = {
            name: request.form.get(f"{name}-{pid}", "").strip()
            for name in ("start_date", "end_date", "achieved", "outcome")
        }
        values[pid] = row
        problems = {}
        try:
            achieved = parse_whole_number(row["achieved"])
        except ValueError:
            achieved, problems["achieved"] = None, achieved_problem(-1)
        if achieved_problem(achieved):
            problems["achieved"] = achieved_problem(achieved)
        if pid in chosen:
            start, problems_start = _typed_date(row["start_date"])
            end, problems_end = _typed_date(row["end_date"])
            problems.update(date_problems(plan.campaign.year, start, end))
            if problems_start:
                problems["start_date"] = problems_start
            if problems_end:
                problems["end_date"] = problems_end
            if not problems:
                carries.append(Carry(project, start, end, achieved))
        elif row["outcome"]:
            outcome = Outcome.coerce(row["outcome"])
            if outcome not in END_OF_YEAR:
                problems["outcome"] = _("Choose an outcome from the list.")
            elif not problems:
                outcomes.append((project, outcome, achieved))
        if problems:
            errors[pid] = problems
    return chosen, values, errors, carries, outcomes


@bp.route("/plans/<int:plan_id>/carry-over", methods=["GET", "POST"])
def carry_over_projects(plan_id: int):
    """Start the plan from last year's unfinished projects."""
    plan = visible_or_404(Plan, plan_id)
    ensure_editable(plan, current_user)
    candidates = carry_over_candidates(plan)
    error, status, chosen, values, errors = None, 200, set(), {}, {}
    if request.method == "POST":
        chosen, values, errors, carries, outcomes = _read_rows(plan, candidates)
        by_id = {p.id for p, _carried in candidates}
        if chosen - by_id:
            error, status = _("One of the chosen projects cannot be carried over."), 422
        elif errors:
            error, status = _("Some rows need a correction: see below."), 422
        elif not carries and not outcomes:
            error, status = _("Choose at least one project to carry over."), 422
        else:
            try:
                created = carry_over(plan, carries, current_user) if carries else []
                if outcomes:
                    record_end_of_year(plan, outcomes, current_user)
            except Refusal as refused:
                discard()
                error, status = refused.message, refused.status
                candidates = carry_over_candidates(visible_or_404(Plan, plan_id))
            else:
                flash(
                    ngettext(
                        "%(num)d project has been carried over into the plan.",
                        "%(num)d projects have been carried over into the plan.",
                        len(created),
                    )
                    if created
                    else _("Last year's outcomes have been recorded."),
                    "success",
                )
                return redirect(
                    _plan_url(plan_id) if created else url_for(request.endpoint, plan_id=plan_id)
                )
    return render(
        "plans/carry_over.html",
        "plans/_carry_over.html",
        status=status,
        plan=plan,
        candidates=candidates,
        outcomes=outcomes_of(p.id for p, _carried in candidates),
        end_of_year=END_OF_YEAR,
        error=error,
        chosen=chosen,
        values=values,
        errors=errors,
    )
