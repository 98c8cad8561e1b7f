"""The consolidated project list `/projects` and its exports `/projects.csv`, `/projects.xlsx`.

Every logged-in role may open them; `filtered_projects` limits officers to their department.
"""

from flask import Response, current_app, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.htmx import is_htmx, render
from digiweb.projects import bp
from digiweb.projects.exports import (
    CSV_MIMETYPE,
    XLSX_MIMETYPE,
    csv_chunks,
    export_filename,
    file_chunks,
    xlsx_tempfile,
)
from digiweb.projects.services import (
    SORT_KEYS,
    SORT_LABELS,
    FilterError,
    ProjectFilters,
    campaign_years,
    enum_labels,
    project_page,
    visible_departments,
)

PROJECT_ENDPOINT = "plans.project"


def project_url(project_id: int) -> str:
    """The project page (built by the plans area at /projects/<id>)."""
    if PROJECT_ENDPOINT in current_app.view_functions:
        return url_for(PROJECT_ENDPOINT, project_id=project_id)
    return f"{request.script_root}/projects/{project_id}"


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
    page = project_page(filters, current_user)
    labels = enum_labels()
    context = {"filters": filters, "result": page, "labels": labels, "project_url": project_url}
    if is_htmx():
        return render("projects/index.html", "projects/_results.html", is_fragment=True, **context)
    # The filter form only comes with the full page: a fragment needs none of its lists.
    return render(
        "projects/index.html",
        "projects/_results.html",
        is_fragment=False,
        years=campaign_years(),
        departments=visible_departments(current_user),
        sort_choices=_sort_choices(),
        **context,
    )


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
        stream_with_context(csv_chunks(filters, current_user)), mimetype=CSV_MIMETYPE
    )
    response.headers["Content-Disposition"] = _attachment(export_filename(filters, "csv"))
    return response


@bp.route("/projects.xlsx")
def export_xlsx():
    try:
        filters = ProjectFilters.from_args(request.args)
    except FilterError as error:
        return _invalid_filters(error)
    handle, size = xlsx_tempfile(filters, current_user)
    response = Response(file_chunks(handle), mimetype=XLSX_MIMETYPE, direct_passthrough=True)
    response.content_length = size
    response.headers["Content-Disposition"] = _attachment(export_filename(filters, "xlsx"))
    return response


def _attachment(filename: str) -> str:
    return f'attachment; filename="{filename}"'
