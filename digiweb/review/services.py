"""Plan review rules: the workflow (send, return, approve, reopen), review remarks and answers,
the yearly follow-up of approved projects, and reminders to the departments that have not sent.

Every function checks who acts (role and department), the plan's current status, the version
the user saw (optimistic locking) and the content, then changes the plan, writes a timeline
event and an audit entry, and flushes; the request commits (digiweb.transaction). Refusals
raise `Refusal` or `Conflict` (digiweb.errors). Notifications are written in the same
transaction; e-mails go out after the commit (a failure is only logged).
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy.orm import joinedload

from digiweb import clock
from digiweb.audit.services import diff, record, snapshot
from digiweb.auth.models import REVIEW_ROLES, Role, User
from digiweb.campaigns.models import Campaign, CampaignStatus, campaign_departments
from digiweb.db_types import utcnow
from digiweb.departments.models import Department
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.notifications.models import NotificationKind, Reminder
from digiweb.notifications.services import notify_users, officers_of, reviewers
from digiweb.plans import services as plan_services
from digiweb.plans.models import (
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    ProgressUpdate,
    Project,
    ProjectStatus,
)
from digiweb.review import mail
from digiweb.transaction import after_commit, check_version, flush_or_conflict

SUBMITTABLE = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT, PlanStatus.RETURNED)
UNSENT = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT)
REMARKABLE = (PlanStatus.SUBMITTED, PlanStatus.RETURNED)
ANSWERABLE = (PlanStatus.SUBMITTED, PlanStatus.RETURNED)

# The project fields kept in the snapshot of a returned plan, in display order: the fields
# users write (the plans area's list) plus the reference that identifies the project.
PROJECT_FIELDS = ("reference", *plan_services.PROJECT_FIELDS)
PLAN_FIELDS = plan_services.PLAN_FIELDS
MAX_COMMENT = 4000


# --- checks ------------------------------------------------------------------------------------


def _is_reviewer(user) -> bool:
    return user is not None and user.role in REVIEW_ROLES


def _is_plan_officer(user, plan: Plan) -> bool:
    return (
        user is not None and user.role == Role.OFFICER and user.department_id == plan.department_id
    )


def _require_reviewer(user) -> None:
    if not _is_reviewer(user):
        raise Refusal(_("Only the ministry's reviewers can do this."), 403)


def _require_officer(user, plan: Plan) -> None:
    if not _is_plan_officer(user, plan):
        raise Refusal(_("Only the digitization officer of this department can do this."), 403)


OFFICER_ACTIONS = ("submit", "answer", "progress")
REVIEWER_ACTIONS = ("return", "approve", "reopen", "remark")


def check_actor(action: str, plan: Plan, user) -> None:
    """Who may take `action` on `plan` at all (status aside): refuse early with a 403, before
    looking at the input."""
    if action in OFFICER_ACTIONS:
        _require_officer(user, plan)
    else:
        _require_reviewer(user)


def _require_open_campaign(plan: Plan) -> None:
    if plan.campaign.status != CampaignStatus.OPEN:
        raise Refusal(
            _(
                "The %(year)s campaign is not open: the plan cannot be changed.",
                year=plan.campaign.year,
            ),
            409,
        )


def _require_version(plan: Plan, expected_version) -> None:
    check_version(
        plan,
        expected_version,
        _(
            "Someone else changed this plan in the meantime (it is now: %(status)s). "
            "Nothing was saved: please look at the current plan and try again.",
            status=plan.status.label,
        ),
    )


def _require_status(plan: Plan, allowed, message: str) -> None:
    if plan.status not in allowed:
        raise Refusal(message, 409)


def _clean_text(text: str | None, *, required_message: str | None = None) -> str:
    text = (text or "").strip()
    if required_message and not text:
        raise Refusal(required_message, 422)
    if len(text) > MAX_COMMENT:
        raise Refusal(_("The text is too long (at most %(max)d characters).", max=MAX_COMMENT), 422)
    return text


def _label(plan: Plan) -> str:
    return f"{plan.campaign.year}-{plan.department.code}"


def _event(plan: Plan, kind: PlanEventKind, actor, comment: str = "", **fields) -> PlanEvent:
    event = PlanEvent(
        plan=plan, kind=kind, actor_id=actor.id if actor else None, comment=comment, **fields
    )
    db.session.add(event)
    return event


def _transition(plan: Plan, actor, kind: PlanEventKind, new_status: PlanStatus, comment: str):
    """Move the plan to `new_status`, with its timeline event and audit entry."""
    old_status = plan.status
    now = utcnow()
    plan.status = new_status
    plan.last_activity_at = now
    event = _event(
        plan,
        kind,
        actor,
        comment,
        status_from=old_status.value,
        status_to=new_status.value,
        created_at=now,
    )
    changes = {"status": [old_status.value, new_status.value]}
    if comment:
        changes["comment"] = [None, comment]
    record(f"plan_{kind.value}", "plan", plan.id, label=_label(plan), changes=changes, actor=actor)
    return event, now


def _notification_params(plan: Plan, actor, comment: str = "") -> dict:
    return {
        "year": plan.campaign.year,
        "department_code": plan.department.code,
        "department_ar": plan.department.name_ar,
        "department_fr": plan.department.name_fr,
        "actor": (actor.full_name or actor.username) if actor else "",
        "comment": comment[:500],
    }


def plan_link(plan: Plan) -> str:
    return f"/plans/{plan.id}"


def _notify(users, kind: NotificationKind, plan: Plan, actor, comment: str = "") -> list:
    """In-app notifications now (same transaction); the e-mails to send after the commit."""
    params = _notification_params(plan, actor, comment)
    return mail.notification_mails(notify_users(users, kind, params, plan_link(plan)))


# --- completeness (rules owned by the plans area) ---------------------------------------------


def missing_before_sending(plan: Plan) -> tuple[list[str], dict]:
    """(plan-level problems, {project_id: [missing field labels]}) from the plans area."""
    problems = list(plan_services.plan_problems(plan))
    per_project = {pid: labels for pid, labels in plan_services.plan_completeness(plan).items()}
    if not plan.projects and not problems:
        problems.append(_("The plan has no project yet: add at least one project."))
    return problems, {pid: labels for pid, labels in per_project.items() if labels}


def _require_complete(plan: Plan) -> None:
    problems, per_project = missing_before_sending(plan)
    if not problems and not per_project:
        return
    projects = {p.id: p for p in plan.projects}
    details = [str(problem) for problem in problems]
    for project_id, labels in per_project.items():
        project = projects.get(project_id)
        name = f"{project.reference} · {project.title}" if project else str(project_id)
        details.append(
            _("%(project)s: missing %(fields)s", project=name, fields=", ".join(map(str, labels)))
        )
    raise Refusal(
        _("The plan cannot be sent yet. Complete what is missing first:"), 422, details=details
    )


# --- the workflow ---------------------------------------------------------------------------


def submit_plan(plan: Plan, actor: User, expected_version) -> PlanEvent:
    """The department's officer sends its plan (first time, or again after a return)."""
    _require_officer(actor, plan)
    _require_version(plan, expected_version)
    _require_status(
        plan,
        SUBMITTABLE,
        _("This plan has already been sent (status: %(status)s).", status=plan.status.label),
    )
    _require_open_campaign(plan)
    _require_complete(plan)
    event, now = _transition(plan, actor, PlanEventKind.SUBMITTED, PlanStatus.SUBMITTED, "")
    plan.submitted_at = now
    plan.submitted_by_id = actor.id
    mails = _notify(reviewers(), NotificationKind.SUBMITTED, plan, actor)
    flush_or_conflict()
    after_commit(lambda: mail.deliver(mails))
    return event


