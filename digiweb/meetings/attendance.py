"""The attendees of a meeting: officers of the ministry or guests, with their attendance."""

from dataclasses import dataclass, field

from flask_babel import force_locale
from flask_babel import gettext as _

from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import Role, User
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES
from digiweb.meetings.models import (
    Attendance,
    Attendee,
    Meeting,
)
from digiweb.meetings.services import _label, ensure_editable, update_row

ATTENDEE_FIELDS = (
    "user_id",
    "name",
    "name_ar",
    "function_ar",
    "function_fr",
    "department_id",
    "attendance",
)


@dataclass
class AttendeeValues:
    user_id: int | None = None
    name: str = ""
    name_ar: str = ""
    function_ar: str = ""
    function_fr: str = ""
    department_id: int | None = None
    attendance: Attendance = Attendance.PRESENT
    errors: dict = field(default_factory=dict)


def _officer_function(lang: str) -> str:
    with force_locale(LANGUAGES[lang]):
        return Role.OFFICER.label


def _resolve_attendee(meeting: Meeting, values: AttendeeValues, attendee=None) -> dict:
    """The stored fields of an attendee: a picked officer brings their name and department;
    a free entry needs a name."""
    attendance = Attendance(values.attendance)
    if values.user_id:
        user = db.session.get(User, values.user_id)
        if user is None or user.role != Role.OFFICER or not user.active:
            raise Refusal(_("Choose an officer of the list."), field="user_id")
        duplicate = any(a.user_id == user.id and a is not attendee for a in meeting.attendees)
        if duplicate:
            raise Refusal(
                _(
                    "%(name)s is already in the attendance list.",
                    name=user.full_name or user.username,
                ),
                field="user_id",
            )
        return {
            "user_id": user.id,
            "name": user.full_name or user.username,
            "name_ar": values.name_ar.strip(),
            "function_ar": values.function_ar.strip() or _officer_function("ar"),
            "function_fr": values.function_fr.strip() or _officer_function("fr"),
            "department_id": user.department_id,
            "attendance": attendance,
        }
    name = values.name.strip()
    if not name:
        raise Refusal(_("Pick an officer or enter the name of the person."), field="name")
    department_id = values.department_id or None
    if department_id is not None and db.session.get(Department, department_id) is None:
        raise Refusal(_("Choose a department of the list."), field="department_id")
    return {
        "user_id": None,
        "name": name,
        "name_ar": values.name_ar.strip(),
        "function_ar": values.function_ar.strip(),
        "function_fr": values.function_fr.strip(),
        "department_id": department_id,
        "attendance": attendance,
    }


def _attendee_label(meeting: Meeting, attendee: Attendee) -> str:
    return _label(meeting, f"· {attendee.name}")


def add_attendee(meeting: Meeting, values: AttendeeValues, actor=None) -> Attendee:
    ensure_editable(meeting)
    fields = _resolve_attendee(meeting, values)
    position = max((a.position for a in meeting.attendees), default=0) + 1
    attendee = Attendee(meeting=meeting, position=position, **fields)
    db.session.add(attendee)
    db.session.flush()
    record(
        "attendee_added",
        "meeting",
        meeting.id,
        label=_attendee_label(meeting, attendee),
        actor=actor,
        changes=diff({}, snapshot(attendee, ATTENDEE_FIELDS)),
    )
    return attendee


def update_attendee(
    meeting: Meeting, attendee: Attendee, values: AttendeeValues, token, actor=None
) -> dict:
    return update_row(
        meeting,
        attendee,
        token,
        ATTENDEE_FIELDS,
        lambda: _resolve_attendee(meeting, values, attendee),
        "attendee_updated",
        _attendee_label,
        actor,
    )


def delete_attendee(meeting: Meeting, attendee: Attendee, actor=None) -> None:
    ensure_editable(meeting)
    record(
        "attendee_deleted",
        "meeting",
        meeting.id,
        label=_attendee_label(meeting, attendee),
        actor=actor,
        changes=diff(snapshot(attendee, ATTENDEE_FIELDS), dict.fromkeys(ATTENDEE_FIELDS)),
    )
    meeting.attendees.remove(attendee)
    db.session.flush()
