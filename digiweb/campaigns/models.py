from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from digiweb.db_types import LabelledEnum, UTCDateTime, enum_column, utcnow
from digiweb.departments.models import Department
from digiweb.extensions import db


class CampaignStatus(LabelledEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"

    @staticmethod
    def _labels():
        return {"draft": _l("Draft"), "open": _l("Open"), "closed": _l("Closed")}


campaign_departments = sa.Table(
    "campaign_departments",
    db.metadata,
    sa.Column("campaign_id", sa.ForeignKey("campaigns.id", ondelete="CASCADE"), primary_key=True),
    sa.Column(
        "department_id", sa.ForeignKey("departments.id", ondelete="RESTRICT"), primary_key=True
    ),
)


class Campaign(db.Model):
    """The yearly questionnaire sent to the departments (one per year)."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(unique=True)
    title_ar: Mapped[str] = mapped_column(sa.String(300))
    title_fr: Mapped[str] = mapped_column(sa.String(300))
    instructions_ar: Mapped[str] = mapped_column(sa.Text, default="")
    instructions_fr: Mapped[str] = mapped_column(sa.Text, default="")
    opens_on: Mapped[date | None]
    deadline: Mapped[date | None]
    status: Mapped[CampaignStatus] = mapped_column(
        enum_column(CampaignStatus), default=CampaignStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    version: Mapped[int] = mapped_column(default=1, server_default="1")

    invited_departments: Mapped[list[Department]] = relationship(
        secondary=campaign_departments, order_by=Department.code
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def title(self) -> str:
        locale = get_locale()
        return self.title_fr if locale and locale.language == "fr" else self.title_ar

    def __repr__(self) -> str:
        return f"<Campaign {self.year}>"
