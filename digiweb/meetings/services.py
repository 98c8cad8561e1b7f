"""Rules of the meetings area: who sees which meeting, reference numbering, the editing of a
meeting and of its minutes, and the approval that locks the minutes. Attendees, agenda and
decisions (with their follow-up) live in `attendance`, `agenda` and `decisions`.

Services change the session and write the audit entry of each change in it; the caller
commits. A refusal raises `Refusal` or `Conflict` (digiweb.errors) carrying a translated
message and the HTTP status to answer with.
"""

import hashlib
import importlib
import secrets

import sqlalchemy as sa
from flask import abort
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import Role, User
from digiweb.campaigns.models import Campaign
from digiweb.clock import local_to_utc, utc_to_local  # noqa: F401 - re-exported
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import LANGUAGES
from digiweb.meetings.models import (
    AgendaItem,
    Attendance,
    Attendee,
    Decision,
    DecisionProject,
    FollowedDecision,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
)
from digiweb.plans.models import Project
from digiweb.transaction import check_fingerprint, check_version, flush_or_conflict

REFERENCE_PREFIX = "MNS"
REFERENCE_ATTEMPTS = 5
# The statuses a meeting can be given by hand; "minutes approved" only comes from approval.
EDITABLE_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT)

MEETING_FIELDS = (
    "title_ar",
    "title_fr",
    "kind",
    "starts_at",
    "place_ar",
    "place_fr",
    "chair_ar",
    "chair_fr",
    "campaign_id",
    "status",
)


# --- refusals --------------------------------------------------------------------------------


def locked_meeting() -> Refusal:
    return Refusal(
        _(
            "The minutes of this meeting are approved: the meeting is locked and can no "
            "longer be changed. Only the follow-up of its decisions can still be updated."
        ),
        409,
    )


# --- time and references ---------------------------------------------------------------------


def format_reference(year: int, number: int) -> str:
    return f"{REFERENCE_PREFIX}-{year}-{number:03d}"


def next_number(year: int) -> int:
    current = db.session.scalar(db.select(sa.func.max(Meeting.number)).where(Meeting.year == year))
    return (current or 0) + 1


# --- visibility ------------------------------------------------------------------------------


def can_manage(user) -> bool:
    """Reviewers and administrators hold meetings and write their minutes."""
    return bool(user.is_authenticated and user.can_review)


def attended_by(department_id):
    """SQL condition: the meeting had an attendee of that department."""
    return sa.exists().where(
        Attendee.meeting_id == Meeting.id, Attendee.department_id == department_id
    )


def readable_by(user):
    """The one rule of who may read a meeting (its page, its minutes and their PDFs, the link
    from a decision), as an SQL condition on Meeting: the ministry's staff read every meeting;
    an officer only the meetings whose attendance list includes their department (present or
    not); an officer without a department, none."""
    if user.sees_all_departments:
        return sa.true()
    if user.department_id is None:
        return sa.false()
    return attended_by(user.department_id)


def visible_meetings(user) -> sa.Select:
    """Meetings the user may open (`readable_by`)."""
    return db.select(Meeting).where(readable_by(user))


def can_read_meeting(user, meeting: Meeting) -> bool:
    """`readable_by` for one meeting (one query, whatever is loaded in memory)."""
    return meeting.id in visible_meeting_ids(user, (meeting.id,))


def visible_meeting_ids(user, meeting_ids) -> set[int]:
    """Among `meeting_ids`, those the user may open (`readable_by`, one query)."""
    ids = set(meeting_ids)
    if not ids:
        return ids
    return set(
        db.session.scalars(db.select(Meeting.id).where(Meeting.id.in_(ids), readable_by(user)))
    )


