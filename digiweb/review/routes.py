"""Review routes: the completeness board, reminders, the workflow actions on a plan, remarks and
answers, and the yearly follow-up of approved projects. Rules live in services.py (the
workflow), remarks.py, progress.py and board.py (the board and reminders)."""

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from digiweb import confirm
from digiweb.auth.models import REVIEW_ROLES, STAFF_ROLES
from digiweb.campaigns.models import CampaignStatus
from digiweb.campaigns.services import campaign_for_year, campaign_years, current_campaign
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.htmx import is_htmx, render
from digiweb.i18n import join_list
from digiweb.plans.models import Plan, PlanEvent, PlanStatus, ProgressUpdate, Project
from digiweb.plans.presenters import display_value
from digiweb.review import bp, decision_routes, decisions, queue, remarks, services
from digiweb.review.board import ReminderResult, board_rows, send_reminders
from digiweb.review.forms import (
    AnswerForm,
    ApproveForm,
    ProgressForm,
    RemarkForm,
    ReminderForm,
    ReopenForm,
    ReturnForm,
    SubmitForm,
)
from digiweb.review.panel import build_panel, field_label
from digiweb.review.progress import can_record_progress, record_progress
from digiweb.security import roles_required, visible_or_404
from digiweb.transaction import discard

# The board's status filter: every plan status, plus "sent" and "not sent" groups.
STATUS_GROUPS = {
    "sent": (PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED),
    "unsent": services.UNSENT,
}


@bp.app_context_processor
def review_globals():
    return {
        "review_panel": build_panel,
        "review_field_label": field_label,
        "review_field_value": display_value,
        "progress_form": progress_form,
        "plan_url": plan_url,
        "project_url": project_url,
        "review_status_label": status_label,
        "can_record_progress": lambda project: can_record_progress(current_user, project),
    }


def status_label(value: str) -> str:
    status = PlanStatus.coerce(value)
    return status.label if status else value


def project_url(project_id: int) -> str:
    """The plans area's project page."""
    return url_for("plans.project", project_id=project_id)


def plan_url(plan_id: int) -> str:
    """The plans area's plan page (this area's panel is part of it)."""
    return url_for("plans.view", plan_id=plan_id)


def _plan_for(action: str, plan_id: int) -> Plan:
    """The plan, after checking that the user may take `action` at all (403 with the reason,
    before the input is even validated)."""
    plan = visible_or_404(Plan, plan_id)
    try:
        services.check_actor(action, plan, current_user)
    except Refusal as error:
        abort(_refused(plan, error, action))
    return plan


# --- board -------------------------------------------------------------------------------------


def _board_context(campaign, status: str, reminder_form=None, notices=None):
    rows = board_rows(campaign) if campaign else []
    counts = {s.value: 0 for s in PlanStatus}
    for row in rows:
        counts[row.status.value] += 1
    counts["sent"] = sum(1 for r in rows if r.is_sent)
    counts["unsent"] = len(rows) - counts["sent"]
    if status in STATUS_GROUPS:
        shown = [r for r in rows if r.status in STATUS_GROUPS[status]]
    elif status:
        shown = [r for r in rows if r.status.value == status]
    else:
        shown = rows
    queue_filters = queue.board_filters(request.args, current_user)  # the review queue's
    shown = queue.filter_board(shown, queue_filters)
    form = reminder_form or ReminderForm(formdata=None)
    return {
        "campaign": campaign,
        "years": campaign_years(),
        "rows": shown,
        "total": len(rows),
        "counts": counts,
        "status_filter": status,
        "statuses": list(PlanStatus),
        "reminder_form": form,
        "can_remind": current_user.can_review
        and campaign is not None
        and campaign.status == CampaignStatus.OPEN,
        "notices": notices or [],
        "queue_filters": queue_filters,
    }


def _board_filters():
    year = request.args.get("year", type=int)
    campaign = campaign_for_year(year) if year else current_campaign()
    status = request.args.get("status", "")
    if status not in STATUS_GROUPS and PlanStatus.coerce(status) is None:
        status = ""
    return campaign, status


@bp.get("/plans")
@roles_required(*STAFF_ROLES)
def board():
    """Every invited department with its plan's status, figures and reminders; filters by
    status. The same URL answers the fragment to htmx."""
    campaign, status = _board_filters()
    return render("review/board.html", "review/_board.html", **_board_context(campaign, status))


@bp.post("/plans/reminders")
@roles_required(*REVIEW_ROLES)
def remind():
    year = request.form.get("year", type=int)
    campaign = campaign_for_year(year) if year else None
    if campaign is None:
        abort(404)
    status = request.form.get("status", "")
    form = ReminderForm()
    if not form.validate():
        return _board_response(campaign, status, form, 422)
    scope_all = request.form.get("scope") == "all"
    try:
        result = send_reminders(
            campaign,
            current_user,
            department_ids=None if scope_all else form.departments.data,
            interval_days=form.interval_days.data,
            message=form.message.data or "",
        )
    except Refusal as error:
        form.form_errors.append(error.message)
        return _board_response(campaign, status, form, error.status)
    notices = _reminder_notices(result)
    if is_htmx():
        return _board_response(campaign, status, None, 200, notices)
    for category, text in notices:
        flash(text, category)
    return redirect(url_for("review.board", year=campaign.year, status=status or None), 303)


