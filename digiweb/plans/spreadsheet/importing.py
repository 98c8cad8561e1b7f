"""Importing a checked upload: every row against the plan, then all of it saved or nothing.

Rows go through the web form's rules (`validate_project_data`) and the reference checks; only
when no row has a problem are they written with `create_project` / `update_project` (audited
like web edits), under the plan's row lock and each project's version, with a PlanEvent
`imported`. The caller commits, or rolls back on ImportRefused.
"""

from dataclasses import dataclass, field
from datetime import date

from flask_babel import gettext as _
from flask_babel import ngettext

from digiweb.audit.services import record, snapshot
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import CONTROL_CHARACTERS, clean_text
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind, Project, ProjectStatus, Technology
from digiweb.plans.services import (
    ENUM_FIELDS,
    create_project,
    ensure_editable,
    lock_plan,
    update_project,
    validate_project_data,
)
from digiweb.plans.spreadsheet.columns import (
    COLUMN_BY_FIELD,
    DATA_FIELDS,
    TEXT_FIELDS,
    VERSION_LABEL,
    column_header,
)
from digiweb.plans.spreadsheet.reading import (
    ImportRefused,
    Problem,
    SheetRow,
    _column_name,
    read_sheet,
)
from digiweb.plans.spreadsheet.upload import check_upload


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


# --- checking the rows against the plan -------------------------------------------------------


@dataclass
class _Change:
    row: SheetRow
    project: Project | None  # None: a new project
    data: dict  # what to write (for an update: the current values and the row's changes)


def _comparable(name: str, value):
    """A value in the shape of the audit snapshot, to tell whether a row changes a project."""
    if name in ENUM_FIELDS:
        member = ENUM_FIELDS[name].coerce(value) if value not in (None, "") else None
        if name == "status" and member is None:
            member = ProjectStatus.PLANNED
        return member.value if member is not None else None
    if name == "technologies":
        order = list(Technology)
        return sorted((Technology(v).value for v in value or ()), key=lambda v: order.index(v))
    if name == "progress":
        return value or 0
    if name in TEXT_FIELDS:
        return (value or "").replace("\r\n", "\n").strip()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _current_values(project: Project) -> dict:
    values = {name: getattr(project, name) for name in DATA_FIELDS}
    values["technologies"] = [t.value for t in project.technologies]
    return values


def _version_of(value) -> int | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _plan_projects_by_reference(plan: Plan, references: set[str]) -> dict[str, Project]:
    if not references:
        return {}
    return {
        project.reference.upper(): project
        for project in db.session.scalars(
            db.select(Project).where(Project.reference.in_(references))
        )
    }


def check_rows(plan: Plan, rows: list[SheetRow], columns: dict[str, int]) -> tuple:
    """([_Change], unchanged count, [Problem]) for the rows read: references (unknown, of
    another department or plan, twice in the file), the web form's rules on each row (on the
    project's current values completed by the row, for an update) and each project's version."""
    problems, changes, unchanged = [], [], 0

    def refuse(row: SheetRow, names: tuple[str, ...], message: str) -> None:
        labels = []
        for name in names:
            header = column_header(COLUMN_BY_FIELD[name])
            index = columns.get(name)
            labels.append(_column_name(index, header) if index else header)
        index = columns.get(names[0], 0)
        problems.append(Problem(row.number, " / ".join(labels), message, index))

    known = _plan_projects_by_reference(plan, {row.reference for row in rows if row.reference})
    first_row = {}
    for row in rows:
        project = None
        if row.reference:
            project = known.get(row.reference)
            if row.reference in first_row:
                refuse(
                    row,
                    ("reference",),
                    _(
                        "This reference is already on row %(row)d: each project may appear "
                        "only once.",
                        row=first_row[row.reference],
                    ),
                )
                continue
            first_row[row.reference] = row.number
            if project is None or project.department_id != plan.department_id:
                refuse(
                    row,
                    ("reference",),
                    _(
                        "No project of this plan has this reference (it may be mistyped, or "
                        "another department's): clear the reference to add the row as a new "
                        "project."
                    ),
                )
                continue
            if project.plan_id != plan.id:
                refuse(
                    row,
                    ("reference",),
                    _(
                        "This reference is a project of your department's plan of %(year)s, not "
                        "of this plan: clear the reference to add the row as a new project.",
                        year=project.year,
                    ),
                )
                continue

        merged = _current_values(project) if project is not None else {}
        merged.update(row.data)
        for name, message in validate_project_data(merged).items():
            refuse(row, ("title_ar", "title_fr") if name == "title_ar" else (name,), message)

        if project is None:
            changes.append(_Change(row, None, dict(row.data)))
            continue
        current = snapshot(project, DATA_FIELDS)
        differing = {
            name: value
            for name, value in row.data.items()
            if _comparable(name, value) != _comparable(name, current[name])
        }
        version = _version_of(row.version)
        if not differing:
            unchanged += 1
        elif version is None:
            refuse(
                row,
                ("version",),
                _(
                    "The hidden column “%(name)s” of this row is empty or was changed: download "
                    "the file again and redo this row's changes.",
                    name=str(VERSION_LABEL),
                ),
            )
        elif version != project.version:
            refuse(
                row,
                ("reference",),
                _(
                    "This project was changed on digiweb after the file was downloaded: "
                    "download the file again and redo this row's changes, so that nothing is "
                    "overwritten."
                ),
            )
        else:
            # the services validate what they are given as a whole, as the web form posts it
            changes.append(_Change(row, project, {**_current_values(project), **differing}))
    return changes, unchanged, problems


