"""Hostile .xlsx files for the upload tests (tests/security/test_uploads.py) and for measuring
what one costs a worker (`python -m tests.security.hostile_workbooks`, which prints the CPU
time, the peak of Python allocations and the growth of the process of reading each one).

Each is a real workbook (written by openpyxl: a Projects sheet whose header row the importer
recognises, one project row) with one part made hostile, so that nothing but that part stops
it early.
"""

import io
import struct
import zipfile

from openpyxl import Workbook

SHEET = "xl/worksheets/sheet1.xml"
HEADER = ("Référence", "Titre en français")


def base_parts() -> dict[str, bytes]:
    """The parts of a small valid questionnaire, {name: content}."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Projets"
    sheet.append(HEADER)
    sheet.append([None, "Projet"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def to_zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _sheet(rows: bytes, prolog: bytes = b"", dimension: bytes = b"A1:B2") -> bytes:
    return (
        prolog + b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="' + dimension + b'"/><sheetData>'
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>R\xc3\xa9f\xc3\xa9rence</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Titre en fran\xc3\xa7ais</t></is></c></row>'
        + rows
        + b"</sheetData></worksheet>"
    )


def _with_sheet(sheet: bytes) -> bytes:
    return to_zip({**base_parts(), SHEET: sheet})


def valid() -> bytes:
    return _with_sheet(_sheet(b'<row r="2"><c r="B2" t="inlineStr"><is><t>P</t></is></c></row>'))


def _find_header(data: bytearray, signature: bytes, fixed: int, name: bytes) -> int:
    """Where the local (PK 3 4) or central (PK 1 2) header of the member `name` starts."""
    start = 0
    while (start := data.find(signature, start)) != -1:
        if data[start + fixed : start + fixed + len(name)] == name:
            return start
        start += 4
    raise ValueError(name)


def _padded_sheet(mib: int, declared: int | None) -> bytes:
    """A workbook whose sheet holds `mib` MiB of spaces between its rows (well-formed XML,
    deflated about 1000 to 1), its headers saying it inflates to `declared` bytes (None: the
    truth)."""
    sheet = _sheet(b'<row r="2"><c r="B2" t="inlineStr"><is><t>P</t></is></c></row>')
    middle = sheet.index(b"</sheetData>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in base_parts().items():
            if name != SHEET:
                archive.writestr(name, content)
        with archive.open(SHEET, "w") as member:
            member.write(sheet[:middle])
            chunk = b" " * (1024 * 1024)
            for _ in range(mib):
                member.write(chunk)
            member.write(sheet[middle:])
    data = bytearray(buffer.getvalue())
    if declared is not None:
        for signature, fixed, at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
            start = _find_header(data, signature, fixed, SHEET.encode())
            struct.pack_into("<I", data, start + at, declared)
    return bytes(data)


def lying_member(real_mib: int = 120, declared: int = 64 * 1024) -> bytes:
    """The sheet says it is `declared` bytes but inflates to `real_mib` MiB: enough for its
    first rows to be read as they should, not for the whole."""
    return _padded_sheet(real_mib, declared)


def zip_bomb(real_mib: int = 120) -> bytes:
    """An honest bomb: the headers say what the sheet inflates to."""
    return _padded_sheet(real_mib, None)


def huge_row(number: int = 1_048_576) -> bytes:
    """One project on row `number`, as a spreadsheet program writes it (its dimension too:
    openpyxl then walks every row before it)."""
    row = f'<row r="{number}"><c r="B{number}" t="inlineStr"><is><t>P</t></is></c></row>'
    return _with_sheet(_sheet(row.encode(), dimension=f"A1:B{number}".encode()))


def huge_dimension(number: int = 5_000_000) -> bytes:
    """A sheet whose dimension claims `number` rows and 16,384 columns; two rows in fact."""
    row = b'<row r="2"><c r="B2" t="inlineStr"><is><t>P</t></is></c></row>'
    return _with_sheet(_sheet(row, dimension=f"A1:XFD{number}".encode()))


def external_entity() -> bytes:
    prolog = b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    row = b'<row r="2"><c r="B2" t="inlineStr"><is><t>&e;</t></is></c></row>'
    return _with_sheet(_sheet(row, prolog=prolog))


def billion_laughs() -> bytes:
    entities = [b'<!ENTITY l0 "lol">']
    for level in range(1, 10):
        refs = b"".join(b"&l%d;" % (level - 1) for _ in range(10))
        entities.append(b'<!ENTITY l%d "%s">' % (level, refs))
    prolog = b'<?xml version="1.0"?><!DOCTYPE w [' + b"".join(entities) + b"]>"
    row = b'<row r="2"><c r="B2" t="inlineStr"><is><t>&l9;</t></is></c></row>'
    return _with_sheet(_sheet(row, prolog=prolog))


def bad_crc() -> bytes:
    """The sheet's checksum is wrong (in both headers)."""
    data = bytearray(valid())
    name = SHEET.encode()
    for signature, fixed, at in ((b"PK\x03\x04", 30, 14), (b"PK\x01\x02", 46, 16)):
        start = _find_header(data, signature, fixed, name)
        (crc,) = struct.unpack("<I", data[start + at : start + at + 4])
        struct.pack_into("<I", data, start + at, crc ^ 0xFFFFFFFF)
    return bytes(data)


COLUMNS_C_TO_L = [bytes([letter]) for letter in b"CDEFGHIJKL"]


