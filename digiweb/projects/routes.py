"""The consolidated project list `/projects` and its exports `/projects.csv`, `/projects.xlsx`.

Every logged-in role may open them; `filtered_projects` limits officers to their department.
"""

from collections import namedtuple

from flask import Response, render_template, request, stream_with_context, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup

from digiweb.cache import cached
from digiweb.htmx import is_htmx, render
from digiweb.i18n import amount_formatter, language
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
    scope_key,
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


def results_key(filters, *extra) -> tuple:
    """What a rendered page of the list depends on besides the data: the user's scope, the
    language (labels, titles, sort by name), the filters and page, where the app is mounted."""
    return (scope_key(current_user), language(), filters, request.script_root, *extra)


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

    # The rendered results hold no user-specific content and no CSRF token (only the scope's
    # projects, in the language), so they are cached per data version: never stale.
    def results_html():
        return cached(
            "projects.results",
            results_key(filters, fragment),
            lambda: _render_results(filters, fragment),
        )

    if fragment:
        return render("projects/index.html", "projects/_results.html", results_html=results_html())
    # The filter form only comes with the full page: a fragment needs none of its lists. The
    # content below the site's header is cached too (it depends on the role only through the
    # scope and the officer's wording); base.html, with the user's menu and token, is not.
    content_html = cached(
        "projects.page",
        results_key(filters, current_user.is_officer),
        lambda: _render_page_content(filters, results_html()),
    )
    return render("projects/index.html", "projects/_results.html", content_html=content_html)


def _render_page_content(filters, results_html) -> Markup:
    years, departments = (
        campaign_years(),
        [
            DepartmentChoice(department.code, department.name)
            for department in visible_departments(current_user)
        ],
    )
    html = render_template(
        "projects/_page.html",
        results_html=results_html,
        filters=filters,
        labels=enum_labels(),
        years=years,
        departments=departments,
        sort_choices=_sort_choices(),
    )
    return Markup(html)  # noqa: S704 - rendered by Jinja with autoescaping


def _render_results(filters, is_fragment: bool) -> Markup:
    page = project_page(filters, current_user)
    html = render_template(
        "projects/_results_body.html",
        filters=filters,
        result=page,
        labels=enum_labels(),
        project_url=project_url_builder(),
        is_fragment=is_fragment,
        # The language looked up once, not per row (`Project.title`, `Department.name`).
        french=language() == "fr",
        amount=amount_formatter(),
    )
    return Markup(html)  # noqa: S704 - rendered by Jinja with autoescaping


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
