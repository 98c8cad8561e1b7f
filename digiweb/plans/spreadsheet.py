"""The plan's questionnaire as a spreadsheet (.xlsx): the pre-filled template an officer
downloads, fills in offline and uploads again, and the importer that checks every row and saves
all of it to the plan or nothing.

Pure functions around openpyxl and the plan services, no routes. The template's "Projects"
sheet holds one row per project (its reference, every field, Arabic and French columns side by
side, and a hidden column with the project's version); enumerated fields are drop-down lists
that point at a hidden "Lists" sheet of translated labels; an "Instructions" sheet explains the
file in Arabic and in French.

The importer reads an upload of at most MAX_UPLOAD_BYTES that must be a ZIP holding an OOXML
workbook (checked before openpyxl sees it, with a bound on what it expands to), in read-only
mode, with cached values (`data_only`): formulas are never computed here, and a formula whose
value the spreadsheet program never computed is refused rather than read as an empty cell.
Columns are recognised by their titles in either language (or the field's code), values of the
lists by their label in either language or their code. Rows go through the web form's rules
(`validate_project_data`, `parse_whole_number`) and the reference checks; only when no row has
a problem are they written with `create_project` / `update_project` (audited like web edits),
under the plan's row lock and each project's version, with a PlanEvent `imported`. The caller
commits, or rolls back on ImportRefused.
"""

import io
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import force_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation

from digiweb.audit.services import record, snapshot
from digiweb.db_types import utcnow
from digiweb.errors import Refusal
from digiweb.extensions import db
from digiweb.i18n import (
    LANGUAGES,
    fmt_date,
    fmt_datetime,
    language,
    latin_digits,
    normalize_search,
    parse_date,
)
from digiweb.plans.models import (
    Plan,
    PlanEvent,
    PlanEventKind,
    Project,
    ProjectStatus,
    Technology,
)
from digiweb.plans.services import (
    ENUM_FIELDS,
    REQUIRED_FOR_SENDING,
    create_project,
    ensure_editable,
    field_label,
    parse_whole_number,
    update_project,
    validate_project_data,
)
from digiweb.projects.schema import PROJECT_SCHEMA

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
MAX_PROJECT_ROWS = 500
# What the parts of the ZIP may expand to (a 2 MiB upload could otherwise be a ZIP bomb).
MAX_UNCOMPRESSED_BYTES = 25 * 1024 * 1024
MAX_ZIP_MEMBERS = 250
MAX_COLUMNS = 60  # columns of the header row read; the template has 21

DATE_FORMAT = "DD/MM/YYYY"
AMOUNT_FORMAT = "#,##0"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="0B6B3A")
REQUIRED_FILL = PatternFill("solid", start_color="7A4B00")
REFERENCE_FILL = PatternFill("solid", start_color="EEF2EF")
TITLE_FONT = Font(bold=True, size=14)
HEADING_FONT = Font(bold=True, size=12, color="0B6B3A")

SHEET_PROJECTS = _l("Projects")
SHEET_INSTRUCTIONS = _l("Instructions")
SHEET_LISTS = _l("Lists")
VERSION_LABEL = _l("Version (do not change)")
TECHNOLOGY_SEPARATORS = re.compile(r"[,;،؛\n]+")
ARABIC_LIST_SEPARATOR = "، "


@dataclass(frozen=True)
class Column:
    field: str
    kind: str  # reference, text, enum, technologies, progress, date, amount, version
    width: int
    lang: str | None = None  # "ar" / "fr" for the text written in one language


# The reference, every project field as the schema declares it, and the hidden version.
COLUMNS = (
    Column("reference", "reference", 16),
    *(
        Column(spec.name, "text" if spec.is_text else spec.kind, spec.width, spec.lang)
        for spec in PROJECT_SCHEMA
    ),
    Column("version", "version", 10),
)
COLUMN_BY_FIELD = {column.field: column for column in COLUMNS}
DATA_FIELDS = tuple(c.field for c in COLUMNS if c.kind not in ("reference", "version"))
TEXT_FIELDS = tuple(c.field for c in COLUMNS if c.kind == "text")

