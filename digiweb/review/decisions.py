"""Per-project decisions of the review (issue 17): a reviewer accepts each project of a sent plan
or returns it with a reason; approving the plan needs every project decided; the decisions stay
with the plan when it is returned, and resending it resets those of the projects changed since
(an unchanged accepted project stays accepted). Also the review texts the officer and the
reviewer must see before acting: the unanswered remarks and, on each project card, the
project's decision, remarks and answers.

Checked, recorded and flushed like the workflow's actions (`digiweb.review.services`): the
request commits.
"""

from dataclasses import dataclass, field

from flask import g, url_for
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.orm import joinedload

from digiweb.audit.services import record, snapshot
from digiweb.auth.models import User
from digiweb.db_types import utcnow
from digiweb.errors import Conflict, Refusal
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, PlanStatus, Project
from digiweb.review.models import ProjectReview, ProjectVerdict
from digiweb.review.services import (
    PROJECT_FIELDS,
    _clean_text,
    _event,
    _require_reviewer,
    _require_status,
)
from digiweb.transaction import flush_or_conflict, parse_version

DECIDABLE = (PlanStatus.SUBMITTED,)


# --- reading ------------------------------------------------------------------------------------


def reviews_of(plan: Plan) -> dict[int, ProjectReview]:
    """{project id: its decision row} of the plan (one query)."""
    rows = db.session.scalars(
        db.select(ProjectReview)
        .where(ProjectReview.plan_id == plan.id)
        .options(joinedload(ProjectReview.actor))
    )
    return {row.project_id: row for row in rows}


def verdict_of(reviews: dict, project: Project) -> ProjectVerdict | None:
    row = reviews.get(project.id)
    return row.verdict if row is not None else None


def undecided(plan: Plan, reviews: dict | None = None) -> list[Project]:
    reviews = reviews_of(plan) if reviews is None else reviews
    return [p for p in plan.projects if verdict_of(reviews, p) is None]


def returned(plan: Plan, reviews: dict | None = None) -> list[tuple[Project, ProjectReview]]:
    """The projects the reviewer returned, with their decision (reason, reviewer, date)."""
    reviews = reviews_of(plan) if reviews is None else reviews
    return [
        (p, reviews[p.id])
        for p in plan.projects
        if verdict_of(reviews, p) == ProjectVerdict.RETURNED
    ]


def unanswered_remarks(plan: Plan) -> list[PlanEvent]:
    """The reviewers' remarks on the plan that no answer resolved yet, oldest first."""
    return list(
        db.session.scalars(
            db.select(PlanEvent)
            .where(
                PlanEvent.plan_id == plan.id,
                PlanEvent.kind == PlanEventKind.REMARK,
                PlanEvent.resolved.is_(False),
            )
            .options(joinedload(PlanEvent.project))
            .order_by(PlanEvent.created_at, PlanEvent.id)
        )
    )


@dataclass
class Decisions:
    """What the review panel shows of the decisions: each project with its row (or None)."""

    plan: Plan
    rows: list[tuple[Project, ProjectReview | None]]

    @property
    def undecided(self) -> list[Project]:
        return [p for p, r in self.rows if r is None or r.verdict is None]

    def count(self, verdict: ProjectVerdict) -> int:
        return sum(1 for _p, r in self.rows if r is not None and r.verdict == verdict)

    @property
    def accepted(self) -> int:
        return self.count(ProjectVerdict.ACCEPTED)

    @property
    def returned(self) -> int:
        return self.count(ProjectVerdict.RETURNED)


def decisions_view(plan: Plan) -> Decisions:
    reviews = reviews_of(plan)
    return Decisions(plan, [(p, reviews.get(p.id)) for p in plan.projects])


# --- deciding ----------------------------------------------------------------------------------


def decision_anchor(project: Project) -> str:
    return url_for("plans.view", plan_id=project.plan_id, _anchor=f"decision-{project.id}")


