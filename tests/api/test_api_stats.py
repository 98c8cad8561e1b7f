"""GET /api/v1/stats: the seed's figures, the same JSON as the CLI, officers scoped to their
department, 4xx for bad years."""

import json

import pytest

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project


def cli_json(demo_app, *args: str) -> dict:
    result = demo_app.test_cli_runner().invoke(args=["stats", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("user", ["viewer", "reviewer", "admin"])
def test_staff_get_the_seed_figures(as_user, user):
    response = as_user(user).get("/api/v1/stats?year=2021")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["year"] == 2021
    assert data["departments_invited"] == 34
    assert data["departments_submitted"] == 28
    assert data["projects"] == 222
    assert data["by_target"]["citizens"] == 31
    assert data["by_target"]["economic_operators"] == 22
    assert sum(data["by_department"].values()) == 222


def test_api_and_cli_give_the_same_json(demo_app, as_user):
    api = as_user("viewer").get("/api/v1/stats?year=2021").get_data(as_text=True)
    cli = cli_json(demo_app, "--year", "2021", "--format", "json")
    assert json.loads(api) == cli
    assert list(json.loads(api)) == list(cli)  # same keys in the same order


def test_api_agrees_with_the_dashboard(as_user):
    from tests.dashboard.test_dashboard_routes import kpi

    client = as_user("reviewer", lang="fr")
    data = client.get("/api/v1/stats?year=2021").get_json()
    page = client.get("/dashboard?year=2021").get_data(as_text=True)
    assert kpi(page, "invited")[0] == str(data["departments_invited"])
    assert kpi(page, "submitted")[0] == str(data["departments_submitted"])
    assert kpi(page, "projects")[0] == str(data["projects"])
    assert kpi(page, "citizens")[0] == str(data["by_target"]["citizens"])
    assert kpi(page, "economic-operators")[0] == str(data["by_target"]["economic_operators"])


def _department(code):
    return db.session.scalar(db.select(Department).where(Department.code == code))


def test_officer_sees_only_its_department(as_user):
    mf = _department("MF")
    own = db.session.scalar(
        db.select(db.func.count()).select_from(Project).where(Project.department_id == mf.id)
    )
    data = as_user("officer-mf").get("/api/v1/stats?year=2021").get_json()
    assert data["departments_invited"] == 1
    assert data["departments_submitted"] == 1
    assert data["projects"] == own < 222
    assert data["by_department"] == {"MF": own}
    assert sum(data["by_target"].values()) == own


def test_officer_of_an_unsent_plan_sees_zero(as_user):
    draft = db.session.scalar(db.select(Plan).where(Plan.status == PlanStatus.DRAFT))
    username = f"officer-{draft.department.code.lower()}"
    data = as_user(username).get("/api/v1/stats?year=2021").get_json()
    assert data["departments_invited"] == 1
    assert data["departments_submitted"] == 0
    assert data["projects"] == 0
    assert data["by_department"] == {}


def test_officer_cannot_widen_its_scope(as_user):
    data = as_user("officer-mj").get("/api/v1/stats?year=2021&department=MF").get_json()
    assert list(data["by_department"]) == ["MJ"]


def test_login_required(demo_client):
    response = demo_client.get("/api/v1/stats?year=2021")
    # A redirect to the login page, or a 401 for an API client: never the figures.
    assert response.status_code in (302, 401)
    if response.status_code == 302:
        assert "/login" in response.headers["Location"]
    else:
        assert "year" not in (response.get_json() or {})


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("", 400),
        ("year=", 400),
        ("year=abc", 400),
        ("year=٢٠٢١", 400),
        ("year=20211", 400),
        ("year=-1", 400),
        ("year=1999", 404),
    ],
)
def test_bad_years(as_user, query, status):
    response = as_user("viewer", lang="fr").get(f"/api/v1/stats?{query}")
    assert response.status_code == status
    data = response.get_json()
    assert data["status"] == status and data["field"] == "year"
    assert "année" in data["error"].lower() or "campagne" in data["error"].lower()


def test_an_officer_without_department_sees_no_figures(demo_app, as_user):
    from digiweb.auth.models import Role
    from tests.conftest import login
    from tests.factories import PASSWORD, make_user

    make_user("officer-none", role=Role.OFFICER, department=None)
    db.session.commit()
    as_user("viewer")  # sets the demo app's test client class (CSRF token sent)
    client = demo_app.test_client()
    login(client, "officer-none", PASSWORD)
    data = client.get("/api/v1/stats?year=2021").get_json()
    assert data["projects"] == 0 and data["by_department"] == {}
    assert data["departments_invited"] == data["departments_submitted"] == 0
