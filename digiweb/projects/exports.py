"""CSV and XLSX exports of exactly what the consolidated list shows (every page of it).

Both read the rows of `filtered_projects` as plain columns, in chunks (`yield_per`), and look
up the technologies of each chunk with one query, so that memory stays flat whatever the
number of rows: the CSV is streamed as it is written; the XLSX is written by openpyxl in
write-only mode (rows go straight to a temporary file, strings inline) and then sent from a
temporary file.
"""

import csv
import io
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.i18n import language, spreadsheet_text
from digiweb.plans.models import (
    FundingSource,
    Plan,
    PlanStatus,
    Priority,
    Project,
    ProjectKind,
    ProjectStatus,
    ProjectTechnology,
    Target,
    Technology,
)
from digiweb.projects.filters import ProjectFilters
from digiweb.projects.schema import BY_NAME, MATURITY_FIELDS, boolean_label, level_label
from digiweb.projects.services import filtered_projects

CHUNK_SIZE = 1000
CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DATE_FORMAT = "DD/MM/YYYY"
AMOUNT_FORMAT = "#,##0"
# Characters that make a spreadsheet read a text cell as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (header, kind, width): kind tells how the XLSX cell is written.
COLUMNS = (
    (_l("Reference"), "text", 16),
    (_l("Year"), "int", 8),
    (_l("Department code"), "text", 12),
    (_l("Department (Arabic)"), "text", 36),
    (_l("Department (French)"), "text", 36),
    (_l("Title (Arabic)"), "text", 50),
    (_l("Title (French)"), "text", 50),
    (_l("Target"), "text", 26),
    (_l("Kind"), "text", 20),
    (_l("Technologies"), "text", 30),
    (_l("Status"), "text", 14),
    (_l("Progress (%)"), "int", 10),
    (_l("Priority"), "text", 10),
    (_l("Start date"), "date", 12),
    (_l("End date"), "date", 12),
    (_l("Budget (DZD)"), "amount", 18),
    (_l("Funding source"), "text", 22),
    (_l("Plan status"), "text", 18),
    # The digital maturity of the procedure (issue 16), under the schema's labels.
    *(
        (BY_NAME[name].label, "int" if BY_NAME[name].kind in ("count", "percent") else "text", 20)
        for name in MATURITY_FIELDS
    ),
)

# The schema's exported fields (digiweb.projects.schema), in the order of their columns above;
# tests/projects/test_schema.py keeps the two equal.
EXPORTED_FIELDS = (
    "title_ar",
    "title_fr",
    "target",
    "kind",
    "technologies",
    "status",
    "progress",
    "priority",
    "start_date",
    "end_date",
    "budget_dzd",
    "funding_source",
    *MATURITY_FIELDS,
)

_QUERY_COLUMNS = (
    Project.id,
    Project.reference,
    Project.year,
    Department.code,
    Department.name_ar,
    Department.name_fr,
    Project.title_ar,
    Project.title_fr,
    Project.target,
    Project.kind,
    Project.status,
    Project.progress,
    Project.priority,
    Project.start_date,
    Project.end_date,
    Project.budget_dzd,
    Project.funding_source,
    Plan.status,
    *(getattr(Project, name) for name in MATURITY_FIELDS),
)


def export_filename(filters: ProjectFilters, extension: str) -> str:
    """digiweb-projets-2021.xlsx, digiweb-projets-2021-MF.csv, digiweb-projets-toutes-annees…"""
    parts = ["digiweb-projets", str(filters.year) if filters.year else "toutes-annees"]
    if filters.department:
        parts.append(filters.department)
    return "-".join(parts) + f".{extension}"


def headers() -> list[str]:
    return [str(header) for header, _kind, _width in COLUMNS]


def _labels(enum_cls) -> dict:
    """{member: label} in the user's language: translated once per export, not once per cell
    (a gettext call per cell made 100,000 rows take half a minute)."""
    labels = {member: str(label) for member, label in enum_cls.choices()}
    labels[None] = ""
    return labels


def export_rows(filters: ProjectFilters, user) -> Iterator[list[tuple]]:
    """The list's rows, every page, as lists (one per chunk) of tuples in COLUMNS order with
    enum values as labels in the user's language and dates and amounts left as values."""
    separator = "، " if language() == "ar" else ", "
    targets, kinds, statuses = _labels(Target), _labels(ProjectKind), _labels(ProjectStatus)
    priorities, fundings, plan_statuses = (
        _labels(Priority),
        _labels(FundingSource),
        _labels(PlanStatus),
    )
    technology_labels = _labels(Technology)
    maturity = [_formatter(name) for name in MATURITY_FIELDS]
    stmt = filtered_projects(filters, user, columns=_QUERY_COLUMNS, with_plan=True)
    result = db.session.execute(stmt.execution_options(yield_per=CHUNK_SIZE))
    for chunk in result.partitions():
        technologies = _technologies_of([row[0] for row in chunk])
        yield [
            (
                reference,
                year,
                code,
                name_ar,
                name_fr,
                title_ar,
                title_fr,
                targets[target],
                kinds[kind],
                separator.join(technology_labels[t] for t in technologies.get(project_id, ())),
                statuses[status],
                progress,
                priorities[priority],
                start_date,
                end_date,
                budget,
                fundings[funding],
                plan_statuses[plan_status],
                *(show(value) for show, value in zip(maturity, tail, strict=True)),
            )
            for (
                project_id,
                reference,
                year,
                code,
                name_ar,
                name_fr,
                title_ar,
                title_fr,
                target,
                kind,
                status,
                progress,
                priority,
                start_date,
                end_date,
                budget,
                funding,
                plan_status,
                *tail,
            ) in chunk
        ]


