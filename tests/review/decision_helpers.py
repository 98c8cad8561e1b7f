"""Builders of the review tests: a plan whose projects a reviewer has all accepted, as approving
it needs (digiweb.review.decisions), without going through the decision forms."""

from digiweb.audit.services import snapshot
from digiweb.db_types import utcnow
from digiweb.extensions import db
from digiweb.plans.models import Plan
from digiweb.review.models import ProjectReview, ProjectVerdict
from digiweb.review.services import PROJECT_FIELDS


def accept_all(plan: Plan, reviewer=None) -> None:
    """Every undecided project of `plan` accepted (flushed, not committed)."""
    decided = set(
        db.session.scalars(
            db.select(ProjectReview.project_id).where(
                ProjectReview.plan_id == plan.id, ProjectReview.verdict.is_not(None)
            )
        )
    )
    for project in plan.projects:
        if project.id in decided:
            continue
        row = db.session.scalar(
            db.select(ProjectReview).where(ProjectReview.project_id == project.id)
        ) or ProjectReview(plan_id=plan.id, project_id=project.id)
        row.verdict = ProjectVerdict.ACCEPTED
        row.actor_id = reviewer.id if reviewer else None
        row.decided_at = utcnow()
        row.snapshot = snapshot(project, PROJECT_FIELDS)
        db.session.add(row)
    db.session.flush()
