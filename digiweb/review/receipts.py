"""The acknowledgement of receipt of a sent plan (issue 17).

Each send of a plan (the first one, and each one after a return) gets a receipt numbered
`AR-<year>-<NNNN>`, unique and sequential within the campaign's year, that stores the date, the
sender, the number of projects and the SHA-256 fingerprint of the plan's content as sent: the
canonical JSON (`canonical_content`) of the projects' schema fields (digiweb.projects.schema,
through review.services.PROJECT_FIELDS) with the plan's own fields. The same content always gives
the same fingerprint, whatever the order the rows were read in or the language of the request.

`issue_receipt` is called by the workflow's send (`services.submit_plan`), in its transaction;
the bilingual PDF is a document of the reports area (`digiweb.reports.receipt`).
"""

import hashlib
import json
from datetime import datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.audit.services import snapshot
from digiweb.auth.models import User
from digiweb.db_types import UTCDateTime
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, Project
from digiweb.transaction import flush_or_conflict, insert_numbered

PREFIX = "AR"


class Receipt(db.Model):
    """A numbered acknowledgement of one send of a plan; never changed once written."""

    __tablename__ = "plan_receipts"
    __table_args__ = (sa.UniqueConstraint("year", "sequence"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(sa.ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    # The send's timeline event: the timeline shows the receipt beside it.
    event_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("plan_events.id", ondelete="SET NULL"), index=True
    )
    year: Mapped[int]
    sequence: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(20), unique=True)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sender_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    # The sender's names as they were (an account can be renamed or deleted later).
    sender_name: Mapped[str] = mapped_column(sa.String(200), default="")
    sender_name_ar: Mapped[str] = mapped_column(sa.String(200), default="")
    projects_count: Mapped[int]
    fingerprint: Mapped[str] = mapped_column(sa.String(64))

    plan: Mapped[Plan] = relationship()
    event: Mapped[PlanEvent | None] = relationship()
    sender: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Receipt {self.number}>"


def number_of(year: int, sequence: int) -> str:
    return f"{PREFIX}-{year}-{sequence:04d}"


def canonical_content(plan: Plan, projects: list[Project]) -> str:
    """The plan's content as sent, as canonical JSON: keys sorted, no spaces, UTF-8 text kept,
    projects in the plan's order, each with its reference and schema fields."""
    from digiweb.review.services import PLAN_FIELDS, PROJECT_FIELDS

    content = {
        "year": plan.campaign.year,
        "department": plan.department.code,
        "plan": snapshot(plan, PLAN_FIELDS),
        "projects": [snapshot(p, PROJECT_FIELDS) for p in projects],
    }
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def fingerprint_of(plan: Plan, projects: list[Project]) -> str:
    return hashlib.sha256(canonical_content(plan, projects).encode("utf-8")).hexdigest()


def _next_sequence(year: int) -> int:
    last = db.session.scalar(db.select(sa.func.max(Receipt.sequence)).where(Receipt.year == year))
    return (last or 0) + 1


def issue_receipt(
    plan: Plan, actor: User, event: PlanEvent, sent_at: datetime, attempts: int = 5
) -> Receipt:
    """The receipt of the send that `event` records (same transaction: a send that fails
    leaves no receipt). Two plans sent at the same moment cannot share a number: the unique
    (year, sequence) refuses the second insert, which takes the next number
    (digiweb.transaction.insert_numbered, as projects are numbered)."""
    projects = sorted(plan.projects, key=lambda p: p.sequence)
    year = plan.campaign.year
    fingerprint = fingerprint_of(plan, projects)
    flush_or_conflict()  # the plan and its event first: a concurrent change is a Conflict
    # the send's audit entry and event record the send
    return insert_numbered(
        lambda sequence: Receipt(
            plan_id=plan.id,
            event_id=event.id,
            year=year,
            sequence=sequence,
            number=number_of(year, sequence),
            sent_at=sent_at,
            sender_id=actor.id,
            sender_name=actor.full_name or actor.username,
            sender_name_ar=actor.name_in("ar"),
            projects_count=len(projects),
            fingerprint=fingerprint,
        ),
        lambda: _next_sequence(year),
        attempts,
        _("The receipt could not be numbered; please send the plan again."),
    )


def plan_receipts(plan_id: int) -> dict[int, Receipt]:
    """The plan's receipts by the id of their send event (for the timeline), in one query."""
    rows = db.session.scalars(db.select(Receipt).where(Receipt.plan_id == plan_id))
    return {r.event_id: r for r in rows if r.event_id is not None}


def find_receipt(plan_id: int, number: str) -> Receipt | None:
    return db.session.scalar(
        db.select(Receipt).where(Receipt.plan_id == plan_id, Receipt.number == number)
    )
