"""Rules of the meetings area: who sees which meeting, reference numbering, the editing of a
meeting and of its attendees, agenda, minutes and decisions, the approval that locks the
minutes, and the follow-up of decisions (the one thing still editable afterwards).

Services change the session and write the audit entry of each change in it; the caller
commits. A refusal raises `Refusal` or `Conflict` (digiweb.errors) carrying a translated
message and the HTTP status to answer with.
"""

import hashlib
import re
import secrets
from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from flask import abort
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import contains_eager, selectinload

from digiweb import clock
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
    DecisionStatus,
    DecisionUpdate,
    FollowedDecision,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
)
from digiweb.notifications.models import NotificationKind
from digiweb.notifications.services import notify_users, officers_of
from digiweb.plans.models import Project
from digiweb.review import mail
from digiweb.transaction import after_commit, check_fingerprint, check_version, flush_or_conflict

REFERENCE_PREFIX = "MNS"
REFERENCE_ATTEMPTS = 5
OPEN_DECISION_STATUSES = (DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS)
# The statuses a meeting can be given by hand; "minutes approved" only comes from approval.
EDITABLE_STATUSES = (MeetingStatus.PLANNED, MeetingStatus.HELD, MeetingStatus.MINUTES_DRAFT)
PROJECT_REFERENCE = re.compile(r"^\d{4}-[A-Z0-9]{1,16}-\d{3,}$")

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
ATTENDEE_FIELDS = (
    "user_id",
    "name",
    "name_ar",
    "function_ar",
    "function_fr",
    "department_id",
    "attendance",
)
AGENDA_FIELDS = ("title_ar", "title_fr")
DECISION_FIELDS = ("text_ar", "text_fr", "owner_department_id", "due_date")
FOLLOW_UP_FIELDS = ("status", "follow_up_note")


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
    from digiweb.reports.services import seal_minutes_pdf

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
    ensure_editable(meeting)
    check_fingerprint(attendee, token, ATTENDEE_FIELDS)
    before = snapshot(attendee, ATTENDEE_FIELDS)
    for name, value in _resolve_attendee(meeting, values, attendee).items():
        setattr(attendee, name, value)
    changes = diff(before, snapshot(attendee, ATTENDEE_FIELDS))
    if changes:
        db.session.flush()
        record(
            "attendee_updated",
            "meeting",
            meeting.id,
            label=_attendee_label(meeting, attendee),
            actor=actor,
            changes=changes,
        )
    return changes


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


# --- agenda ----------------------------------------------------------------------------------


def _agenda_label(meeting: Meeting, item: AgendaItem) -> str:
    return _label(meeting, f"· {item.title_fr or item.title_ar}")


def _renumber_agenda(meeting: Meeting) -> None:
    for position, item in enumerate(meeting.agenda_items, start=1):
        item.position = position


def add_agenda_item(meeting: Meeting, title_ar: str, title_fr: str, actor=None) -> AgendaItem:
    ensure_editable(meeting)
    position = max((i.position for i in meeting.agenda_items), default=0) + 1
    item = AgendaItem(
        meeting=meeting, position=position, title_ar=title_ar.strip(), title_fr=title_fr.strip()
    )
    db.session.add(item)
    db.session.flush()
    record(
        "agenda_item_added",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes=diff({}, snapshot(item, ("position", *AGENDA_FIELDS))),
    )
    return item


def update_agenda_item(
    meeting: Meeting, item: AgendaItem, title_ar: str, title_fr: str, token, actor=None
) -> dict:
    ensure_editable(meeting)
    check_fingerprint(item, token, AGENDA_FIELDS)
    before = snapshot(item, AGENDA_FIELDS)
    item.title_ar, item.title_fr = title_ar.strip(), title_fr.strip()
    changes = diff(before, snapshot(item, AGENDA_FIELDS))
    if changes:
        db.session.flush()
        record(
            "agenda_item_updated",
            "meeting",
            meeting.id,
            label=_agenda_label(meeting, item),
            actor=actor,
            changes=changes,
        )
    return changes


def delete_agenda_item(meeting: Meeting, item: AgendaItem, actor=None) -> None:
    ensure_editable(meeting)
    record(
        "agenda_item_deleted",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes=diff(
            snapshot(item, ("position", *AGENDA_FIELDS)),
            dict.fromkeys(("position", *AGENDA_FIELDS)),
        ),
    )
    meeting.agenda_items.remove(item)
    _renumber_agenda(meeting)
    db.session.flush()


