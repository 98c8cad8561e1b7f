"""The jobs' pages: start a large export (POST), follow it (a page polled by htmx), download it.

Only the user who asked sees a job (another user's job is a 404, its existence hidden)."""

from flask import abort, redirect, request, send_file, url_for
from flask_login import current_user

from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.htmx import render
from digiweb.i18n import language
from digiweb.jobs import bp, kinds
from digiweb.jobs.models import ExportJob
from digiweb.jobs.services import KINDS, file_size, submit
from digiweb.projects.filters import FilterError, ProjectFilters


def _own(job_id: int) -> ExportJob:
    job = db.session.get(ExportJob, job_id)
    if job is None or job.user_id != current_user.id:
        abort(404)
    return job


@bp.post("/projects.xlsx")
def projects_xlsx():
    """The project list's XLSX as a job (the list's filters in the query string)."""
    try:
        ProjectFilters.from_args(request.args)
    except FilterError as error:
        raise Refusal(error.message, 400, field=error.field) from None
    job = submit("projects_xlsx", kinds.project_params(request.args), current_user, language())
    return redirect(url_for("jobs.job", job_id=job.id), 303)


@bp.get("/<int:job_id>")
def job(job_id: int):
    job = _own(job_id)
    return render("jobs/job.html", "jobs/_status.html", job=job, size=file_size(job))


@bp.get("/<int:job_id>/download")
def download(job_id: int):
    job = _own(job_id)
    if job.status != "done" or not job.path or file_size(job) is None:
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
    return render(
        "jobs/confirm.html", "jobs/_confirm.html", count=count, threshold=threshold, action=action
    )