DESCRIPTIONS = {
    "reference": _l(
        "The project's reference in digiweb, for example %(example)s. It is filled in for the "
        "plan's current projects: keep it, so that the import updates the project. Leave it "
        "empty on a new row: the new project gets its reference when the file is imported."
    ),
    **{spec.name: spec.description for spec in PROJECT_SCHEMA},
    "version": _l(
        "Hidden column: the version of the project when the file was downloaded. Do not change it."
    ),
}


# --- languages and labels ---------------------------------------------------------------------


@contextmanager
def in_language(lang: str) -> Iterator[None]:
    """Translate with `lang` ('ar' or 'fr') whatever the request's language."""
    with force_locale(LANGUAGES[lang]):
        yield


def column_header(column: Column) -> str:
    """The title of a column in the current language; * marks what sending needs."""
    if column.kind == "version":
        return str(VERSION_LABEL)
    label = field_label(column.field)
    return f"{label} *" if column.field in REQUIRED_FOR_SENDING else label


def _key(value) -> str:
    """How titles and list values are compared: trimmed, without a trailing *, case, accents,
    Arabic letter variants and bidi marks folded (the search's normalisation)."""
    return normalize_search(str(value).strip().rstrip("*").strip())


def _header_lookup() -> dict[str, str]:
    """{normalised title: field} for the titles of both languages and the fields' codes."""
    lookup = {}
    for lang in LANGUAGES:
        with in_language(lang):
            for column in COLUMNS:
                lookup[_key(column_header(column))] = column.field
    for column in COLUMNS:
        lookup.setdefault(_key(column.field), column.field)
    return lookup


def _value_lookup(enum_cls) -> dict[str, object]:
    """{normalised label or code: member}: the label in Arabic or French, or the code."""
    lookup = {}
    for lang in LANGUAGES:
        with in_language(lang):
            for member in enum_cls:
                lookup[_key(member.label)] = member
    for member in enum_cls:
        lookup.setdefault(_key(member.value), member)
    return lookup


def _list_separator() -> str:
    return ARABIC_LIST_SEPARATOR if language() == "ar" else ", "


def file_size_label(size: int = MAX_UPLOAD_BYTES) -> str:
    return _("%(num)s MB", num=f"{size / (1024 * 1024):g}")


def template_filename(plan: Plan) -> str:
    return f"digiweb-plan-{plan.campaign.year}-{plan.department.code}.xlsx"


# --- the template -----------------------------------------------------------------------------


def _sheet_name(label) -> str:
    return "".join(ch for ch in str(label) if ch not in "[]:*?/\\")[:31]


def _text_cell(cell, value) -> None:
    """A text cell that shows exactly `value`: never read as a formula, no illegal characters,
    line breaks as spreadsheets store them."""
    value = ILLEGAL_CHARACTERS_RE.sub("", (value or "").replace("\r\n", "\n"))
    cell.value = value or None
    if value.startswith("="):
        cell.data_type = "s"


def _alignment(column: Column) -> Alignment:
    order = {"ar": 2, "fr": 1}.get(column.lang or "", 0)  # 2: right-to-left, 1: left-to-right
    return Alignment(vertical="top", readingOrder=order)


