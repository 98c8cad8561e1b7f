"""Plan and project rules: who may edit, completeness, numbering, optimistic locking (the
carry-over is in digiweb.plans.carry_over).

Every change is audited in the same transaction as the change. Services flush; the request
commits (digiweb.transaction). A refusal raises `Refusal` or `Conflict` (digiweb.errors).
"""

import re
from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import InvalidRequestError
from sqlalchemy.orm import selectinload

from digiweb.audit.models import AuditLog
from digiweb.audit.services import diff, history, record, snapshot
from digiweb.campaigns.models import CampaignStatus
from digiweb.db_types import utcnow
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import colon, control_character_problem, latin_digits
from digiweb.plans.models import (
    Plan,
    PlanStatus,
    Project,
    ProjectStatus,
    Technology,
)
from digiweb.projects import schema
from digiweb.security import can_edit_department_plan
from digiweb.transaction import check_version, flush_or_conflict, insert_numbered

# Plans an officer may still change (while the campaign is open).
EDITABLE_PLAN_STATUSES = (PlanStatus.NOT_STARTED, PlanStatus.DRAFT, PlanStatus.RETURNED)

# Every field of a project that users write, in the order of the form and the project page
# (declared once, in digiweb.projects.schema).
PROJECT_FIELDS = schema.NAMES
PLAN_FIELDS = ("contact_name", "contact_email", "contact_phone")

# What a project needs before its plan can be sent.
REQUIRED_FOR_SENDING = schema.REQUIRED_TO_SEND

FIELD_LABELS = {
    "reference": _l("Reference"),
    **schema.LABELS,
    "carried_from": _l("Continues the project"),
    "plan_id": _l("Plan"),
    "contact_name": _l("Person in charge"),
    "contact_email": _l("Contact e-mail"),
    "contact_phone": _l("Contact telephone"),
    "plan_status": _l("Plan status"),
    # Ratings and indicators of a project, in its history (issue 16).
    "self_rating": _l("Department's self-rating"),
    "ministry_rating": _l("Ministry's rating"),
    "rating_reason": _l("Reason for the rating"),
    "indicator": _l("Indicator"),
    "indicator_label_ar": _l("Indicator in Arabic"),
    "indicator_label_fr": _l("Indicator in French"),
    "indicator_unit": _l("Unit"),
    "indicator_baseline": _l("Baseline"),
    "indicator_target": _l("Target value"),
    "indicator_year": _l("Year"),
    "indicator_value": _l("Value reached"),
    # Last year's outcome, recorded at the carry-over (issue 17).
    "outcome": _l("Outcome of the year"),
    "outcome_achieved": _l("Share achieved"),
    # What the review and the follow-up write in a project's history.
    "remark": _l("Remark"),
    "note": _l("Note"),
    "comment": _l("Comment"),
    "decision": _l("Decision"),
    "reason": _l("Reason"),
}

ENUM_FIELDS = schema.ENUMS
MAX_BUDGET = schema.MAX_BUDGET
TEXT_LIMITS = schema.TEXT_LIMITS


def field_label(name: str) -> str:
    return str(FIELD_LABELS.get(name, name))


# --- access ----------------------------------------------------------------------------------


def editable_by(plan: Plan, user) -> bool:
    """Only the department's officer, while the plan is not sent and the campaign is open."""
    return (
        user is not None
        and getattr(user, "is_authenticated", False)
        and can_edit_department_plan(user, plan.department_id)
        and plan.status in EDITABLE_PLAN_STATUSES
        and plan.campaign.status == CampaignStatus.OPEN
    )


def ensure_editable(plan: Plan, user) -> None:
    if not can_edit_department_plan(user, plan.department_id):
        raise Refusal(_("Only the department's digitization officer can change this plan."), 403)
    if plan.campaign.status != CampaignStatus.OPEN:
        raise Refusal(_("The campaign is not open: the plan can no longer be changed."), 403)
    if plan.status not in EDITABLE_PLAN_STATUSES:
        raise Refusal(
            _(
                "This plan can no longer be changed (status: %(status)s).",
                status=plan.status.label,
            ),
            403,
        )


def officer_plan(user, campaign) -> Plan | None:
    if campaign is None or user.department_id is None:
        return None
    return db.session.scalar(
        db.select(Plan).where(
            Plan.campaign_id == campaign.id, Plan.department_id == user.department_id
        )
    )


