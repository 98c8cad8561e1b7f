from datetime import datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column

from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.extensions import db


class NotificationKind(LabelledEnum):
    REMINDER = "reminder"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    REOPENED = "reopened"
    DECISION = "decision"
    DECISION_OVERDUE = "decision_overdue"
    MEETING_INVITATION = "meeting_invitation"
    MEETING_UPDATED = "meeting_updated"
    MEETING_CANCELLED = "meeting_cancelled"
    EXPORT_READY = "export_ready"
    PLAN_ASSIGNED = "plan_assigned"

    @staticmethod
    def _labels():
        return {
            "reminder": _l("Reminder"),
            "submitted": _l("Plan sent"),
            "returned": _l("Plan returned for revision"),
            "approved": _l("Plan approved"),
            "reopened": _l("Approval reopened"),
            "decision": _l("Decision assigned"),
            "decision_overdue": _l("Decision overdue"),
            "meeting_invitation": _l("Invitation to a meeting"),
            "meeting_updated": _l("Meeting changed"),
            "meeting_cancelled": _l("Meeting cancelled"),
            "export_ready": _l("Your export is ready to download"),
            "plan_assigned": _l("Plan assigned to you for review"),
        }


class Notification(db.Model):
    """An in-app message to one user. The text is rendered in the reader's language from
    `kind` and `params`, so it is stored language-neutral."""

    __tablename__ = "notifications"
    __table_args__ = (sa.Index("ix_notifications_user_unread", "user_id", "read_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[NotificationKind] = mapped_column(enum_column(NotificationKind))
    params: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    link: Mapped[str] = mapped_column(sa.String(300), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Reminder(db.Model):
    """A reminder sent by the ministry to a department that has not sent its plan."""

    __tablename__ = "reminders"
    __table_args__ = (sa.Index("ix_reminders_campaign_department", "campaign_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(sa.ForeignKey("campaigns.id", ondelete="CASCADE"))
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id", ondelete="RESTRICT"))
    sent_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    message: Mapped[str] = mapped_column(sa.Text, default="")
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