def many_cells(count: int = 60_000) -> bytes:
    """Cells on every row down to 6,000, ten to a row (openpyxl reads ~35,000 a second)."""
    rows = b"".join(
        b'<row r="%d">' % row
        + b"".join(b'<c r="%s%d"><v>1</v></c>' % (column, row) for column in COLUMNS_C_TO_L)
        + b"</row>"
        for row in range(2, count // 10 + 2)
    )
    return _with_sheet(_sheet(rows, dimension=b"A1:L%d" % (count // 10 + 1)))


def many_elements(count: int = 400_000) -> bytes:
    """A style sheet of `count` cell formats (openpyxl builds an object for each)."""
    xfs = b"<xf/>" * count
    styles = (
        b'<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<cellXfs count="%d">%s</cellXfs></styleSheet>' % (count, xfs)
    )
    return to_zip({**base_parts(), "xl/styles.xml": styles})


def long_tag(attributes: int = 300_000) -> bytes:
    """One cell with `attributes` attributes (an XML parser builds a dictionary of them)."""
    names = b" ".join(b'a%d=""' % number for number in range(attributes))
    row = b'<row r="2"><c r="B2" ' + names + b' t="inlineStr"><is><t>P</t></is></c></row>'
    return _with_sheet(_sheet(row))


def other_compression() -> bytes:
    """The sheet compressed with bzip2, which zipfile reads without a bound on the output."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in base_parts().items():
            compression = zipfile.ZIP_BZIP2 if name == SHEET else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return buffer.getvalue()


def utf32_part() -> bytes:
    """A sheet in UTF-32, which expat cannot read (and lxml can)."""
    declaration = '<?xml version="1.0" encoding="UTF-32"?>'
    sheet = declaration + _sheet(b"").decode()
    return to_zip({**base_parts(), SHEET: sheet.encode("utf-32")})


def at_the_bounds(headers: list[str], rows: int = 500, size: int = 9_800_000) -> bytes:
    """Not hostile: the costliest file the checks let through, `rows` projects whose cells
    hold Arabic text written as openpyxl writes it (&#NNNN; for each letter), `size` bytes of
    sheet in all, under `headers` (column titles of the template; the first column, the
    reference, left empty)."""
    from openpyxl.utils import get_column_letter

    letters = [get_column_letter(index).encode() for index in range(1, len(headers) + 1)]
    per_cell = size // (rows * (len(headers) - 1))
    text = b"&#1605;" * (per_cell // 7)
    lines = [
        b'<row r="1">'
        + b"".join(
            b'<c r="%s1" t="inlineStr"><is><t>%s</t></is></c>' % (letter, title.encode())
            for letter, title in zip(letters, headers, strict=True)
        )
        + b"</row>"
    ]
    for row in range(2, rows + 2):
        cells = b"".join(
            b'<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>' % (letter, row, text)
            for letter in letters[1:]
        )
        lines.append(b'<row r="%d">%s</row>' % (row, cells))
    dimension = b"A1:%s%d" % (letters[-1], rows + 1)
    body = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<dimension ref="' + dimension + b'"/><sheetData>' + b"".join(lines)
    )
    return to_zip({**base_parts(), SHEET: body + b"</sheetData></worksheet>"})


def unknown_zip_version() -> bytes:
    """A central directory asking for a ZIP version Python does not read (NotImplementedError
    out of zipfile.ZipFile itself)."""
    data = bytearray(valid())
    start = _find_header(data, b"PK\x01\x02", 46, SHEET.encode())
    data[start + 6] = 100  # version needed to extract: 10.0
    return bytes(data)


HOSTILE = {
    "lying-member-size": lying_member,
    "zip-bomb": zip_bomb,
    "huge-row-1048576": lambda: huge_row(1_048_576),
    "huge-row-5000000": lambda: huge_row(5_000_000),
    "huge-dimension": huge_dimension,
    "external-entity": external_entity,
    "billion-laughs": billion_laughs,
    "bad-crc": bad_crc,
    "many-cells": many_cells,
    "many-elements": many_elements,
    "long-tag": long_tag,
    "bzip2-member": other_compression,
    "utf-32-part": utf32_part,
    "unknown-zip-version": unknown_zip_version,
}


# --- measuring (python -m tests.security.hostile_workbooks) --------------------------------------


def _outcome(data: bytes) -> str:
    from digiweb.plans.spreadsheet import check_upload, read_sheet

    try:
        rows = read_sheet(check_upload(data, "hostile.xlsx"))[0]
    except Exception as error:  # what happened is the measurement
        return f"{type(error).__name__} {getattr(error, 'status', '')} {error}"[:90]
    return f"read: {len(rows)} rows"


def _measure(name: str) -> None:
    import resource
    import time
    import tracemalloc

    from digiweb import create_app

    data = HOSTILE[name]()
    app = create_app({"SQLALCHEMY_DATABASE_URI": "sqlite://", "TESTING": True})
    with app.test_request_context("/?lang=fr"):
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        cpu = time.process_time()
        outcome = _outcome(data)
        cpu = time.process_time() - cpu
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
        peak = float("nan")
        if cpu < 5:  # tracing slows a long run down tenfold
            tracemalloc.start()
            _outcome(data)
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
    print(
        f"{name:20} {len(data) / 1024:8.0f} KiB  cpu {cpu:6.2f} s  python peak "
        f"{peak / 2**20:7.1f} MiB  process +{rss / 1024:7.1f} MiB  {outcome}"
    )


if __name__ == "__main__":
    import subprocess
    import sys

    if len(sys.argv) > 1:
        _measure(sys.argv[1])
    else:
        for case in HOSTILE:
            subprocess.run([sys.executable, "-m", "tests.security.hostile_workbooks", case])