def plan_projects(plan: Plan) -> list[Project]:
    """The plan's projects in order, with what the list shows loaded in one go."""
    return list(
        db.session.scalars(
            db.select(Project)
            .where(Project.plan_id == plan.id)
            .options(selectinload(Project.carried_from))
            .order_by(Project.sequence)
        )
    )


def project_history(project: Project) -> list[AuditLog]:
    """The audit entries of this project, newest first. Matched on the reference too: SQLite
    may give a deleted project's id to a new one, and references are never reused."""
    return [e for e in history("project", project.id) if e.entity_label == project.reference]


# --- completeness ----------------------------------------------------------------------------


def is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_fields(project: Project) -> list[str]:
    """Translated labels of what the project still lacks before its plan can be sent."""
    return [field_label(name) for name in REQUIRED_FOR_SENDING if is_blank(getattr(project, name))]


def plan_completeness(plan: Plan, projects: list[Project] | None = None) -> dict[int, list[str]]:
    """{project id: missing labels} for every project of the plan (empty list: complete)."""
    if projects is None:
        projects = plan_projects(plan)
    return {project.id: missing_fields(project) for project in projects}


def plan_problems(plan: Plan, projects: list[Project] | None = None) -> list[str]:
    """Problems of the plan itself that prevent sending it (translated)."""
    if projects is None:
        projects = plan_projects(plan)
    problems = []
    if not projects:
        problems.append(_("The plan has no project yet."))
    return problems


def is_complete(plan: Plan, projects: list[Project] | None = None) -> bool:
    if projects is None:
        projects = plan_projects(plan)
    return not plan_problems(plan, projects) and not any(plan_completeness(plan, projects).values())


# --- parsing ---------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u066c'’]+")
_UNIT = re.compile(r"\s*(dzd|da|د\.?ج\.?|دج)\s*$", re.IGNORECASE)
_DOTTED_GROUPS = re.compile(r"\d{1,3}([.,])\d{3}(\1\d{3})*")


def parse_whole_number(text: str | int | None) -> int | None:
    """'1 250 000', '1250000', '1.250.000', '١٢٥٠٠٠٠', '1 250 000 DA' -> 1250000.

    None or blank gives None; anything else that is not a whole non-negative number raises
    ValueError (a negative number raises ValueError("negative")).
    """
    if text is None:
        return None
    if isinstance(text, int):
        if text < 0:
            raise ValueError("negative")
        return text
    value = _UNIT.sub("", latin_digits(text).strip())
    value = _SPACES.sub("", value)
    if not value:
        return None
    negative = value.startswith(("-", "−"))
    if negative:
        value = value[1:]
    if _DOTTED_GROUPS.fullmatch(value):
        value = value.replace(".", "").replace(",", "")
    if not (value.isascii() and value.isdigit()):
        raise ValueError("not a number")
    if negative and int(value) != 0:
        raise ValueError("negative")
    return int(value)


# --- validation shared by forms and services --------------------------------------------------


def validate_project_data(data: dict, project: Project | None = None) -> dict[str, str]:
    """{field: translated message} for data that breaks a rule (empty when valid). For a change
    to an existing `project`, the fields absent from `data` keep the project's values."""
    if project is not None:
        data = {**{name: getattr(project, name) for name in PROJECT_FIELDS}, **data}
    errors = {}
    if is_blank(data.get("title_ar")) and is_blank(data.get("title_fr")):
        errors["title_ar"] = _("Give the title in Arabic or in French (both before sending).")
    for name, limit in TEXT_LIMITS.items():
        problem = control_character_problem(data.get(name))
        if problem:
            errors[name] = problem
        elif len(data.get(name) or "") > limit:
            errors[name] = _("At most %(max)d characters.", max=limit)
    progress = data.get("progress")
    if progress is not None and not 0 <= progress <= 100:
        errors["progress"] = _("The progress is a whole number from 0 to 100.")
    budget = data.get("budget_dzd")
    if budget is not None and not 0 <= budget <= MAX_BUDGET:
        errors["budget_dzd"] = _("The budget is a whole amount in dinars, zero or more.")
    start, end = data.get("start_date"), data.get("end_date")
    if isinstance(start, date) and isinstance(end, date) and end < start:
        errors["end_date"] = _("The end date cannot be before the start date.")
    for name, enum_cls in ENUM_FIELDS.items():
        value = data.get(name)
        if value not in (None, "") and enum_cls.coerce(value) is None:
            errors[name] = _("Choose one of the proposed values.")
    for value in data.get("technologies") or ():
        if Technology.coerce(value) is None:
            errors["technologies"] = _("Choose one of the proposed values.")
    errors.update(_maturity_errors(data))
    return errors


