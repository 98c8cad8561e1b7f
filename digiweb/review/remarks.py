"""Review remarks and answers: a reviewer's remark on a plan under review (or "needs change" on
one of its projects) and the department's answer, which resolves it. Checked and recorded like
the workflow's actions (`digiweb.review.services`); the request commits.
"""

from flask_babel import gettext as _

from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.errors import Refusal
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.review.services import (
    _clean_text,
    _event,
    _label,
    _require_officer,
    _require_open_campaign,
    _require_reviewer,
    _require_status,
)
from digiweb.transaction import flush_or_conflict

REMARKABLE = (PlanStatus.SUBMITTED, PlanStatus.RETURNED)
ANSWERABLE = (PlanStatus.SUBMITTED, PlanStatus.RETURNED)


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