def _formatter(name: str):
    """How a maturity field reads in the export: levels and yes/no as labels in the user's
    language (translated once per export), counts and shares as numbers."""
    spec = BY_NAME[name]
    if spec.kind == "level":
        labels = {level: level_label(level) for level in range(len(spec.levels))}
        return lambda value: labels.get(value, "")
    if spec.kind == "boolean":
        labels = {True: boolean_label(True), False: boolean_label(False), None: ""}
        return labels.__getitem__
    return lambda value: value


def _technologies_of(project_ids: list[int]) -> dict[int, list[Technology]]:
    order = {tech: rank for rank, tech in enumerate(Technology)}
    found = defaultdict(list)
    stmt = sa.select(ProjectTechnology.project_id, ProjectTechnology.technology).where(
        ProjectTechnology.project_id.in_(project_ids)
    )
    for project_id, technology in db.session.execute(stmt):
        found[project_id].append(technology)
    return {pid: sorted(techs, key=order.__getitem__) for pid, techs in found.items()}


def _safe_text(value):
    """Text a spreadsheet will show as text, never evaluate as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


# --- CSV --------------------------------------------------------------------------------------


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return _safe_text(spreadsheet_text(value))


def csv_chunks(filters: ProjectFilters, user) -> Iterator[bytes]:
    """UTF-8 with a BOM (so that Excel reads the Arabic right), one chunk per batch of rows."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers())
    yield ("\ufeff" + buffer.getvalue()).encode("utf-8")
    for rows in export_rows(filters, user):
        buffer.seek(0)
        buffer.truncate()
        writer.writerows([_csv_value(v) for v in row] for row in rows)
        yield buffer.getvalue().encode("utf-8")


# --- XLSX -------------------------------------------------------------------------------------


def write_xlsx(filters: ProjectFilters, user, target, progress=None) -> int:
    """Write the workbook into the binary file `target`; returns the number of project rows.
    `progress(rows written)` is called after each chunk (a background job's progress bar)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(filters))
    if language() == "ar":
        sheet.sheet_view.rightToLeft = True
    sheet.freeze_panes = "A2"
    for index, (_header, _kind, width) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", start_color="0B6B3A")
    header_alignment = Alignment(vertical="center", wrap_text=True)
    header_cells = []
    for text in headers():
        cell = WriteOnlyCell(sheet, value=text)
        cell.font, cell.fill, cell.alignment = header_font, header_fill, header_alignment
        header_cells.append(cell)
    sheet.append(header_cells)

    kinds = [kind for _header, kind, _width in COLUMNS]
    count = 0
    for rows in export_rows(filters, user):
        for row in rows:
            sheet.append(
                [_xlsx_cell(sheet, kind, value) for kind, value in zip(kinds, row, strict=True)]
            )
        count += len(rows)
        if progress is not None:
            progress(count)
    last_column = get_column_letter(len(COLUMNS))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"
    workbook.save(target)
    return count


def _xlsx_cell(sheet, kind: str, value):
    if isinstance(value, str):  # a control character stored before they were refused
        value = spreadsheet_text(value)
    if value is None or value == "":
        return None
    if kind == "date":
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    if kind == "amount":
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = AMOUNT_FORMAT
        return cell
    if kind == "text" and value.startswith("="):
        # openpyxl would store it as a formula: force a text cell, exactly as typed.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _sheet_title(filters: ProjectFilters) -> str:
    title = str(_l("Projects"))
    if filters.year:
        title = f"{title} {filters.year}"
    # Excel: at most 31 characters, none of []:*?/\
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def xlsx_tempfile(filters: ProjectFilters, user):
    """The workbook in an anonymous temporary file (gone once closed), positioned at 0, and
    its size."""
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 - closed by file_chunks
    try:
        write_xlsx(filters, user, handle)
        size = handle.tell()
        handle.seek(0)
    except BaseException:
        handle.close()
        raise
    return handle, size


def file_chunks(handle, chunk_size: int = 64 * 1024) -> Iterator[bytes]:
    """Read a file out in chunks and close it at the end, also when the client goes away."""
    try:
        while chunk := handle.read(chunk_size):
            yield chunk
    finally:
        handle.close()
