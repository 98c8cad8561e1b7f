"""The digital maturity of the procedure a project serves (issue 16): declared in the project
schema, so that the form, the plan rules, the questionnaire spreadsheet, the exports, the
project page, the list's filters and the API carry it."""

import csv
import io

import pytest
from openpyxl import load_workbook

from digiweb.demo import data as demo_data
from digiweb.extensions import db
from digiweb.plans import spreadsheet
from digiweb.plans.models import Plan, PlanStatus, Project
from digiweb.plans.services import update_project, validate_project_data
from digiweb.projects.schema import MATURITY_FIELDS, NAMES
from tests.factories import make_project
from tests.plans.helpers import project_form

MATURITY = {
    "maturity_level": 2,
    "maturity_target": 4,
    "online_identity": True,
    "data_from_apis": False,
    "yearly_procedures": 250_000,
    "online_share": 15,
    "accessibility_checked": False,
}


def test_the_maturity_is_declared_in_the_schema():
    assert set(MATURITY_FIELDS) <= set(NAMES)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"maturity_level": 5}, "maturity_level"),
        ({"maturity_level": -1}, "maturity_level"),
        ({"maturity_target": 7}, "maturity_target"),
        ({"maturity_level": 3, "maturity_target": 2}, "maturity_target"),
        ({"online_share": 101}, "online_share"),
        ({"yearly_procedures": -5}, "yearly_procedures"),
        ({"online_identity": "maybe"}, "online_identity"),
    ],
)
def test_the_plan_rules_refuse_impossible_values(app, changes, field):
    with app.test_request_context("/?lang=fr"):
        errors = validate_project_data({"title_fr": "Plateforme", **changes})
    assert field in errors


def test_the_plan_rules_accept_the_values_and_empty_ones(app):
    with app.test_request_context("/"):
        assert validate_project_data({"title_fr": "Plateforme", **MATURITY}) == {}
        empty = dict.fromkeys(MATURITY_FIELDS)
        assert validate_project_data({"title_fr": "Plateforme", **empty}) == {}


def _draft_project(demo_app):
    """A project of a draft plan (its officer may change it)."""
    plan = db.session.scalar(
        db.select(Plan)
        .join(Plan.department)
        .where(Plan.status == PlanStatus.DRAFT)
        .order_by(Plan.id)
    )
    return plan, plan.projects[0]


def test_the_form_saves_the_maturity_and_the_page_shows_it(demo_app, as_user):
    plan, project = _draft_project(demo_app)
    officer = as_user(f"officer-{plan.department.code.lower()}", lang="fr")
    prefix = f"p{project.id}"
    page = officer.get(f"/projects/{project.id}/edit").get_data(as_text=True)
    assert f'name="{prefix}-maturity_level"' in page and "3 · Soumission en ligne" in page
    form = project_form(
        prefix,
        title_ar=project.title_ar,
        title_fr=project.title_fr,
        maturity_level="1",
        maturity_target="4",
        online_identity="yes",
        data_from_apis="no",
        yearly_procedures="1 200 000",
        online_share="5",
        accessibility_checked="",
        version=str(project.version),
    )
    response = officer.post(f"/projects/{project.id}/edit", data=form)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    saved = db.session.get(Project, project.id)
    assert (saved.maturity_level, saved.maturity_target) == (1, 4)
    assert (saved.online_identity, saved.data_from_apis) == (True, False)
    assert (saved.yearly_procedures, saved.online_share) == (1_200_000, 5)
    assert saved.accessibility_checked is None
    page = officer.get(f"/projects/{project.id}").get_data(as_text=True)
    assert 'id="project-maturity"' in page
    assert "4 · Entièrement en ligne" in page and "Oui" in page
    # A target below today's level is refused at the field, nothing is saved.
    form.update(
        {
            "version": saved.version,
            f"{prefix}-maturity_level": "4",
            f"{prefix}-maturity_target": "2",
        }
    )
    response = officer.post(f"/projects/{project.id}/edit", data=form)
    assert response.status_code == 422
    assert "ne peut pas être inférieur au niveau actuel" in response.get_data(as_text=True)
    assert db.session.get(Project, project.id).maturity_level == 1


def test_the_questionnaire_round_trips_the_maturity(demo_app, as_user):
    plan, project = _draft_project(demo_app)
    officer = db.session.scalar(
        db.select(Project).where(Project.id == project.id)
    )  # the project, for its version
    from digiweb.auth.models import User

    user = db.session.scalar(
        db.select(User).where(User.username == f"officer-{plan.department.code.lower()}")
    )
    update_project(officer, MATURITY, user, officer.version)
    db.session.commit()
    client = as_user(user.username, lang="ar")
    workbook_bytes = client.get(f"/plans/{plan.id}/spreadsheet.xlsx").data
    sheet = load_workbook(io.BytesIO(workbook_bytes)).active
    headers = [cell.value for cell in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == project.reference)
    values = dict(zip(headers, row, strict=False))
    with demo_app.test_request_context("/?lang=ar"):
        titles = {c.field: spreadsheet.column_header(c) for c in spreadsheet.COLUMNS}
    assert values[titles["maturity_level"]].startswith("2 · ")
    assert values[titles["maturity_target"]].startswith("4 · ")
    assert values[titles["online_identity"]] == "نعم"
    assert values[titles["data_from_apis"]] == "لا"
    assert values[titles["yearly_procedures"]] == 250_000
    # Read back as the importer reads it: the same values, in either language or by number.
    reader = spreadsheet._CellReader()
    with demo_app.test_request_context("/?lang=fr"):
        assert (
            reader.read("maturity_level", values[titles["maturity_level"]], None, None, False) == 2
        )
        assert reader.read("maturity_target", "4", None, None, False) == 4
        assert reader.read("online_identity", "Oui", None, None, False) is True
        assert (
            reader.read("data_from_apis", values[titles["data_from_apis"]], None, None, False)
            is False
        )
        assert reader.read("online_share", "15 %", None, None, False) == 15
        with pytest.raises(spreadsheet.CellError):
            reader.read("maturity_level", "5", None, None, False)
        with pytest.raises(spreadsheet.CellError):
            reader.read("online_share", 140, None, None, False)


