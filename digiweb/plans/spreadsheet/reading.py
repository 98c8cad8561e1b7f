"""Reading an upload: the checks on the file, and its rows parsed as the web form would.

The upload is checked before openpyxl sees it (`digiweb.plans.spreadsheet.upload`: every part
inflated and parsed under running bounds), then read in read-only mode, with cached values
(`data_only`): formulas are never computed here, and a formula whose value the
spreadsheet program never computed is refused rather than read as an empty cell. Columns are
recognised by their titles in either language (or the field's code), values of the lists by
their label in either language or their code.
"""

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel

from digiweb.errors import Refusal
from digiweb.i18n import (
    LANGUAGES,
    clean_text,
    control_character_problem,
    fmt_date,
    latin_digits,
    parse_date,
)
from digiweb.plans.models import Technology
from digiweb.plans.services import ENUM_FIELDS, parse_whole_number
from digiweb.plans.spreadsheet.columns import (
    COLUMN_BY_FIELD,
    COLUMNS,
    MAX_PROJECT_ROWS,
    SHEET_PROJECTS,
    _header_lookup,
    _key,
    _sheet_name,
    _value_lookup,
    choice_lookup,
    column_header,
    in_language,
)
from digiweb.projects.schema import BY_NAME

MAX_COLUMNS = 60  # columns of the header row read; the template has 28
TECHNOLOGY_SEPARATORS = re.compile(r"[,;،؛\n]+")
# The report lists at most this many problems: the reading stops there (a file that is wrong
# everywhere costs no more than a few rows of it).
MAX_PROBLEMS = 100


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


def _open(data: bytes):
    """openpyxl in read-only mode, with the cached values of formulas. External links are not
    loaded, macros are dropped."""
    try:
        return load_workbook(
            io.BytesIO(data), read_only=True, data_only=True, keep_links=False, keep_vba=False
        )
    except Exception:  # any failure to parse gets the same answer
        raise _unreadable() from None


def _unreadable() -> ImportRefused:
    return ImportRefused(
        status=415,
        message=_(
            "The workbook could not be read: it may be damaged or protected by a password. "
            "Save it again in the .xlsx format, without a password."
        ),
    )


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


def read_sheet(upload) -> tuple[list[SheetRow], dict[str, int], list[Problem]]:
    """The rows of the projects sheet of a checked upload (`upload.CheckedUpload`), the {field:
    column index} found, and every problem of the header and of the cells (values that cannot
    be read). The file passed its checks, but openpyxl may still fail on what it finds in it:
    any such failure is the same refusal as a file that cannot be opened."""
    lookup = _header_lookup()
    workbook = _open(upload.data)
    try:
        sheet, header = _find_sheet(workbook, lookup)
        columns, problems = _map_header(header, lookup)
        # the cells holding a formula, noted while the upload was checked, by part
        formulas = upload.formulas.get(sheet._worksheet_path, set())
        rows = list(_read_rows(sheet, columns, formulas, problems))
    except ImportRefused:
        raise
    except Exception:  # anything openpyxl could not make sense of
        raise _unreadable() from None
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
        if len(problems) >= MAX_PROBLEMS:
            message = _(
                "The file was read up to this row only: correct the %(count)d problems listed, "
                "then import it again to see whether others remain.",
                count=len(problems),
            )
            raise ImportRefused([*problems, Problem(number, "", message)])
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
        self.choices = {
            c.field: choice_lookup(c) for c in COLUMNS if c.kind in ("level", "boolean")
        }

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
        text = _checked_text(value, multiline=False).upper()
        return text or None

    def _version(self, name, value, cell):
        return value

    def _text(self, name, value, cell):
        return _checked_text(value, multiline=BY_NAME[name].kind == "longtext")

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

    def _level(self, name, value, cell):
        return self._choice(name, value)

    def _boolean(self, name, value, cell):
        if isinstance(value, bool):
            return value
        return self._choice(name, value)

    def _choice(self, name, value):
        """A level (its label or number) or a yes/no answer, in either language."""
        if _is_blank(value):
            return None
        found = self.choices[name].get(_key(_as_text(value)))
        if found is None:
            raise CellError(
                _("“%(value)s” is not one of the values of the list.", value=_as_text(value))
            )
        return found

    def _count(self, name, value, cell):
        return self._whole(value, 10**12, _("A whole number, zero or more."))

    def _percent(self, name, value, cell):
        if isinstance(value, float) and "%" in (getattr(cell, "number_format", None) or ""):
            value = round(value * 100, 6)
        if isinstance(value, str):
            value = value.strip().rstrip("%").strip()
        return self._whole(value, 100, _("A share in percent: a whole number from 0 to 100."))

    def _whole(self, value, maximum: int, message: str):
        if _is_blank(value):
            return None
        number = None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if float(value).is_integer():
                number = int(value)
        elif isinstance(value, str):
            try:
                number = parse_whole_number(value)
            except ValueError:
                number = None
        if number is None or not 0 <= number <= maximum:
            raise CellError(message)
        return number

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


def _checked_text(value, multiline: bool) -> str:
    """A cell's text cleaned as the web form cleans it (digiweb.i18n.clean_text); a control
    character in it is the cell's problem, as it would be the field's."""
    text = clean_text(_as_text(value), multiline=multiline).strip()
    problem = control_character_problem(text)
    if problem:
        raise CellError(problem)
    return text


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
