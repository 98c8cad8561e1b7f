"""What the review panel of a plan shows to the current user: the actions they may take, the
remarks with their answers, the timeline, what changed since the return, the follow-up.

The plans area's plan page includes `review/_plan_panel.html` with only `plan` in its context;
the partial calls `review_panel(plan)` (a Jinja global) to get all this in a few queries.
"""

from dataclasses import dataclass, field

from flask_login import current_user
from sqlalchemy.orm import joinedload

from digiweb.campaigns.models import CampaignStatus
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.plans.models import (
    SENT_STATUSES,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    ProgressUpdate,
    Project,
)
from digiweb.review import history, ratings, remarks, services
from digiweb.review.forms import (
    AnswerForm,
    ApproveForm,
    ReopenForm,
    ReturnForm,
    SubmitForm,
)
from digiweb.review.forms import RemarkForm as _RemarkForm


@dataclass
class RemarkThread:
    remark: PlanEvent
    answers: list[PlanEvent] = field(default_factory=list)


@dataclass
class Panel:
    plan: Plan
    events: list[PlanEvent]
    threads: list[RemarkThread]
    actions: dict[str, bool]
    forms: dict
    changes: history.ChangesSinceReturn | None = None
    missing_problems: list = field(default_factory=list)
    missing_projects: list = field(default_factory=list)
    progress_updates: list[tuple[ProgressUpdate, Project]] = field(default_factory=list)
    # {project id: {RatingSource: CurrentRating}} of a sent plan (digiweb.review.ratings).
    ratings: dict = field(default_factory=dict)
    error: Refusal | None = None
    error_action: str = ""
    user_input: str = ""
    answer_errors: dict = field(default_factory=dict)
    notice: str = ""

    @property
    def open_remarks(self) -> int:
        return sum(1 for t in self.threads if not t.remark.resolved)

    @property
    def plan_threads(self) -> list[RemarkThread]:
        return [t for t in self.threads if t.remark.project_id is None]

    @property
    def project_threads(self) -> list[RemarkThread]:
        return [t for t in self.threads if t.remark.project_id is not None]

    def any_action(self) -> bool:
        return any(self.actions.values())


def allowed_actions(plan: Plan, user) -> dict[str, bool]:
    """What the UI offers; the services check the same rules again on the server."""
    reviewer = user.is_authenticated and user.can_review
    officer = user.is_authenticated and user.is_officer and user.department_id == plan.department_id
    campaign_open = plan.campaign.status == CampaignStatus.OPEN
    return {
        "submit": officer and campaign_open and plan.status in services.SUBMITTABLE,
        "return": reviewer and plan.status == PlanStatus.SUBMITTED,
        "approve": reviewer and plan.status == PlanStatus.SUBMITTED,
        "reopen": reviewer and plan.status == PlanStatus.APPROVED,
        "remark": reviewer and plan.status in remarks.REMARKABLE,
        "answer": officer and campaign_open and plan.status in remarks.ANSWERABLE,
        "progress": officer and plan.status == PlanStatus.APPROVED,
        "rate": reviewer and plan.status in SENT_STATUSES,
    }


def _threads(events: list[PlanEvent]) -> list[RemarkThread]:
    threads = {e.id: RemarkThread(e) for e in events if e.kind == PlanEventKind.REMARK}
    for event in events:
        if event.kind == PlanEventKind.ANSWER and event.snapshot:
            thread = threads.get(event.snapshot.get("remark_id"))
            if thread is not None:
                thread.answers.append(event)
    return list(threads.values())


def _progress_updates(plan: Plan) -> list[tuple[ProgressUpdate, Project]]:
    """The latest follow-up notes of the plan's projects, actors included, in one query."""
    return list(
        db.session.execute(
            db.select(ProgressUpdate, Project)
            .join(Project, Project.id == ProgressUpdate.project_id)
            .where(Project.plan_id == plan.id)
            .options(joinedload(ProgressUpdate.actor))
            .order_by(ProgressUpdate.created_at.desc(), ProgressUpdate.id.desc())
            .limit(50)
        ).all()
    )


def build_panel(plan: Plan, forms: dict | None = None, **extra) -> Panel:
    user = current_user
    events = history.plan_events(plan)
    actions = allowed_actions(plan, user)
    remark_form = _RemarkForm(formdata=None)
    remark_form.set_projects(plan)
    default_forms = {
        "submit": SubmitForm(formdata=None),
        "return": ReturnForm(formdata=None),
        "approve": ApproveForm(formdata=None),
        "reopen": ReopenForm(formdata=None),
        "remark": remark_form,
        "answer": AnswerForm(formdata=None),
    }
    default_forms.update(forms or {})
    panel = Panel(
        plan=plan,
        events=events,
        threads=_threads(events),
        actions=actions,
        forms=default_forms,
        **extra,
    )
    if plan.status in (PlanStatus.SUBMITTED, PlanStatus.RETURNED):
        panel.changes = history.changes_since_return(plan, events)
    if actions["submit"]:
        problems, per_project = services.missing_before_sending(plan)
        projects = {p.id: p for p in plan.projects}
        panel.missing_problems = problems
        panel.missing_projects = [
            (projects[pid], labels) for pid, labels in per_project.items() if pid in projects
        ]
    if plan.status == PlanStatus.APPROVED:
        panel.progress_updates = _progress_updates(plan)
    if plan.status in SENT_STATUSES:
        panel.ratings = ratings.current_ratings([p.id for p in plan.projects])
    return panel


def field_label(name: str) -> str:
    """The field's label as the plans area's forms and pages name it."""
    from digiweb.plans.services import field_label as plans_field_label

    return str(plans_field_label(name))
