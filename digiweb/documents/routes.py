"""Attaching documents (POST with a file) and downloading them (GET, as an attachment)."""

from urllib.parse import quote

from flask import abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb.documents import bp, services
from digiweb.extensions import db
from digiweb.security import safe_next_url


def _file():
    upload = request.files.get("file")
    if upload is None:
        return b"", ""
    return upload.read(), upload.filename


def _back(fallback: str):
    target = safe_next_url(request.form.get("next"), "core.home")
    return redirect(target if request.form.get("next") else fallback)


def _attach(attach, record, back):
    """The posted file attached to `record` by the service `attach`, then `back()`."""
    data, name = _file()
    document = attach(record, data, name, current_user)
    flash(_("%(name)s attached.", name=document.filename), "success")
    return back()


@bp.post("/meetings/<reference>/documents")
def attach_to_meeting(reference):
    from digiweb.meetings.services import meeting_for

    meeting = meeting_for(current_user, reference, full=False)
    back = url_for("meetings.view", reference=reference) + "#documents"
    return _attach(services.attach_to_meeting, meeting, lambda: redirect(back))


@bp.post("/plans/<int:plan_id>/documents")
def attach_to_plan(plan_id):
    from digiweb.plans.models import Plan

    plan = db.get_or_404(Plan, plan_id)
    back = url_for("documents.plan_documents", plan_id=plan_id)
    return _attach(services.attach_to_plan, plan, lambda: _back(back))


@bp.post("/remarks/<int:event_id>/documents")
def attach_to_remark(event_id):
    from digiweb.plans.models import PlanEvent

    event = db.get_or_404(PlanEvent, event_id)
    back = url_for("documents.plan_documents", plan_id=event.plan_id)
    return _attach(services.attach_to_remark, event, lambda: _back(back))


@bp.get("/plans/<int:plan_id>/documents")
def plan_documents(plan_id):
    """The documents of a plan and of its remarks (JSON-free list page)."""
    from flask import render_template

    from digiweb.plans.models import Plan, PlanEvent

    plan = db.session.get(Plan, plan_id)
    if plan is None or not services._plan_readable(current_user, plan):
        abort(404)
    event_ids = db.session.scalars(db.select(PlanEvent.id).where(PlanEvent.plan_id == plan.id))
    remarks = [d for e in event_ids for d in services.documents_of(plan_event_id=e)]
    return render_template(
        "documents/plan_documents.html",
        plan=plan,
        documents=services.documents_of(plan_id=plan.id),
        remark_documents=remarks,
        can_attach=services._plan_writable(current_user, plan),
    )


@bp.get("/documents/<int:document_id>")
def download(document_id):
    document = services.document_for(current_user, document_id)
    response = make_response(document.data)
    response.headers["Content-Type"] = document.content_type
    ascii_name = document.filename.encode("ascii", "replace").decode().replace("?", "_")
    ascii_name = ascii_name.replace('"', "_")
    response.headers["Content-Disposition"] = (
        f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(document.filename)}"
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "private, no-store"
    return response