def meeting_for(user, reference: str, *, full: bool = True) -> Meeting:
    """The meeting of that reference if the user may see it, else 404 (an officer whose
    department did not attend learns nothing, not even that it exists)."""
    query = visible_meetings(user).where(Meeting.reference == reference)
    if full:
        query = query.options(
            selectinload(Meeting.attendees),
            selectinload(Meeting.agenda_items)
            .selectinload(AgendaItem.followed)
            .selectinload(FollowedDecision.decision)
            .selectinload(Decision.meeting),
            selectinload(Meeting.decisions),
            selectinload(Meeting.campaign),
        )
    meeting = db.session.scalar(query)
    if meeting is None:
        abort(404)
    return meeting


def meetings_list(user, year: int | None = None) -> list[tuple[Meeting, int, int]]:
    """(meeting, attendees, decisions) of the meetings the user may see, newest first."""
    attendees = (
        db.select(sa.func.count(Attendee.id))
        .where(Attendee.meeting_id == Meeting.id)
        .correlate(Meeting)
        .scalar_subquery()
    )
    decisions = (
        db.select(sa.func.count(Decision.id))
        .where(Decision.meeting_id == Meeting.id)
        .correlate(Meeting)
        .scalar_subquery()
    )
    query = visible_meetings(user).add_columns(attendees, decisions)
    if year:
        query = query.where(Meeting.year == year)
    query = query.order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    return [tuple(row) for row in db.session.execute(query)]


def meeting_years(user) -> list[int]:
    query = visible_meetings(user).with_only_columns(Meeting.year).distinct()
    return sorted(db.session.scalars(query), reverse=True)


def can_follow_up(user, decision: Decision) -> bool:
    """Reviewers and administrators follow every decision up; an officer those assigned to
    their department; viewers none."""
    if not user.is_authenticated:
        return False
    if user.can_review:
        return True
    return (
        user.role == Role.OFFICER
        and decision.owner_department_id is not None
        and decision.owner_department_id == user.department_id
    )


def decision_for(user, decision_id: int) -> Decision:
    """A decision the user may see on its own: every one for the staff, those assigned to
    their department for an officer (404 otherwise)."""
    decision = db.session.get(Decision, decision_id)
    if decision is None:
        abort(404)
    if user.role == Role.OFFICER and decision.owner_department_id != user.department_id:
        abort(404)
    return decision


def documents_of(meeting: Meeting) -> dict[str, str]:
    """{language: sha256} of the approved PDFs (without loading the PDF bytes)."""
    rows = db.session.execute(
        db.select(MeetingDocument.language, MeetingDocument.sha256).where(
            MeetingDocument.meeting_id == meeting.id
        )
    )
    return {lang: sha for lang, sha in rows}


def project_references(decision_ids) -> dict[int, list[str]]:
    """{decision id: [project reference, ...]} in one query."""
    ids = list(decision_ids)
    if not ids:
        return {}
    rows = db.session.execute(
        db.select(DecisionProject.decision_id, Project.reference)
        .join(Project, Project.id == DecisionProject.project_id)
        .where(DecisionProject.decision_id.in_(ids))
        .order_by(Project.reference)
    )
    result: dict[int, list[str]] = {}
    for decision_id, reference in rows:
        result.setdefault(decision_id, []).append(reference)
    return result


# --- choices for the forms -------------------------------------------------------------------


def campaign_choices() -> list[tuple[int, int]]:
    return [
        (c.id, c.year)
        for c in db.session.execute(
            db.select(Campaign.id, Campaign.year).order_by(Campaign.year.desc())
        )
    ]


def department_options() -> list[Department]:
    return list(
        db.session.scalars(db.select(Department).where(Department.active).order_by(Department.code))
    )


def officer_options() -> list[User]:
    return list(
        db.session.scalars(
            db.select(User)
            .join(Department, User.department_id == Department.id)
            .where(User.role == Role.OFFICER, User.active)
            .order_by(Department.code, User.full_name, User.username)
        )
    )


# --- locking and versions --------------------------------------------------------------------


