"""The plan's questionnaire as a spreadsheet, continued: files that are not a questionnaire
(wrong type, broken, too large, a zip bomb), who may import, the page, and how cells are read
(tests/plans/test_spreadsheet.py has the template, the round trip and the refused rows).

On the demo: MPPH, MTATF and MME are drafts (editable by officer-mpph …), MTEER is returned,
MAE submitted, MF approved.
"""

import io
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from digiweb.plans.models import (
    FundingSource,
    ProjectKind,
    ProjectStatus,
    Target,
    Technology,
)
from digiweb.plans.spreadsheet import (
    COLUMNS,
    MAX_PROJECT_ROWS,
    ImportRefused,
    _header_lookup,
    _value_lookup,
    check_upload,
)
from tests.plans.test_spreadsheet import (
    col,
    download,
    plan_of,
    projects_of,
    state,
    text,
    to_bytes,
    upload,
)

# --- too many rows -----------------------------------------------------------------------------


def test_too_many_rows_are_refused(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Référence", "Titre en français"])
    for number in range(MAX_PROJECT_ROWS + 1):
        sheet.append([None, f"Projet {number}"])
    before = state()
    response = upload(client, plan, to_bytes(workbook))
    assert response.status_code == 422
    assert "plus de 500 projets" in text(response)
    assert state() == before


# --- wrong files -------------------------------------------------------------------------------


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
        b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _zip_without_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


def _broken_workbook() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types")
        archive.writestr("xl/workbook.xml", "not xml at all")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "status", "message"),
    [
        ("Référence,Titre\n,Projet\n".encode(), "plan.xlsx", 415, "n'est pas un classeur .xlsx"),
        (bytes(range(256)) * 40, "plan.xlsx", 415, "n'est pas un classeur .xlsx"),
        (_pdf(), "plan.xlsx", 415, "n'est pas un classeur .xlsx"),
        (_pdf(), "plan.pdf", 415, "Seuls les fichiers .xlsx"),
        (b"a,b\n", "plan.csv", 415, "Seuls les fichiers .xlsx"),
        (_zip_without_workbook(), "plan.xlsx", 415, "n'est pas un classeur .xlsx"),
        (_broken_workbook(), "plan.xlsx", 415, "n'a pas pu être lu"),
        (b"", "plan.xlsx", 422, "Le fichier est vide."),
    ],
)
def test_wrong_files_get_a_clear_4xx(demo_app, as_user, data, name, status, message):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    before = state()
    response = upload(client, plan, data, name=name)
    assert response.status_code == status
    assert message in text(response)
    assert state() == before


def test_a_workbook_without_the_projects_columns_is_refused(demo_app, as_user):
    workbook = Workbook()
    workbook.active.append(["Nom", "Prénom"])
    response = upload(as_user("officer-mpph", lang="fr"), plan_of("MPPH"), to_bytes(workbook))
    assert response.status_code == 422
    assert "aucune feuille de projets" in text(response)


def test_no_file_chosen(demo_app, as_user):
    client = as_user("officer-mpph", lang="fr")
    plan = plan_of("MPPH")
    response = client.post(
        f"/plans/{plan.id}/spreadsheet", data={}, content_type="multipart/form-data"
    )
    assert response.status_code == 422
    assert "Choisissez le fichier .xlsx à importer." in text(response)


def test_too_large_files_get_413(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="fr")
    before = state()
    response = upload(client, plan, b"PK" + b"\0" * (2 * 1024 * 1024))
    assert response.status_code == 413
    assert "dépasse 2 Mo" in text(response)
    # beyond the application's limit (5 MiB) the request is refused before the form is read
    response = upload(client, plan, b"\0" * (5 * 1024 * 1024 + 1))
    assert response.status_code == 413
    assert state() == before


