"""Imports every model so that metadata (Alembic, create_all) sees all tables."""

from digiweb.audit.models import AuditLog
from digiweb.auth.models import Language, Role, User
from digiweb.cache import DataVersion
from digiweb.campaigns.models import Campaign, CampaignStatus, campaign_departments
from digiweb.departments.models import Department
from digiweb.integrity import FormSubmission
from digiweb.meetings.models import (
    AgendaItem,
    Attendance,
    Attendee,
    Decision,
    DecisionProject,
    DecisionStatus,
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

__all__ = [
    "SENT_STATUSES",
    "AgendaItem",
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
    "FormSubmission",
    "FundingSource",
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
    "ProjectStatus",
    "ProjectTechnology",
    "Reminder",
    "Role",
    "Target",
    "Technology",
    "User",
    "campaign_departments",
]