def build_template(plan: Plan, projects: list[Project]) -> bytes:
    """The pre-filled workbook of the plan, in the current language (RTL sheets in Arabic)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_name(SHEET_PROJECTS)
    instructions = workbook.create_sheet(_sheet_name(SHEET_INSTRUCTIONS))
    lists = workbook.create_sheet(_sheet_name(SHEET_LISTS))
    lists.sheet_state = "hidden"
    if language() == "ar":
        for each in (sheet, instructions, lists):
            each.sheet_view.rightToLeft = True

    list_ranges = _write_lists(lists)
    _write_projects(sheet, projects)
    _add_validations(sheet, list_ranges)
    _write_instructions(instructions, plan, sheet.title)

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_projects(sheet, projects: list[Project]) -> None:
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        dimension = sheet.column_dimensions[letter]
        dimension.width = column.width
        dimension.alignment = _alignment(column)
        if column.kind == "date":
            dimension.number_format = DATE_FORMAT
        elif column.kind == "amount":
            dimension.number_format = AMOUNT_FORMAT
        elif column.kind == "version":
            dimension.hidden = True
        cell = sheet.cell(row=1, column=index, value=column_header(column))
        cell.font = HEADER_FONT
        cell.fill = REQUIRED_FILL if column.field in REQUIRED_FOR_SENDING else HEADER_FILL
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    sheet.row_dimensions[1].height = 32
    sheet.freeze_panes = "B2"

    separator = _list_separator()
    for row, project in enumerate(projects, start=2):
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=index)
            cell.alignment = _alignment(column)
            if column.kind == "reference":
                cell.value = project.reference
                cell.fill = REFERENCE_FILL
            elif column.kind == "version":
                cell.value = project.version
            elif column.kind == "text":
                _text_cell(cell, getattr(project, column.field))
            elif column.kind == "enum":
                member = getattr(project, column.field)
                cell.value = member.label if member is not None else None
            elif column.kind == "technologies":
                cell.value = separator.join(t.label for t in project.technologies) or None
            elif column.kind == "progress":
                cell.value = project.progress
            elif column.kind == "date":
                cell.value = getattr(project, column.field)
                cell.number_format = DATE_FORMAT
            elif column.kind == "amount":
                cell.value = project.budget_dzd
                cell.number_format = AMOUNT_FORMAT


def _write_lists(lists) -> dict[str, str]:
    """One column of translated labels per list; returns {field: absolute range}."""
    ranges = {}
    choices = [(name, enum_cls) for name, enum_cls in ENUM_FIELDS.items()]
    choices.append(("technologies", Technology))
    for index, (name, enum_cls) in enumerate(choices, start=1):
        letter = get_column_letter(index)
        lists.column_dimensions[letter].width = 34
        lists.cell(row=1, column=index, value=field_label(name)).font = Font(bold=True)
        members = list(enum_cls)
        for row, member in enumerate(members, start=2):
            lists.cell(row=row, column=index, value=member.label)
        ranges[name] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(members) + 1}"
    return ranges


def _add_validations(sheet, list_ranges: dict[str, str]) -> None:
    """Drop-down lists on the enumerated columns, number and date checks on the others. They
    warn (Excel lets the user go on): the importer, which accepts the label in the other
    language or the code, is the rule."""
    last_row = MAX_PROJECT_ROWS + 1
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last_row}"
        if column.kind == "enum":
            validation = DataValidation(
                type="list",
                formula1=list_ranges[column.field],
                allow_blank=True,
                errorStyle="warning",
                errorTitle=_("Value not in the list")[:32],
                error=_(
                    "Choose a value in the list. The label in the other language or the code "
                    "is also accepted."
                ),
            )
        elif column.kind == "progress":
            validation = DataValidation(
                type="whole",
                operator="between",
                formula1="0",
                formula2="100",
                allow_blank=True,
                errorStyle="warning",
                error=_("The progress is a whole number from 0 to 100."),
            )
        elif column.kind == "amount":
            validation = DataValidation(
                type="decimal",
                operator="greaterThanOrEqual",
                formula1="0",
                allow_blank=True,
                errorStyle="warning",
                error=_("The budget is a whole amount in dinars, zero or more."),
            )
        elif column.kind == "date":
            validation = DataValidation(
                type="date",
                operator="between",
                formula1="36526",  # 01/01/2000
                formula2="73415",  # 31/12/2100
                allow_blank=True,
                errorStyle="warning",
                error=_("Enter a valid date (day/month/year)."),
            )
        else:
            continue
        validation.showErrorMessage = True
        validation.add(cells)
        sheet.add_data_validation(validation)


def _values_of(enum_cls) -> str:
    return _list_separator().join(label for _value, label in _labels(enum_cls))


def _labels(enum_cls) -> list[tuple[str, str]]:
    return [(value, str(label)) for value, label in enum_cls.choices()]


def column_description(column: Column) -> str:
    """What a column holds, in the current language."""
    text = DESCRIPTIONS[column.field]
    if column.field == "reference":
        return str(text) % {"example": "2021-MF-007"}
    if column.field == "status":
        return str(text) % {
            "values": _values_of(ProjectStatus),
            "default": ProjectStatus.PLANNED.label,
        }
    if column.field in ENUM_FIELDS:
        return str(text) % {"values": _values_of(ENUM_FIELDS[column.field])}
    if column.field == "technologies":
        return str(text) % {"values": _values_of(Technology)}
    return str(text)


def instruction_lines(sheet_title: str | None = None) -> list[str]:
    """How to fill in and import the file, in the current language (the page shows them too);
    `sheet_title`: the name of the projects sheet (by default, its name in this language)."""
    return [
        _(
            "Fill in the sheet “%(sheet)s”: one row per project. Do not change the titles of "
            "the columns.",
            sheet=sheet_title or _sheet_name(SHEET_PROJECTS),
        ),
        _(
            "The rows that have a reference are the plan's current projects: change them in "
            "place and keep their reference, so that the import updates them instead of adding "
            "them again."
        ),
        _(
            "To add a project, fill in an empty row and leave its reference empty: the project "
            "gets its reference when the file is imported."
        ),
        _("Removing a row does not delete its project: delete projects on the plan page."),
        _("A reference of another department's plan, or of another year, is refused."),
        _(
            "The columns marked with * must be filled in before the plan can be sent. A draft "
            "may stay incomplete: a title in Arabic or in French is enough to import a row."
        ),
        _(
            "Drop-down lists: choose the value in the list. The label in Arabic or in French, "
            "or its code, is also accepted."
        ),
        _(
            "Technologies: one or several labels of the list, separated by commas (, or ،) or "
            "semicolons (; or ؛)."
        ),
        _(
            "Dates are written day/month/year; the budget is a whole amount in dinars; the "
            "progress a whole number from 0 to 100."
        ),
        _(
            "digiweb does not compute formulas: it imports the value your spreadsheet program "
            "shows. A formula that was never computed is refused."
        ),
        _(
            "On import, every row is checked and the file is saved whole or not at all: each "
            "problem is shown with its row and column, and nothing is saved until the file is "
            "correct."
        ),
        _(
            "If a project was changed on digiweb after you downloaded the file, its row is "
            "refused, so that nothing is overwritten: download the file again."
        ),
        _(
            "At most %(rows)d projects and %(size)s per file, in the .xlsx format (Excel 2007 "
            "or later, LibreOffice Calc).",
            rows=MAX_PROJECT_ROWS,
            size=file_size_label(),
        ),
    ]


def _instruction_blocks(plan: Plan, sheet_title: str) -> list[tuple[str, str]]:
    """(style, text) rows of the instructions in the current language."""
    blocks = [
        (
            "title",
            _(
                "Questionnaire of the sectoral digitization action plan %(year)s",
                year=plan.campaign.year,
            ),
        ),
        ("text", f"{plan.department.name} ({plan.department.code})"),
        ("text", _("Downloaded on %(date)s from digiweb.", date=fmt_datetime(utcnow()))),
        ("blank", ""),
        ("heading", _("How to fill in this file")),
    ]
    blocks += [
        ("text", f"{number}. {line}")
        for number, line in enumerate(instruction_lines(sheet_title), 1)
    ]
    blocks += [("blank", ""), ("heading", _("The columns"))]
    blocks += [
        (
            "text",
            _(
                "%(column)s: %(description)s",
                column=column_header(column),
                description=column_description(column),
            ),
        )
        for column in COLUMNS
    ]
    return blocks


def _write_instructions(sheet, plan: Plan, sheet_title: str) -> None:
    """The same instructions in Arabic (first column) and in French (second column)."""
    for letter, lang in (("A", "ar"), ("B", "fr")):
        sheet.column_dimensions[letter].width = 80
        with in_language(lang):
            blocks = _instruction_blocks(plan, sheet_title)
        header = sheet[f"{letter}1"]
        header.value = "العربية" if lang == "ar" else "Français"
        header.font, header.fill = HEADER_FONT, HEADER_FILL
        order = 2 if lang == "ar" else 1
        for row, (style, text) in enumerate(blocks, start=2):
            cell = sheet[f"{letter}{row}"]
            _text_cell(cell, text)
            cell.alignment = Alignment(wrap_text=True, vertical="top", readingOrder=order)
            if style == "title":
                cell.font = TITLE_FONT
            elif style == "heading":
                cell.font = HEADING_FONT
    sheet.freeze_panes = "A2"


# --- reading an upload --------------------------------------------------------------------------


@dataclass
class Problem:
    """One reason a file is refused: its row (None: the whole file), its column ("" when none),
    the message; all in the user's language."""

    row: int | None
    column: str
    message: str
    index: int = 0  # the column's number, to sort the report (0: none)


