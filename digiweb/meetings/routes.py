"""Meetings, their attendees, agenda, minutes and decisions; the decisions follow-up list.

Routes read the request, call one service, render. Every htmx interaction is also a plain
form post: an htmx request gets the section it changed (with the flash messages out of band),
a plain one is redirected to the meeting page, or gets the whole page back when the input was
refused (422), conflicted with someone else's save (409) or the meeting is locked (409).
"""

from datetime import time

from flask import abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from wtforms import DateField, SelectField, TimeField

from digiweb import clock, confirm, htmx
from digiweb.auth.models import REVIEW_ROLES
from digiweb.documents import services as document_services
from digiweb.errors import Conflict, Refusal, attach
from digiweb.extensions import db, limiter
from digiweb.i18n import fmt_date, language
from digiweb.meetings import agenda, attendance, bp, calendar, invitations, services
from digiweb.meetings import decisions as decision_services
from digiweb.meetings.forms import (
    AgendaItemForm,
    AttendeeForm,
    DecisionFilterForm,
    DecisionForm,
    FollowUpForm,
    MeetingForm,
    MinutesForm,
    scoped,
)
from digiweb.meetings.models import AgendaItem, Attendee, Decision, DecisionStatus, Meeting
from digiweb.security import (
    client_address_key,
    configured_limit,
    public,
    roles_required,
    safe_next_url,
)
from digiweb.transaction import discard, parse_version

VIEW = "meetings/view.html"
VIEW_FRAGMENT = "meetings/_meeting.html"
FORM = "meetings/form.html"
FORM_FRAGMENT = "meetings/_meeting_form.html"
SECTIONS = {
    "attendees": "meetings/_attendees.html",
    "agenda": "meetings/_agenda.html",
    "minutes": "meetings/_minutes.html",
    "decisions": "meetings/_decisions.html",
    "decision": "meetings/_decision.html",
}
HIDDEN_FIELDS = ("csrf_token", "version", "next")
FEED_RATE_LIMIT = configured_limit("RATELIMIT_VERIFY")  # per address: no guessing tokens


# --- helpers ---------------------------------------------------------------------------------


def _display(field) -> str:
    """A field's value as the user reads it (the label of a choice, a formatted date)."""
    if isinstance(field, SelectField):
        for choice in field.iter_choices():
            if choice.selected:
                return str(choice.label)
        return ""
    if isinstance(field, TimeField):
        return field.data.strftime("%H:%M") if field.data else ""
    if isinstance(field, DateField):
        return fmt_date(field.data)
    return "" if field.data is None else str(field.data)


def _conflict(key: str, mine, current) -> dict:
    """What the 409 answer shows: each field's current value next to the one entered."""
    rows = [
        {
            "label": field.label.text,
            "current": _display(current[name]),
            "mine": _display(field),
        }
        for name, field in mine._fields.items()
        if name not in HIDDEN_FIELDS
    ]
    for row in rows:
        row["differs"] = row["current"] != row["mine"]
    return {"key": key, "rows": rows}


def _find(items, item_id: int):
    for item in items:
        if item.id == item_id:
            return item
    abort(404)


def _followup_form_factory(override, override_id, next_url: str):
    """followup_form(decision) for the templates: the posted form for the decision that was
    just refused, a fresh one filled from the record for the others."""

    def factory(decision: Decision) -> FollowUpForm:
        if override is not None and override_id == decision.id:
            return override
        form = scoped(FollowUpForm(formdata=None), f"followup-{decision.id}")
        form.fill_from(decision)
        form.next.data = next_url
        return form

    return factory


