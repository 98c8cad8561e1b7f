"""The jobs' pages: start a large export (POST), follow it (a page polled by htmx), download it.

Only the user who asked sees a job (another user's job is a 404, its existence hidden)."""

from flask import abort, redirect, request, send_file, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from digiweb.auth.models import STAFF_ROLES
from digiweb.errors import Refusal
from digiweb.extensions import db, limiter
from digiweb.htmx import render
from digiweb.i18n import LANGUAGES, language
from digiweb.jobs import bp, kinds
from digiweb.jobs.models import ExportJob
from digiweb.jobs.services import KINDS, file_size, is_expired, submit
from digiweb.projects.filters import FilterError, ProjectFilters
from digiweb.security import configured_limit, roles_required

# A job renders what a direct download would: submitting one counts against the same limit as
# the PDFs (per user), so queuing jobs is no way around it.
JOB_RATE_LIMIT = configured_limit("RATELIMIT_PDF")


def _own(job_id: int) -> ExportJob:
    job = db.session.get(ExportJob, job_id)
    if job is None or job.user_id != current_user.id:
        abort(404)
    return job


@bp.post("/projects.xlsx")
@limiter.limit(JOB_RATE_LIMIT)
def projects_xlsx():
    """The project list's XLSX as a job (the list's filters in the query string)."""
    try:
        ProjectFilters.from_args(request.args)
    except FilterError as error:
        raise Refusal(error.message, 400, field=error.field) from None
    job = submit("projects_xlsx", kinds.project_params(request.args), current_user, language())
    return redirect(url_for("jobs.job", job_id=job.id), 303)


@bp.post("/campaign/<int:year>.pdf")
@roles_required(*STAFF_ROLES)
@limiter.limit(JOB_RATE_LIMIT)
def campaign_pdf(year: int):
    """The campaign report as a job (?lang= the document's language)."""
    from digiweb.reports.campaign_report import find_campaign

    if find_campaign(year) is None:
        abort(404)
    lang = request.args.get("lang", "")
    params = {"year": year, "lang": lang if lang in LANGUAGES else language()}
    job = submit("campaign_pdf", params, current_user, language())
    return redirect(url_for("jobs.job", job_id=job.id), 303)


@bp.get("/<int:job_id>")
def job(job_id: int):
    job = _own(job_id)
    size = None if is_expired(job) else file_size(job)
    return render("jobs/job.html", "jobs/_status.html", job=job, size=size)


@bp.get("/<int:job_id>/download")
def download(job_id: int):
    job = _own(job_id)
    if job.status != "done" or is_expired(job) or not job.path or file_size(job) is None:
        abort(404)
    response = send_file(
        job.path,
        mimetype=KINDS[job.kind].mimetype,
        as_attachment=True,
        download_name=job.filename,
        max_age=0,
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def large_export_page(count: int, threshold: int):
    """GET /projects.xlsx above the threshold: a page that offers to make the file in the
    background (a GET never writes: the job is made by the form's POST)."""
    action = url_for("jobs.projects_xlsx", **kinds.project_params(request.args))
    message = ngettext(
        "This spreadsheet has %(num)d project: it is made in the background while you keep "
        "working.",
        "This spreadsheet has %(num)d projects: it is made in the background while you keep "
        "working.",
        count,
    )
    return _confirm(message, _("Prepare the spreadsheet"), action)


def large_document_page(year: int, lang: str, projects: int):
    """GET /reports/campaign/<year>.pdf above JOBS_PDF_THRESHOLD projects: the same offer."""
    message = ngettext(
        "This report covers %(num)d project: it is made in the background while you keep working.",
        "This report covers %(num)d projects: it is made in the background while you keep working.",
        projects,
    )
    action = url_for("jobs.campaign_pdf", year=year, lang=lang)
    return _confirm(message, _("Prepare the report"), action)


def _confirm(message: str, button: str, action: str):
    return render(
        "jobs/confirm.html", "jobs/_confirm.html", message=message, button=button, action=action
    )