def project_snapshot(plan: Plan) -> dict:
    """The plan's own fields and each project's fields, JSON-ready, keyed by project id."""
    return {
        "plan": snapshot(plan, PLAN_FIELDS),
        "projects": {str(p.id): snapshot(p, PROJECT_FIELDS) for p in plan.projects},
    }


def return_plan(
    plan: Plan,
    actor: User,
    comment: str,
    expected_version,
    project_remarks: dict | None = None,
) -> PlanEvent:
    """A reviewer sends the plan back for revision with a summary comment and, optionally,
    "needs change" remarks on individual projects ({project_id: reason})."""
    _require_reviewer(actor)
    _require_version(plan, expected_version)
    _require_status(
        plan,
        (PlanStatus.SUBMITTED,),
        _(
            "Only a plan that has been sent can be returned (status: %(status)s).",
            status=plan.status.label,
        ),
    )
    comment = _clean_text(
        comment, required_message=_("Explain in a comment what the department must revise.")
    )
    remarks = _project_remarks(plan, project_remarks or {})
    before = project_snapshot(plan)  # before any change: loading projects autoflushes
    event, now = _transition(plan, actor, PlanEventKind.RETURNED, PlanStatus.RETURNED, comment)
    event.snapshot = before
    plan.returned_at = now
    for project, reason in remarks:
        _event(plan, PlanEventKind.REMARK, actor, reason, project_id=project.id, created_at=now)
        record(
            "project_remark",
            "project",
            project.id,
            label=project.reference,
            changes={"remark": [None, reason]},
            actor=actor,
        )
    mails = _notify(
        officers_of(plan.department_id), NotificationKind.RETURNED, plan, actor, comment
    )
    flush_or_conflict()
    after_commit(lambda: mail.deliver(mails))
    return event


