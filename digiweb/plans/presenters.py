"""How project values read on the pages: enum labels, dates, amounts, the audit history."""

from datetime import date

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from digiweb.i18n import bdi, fmt_amount, fmt_date, fmt_number, join_list
from digiweb.plans.models import PlanStatus, Rating, Technology
from digiweb.plans.outcomes import Outcome
from digiweb.plans.services import ENUM_FIELDS, PROJECT_FIELDS, field_label, is_blank
from digiweb.projects.schema import BY_NAME, boolean_label, level_label

ACTION_LABELS = {
    "project_created": _l("Project created"),
    "project_updated": _l("Project changed"),
    "project_deleted": _l("Project deleted"),
    "plan_updated": _l("Plan changed"),
    "plan_started": _l("Plan started"),
    "project_progress": _l("Follow-up recorded"),
    "project_rated": _l("Project rated"),
    "indicator_added": _l("Indicator added"),
    "indicator_updated": _l("Indicator changed"),
    "indicator_deleted": _l("Indicator deleted"),
    "indicator_value": _l("Value of an indicator recorded"),
    "project_outcome": _l("Project outcome recorded"),
    "project_remark": _l("Remark on the project when the plan was returned"),
    "remark_added": _l("Review remark"),
    "project_decision": _l("Review decision on the project"),
    "project_decision_reset": _l("Review decision reset"),
}
HIDDEN_HISTORY_FIELDS = {"plan_id"}
EMPTY = "—"
# Latin values that keep their order inside Arabic text.
ISOLATED_FIELDS = ("reference", "contact_email", "contact_phone")


def _as_date(value):
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def display_value(field: str, value) -> str | Markup:
    """A stored value (or its audit form: enum values, ISO dates) as users read it."""
    if value is None or value == "" or value == []:
        return EMPTY
    if field in ENUM_FIELDS:
        member = ENUM_FIELDS[field].coerce(value)
        return member.label if member is not None else str(value)
    if field == "technologies":
        labels = []
        for item in value:
            member = Technology.coerce(item)
            labels.append(member.label if member is not None else str(item))
        return join_list(labels)
    if field in ("start_date", "end_date", "opens_on", "deadline"):
        parsed = _as_date(value)
        return fmt_date(parsed) if parsed else str(value)
    if field == "budget_dzd":
        return fmt_amount(int(value))
    if field == "outcome":
        member = Outcome.coerce(value)
        return member.label if member is not None else str(value)
    if field in ("progress", "outcome_achieved"):
        return Markup("<bdi>{}\u202f%</bdi>").format(int(value))
    if field in ("self_rating", "ministry_rating"):
        member = Rating.coerce(value)
        return member.label if member is not None else str(value)
    kind = BY_NAME[field].kind if field in BY_NAME else None
    if kind == "level" and str(value).isdigit() and int(value) < len(BY_NAME[field].levels):
        return level_label(int(value))
    if kind == "boolean":
        return boolean_label(bool(value))
    if kind == "count":
        return fmt_number(int(value))
    if kind == "percent":
        return Markup("<bdi>{}\u202f%</bdi>").format(int(value))
    if field == "plan_status":
        member = PlanStatus.coerce(value)
        return member.label if member is not None else str(value)
    if field in ISOLATED_FIELDS:
        return bdi(value)
    return str(value)


def history_rows(entries) -> list[dict]:
    """Audit entries as rows: who, when, what, and each field's old -> new value."""
    rows = []
    for entry in entries:
        changes = []
        for name, values in (entry.changes or {}).items():
            if name in HIDDEN_HISTORY_FIELDS or not isinstance(values, list) or len(values) != 2:
                continue
            old, new = values
            changes.append(
                {
                    "field": name,
                    "label": field_label(name),
                    "old": display_value(name, old),
                    "new": display_value(name, new),
                }
            )
        label = ACTION_LABELS.get(entry.action)
        rows.append(
            {
                "entry": entry,
                "action": str(label) if label else entry.action,
                "actor": entry.actor_name or _("the system"),
                "changes": changes,
            }
        )
    return rows


def conflict_rows(current, data: dict) -> list[dict]:
    """The fields where the saved project differs from what the user typed."""
    rows = []
    for name in PROJECT_FIELDS:
        saved = getattr(current, name)
        typed = data.get(name)
        if name == "technologies":
            saved_cmp = sorted(t.value for t in saved)
            typed_cmp = sorted(typed or [])
        elif name in ENUM_FIELDS:
            saved_cmp = saved.value if saved is not None else ""
            typed_cmp = typed or ""
        else:
            saved_cmp = None if is_blank(saved) else saved
            typed_cmp = None if is_blank(typed) else typed
        if name == "progress":
            saved_cmp, typed_cmp = saved or 0, typed or 0
        if saved_cmp != typed_cmp:
            rows.append(
                {
                    "label": field_label(name),
                    "current": display_value(name, saved_cmp if name != "technologies" else saved),
                    "yours": display_value(name, typed_cmp),
                }
            )
    return rows
