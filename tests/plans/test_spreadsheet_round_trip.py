"""The questionnaire downloaded and imported back unchanged changes nothing, with every text
field at the longest the schema allows, in Arabic (issue 13: a 41,999-character summary used to
come back cut to 32,767 and "1 changed"). One limit per text field, shared by the form, the
column, the spreadsheet and the exports: one character more is refused, never cut."""

import html
import io
import itertools
import re
import time
import tracemalloc
import unicodedata

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from digiweb.extensions import db
from digiweb.plans.models import Project
from digiweb.plans.spreadsheet import COLUMNS, check_upload, import_workbook, read_sheet
from digiweb.projects.schema import PROJECT_SCHEMA
from tests.factories import client_as, make_complete_project, make_world

TEXT_FIELDS = [spec for spec in PROJECT_SCHEMA if spec.is_text]
SENTENCE = (
    "منصة رقمية لتسهيل الإجراءات الإدارية لفائدة المواطنين والمؤسسات عبر الولايات، مع ربط "
    "قواعد البيانات الوطنية؛ وتبسيط «الملف الموحد» وتقليص الآجال إلى 15 يوما بالدفع الإلكتروني "
    "والتوقيع الإلكتروني والشباك الوحيد (المرحلة 2) للمديريات الجهوية والبلديات"
)
WORDS = SENTENCE.split()


def longest_arabic(length: int, multiline: bool, seed: int) -> str:
    """Arabic text of exactly `length` characters: words, punctuation, digits, and line breaks
    in a multi-line field; NFC, no leading or trailing space (as the form saves it)."""
    words = itertools.cycle(WORDS[seed % len(WORDS) :] + WORDS[: seed % len(WORDS)])
    parts, size, count = [], 0, 0
    while size < length:
        word = next(words)
        count += 1
        separator = "\n" if multiline and count % 40 == 0 else " "
        parts.append(word + separator)
        size += len(word) + 1
    text = "".join(parts)[:length]
    text = text.rstrip() + "ة" * (length - len(text.rstrip()))
    assert len(text) == length and unicodedata.is_normalized("NFC", text)
    return text


def maxed_values(seed: int) -> dict:
    return {
        spec.name: longest_arabic(spec.max_length, spec.kind == "longtext", seed + index)
        for index, spec in enumerate(TEXT_FIELDS)
    }


def test_the_project_columns_hold_the_schema_limits():
    """One limit per project text: the schema's, which the form and the spreadsheet apply, is
    the column's length (PostgreSQL enforces it; the tests below take every text to it)."""
    assert len(TEXT_FIELDS) >= 9
    for spec in TEXT_FIELDS:
        assert Project.__table__.c[spec.name].type.length == spec.max_length, spec.name
        assert 0 < spec.max_length < 32_767  # a spreadsheet cell


@pytest.fixture
def world(app):
    with app.test_request_context():
        world = make_world(2030)
        projects = [make_complete_project(world.plan_mf, **maxed_values(seed)) for seed in range(5)]
        db.session.commit()
        world.add(projects=projects)
        yield world


def _stored() -> list:
    return list(
        db.session.execute(
            sa.select(
                Project.id, Project.version, *(getattr(Project, s.name) for s in TEXT_FIELDS)
            ).order_by(Project.id)
        )
    )


def _upload(client, plan_id: int, data: bytes):
    file = FileStorage(io.BytesIO(data), filename="plan.xlsx", content_type="application/zip")
    boundary, body = encode_multipart({"file": file})
    return client.post(
        f"/plans/{plan_id}/spreadsheet",
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )


def test_the_longest_arabic_texts_survive_a_round_trip_unchanged(app, world):
    client = client_as(app, "officer-mf", "ar")
    before = _stored()
    assert all(len(row[2]) == 300 for row in before)  # the titles are at their limit
    response = client.get(f"/plans/{world.plan_mf.id}/spreadsheet.xlsx")
    assert response.status_code == 200
    data = response.get_data()

    # every cell holds the stored text exactly: nothing cut, nothing changed
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    index = {column.field: number for number, column in enumerate(COLUMNS)}
    rows = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[0]]
    assert len(rows) == 5
    stored = {row[0]: row for row in before}
    for row, project in zip(rows, world.projects, strict=True):
        for position, spec in enumerate(TEXT_FIELDS, start=2):
            assert row[index[spec.name]] == stored[project.id][position], spec.name

    # imported back as downloaded: "nothing was saved", no version moved
    response = _upload(client, world.plan_mf.id, data)
    assert response.status_code == 302, html.unescape(response.get_data(as_text=True))[-3000:]
    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))
    assert "لا يتضمن الملف أي تغيير في المخطط" in page
    assert _stored() == before


def test_the_service_counts_every_row_unchanged(app, world):
    client = client_as(app, "officer-mf", "fr")
    data = client.get(f"/plans/{world.plan_mf.id}/spreadsheet.xlsx").get_data()
    with app.test_request_context("/?lang=fr"):
        plan = db.session.get(type(world.plan_mf), world.plan_mf.id)
        result = import_workbook(plan, data, "plan.xlsx", world.officer_mf)
        assert (result.created, result.updated, result.unchanged) == ([], [], 5)
        db.session.rollback()


@pytest.mark.parametrize("spec", TEXT_FIELDS, ids=[spec.name for spec in TEXT_FIELDS])
def test_one_character_more_is_refused_never_cut(app, world, spec):
    """Through the spreadsheet as through the form: the cell's text one character beyond the
    field's limit is reported in its row, nothing saved."""
    client = client_as(app, "officer-mf", "fr")
    workbook = load_workbook(
        io.BytesIO(client.get(f"/plans/{world.plan_mf.id}/spreadsheet.xlsx").get_data())
    )
    sheet = workbook.worksheets[0]
    column = [c.field for c in COLUMNS].index(spec.name) + 1
    sheet.cell(row=2, column=column).value = longest_arabic(spec.max_length + 1, False, 3)
    buffer = io.BytesIO()
    workbook.save(buffer)
    before = _stored()
    response = _upload(client, world.plan_mf.id, buffer.getvalue())
    assert response.status_code == 422
    body = html.unescape(response.get_data(as_text=True))
    assert f"{spec.max_length} caractères au maximum" in re.sub(r"\s+", " ", body)
    assert _stored() == before


def test_a_questionnaire_of_maxed_projects_is_read_within_bounds(app, world):
    """What the largest real upload costs: the same check and reading as a hostile file gets,
    well inside 2 s of CPU and 100 MB."""
    client = client_as(app, "officer-mf", "fr")
    data = client.get(f"/plans/{world.plan_mf.id}/spreadsheet.xlsx").get_data()
    with app.test_request_context("/?lang=fr"):
        started = time.process_time()
        rows = read_sheet(check_upload(data, "plan.xlsx"))[0]
        cpu = time.process_time() - started
        tracemalloc.start()
        read_sheet(check_upload(data, "plan.xlsx"))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert len(rows) == 5
    assert cpu < 2.0 and peak < 100 * 2**20, (cpu, peak)
