"""Plan review rules: the workflow (send, return, approve, reopen) and the checks every review
action shares. The other actions live next to it, on the same checks: review remarks and answers
(`digiweb.review.remarks`), the yearly follow-up of approved projects (`digiweb.review.progress`),
the completeness board and the reminders to the departments that have not sent
(`digiweb.review.board`); the timeline and what changed since a return are read in
`digiweb.review.history`.

Every function checks who acts (role and department), the plan's current status, the version
the user saw (optimistic locking) and the content, then changes the plan, writes a timeline
event and an audit entry, and flushes; the request commits (digiweb.transaction). Refusals
raise `Refusal` or `Conflict` (digiweb.errors). Notifications are written in the same
transaction; e-mails go out after the commit (a failure is only logged).
"""

from flask_babel import gettext as _

from digiweb.audit.services import record, snapshot
from digiweb.auth.models import REVIEW_ROLES, Role, User
from digiweb.campaigns.models import CampaignStatus
from digiweb.db_types import utcnow
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import clean_text, control_character_problem, join_list
from digiweb.notifications.models import NotificationKind
from digiweb.notifications.services import notify_users, officers_of, reviewers
from digiweb.plans import services as plan_services
from digiweb.plans.models import (
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Project,
)
from digiweb.review import mail, receipts
from digiweb.transaction import after_commit, check_version, flush_or_conflict

SUBMITTABLE = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT, PlanStatus.RETURNED)
UNSENT = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT)

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
    """A review text as the forms clean it (some arrive outside a form: the per-project
    remarks of a return), refused with a control character in it or beyond MAX_COMMENT."""
    text = clean_text(text or "", multiline=True).strip()
    if required_message and not text:
        raise Refusal(required_message, 422)
    problem = control_character_problem(text)
    if problem:
        raise Refusal(problem, 422)
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
        details.append(_("%(project)s: missing %(fields)s", project=name, fields=join_list(labels)))
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
    if plan.status == PlanStatus.RETURNED:
        from digiweb.review import decisions  # it builds on this module's checks

        decisions.reset_changed(plan, actor)
    event, now = _transition(plan, actor, PlanEventKind.SUBMITTED, PlanStatus.SUBMITTED, "")
    plan.submitted_at = now
    plan.submitted_by_id = actor.id
    receipts.issue_receipt(plan, actor, event, now)
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
    from digiweb.review import decisions  # it builds on this module's checks

    decisions.require_all_decided(plan)
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
