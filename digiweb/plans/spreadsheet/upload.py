"""The checks on an uploaded workbook before openpyxl reads a byte of it.

An .xlsx is a ZIP of XML parts, and both layers can be hostile: a part may inflate to
gigabytes whatever its headers say, a sheet may put one cell on row 5,000,000 (openpyxl then
walks every row before it), an XML part may declare entities (external files, or a "billion
laughs" expansion). So every part is inflated here, in chunks, under running bounds that count
what actually comes out, never what the archive declares:

- bytes: MAX_UNCOMPRESSED_BYTES for the whole workbook (a checksum that fails is a damaged file);
- XML, parsed as it is inflated by expat with every document type declaration refused (no
  entities, no external anything): MAX_XML_ELEMENTS elements for the whole workbook, no tag
  longer than MAX_TAG_BYTES (so that no element carries a million attributes);
- in each worksheet (recognised by its root element, whatever the part is called): row numbers
  up to MAX_SHEET_ROWS, columns up to Excel's 16,384, MAX_SHEET_CELLS cells, the same bounds on
  the `<dimension>` it declares; the cells holding a formula are noted on the way.

openpyxl is then given a new ZIP of the parts exactly as they were checked, stored without
compression (`CheckedUpload.data`), so it can only read what passed. Every refusal is an
`ImportRefused` with a translated message: 413 for what is too large, 415 for what is not a
readable workbook, 422 for a sheet beyond the questionnaire's bounds.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from xml.parsers import expat

from flask_babel import gettext as _

from digiweb.i18n import fmt_number
from digiweb.plans.spreadsheet.columns import (
    COLUMNS,
    MAX_PROJECT_ROWS,
    MAX_UPLOAD_BYTES,
    file_size_label,
)
from digiweb.plans.spreadsheet.reading import ImportRefused
from digiweb.plans.spreadsheet.reading import _unreadable as unreadable

# The bounds keep the reading of any file that passes them (this check, then openpyxl) within
# about 1.5 s of CPU and 25 MB (tests/security/test_uploads.py builds such a file): openpyxl
# reads about 7 MB of sheet and 35,000 cells a second, and pads every row number it skips.
#
# What the parts of the ZIP may expand to, together (a 2 MiB upload could otherwise be a ZIP
# bomb). A questionnaire as digiweb writes it takes about 120 KB per project whose every text
# is at its longest in Arabic (openpyxl writes each Arabic letter as a 7-byte &#NNNN;), about
# 35 KB once saved again by a spreadsheet program: 80 to 280 such projects a file.
MAX_UNCOMPRESSED_BYTES = 10 * 1024 * 1024
MAX_ZIP_MEMBERS = 250
# Elements of all the XML parts together: a full questionnaire has about 60,000; expat counts
# a million in about 1.3 s of CPU.
MAX_XML_ELEMENTS = 200_000
# A start tag (or a text between two tags) longer than this is no spreadsheet's: a cell holds
# at most 32,767 characters, a questionnaire's at most 4,000.
MAX_TAG_BYTES = 256 * 1024
# One worksheet: row numbers, and cells (the questionnaire's rows and columns, and a margin
# for a few more columns).
MAX_SHEET_ROWS = 10_000
MAX_SHEET_CELLS = (MAX_PROJECT_ROWS + 1) * (len(COLUMNS) + 4)
MAX_SHEET_COLUMNS = 16_384  # Excel's last column, XFD
CHUNK_BYTES = 64 * 1024

# Parts that are not XML (pictures, embedded binaries) and legacy VML, which Excel does not
# always write as well-formed XML: parsed too, but a parse error there only ends the parsing
# (openpyxl never reads them as XML); a document type declaration is refused all the same.
NOT_XML_SUFFIXES = (
    ".png", ".jpeg", ".jpg", ".jpe", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf",
    ".emz", ".wmz", ".wdp", ".jxr", ".ico", ".pict", ".bin", ".odttf", ".vml", ".sigs",
)  # fmt: skip

_CELL_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{0,7})")


@dataclass
class CheckedUpload:
    """A workbook that passed: its parts in a new ZIP, stored, for openpyxl; the (row, column)
    of the cells holding a formula, by part."""

    data: bytes
    formulas: dict[str, set[tuple[int, int]]] = field(default_factory=dict)


class _Refused(Exception):
    """Raised from inside the XML parser's callbacks; turned into an ImportRefused."""

    def __init__(self, refusal: ImportRefused):
        super().__init__(refusal.message)
        self.refusal = refusal