def move_agenda_item(meeting: Meeting, item: AgendaItem, direction: str, actor=None) -> bool:
    """Swap an item with its neighbour above ("up") or below ("down"). False at the ends."""
    ensure_editable(meeting)
    if direction not in ("up", "down"):
        raise Refusal(_("Move an item up or down."), status=400)
    items = list(meeting.agenda_items)
    index = items.index(item)
    other = index - 1 if direction == "up" else index + 1
    if other < 0 or other >= len(items):
        return False
    items[index], items[other] = items[other], items[index]
    before = [i.id for i in meeting.agenda_items]
    for position, each in enumerate(items, start=1):
        each.position = position
    meeting.agenda_items.sort(key=lambda i: i.position)
    db.session.flush()
    record(
        "agenda_item_moved",
        "meeting",
        meeting.id,
        label=_agenda_label(meeting, item),
        actor=actor,
        changes={"order": [before, [i.id for i in items]]},
    )
    return True


# --- decisions -------------------------------------------------------------------------------


def parse_project_references(text: str) -> tuple[list[Project], list[str]]:
    """The projects named in `text` (references separated by spaces, commas or semicolons)
    and the translated problems found."""
    tokens = [t.upper() for t in re.split(r"[\s,;،]+", text or "") if t]
    errors = []
    malformed = [t for t in tokens if not PROJECT_REFERENCE.match(t)]
    if malformed:
        errors.append(
            _(
                "Not a project reference: %(values)s (expected like 2021-MF-007).",
                values=", ".join(malformed),
            )
        )
    wanted = list(dict.fromkeys(t for t in tokens if PROJECT_REFERENCE.match(t)))
    projects = []
    if wanted:
        found = {
            p.reference: p
            for p in db.session.scalars(db.select(Project).where(Project.reference.in_(wanted)))
        }
        unknown = [t for t in wanted if t not in found]
        if unknown:
            errors.append(_("No project has the reference %(values)s.", values=", ".join(unknown)))
        projects = [found[t] for t in wanted if t in found]
    return projects, errors


@dataclass
class DecisionValues:
    text_ar: str
    text_fr: str
    owner_department_id: int | None
    due_date: date | None
    projects: str = ""


def _decision_label(meeting: Meeting, decision: Decision) -> str:
    return _label(meeting, f"· {decision.position}")


def _apply_decision(decision: Decision, values: DecisionValues) -> None:
    projects, errors = parse_project_references(values.projects)
    if errors:
        raise Refusal(" ".join(errors), field="projects")
    if (
        values.owner_department_id
        and db.session.get(Department, values.owner_department_id) is None
    ):
        raise Refusal(_("Choose a department of the list."), field="owner_department_id")
    decision.text_ar = values.text_ar.strip()
    decision.text_fr = values.text_fr.strip()
    decision.owner_department_id = values.owner_department_id or None
    decision.due_date = values.due_date
    wanted = [p.id for p in projects]
    decision.project_links = [
        link for link in decision.project_links if link.project_id in wanted
    ] + [
        DecisionProject(project_id=pid)
        for pid in wanted
        if pid not in {link.project_id for link in decision.project_links}
    ]


def _decision_snapshot(decision: Decision) -> dict:
    values = snapshot(decision, DECISION_FIELDS)
    values["projects"] = sorted(link.project_id for link in decision.project_links)
    return values


def add_decision(meeting: Meeting, values: DecisionValues, actor=None) -> Decision:
    ensure_editable(meeting)
    position = max((d.position for d in meeting.decisions), default=0) + 1
    decision = Decision(position=position, status=DecisionStatus.OPEN)
    _apply_decision(decision, values)  # validates (and queries) before joining the session
    decision.meeting = meeting
    db.session.add(decision)
    db.session.flush()
    record(
        "decision_added",
        "decision",
        decision.id,
        label=_decision_label(meeting, decision),
        actor=actor,
        changes=diff({}, _decision_snapshot(decision)),
    )
    if decision.owner_department_id:
        notify_decision(decision, NotificationKind.DECISION)
    return decision


