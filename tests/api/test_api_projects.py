"""GET /api/v1/projects: the consolidated list as JSON, officers scoped to their department."""

import pytest

from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Project, Technology
from tests.factories import add_projects, log_in
from tests.projects.listing import YEAR, build_world

ITEM_KEYS = {"reference", "title_ar", "title_fr", "department", "target", "status"}


def all_items(client, query: str) -> list[dict]:
    items, page = [], 1
    while True:
        data = client.get(f"/api/v1/projects?{query}&page={page}").get_json()
        if not data["items"]:
            return items
        items += data["items"]
        page += 1


def test_contract_shape(as_user):
    response = as_user("reviewer").get("/api/v1/projects?year=2021&page=2")
    assert response.status_code == 200 and response.is_json
    data = response.get_json()
    assert {"total", "page", "per_page", "items"} <= set(data)
    assert (data["total"], data["page"], data["per_page"]) == (222, 2, 50)
    assert len(data["items"]) == 50
    item = data["items"][0]
    assert set(item) >= ITEM_KEYS
    assert item["reference"].startswith("2021-") and item["department"].isupper()
    assert item["url"] == f"/projects/{item['id']}"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("year=2021", 222),
        ("year=2021&target=citizens", 31),
        ("year=2021&target=economic_operators", 22),
        ("", 222),  # the latest campaign by default
    ],
)
def test_demo_figures(as_user, query, expected):
    client = as_user("viewer")
    assert client.get(f"/api/v1/projects?{query}").get_json()["total"] == expected
    items = all_items(client, query)
    assert len({item["reference"] for item in items}) == expected
    if "target=" in query:
        assert {item["target"] for item in items} == {query.rsplit("=", 1)[1]}


def test_search_is_the_lists(as_user):
    client = as_user("reviewer")
    variant = client.get("/api/v1/projects?year=2021&q=منصه الكترونيه").get_json()
    canonical = client.get("/api/v1/projects?year=2021&q=منصّة إلكترونية").get_json()
    assert variant["total"] == canonical["total"] > 0
    assert variant["items"] == canonical["items"]


def test_per_page_is_capped_at_50(as_user):
    client = as_user("reviewer")
    data = client.get("/api/v1/projects?year=2021&per_page=500").get_json()
    assert data["per_page"] == 50 and len(data["items"]) == 50
    data = client.get("/api/v1/projects?year=2021&per_page=7&page=2").get_json()
    assert data["per_page"] == 7 and len(data["items"]) == 7


def test_officer_sees_only_its_department(as_user):
    mf = db.session.scalar(db.select(Department).where(Department.code == "MF"))
    own = db.session.scalar(
        db.select(db.func.count()).select_from(Project).where(Project.department_id == mf.id)
    )
    client = as_user("officer-mf")
    items = all_items(client, "year=all")
    assert len(items) == own and {item["department"] for item in items} == {"MF"}
    data = client.get("/api/v1/projects?year=2021&department=MJ").get_json()
    assert data["total"] == 0 and data["items"] == []


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page=-1", "page"),
        ("page=abc", "page"),
        ("year=abc", "year"),
        ("target=zz", "target"),
        ("sort=evil", "sort"),
        ("per_page=0", "per_page"),
        ("status=done", "status"),
    ],
)
def test_bad_parameters_answer_400_json(as_user, query, field):
    response = as_user("reviewer", lang="fr").get(f"/api/v1/projects?{query}")
    assert response.status_code == 400 and response.is_json
    data = response.get_json()
    assert data["field"] == field and data["status"] == 400
    assert "n'est pas valable" in data["error"]


def test_anonymous_gets_no_data(demo_client):
    response = demo_client.get("/api/v1/projects?year=2021")
    assert response.status_code in (302, 401)
    assert b"2021-" not in response.get_data()


@pytest.mark.parametrize("query", [f"year={YEAR}", f"year={YEAR}&q=plateforme&sort=-budget"])
def test_query_count_does_not_grow_with_rows(app, client, count_queries, query):
    app.config["CACHE_ENABLED"] = False  # the computation itself, every time
    world = build_world()
    log_in(client, world.reviewer, "fr")

    def statements(n):
        add_projects(world.sent_plan, n, technologies=[Technology.OPEN_DATA])
        client.get(f"/api/v1/projects?{query}")  # warm-up (one-time look-ups of the process)
        with count_queries() as counter:
            data = client.get(f"/api/v1/projects?{query}").get_json()
        assert data["items"][0]["technologies"] == ["open_data"]
        return counter.count, data["total"]

    small, small_total = statements(10)
    large, large_total = statements(90)
    assert (small_total, large_total) == (10, 100)
    assert small == large
