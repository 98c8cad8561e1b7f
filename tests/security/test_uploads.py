"""The questionnaire import (the app's only upload, /plans/<id>/spreadsheet) checked by size,
type and content (ASVS 5.2.1, 5.2.2, 5.2.3): every refusal is a translated 4xx that leaves the
database as it was, never a 500. The detailed content rules (formulas, columns, rows, versions)
are tested in tests/plans/test_spreadsheet.py."""

import html
import io
import struct
import zipfile

import pytest
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan
from tests.test_csrf_everywhere import database_snapshot


def _plan() -> Plan:
    return db.session.scalar(
        db.select(Plan)
        .join(Department)
        .where(Department.code == "MPPH", Plan.campaign.has(year=2021))
    )


def _post(client, data: bytes, name: str = "plan.xlsx", **kw):
    file = FileStorage(io.BytesIO(data), filename=name, content_type="application/octet-stream")
    boundary, body = encode_multipart({"file": file})
    return client.post(
        f"/plans/{_plan().id}/spreadsheet",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        **kw,
    )


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _workbook_parts(sheet: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b"<Types/>",
        "xl/workbook.xml": b"<workbook/>",
        "xl/worksheets/sheet1.xml": sheet,
    }


@pytest.fixture
def officer(demo_app, as_user):
    return lambda lang: as_user("officer-mpph", lang=lang)


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_a_wrong_extension_is_refused_with_415(officer, lang):
    client = officer(lang)
    before = database_snapshot()
    response = _post(client, b"a,b\n1,2\n", name="plan.csv")
    assert response.status_code == 415
    page = response.get_data(as_text=True)
    assert f'lang="{lang}"' in page
    expected = {"fr": "Seuls les fichiers .xlsx", "ar": "لا يمكن استيراد إلا ملفات"}[lang]
    assert expected in page
    assert database_snapshot() == before


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + b"x" * 2000,  # a PDF renamed .xlsx
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000,  # an old .xls (OLE2) renamed
        "Référence;Titre\n2021-MF-001;مشروع\n".encode(),  # a CSV renamed
        b"PK\x03\x04" + b"\0" * 100,  # the start of a zip, then nothing
    ],
    ids=["pdf", "xls", "csv", "truncated-zip"],
)
def test_a_renamed_file_that_is_not_a_workbook_is_refused(officer, data):
    client = officer("fr")
    before = database_snapshot()
    response = _post(client, data)
    assert response.status_code == 415
    assert "n'est pas un classeur .xlsx" in html.unescape(response.get_data(as_text=True))
    assert database_snapshot() == before


@pytest.mark.parametrize("htmx", [False, True])
def test_a_zip_bomb_sheet_is_refused_before_it_is_expanded(officer, htmx):
    """40 MB of zeros compress to about 40 KB: the sizes declared in the archive are checked
    before openpyxl reads a byte of it."""
    data = _zip(_workbook_parts(b"\0" * (40 * 1024 * 1024)))
    assert len(data) < 100_000
    client = officer("fr")
    before = database_snapshot()
    headers = {"HX-Request": "true"} if htmx else {}
    response = _post(client, data, headers=headers)
    assert response.status_code == 413
    page = html.unescape(response.get_data(as_text=True))
    assert "Le classeur décompressé dépasse 25 Mo" in page
    assert ("<html" in page) is not htmx
    assert database_snapshot() == before


def _lying_zip(real_size: int, declared_size: int) -> bytes:
    """A workbook whose sheet says it expands to `declared_size` bytes but holds `real_size`:
    the sizes of the local header and of the central directory are rewritten."""
    data = bytearray(_zip(_workbook_parts(b"<" * real_size)))
    real = struct.pack("<I", real_size)
    declared = struct.pack("<I", declared_size)
    name = b"xl/worksheets/sheet1.xml"
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            name_at = start + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at : name_at + len(name)] == name:
                assert data[start + offset : start + offset + 4] == real
                data[start + offset : start + offset + 4] = declared
            start += 4
    return bytes(data)


def test_a_sheet_lying_about_its_size_is_refused_not_expanded(officer):
    """The zip says 1 KB, the sheet holds 30 MB: Python's zipfile stops at the declared size
    (and the CRC then fails), so the import refuses the file instead of expanding it."""
    client = officer("fr")
    before = database_snapshot()
    response = _post(client, _lying_zip(30 * 1024 * 1024, 1024))
    assert response.status_code in (413, 415, 422)
    assert database_snapshot() == before


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("fr", "Le fichier ou le formulaire envoyé est trop volumineux."),
        ("ar", "الملف أو الاستمارة المرسلة كبيرة جدا."),
    ],
)
def test_a_body_larger_than_the_app_accepts_gets_a_translated_413(
    demo_app, officer, lang, expected
):
    """Beyond MAX_CONTENT_LENGTH (5 MiB) Werkzeug refuses the body before it is read: the
    answer is the translated 413 page (a fragment for htmx), not a 500."""
    client = officer(lang)
    before = database_snapshot()
    size = demo_app.config["MAX_CONTENT_LENGTH"] + 1
    response = _post(client, b"\0" * size)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert expected in page and f'lang="{lang}"' in page
    fragment = _post(client, b"\0" * size, headers={"HX-Request": "true"})
    assert fragment.status_code == 413
    assert expected in fragment.get_data(as_text=True)
    assert "<html" not in fragment.get_data(as_text=True)
    assert database_snapshot() == before


def test_huge_plain_form_fields_get_a_4xx(demo_app, as_user):
    """A 2 MiB field of an ordinary form is refused by the form's own validation (422, the
    input's length checked); a body beyond MAX_CONTENT_LENGTH never reaches it (413)."""
    client = as_user("admin", lang="fr")
    before = database_snapshot()
    response = client.post("/admin/departments/new", data={"code": "X" * (2 * 1024 * 1024)})
    assert response.status_code == 422
    size = demo_app.config["MAX_CONTENT_LENGTH"] + 1
    response = client.post("/admin/departments/new", data={"code": "X" * size})
    assert response.status_code == 413
    assert "trop volumineux" in response.get_data(as_text=True)
    assert database_snapshot() == before
