"""The review area's own table: a reviewer's decision on each project of a sent plan."""

from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.auth.models import User
from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.extensions import db


class ProjectVerdict(LabelledEnum):
    ACCEPTED = "accepted"
    RETURNED = "returned"

    @staticmethod
    def _labels():
        return {
            "accepted": _l("Project accepted"),
            "returned": _l("Project returned to the department"),
        }


class ProjectReview(db.Model):
    """The current decision on one project (one row per project, kept when it is reset):
    `verdict` None is undecided. `snapshot` holds the project's reviewed fields as they were
    decided, so that a resent plan resets only the projects changed since."""

    __tablename__ = "project_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), unique=True
    )
    verdict: Mapped[ProjectVerdict | None] = mapped_column(enum_column(ProjectVerdict))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    snapshot: Mapped[dict | None] = mapped_column(sa.JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    actor: Mapped[User | None] = relationship()

    __mapper_args__ = {"version_id_col": version}