def _meeting_context(meeting: Meeting, **overrides) -> dict:
    """Everything the meeting page and its sections need."""
    user = current_user
    manager = services.can_manage(user)
    editable = manager and not meeting.is_locked
    context = {
        "meeting": meeting,
        "can_manage": manager,
        "editable": editable,
        "documents": services.documents_of(meeting) if meeting.is_locked else {},
        "refs": services.project_references(d.id for d in meeting.decisions),
        "history": decision_services.history_of(
            [d.id for d in meeting.decisions]
            + [link.decision_id for item in meeting.agenda_items for link in item.followed]
        ),
        "decision_statuses": list(DecisionStatus),
        "today": clock.today(),
        "oob_flashes": VIEW_FRAGMENT if htmx.is_htmx() else None,
        "may_follow_up": lambda d: services.can_follow_up(user, d),
        "is_overdue": decision_services.is_overdue,
        "local_time": services.utc_to_local,
        "show_meeting": False,
        "conflict": None,
        "editing_attendee": None,
        "editing_agenda": None,
        "editing_decision": None,
        "invitations": invitations.invitations_of(meeting) if manager else [],
        "attached_documents": document_services.documents_of(meeting_id=meeting.id),
    }
    if editable:
        context.update(
            attendee_form=scoped(AttendeeForm(formdata=None), "attendee-new"),
            agenda_form=scoped(AgendaItemForm(formdata=None), "agenda-new"),
            decision_form=scoped(DecisionForm(formdata=None), "decision-new"),
            minutes_form=_minutes_form(meeting),
            invite_departments=services.department_options(),
            invite_officers=services.officer_options(),
        )
    context.update(overrides)
    context["followup_form"] = _followup_form_factory(
        overrides.get("followup_override"),
        overrides.get("followup_decision_id"),
        url_for("meetings.view", reference=meeting.reference),
    )
    return context


def _minutes_form(meeting: Meeting) -> MinutesForm:
    form = scoped(MinutesForm(formdata=None), "minutes")
    form.minutes_ar.data = meeting.minutes_ar
    form.minutes_fr.data = meeting.minutes_fr
    form.version.data = meeting.version
    return form


def _render(meeting: Meeting, section: str, status: int = 200, **overrides):
    """The meeting page, or only `section` for an htmx request (with the flash messages)."""
    overrides.setdefault("oob_flashes", SECTIONS[section] if htmx.is_htmx() else None)
    context = _meeting_context(meeting, **overrides)
    return htmx.render(VIEW, SECTIONS[section], status=status, **context)


def _meeting(reference: str) -> Meeting:
    return services.meeting_for(current_user, reference)


def _reload(reference: str) -> Meeting:
    """The meeting as stored, after a refused change was rolled back."""
    discard()
    return _meeting(reference)


def _done(meeting: Meeting, section: str, message: str, anchor: str | None = None, **overrides):
    """After a successful change: the section for htmx, a redirect for a plain post."""
    flash(message, "success")
    if htmx.is_htmx():
        return _render(_meeting(meeting.reference), section, **overrides)
    target = url_for("meetings.view", reference=meeting.reference)
    return redirect(f"{target}#{anchor or section}")


def _refused(reference: str, error: Refusal, section: str, **overrides):
    """A rule refused the change: nothing is kept; the message is shown with the section."""
    meeting = _reload(reference)
    flash(error.message, "error")
    return _render(meeting, section, status=error.status, **overrides)


def _ensure_editable(meeting: Meeting, section: str, **overrides):
    """A locked meeting answers 409 before its input is even looked at (the services check
    again, against the database, when they write)."""
    if meeting.is_locked:
        return _refused(meeting.reference, services.locked_meeting(), section, **overrides)
    return None


# --- meetings --------------------------------------------------------------------------------


@bp.route("/meetings")
def index():
    year = request.args.get("year", type=int)
    if year is not None and not 1 <= year <= 9999:  # ?year=10**30 must not reach the database
        year = None
    rows = services.meetings_list(current_user, year)
    return htmx.render(
        "meetings/index.html",
        "meetings/_meeting_list.html",
        rows=rows,
        years=services.meeting_years(current_user),
        year=year,
        can_manage=services.can_manage(current_user),
        calendar_url=_calendar_url(),
    )


def _calendar_url() -> str | None:
    """The address of the user's personal calendar feed, if they created one."""
    feed = calendar.feed_of(current_user)
    if feed is None:
        return None
    return url_for("meetings.calendar_feed", token=calendar.token_of(feed), _external=True)


