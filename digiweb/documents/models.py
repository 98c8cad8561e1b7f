"""Files attached to a meeting (agenda, presentations), a plan (signed plan letter, annex) or a
review remark, kept in the database (docs/decisions.md, "Attached documents in the database")."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, deferred, mapped_column, relationship

from digiweb.auth.models import User
from digiweb.db_types import UTCDateTime, utcnow
from digiweb.extensions import db


class Document(db.Model):
    """One attached file; exactly one parent (meeting, plan or remark)."""

    __tablename__ = "documents"
    __table_args__ = (
        sa.CheckConstraint(
            "(CASE WHEN meeting_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN plan_id IS NULL THEN 0 ELSE 1 END)"
            " + (CASE WHEN plan_event_id IS NULL THEN 0 ELSE 1 END) = 1",
            name="one_parent",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    plan_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True
    )
    # a review remark (a plan event of kind remark or answer)
    plan_event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_events.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(sa.String(64))
    data: Mapped[bytes] = deferred(mapped_column(sa.LargeBinary, nullable=False))
    uploaded_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    uploaded_by: Mapped[User | None] = relationship()
