"""Sectoral action plans (one per department and campaign) and their projects."""

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.auth.models import User
from digiweb.campaigns.models import Campaign
from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import normalize_search


def _in_french() -> bool:
    locale = get_locale()
    return bool(locale and locale.language == "fr")


class PlanStatus(LabelledEnum):
    NOT_STARTED = "not_started"
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @staticmethod
    def _labels():
        return {
            "not_started": _l("Not started"),
            "draft": _l("Draft"),
            "submitted": _l("Submitted"),
            "returned": _l("Returned for revision"),
            "approved": _l("Approved"),
        }


# Plans that the ministry has received: they count in the consolidated figures.
SENT_STATUSES = (PlanStatus.SUBMITTED, PlanStatus.RETURNED, PlanStatus.APPROVED)


class Target(LabelledEnum):
    CITIZENS = "citizens"
    ECONOMIC_OPERATORS = "economic_operators"
    ADMINISTRATION = "administration"
    OTHER_ADMINISTRATIONS = "other_administrations"

    @staticmethod
    def _labels():
        return {
            "citizens": _l("Bringing the administration closer to the citizen"),
            "economic_operators": _l("Economic operators"),
            "administration": _l("Administration (internal)"),
            "other_administrations": _l("Other administrations"),
        }


class ProjectKind(LabelledEnum):
    INFORMATION_SYSTEM = "information_system"
    PLATFORM = "platform"
    MOBILE_APP = "mobile_app"
    INFRASTRUCTURE = "infrastructure"
    REGISTRY = "registry"

    @staticmethod
    def _labels():
        return {
            "information_system": _l("Information system"),
            "platform": _l("Platform / portal"),
            "mobile_app": _l("Mobile application"),
            "infrastructure": _l("Infrastructure"),
            "registry": _l("Registry / database"),
        }


class Technology(LabelledEnum):
    CLOUD = "cloud"
    AI = "ai"
    DATA_SCIENCE = "data_science"
    MOBILE = "mobile"
    E_PAYMENT = "e_payment"
    E_SIGNATURE = "e_signature"
    INTEROPERABILITY = "interoperability"
    OPEN_DATA = "open_data"

    @staticmethod
    def _labels():
        return {
            "cloud": _l("Cloud computing"),
            "ai": _l("Artificial intelligence"),
            "data_science": _l("Data science / analytics"),
            "mobile": _l("Mobile"),
            "e_payment": _l("Electronic payment"),
            "e_signature": _l("Electronic signature / identity"),
            "interoperability": _l("Interoperability"),
            "open_data": _l("Open data"),
        }


