"""Decisions: those of a meeting (text), and their follow-up list across meetings."""

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb import clock, confirm, htmx
from digiweb.auth.models import REVIEW_ROLES
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import db
from digiweb.meetings import bp, services
from digiweb.meetings import decisions as decision_services
from digiweb.meetings.forms import (
    DecisionFilterForm,
    DecisionForm,
    FollowUpForm,
    scoped,
)
from digiweb.meetings.models import DecisionStatus, Meeting
from digiweb.meetings.page import (
    conflict_of,
    done,
    editable_row,
    filled_form,
    find_item,
    followup_form_factory,
    input_refused,
    locked_answer,
    meeting_of,
    refusal_answer,
    reload_meeting,
    render_section,
)
from digiweb.security import (
    roles_required,
    safe_next_url,
)
from digiweb.transaction import discard

# --- decisions (text) ------------------------------------------------------------------------


def _decision_conflict_forms(meeting: Meeting, decision_id: int, form: DecisionForm):
    decision = find_item(meeting.decisions, decision_id)
    return conflict_of(f"decision-{decision_id}", form, filled_form(DecisionForm, decision))


@bp.route("/meetings/<reference>/decisions", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_decision(reference):
    meeting = meeting_of(reference)
    if refused := locked_answer(meeting, "decisions"):
        return refused
    form = scoped(DecisionForm(), "decision-new")
    if not form.validate():
        return render_section(meeting, "decisions", 422, decision_form=form)
    try:
        decision = decision_services.add_decision(meeting, form.values(), actor=current_user)
    except Refusal as error:
        return input_refused(reference, error, "decisions", form, decision_form=form)
    return done(meeting, "decisions", _("Decision added."), anchor=f"decision-{decision.id}")


@bp.route("/meetings/<reference>/decisions/<int:decision_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_decision(reference, decision_id):
    meeting, decision, refused = editable_row(
        reference, "decision", "decisions", decision_id, row_as="decision"
    )
    if refused:
        return refused
    form = scoped(DecisionForm(formdata=None), f"decision-{decision.id}-edit")
    form.fill_from(decision)
    return render_section(
        meeting,
        "decision",
        decision=decision,
        editing_decision=decision.id,
        decision_edit_form=form,
    )


@bp.route("/meetings/<reference>/decisions/<int:decision_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_decision(reference, decision_id):
    meeting, decision, refused = editable_row(
        reference, "decision", "decisions", decision_id, row_as="decision"
    )
    if refused:
        return refused
    form = scoped(DecisionForm(), f"decision-{decision_id}-edit")
    editing = {"editing_decision": decision_id, "decision_edit_form": form}
    if not form.validate():
        return render_section(meeting, "decision", 422, decision=decision, **editing)
    try:
        decision_services.update_decision(
            decision, form.values(), form.version.data, actor=current_user
        )
    except Conflict as error:
        meeting = reload_meeting(reference)
        conflict = _decision_conflict_forms(meeting, decision_id, form)
        attach(form, error)
        return render_section(
            meeting,
            "decision",
            409,
            decision=find_item(meeting.decisions, decision_id),
            conflict=conflict,
            **editing,
        )
    except Refusal as error:
        meeting = reload_meeting(reference)
        decision = find_item(meeting.decisions, decision_id)
        if error.status != 422:
            flash(error.message, "error")
            return render_section(meeting, "decision", error.status, decision=decision)
        attach(form, error)
        return render_section(meeting, "decision", 422, decision=decision, **editing)
    flash(_("Decision saved."), "success")
    if not htmx.is_htmx():
        return redirect(url_for("meetings.view", reference=reference) + f"#decision-{decision_id}")
    meeting = meeting_of(reference)
    return render_section(meeting, "decision", decision=find_item(meeting.decisions, decision_id))


@bp.route("/meetings/<reference>/decisions/<int:decision_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_decision(reference, decision_id):
    meeting, decision, refused = editable_row(reference, "decisions", "decisions", decision_id)
    if refused:
        return refused
    back = url_for("meetings.view", reference=reference) + "#decisions"
    if asked := confirm.page_unless_confirmed(_("Delete this decision?"), back):
        return asked  # without JavaScript: the page that asks first
    try:
        decision_services.delete_decision(decision, actor=current_user)
    except Refusal as error:
        return refusal_answer(reference, error, "decisions")
    return done(meeting, "decisions", _("Decision deleted."))


# --- decisions follow-up ---------------------------------------------------------------------


def _filter_form():
    meetings = list(
        db.session.scalars(
            services.visible_meetings(current_user).order_by(Meeting.starts_at.desc())
        )
    )
    departments = [] if current_user.is_officer else services.department_options()
    form = DecisionFilterForm(formdata=request.args, meetings=meetings, departments=departments)
    form.validate()
    return form


@bp.route("/decisions")
def decisions():
    form = _filter_form()
    filters = decision_services.DecisionFilters(
        status=DecisionStatus.coerce(form.status.data) if not form.status.errors else None,
        department_id=form.department.data if not form.department.errors else None,
        meeting_id=form.meeting.data if not form.meeting.errors else None,
    )
    rows = decision_services.decisions_list(current_user, filters)
    return htmx.render(
        "meetings/decisions.html",
        "meetings/_decision_list.html",
        form=form,
        decisions=rows,
        **_list_context(rows),
    )


def _list_context(rows, **overrides) -> dict:
    user = current_user
    context = {
        "refs": services.project_references(d.id for d in rows),
        # the history on one decision's own page (the list stays one query per kind of row)
        "history": decision_services.history_of([d.id for d in rows]) if len(rows) == 1 else {},
        "today": clock.today(),
        "visible_meetings": services.visible_meeting_ids(user, (d.meeting_id for d in rows)),
        "may_follow_up": lambda d: services.can_follow_up(user, d),
        "is_overdue": decision_services.is_overdue,
        "can_manage": services.can_manage(user),
        "editable": False,
        "editing_decision": None,
        "show_meeting": True,
        "conflict": None,
        "oob_flashes": "meetings/_decision_list.html" if htmx.is_htmx() else None,
    }
    context.update(overrides)
    context["followup_form"] = followup_form_factory(
        overrides.get("followup_override"),
        overrides.get("followup_decision_id"),
        overrides.get("next_url") or _current_list_url(),
    )
    return context


def _current_list_url() -> str:
    if request.endpoint == "meetings.decisions":
        return request.full_path.rstrip("?")
    return url_for("meetings.decisions")


@bp.route("/decisions/<int:decision_id>/follow-up", methods=["GET", "POST"])
def follow_up(decision_id):
    """The follow-up of one decision: its page (GET), or the save of its status and note."""
    decision = services.decision_for(current_user, decision_id)
    if request.method == "GET":
        return htmx.render(
            "meetings/follow_up.html",
            "meetings/_decision.html",
            decision=decision,
            **_list_context([decision], oob_flashes=None),
        )
    if not services.can_follow_up(current_user, decision):
        abort(403)
    form = scoped(FollowUpForm(), f"followup-{decision_id}")
    next_url = safe_next_url(form.next.data, "meetings.decisions")
    on_meeting_page = next_url.startswith("/meetings/")
    status, conflict = 422, None
    if form.validate():
        try:
            decision_services.update_follow_up(
                decision, form.status.data, form.note.data, form.version.data, current_user
            )
        except Conflict as error:
            discard()
            decision = services.decision_for(current_user, decision_id)
            conflict = conflict_of(
                f"followup-{decision_id}", form, filled_form(FollowUpForm, decision)
            )
            attach(form, error)
            status = 409
        except Refusal as error:
            discard()
            decision = services.decision_for(current_user, decision_id)
            form.form_errors.append(error.message)
            status = error.status
        else:
            flash(_("Follow-up of the decision saved."), "success")
            if not htmx.is_htmx():
                return redirect(f"{next_url}#decision-{decision_id}")
            decision = services.decision_for(current_user, decision_id)
            status, form = 200, None
    meeting = decision.meeting
    context = _list_context(
        [decision],
        show_meeting=not on_meeting_page,
        editable=on_meeting_page and services.can_manage(current_user) and not meeting.is_locked,
        conflict=conflict,
        next_url=next_url,
        followup_override=form,
        followup_decision_id=decision_id,
        oob_flashes="meetings/_decision.html" if htmx.is_htmx() else None,
    )
    return htmx.render(
        "meetings/follow_up.html",
        "meetings/_decision.html",
        status=status,
        decision=decision,
        **context,
    )


@bp.app_template_global()
def my_open_decisions() -> list:
    """The open decisions of the signed-in officer's department (their home page shows them)."""
    return decision_services.open_decisions_of_department(current_user.department_id)
