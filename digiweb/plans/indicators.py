"""Indicators of a project (issue 16): what the project changes, measured. Each has a label in
Arabic and in French, a unit, a baseline, a target and the value reached each year.

Who may do what: the department's officer adds, changes and deletes indicators while the plan
may be edited (digiweb.plans.services.editable_by), and records the values reached then and
once the plan is approved (the yearly follow-up); everyone who sees the project reads them
(staff, and the department's officer; another department's officer gets a 404 from the route).
Every change is audited on the project; services flush, the request commits.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy.orm.attributes import flag_modified

from digiweb.audit.services import record
from digiweb.clock import today
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import latin_digits
from digiweb.plans.models import Indicator, IndicatorValue, PlanStatus, Project
from digiweb.plans.services import editable_by
from digiweb.security import can_edit_department_plan
from digiweb.transaction import check_version, flush_or_conflict

LABEL_MAX = 200
UNIT_MAX = 40
MAX_INDICATORS = 20  # per project
MAX_VALUE = 10**15
YEARS_AHEAD = 5  # values may be recorded from the project's year to five years after it
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007\u066c']+")


# --- who may do what ---------------------------------------------------------------------------


def can_edit_indicators(user, project: Project) -> bool:
    """Add, change or delete indicators: the department's officer while the plan is editable."""
    return editable_by(project.plan, user)


def can_record_values(user, project: Project) -> bool:
    """Record the values reached: the department's officer while the plan is editable or once
    it is approved."""
    return can_edit_indicators(user, project) or (
        user is not None
        and getattr(user, "is_authenticated", False)
        and can_edit_department_plan(user, project.department_id)
        and project.plan.status == PlanStatus.APPROVED
    )


def value_years(project: Project) -> list[int]:
    return list(range(project.year, project.year + YEARS_AHEAD + 1))


def default_year(project: Project) -> int:
    years = value_years(project)
    return min(max(today().year, years[0]), years[-1])


# --- reading -----------------------------------------------------------------------------------


def project_indicators(project: Project) -> list[Indicator]:
    """The project's indicators in the order they were added, with their values (two queries)."""
    return list(
        db.session.scalars(
            db.select(Indicator).where(Indicator.project_id == project.id).order_by(Indicator.id)
        )
    )


@dataclass
class IndicatorPanel:
    """What the project page shows of the indicators to the current user."""

    project: Project
    indicators: list[Indicator]
    can_edit: bool
    can_record: bool
    years: list[int] = field(default_factory=list)

    @property
    def shown_years(self) -> list[int]:
        """The years that have a value, in order (the table's columns)."""
        return sorted({value.year for i in self.indicators for value in i.values})


def indicator_panel(project: Project, user) -> IndicatorPanel:
    return IndicatorPanel(
        project=project,
        indicators=project_indicators(project),
        can_edit=can_edit_indicators(user, project),
        can_record=can_record_values(user, project),
        years=value_years(project),
    )


# --- numbers -----------------------------------------------------------------------------------


def parse_number(text) -> float | None:
    """'1 250,5', '1250.5', '١٢٫٥', '60 %' -> a number; blank -> None; ValueError otherwise."""
    if text is None:
        return None
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        cleaned = _SPACES.sub("", latin_digits(str(text)).replace("\u066b", ".")).rstrip("%")
        if not cleaned:
            return None
        if "," in cleaned and "." not in cleaned and cleaned.count(",") == 1:
            cleaned = cleaned.replace(",", ".")
        if not re.fullmatch(r"[-−]?\d+(\.\d+)?", cleaned):
            raise ValueError(text)
        value = float(cleaned.replace("−", "-"))
    if not math.isfinite(value) or abs(value) >= MAX_VALUE:
        raise ValueError(text)
    return value


def _number(data: dict, name: str, errors: dict):
    try:
        return parse_number(data.get(name))
    except ValueError:
        errors[name] = _("Enter a number, for example 1 250 or 12,5.")
        return None


