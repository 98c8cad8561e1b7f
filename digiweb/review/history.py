"""What a plan's history shows: its timeline, and what the department changed since the last
return (or reopening), compared with the snapshot the workflow kept then
(`digiweb.review.services.project_snapshot`).
"""

from dataclasses import dataclass, field

from sqlalchemy.orm import joinedload

from digiweb.audit.services import diff, snapshot
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind
from digiweb.review.services import PLAN_FIELDS, PROJECT_FIELDS

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
