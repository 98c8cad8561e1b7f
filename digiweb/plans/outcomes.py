"""Last year's outcome of a project (issue 17, point 6): when a new year's plan starts, the
department says what became of each unfinished project of the previous year (completed,
continued in the new plan, cancelled) and how much of it was achieved. Kept beside the project
(one row per project) so that the project's own record and version stay as the year left them."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.audit.services import record
from digiweb.auth.models import User
from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.extensions import db
from digiweb.plans.models import Project


class Outcome(LabelledEnum):
    COMPLETED = "completed"
    CONTINUED = "continued"
    CANCELLED = "cancelled"

    @staticmethod
    def _labels():
        return {
            "completed": _l("Completed"),
            "continued": _l("Continued the next year"),
            "cancelled": _l("Cancelled"),
        }


class ProjectOutcome(db.Model):
    __tablename__ = "project_outcomes"

    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    outcome: Mapped[Outcome] = mapped_column(enum_column(Outcome))
    achieved: Mapped[int | None] = mapped_column(sa.SmallInteger)  # percent, 0-100
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    recorded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    project: Mapped[Project] = relationship()
    recorded_by: Mapped[User | None] = relationship()


def outcome_of(project: Project | None) -> ProjectOutcome | None:
    if project is None:
        return None
    return db.session.get(ProjectOutcome, project.id)


def outcomes_of(project_ids) -> dict[int, ProjectOutcome]:
    ids = list(project_ids)
    if not ids:
        return {}
    return {
        row.project_id: row
        for row in db.session.scalars(
            db.select(ProjectOutcome).where(ProjectOutcome.project_id.in_(ids))
        )
    }


def record_outcome(project: Project, outcome: Outcome, achieved: int | None, actor) -> None:
    """Record (or correct) what became of the project at the end of its year; audited on the
    project."""
    row = db.session.get(ProjectOutcome, project.id)
    before = [row.outcome.value, row.achieved] if row else [None, None]
    if row is None:
        row = ProjectOutcome(project_id=project.id)
        db.session.add(row)
    row.outcome, row.achieved = outcome, achieved
    row.recorded_at = utcnow()
    row.recorded_by_id = getattr(actor, "id", None)
    db.session.flush()
    after = [outcome.value, achieved]
    if before == after:
        return
    changes = {}
    if before[0] != after[0]:
        changes["outcome"] = [before[0], after[0]]
    if before[1] != after[1]:
        changes["outcome_achieved"] = [before[1], after[1]]
    record(
        "project_outcome",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes=changes,
    )