def test_the_exports_carry_the_maturity(demo_app, as_user):
    client = as_user("viewer", lang="fr")
    body = client.get("/projects.csv?year=2021").data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    header = rows[0]
    level = header.index("Maturité numérique de la démarche aujourd'hui")
    share = header.index("Part réalisée en ligne (%)")
    levels = [row[level] for row in rows[1:]]
    assert len(rows) == 223
    assert sum(1 for value in levels if value) >= 0.9 * 222
    assert all(value == "" or value[0] in "01234" for value in levels)
    assert all(row[share] == "" or 0 <= int(row[share]) <= 100 for row in rows[1:])
    workbook = load_workbook(io.BytesIO(client.get("/projects.xlsx?year=2021").data))
    headers = [cell.value for cell in next(workbook.active.iter_rows(max_row=1))]
    assert "Maturité numérique visée" in headers and "Accessibilité vérifiée" in headers


def test_the_list_filters_on_the_maturity_level(demo_app, as_user):
    client = as_user("reviewer", lang="fr")
    expected = {
        level: db.session.scalar(
            db.select(db.func.count(Project.id)).where(
                Project.year == 2021,
                Project.maturity_level == level,
                Project.plan.has(Plan.status.in_(("submitted", "returned", "approved"))),
            )
        )
        for level in range(5)
    }
    assert sum(expected.values()) >= 200
    for level, count in expected.items():
        data = client.get(f"/api/v1/projects?year=2021&maturity={level}").get_json()
        assert data["total"] == count, level
        assert {item["maturity_level"] for item in data["items"]} <= {level}
    target = client.get("/api/v1/projects?year=2021&maturity_target=4").get_json()
    assert target["total"] > 0 and {i["maturity_target"] for i in target["items"]} == {4}
    page = client.get("/projects?year=2021&maturity=3").get_data(as_text=True)
    assert 'id="filter-maturity"' in page
    assert client.get("/projects?maturity=9").status_code == 400
    assert client.get("/api/v1/projects?maturity=x").status_code == 400


def test_the_api_items_carry_the_maturity_levels(demo_app, as_user):
    items = as_user("viewer").get("/api/v1/projects?year=2021&per_page=50").get_json()["items"]
    for item in items:
        assert {"maturity_level", "maturity_target"} <= set(item)
        for key in ("maturity_level", "maturity_target"):
            assert item[key] is None or (isinstance(item[key], int) and 0 <= item[key] <= 4)
    assert any(item["maturity_level"] is not None for item in items)


def test_the_demo_gives_nine_projects_in_ten_a_level():
    sent = [p for p in demo_data.demo_projects() if p["department"] in demo_data.SENT_PLAN_STATUS]
    assert len(sent) == 222
    with_level = [p for p in sent if p["maturity_level"] is not None]
    assert len(with_level) >= 0.9 * 222
    for p in with_level:
        assert 0 <= p["maturity_level"] <= p["maturity_target"] <= 4
        assert p["online_share"] is None or 0 <= p["online_share"] <= 100
        if p["maturity_level"] < 3:
            assert p["online_share"] == 0
    assert {p["maturity_level"] for p in with_level} == {0, 1, 2, 3, 4}


def test_the_demo_maturity_leaves_the_drawn_values_alone():
    """The maturity comes from a generator of its own (MATURITY_SEED): every other value of the
    231 projects is exactly what the 2021 draw gave before issue 16 (its fingerprint), so the
    references, statuses, dates and budgets the minutes and the tests state stay put."""
    import hashlib
    import json

    others = [
        {key: value for key, value in project.items() if key not in MATURITY_FIELDS}
        for project in demo_data.demo_projects()
    ]
    text = json.dumps(others, sort_keys=True, default=str, ensure_ascii=False)
    assert hashlib.sha256(text.encode()).hexdigest() == (
        "d5d5665b63830ba7a2972eee5856a388cda2c46bb82b4fedd65ca3d208890c2c"
    )


def test_make_project_accepts_the_maturity(app):
    from tests.factories import make_campaign, make_department, make_plan

    department = make_department()
    plan = make_plan(make_campaign(2030), department)
    project = make_project(plan, **MATURITY)
    assert db.session.get(Project, project.id).online_share == 15
