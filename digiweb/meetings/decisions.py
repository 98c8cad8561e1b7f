"""The decisions of a meeting and their follow-up (the one thing still editable after the
minutes are approved): listing, history, notifications and reminders of overdue ones.
"""

import re
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import contains_eager, selectinload

from digiweb import clock
from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import Role
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import join_list
from digiweb.meetings.models import (
    Decision,
    DecisionProject,
    DecisionStatus,
    DecisionUpdate,
    Meeting,
)
from digiweb.meetings.services import _label, can_follow_up, ensure_editable
from digiweb.notifications.models import NotificationKind
from digiweb.notifications.services import notify_users, officers_of
from digiweb.plans.models import Project
from digiweb.review import mail
from digiweb.transaction import after_commit, check_version, flush_or_conflict

OPEN_DECISION_STATUSES = (DecisionStatus.OPEN, DecisionStatus.IN_PROGRESS)
PROJECT_REFERENCE = re.compile(r"^\d{4}-[A-Z0-9]{1,16}-\d{3,}$")
DECISION_FIELDS = ("text_ar", "text_fr", "owner_department_id", "due_date")
FOLLOW_UP_FIELDS = ("status", "follow_up_note")


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
                values=join_list(malformed),
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
            errors.append(_("No project has the reference %(values)s.", values=join_list(unknown)))
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