def test_zip_bomb_is_refused_before_openpyxl(demo_app):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (30 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 100_000
    with demo_app.test_request_context(), pytest.raises(ImportRefused) as refused:
        check_upload(data, "bomb.xlsx")
    assert refused.value.status == 413


# --- who may import ------------------------------------------------------------------------------


def _valid_file(client, plan) -> bytes:
    workbook = download(client, plan)
    workbook.worksheets[0].cell(row=2, column=col("title_fr")).value = "Intrusion"
    return to_bytes(workbook)


@pytest.mark.parametrize(
    ("username", "status"),
    [("officer-mf", 404), ("officer-mme", 404), ("viewer", 403), ("reviewer", 403), ("admin", 403)],
)
def test_only_the_departments_officer_imports(demo_app, as_user, username, status):
    plan = plan_of("MPPH")
    data = _valid_file(as_user("officer-mpph"), plan)
    client = as_user(username, lang="fr")
    before = state()
    response = upload(client, plan, data)
    assert response.status_code == status
    if status == 403:
        assert "Seul le responsable de la numérisation" in text(response)
    assert state() == before


def test_anonymous_visitors_are_sent_to_the_login_page(demo_app):
    from tests.conftest import CSRFClient

    demo_app.test_client_class = CSRFClient
    client = demo_app.test_client()
    plan = plan_of("MPPH")
    for response in (
        client.get(f"/plans/{plan.id}/spreadsheet"),
        client.get(f"/plans/{plan.id}/spreadsheet.xlsx"),
        upload(client, plan, b"x"),
    ):
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login")


@pytest.mark.parametrize(("code", "status_label"), [("MF", "Approuvé"), ("MAE", "Envoyé")])
def test_a_plan_that_is_not_editable_refuses_imports(demo_app, as_user, code, status_label):
    plan = plan_of(code)
    client = as_user(f"officer-{code.lower()}", lang="fr")
    data = _valid_file(client, plan)
    page = text(client.get(f"/plans/{plan.id}/spreadsheet"))
    assert 'type="file"' not in page and "ne peut plus être modifié" in page
    before = state()
    response = upload(client, plan, data)
    assert response.status_code == 403
    assert f"ne peut plus être modifié (statut : {status_label})" in text(response)
    assert state() == before


# --- the page -----------------------------------------------------------------------------------


def test_page_full_and_fragment(demo_app, as_user):
    plan = plan_of("MPPH")
    client = as_user("officer-mpph", lang="ar")
    full = client.get(f"/plans/{plan.id}/spreadsheet")
    assert full.status_code == 200
    body = text(full)
    assert '<html lang="ar" dir="rtl">' in body
    assert 'enctype="multipart/form-data"' in body and 'name="csrf_token"' in body
    assert f"/plans/{plan.id}/spreadsheet.xlsx" in body
    fragment = client.get(f"/plans/{plan.id}/spreadsheet", headers={"HX-Request": "true"})
    assert fragment.status_code == 200
    assert "<html" not in fragment.get_data(as_text=True)
    assert 'id="spreadsheet-import"' in fragment.get_data(as_text=True)
    assert "Vary" in fragment.headers and "HX-Request" in fragment.headers["Vary"]


def test_page_for_staff_offers_the_download_only(demo_app, as_user):
    plan = plan_of("MPPH")
    body = text(as_user("reviewer", lang="fr").get(f"/plans/{plan.id}/spreadsheet"))
    assert "Télécharger le plan" in body and 'type="file"' not in body
    assert as_user("officer-mf").get(f"/plans/{plan.id}/spreadsheet").status_code == 404


# --- reading values ----------------------------------------------------------------------------


def test_lists_accept_both_languages_and_codes(demo_app):
    with demo_app.test_request_context():
        lookup = _value_lookup(Target)
        assert lookup[_key("Opérateurs économiques")] == Target.ECONOMIC_OPERATORS
        assert lookup[_key("opérateurs ECONOMIQUES ")] == Target.ECONOMIC_OPERATORS
        assert lookup[_key("المتعاملون الاقتصاديون")] == Target.ECONOMIC_OPERATORS
        assert lookup[_key("economic_operators")] == Target.ECONOMIC_OPERATORS
        # no label of a list stands for two of its values, in any language
        for enum_cls in (Target, ProjectKind, ProjectStatus, FundingSource, Technology):
            assert len(set(_value_lookup(enum_cls).values())) == len(enum_cls)
        headers = _header_lookup()
        assert len(set(headers.values())) == len(COLUMNS)


def _key(text_value):
    from digiweb.plans.spreadsheet import _key as key

    return key(text_value)


def test_cells_are_read_like_the_web_form(demo_app, as_user):
    """Dates typed as text (Arabic-Indic digits too), amounts with spaces, progress in % cells."""
    plan = plan_of("MME")
    client = as_user("officer-mme", lang="fr")
    workbook = download(client, plan)
    sheet = workbook.worksheets[0]
    new = sheet.max_row + 1
    sheet.cell(row=new, column=col("title_ar")).value = "مشروع جديد"
    sheet.cell(row=new, column=col("start_date")).value = "١٥/٠١/٢٠٢١"
    sheet.cell(row=new, column=col("end_date")).value = "2021-12-31"
    sheet.cell(row=new, column=col("budget_dzd")).value = "2.500.000 DA"
    cell = sheet.cell(row=new, column=col("progress"))
    cell.value, cell.number_format = 0.4, "0%"
    sheet.cell(row=new, column=col("status")).value = "  en COURS "
    assert upload(client, plan, to_bytes(workbook)).status_code == 302
    added = projects_of(plan)[-1]
    assert (added.title_ar, added.start_date, added.end_date) == (
        "مشروع جديد",
        date(2021, 1, 15),
        date(2021, 12, 31),
    )
    assert (added.budget_dzd, added.progress, added.status) == (
        2_500_000,
        40,
        ProjectStatus.IN_PROGRESS,
    )