def _clean(data: dict) -> dict:
    errors: dict[str, str] = {}
    values = {
        "label_ar": (data.get("label_ar") or "").strip(),
        "label_fr": (data.get("label_fr") or "").strip(),
        "unit": (data.get("unit") or "").strip(),
    }
    if not values["label_ar"] and not values["label_fr"]:
        errors["label_ar"] = _("Name the indicator in Arabic or in French.")
    for name in ("label_ar", "label_fr"):
        if len(values[name]) > LABEL_MAX:
            errors[name] = _("At most %(max)d characters.", max=LABEL_MAX)
    if len(values["unit"]) > UNIT_MAX:
        errors["unit"] = _("At most %(max)d characters.", max=UNIT_MAX)
    values["baseline"] = _number(data, "baseline", errors)
    values["target"] = _number(data, "target", errors)
    if errors:
        name, message = next(iter(errors.items()))
        raise Refusal(message, 422, field=name, details=list(errors.values())[1:])
    return values


def _label(values) -> str:
    return values.get("label_fr") or values.get("label_ar") or ""


def _audited(changes: dict) -> dict:
    """The indicator's fields under the audit's names (indicator_unit…), as the project's
    history labels them."""
    return {f"indicator_{name}": values for name, values in changes.items()}


def _snapshot(indicator: Indicator) -> dict:
    return {
        "label_ar": indicator.label_ar,
        "label_fr": indicator.label_fr,
        "unit": indicator.unit,
        "baseline": indicator.baseline,
        "target": indicator.target,
    }


# --- writing -----------------------------------------------------------------------------------


def _require_edit(project: Project, actor) -> None:
    if not can_edit_indicators(actor, project):
        raise Refusal(
            _(
                "Only the department's digitization officer can change the indicators, while "
                "the plan can be changed."
            ),
            403,
        )


def add_indicator(project: Project, actor, data: dict) -> Indicator:
    _require_edit(project, actor)
    values = _clean(data)
    count = db.session.scalar(
        db.select(db.func.count(Indicator.id)).where(Indicator.project_id == project.id)
    )
    if count >= MAX_INDICATORS:
        raise Refusal(_("A project has at most %(max)d indicators.", max=MAX_INDICATORS), 422)
    indicator = Indicator(project_id=project.id, **values)
    db.session.add(indicator)
    db.session.flush()
    record(
        "indicator_added",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={
            "indicator": [None, _label(values)],
            **_audited({k: [None, v] for k, v in values.items() if v not in (None, "")}),
        },
    )
    return indicator


def update_indicator(indicator: Indicator, project: Project, actor, data: dict, version) -> dict:
    _require_edit(project, actor)
    check_version(indicator, version)
    values = _clean(data)
    before = _snapshot(indicator)
    for name, value in values.items():
        setattr(indicator, name, value)
    changes = {k: [before[k], v] for k, v in values.items() if before[k] != v}
    if not changes:
        return {}
    flush_or_conflict()
    record(
        "indicator_updated",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={"indicator": [_label(before), _label(values)], **_audited(changes)},
    )
    return changes


def delete_indicator(indicator: Indicator, project: Project, actor, version) -> None:
    _require_edit(project, actor)
    check_version(indicator, version)
    before = _snapshot(indicator)
    db.session.delete(indicator)
    flush_or_conflict()
    record(
        "indicator_deleted",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={"indicator": [_label(before), None]},
    )


def record_value(indicator: Indicator, project: Project, actor, year, value, version) -> None:
    """The value the indicator reached in `year` (blank: the year's value is removed)."""
    if not can_record_values(actor, project):
        raise Refusal(
            _(
                "Only the department's digitization officer records the values reached, while "
                "the plan can be changed or once it is approved."
            ),
            403,
        )
    check_version(indicator, version)
    try:
        year = int(year)
    except (TypeError, ValueError):
        year = None
    if year not in value_years(project):
        raise Refusal(_("Choose one of the proposed years."), 422, field="year")
    try:
        number = parse_number(value)
    except ValueError:
        raise Refusal(_("Enter a number, for example 1 250 or 12,5."), 422, field="value") from None
    existing = next((v for v in indicator.values if v.year == year), None)
    old = existing.value if existing is not None else None
    if number is None:
        if existing is not None:
            indicator.values.remove(existing)
    elif existing is not None:
        existing.value = number
    else:
        indicator.values.append(IndicatorValue(year=year, value=number))
    if old == number:
        return
    flag_modified(indicator, "unit")  # the indicator's version moves with its values
    flush_or_conflict()
    record(
        "indicator_value",
        "project",
        project.id,
        label=project.reference,
        actor=actor,
        changes={
            "indicator": [None, _label(_snapshot(indicator))],
            "indicator_year": [None, year],
            "indicator_value": [old, number],
        },
    )
