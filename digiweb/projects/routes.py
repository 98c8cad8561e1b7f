"""The consolidated project list `/projects` and its exports `/projects.csv`, `/projects.xlsx`.

Every logged-in role may open them; `filtered_projects` limits officers to their department.
"""

from collections import namedtuple

from flask import Response, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.cache import cached_html
from digiweb.htmx import is_htmx, render
from digiweb.i18n import amount_formatter
from digiweb.projects import bp
from digiweb.projects.exports import (
    CSV_MIMETYPE,
    XLSX_MIMETYPE,
    csv_chunks,
    export_filename,
    file_chunks,
    xlsx_tempfile,
)
from digiweb.projects.filters import SORT_KEYS, SORT_LABELS, FilterError, ProjectFilters
from digiweb.projects.services import (
    campaign_years,
    enum_labels,
    project_page,
    visible_departments,
)

PROJECT_ENDPOINT = "plans.project"
_ID_PLACEHOLDER = 987654321
DepartmentChoice = namedtuple("DepartmentChoice", "code name")


def project_url(project_id: int) -> str:
    """The project page (served by the plans area at /projects/<id>)."""
    return url_for(PROJECT_ENDPOINT, project_id=project_id)


def project_url_builder():
    """`project_url` for many rows: the URL is built once, then only the id changes."""
    prefix, _sep, suffix = project_url(_ID_PLACEHOLDER).partition(str(_ID_PLACEHOLDER))
    return lambda project_id: f"{prefix}{project_id}{suffix}"


def _invalid_filters(error: FilterError):
    return render(
        "projects/invalid.html", "projects/_invalid.html", status=400, message=error.message
    )


@bp.route("/projects")
def index():
    try:
        filters = ProjectFilters.from_args(request.args)
    except FilterError as error:
        return _invalid_filters(error)
    fragment = is_htmx()

    # The rendered results and the page's content are cached per data version and Viewer (role,
    # department, language, script root: digiweb.cache.cached_html), with the filters; they
    # are rendered from the Viewer, never from the user. base.html, with the user's menu and
    # token, is not cached.
    def results_html():
        return cached_html(
            "projects.results",
            "projects/_results_body.html",
            (filters, fragment),
            lambda viewer: _results_context(filters, fragment, viewer),
        )

    if fragment:
        return render("projects/index.html", "projects/_results.html", results_html=results_html())
    # The filter form only comes with the full page: a fragment needs none of its lists.
    content_html = cached_html(
        "projects.page",
        "projects/_page.html",
        filters,
        lambda viewer: _page_context(filters, results_html(), viewer),
    )
    return render("projects/index.html", "projects/_results.html", content_html=content_html)


def _page_context(filters, results_html, viewer) -> dict:
    departments = [
        DepartmentChoice(department.code, department.name)
        for department in visible_departments(viewer)
    ]
    return {
        "results_html": results_html,
        "filters": filters,
        "labels": enum_labels(),
        "years": campaign_years(),
        "departments": departments,
        "sort_choices": _sort_choices(),
    }


def _results_context(filters, is_fragment: bool, viewer) -> dict:
    return {
        "filters": filters,
        "result": project_page(filters, viewer),
        "labels": enum_labels(),
        "project_url": project_url_builder(),
        "is_fragment": is_fragment,
        # The language looked up once, not per row (`Project.title`, `Department.name`).
        "french": viewer.language == "fr",
        "amount": amount_formatter(),
    }


def _sort_choices() -> list[tuple[str, str]]:
    choices = []
    for key in SORT_KEYS:
        label = SORT_LABELS[key]
        choices.append((key, _("%(field)s, ascending", field=label)))
        choices.append((f"-{key}", _("%(field)s, descending", field=label)))
    return choices


@bp.route("/projects.csv")
def export_csv():
    try:
        filters = ProjectFilters.from_args(request.args)
    except FilterError as error:
        return _invalid_filters(error)
    response = Response(
        stream_with_context(csv_chunks(filters, current_user)), content_type=CSV_MIMETYPE
    )
    response.headers["Content-Disposition"] = _attachment(export_filename(filters, "csv"))
    return response


@bp.route("/projects.xlsx")
def export_xlsx():
    try:
        filters = ProjectFilters.from_args(request.args)
    except FilterError as error:
        return _invalid_filters(error)
    from flask import current_app

    from digiweb.jobs.routes import large_export_page  # (the jobs area imports this one)

    count = project_page(filters, current_user, exact_total=True).total
    if count > current_app.config["JOBS_XLSX_THRESHOLD"]:
        return large_export_page(count, current_app.config["JOBS_XLSX_THRESHOLD"])
    handle, size = xlsx_tempfile(filters, current_user)
    response = Response(file_chunks(handle), mimetype=XLSX_MIMETYPE, direct_passthrough=True)
    response.content_length = size
    response.headers["Content-Disposition"] = _attachment(export_filename(filters, "xlsx"))
    return response


def _attachment(filename: str) -> str:
    return f'attachment; filename="{filename}"'