def _project_remarks(plan: Plan, project_remarks: dict) -> list[tuple[Project, str]]:
    projects = {p.id: p for p in plan.projects}
    result = []
    for project_id, reason in project_remarks.items():
        reason = _clean_text(reason)
        if not reason:
            continue
        project = projects.get(int(project_id))
        if project is None:
            raise Refusal(_("This project is not part of the plan."), 422)
        result.append((project, reason))
    return result


def approve_plan(plan: Plan, actor: User, expected_version, comment: str = "") -> PlanEvent:
    _require_reviewer(actor)
    _require_version(plan, expected_version)
    _require_status(
        plan,
        (PlanStatus.SUBMITTED,),
        _(
            "Only a plan that has been sent can be approved (status: %(status)s).",
            status=plan.status.label,
        ),
    )
    comment = _clean_text(comment)
    event, now = _transition(plan, actor, PlanEventKind.APPROVED, PlanStatus.APPROVED, comment)
    plan.approved_at = now
    plan.approved_by_id = actor.id
    mails = _notify(
        officers_of(plan.department_id), NotificationKind.APPROVED, plan, actor, comment
    )
    flush_or_conflict()
    after_commit(lambda: mail.deliver(mails))
    return event


def reopen_plan(plan: Plan, actor: User, reason: str, expected_version) -> PlanEvent:
    """Undo an approval: the plan goes back to the department (returned), with the reason."""
    _require_reviewer(actor)
    _require_version(plan, expected_version)
    _require_status(
        plan,
        (PlanStatus.APPROVED,),
        _("Only an approved plan can be reopened (status: %(status)s).", status=plan.status.label),
    )
    reason = _clean_text(reason, required_message=_("Give the reason for reopening the plan."))
    before = project_snapshot(plan)  # before any change: loading projects autoflushes
    event, now = _transition(plan, actor, PlanEventKind.REOPENED, PlanStatus.RETURNED, reason)
    event.snapshot = before
    plan.returned_at = now
    plan.approved_at = None
    plan.approved_by_id = None
    mails = _notify(officers_of(plan.department_id), NotificationKind.REOPENED, plan, actor, reason)
    flush_or_conflict()
    after_commit(lambda: mail.deliver(mails))
    return event


# --- remarks and answers --------------------------------------------------------------------


