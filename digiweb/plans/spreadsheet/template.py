"""The downloadable template: the plan's questionnaire as a pre-filled workbook (.xlsx).

Its "Projects" sheet holds one row per project (its reference, every field, Arabic and French
columns side by side, and a hidden column with the project's version); enumerated fields are
drop-down lists that point at a hidden "Lists" sheet of translated labels; an "Instructions"
sheet explains the file in Arabic and in French.
"""

import io

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from digiweb.db_types import utcnow
from digiweb.i18n import fmt_datetime, language, spreadsheet_text
from digiweb.plans.models import Plan, Project, Technology
from digiweb.plans.services import ENUM_FIELDS, REQUIRED_FOR_SENDING, field_label
from digiweb.plans.spreadsheet.columns import (
    COLUMNS,
    MAX_PROJECT_ROWS,
    SHEET_PROJECTS,
    Column,
    _list_separator,
    _sheet_name,
    choice_labels,
    column_description,
    column_header,
    file_size_label,
    in_language,
)

DATE_FORMAT = "DD/MM/YYYY"
AMOUNT_FORMAT = "#,##0"
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", start_color="0B6B3A")
REQUIRED_FILL = PatternFill("solid", start_color="7A4B00")
REFERENCE_FILL = PatternFill("solid", start_color="EEF2EF")
TITLE_FONT = Font(bold=True, size=14)
HEADING_FONT = Font(bold=True, size=12, color="0B6B3A")

SHEET_INSTRUCTIONS = _l("Instructions")
SHEET_LISTS = _l("Lists")


def _text_cell(cell, value) -> None:
    """A text cell that shows exactly `value`: never read as a formula, no control characters
    (digiweb.i18n.spreadsheet_text), line breaks as spreadsheets store them."""
    value = spreadsheet_text((value or "").replace("\r\n", "\n"))
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
        elif column.kind in ("amount", "count"):
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
            elif column.kind in ("level", "boolean"):
                value = getattr(project, column.field)
                labels = choice_labels(column)
                if value is not None:
                    cell.value = labels[value if column.kind == "level" else (0 if value else 1)]
            elif column.kind in ("count", "percent"):
                cell.value = getattr(project, column.field)
                if column.kind == "count":
                    cell.number_format = AMOUNT_FORMAT


def _write_lists(lists) -> dict[str, str]:
    """One column of translated labels per list (the enums, technologies, each level and the
    yes/no fields); returns {field: absolute range}."""
    ranges = {}
    choices = [
        (name, [member.label for member in enum_cls]) for name, enum_cls in ENUM_FIELDS.items()
    ]
    choices.append(("technologies", [member.label for member in Technology]))
    choices += [
        (column.field, choice_labels(column)) for column in COLUMNS if column.kind == "level"
    ]
    for index, (name, labels) in enumerate(choices, start=1):
        letter = get_column_letter(index)
        lists.column_dimensions[letter].width = 34
        lists.cell(row=1, column=index, value=field_label(name)).font = Font(bold=True)
        for row, label in enumerate(labels, start=2):
            lists.cell(row=row, column=index, value=label)
        ranges[name] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}${len(labels) + 1}"
    # One yes/no list for every yes/no field.
    letter = get_column_letter(len(choices) + 1)
    yes_no = [column for column in COLUMNS if column.kind == "boolean"]
    if yes_no:
        labels = choice_labels(yes_no[0])
        header = lists.cell(row=1, column=len(choices) + 1, value=" / ".join(labels))
        header.font = Font(bold=True)
        for row, label in enumerate(labels, start=2):
            lists.cell(row=row, column=len(choices) + 1, value=label)
        for column in yes_no:
            ranges[column.field] = f"{quote_sheetname(lists.title)}!${letter}$2:${letter}$3"
    return ranges


def _add_validations(sheet, list_ranges: dict[str, str]) -> None:
    """Drop-down lists on the enumerated columns, number and date checks on the others. They
    warn (Excel lets the user go on): the importer, which accepts the label in the other
    language or the code, is the rule."""
    last_row = MAX_PROJECT_ROWS + 1
    for index, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last_row}"
        if column.kind in ("enum", "level", "boolean"):
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
        elif column.kind in ("count", "percent"):
            validation = DataValidation(
                type="whole",
                operator="between",
                formula1="0",
                formula2="100" if column.kind == "percent" else str(10**12),
                allow_blank=True,
                errorStyle="warning",
                error=_("A share in percent: a whole number from 0 to 100.")
                if column.kind == "percent"
                else _("A whole number, zero or more."),
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