@bp.route("/meetings/new", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def create():
    form = MeetingForm()
    if request.method == "GET":
        form.kind.data = "working_session"
        form.status.data = "planned"
        form.time.data = time(9, 0)
        campaigns = services.campaign_choices()
        form.campaign_id.data = campaigns[0][0] if campaigns else None  # the latest year
    status = 200
    if form.validate_on_submit():
        try:
            meeting = services.create_meeting(form.values(), actor=current_user)
        except Refusal as error:
            discard()
            attach(form, error)
            status = error.status
        else:
            flash(_("Meeting %(reference)s created.", reference=meeting.reference), "success")
            return redirect(url_for("meetings.view", reference=meeting.reference))
    elif request.method == "POST":
        status = 422
    return htmx.render(FORM, FORM_FRAGMENT, status=status, form=form, meeting=None, conflict=None)


@bp.route("/meetings/<reference>")
def view(reference):
    meeting = _meeting(reference)
    return htmx.render(VIEW, VIEW_FRAGMENT, **_meeting_context(meeting))


@bp.route("/meetings/<reference>/edit", methods=["GET", "POST"])
@roles_required(*REVIEW_ROLES)
def edit(reference):
    meeting = _meeting(reference)
    if meeting.is_locked:
        flash(services.locked_meeting().message, "error")
        return htmx.render(VIEW, VIEW_FRAGMENT, status=409, **_meeting_context(meeting))
    form = MeetingForm()
    if request.method == "GET":
        form.fill_from(meeting)
    status, conflict = 200, None
    if form.validate_on_submit():
        try:
            services.update_meeting(meeting, form.values(), form.version.data, actor=current_user)
        except Conflict as error:
            meeting = _reload(reference)
            current = MeetingForm(formdata=None)
            current.fill_from(meeting)
            conflict = _conflict("meeting", form, current)
            attach(form, error)
            status = 409
        except Refusal as error:
            meeting = _reload(reference)
            attach(form, error)
            status = error.status
        else:
            flash(_("Meeting %(reference)s saved.", reference=meeting.reference), "success")
            return redirect(url_for("meetings.view", reference=meeting.reference))
    elif request.method == "POST":
        status = 422
    return htmx.render(
        FORM, FORM_FRAGMENT, status=status, form=form, meeting=meeting, conflict=conflict
    )


@bp.route("/meetings/<reference>/minutes", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def save_minutes(reference):
    meeting = _meeting(reference)
    if refused := _ensure_editable(meeting, "minutes"):
        return refused
    form = scoped(MinutesForm(), "minutes")
    if not form.validate():
        return _render(meeting, "minutes", 422, minutes_form=form)
    try:
        services.update_minutes(
            meeting,
            form.minutes_ar.data or "",
            form.minutes_fr.data or "",
            form.version.data,
            actor=current_user,
        )
    except Conflict as error:
        meeting = _reload(reference)
        conflict = _conflict("minutes", form, _minutes_form(meeting))
        attach(form, error)
        return _render(meeting, "minutes", 409, minutes_form=form, conflict=conflict)
    except Refusal as error:
        return _refused(reference, error, "minutes")
    return _done(meeting, "minutes", _("Minutes saved."))


@bp.route("/meetings/<reference>/approve-minutes", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def approve_minutes(reference):
    meeting = _meeting(reference)
    try:
        parse_version(request.form.get("version"))  # no version: 400, as before
        confirm.require()  # approved minutes are sealed for good: the box was ticked
        services.approve_minutes(meeting, request.form.get("version"), actor=current_user)
    except Refusal as error:
        meeting = _reload(reference)
        flash(error.message, "error")
        return htmx.render(VIEW, VIEW_FRAGMENT, status=error.status, **_meeting_context(meeting))
    flash(
        _("The minutes of %(reference)s are approved and locked.", reference=reference),
        "success",
    )
    return redirect(url_for("meetings.view", reference=reference))


# --- attendees -------------------------------------------------------------------------------


@bp.route("/meetings/<reference>/attendees", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_attendee(reference):
    meeting = _meeting(reference)
    if refused := _ensure_editable(meeting, "attendees"):
        return refused
    form = scoped(AttendeeForm(), "attendee-new")
    if form.validate():
        try:
            attendee = attendance.add_attendee(meeting, form.values(), actor=current_user)
        except Refusal as error:
            if error.status != 422:
                return _refused(reference, error, "attendees")
            meeting = _reload(reference)
            attach(form, error)
        else:
            return _done(
                meeting,
                "attendees",
                _("%(name)s added to the attendance list.", name=attendee.name),
            )
    return _render(meeting, "attendees", 422, attendee_form=form)


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_attendee(reference, attendee_id):
    meeting = _meeting(reference)
    attendee = _find(meeting.attendees, attendee_id)
    if refused := _ensure_editable(meeting, "attendees"):
        return refused
    form = scoped(AttendeeForm(formdata=None), f"attendee-{attendee.id}")
    form.fill_from(attendee)
    return _render(meeting, "attendees", editing_attendee=attendee.id, attendee_edit_form=form)


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_attendee(reference, attendee_id):
    meeting = _meeting(reference)
    attendee = _find(meeting.attendees, attendee_id)
    if refused := _ensure_editable(meeting, "attendees"):
        return refused
    form = scoped(AttendeeForm(), f"attendee-{attendee_id}")
    editing = {"editing_attendee": attendee_id, "attendee_edit_form": form}
    if not form.validate():
        return _render(meeting, "attendees", 422, **editing)
    try:
        attendance.update_attendee(
            meeting, attendee, form.values(), form.version.data, actor=current_user
        )
    except Conflict as error:
        meeting = _reload(reference)
        current = AttendeeForm(formdata=None)
        current.fill_from(_find(meeting.attendees, attendee_id))
        attach(form, error)
        return _render(
            meeting,
            "attendees",
            409,
            conflict=_conflict(f"attendee-{attendee_id}", form, current),
            **editing,
        )
    except Refusal as error:
        if error.status != 422:
            return _refused(reference, error, "attendees")
        meeting = _reload(reference)
        attach(form, error)
        return _render(meeting, "attendees", 422, **editing)
    return _done(meeting, "attendees", _("Attendee saved."), anchor=f"attendee-{attendee_id}")


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_attendee(reference, attendee_id):
    meeting = _meeting(reference)
    attendee: Attendee = _find(meeting.attendees, attendee_id)
    if refused := _ensure_editable(meeting, "attendees"):
        return refused
    back = url_for("meetings.view", reference=reference) + "#attendees"
    if asked := confirm.page_unless_confirmed(
        _("Remove %(name)s from the attendance list?", name=attendee.name), back
    ):
        return asked  # without JavaScript: the page that asks first
    name = attendee.name
    try:
        attendance.delete_attendee(meeting, attendee, actor=current_user)
    except Refusal as error:
        return _refused(reference, error, "attendees")
    return _done(meeting, "attendees", _("%(name)s removed from the attendance list.", name=name))


# --- agenda ----------------------------------------------------------------------------------


@bp.route("/meetings/<reference>/agenda", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_agenda_item(reference):
    meeting = _meeting(reference)
    if refused := _ensure_editable(meeting, "agenda"):
        return refused
    form = scoped(AgendaItemForm(), "agenda-new")
    if not form.validate():
        return _render(meeting, "agenda", 422, agenda_form=form)
    try:
        item = agenda.add_agenda_item(
            meeting, form.title_ar.data, form.title_fr.data, actor=current_user
        )
    except Refusal as error:
        return _refused(reference, error, "agenda")
    # Ready for the next item: an empty form, the keyboard focus in its first field.
    next_form = scoped(AgendaItemForm(formdata=None), "agenda-new")
    next_form.title_ar.render_kw = {**next_form.title_ar.render_kw, "autofocus": True}
    return _done(
        meeting, "agenda", _("Agenda item added."), focus_agenda=item.id, agenda_form=next_form
    )


@bp.route("/meetings/<reference>/agenda/<int:item_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_agenda_item(reference, item_id):
    meeting = _meeting(reference)
    item = _find(meeting.agenda_items, item_id)
    if refused := _ensure_editable(meeting, "agenda"):
        return refused
    form = scoped(AgendaItemForm(formdata=None), f"agenda-{item.id}")
    form.fill_from(item)
    return _render(meeting, "agenda", editing_agenda=item.id, agenda_edit_form=form)


@bp.route("/meetings/<reference>/agenda/<int:item_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_agenda_item(reference, item_id):
    meeting = _meeting(reference)
    item = _find(meeting.agenda_items, item_id)
    if refused := _ensure_editable(meeting, "agenda"):
        return refused
    form = scoped(AgendaItemForm(), f"agenda-{item_id}")
    editing = {"editing_agenda": item_id, "agenda_edit_form": form}
    if not form.validate():
        return _render(meeting, "agenda", 422, **editing)
    try:
        agenda.update_agenda_item(
            meeting,
            item,
            form.title_ar.data,
            form.title_fr.data,
            form.version.data,
            actor=current_user,
        )
    except Conflict as error:
        meeting = _reload(reference)
        current = AgendaItemForm(formdata=None)
        current.fill_from(_find(meeting.agenda_items, item_id))
        attach(form, error)
        return _render(
            meeting,
            "agenda",
            409,
            conflict=_conflict(f"agenda-{item_id}", form, current),
            **editing,
        )
    except Refusal as error:
        return _refused(reference, error, "agenda")
    return _done(
        meeting,
        "agenda",
        _("Agenda item saved."),
        anchor=f"agenda-item-{item_id}",
        focus_agenda=item_id,
    )


@bp.route("/meetings/<reference>/agenda/<int:item_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_agenda_item(reference, item_id):
    meeting = _meeting(reference)
    item: AgendaItem = _find(meeting.agenda_items, item_id)
    if refused := _ensure_editable(meeting, "agenda"):
        return refused
    back = url_for("meetings.view", reference=reference) + "#agenda"
    if asked := confirm.page_unless_confirmed(_("Delete this agenda item?"), back):
        return asked  # without JavaScript: the page that asks first
    try:
        agenda.delete_agenda_item(meeting, item, actor=current_user)
    except Refusal as error:
        return _refused(reference, error, "agenda")
    return _done(meeting, "agenda", _("Agenda item deleted."))


@bp.route("/meetings/<reference>/agenda/<int:item_id>/move", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def move_agenda_item(reference, item_id):
    meeting = _meeting(reference)
    item = _find(meeting.agenda_items, item_id)
    if refused := _ensure_editable(meeting, "agenda"):
        return refused
    direction = request.form.get("direction", "")
    try:
        agenda.move_agenda_item(meeting, item, direction, actor=current_user)
    except Refusal as error:
        return _refused(reference, error, "agenda")
    message = _("Item moved up.") if direction == "up" else _("Item moved down.")
    return _done(
        meeting,
        "agenda",
        message,
        anchor=f"agenda-item-{item_id}",
        focus_agenda=item_id,
        focus_direction=direction,
    )


# --- decisions (text) ------------------------------------------------------------------------


def _decision_conflict_forms(meeting: Meeting, decision_id: int, form: DecisionForm):
    decision = _find(meeting.decisions, decision_id)
    current = DecisionForm(formdata=None)
    current.fill_from(decision, services.project_references([decision.id]).get(decision.id, []))
    return _conflict(f"decision-{decision_id}", form, current)


@bp.route("/meetings/<reference>/decisions", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_decision(reference):
    meeting = _meeting(reference)
    if refused := _ensure_editable(meeting, "decisions"):
        return refused
    form = scoped(DecisionForm(), "decision-new")
    if not form.validate():
        return _render(meeting, "decisions", 422, decision_form=form)
    try:
        decision = decision_services.add_decision(meeting, form.values(), actor=current_user)
    except Refusal as error:
        if error.status != 422:
            return _refused(reference, error, "decisions")
        meeting = _reload(reference)
        attach(form, error)
        return _render(meeting, "decisions", 422, decision_form=form)
    return _done(meeting, "decisions", _("Decision added."), anchor=f"decision-{decision.id}")


@bp.route("/meetings/<reference>/decisions/<int:decision_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_decision(reference, decision_id):
    meeting = _meeting(reference)
    decision = _find(meeting.decisions, decision_id)
    if refused := _ensure_editable(meeting, "decision", decision=decision):
        return refused
    form = scoped(DecisionForm(formdata=None), f"decision-{decision.id}-edit")
    form.fill_from(decision, services.project_references([decision.id]).get(decision.id, []))
    return _render(
        meeting,
        "decision",
        decision=decision,
        editing_decision=decision.id,
        decision_edit_form=form,
    )


@bp.route("/meetings/<reference>/decisions/<int:decision_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_decision(reference, decision_id):
    meeting = _meeting(reference)
    decision = _find(meeting.decisions, decision_id)
    if refused := _ensure_editable(meeting, "decision", decision=decision):
        return refused
    form = scoped(DecisionForm(), f"decision-{decision_id}-edit")
    editing = {"editing_decision": decision_id, "decision_edit_form": form}
    if not form.validate():
        return _render(meeting, "decision", 422, decision=decision, **editing)
    try:
        decision_services.update_decision(
            decision, form.values(), form.version.data, actor=current_user
        )
    except Conflict as error:
        meeting = _reload(reference)
        conflict = _decision_conflict_forms(meeting, decision_id, form)
        attach(form, error)
        return _render(
            meeting,
            "decision",
            409,
            decision=_find(meeting.decisions, decision_id),
            conflict=conflict,
            **editing,
        )
    except Refusal as error:
        meeting = _reload(reference)
        decision = _find(meeting.decisions, decision_id)
        if error.status != 422:
            flash(error.message, "error")
            return _render(meeting, "decision", error.status, decision=decision)
        attach(form, error)
        return _render(meeting, "decision", 422, decision=decision, **editing)
    flash(_("Decision saved."), "success")
    if not htmx.is_htmx():
        return redirect(url_for("meetings.view", reference=reference) + f"#decision-{decision_id}")
    meeting = _meeting(reference)
    return _render(meeting, "decision", decision=_find(meeting.decisions, decision_id))


@bp.route("/meetings/<reference>/decisions/<int:decision_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_decision(reference, decision_id):
    meeting = _meeting(reference)
    decision = _find(meeting.decisions, decision_id)
    if refused := _ensure_editable(meeting, "decisions"):
        return refused
    back = url_for("meetings.view", reference=reference) + "#decisions"
    if asked := confirm.page_unless_confirmed(_("Delete this decision?"), back):
        return asked  # without JavaScript: the page that asks first
    try:
        decision_services.delete_decision(decision, actor=current_user)
    except Refusal as error:
        return _refused(reference, error, "decisions")
    return _done(meeting, "decisions", _("Decision deleted."))


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
    context["followup_form"] = _followup_form_factory(
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
            current = FollowUpForm(formdata=None)
            current.fill_from(decision)
            conflict = _conflict(f"followup-{decision_id}", form, current)
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


# --- calendars -------------------------------------------------------------------------------


def _ics(body: bytes, filename: str):
    response = make_response(body)
    response.headers["Content-Type"] = calendar.CONTENT_TYPE
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.headers["Cache-Control"] = "private, no-store"
    return response


@bp.get("/meetings/<reference>.ics")
def meeting_ics(reference):
    """The meeting as an iCalendar file, in the reader's language (any meeting they may read)."""
    meeting = services.meeting_for(current_user, reference)
    body = calendar.calendar([meeting], language())
    return _ics(body, f"{meeting.reference}.ics")


@bp.get("/calendar/<token>.ics")
@public
@limiter.limit(FEED_RATE_LIMIT, key_func=client_address_key)
def calendar_feed(token):
    """A user's personal feed (no login: the token in the address is the key)."""
    user = calendar.user_of_token(token)
    if user is None:
        abort(404)
    body = calendar.calendar(calendar.feed_meetings(user), str(user.language))
    return _ics(body, "digiweb.ics")


@bp.post("/calendar/address")
def renew_calendar():
    """Create or replace the user's personal calendar address."""
    calendar.renew_feed(current_user)
    flash(_("Your calendar address is ready. The previous address no longer works."), "success")
    return redirect(url_for("meetings.index") + "#calendar")


@bp.post("/calendar/address/delete")
def revoke_calendar():
    """Revoke the user's personal calendar address."""
    if calendar.revoke_feed(current_user):
        flash(_("Your calendar address was revoked."), "success")
    return redirect(url_for("meetings.index") + "#calendar")


# --- decisions followed across meetings ------------------------------------------------------


@bp.post("/meetings/<reference>/agenda/follow-up")
@roles_required(*REVIEW_ROLES)
def add_follow_up_item(reference):
    """Add the "follow-up of previous decisions" item, listing the open earlier decisions."""
    meeting = _meeting(reference)
    try:
        agenda.add_follow_up_item(meeting, actor=current_user)
    except Refusal as error:
        return _refused(reference, error, "agenda")
    return _done(meeting, "agenda", _("The open decisions of earlier meetings were added."))


@bp.post("/meetings/<reference>/follow-up/<int:decision_id>")
@roles_required(*REVIEW_ROLES)
def follow_up_at_meeting(reference, decision_id):
    """The status a followed decision was given at this meeting (kept in its history)."""
    meeting = _meeting(reference)
    followed = {link.decision_id for item in meeting.agenda_items for link in item.followed}
    if decision_id not in followed:
        abort(404)
    decision = db.session.get(Decision, decision_id)
    status = request.form.get("status", "")
    if status not in {s.value for s in DecisionStatus}:
        return _refused(reference, Refusal(_("Choose a status of the list."), 422), "agenda")
    try:
        services.ensure_editable(meeting)
        decision_services.update_follow_up(
            decision,
            status,
            request.form.get("note", ""),
            request.form.get("version"),
            current_user,
            meeting=meeting,
        )
    except Refusal as error:
        return _refused(reference, error, "agenda")
    return _done(meeting, "agenda", _("Follow-up of the decision saved."))


@bp.app_template_global()
def my_open_decisions() -> list:
    """The open decisions of the signed-in officer's department (their home page shows them)."""
    return decision_services.open_decisions_of_department(current_user.department_id)