def _number_message(spec) -> str:
    if spec.kind == "level":
        return _("Choose a level from 0 to %(max)d.", max=spec.maximum)
    if spec.kind == "percent":
        return _("A share in percent: a whole number from 0 to 100.")
    return _("A whole number, zero or more.")


def _maturity_errors(data: dict) -> dict[str, str]:
    """The levels, counts, shares and yes/no answers (digiweb.projects.schema's kinds)."""
    errors = {}
    for spec in schema.PROJECT_SCHEMA:
        value = data.get(spec.name)
        if value is None:
            continue
        if spec.kind in ("level", "count", "percent"):
            whole = isinstance(value, int) and not isinstance(value, bool)
            if not whole or not 0 <= value <= spec.maximum:
                errors[spec.name] = _number_message(spec)
        elif spec.kind == "boolean" and not isinstance(value, bool):
            errors[spec.name] = _("Answer yes or no (or leave it empty).")
    now, target = data.get("maturity_level"), data.get("maturity_target")
    if (
        "maturity_level" not in errors
        and "maturity_target" not in errors
        and isinstance(now, int)
        and isinstance(target, int)
        and target < now
    ):
        errors["maturity_target"] = _("The level targeted cannot be below today's level.")
    return errors


def _clean_project_data(data: dict, project: Project | None = None) -> dict:
    """Only the known fields, with enums as members, texts stripped, blanks as None."""
    errors = validate_project_data(data, project)
    if errors:
        raise Refusal("; ".join(f"{field_label(k)}{colon()}{v}" for k, v in errors.items()), 422)
    clean = {}
    for name in PROJECT_FIELDS:
        if name not in data:
            continue
        value = data[name]
        if name in ENUM_FIELDS:
            value = ENUM_FIELDS[name].coerce(value) if value not in (None, "") else None
            if name == "status" and value is None:
                value = ProjectStatus.PLANNED
        elif name == "technologies":
            value = [Technology(v) for v in (value or ())]
        elif name == "progress":
            value = value or 0
        elif isinstance(value, str):
            value = value.strip()
        elif value is None and name not in schema.NULLABLE:
            value = ""
        clean[name] = value
    return clean


# --- writing ---------------------------------------------------------------------------------


def lock_plan(plan: Plan) -> Plan:
    """Re-read the plan under a row lock (PostgreSQL; SQLite writers already hold the database
    lock) so that a concurrent send, return or another add waits for this change."""
    return db.session.scalars(
        db.select(Plan)
        .where(Plan.id == plan.id)
        .with_for_update(of=Plan)
        .execution_options(populate_existing=True)
    ).one()


def _reload(project: Project) -> None:
    """Re-read the project (a concurrent delete makes it vanish: say so, write nothing)."""
    try:
        db.session.refresh(project)
    except InvalidRequestError:
        raise Refusal(_("This project no longer exists: it has been deleted."), 404) from None


def _touch_plan(plan: Plan, actor) -> None:
    """Record activity and move a not-started plan to draft, without bumping the plan's version
    (adding projects must not invalidate an open form on the plan's own fields)."""
    values = {"last_activity_at": utcnow()}
    db.session.execute(
        db.update(Plan).where(Plan.id == plan.id).values(**values),
        execution_options={"synchronize_session": False},
    )
    if plan.status == PlanStatus.NOT_STARTED:
        db.session.execute(
            db.update(Plan)
            .where(Plan.id == plan.id, Plan.status == PlanStatus.NOT_STARTED)
            .values(status=PlanStatus.DRAFT),
            execution_options={"synchronize_session": False},
        )
        record(
            "plan_started",
            "plan",
            plan.id,
            label=_plan_label(plan),
            actor=actor,
            changes={"plan_status": [PlanStatus.NOT_STARTED.value, PlanStatus.DRAFT.value]},
        )
        db.session.expire(plan, ["status", "last_activity_at"])


def _plan_label(plan: Plan) -> str:
    return f"{plan.campaign.year}-{plan.department.code}"


