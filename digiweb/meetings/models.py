"""Working sessions with the digitization officers, their minutes and decisions."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship, synonym

from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign
from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.departments.models import Department
from digiweb.extensions import db


def _in_french() -> bool:
    locale = get_locale()
    return bool(locale and locale.language == "fr")


class MeetingKind(LabelledEnum):
    WORKING_SESSION = "working_session"
    CONSULTATION = "consultation"
    STEERING_COMMITTEE = "steering_committee"

    @staticmethod
    def _labels():
        return {
            "working_session": _l("Working session"),
            "consultation": _l("Consultation"),
            "steering_committee": _l("Steering committee"),
        }


class MeetingStatus(LabelledEnum):
    PLANNED = "planned"
    HELD = "held"
    MINUTES_DRAFT = "minutes_draft"
    MINUTES_APPROVED = "minutes_approved"

    @staticmethod
    def _labels():
        return {
            "planned": _l("Planned"),
            "held": _l("Held"),
            "minutes_draft": _l("Minutes in draft"),
            "minutes_approved": _l("Minutes approved"),
        }


class Attendance(LabelledEnum):
    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"
    REPRESENTED = "represented"

    @staticmethod
    def _labels():
        return {
            "present": _l("Present"),
            "absent": _l("Absent"),
            "excused": _l("Excused"),
            "represented": _l("Represented"),
        }


class DecisionStatus(LabelledEnum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @staticmethod
    def _labels():
        return {
            "open": _l("Open"),
            "in_progress": _l("In progress"),
            "done": _l("Done"),
            "cancelled": _l("Cancelled"),
        }


class Meeting(db.Model):
    __tablename__ = "meetings"
    __table_args__ = (sa.UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(sa.String(40), unique=True)
    year: Mapped[int]
    number: Mapped[int]
    title_ar: Mapped[str] = mapped_column(sa.String(300))
    title_fr: Mapped[str] = mapped_column(sa.String(300))
    kind: Mapped[MeetingKind] = mapped_column(enum_column(MeetingKind))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    place_ar: Mapped[str] = mapped_column(sa.String(300), default="")
    place_fr: Mapped[str] = mapped_column(sa.String(300), default="")
    chair_ar: Mapped[str] = mapped_column(sa.String(200), default="")
    chair_fr: Mapped[str] = mapped_column(sa.String(200), default="")
    campaign_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[MeetingStatus] = mapped_column(
        enum_column(MeetingStatus), default=MeetingStatus.PLANNED
    )
    minutes_ar: Mapped[str] = mapped_column(sa.Text, default="")
    minutes_fr: Mapped[str] = mapped_column(sa.Text, default="")
    minutes_approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    minutes_approved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set when the meeting is cancelled (invitees were sent METHOD:CANCEL).
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    campaign: Mapped[Campaign | None] = relationship()
    minutes_approved_by: Mapped[User | None] = relationship()
    attendees: Mapped[list["Attendee"]] = relationship(
        back_populates="meeting", order_by="Attendee.position", cascade="all, delete-orphan"
    )
    agenda_items: Mapped[list["AgendaItem"]] = relationship(
        back_populates="meeting", order_by="AgendaItem.position", cascade="all, delete-orphan"
    )
    decisions: Mapped[list["Decision"]] = relationship(
        back_populates="meeting", order_by="Decision.position", cascade="all, delete-orphan"
    )
    documents: Mapped[list["MeetingDocument"]] = relationship(
        back_populates="meeting", cascade="all, delete-orphan"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def title(self) -> str:
        return self.title_fr if _in_french() else self.title_ar

    @property
    def place(self) -> str:
        return self.place_fr if _in_french() else self.place_ar

    @property
    def chair(self) -> str:
        return self.chair_fr if _in_french() else self.chair_ar

    @property
    def minutes(self) -> str:
        return self.minutes_fr if _in_french() else self.minutes_ar

    @property
    def is_locked(self) -> bool:
        return self.status == MeetingStatus.MINUTES_APPROVED


class Attendee(db.Model):
    __tablename__ = "meeting_attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The person's name in each script; `name` is the Latin-script one (forms, audit, search).
    name_fr: Mapped[str] = mapped_column(sa.String(200))
    name_ar: Mapped[str] = mapped_column(sa.String(200), default="", server_default="")
    name = synonym("name_fr")
    function_ar: Mapped[str] = mapped_column(sa.String(200), default="")
    function_fr: Mapped[str] = mapped_column(sa.String(200), default="")
    department_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    attendance: Mapped[Attendance] = mapped_column(
        enum_column(Attendance), default=Attendance.PRESENT
    )

    meeting: Mapped[Meeting] = relationship(back_populates="attendees")
    department: Mapped[Department | None] = relationship(lazy="joined")
    user: Mapped[User | None] = relationship()

    @property
    def function(self) -> str:
        return (self.function_fr or self.function_ar) if _in_french() else self.function_ar

    @property
    def display_name(self) -> str:
        """The name in the script of the language in force (Arabic minutes print Arabic
        names); the other script when that one was not given."""
        if _in_french():
            return self.name_fr or self.name_ar
        return self.name_ar or self.name_fr


class AgendaItem(db.Model):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    title_ar: Mapped[str] = mapped_column(sa.String(300))
    title_fr: Mapped[str] = mapped_column(sa.String(300))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda_items")
    # Decisions of earlier meetings followed up under this item (empty for an ordinary item).
    followed: Mapped[list["FollowedDecision"]] = relationship(cascade="all, delete-orphan")

    @property
    def title(self) -> str:
        return self.title_fr if _in_french() else self.title_ar


class DecisionProject(db.Model):
    __tablename__ = "decision_projects"

    decision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True
    )
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Decision(db.Model):
    """A decision or recommendation of a meeting, owned by a department, followed up."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    text_ar: Mapped[str] = mapped_column(sa.Text)
    text_fr: Mapped[str] = mapped_column(sa.Text)
    owner_department_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    due_date: Mapped[date | None] = mapped_column(index=True)
    status: Mapped[DecisionStatus] = mapped_column(
        enum_column(DecisionStatus), default=DecisionStatus.OPEN
    )
    follow_up_note: Mapped[str] = mapped_column(sa.Text, default="")
    # The last day an overdue reminder was sent (`meetings remind-overdue` sends one a day).
    reminded_on: Mapped[date | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    meeting: Mapped[Meeting] = relationship(back_populates="decisions")
    owner_department: Mapped[Department | None] = relationship(lazy="joined")
    project_links: Mapped[list[DecisionProject]] = relationship(cascade="all, delete-orphan")

    __mapper_args__ = {"version_id_col": version}

    @property
    def text(self) -> str:
        return self.text_fr if _in_french() else self.text_ar


class MeetingDocument(db.Model):
    """An approved minutes PDF, kept as printed and signed, with its SHA-256."""

    __tablename__ = "meeting_documents"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(sa.ForeignKey("meetings.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(sa.String(2))
    # SHA-256 of the archived (signed) file: what `report verify` and /verify/<sha256> look up.
    sha256: Mapped[str] = mapped_column(sa.String(64), index=True)
    # The code printed in the document (address and QR code): a file cannot hold its own
    # SHA-256, so the printed address carries this random code instead (docs/decisions.md).
    verification_code: Mapped[str | None] = mapped_column(sa.String(32), unique=True)
    pdf: Mapped[bytes] = mapped_column(sa.LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    meeting: Mapped[Meeting] = relationship(back_populates="documents")


class DecisionUpdate(db.Model):
    """One step of a decision's follow-up: who gave which status, when, with which note, and
    at which meeting when it was given there. Each follow-up appends one; none is changed."""

    __tablename__ = "decision_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[DecisionStatus] = mapped_column(enum_column(DecisionStatus))
    note: Mapped[str] = mapped_column(sa.Text, default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    decision: Mapped[Decision] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    actor: Mapped[User | None] = relationship()


class FollowedDecision(db.Model):
    """A decision of an earlier meeting listed under a meeting's "follow-up of previous
    decisions" agenda item."""

    __tablename__ = "agenda_followed_decisions"

    agenda_item_id: Mapped[int] = mapped_column(
        sa.ForeignKey("agenda_items.id", ondelete="CASCADE"), primary_key=True
    )
    decision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("decisions.id", ondelete="CASCADE"), primary_key=True, index=True
    )

    decision: Mapped[Decision] = relationship()


class CalendarFeed(db.Model):
    """A user's personal calendar address: the token in it is derived from this random secret
    and the application's SECRET_KEY (the database alone does not give it away). Deleting the
    row revokes the address; a new secret replaces it."""

    __tablename__ = "calendar_feeds"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), unique=True)
    secret: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class InvitationAnswer(LabelledEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    DELEGATED = "delegated"

    @staticmethod
    def _labels():
        return {
            "pending": _l("No answer yet"),
            "accepted": _l("Accepted"),
            "declined": _l("Declined"),
            "delegated": _l("Delegated"),
        }


class Invitation(db.Model):
    """One person invited to a meeting (an officer, picked or through their department), the
    SEQUENCE of the last invitation or update mailed to them, and their answer."""

    __tablename__ = "meeting_invitations"
    __table_args__ = (sa.UniqueConstraint("meeting_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        sa.ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    department_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="SET NULL")
    )
    # SEQUENCE of the last REQUEST mailed (None: not sent yet).
    sent_sequence: Mapped[int | None]
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    answer: Mapped[InvitationAnswer] = mapped_column(
        enum_column(InvitationAnswer), default=InvitationAnswer.PENDING
    )
    delegate_name: Mapped[str] = mapped_column(sa.String(200), default="")
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    meeting: Mapped[Meeting] = relationship()
    user: Mapped[User] = relationship(lazy="joined")
    department: Mapped[Department | None] = relationship()