def update_decision(decision: Decision, values: DecisionValues, version, actor=None) -> dict:
    meeting = decision.meeting
    ensure_editable(meeting)
    check_version(decision, version)
    before = _decision_snapshot(decision)
    _apply_decision(decision, values)
    changes = diff(before, _decision_snapshot(decision))
    if changes:
        flush_or_conflict()
        record(
            "decision_updated",
            "decision",
            decision.id,
            label=_decision_label(meeting, decision),
            actor=actor,
            changes=changes,
        )
    if "owner_department_id" in changes and decision.owner_department_id:
        notify_decision(decision, NotificationKind.DECISION)
    return changes


def delete_decision(decision: Decision, actor=None) -> None:
    meeting = decision.meeting
    ensure_editable(meeting)
    before = _decision_snapshot(decision)
    record(
        "decision_deleted",
        "decision",
        decision.id,
        label=_decision_label(meeting, decision),
        actor=actor,
        changes=diff(before, dict.fromkeys(before)),
    )
    meeting.decisions.remove(decision)
    for position, each in enumerate(meeting.decisions, start=1):
        each.position = position
    db.session.flush()


def update_follow_up(
    decision: Decision, status, note: str, version, actor, meeting: Meeting | None = None
) -> dict:
    """The follow-up (status and note) of a decision: allowed even after the minutes are
    approved, to the reviewers and to the officer of the department that owns it. Each one
    appends a step to the decision's history (who, when, status, note, and the meeting where
    it was given, when `meeting` says so: the minutes of that meeting show it)."""
    if not can_follow_up(actor, decision):
        raise Refusal(_("You cannot update the follow-up of this decision."), status=403)
    check_version(decision, version)
    new_status = DecisionStatus(status)
    before = snapshot(decision, FOLLOW_UP_FIELDS)
    decision.status = new_status
    decision.follow_up_note = (note or "").strip()
    changes = diff(before, snapshot(decision, FOLLOW_UP_FIELDS))
    if changes or meeting is not None:
        db.session.add(
            DecisionUpdate(
                decision_id=decision.id,
                meeting_id=meeting.id if meeting is not None else None,
                status=new_status,
                note=decision.follow_up_note,
                actor_id=getattr(actor, "id", None),
            )
        )
    if changes:
        flush_or_conflict()
        record(
            "decision_follow_up",
            "decision",
            decision.id,
            label=_decision_label(decision.meeting, decision),
            actor=actor,
            changes=changes,
        )
    return changes


def is_overdue(decision: Decision, today: date | None = None) -> bool:
    today = today or clock.today()
    return (
        decision.due_date is not None
        and decision.due_date < today
        and decision.status in OPEN_DECISION_STATUSES
    )


@dataclass
class DecisionFilters:
    status: DecisionStatus | None = None
    department_id: int | None = None
    meeting_id: int | None = None


def decisions_list(user, filters: DecisionFilters, today: date | None = None) -> list[Decision]:
    """Decisions across meetings, overdue ones first, then by due date (none last).

    Officers see those assigned to their department; everyone else sees them all.
    """
    today = today or clock.today()
    overdue = sa.and_(
        Decision.due_date.is_not(None),
        Decision.due_date < today,
        Decision.status.in_(OPEN_DECISION_STATUSES),
    )
    query = (
        db.select(Decision)
        .join(Decision.meeting)
        .options(contains_eager(Decision.meeting))
        .order_by(
            sa.case((overdue, 0), else_=1),
            sa.case((Decision.due_date.is_(None), 1), else_=0),
            Decision.due_date,
            Meeting.starts_at,
            Decision.position,
        )
    )
    if user.role == Role.OFFICER:
        query = query.where(Decision.owner_department_id == user.department_id)
    if filters.status:
        query = query.where(Decision.status == filters.status)
    if filters.department_id:
        query = query.where(Decision.owner_department_id == filters.department_id)
    if filters.meeting_id:
        query = query.where(Decision.meeting_id == filters.meeting_id)
    return list(db.session.scalars(query).unique())


def visible_meeting_ids(user, meeting_ids) -> set[int]:
    """Among `meeting_ids`, those the user may open (`readable_by`, one query)."""
    ids = set(meeting_ids)
    if not ids:
        return ids
    return set(
        db.session.scalars(db.select(Meeting.id).where(Meeting.id.in_(ids), readable_by(user)))
    )


# --- decisions followed across meetings ------------------------------------------------------


def decision_link(decision: Decision) -> str:
    return f"/decisions/{decision.id}/follow-up"