def _reference_prefix(plan: Plan) -> str:
    return f"{plan.campaign.year}-{plan.department.code}-"


def _next_sequence(plan: Plan) -> int:
    """max + 1 within the plan, never reusing the number of a deleted project."""
    highest = (
        db.session.scalar(
            db.select(db.func.max(Project.sequence)).where(Project.plan_id == plan.id)
        )
        or 0
    )
    prefix = _reference_prefix(plan)
    for label in db.session.scalars(
        db.select(AuditLog.entity_label).where(
            AuditLog.entity_type == "project",
            AuditLog.action == "project_deleted",
            AuditLog.entity_label.startswith(prefix, autoescape=True),
        )
    ):
        tail = label[len(prefix) :]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return highest + 1


def _insert_numbered(plan: Plan, values: dict, technologies, attempts: int = 3) -> Project:
    """Insert a project with the next free number; a concurrent add that took the same number
    makes us retry with the next one rather than fail on the unique constraint."""

    def numbered(sequence: int) -> Project:
        project = Project(
            plan_id=plan.id,
            department_id=plan.department_id,
            year=plan.campaign.year,
            sequence=sequence,
            reference=f"{_reference_prefix(plan)}{sequence:03d}",
            **values,
        )
        project.technologies = technologies
        return project

    return insert_numbered(
        numbered,
        lambda: _next_sequence(plan),
        attempts,
        _("The project could not be numbered; please try again."),
    )


def create_project(plan: Plan, data: dict, actor, carried_from: Project | None = None) -> Project:
    """Add a project to the plan (a draft may be incomplete: one title is enough)."""
    plan = lock_plan(plan)
    ensure_editable(plan, actor)
    clean = _clean_project_data(data)
    technologies = clean.pop("technologies", [])
    if carried_from is not None:
        clean["carried_from_id"] = carried_from.id
    project = _insert_numbered(plan, clean, technologies)
    after = snapshot(project, PROJECT_FIELDS)
    changes = {k: [None, v] for k, v in after.items() if v not in (None, "", [], 0)}
    if carried_from is not None:
        changes["carried_from"] = [None, carried_from.reference]
    record(
        "project_created",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={"plan_id": [None, plan.id], **changes},
    )
    _touch_plan(plan, actor)
    return project


def update_project(project: Project, data: dict, actor, expected_version) -> dict:
    """Save the fields given in `data`; refuse (Conflict) when the project changed since
    `expected_version`. Returns the audited changes ({} when nothing changed)."""
    plan = lock_plan(project.plan)
    ensure_editable(plan, actor)
    _reload(project)
    check_version(project, expected_version)
    clean = _clean_project_data(data, project)
    before = snapshot(project, PROJECT_FIELDS)
    for name, value in clean.items():
        setattr(project, name, value)
    changes = diff(before, snapshot(project, PROJECT_FIELDS))
    if not changes:
        return {}
    flush_or_conflict()
    record(
        "project_updated",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes=changes,
    )
    _touch_plan(plan, actor)
    return changes


def delete_project(project: Project, actor, expected_version) -> None:
    plan = lock_plan(project.plan)
    ensure_editable(plan, actor)
    _reload(project)
    check_version(project, expected_version)
    before = snapshot(project, PROJECT_FIELDS)
    project_id, reference = project.id, project.reference
    db.session.delete(project)
    flush_or_conflict()
    record(
        "project_deleted",
        "project",
        project_id,
        label=reference,
        actor=actor,
        changes={
            "plan_id": [plan.id, None],
            **{k: [v, None] for k, v in before.items() if v not in (None, "", [], 0)},
        },
    )
    _touch_plan(plan, actor)


def update_plan(plan: Plan, data: dict, actor, expected_version) -> dict:
    """Save the plan's own fields (person in charge, contact)."""
    plan = lock_plan(plan)
    ensure_editable(plan, actor)
    check_version(plan, expected_version)
    before = snapshot(plan, PLAN_FIELDS)
    for name in PLAN_FIELDS:
        if name in data:
            setattr(plan, name, (data[name] or "").strip())
    changes = diff(before, snapshot(plan, PLAN_FIELDS))
    if not changes:
        return {}
    flush_or_conflict()
    record("plan_updated", "plan", plan.id, label=_plan_label(plan), actor=actor, changes=changes)
    _touch_plan(plan, actor)
    return changes