def _too_large() -> ImportRefused:
    return ImportRefused(
        status=413,
        message=_(
            "The workbook is larger than %(size)s once decompressed: split its projects into "
            "several files and import them one after the other (a project left out of a file "
            "is not changed).",
            size=file_size_label(MAX_UNCOMPRESSED_BYTES),
        ),
    )


def _too_complex() -> ImportRefused:
    return ImportRefused(
        status=413,
        message=_(
            "The workbook holds more than %(count)s elements: it cannot be a questionnaire of "
            "digiweb. Copy your projects into a freshly downloaded questionnaire.",
            count=fmt_number(MAX_XML_ELEMENTS),
        ),
    )


def _row_too_far(row: int) -> ImportRefused:
    return ImportRefused(
        status=422,
        message=_(
            "A sheet of the workbook goes down to row %(row)s, and a questionnaire stops at row "
            "%(max)s: delete the rows below your projects (select them, then Delete rows) and "
            "import the file again.",
            row=fmt_number(row),
            max=fmt_number(MAX_SHEET_ROWS),
        ),
    )


def _too_many_cells() -> ImportRefused:
    return ImportRefused(
        status=422,
        message=_(
            "A sheet of the workbook holds more than %(max)s cells: delete the rows and columns "
            "that are not part of the questionnaire and import the file again.",
            max=fmt_number(MAX_SHEET_CELLS),
        ),
    )


def _not_a_workbook() -> ImportRefused:
    return ImportRefused(
        status=415,
        message=_(
            "This file is not an .xlsx workbook (it may be a CSV, a PDF or an old .xls file "
            "renamed): save it in the .xlsx format and import it again."
        ),
    )


def check_upload(data: bytes, filename: str) -> CheckedUpload:
    """Size, extension and content of the upload (ImportRefused with 413/415/422); what passed,
    ready for openpyxl."""
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
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # whatever a hostile central directory makes zipfile raise
        raise _not_a_workbook() from None
    with archive:
        members = [member for member in archive.infolist() if not member.is_dir()]
        names = [member.filename for member in members]
        if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
            raise _not_a_workbook()
        if len(members) > MAX_ZIP_MEMBERS:
            raise _too_large()
        if sum(member.file_size for member in members) > MAX_UNCOMPRESSED_BYTES:
            raise _too_large()  # what the archive admits to already says no
        if len(set(names)) != len(names):
            raise unreadable()
        budget = _Budget()
        parts, formulas = {}, {}
        for member in members:
            parts[member.filename], found = _inflate(archive, member, budget)
            if found:
                formulas[member.filename] = found
    return CheckedUpload(_stored_zip(parts), formulas)