def add_remark(plan: Plan, actor: User, comment: str, project: Project | None = None) -> PlanEvent:
    """A reviewer's remark on the plan, or "needs change" on one of its projects. Remarks do
    not change the plan row, so they never make anyone's open form stale."""
    _require_reviewer(actor)
    _require_status(
        plan,
        REMARKABLE,
        _(
            "Remarks can be made on a sent or returned plan (status: %(status)s).",
            status=plan.status.label,
        ),
    )
    if project is not None and project.plan_id != plan.id:
        raise Refusal(_("This project is not part of the plan."), 422)
    comment = _clean_text(comment, required_message=_("Write the remark."))
    event = _event(
        plan, PlanEventKind.REMARK, actor, comment, project_id=project.id if project else None
    )
    entity = (
        ("project", project.id, project.reference) if project else ("plan", plan.id, _label(plan))
    )
    record(
        "remark_added",
        entity[0],
        entity[1],
        label=entity[2],
        changes={"remark": [None, comment]},
        actor=actor,
    )
    flush_or_conflict()
    return event


def answer_remark(remark: PlanEvent, actor: User, comment: str) -> PlanEvent:
    """The department's officer answers a remark; the remark counts as resolved. The answer's
    `snapshot` holds {"remark_id": ...} to keep the thread together."""
    plan = remark.plan
    _require_officer(actor, plan)
    if remark.kind != PlanEventKind.REMARK:
        raise Refusal(_("Only a review remark can be answered."), 422)
    _require_status(
        plan,
        ANSWERABLE,
        _(
            "Remarks can be answered while the plan is under review (status: %(status)s).",
            status=plan.status.label,
        ),
    )
    _require_open_campaign(plan)
    comment = _clean_text(comment, required_message=_("Write your answer."))
    answer = _event(
        plan,
        PlanEventKind.ANSWER,
        actor,
        comment,
        project_id=remark.project_id,
        snapshot={"remark_id": remark.id},
    )
    remark.resolved = True
    record(
        "remark_answered",
        "plan",
        plan.id,
        label=_label(plan),
        changes={"remark_id": [None, remark.id], "answer": [None, comment]},
        actor=actor,
    )
    flush_or_conflict()
    return answer


# --- yearly follow-up of approved projects ------------------------------------------------------


def can_record_progress(user, project: Project) -> bool:
    plan = project.plan
    return _is_plan_officer(user, plan) and plan.status == PlanStatus.APPROVED


def record_progress(
    project: Project,
    actor: User,
    *,
    status: ProjectStatus | str,
    progress: int,
    note: str,
    expected_version,
) -> ProgressUpdate:
    """Once the plan is approved its content is frozen, except each project's follow-up: status
    and progress %, with a dated note. Allowed after the campaign closes (follow-up lasts the
    whole year)."""
    plan = project.plan
    _require_officer(actor, plan)
    if plan.status != PlanStatus.APPROVED:
        raise Refusal(_("Progress is followed once the plan has been approved."), 409)
    check_version(
        project,
        expected_version,
        _(
            "Someone else changed this project in the meantime. Nothing was saved: "
            "please look at the current values and try again."
        ),
    )
    status = ProjectStatus.coerce(status)
    if status is None:
        raise Refusal(_("Choose a status from the list."), 422)
    if not isinstance(progress, int) or not 0 <= progress <= 100:
        raise Refusal(_("Progress is a whole number between 0 and 100."), 422)
    if status == ProjectStatus.COMPLETED and progress != 100:
        raise Refusal(_("A completed project is at 100%."), 422)
    note = _clean_text(note, required_message=_("Write a short note on the progress."))
    before = snapshot(project, ("status", "progress"))
    project.status = status
    project.progress = progress
    update = ProgressUpdate(
        project_id=project.id, actor_id=actor.id, status=status, progress=progress, note=note
    )
    db.session.add(update)
    changes = diff(before, snapshot(project, ("status", "progress")))
    changes["note"] = [None, note]
    record(
        "project_progress",
        "project",
        project.id,
        label=project.reference,
        changes=changes,
        actor=actor,
    )
    flush_or_conflict()
    return update


# --- what changed since the return ----------------------------------------------------------


@dataclass
class FieldChange:
    name: str
    old: object
    new: object