def _board_response(campaign, status_filter, form, code, notices=None):
    return render(
        "review/board.html",
        "review/_board.html",
        status=code,
        **_board_context(campaign, status_filter, form, notices),
    )


def _reminder_notices(result: ReminderResult) -> list[tuple[str, str]]:
    notices = []
    if result.sent:
        notices.append(
            (
                "info",
                ngettext(
                    "Reminder sent to %(num)d department: %(names)s.",
                    "Reminder sent to %(num)d departments: %(names)s.",
                    len(result.sent),
                    names=join_list(d.code for d in result.sent),
                ),
            )
        )
    else:
        notices.append(("warning", _("No reminder was sent.")))
    for department, last in result.skipped:
        from digiweb.i18n import fmt_datetime

        notices.append(
            (
                "warning",
                _(
                    "%(department)s was skipped: already reminded on %(date)s, within the "
                    "chosen interval.",
                    department=department.code,
                    date=fmt_datetime(last),
                ),
            )
        )
    if result.not_eligible:
        notices.append(
            (
                "warning",
                _(
                    "Already sent, not reminded: %(names)s.",
                    names=join_list(d.code for d in result.not_eligible),
                ),
            )
        )
    return notices


# --- the plan's review panel ------------------------------------------------------------------


@bp.get("/plans/<int:plan_id>/review")
def plan_page(plan_id: int):
    """The review panel on a page of its own (the plans area's plan page includes it too)."""
    plan = visible_or_404(Plan, plan_id)
    return render("review/plan.html", "review/_plan_panel.html", plan=plan, panel=build_panel(plan))


def _refused(plan: Plan, error: Refusal, action: str, forms=None, text=""):
    """The panel again with the refusal, the current state and what the user had typed."""
    discard()
    plan = db.session.get(Plan, plan.id)
    panel = build_panel(plan, forms, error=error, error_action=action, user_input=text)
    return render(
        "review/plan.html", "review/_plan_panel.html", status=error.status, plan=plan, panel=panel
    )


def _invalid(plan: Plan, form, action: str, text: str = ""):
    message = next(iter(form.form_errors), None) or _("Some of the data entered is not valid.")
    error = Refusal(message, 422)
    return _refused(plan, error, action, {action: form}, text)


def _done(plan: Plan, message: str):
    if is_htmx():
        response = current_app.response_class("", 204)
        flash(message, "info")
        response.headers["HX-Redirect"] = plan_url(plan.id)
        return response
    flash(message, "info")
    return redirect(plan_url(plan.id), 303)


@bp.post("/plans/<int:plan_id>/submit")
def submit(plan_id: int):
    plan = _plan_for("submit", plan_id)
    form = SubmitForm()
    if not form.validate():
        return _invalid(plan, form, "submit")
    try:
        confirm.require()  # sending cannot be undone: the box was ticked
        if plan.status in services.SUBMITTABLE:
            asking = decision_routes.unanswered_page(plan, "submit")
            if asking:
                return asking
        services.submit_plan(plan, current_user, form.version.data)
    except Refusal as error:
        return _refused(plan, error, "submit")
    return _done(plan, _("Your plan has been sent to the ministry for review."))


@bp.post("/plans/<int:plan_id>/return")
def return_(plan_id: int):
    plan = _plan_for("return", plan_id)
    form = ReturnForm()
    project_remarks = form.project_remarks(request.form)
    if not form.validate():
        return _invalid(plan, form, "return", form.comment.data or "")
    try:
        services.return_plan(
            plan,
            current_user,
            form.comment.data,
            form.version.data,
            project_remarks=project_remarks,
        )
    except Refusal as error:
        return _refused(plan, error, "return", {"return": form}, form.comment.data or "")
    return _done(plan, _("The plan has been returned to the department for revision."))


@bp.post("/plans/<int:plan_id>/approve")
def approve(plan_id: int):
    plan = _plan_for("approve", plan_id)
    form = ApproveForm()
    if not form.validate():
        return _invalid(plan, form, "approve", form.comment.data or "")
    try:
        confirm.require()  # an approval cannot be undone: the box was ticked
        if plan.status == PlanStatus.SUBMITTED:
            decisions.require_all_decided(plan)  # before asking about the remarks
            asking = decision_routes.unanswered_page(plan, "approve")
            if asking:
                return asking
        services.approve_plan(plan, current_user, form.version.data, form.comment.data or "")
    except Refusal as error:
        return _refused(plan, error, "approve", {"approve": form}, form.comment.data or "")
    return _done(plan, _("The plan has been approved."))