def _stored_zip(parts: dict[str, bytes]) -> bytes:
    """The parts in a new ZIP without compression (each part let go once written)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for name in list(parts):
            archive.writestr(name, parts.pop(name))
    return buffer.getvalue()


class _Budget:
    """What the whole workbook may still inflate to, in bytes and XML elements."""

    def __init__(self):
        self.bytes = MAX_UNCOMPRESSED_BYTES
        self.elements = MAX_XML_ELEMENTS


def _inflate(archive: zipfile.ZipFile, member: zipfile.ZipInfo, budget: _Budget):
    """The part's bytes, inflated chunk by chunk under the budget and parsed as they come;
    the cells holding a formula when it is a worksheet."""
    encrypted = member.flag_bits & 0x1
    if encrypted or member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise unreadable()  # a password, or a compression no spreadsheet program writes
    tolerant = member.filename.lower().endswith(NOT_XML_SUFFIXES)
    part = _XmlPart(budget, tolerant)
    chunks = []
    try:
        with archive.open(member) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                budget.bytes -= len(chunk)
                if budget.bytes < 0:
                    raise _too_large()
                chunks.append(chunk)
                part.feed(chunk)
        part.close()
    except _Refused as refused:
        raise refused.refusal from None
    except ImportRefused:
        raise
    except Exception:  # a checksum, a header or a deflate stream that does not hold
        raise unreadable() from None
    return b"".join(chunks), part.formulas


class _XmlPart:
    """One part parsed by expat as it is inflated, under the workbook's budget."""

    def __init__(self, budget: _Budget, tolerant: bool):
        self.budget = budget
        self.tolerant = tolerant
        self.parser = expat.ParserCreate()
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self._declaration
        self.parser.EntityDeclHandler = self._declaration
        self.parser.StartElementHandler = self._root
        self.broken = False  # a part that is not XML (tolerant parts only)
        self.run = 0  # bytes since the last ">"
        # worksheets
        self.row = 0
        self.column = 0
        self.cells = 0
        self.formulas: set[tuple[int, int]] = set()

    def feed(self, chunk: bytes, final: bool = False) -> None:
        first = chunk.find(b">")
        if first == -1:
            self.run += len(chunk)
        else:  # runs inside one chunk are shorter than the chunk, itself far below the bound
            self.run += first
            if self.run <= MAX_TAG_BYTES:
                self.run = len(chunk) - chunk.rfind(b">") - 1
        if self.run > MAX_TAG_BYTES and not self.broken:
            if not self.tolerant:
                raise unreadable()
            self.broken = True
        if self.broken:
            return
        try:
            self.parser.Parse(chunk, final)
        except expat.ExpatError:
            if not self.tolerant:
                raise unreadable() from None
            self.broken = True

    def close(self) -> None:
        self.feed(b"", final=True)

    # --- callbacks -------------------------------------------------------------------------

    def _declaration(self, *_args) -> None:
        raise _Refused(unreadable())  # no spreadsheet program writes a DOCTYPE or an entity

    def _count(self) -> None:
        self.budget.elements -= 1
        if self.budget.elements < 0:
            raise _Refused(_too_complex())

    def _root(self, name: str, attrs: dict) -> None:
        self._count()
        worksheet = name.rpartition(":")[2] == "worksheet"
        self.parser.StartElementHandler = self._sheet_element if worksheet else self._element

    def _element(self, name: str, attrs: dict) -> None:
        self._count()

    def _sheet_element(self, name: str, attrs: dict) -> None:
        self._count()
        local = name.rpartition(":")[2]
        if local == "c":
            self.cells += 1
            if self.cells > MAX_SHEET_CELLS:
                raise _Refused(_too_many_cells())
            reference = attrs.get("r")
            self.column = _reference(reference)[1] if reference else self.column + 1
            if self.column > MAX_SHEET_COLUMNS:
                raise _Refused(unreadable())
        elif local == "row":
            number = attrs.get("r")
            self.row = _whole(number) if number else self.row + 1
            if self.row > MAX_SHEET_ROWS:
                raise _Refused(_row_too_far(self.row))
            self.column = 0
        elif local == "f":
            self.formulas.add((self.row, self.column))
        elif local == "dimension":
            for reference in (attrs.get("ref") or "A1").split(":"):
                row, column = _reference(reference)
                if row > MAX_SHEET_ROWS:
                    raise _Refused(_row_too_far(row))
                if column > MAX_SHEET_COLUMNS:
                    raise _Refused(unreadable())


def _whole(text: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 8):
        raise _Refused(unreadable())
    return int(text)


def _reference(text: str) -> tuple[int, int]:
    """(row, column) of a cell reference such as "AB12" (row 0 for a column alone)."""
    match = _CELL_REFERENCE.fullmatch(text.strip())
    if match is None:
        raise _Refused(unreadable())
    column = 0
    for letter in match.group(1).upper():
        column = column * 26 + ord(letter) - 64
    return int(match.group(2) or 0), column
