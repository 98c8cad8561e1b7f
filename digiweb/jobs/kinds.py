"""The exports that run as jobs above a size: the project list's XLSX (JOBS_XLSX_THRESHOLD
rows, /projects.xlsx) and the campaign report PDF (JOBS_PDF_THRESHOLD projects,
/reports/campaign/<year>.pdf)."""

from werkzeug.datastructures import MultiDict

from digiweb.jobs.services import Kind, register
from digiweb.projects.exports import XLSX_MIMETYPE, export_filename, write_xlsx
from digiweb.projects.filters import ProjectFilters
from digiweb.projects.services import project_page

# The query parameters of the list that the export keeps (the others mean nothing to it).
PROJECT_PARAMETERS = (
    "year", "q", "department", "target", "kind", "technology", "status", "sort",
)  # fmt: skip


def project_params(args) -> dict:
    return {name: args.get(name) for name in PROJECT_PARAMETERS if args.get(name)}


def _filters(params: dict) -> ProjectFilters:
    return ProjectFilters.from_args(MultiDict(params))


def count_projects(params: dict, user) -> int:
    return project_page(_filters(params), user, exact_total=True).total


def _make_projects_xlsx(params: dict, user, target, progress) -> None:
    total = count_projects(params, user)
    write_xlsx(_filters(params), user, target, progress=lambda done: progress(done, total))


register(
    "projects_xlsx",
    Kind(
        count=count_projects,
        make=_make_projects_xlsx,
        filename=lambda params: export_filename(_filters(params), "xlsx"),
        mimetype=XLSX_MIMETYPE,
    ),
)


def campaign_projects(year: int) -> int:
    from digiweb.dashboard.services import consolidated_stats

    return consolidated_stats(year)["projects"]


def _make_campaign_pdf(params: dict, user, target, progress) -> None:
    """One document: no progress between its start and its end."""
    from digiweb.reports.campaign_report import render_campaign_pdf

    progress(0, 1)
    target.write(render_campaign_pdf(int(params["year"]), params["lang"]))
    progress(1, 1)


register(
    "campaign_pdf",
    Kind(
        count=lambda params, user: 1,
        make=_make_campaign_pdf,
        filename=lambda params: f"campaign-{params['year']}-{params['lang']}.pdf",
        mimetype="application/pdf",
    ),
)
