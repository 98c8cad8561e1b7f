"""GET /api/v1/projects: the consolidated project list as JSON, with the list's filters.

`{"total", "page", "per_page", "items": [{"reference", "title_ar", "title_fr", "department",
"target", "status", …}]}`; officers see only their department; a bad parameter answers 400
with a message in the user's language.
"""

from flask import current_app, jsonify, request

from digiweb.api import bp
from digiweb.cache import cached_for_viewer
from digiweb.clock import today
from digiweb.plans.models import RatingSource
from digiweb.projects.filters import FilterError, ProjectFilters
from digiweb.projects.routes import project_url, project_url_builder
from digiweb.projects.services import project_page
from digiweb.review.ratings import current_ratings, stale_days


def _value(member):
    return member.value if member is not None else None


def _rating(current) -> str | None:
    return current.rating.value if current is not None else None


def _rating_on(current) -> str | None:
    return current.on.isoformat() if current is not None else None


def project_item(project, url=project_url, ratings: dict | None = None, on=None) -> dict:
    """One project of the list; `ratings`: its {RatingSource: CurrentRating} (issue 16)."""
    ratings = ratings or {}
    own, ministry = ratings.get(RatingSource.SELF), ratings.get(RatingSource.MINISTRY)
    return {
        "id": project.id,
        "reference": project.reference,
        "year": project.year,
        "title_ar": project.title_ar,
        "title_fr": project.title_fr,
        "department": project.department.code,
        "target": _value(project.target),
        "kind": _value(project.kind),
        "technologies": [technology.value for technology in project.technologies],
        "status": _value(project.status),
        "progress": project.progress,
        "priority": _value(project.priority),
        "start_date": project.start_date.isoformat() if project.start_date else None,
        "end_date": project.end_date.isoformat() if project.end_date else None,
        "budget_dzd": project.budget_dzd,
        "maturity_level": project.maturity_level,
        "maturity_target": project.maturity_target,
        "self_rating": _rating(own),
        "self_rating_on": _rating_on(own),
        "ministry_rating": _rating(ministry),
        "ministry_rating_on": _rating_on(ministry),
        "rating_stale": any(r is not None and r.is_stale(on) for r in (own, ministry)),
        "url": url(project.id),
    }


@bp.get("/projects")
def projects():
    try:
        filters = ProjectFilters.from_args(request.args)
    except FilterError as error:
        return jsonify(error=error.message, field=error.field, status=400), 400
    # The same answer for everyone of the same role, department and language (titles sort in
    # it): serialised once per data version and Viewer (digiweb.cache.cached_for_viewer).
    # Ratings turn stale with the days: the day and the threshold are part of the key.
    key = (filters, today(), stale_days())
    body = cached_for_viewer("projects.api", key, lambda viewer: _page_json(filters, viewer))
    return current_app.response_class(body, mimetype="application/json")


def _page_json(filters: ProjectFilters, viewer) -> str:
    # Exact totals here: API clients page with them.
    page = project_page(filters, viewer, exact_total=True)
    url = project_url_builder()
    ratings = current_ratings([project.id for project in page.items])
    on = today()
    return jsonify(
        total=page.total,
        page=page.page,
        per_page=filters.per_page,
        pages=page.pages,
        year=filters.year,
        items=[project_item(project, url, ratings.get(project.id), on) for project in page.items],
    ).get_data(as_text=True)