def ensure_editable(meeting: Meeting) -> None:
    """Refuse any change to a meeting whose minutes are approved.

    The status is read again from the database (row locked on PostgreSQL), so that a change
    racing with the approval cannot slip in after it.
    """
    status = db.session.scalar(
        db.select(Meeting.status).where(Meeting.id == meeting.id).with_for_update()
    )
    if status == MeetingStatus.MINUTES_APPROVED or meeting.is_locked:
        raise locked_meeting()


def _label(meeting: Meeting, suffix: str = "") -> str:
    return f"{meeting.reference} {suffix}".strip()


def update_row(meeting: Meeting, row, token, fields, new_values, event: str, label, actor=None):
    """Change one row of a meeting that has no version column (an attendee, an agenda item):
    its form carries the row's fingerprint (`check_fingerprint`). `new_values()` gives the
    values, read once the meeting and the fingerprint are checked; the changed fields are
    returned and, if any, audited as `event` with the label `label(meeting, row)`."""
    ensure_editable(meeting)
    check_fingerprint(row, token, fields)
    before = snapshot(row, fields)
    for name, value in new_values().items():
        setattr(row, name, value)
    changes = diff(before, snapshot(row, fields))
    if changes:
        db.session.flush()
        record(
            event, "meeting", meeting.id, label=label(meeting, row), actor=actor, changes=changes
        )
    return changes


# --- meetings --------------------------------------------------------------------------------


def _check_meeting_values(values: dict) -> None:
    status = MeetingStatus(values["status"])
    if status not in EDITABLE_STATUSES:
        raise Refusal(
            _("Minutes are approved with the approval button, not by changing the status."),
            field="status",
        )
    MeetingKind(values["kind"])
    campaign_id = values.get("campaign_id")
    if campaign_id is not None and db.session.get(Campaign, campaign_id) is None:
        raise Refusal(_("Choose a campaign of the list."), field="campaign_id")


def create_meeting(values: dict, actor=None) -> Meeting:
    """Create a meeting numbered in the year of its local date (MNS-2021-001, 002...).

    Two reviewers creating a meeting at the same moment compute the same number: the unique
    constraint on (year, number) refuses the second insert, which takes the next number.
    """
    _check_meeting_values(values)
    year = utc_to_local(values["starts_at"]).year
    for _attempt in range(REFERENCE_ATTEMPTS):
        number = next_number(year)
        meeting = Meeting(
            year=year, number=number, reference=format_reference(year, number), **values
        )
        savepoint = db.session.begin_nested()
        db.session.add(meeting)
        try:
            savepoint.commit()
        except IntegrityError:
            savepoint.rollback()
            continue
        record(
            "meeting_created",
            "meeting",
            meeting.id,
            label=meeting.reference,
            actor=actor,
            changes=diff({}, snapshot(meeting, ("reference", *MEETING_FIELDS))),
        )
        return meeting
    raise Refusal(
        _("Another meeting was being created at the same time. Please save again."), status=409
    )


def update_meeting(meeting: Meeting, values: dict, version, actor=None) -> dict:
    """Change a meeting's fields; its reference (and so the year of its date) stays."""
    ensure_editable(meeting)
    check_version(meeting, version)
    _check_meeting_values(values)
    if utc_to_local(values["starts_at"]).year != meeting.year:
        raise Refusal(
            _(
                "The date must stay in %(year)s: the reference %(reference)s is numbered in "
                "that year.",
                year=meeting.year,
                reference=meeting.reference,
            ),
            field="date",
        )
    before = snapshot(meeting, MEETING_FIELDS)
    for name, value in values.items():
        setattr(meeting, name, value)
    changes = diff(before, snapshot(meeting, MEETING_FIELDS))
    if changes:
        flush_or_conflict()
        record(
            "meeting_updated",
            "meeting",
            meeting.id,
            label=_label(meeting),
            actor=actor,
            changes=changes,
        )
        from digiweb.meetings import invitations  # imports this module

        invitations.meeting_changed(meeting, changes)
        if before["status"] == MeetingStatus.PLANNED.value != MeetingStatus(meeting.status):
            invitations.prefill_attendance(meeting)
    return changes


