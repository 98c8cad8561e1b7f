"""A meeting's attendance list and agenda, with the follow-up of earlier decisions at the
meeting: each change answers with its section (`digiweb.meetings.page`).
"""

from flask import abort, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from digiweb import confirm
from digiweb.auth.models import REVIEW_ROLES
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.meetings import agenda, attendance, bp, services
from digiweb.meetings import decisions as decision_services
from digiweb.meetings.forms import (
    AgendaItemForm,
    AttendeeForm,
    FollowUpForm,
    scoped,
)
from digiweb.meetings.models import Decision
from digiweb.meetings.page import (
    conflict_answer,
    done,
    editable_row,
    filled_form,
    find_item,
    input_refused,
    locked_answer,
    meeting_of,
    refusal_answer,
    render_section,
)
from digiweb.security import (
    roles_required,
)

# --- attendees -------------------------------------------------------------------------------


@bp.route("/meetings/<reference>/attendees", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_attendee(reference):
    meeting = meeting_of(reference)
    if refused := locked_answer(meeting, "attendees"):
        return refused
    form = scoped(AttendeeForm(), "attendee-new")
    if form.validate():
        try:
            attendee = attendance.add_attendee(meeting, form.values(), actor=current_user)
        except Refusal as error:
            return input_refused(reference, error, "attendees", form, attendee_form=form)
        return done(
            meeting,
            "attendees",
            _("%(name)s added to the attendance list.", name=attendee.name),
        )
    return render_section(meeting, "attendees", 422, attendee_form=form)


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_attendee(reference, attendee_id):
    meeting, attendee, refused = editable_row(reference, "attendees", "attendees", attendee_id)
    if refused:
        return refused
    form = scoped(AttendeeForm(formdata=None), f"attendee-{attendee.id}")
    form.fill_from(attendee)
    return render_section(
        meeting, "attendees", editing_attendee=attendee.id, attendee_edit_form=form
    )


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_attendee(reference, attendee_id):
    meeting, attendee, refused = editable_row(reference, "attendees", "attendees", attendee_id)
    if refused:
        return refused
    form = scoped(AttendeeForm(), f"attendee-{attendee_id}")
    editing = {"editing_attendee": attendee_id, "attendee_edit_form": form}
    if not form.validate():
        return render_section(meeting, "attendees", 422, **editing)
    try:
        attendance.update_attendee(
            meeting, attendee, form.values(), form.version.data, actor=current_user
        )
    except Conflict as error:
        return conflict_answer(
            reference,
            error,
            "attendees",
            form,
            f"attendee-{attendee_id}",
            lambda meeting: filled_form(AttendeeForm, find_item(meeting.attendees, attendee_id)),
            **editing,
        )
    except Refusal as error:
        return input_refused(reference, error, "attendees", form, **editing)
    return done(meeting, "attendees", _("Attendee saved."), anchor=f"attendee-{attendee_id}")


@bp.route("/meetings/<reference>/attendees/<int:attendee_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_attendee(reference, attendee_id):
    meeting, attendee, refused = editable_row(reference, "attendees", "attendees", attendee_id)
    if refused:
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
        return refusal_answer(reference, error, "attendees")
    return done(meeting, "attendees", _("%(name)s removed from the attendance list.", name=name))


# --- agenda ----------------------------------------------------------------------------------


@bp.route("/meetings/<reference>/agenda", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def add_agenda_item(reference):
    meeting = meeting_of(reference)
    if refused := locked_answer(meeting, "agenda"):
        return refused
    form = scoped(AgendaItemForm(), "agenda-new")
    if not form.validate():
        return render_section(meeting, "agenda", 422, agenda_form=form)
    try:
        item = agenda.add_agenda_item(
            meeting, form.title_ar.data, form.title_fr.data, actor=current_user
        )
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    # Ready for the next item: an empty form, the keyboard focus in its first field.
    next_form = scoped(AgendaItemForm(formdata=None), "agenda-new")
    next_form.title_ar.render_kw = {**next_form.title_ar.render_kw, "autofocus": True}
    return done(
        meeting, "agenda", _("Agenda item added."), focus_agenda=item.id, agenda_form=next_form
    )


@bp.route("/meetings/<reference>/agenda/<int:item_id>/edit")
@roles_required(*REVIEW_ROLES)
def edit_agenda_item(reference, item_id):
    meeting, item, refused = editable_row(reference, "agenda", "agenda_items", item_id)
    if refused:
        return refused
    form = scoped(AgendaItemForm(formdata=None), f"agenda-{item.id}")
    form.fill_from(item)
    return render_section(meeting, "agenda", editing_agenda=item.id, agenda_edit_form=form)


@bp.route("/meetings/<reference>/agenda/<int:item_id>", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def update_agenda_item(reference, item_id):
    meeting, item, refused = editable_row(reference, "agenda", "agenda_items", item_id)
    if refused:
        return refused
    form = scoped(AgendaItemForm(), f"agenda-{item_id}")
    editing = {"editing_agenda": item_id, "agenda_edit_form": form}
    if not form.validate():
        return render_section(meeting, "agenda", 422, **editing)
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
        return conflict_answer(
            reference,
            error,
            "agenda",
            form,
            f"agenda-{item_id}",
            lambda meeting: filled_form(AgendaItemForm, find_item(meeting.agenda_items, item_id)),
            **editing,
        )
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    return done(
        meeting,
        "agenda",
        _("Agenda item saved."),
        anchor=f"agenda-item-{item_id}",
        focus_agenda=item_id,
    )


@bp.route("/meetings/<reference>/agenda/<int:item_id>/delete", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def delete_agenda_item(reference, item_id):
    meeting, item, refused = editable_row(reference, "agenda", "agenda_items", item_id)
    if refused:
        return refused
    back = url_for("meetings.view", reference=reference) + "#agenda"
    if asked := confirm.page_unless_confirmed(_("Delete this agenda item?"), back):
        return asked  # without JavaScript: the page that asks first
    try:
        agenda.delete_agenda_item(meeting, item, actor=current_user)
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    return done(meeting, "agenda", _("Agenda item deleted."))


@bp.route("/meetings/<reference>/agenda/<int:item_id>/move", methods=["POST"])
@roles_required(*REVIEW_ROLES)
def move_agenda_item(reference, item_id):
    meeting, item, refused = editable_row(reference, "agenda", "agenda_items", item_id)
    if refused:
        return refused
    direction = request.form.get("direction", "")
    try:
        agenda.move_agenda_item(meeting, item, direction, actor=current_user)
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    message = _("Item moved up.") if direction == "up" else _("Item moved down.")
    return done(
        meeting,
        "agenda",
        message,
        anchor=f"agenda-item-{item_id}",
        focus_agenda=item_id,
        focus_direction=direction,
    )


# --- decisions followed across meetings ------------------------------------------------------


@bp.post("/meetings/<reference>/agenda/follow-up")
@roles_required(*REVIEW_ROLES)
def add_follow_up_item(reference):
    """Add the "follow-up of previous decisions" item, listing the open earlier decisions."""
    meeting = meeting_of(reference)
    try:
        agenda.add_follow_up_item(meeting, actor=current_user)
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    return done(meeting, "agenda", _("The open decisions of earlier meetings were added."))


@bp.post("/meetings/<reference>/follow-up/<int:decision_id>")
@roles_required(*REVIEW_ROLES)
def follow_up_at_meeting(reference, decision_id):
    """The status a followed decision was given at this meeting (kept in its history)."""
    meeting = meeting_of(reference)
    followed = {link.decision_id for item in meeting.agenda_items for link in item.followed}
    if decision_id not in followed:
        abort(404)
    decision = db.session.get(Decision, decision_id)
    # the same form, hence the same text hygiene and limits, as the decision's own page
    form = FollowUpForm()
    if not form.validate():
        message = next(iter(form.errors.values()))[0]
        if "status" in form.errors:
            message = _("Choose a status of the list.")
        return refusal_answer(
            reference,
            Refusal(message, 422),
            "agenda",
            follow_up_kept={decision_id: request.form.get("note", "")},
        )
    try:
        services.ensure_editable(meeting)
        decision_services.update_follow_up(
            decision,
            form.status.data,
            form.note.data,
            form.version.data,
            current_user,
            meeting=meeting,
        )
    except Refusal as error:
        return refusal_answer(reference, error, "agenda")
    return done(meeting, "agenda", _("Follow-up of the decision saved."))