# --- importing ---------------------------------------------------------------------------------


def import_workbook(plan: Plan, data: bytes, filename: str, actor) -> ImportResult:
    """Check the uploaded file and write every row of it to the plan, or nothing.

    Raises ImportRefused (with the problems, row by row) when anything is wrong; the session
    holds part of the import: the route discards it. On success the request commits.
    """
    upload = check_upload(data, filename)
    plan = lock_plan(plan)  # a concurrent edit, send or return waits for the import
    try:
        ensure_editable(plan, actor)
    except Refusal as error:
        raise ImportRefused(status=error.status, message=error.message) from None
    rows, columns, problems = read_sheet(upload)
    changes, unchanged, row_problems = check_rows(plan, rows, columns)
    problems += row_problems
    if problems:
        problems.sort(key=lambda p: (p.row or 0, p.index))
        raise ImportRefused(problems)
    result = ImportResult(unchanged=unchanged)
    if not changes:
        return result
    for change in changes:
        try:
            if change.project is None:
                project = create_project(plan, change.data, actor)
                result.created.append(project.reference)
            else:
                update_project(change.project, change.data, actor, change.project.version)
                result.updated.append(change.project.reference)
        except Refusal as error:
            problem = Problem(change.row.number, "", error.message)
            raise ImportRefused([problem], status=error.status) from None
    _record_import(plan, actor, filename, result)
    return result


def _record_import(plan: Plan, actor, filename: str, result: ImportResult) -> None:
    name = CONTROL_CHARACTERS.sub("", clean_text(filename)).replace("\\", "/").rsplit("/", 1)[-1]
    name = name[:200]
    details = {"file": name, "created": result.created, "updated": result.updated}
    db.session.add(
        PlanEvent(
            plan_id=plan.id,
            kind=PlanEventKind.IMPORTED,
            actor_id=actor.id if actor is not None else None,
            comment=name,
            snapshot=details,
        )
    )
    record(
        "plan_imported",
        "plan",
        plan.id,
        label=f"{plan.campaign.year}-{plan.department.code}",
        actor=actor,
        changes={key: [None, value] for key, value in details.items()},
    )


def result_message(result: ImportResult, filename: str) -> str:
    """The flash after a successful import, in the user's language."""
    if not result.changed:
        return _("The file holds no change to the plan: nothing was saved.")
    return _(
        "The file %(file)s has been imported: %(created)s, %(updated)s.",
        file=filename,
        created=ngettext("%(num)d project added", "%(num)d projects added", len(result.created)),
        updated=ngettext(
            "%(num)d project changed", "%(num)d projects changed", len(result.updated)
        ),
    )