@bp.post("/plans/<int:plan_id>/reopen")
def reopen(plan_id: int):
    plan = _plan_for("reopen", plan_id)
    form = ReopenForm()
    if not form.validate():
        return _invalid(plan, form, "reopen", form.reason.data or "")
    try:
        services.reopen_plan(plan, current_user, form.reason.data, form.version.data)
    except Refusal as error:
        return _refused(plan, error, "reopen", {"reopen": form}, form.reason.data or "")
    return _done(plan, _("The approval has been reopened; the plan is back with the department."))


# --- remarks and answers (htmx: the panel is swapped in place) -----------------------------------


def _panel_updated(plan: Plan, notice: str):
    if is_htmx():
        return render(
            "review/plan.html",
            "review/_plan_panel.html",
            plan=plan,
            panel=build_panel(plan, notice=notice),
        )
    flash(notice, "info")
    return redirect(plan_url(plan.id) + "#review-panel", 303)


@bp.post("/plans/<int:plan_id>/remarks")
def add_remark(plan_id: int):
    plan = _plan_for("remark", plan_id)
    form = RemarkForm()
    form.set_projects(plan)
    if not form.validate():
        return _invalid(plan, form, "remark", form.comment.data or "")
    project = None
    if form.project.data:
        project = db.session.get(Project, int(form.project.data))
    try:
        remarks.add_remark(plan, current_user, form.comment.data, project)
    except Refusal as error:
        return _refused(plan, error, "remark", {"remark": form}, form.comment.data or "")
    return _panel_updated(db.session.get(Plan, plan_id), _("Your remark has been added."))


@bp.post("/plans/<int:plan_id>/remarks/<int:remark_id>/answer")
def answer_remark(plan_id: int, remark_id: int):
    plan = _plan_for("answer", plan_id)
    remark = db.session.get(PlanEvent, remark_id)
    if remark is None or remark.plan_id != plan.id:
        abort(404)
    form = AnswerForm()
    if not form.validate():
        message = next(iter(form.comment.errors), _("Write your answer."))
        error = Refusal(str(message), 422)
        return _refused_answer(plan, remark_id, error, form.comment.data or "")
    try:
        remarks.answer_remark(remark, current_user, form.comment.data)
    except Refusal as error:
        return _refused_answer(plan, remark_id, error, form.comment.data or "")
    return _panel_updated(db.session.get(Plan, plan_id), _("Your answer has been sent."))


def _refused_answer(plan: Plan, remark_id: int, error, text: str):
    discard()
    plan = db.session.get(Plan, plan.id)
    panel = build_panel(
        plan,
        error=error,
        error_action="answer",
        user_input=text,
        answer_errors={remark_id: (error.message, text)},
    )
    return render(
        "review/plan.html", "review/_plan_panel.html", status=error.status, plan=plan, panel=panel
    )


# --- yearly follow-up of approved projects ------------------------------------------------------


def progress_form(project: Project, formdata=None) -> ProgressForm:
    """The follow-up form of a project, filled with its current values."""
    form = ProgressForm(
        formdata=formdata,
        data={
            "version": project.version,
            "status": project.status.value,
            "progress": project.progress,
        },
    )
    return form


def _progress_history(project: Project) -> list[ProgressUpdate]:
    from sqlalchemy.orm import joinedload

    return list(
        db.session.scalars(
            db.select(ProgressUpdate)
            .where(ProgressUpdate.project_id == project.id)
            .options(joinedload(ProgressUpdate.actor))
            .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())
        )
    )


def _progress_response(project, form, code=200, error=None, notice=""):
    return render(
        "review/progress.html",
        "review/_progress.html",
        status=code,
        project=project,
        pform=form,
        pform_for=project.id,
        progress_error=error,
        progress_notice=notice,
        history=_progress_history(project),
        with_history=True,
    )


@bp.route("/projects/<int:project_id>/progress", methods=["GET", "POST"])
def project_progress(project_id: int):
    project = visible_or_404(Project, project_id)
    if request.method == "GET":
        return _progress_response(project, progress_form(project))
    if not can_record_progress(current_user, project):
        abort(403)
    form = ProgressForm()
    if not form.validate():
        return _progress_response(project, form, 422)
    try:
        record_progress(
            project,
            current_user,
            status=form.status.data,
            progress=form.progress.data,
            note=form.note.data,
            expected_version=form.version.data,
            rating=form.rating.data,
            rating_reason=form.rating_reason.data,
        )
    except Refusal as error:
        discard()
        project = db.session.get(Project, project_id)
        form.version.data = project.version  # the user can confirm against the current values
        return _progress_response(project, form, error.status, error)
    project = db.session.get(Project, project_id)
    notice = _("The follow-up of %(reference)s has been saved.", reference=project.reference)
    if is_htmx():
        return _progress_response(project, progress_form(project), notice=notice)
    flash(notice, "info")
    return redirect(plan_url(project.plan_id), 303)
