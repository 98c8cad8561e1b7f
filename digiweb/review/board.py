"""The completeness board of a campaign (every invited department with its plan's figures) and
the reminders sent to the departments that have not sent their plan. Reminders are checked and
recorded like the workflow's actions (`digiweb.review.services`); the request commits.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy.orm import aliased

from digiweb import clock
from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign, CampaignStatus, campaign_departments
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import language
from digiweb.notifications.models import NotificationKind, Reminder
from digiweb.notifications.services import officers_of
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.review import mail
from digiweb.review.queue import days_in_queue, queue_state
from digiweb.review.services import (
    UNSENT,
    _clean_text,
    _event,
    _label,
    _notify,
    _require_reviewer,
)
from digiweb.transaction import after_commit, flush_or_conflict

# --- the completeness board -----------------------------------------------------------------


@dataclass
class BoardRow:
    department: Department
    plan_id: int | None
    status: PlanStatus
    projects: int
    submitted_at: datetime | None
    first_sent_at: datetime | None
    returned_at: datetime | None
    approved_at: datetime | None
    last_activity_at: datetime | None
    reminders: int
    last_reminder_at: datetime | None
    days_late: int
    # The review queue (digiweb.review.queue): who reviews the plan, for how long it waits.
    reviewer_id: int | None = None
    reviewer_name: str = ""
    days_in_queue: int | None = None

    @property
    def is_sent(self) -> bool:
        return self.status not in UNSENT

    @property
    def queue_state(self):
        return queue_state(self.status, self.reviewer_id)


def _days_late(deadline: date | None, sent_at: datetime | None, today: date) -> int:
    if deadline is None:
        return 0
    reference = clock.local_date(sent_at) if sent_at else today
    return max(0, (reference - deadline).days)


def board_rows(campaign: Campaign, department_id: int | None = None) -> list[BoardRow]:
    """Every invited department with its plan's figures, in ONE query (aggregates in
    subqueries), whatever the number of departments, projects, events and reminders."""
    Reviewer = aliased(User)
    project_counts = (
        db.select(Project.plan_id, db.func.count(Project.id).label("n"))
        .group_by(Project.plan_id)
        .subquery()
    )
    event_stats = (
        db.select(
            PlanEvent.plan_id,
            # Activity of the plan itself: its creation (campaign opening) and the ministry's
            # reminders say nothing about whether the department is working on it.
            db.func.max(
                db.case(
                    (
                        PlanEvent.kind.not_in(
                            [PlanEventKind.CREATED, PlanEventKind.REMINDER, PlanEventKind.ASSIGNED]
                        ),
                        PlanEvent.created_at,
                    ),
                    else_=None,
                )
            ).label("last_event"),
            db.func.min(
                db.case(
                    (PlanEvent.kind == PlanEventKind.SUBMITTED, PlanEvent.created_at), else_=None
                )
            ).label("first_sent"),
        )
        .group_by(PlanEvent.plan_id)
        .subquery()
    )
    reminder_stats = (
        db.select(
            Reminder.department_id,
            db.func.count(Reminder.id).label("n"),
            db.func.max(Reminder.sent_at).label("last"),
        )
        .where(Reminder.campaign_id == campaign.id)
        .group_by(Reminder.department_id)
        .subquery()
    )
    query = (
        db.select(
            Department,
            Plan.id,
            Plan.status,
            Plan.submitted_at,
            Plan.returned_at,
            Plan.approved_at,
            Plan.last_activity_at,
            db.func.coalesce(project_counts.c.n, 0),
            event_stats.c.last_event,
            event_stats.c.first_sent,
            db.func.coalesce(reminder_stats.c.n, 0),
            reminder_stats.c.last,
            Plan.reviewer_id,
            Reviewer.full_name,
            Reviewer.username,
        )
        .select_from(campaign_departments)
        .join(Department, Department.id == campaign_departments.c.department_id)
        .outerjoin(Plan, (Plan.campaign_id == campaign.id) & (Plan.department_id == Department.id))
        .outerjoin(project_counts, project_counts.c.plan_id == Plan.id)
        .outerjoin(event_stats, event_stats.c.plan_id == Plan.id)
        .outerjoin(reminder_stats, reminder_stats.c.department_id == Department.id)
        .outerjoin(Reviewer, Reviewer.id == Plan.reviewer_id)
        .where(campaign_departments.c.campaign_id == campaign.id)
        # The Arabic board by the Arabic name (issue 17), the French one by the code.
        .order_by(Department.name_ar if language() == "ar" else Department.code, Department.code)
    )
    if department_id is not None:
        query = query.where(Department.id == department_id)
    today = clock.today()
    rows = []
    for (
        department,
        plan_id,
        status,
        submitted_at,
        returned_at,
        approved_at,
        last_activity,
        projects,
        last_event,
        first_sent,
        reminders,
        last_reminder,
        reviewer_id,
        reviewer_full_name,
        reviewer_username,
    ) in db.session.execute(query):
        last_event = _as_utc(last_event)
        first_sent = _as_utc(first_sent) or submitted_at
        last_reminder = _as_utc(last_reminder)
        status = status or PlanStatus.NOT_STARTED
        sent_at = first_sent if status not in UNSENT else None
        # A plan not started has seen no activity of the department (only its creation).
        activity = (
            None
            if status == PlanStatus.NOT_STARTED
            else max((v for v in (last_activity, last_event) if v is not None), default=None)
        )
        rows.append(
            BoardRow(
                department=department,
                plan_id=plan_id,
                status=status,
                projects=projects,
                submitted_at=submitted_at,
                first_sent_at=sent_at,
                returned_at=returned_at,
                approved_at=approved_at,
                last_activity_at=activity,
                reminders=reminders,
                last_reminder_at=last_reminder,
                days_late=_days_late(campaign.deadline, sent_at, today),
                reviewer_id=reviewer_id,
                reviewer_name=reviewer_full_name or reviewer_username or "",
                days_in_queue=days_in_queue(submitted_at, today) if sent_at else None,
            )
        )
    return rows


def _as_utc(value):
    """Aggregates (max, min) lose the column type: SQLite gives naive datetimes or strings."""
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value


# --- reminders -------------------------------------------------------------------------------


@dataclass
class ReminderResult:
    sent: list[Department] = field(default_factory=list)
    skipped: list[tuple[Department, datetime]] = field(default_factory=list)
    not_eligible: list[Department] = field(default_factory=list)


def send_reminders(
    campaign: Campaign,
    actor: User,
    *,
    department_ids: list[int] | None = None,
    interval_days: int = 7,
    message: str = "",
) -> ReminderResult:
    """Remind the departments that have not sent their plan (all of them, or the chosen ones),
    at most once per `interval_days` each: a department reminded more recently is skipped and
    reported, as is a chosen department that has already sent."""
    _require_reviewer(actor)
    if campaign.status != CampaignStatus.OPEN:
        raise Refusal(_("Reminders are sent while the campaign is open."), 409)
    if not isinstance(interval_days, int) or not 1 <= interval_days <= 365:
        raise Refusal(_("The interval is a number of days between 1 and 365."), 422)
    message = _clean_text(message)
    plans = list(
        db.session.scalars(
            db.select(Plan)
            .join(campaign_departments, campaign_departments.c.department_id == Plan.department_id)
            .where(
                Plan.campaign_id == campaign.id, campaign_departments.c.campaign_id == campaign.id
            )
            .order_by(Plan.id)
        )
    )
    wanted = None if department_ids is None else {int(i) for i in department_ids}
    if wanted is not None and not wanted:
        raise Refusal(_("Choose at least one department to remind."), 422)
    now = utcnow()
    last_sent = dict(
        db.session.execute(
            db.select(Reminder.department_id, db.func.max(Reminder.sent_at))
            .where(Reminder.campaign_id == campaign.id)
            .group_by(Reminder.department_id)
        ).all()
    )
    result = ReminderResult()
    mails = []
    officers = _officers_by_department()
    for plan in sorted(plans, key=lambda p: p.department.code):
        if wanted is not None and plan.department_id not in wanted:
            continue
        if plan.status not in UNSENT:
            if wanted is not None:
                result.not_eligible.append(plan.department)
            continue
        previous = _as_utc(last_sent.get(plan.department_id))
        if previous is not None and now - previous < timedelta(days=interval_days):
            result.skipped.append((plan.department, previous))
            continue
        db.session.add(
            Reminder(
                campaign_id=campaign.id,
                department_id=plan.department_id,
                sent_by_id=actor.id,
                message=message,
                sent_at=now,
            )
        )
        _event(plan, PlanEventKind.REMINDER, actor, message, created_at=now)
        record(
            "plan_reminder",
            "plan",
            plan.id,
            label=_label(plan),
            changes={"reminder": [None, message or "-"]},
            actor=actor,
        )
        mails += _notify(
            officers.get(plan.department_id, []), NotificationKind.REMINDER, plan, actor, message
        )
        result.sent.append(plan.department)
    if result.sent:
        flush_or_conflict()
        after_commit(lambda: mail.deliver(mails))
    return result


def _officers_by_department() -> dict[int, list[User]]:
    result: dict[int, list[User]] = {}
    for user in officers_of(None):
        result.setdefault(user.department_id, []).append(user)
    return result
