"""Routes of the two ratings (issue 16): the ministry's rating of a project from the review
panel, a project's ratings page, and the board where the department's and the ministry's
ratings disagree (/projects/ratings). Rules live in digiweb.review.ratings."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.htmx import is_htmx, render
from digiweb.numbers import whole_number
from digiweb.plans.models import Project, RatingSource
from digiweb.projects.services import campaign_years, visible_departments
from digiweb.review import bp, ratings
from digiweb.review.forms import MinistryRatingForm
from digiweb.review.panel import build_panel
from digiweb.security import visible_or_404
from digiweb.transaction import discard


@bp.app_context_processor
def rating_globals():
    return {
        "rating_sources": RatingSource,
        "rating_stale_days": ratings.stale_days,
        "ministry_rating_form": lambda: MinistryRatingForm(formdata=None),
        "project_ratings": _project_ratings,
        "update_ratings": _update_ratings,
    }


def _project_ratings(project: Project) -> dict:
    """{RatingSource: CurrentRating} of one project (one query)."""
    return ratings.current_ratings([project.id]).get(project.id, {})


def _update_ratings(project: Project) -> dict:
    """{progress update id: the self-rating given with it} of one project (one query)."""
    return {
        row.progress_update_id: row
        for row in ratings.rating_history(project)
        if row.progress_update_id is not None
    }


def _panel_response(project: Project, status: int = 200, **extra):
    """The ratings section of the plan's review panel (htmx), or the project's ratings page."""
    plan = project.plan
    panel = build_panel(plan)
    return render(
        "review/rating.html",
        "review/_ratings_panel.html",
        status=status,
        plan=plan,
        project=project,
        panel=panel,
        history=ratings.rating_history(project),
        **extra,
    )


@bp.get("/projects/<int:project_id>/rating")
def project_rating(project_id: int):
    """The project's two ratings, their history and, for a reviewer, the form."""
    return _panel_response(visible_or_404(Project, project_id))


@bp.post("/projects/<int:project_id>/rating")
def rate_project(project_id: int):
    project = visible_or_404(Project, project_id)
    if not ratings.can_rate_as_ministry(current_user, project):
        abort(403)
    form = MinistryRatingForm()
    if not form.validate():
        return _panel_response(project, 422, rform=form, rform_for=project.id)
    try:
        ratings.rate_as_ministry(project, current_user, form.rating.data, form.rating_reason.data)
    except Refusal as error:
        discard()
        project = db.session.get(Project, project_id)
        return _panel_response(
            project, error.status, rform=form, rform_for=project.id, rating_error=error
        )
    notice = _(
        "The ministry's rating of %(reference)s has been saved.", reference=project.reference
    )
    if is_htmx():
        return _panel_response(project, rating_notice=notice)
    flash(notice, "info")
    return redirect(url_for("review.plan_page", plan_id=project.plan_id) + "#ratings-panel", 303)


# --- the board -------------------------------------------------------------------------------


@bp.get("/projects/ratings")
def ratings_board():
    """Where the department's and the ministry's ratings disagree (staff: every sent plan;
    an officer: its own department)."""
    years = campaign_years()
    year_arg = (request.args.get("year") or "").strip()
    year = whole_number(year_arg) if year_arg else (years[0] if years else None)
    if year_arg and year not in years:
        abort(404)
    show = request.args.get("show") or "disagree"
    if show not in ratings.BOARD_SHOWS:
        abort(400)
    department = (request.args.get("department") or "").strip().upper()
    departments = visible_departments(current_user)
    if department and department not in {d.code for d in departments}:
        department = ""
    board = ratings.rating_board(current_user, year, show, department)
    return render(
        "review/ratings_board.html",
        "review/_ratings_board.html",
        board=board,
        years=years,
        departments=departments,
        department=department,
        shows=_show_labels(),
    )


def _show_labels() -> list[tuple[str, str]]:
    return [
        ("disagree", _("Where the two ratings disagree")),
        ("stale", _("Stale ratings")),
        ("all", _("Every rated project")),
    ]