class ProjectStatus(LabelledEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    SUSPENDED = "suspended"
    CANCELLED = "cancelled"

    @staticmethod
    def _labels():
        return {
            "planned": _l("Planned"),
            "in_progress": _l("In progress"),
            "completed": _l("Completed"),
            "suspended": _l("Suspended"),
            "cancelled": _l("Cancelled"),
        }


UNFINISHED_PROJECT_STATUSES = (
    ProjectStatus.PLANNED,
    ProjectStatus.IN_PROGRESS,
    ProjectStatus.SUSPENDED,
)


class Priority(LabelledEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @staticmethod
    def _labels():
        return {"high": _l("High"), "medium": _l("Medium"), "low": _l("Low")}


class FundingSource(LabelledEnum):
    STATE_BUDGET = "state_budget"
    OWN_FUNDS = "own_funds"
    INTERNATIONAL_COOPERATION = "international_cooperation"
    OTHER = "other"

    @staticmethod
    def _labels():
        return {
            "state_budget": _l("State budget"),
            "own_funds": _l("Own funds"),
            "international_cooperation": _l("International cooperation"),
            "other": _l("Other"),
        }


class Plan(db.Model):
    __tablename__ = "plans"
    __table_args__ = (sa.UniqueConstraint("campaign_id", "department_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(
        sa.ForeignKey("campaigns.id", ondelete="RESTRICT"), index=True
    )
    department_id: Mapped[int] = mapped_column(
        sa.ForeignKey("departments.id", ondelete="RESTRICT"), index=True
    )
    status: Mapped[PlanStatus] = mapped_column(
        enum_column(PlanStatus), default=PlanStatus.NOT_STARTED, index=True
    )
    contact_name: Mapped[str] = mapped_column(sa.String(200), default="")
    contact_email: Mapped[str] = mapped_column(sa.String(254), default="")
    contact_phone: Mapped[str] = mapped_column(sa.String(40), default="")
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    submitted_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    returned_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    approved_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    # The ministry's reviewer in charge (issue 17): the queue state follows from the status and
    # this (digiweb.review.queue).
    reviewer_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    campaign: Mapped[Campaign] = relationship(lazy="joined")
    department: Mapped[Department] = relationship(lazy="joined")
    submitted_by: Mapped[User | None] = relationship(foreign_keys=[submitted_by_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])
    projects: Mapped[list["Project"]] = relationship(
        back_populates="plan", order_by="Project.sequence", passive_deletes=True
    )
    events: Mapped[list["PlanEvent"]] = relationship(
        back_populates="plan", order_by="PlanEvent.created_at", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_sent(self) -> bool:
        return self.status in SENT_STATUSES

    def __repr__(self) -> str:
        return f"<Plan {self.campaign_id}/{self.department_id} {self.status}>"


class PlanEventKind(LabelledEnum):
    CREATED = "created"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"
    REOPENED = "reopened"
    REMARK = "remark"
    ANSWER = "answer"
    REMINDER = "reminder"
    IMPORTED = "imported"
    ASSIGNED = "assigned"
    # Per-project decisions of the review (digiweb.review.decisions).
    PROJECT_ACCEPTED = "project_accepted"
    PROJECT_RETURNED = "project_returned"
    DECISION_RESET = "decision_reset"

    @staticmethod
    def _labels():
        return {
            "created": _l("Plan created"),
            "submitted": _l("Plan sent"),
            "returned": _l("Returned for revision"),
            "approved": _l("Plan approved"),
            "reopened": _l("Approval reopened"),
            "remark": _l("Review remark"),
            "answer": _l("Answer to a remark"),
            "reminder": _l("Reminder sent"),
            "imported": _l("Imported from a spreadsheet"),
            "assigned": _l("Reviewer assigned"),
            "project_accepted": _l("Project accepted"),
            "project_returned": _l("Project returned to the department"),
            "decision_reset": _l("Project decision reset (changed since)"),
        }


class PlanEvent(db.Model):
    """The plan's timeline: workflow steps, review remarks (on the plan or one project), answers."""

    __tablename__ = "plan_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[PlanEventKind] = mapped_column(enum_column(PlanEventKind))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    comment: Mapped[str] = mapped_column(sa.Text, default="")
    status_from: Mapped[str | None] = mapped_column(sa.String(32))
    status_to: Mapped[str | None] = mapped_column(sa.String(32))
    resolved: Mapped[bool] = mapped_column(default=False, server_default=sa.text("false"))
    # Snapshot of the plan's projects when it was returned, to show what changed since.
    snapshot: Mapped[dict | None] = mapped_column(sa.JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    plan: Mapped[Plan] = relationship(back_populates="events")
    actor: Mapped[User | None] = relationship()
    project: Mapped["Project | None"] = relationship()


class ProjectTechnology(db.Model):
    __tablename__ = "project_technologies"
    __table_args__ = (sa.Index("ix_project_technologies_technology", "technology", "project_id"),)

    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True
    )
    technology: Mapped[Technology] = mapped_column(enum_column(Technology), primary_key=True)


class Project(db.Model):
    __tablename__ = "projects"
    __table_args__ = (
        sa.UniqueConstraint("plan_id", "sequence"),
        sa.Index("ix_projects_year_department", "year", "department_id"),
        sa.Index("ix_projects_year_target", "year", "target"),
        sa.Index("ix_projects_year_status", "year", "status"),
        # Measured in docs/benchmarks.md: the list sorted by reference within a year, the
        # visibility check by reference, and the dashboard's aggregates become index-only.
        sa.Index("ix_projects_year_reference", "year", "reference", "department_id"),
        sa.Index("ix_projects_reference_scope", "reference", "id", "year", "department_id"),
        # The dashboard's figures per plan, index-only; `id` at the end lets PostgreSQL join
        # the technologies from the index too (SQLite has the rowid in every index anyway):
        # a campaign's technology counts 188 -> 30 ms on 100,000 projects.
        sa.Index(
            "ix_projects_plan_figures", "plan_id", "target", "status", "kind", "budget_dzd", "id"
        ),
        # The list of a year sorted by budget or by title (issue 7): the first page and the
        # last ones (read backwards) come from the index instead of sorting the year's rows.
        sa.Index("ix_projects_year_budget", "year", "budget_dzd", "id"),
        sa.Index("ix_projects_year_title_ar", "year", "title_ar", "id"),
        sa.Index("ix_projects_year_title_fr", "year", "title_fr", "id"),
        # The list filtered by maturity level (issue 16).
        sa.Index("ix_projects_year_maturity", "year", "maturity_level"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    # Copied from the plan so that the consolidated list filters without joins.
    department_id: Mapped[int] = mapped_column(sa.ForeignKey("departments.id", ondelete="RESTRICT"))
    year: Mapped[int]
    sequence: Mapped[int]
    reference: Mapped[str] = mapped_column(sa.String(40), unique=True)
    # The texts' lengths are the limits of digiweb.projects.schema, which the form and the
    # spreadsheet apply too (tests/plans/test_spreadsheet_round_trip.py checks that they agree).
    title_ar: Mapped[str] = mapped_column(sa.String(300), default="")
    title_fr: Mapped[str] = mapped_column(sa.String(300), default="")
    summary_ar: Mapped[str] = mapped_column(sa.String(4000), default="")
    summary_fr: Mapped[str] = mapped_column(sa.String(4000), default="")
    target: Mapped[Target | None] = mapped_column(enum_column(Target))
    kind: Mapped[ProjectKind | None] = mapped_column(enum_column(ProjectKind))
    status: Mapped[ProjectStatus] = mapped_column(
        enum_column(ProjectStatus), default=ProjectStatus.PLANNED
    )
    progress: Mapped[int] = mapped_column(default=0, server_default="0")
    priority: Mapped[Priority | None] = mapped_column(enum_column(Priority))
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    budget_dzd: Mapped[int | None] = mapped_column(sa.BigInteger)
    funding_source: Mapped[FundingSource | None] = mapped_column(enum_column(FundingSource))
    procedure_ar: Mapped[str] = mapped_column(sa.String(2000), default="")
    procedure_fr: Mapped[str] = mapped_column(sa.String(2000), default="")
    beneficiaries_ar: Mapped[str] = mapped_column(sa.String(2000), default="")
    beneficiaries_fr: Mapped[str] = mapped_column(sa.String(2000), default="")
    partners: Mapped[str] = mapped_column(sa.String(2000), default="")
    # Digital maturity of the procedure the project serves (issue 16): levels 0-4 now and
    # targeted (digiweb.projects.schema.MATURITY_LEVELS), None when not given.
    maturity_level: Mapped[int | None] = mapped_column(sa.SmallInteger)
    maturity_target: Mapped[int | None] = mapped_column(sa.SmallInteger)
    online_identity: Mapped[bool | None]
    data_from_apis: Mapped[bool | None]
    yearly_procedures: Mapped[int | None] = mapped_column(sa.BigInteger)
    online_share: Mapped[int | None] = mapped_column(sa.SmallInteger)
    accessibility_checked: Mapped[bool | None]
    # The project of an earlier year this one continues (carry-over keeps identity).
    carried_from_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="SET NULL"), index=True
    )
    # Normalised text (see i18n.normalize_search) that search matches against.
    search_text: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    plan: Mapped[Plan] = relationship(back_populates="projects")
    department: Mapped[Department] = relationship(lazy="joined")
    carried_from: Mapped["Project | None"] = relationship(remote_side=[id])
    technology_rows: Mapped[list[ProjectTechnology]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def title(self) -> str:
        return (
            (self.title_fr or self.title_ar) if _in_french() else (self.title_ar or self.title_fr)
        )

    @property
    def summary(self) -> str:
        return (
            (self.summary_fr or self.summary_ar)
            if _in_french()
            else (self.summary_ar or self.summary_fr)
        )

    @property
    def technologies(self) -> list[Technology]:
        return sorted((row.technology for row in self.technology_rows), key=list(Technology).index)

    @technologies.setter
    def technologies(self, values) -> None:
        wanted = {Technology(v) for v in values}
        self.technology_rows = [r for r in self.technology_rows if r.technology in wanted]
        present = {r.technology for r in self.technology_rows}
        for tech in sorted(wanted - present, key=list(Technology).index):
            self.technology_rows.append(ProjectTechnology(technology=tech))

    def refresh_search_text(self) -> None:
        self.search_text = normalize_search(
            " ".join(
                (
                    self.reference or "",
                    self.title_ar or "",
                    self.title_fr or "",
                    self.summary_ar or "",
                    self.summary_fr or "",
                    self.partners or "",
                )
            )
        )

    def __repr__(self) -> str:
        return f"<Project {self.reference}>"


@event.listens_for(Project, "before_insert")
@event.listens_for(Project, "before_update")
def _keep_search_text(mapper, connection, target: Project) -> None:
    target.refresh_search_text()


class ProgressUpdate(db.Model):
    """Yearly follow-up of a project once its plan is approved: status, progress, dated note."""

    __tablename__ = "progress_updates"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    status: Mapped[ProjectStatus] = mapped_column(enum_column(ProjectStatus))
    progress: Mapped[int]
    note: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship()


class Rating(LabelledEnum):
    """How a project is going: the department's own rating and the ministry's (issue 16)."""

    GREEN = "green"
    AMBER = "amber"
    RED = "red"

    @staticmethod
    def _labels():
        return {
            "green": _l("Green: on track"),
            "amber": _l("Amber: at risk"),
            "red": _l("Red: in difficulty"),
        }

    @property
    def rank(self) -> int:
        """0 green, 1 amber, 2 red: how far apart two ratings are."""
        return list(Rating).index(self)


class RatingSource(LabelledEnum):
    SELF = "self"
    MINISTRY = "ministry"

    @staticmethod
    def _labels():
        return {
            "self": _l("Department's self-rating"),
            "ministry": _l("Ministry's rating"),
        }


class ProjectRating(db.Model):
    """A dated rating of a project: the department's at a progress update (`progress_update`),
    or the ministry's by a reviewer. Never changed: the latest of each source is the current
    one."""

    __tablename__ = "project_ratings"
    __table_args__ = (sa.Index("ix_project_ratings_current", "project_id", "source", "id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(sa.ForeignKey("projects.id", ondelete="CASCADE"))
    source: Mapped[RatingSource] = mapped_column(enum_column(RatingSource))
    rating: Mapped[Rating] = mapped_column(enum_column(Rating))
    reason: Mapped[str] = mapped_column(sa.Text, default="")
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    progress_update_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("progress_updates.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    actor: Mapped[User | None] = relationship()


class Indicator(db.Model):
    """A measure of what a project changes (issue 16): its label in both languages, unit,
    baseline, target and the value reached each year."""

    __tablename__ = "indicators"

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(
        sa.ForeignKey("projects.id", ondelete="CASCADE"), index=True
    )
    label_ar: Mapped[str] = mapped_column(sa.String(200), default="")
    label_fr: Mapped[str] = mapped_column(sa.String(200), default="")
    unit: Mapped[str] = mapped_column(sa.String(40), default="")
    baseline: Mapped[float | None] = mapped_column(sa.Float)
    target: Mapped[float | None] = mapped_column(sa.Float)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    values: Mapped[list["IndicatorValue"]] = relationship(
        order_by="IndicatorValue.year",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def label(self) -> str:
        return (
            (self.label_fr or self.label_ar) if _in_french() else (self.label_ar or self.label_fr)
        )

    def value_of(self, year: int) -> float | None:
        return next((v.value for v in self.values if v.year == year), None)


class IndicatorValue(db.Model):
    """The value an indicator reached in a year."""

    __tablename__ = "indicator_values"

    indicator_id: Mapped[int] = mapped_column(
        sa.ForeignKey("indicators.id", ondelete="CASCADE"), primary_key=True
    )
    year: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[float] = mapped_column(sa.Float)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
