"""The meeting page and its sections as the meetings' routes answer them.

Every htmx interaction is also a plain form post: an htmx request gets the section it changed
(with the flash messages out of band), a plain one is redirected to the meeting page, or gets the
whole page back when the input was refused (422), conflicted with someone else's save (409) or
the meeting is locked (409). The routes (`routes`, `agenda_routes`, `decision_routes`) build on
these helpers.
"""

from flask import abort, flash, redirect, url_for
from flask_login import current_user
from wtforms import DateField, SelectField, TimeField

from digiweb import clock, htmx
from digiweb.documents import services as document_services
from digiweb.errors import Refusal, attach
from digiweb.i18n import fmt_date
from digiweb.meetings import decisions as decision_services
from digiweb.meetings import invitations, services
from digiweb.meetings.forms import (
    DECISION_TEXT_MAX,
    AgendaItemForm,
    AttendeeForm,
    DecisionForm,
    FollowUpForm,
    MinutesForm,
    scoped,
)
from digiweb.meetings.models import Decision, DecisionStatus, Meeting
from digiweb.transaction import discard

VIEW = "meetings/view.html"
VIEW_FRAGMENT = "meetings/_meeting.html"
SECTIONS = {
    "attendees": "meetings/_attendees.html",
    "agenda": "meetings/_agenda.html",
    "minutes": "meetings/_minutes.html",
    "decisions": "meetings/_decisions.html",
    "decision": "meetings/_decision.html",
}
HIDDEN_FIELDS = ("csrf_token", "version", "next")


def display_value(field) -> str:
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


def conflict_of(key: str, mine, current) -> dict:
    """What the 409 answer shows: each field's current value next to the one entered."""
    rows = [
        {
            "label": field.label.text,
            "current": display_value(current[name]),
            "mine": display_value(field),
        }
        for name, field in mine._fields.items()
        if name not in HIDDEN_FIELDS
    ]
    for row in rows:
        row["differs"] = row["current"] != row["mine"]
    return {"key": key, "rows": rows}


def find_item(items, item_id: int):
    for item in items:
        if item.id == item_id:
            return item
    abort(404)


def followup_form_factory(override, override_id, next_url: str):
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


def meeting_context(meeting: Meeting, **overrides) -> dict:
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
        "decision_text_max": DECISION_TEXT_MAX,
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
            minutes_form=stored_minutes_form(meeting),
            invite_departments=services.department_options(),
            invite_officers=services.officer_options(),
        )
    context.update(overrides)
    context["followup_form"] = followup_form_factory(
        overrides.get("followup_override"),
        overrides.get("followup_decision_id"),
        url_for("meetings.view", reference=meeting.reference),
    )
    return context


def stored_minutes_form(meeting: Meeting) -> MinutesForm:
    form = scoped(MinutesForm(formdata=None), "minutes")
    form.minutes_ar.data = meeting.minutes_ar
    form.minutes_fr.data = meeting.minutes_fr
    form.version.data = meeting.version
    return form


def render_section(meeting: Meeting, section: str, status: int = 200, **overrides):
    """The meeting page, or only `section` for an htmx request (with the flash messages)."""
    overrides.setdefault("oob_flashes", SECTIONS[section] if htmx.is_htmx() else None)
    context = meeting_context(meeting, **overrides)
    return htmx.render(VIEW, SECTIONS[section], status=status, **context)


def meeting_of(reference: str) -> Meeting:
    return services.meeting_for(current_user, reference)


def reload_meeting(reference: str) -> Meeting:
    """The meeting as stored, after a refused change was rolled back."""
    discard()
    return meeting_of(reference)


def done(meeting: Meeting, section: str, message: str, anchor: str | None = None, **overrides):
    """After a successful change: the section for htmx, a redirect for a plain post."""
    flash(message, "success")
    if htmx.is_htmx():
        return render_section(meeting_of(meeting.reference), section, **overrides)
    target = url_for("meetings.view", reference=meeting.reference)
    return redirect(f"{target}#{anchor or section}")


def refusal_answer(reference: str, error: Refusal, section: str, **overrides):
    """A rule refused the change: nothing is kept; the message is shown with the section."""
    meeting = reload_meeting(reference)
    flash(error.message, "error")
    return render_section(meeting, section, status=error.status, **overrides)


def input_refused(reference: str, error: Refusal, section: str, form, **overrides):
    """A rule refused the input: a 422 is shown next to its field in the section, the input
    kept; any other refusal answers as `refusal_answer`."""
    if error.status != 422:
        return refusal_answer(reference, error, section)
    meeting = reload_meeting(reference)
    attach(form, error)
    return render_section(meeting, section, 422, **overrides)


def conflict_answer(reference: str, error, section: str, form, key: str, current_of, **overrides):
    """Someone saved first: the section again (409), the stored values (`current_of(meeting)`,
    a form filled from the record read again) next to the ones entered, the input kept."""
    meeting = reload_meeting(reference)
    current = current_of(meeting)
    attach(form, error)
    return render_section(
        meeting, section, 409, conflict=conflict_of(key, form, current), **overrides
    )


def filled_form(form_class, record):
    """A form of `form_class` showing what `record` holds (no request data)."""
    form = form_class(formdata=None)
    form.fill_from(record)
    return form


def editable_row(reference: str, section: str, rows: str, row_id: int, row_as: str = ""):
    """(meeting, row, refused) for a change to one row of a meeting: the row `row_id` of
    `meeting.<rows>` (404 when the meeting has none), then, when the meeting is locked, the 409
    answer of `section` (given the row as `row_as`), else None."""
    meeting = meeting_of(reference)
    row = find_item(getattr(meeting, rows), row_id)
    overrides = {row_as: row} if row_as else {}
    return meeting, row, locked_answer(meeting, section, **overrides)


def locked_answer(meeting: Meeting, section: str, **overrides):
    """A locked meeting answers 409 before its input is even looked at (the services check
    again, against the database, when they write)."""
    if meeting.is_locked:
        return refusal_answer(meeting.reference, services.locked_meeting(), section, **overrides)
    return None