@dataclass
class ProjectChange:
    project_id: int
    reference: str
    title_ar: str
    title_fr: str
    fields: list[FieldChange] = field(default_factory=list)


@dataclass
class ChangesSinceReturn:
    since: PlanEvent
    added: list[ProjectChange] = field(default_factory=list)
    removed: list[ProjectChange] = field(default_factory=list)
    changed: list[ProjectChange] = field(default_factory=list)
    plan_fields: list[FieldChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed or self.plan_fields)


def last_return(events: list[PlanEvent]) -> PlanEvent | None:
    for event in reversed(events):
        if event.kind in (PlanEventKind.RETURNED, PlanEventKind.REOPENED) and event.snapshot:
            return event
    return None


def changes_since_return(
    plan: Plan, events: list[PlanEvent] | None = None
) -> ChangesSinceReturn | None:
    """Field by field and project by project, what the department changed since the last
    return (or reopening); None when the plan was never returned."""
    if events is None:
        events = list(
            db.session.scalars(
                db.select(PlanEvent)
                .where(PlanEvent.plan_id == plan.id)
                .order_by(PlanEvent.created_at, PlanEvent.id)
            )
        )
    since = last_return(events)
    if since is None:
        return None
    before = since.snapshot.get("projects", {})
    result = ChangesSinceReturn(since=since)
    now_plan = snapshot(plan, PLAN_FIELDS)
    result.plan_fields = [
        FieldChange(name, old, new)
        for name, (old, new) in diff(since.snapshot.get("plan", {}), now_plan).items()
    ]
    current = {str(p.id): p for p in plan.projects}
    for key, project in current.items():
        now = snapshot(project, PROJECT_FIELDS)
        if key not in before:
            result.added.append(
                ProjectChange(project.id, project.reference, project.title_ar, project.title_fr)
            )
            continue
        changed = [
            FieldChange(name, old, new) for name, (old, new) in diff(before[key], now).items()
        ]
        if changed:
            entry = ProjectChange(project.id, project.reference, project.title_ar, project.title_fr)
            entry.fields = changed
            result.changed.append(entry)
    for key, old in before.items():
        if key not in current:
            result.removed.append(
                ProjectChange(
                    int(key),
                    old.get("reference", ""),
                    old.get("title_ar", ""),
                    old.get("title_fr", ""),
                )
            )
    return result


# --- timeline --------------------------------------------------------------------------------


def plan_events(plan: Plan) -> list[PlanEvent]:
    """The plan's timeline, oldest first, with actors and projects in the same query."""
    return list(
        db.session.scalars(
            db.select(PlanEvent)
            .where(PlanEvent.plan_id == plan.id)
            .options(joinedload(PlanEvent.actor), joinedload(PlanEvent.project))
            .order_by(PlanEvent.created_at, PlanEvent.id)
        )
    )


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

    @property
    def is_sent(self) -> bool:
        return self.status not in UNSENT


def _days_late(deadline: date | None, sent_at: datetime | None, today: date) -> int:
    if deadline is None:
        return 0
    reference = clock.local_date(sent_at) if sent_at else today
    return max(0, (reference - deadline).days)


def board_rows(campaign: Campaign, department_id: int | None = None) -> list[BoardRow]:
    """Every invited department with its plan's figures, in ONE query (aggregates in
    subqueries), whatever the number of departments, projects, events and reminders."""
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
                        PlanEvent.kind.not_in([PlanEventKind.CREATED, PlanEventKind.REMINDER]),
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
        )
        .select_from(campaign_departments)
        .join(Department, Department.id == campaign_departments.c.department_id)
        .outerjoin(Plan, (Plan.campaign_id == campaign.id) & (Plan.department_id == Department.id))
        .outerjoin(project_counts, project_counts.c.plan_id == Plan.id)
        .outerjoin(event_stats, event_stats.c.plan_id == Plan.id)
        .outerjoin(reminder_stats, reminder_stats.c.department_id == Department.id)
        .where(campaign_departments.c.campaign_id == campaign.id)
        .order_by(Department.code)
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