def decide(
    plan: Plan,
    project: Project,
    actor: User,
    verdict: str,
    reason: str,
    expected_version,
) -> ProjectReview:
    """Accept or return one project of a sent plan. `expected_version` is the decision's
    version the reviewer saw (0: none yet); another reviewer's decision since is a Conflict."""
    _require_reviewer(actor)
    _require_status(
        plan,
        DECIDABLE,
        _(
            "Projects are decided while the plan is under review (status: %(status)s).",
            status=plan.status.label,
        ),
    )
    if project.plan_id != plan.id:
        raise Refusal(_("This project is not part of the plan."), 422)
    chosen = ProjectVerdict.coerce(verdict)
    if chosen is None:
        raise Refusal(_("Choose whether the project is accepted or returned."), 422)
    required = (
        _("Give the reason for returning this project.")
        if chosen == ProjectVerdict.RETURNED
        else None
    )
    reason = _clean_text(reason, required_message=required)
    row = db.session.scalar(db.select(ProjectReview).where(ProjectReview.project_id == project.id))
    seen = parse_version(expected_version)
    current = row.version if row is not None else 0
    if seen != current:
        raise Conflict(
            _(
                "Someone else decided on this project in the meantime. Nothing was saved: "
                "look at the current decision and decide again."
            ),
            version=current,
        )
    before = (row.verdict.value if row and row.verdict else None, row.reason if row else "")
    if row is None:
        row = ProjectReview(plan_id=plan.id, project_id=project.id)
        db.session.add(row)
    now = utcnow()
    row.verdict = chosen
    row.reason = reason
    row.actor_id = actor.id
    row.decided_at = now
    row.snapshot = snapshot(project, PROJECT_FIELDS)
    kind = (
        PlanEventKind.PROJECT_ACCEPTED
        if chosen == ProjectVerdict.ACCEPTED
        else PlanEventKind.PROJECT_RETURNED
    )
    _event(plan, kind, actor, reason, project_id=project.id, created_at=now)
    changes = {"decision": [before[0], chosen.value]}
    if before[1] != reason:
        changes["reason"] = [before[1] or None, reason or None]
    record(
        "project_decision",
        "project",
        project.id,
        label=project.reference,
        changes=changes,
        actor=actor,
    )
    flush_or_conflict()
    return row


def require_all_decided(plan: Plan) -> None:
    """Approving a plan needs a decision on each of its projects: the refusal lists the
    undecided ones, each a link to its decision form."""
    waiting = undecided(plan)
    if not waiting:
        return
    details = [
        Markup('<a href="{}">{}</a>').format(
            decision_anchor(p), f"{p.reference} · {p.title or _('(untitled)')}"
        )
        for p in waiting
    ]
    raise Refusal(
        _(
            "Decide on every project before approving the plan: %(num)d not decided yet.",
            num=len(waiting),
        ),
        422,
        details=details,
    )


def reset_changed(plan: Plan, actor: User) -> list[Project]:
    """When the officer sends a returned plan again: the decisions on the projects changed
    since they were taken go back to undecided (timeline and audit); the others stay."""
    reviews = reviews_of(plan)
    reset = []
    now = utcnow()
    for project in plan.projects:
        row = reviews.get(project.id)
        if row is None or row.verdict is None:
            continue
        if snapshot(project, PROJECT_FIELDS) == (row.snapshot or {}):
            continue
        old = (row.verdict.value, row.reason)
        row.verdict = None
        row.reason = ""
        row.decided_at = None
        _event(
            plan,
            PlanEventKind.DECISION_RESET,
            actor,
            old[1],
            project_id=project.id,
            created_at=now,
        )
        record(
            "project_decision_reset",
            "project",
            project.id,
            label=project.reference,
            changes={"decision": [old[0], None], "reason": [old[1] or None, None]},
            actor=actor,
        )
        reset.append(project)
    return reset


# --- project cards -----------------------------------------------------------------------------


@dataclass
class CardReview:
    """What a project card shows of the review: the decision and the remarks with answers."""

    review: ProjectReview | None = None
    remarks: list[tuple[PlanEvent, list[PlanEvent]]] = field(default_factory=list)


def card_reviews(plan_id: int) -> dict[int, CardReview]:
    """{project id: CardReview} of a plan, read once per request (two queries for all the
    cards of the plan page)."""
    cache = g.setdefault("review_cards", {})
    if plan_id in cache:
        return cache[plan_id]
    cards: dict[int, CardReview] = {}
    for row in db.session.scalars(
        db.select(ProjectReview)
        .where(ProjectReview.plan_id == plan_id)
        .options(joinedload(ProjectReview.actor))
    ):
        cards.setdefault(row.project_id, CardReview()).review = row
    events = db.session.scalars(
        db.select(PlanEvent)
        .where(
            PlanEvent.plan_id == plan_id,
            PlanEvent.project_id.is_not(None),
            PlanEvent.kind.in_((PlanEventKind.REMARK, PlanEventKind.ANSWER)),
        )
        .options(joinedload(PlanEvent.actor))
        .order_by(PlanEvent.created_at, PlanEvent.id)
    ).all()
    threads: dict[int, tuple[PlanEvent, list[PlanEvent]]] = {}
    for event in events:
        if event.kind == PlanEventKind.REMARK:
            threads[event.id] = (event, [])
            cards.setdefault(event.project_id, CardReview()).remarks.append(threads[event.id])
    for event in events:
        if event.kind == PlanEventKind.ANSWER and event.snapshot:
            thread = threads.get(event.snapshot.get("remark_id"))
            if thread is not None:
                thread[1].append(event)
    cache[plan_id] = cards
    return cards


def card_review(project: Project) -> CardReview:
    return card_reviews(project.plan_id).get(project.id) or CardReview()