class ImportRefused(Refusal):
    """Nothing was saved: `problems` tell why, row by row (or `message` for the whole file)."""

    def __init__(self, problems: list[Problem] | None = None, status: int = 422, message=""):
        super().__init__(message, status)
        self.problems = problems or []


@dataclass
class SheetRow:
    """A non-blank row of the Projects sheet, its values parsed (fields whose cell could not be
    read are left out, with a problem)."""

    number: int
    reference: str | None
    version: object
    data: dict = field(default_factory=dict)


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def check_upload(data: bytes, filename: str) -> None:
    """Size, extension and content of the upload (ImportRefused with 413/415/422)."""
    if not filename.lower().endswith(".xlsx"):
        raise ImportRefused(
            status=415,
            message=_(
                "Only .xlsx files can be imported (Excel 2007 or later, LibreOffice Calc): "
                "save the file in that format."
            ),
        )
    if len(data) > MAX_UPLOAD_BYTES:
        raise ImportRefused(
            status=413,
            message=_(
                "The file is larger than %(size)s: it cannot be imported.",
                size=file_size_label(),
            ),
        )
    if not data:
        raise ImportRefused(status=422, message=_("The file is empty."))
    not_a_workbook = ImportRefused(
        status=415,
        message=_(
            "This file is not an .xlsx workbook (it may be a CSV, a PDF or an old .xls file "
            "renamed): save it in the .xlsx format and import it again."
        ),
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise not_a_workbook from None
    with archive:
        members = archive.infolist()
        names = {member.filename for member in members}
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise not_a_workbook
        if len(members) > MAX_ZIP_MEMBERS or (
            sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES
        ):
            raise ImportRefused(
                status=413,
                message=_(
                    "The workbook expands to more than %(size)s: it cannot be a questionnaire "
                    "of digiweb.",
                    size=file_size_label(MAX_UNCOMPRESSED_BYTES),
                ),
            )


def _open(data: bytes, values: bool):
    """openpyxl in read-only mode; `values`: cached values of formulas instead of formulas.
    External links are not loaded, macros are dropped."""
    try:
        return load_workbook(
            io.BytesIO(data), read_only=True, data_only=values, keep_links=False, keep_vba=False
        )
    except Exception:  # any failure to parse gets the same answer
        raise ImportRefused(
            status=415,
            message=_(
                "The workbook could not be read: it may be damaged or protected by a password. "
                "Save it again in the .xlsx format, without a password."
            ),
        ) from None


def _column_name(index: int, header: str) -> str:
    return f"{get_column_letter(index)} · {header}"


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _find_sheet(workbook, lookup: dict[str, str]):
    """The sheet of projects: the one named so (in either language), else the first whose first
    row holds the reference and a title column."""
    names = set()
    for lang in LANGUAGES:
        with in_language(lang):
            names.add(_key(_sheet_name(SHEET_PROJECTS)))
    names.add(_key("Projects"))
    worksheets = [ws for ws in workbook.worksheets if hasattr(ws, "iter_rows")]
    ordered = sorted(worksheets, key=lambda ws: _key(ws.title) not in names)
    for sheet in ordered:
        header = _header_row(sheet)
        fields = {lookup.get(_key(v)) for v in header if not _is_blank(v)}
        if "reference" in fields and fields & {"title_ar", "title_fr"}:
            return sheet, header
    raise ImportRefused(
        status=422,
        message=_(
            "The workbook has no sheet of projects with the template's columns: use the file "
            "downloaded from this page."
        ),
    )


def _header_row(sheet) -> list:
    for row in sheet.iter_rows(min_row=1, max_row=1, max_col=MAX_COLUMNS, values_only=True):
        return list(row)
    return []


def _map_header(header: list, lookup: dict[str, str]) -> tuple[dict[int, str], list[Problem]]:
    """{column index (1-based): field} and the problems of the header row."""
    columns, seen, problems = {}, {}, []
    for index, title in enumerate(header, start=1):
        if _is_blank(title):
            continue
        name = lookup.get(_key(title))
        if name is None:
            problems.append(
                Problem(
                    1,
                    _column_name(index, str(title)),
                    index=index,
                    message=_(
                        "Unknown column “%(name)s”: give it back the title of the template's "
                        "column, or remove it (its content would be lost).",
                        name=str(title),
                    ),
                )
            )
        elif name in seen:
            problems.append(
                Problem(
                    1,
                    _column_name(index, str(title)),
                    index=index,
                    message=_(
                        "The column “%(name)s” appears twice (also in column %(other)s).",
                        name=str(title),
                        other=get_column_letter(seen[name]),
                    ),
                )
            )
        else:
            columns[index], seen[name] = name, index
    return columns, problems


_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s/>]")


