"""Imports every model so that metadata (Alembic, create_all) sees all tables."""

import sqlalchemy as sa

from digiweb.audit import chain  # noqa: F401 - seals the audit entries at each commit
from digiweb.audit.models import AuditLog
from digiweb.auth.models import Language, Role, User
from digiweb.auth.tokens import ApiToken
from digiweb.cache import DataVersion
from digiweb.campaigns.models import Campaign, CampaignStatus, campaign_departments
from digiweb.departments.models import Department
from digiweb.documents.models import Document
from digiweb.integrity import FormSubmission
from digiweb.jobs.models import ExportJob
from digiweb.meetings.models import (
    AgendaItem,
    Attendance,
    Attendee,
    Decision,
    DecisionProject,
    DecisionStatus,
    Invitation,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
)
from digiweb.notifications.models import Notification, NotificationKind, Reminder
from digiweb.plans.models import (
    SENT_STATUSES,
    FundingSource,
    Plan,
    PlanEvent,
    PlanEventKind,
    PlanStatus,
    Priority,
    ProgressUpdate,
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)
from digiweb.review.models import ProjectReview, ProjectVerdict
from digiweb.review.receipts import Receipt

__all__ = [
    "SENT_STATUSES",
    "AgendaItem",
    "ApiToken",
    "Attendance",
    "Attendee",
    "AuditLog",
    "Campaign",
    "CampaignStatus",
    "DataVersion",
    "Decision",
    "DecisionProject",
    "DecisionStatus",
    "Department",
    "Document",
    "ExportJob",
    "FormSubmission",
    "FundingSource",
    "Invitation",
    "Language",
    "Meeting",
    "MeetingDocument",
    "MeetingKind",
    "MeetingStatus",
    "Notification",
    "NotificationKind",
    "Plan",
    "PlanEvent",
    "PlanEventKind",
    "PlanStatus",
    "Priority",
    "ProgressUpdate",
    "Project",
    "ProjectKind",
    "ProjectReview",
    "ProjectStatus",
    "ProjectTechnology",
    "ProjectVerdict",
    "Receipt",
    "Reminder",
    "Role",
    "Target",
    "Technology",
    "User",
    "campaign_departments",
]


def _ids_never_reused(metadata: sa.MetaData) -> None:
    """SQLite gives a deleted row's id to the next row unless the table is AUTOINCREMENT: the
    history of project 232 then mixed two projects and old links opened the other one. Every
    table whose key is one generated integer is AUTOINCREMENT on SQLite (PostgreSQL's sequences
    never go back). The migration that added it rebuilt the existing tables."""
    for table in metadata.tables.values():
        key = list(table.primary_key.columns)
        if len(key) == 1 and isinstance(key[0].type, sa.Integer) and key[0].autoincrement:
            table.dialect_options["sqlite"]["autoincrement"] = True


_ids_never_reused(AuditLog.metadata)


@sa.event.listens_for(sa.Table, "before_create")
def _keep_autoincrement_in_batch_migrations(table, connection, **kw) -> None:
    """SQLite's reflection does not see AUTOINCREMENT, so a batch migration (which copies the
    table it alters) would drop it silently: the copy of a table the models declare
    AUTOINCREMENT keeps it, unless the migration says otherwise (table_kwargs)."""
    if connection.dialect.name != "sqlite" or "sqlite_autoincrement" in table.dialect_kwargs:
        return
    model = AuditLog.metadata.tables.get(table.name.removeprefix("_alembic_tmp_"))
    if model is not None and model.dialect_options["sqlite"]["autoincrement"]:
        table.dialect_options["sqlite"]["autoincrement"] = True