def update_minutes(meeting: Meeting, minutes_ar: str, minutes_fr: str, version, actor=None):
    ensure_editable(meeting)
    fields = ("minutes_ar", "minutes_fr")
    check_version(meeting, version)
    before = snapshot(meeting, fields)
    meeting.minutes_ar = minutes_ar
    meeting.minutes_fr = minutes_fr
    changes = diff(before, snapshot(meeting, fields))
    if changes:
        flush_or_conflict()
        record(
            "minutes_updated",
            "meeting",
            meeting.id,
            label=_label(meeting),
            actor=actor,
            changes=changes,
        )
    return changes


def _minutes_renderer():
    """The reports area's `seal_minutes_pdf(meeting, lang, verification_code) -> bytes` (the
    approved minutes rendered and signed). Imported here rather than at the top because the
    reports area imports this module (`can_read_meeting`) while its package loads; a missing
    renderer is an ImportError, never a quiet fallback."""
    from digiweb.reports.minutes_report import seal_minutes_pdf

    return seal_minutes_pdf


def approve_minutes(meeting: Meeting, version, actor) -> dict[str, str]:
    """Approve the minutes: the meeting is locked and its PDFs, in Arabic and in French, are
    rendered once, signed, and kept with their SHA-256 and the verification code printed in
    them. Returns {language: sha256}."""
    ensure_editable(meeting)
    check_version(meeting, version)
    if meeting.status == MeetingStatus.PLANNED:
        raise Refusal(_("A meeting that has not been held has no minutes to approve."), status=409)
    if not meeting.minutes_ar.strip() or not meeting.minutes_fr.strip():
        raise Refusal(
            _("Write the minutes in Arabic and in French before approving them."), status=409
        )
    if not any(a.attendance == Attendance.PRESENT for a in meeting.attendees):
        raise Refusal(
            _(
                "Record the attendance before approving the minutes: at least one attendee "
                "must be marked present."
            ),
            status=409,
        )
    if not meeting.agenda_items:
        raise Refusal(_("Add at least one agenda item before approving the minutes."), status=409)
    render = _minutes_renderer()
    old_status = meeting.status
    meeting.status = MeetingStatus.MINUTES_APPROVED
    meeting.minutes_approved_at = utcnow()
    meeting.minutes_approved_by_id = actor.id if actor is not None else None
    flush_or_conflict()
    db.session.execute(sa.delete(MeetingDocument).where(MeetingDocument.meeting_id == meeting.id))
    hashes = {}
    for lang in LANGUAGES:
        with force_locale(LANGUAGES[lang]):
            code = secrets.token_hex(16)
            pdf = render(meeting, lang, code)
        hashes[lang] = hashlib.sha256(pdf).hexdigest()
        db.session.add(
            MeetingDocument(
                meeting_id=meeting.id,
                language=lang,
                sha256=hashes[lang],
                pdf=pdf,
                verification_code=code,
            )
        )
    db.session.flush()
    record(
        "minutes_approved",
        "meeting",
        meeting.id,
        label=_label(meeting),
        actor=actor,
        changes={
            "status": [old_status.value, MeetingStatus.MINUTES_APPROVED.value],
            **{f"sha256_{lang}": [None, sha] for lang, sha in hashes.items()},
        },
    )
    return hashes


# --- attendees -------------------------------------------------------------------------------


# Moved to attendance, agenda and decisions; still read as `services.<name>` by
# meetings/forms.py (left to its pending edits). Resolved lazily: those modules import this one.
_MOVED = {
    "ATTENDEE_FIELDS": "attendance",
    "AttendeeValues": "attendance",
    "AGENDA_FIELDS": "agenda",
    "DecisionValues": "decisions",
    "parse_project_references": "decisions",
}


def __getattr__(name: str):
    if name in _MOVED:
        return getattr(importlib.import_module(f"digiweb.meetings.{_MOVED[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