def _has_formulas(data: bytes) -> bool:
    """Whether any worksheet of the (already checked) ZIP holds a formula element: when none
    does, the second reading of the sheet can be skipped."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for member in archive.infolist():
            name = member.filename
            is_sheet = name.startswith("xl/worksheets/") and name.endswith(".xml")
            if is_sheet and _FORMULA_ELEMENT.search(archive.read(member)):
                return True
    return False


def _formula_cells(data: bytes, title: str, columns: dict[int, str]) -> set[tuple[int, int]]:
    """(row, column) of the cells of the sheet that hold a formula."""
    if not _has_formulas(data):
        return set()
    workbook = _open(data, values=False)
    try:
        sheet = workbook[title]
        found = set()
        for number, row in enumerate(sheet.iter_rows(min_row=2, max_col=max(columns)), start=2):
            for index, cell in enumerate(row, start=1):
                if getattr(cell, "data_type", None) == "f":
                    found.add((number, index))
        return found
    finally:
        workbook.close()


def read_sheet(data: bytes) -> tuple[list[SheetRow], dict[str, int], list[Problem]]:
    """The rows of the projects sheet, the {field: column index} found, and every problem of
    the header and of the cells (values that cannot be read)."""
    lookup = _header_lookup()
    workbook = _open(data, values=True)
    try:
        sheet, header = _find_sheet(workbook, lookup)
        columns, problems = _map_header(header, lookup)
        title = sheet.title
        formulas = _formula_cells(data, title, columns)
        rows = list(_read_rows(sheet, columns, formulas, problems))
    finally:
        workbook.close()
    return rows, {name: index for index, name in columns.items()}, problems


def _read_rows(sheet, columns, formulas, problems) -> Iterator[SheetRow]:
    """Read-only sheets give every row from `min_row` on, each padded from column 1 with empty
    cells, so positions give the row and column numbers."""
    reader = _CellReader()
    count = 0
    for number, cells in enumerate(sheet.iter_rows(min_row=2, max_col=max(columns)), start=2):
        by_field = {
            columns[index]: (index, cell.value, getattr(cell, "data_type", None), cell)
            for index, cell in enumerate(cells, start=1)
            if index in columns
        }
        if all(
            _is_blank(value) and (number, index) not in formulas
            for name, (index, value, _type, _cell) in by_field.items()
            if name != "version"
        ):
            continue  # blank, or only the hidden version left: the row was emptied
        count += 1
        if count > MAX_PROJECT_ROWS:
            raise ImportRefused(
                status=422,
                message=_(
                    "The file holds more than %(max)d projects: split it into several files.",
                    max=MAX_PROJECT_ROWS,
                ),
            )
        row = SheetRow(number=number, reference=None, version=None)
        for name, (index, value, data_type, cell) in by_field.items():
            try:
                value = reader.read(name, value, data_type, cell, (number, index) in formulas)
            except CellError as error:
                header = column_header(COLUMN_BY_FIELD[name])
                problems.append(Problem(number, _column_name(index, header), error.message, index))
                continue
            if name == "reference":
                row.reference = value
            elif name == "version":
                row.version = value
            else:
                row.data[name] = value
        yield row


class CellError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _CellReader:
    """Turns a cell into the value the web form would have produced, or raises CellError."""

    def __init__(self):
        self.lookups = {name: _value_lookup(enum_cls) for name, enum_cls in ENUM_FIELDS.items()}
        self.technologies = _value_lookup(Technology)

    def read(self, name: str, value, data_type, cell, is_formula: bool):
        if data_type == "e":
            raise CellError(
                _("This cell shows an error (%(error)s): type the value itself.", error=value)
            )
        if is_formula and value is None:
            raise CellError(
                _("This cell holds a formula without a computed value: type the value itself.")
            )
        kind = COLUMN_BY_FIELD[name].kind
        return getattr(self, f"_{kind}")(name, value, cell)

    def _reference(self, name, value, cell):
        text = _as_text(value).upper()
        return text or None

    def _version(self, name, value, cell):
        return value

    def _text(self, name, value, cell):
        return _as_text(value)

    def _enum(self, name, value, cell):
        if _is_blank(value):
            return None
        member = self.lookups[name].get(_key(value))
        if member is None:
            raise CellError(
                _("“%(value)s” is not one of the values of the list.", value=_as_text(value))
            )
        return member.value

    def _technologies(self, name, value, cell):
        if _is_blank(value):
            return []
        chosen = []
        for item in TECHNOLOGY_SEPARATORS.split(_as_text(value)):
            if not item.strip():
                continue
            member = self.technologies.get(_key(item))
            if member is None:
                raise CellError(
                    _(
                        "“%(value)s” is not one of the technologies of the list.",
                        value=item.strip(),
                    )
                )
            if member.value not in chosen:
                chosen.append(member.value)
        return chosen

    def _progress(self, name, value, cell):
        if _is_blank(value):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if "%" in (getattr(cell, "number_format", None) or ""):
                value = round(value * 100, 6)
            if float(value).is_integer():
                return int(value)
        elif isinstance(value, str):
            try:
                return parse_whole_number(value.strip().rstrip("%").strip())
            except ValueError:
                pass
        raise CellError(_("The progress is a whole number from 0 to 100."))

    def _date(self, name, value, cell):
        if _is_blank(value):
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 2958466:
            return from_excel(value).date()
        if isinstance(value, str):
            try:  # the first ten characters: a date typed with a time keeps its date
                return parse_date(latin_digits(value).strip()[:10])
            except ValueError:
                pass
        raise CellError(_("Enter a valid date (day/month/year)."))

    def _amount(self, name, value, cell):
        if _is_blank(value):
            return None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if value < 0:
                raise CellError(_("The budget is a whole amount in dinars, zero or more."))
            if float(value).is_integer():
                return int(value)
        elif isinstance(value, str):
            try:
                return parse_whole_number(value)
            except ValueError as error:
                if str(error) == "negative":
                    raise CellError(
                        _("The budget is a whole amount in dinars, zero or more.")
                    ) from None
        raise CellError(_("Enter the budget as a whole amount in dinars, for example 1 250 000."))


def _as_text(value) -> str:
    """A cell as text: strings trimmed, whole numbers without '.0', dates as day/month/year."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return fmt_date(value)
    return str(value).replace("\r\n", "\n").strip()


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


def _lock(plan: Plan) -> Plan:
    """The plan re-read under a row lock (PostgreSQL; SQLite writers hold the database lock),
    so that a concurrent edit, send or return waits until the import is committed."""
    return db.session.scalars(
        db.select(Plan)
        .where(Plan.id == plan.id)
        .with_for_update(of=Plan)
        .execution_options(populate_existing=True)
    ).one()


def import_workbook(plan: Plan, data: bytes, filename: str, actor) -> ImportResult:
    """Check the uploaded file and write every row of it to the plan, or nothing.

    Raises ImportRefused (with the problems, row by row) when anything is wrong; the session
    holds part of the import: the route discards it. On success the request commits.
    """
    check_upload(data, filename)
    plan = _lock(plan)
    try:
        ensure_editable(plan, actor)
    except Refusal as error:
        raise ImportRefused(status=error.status, message=error.message) from None
    rows, columns, problems = read_sheet(data)
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
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][:200]
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
