"""The plan's questionnaire as a spreadsheet (.xlsx): the pre-filled template an officer
downloads, fills in offline and uploads again, and the importer that checks every row and saves
all of it to the plan or nothing.

Pure functions around openpyxl and the plan services, no routes (those are in
`digiweb.plans.spreadsheet_routes`):

- `columns`: the columns (one per field of `digiweb.projects.schema`), their titles and
  descriptions in either language, the limits of the file;
- `template`: building the downloadable workbook and its instructions;
- `upload`: the checks on the uploaded file, every part inflated and parsed under bounds;
- `reading`: its rows read as the web form would;
- `importing`: the rows checked against the plan, then all written or nothing.

The names other modules and the tests use are importable from here.
"""

from digiweb.plans.spreadsheet.columns import (
    COLUMN_BY_FIELD,
    COLUMNS,
    DESCRIPTIONS,
    MAX_PROJECT_ROWS,
    MAX_UPLOAD_BYTES,
    XLSX_MIMETYPE,
    Column,
    _header_lookup,
    _key,
    _value_lookup,
    column_description,
    column_header,
    file_size_label,
    template_filename,
)
from digiweb.plans.spreadsheet.importing import (
    ImportResult,
    check_rows,
    import_workbook,
    result_message,
)
from digiweb.plans.spreadsheet.reading import (
    CellError,
    ImportRefused,
    Problem,
    SheetRow,
    _CellReader,
    read_sheet,
)
from digiweb.plans.spreadsheet.template import build_template, instruction_lines
from digiweb.plans.spreadsheet.upload import CheckedUpload, check_upload

__all__ = [
    "COLUMNS",
    "COLUMN_BY_FIELD",
    "DESCRIPTIONS",
    "MAX_PROJECT_ROWS",
    "MAX_UPLOAD_BYTES",
    "XLSX_MIMETYPE",
    "CellError",
    "CheckedUpload",
    "Column",
    "ImportRefused",
    "ImportResult",
    "Problem",
    "SheetRow",
    "_CellReader",
    "_header_lookup",
    "_key",
    "_value_lookup",
    "build_template",
    "check_rows",
    "check_upload",
    "column_description",
    "column_header",
    "file_size_label",
    "import_workbook",
    "instruction_lines",
    "read_sheet",
    "result_message",
    "template_filename",
]