def notify_decision(decision: Decision, kind: NotificationKind) -> None:
    """The owner department's officers learn of the decision (assigned, or overdue): in-app now,
    by e-mail after the commit, each in their own language."""
    # by id: the relationship may still hold the department before a change of owner
    department = db.session.get(Department, decision.owner_department_id)
    if department is None:
        return
    meeting = decision.meeting
    params = {
        "department_code": department.code,
        "department_ar": department.name_ar,
        "department_fr": department.name_fr,
        "reference": meeting.reference if meeting is not None else "",
        "due": decision.due_date.isoformat() if decision.due_date else "",
    }
    pairs = notify_users(officers_of(department.id), kind, params, decision_link(decision))
    mails = mail.notification_mails(pairs)
    if mails:
        after_commit(lambda: mail.deliver(mails))


def overdue_decisions(today: date | None = None) -> list[Decision]:
    today = today or clock.today()
    return list(
        db.session.scalars(
            db.select(Decision)
            .where(
                Decision.due_date.is_not(None),
                Decision.due_date < today,
                Decision.status.in_(OPEN_DECISION_STATUSES),
                Decision.owner_department_id.is_not(None),
            )
            .order_by(Decision.due_date, Decision.id)
        )
    )


def remind_overdue(today: date | None = None) -> int:
    """Remind the owner department's officers of each overdue open decision, once a day at
    most (a second run the same day sends nothing). Returns how many decisions were reminded."""
    today = today or clock.today()
    reminded = 0
    for decision in overdue_decisions(today):
        if decision.reminded_on == today:
            continue
        notify_decision(decision, NotificationKind.DECISION_OVERDUE)
        db.session.execute(
            sa.update(Decision).where(Decision.id == decision.id).values(reminded_on=today)
        )
        reminded += 1
    db.session.flush()
    return reminded


def history_of(decision_ids) -> dict[int, list[DecisionUpdate]]:
    """{decision id: [its follow-up steps, oldest first]} in one query."""
    ids = list(decision_ids)
    if not ids:
        return {}
    rows = db.session.scalars(
        db.select(DecisionUpdate)
        .where(DecisionUpdate.decision_id.in_(ids))
        .options(selectinload(DecisionUpdate.actor), selectinload(DecisionUpdate.meeting))
        .order_by(DecisionUpdate.created_at, DecisionUpdate.id)
    )
    result: dict[int, list[DecisionUpdate]] = {}
    for row in rows:
        result.setdefault(row.decision_id, []).append(row)
    return result


def open_decisions_before(meeting: Meeting) -> list[Decision]:
    """The open decisions of the meetings held before this one."""
    return list(
        db.session.scalars(
            db.select(Decision)
            .join(Decision.meeting)
            .where(
                Meeting.starts_at < meeting.starts_at,
                Meeting.id != meeting.id,
                Decision.status.in_(OPEN_DECISION_STATUSES),
            )
            .order_by(Meeting.starts_at, Decision.position)
        )
    )


def open_decisions_of_department(department_id: int | None) -> list[Decision]:
    """A department's open decisions, the oldest due first (none last)."""
    if department_id is None:
        return []
    return list(
        db.session.scalars(
            db.select(Decision)
            .join(Decision.meeting)
            .options(contains_eager(Decision.meeting))
            .where(
                Decision.owner_department_id == department_id,
                Decision.status.in_(OPEN_DECISION_STATUSES),
            )
            .order_by(
                sa.case((Decision.due_date.is_(None), 1), else_=0),
                Decision.due_date,
                Meeting.starts_at,
                Decision.position,
            )
        )
    )


def add_follow_up_item(meeting: Meeting, actor=None) -> AgendaItem:
    """Add the "follow-up of previous decisions" agenda item, listing the open decisions of
    earlier meetings (those not already listed under such an item of this meeting)."""
    ensure_editable(meeting)
    listed = {link.decision_id for item in meeting.agenda_items for link in item.followed}
    decisions = [d for d in open_decisions_before(meeting) if d.id not in listed]
    if not decisions:
        raise Refusal(_("No open decision of an earlier meeting is left to follow up."), 409)
    titles = {}
    for lang in LANGUAGES:
        with force_locale(LANGUAGES[lang]):
            titles[lang] = _("Follow-up of previous decisions")
    item = add_agenda_item(meeting, titles["ar"], titles["fr"], actor=actor)
    item.followed = [FollowedDecision(decision_id=d.id) for d in decisions]
    db.session.flush()
    return item
