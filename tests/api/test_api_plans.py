"""GET /api/v1/plans?year=YEAR: every invited department's plan, scoped like the pages."""

import pytest

from digiweb.plans.models import SENT_STATUSES

SENT = {s.value for s in SENT_STATUSES}


def test_staff_see_every_invited_department(as_user):
    response = as_user("viewer").get("/api/v1/plans?year=2021")
    assert response.status_code == 200
    data = response.get_json()
    assert data["year"] == 2021
    items = data["items"]
    assert len(items) == 34
    sent = [i for i in items if i["status"] in SENT]
    assert len(sent) == 28
    assert sum(i["projects"] for i in sent) == 222
    for item in sent:
        assert item["submitted_at"] is not None
        if item["status"] == "approved":
            assert item["approved_at"] is not None
        if item["status"] == "returned":
            assert item["returned_at"] is not None
    unsent = [i for i in items if i["status"] not in SENT]
    assert len(unsent) == 6 and all(i["submitted_at"] is None for i in unsent)
    keys = {"department", "status", "projects", "submitted_at", "approved_at", "returned_at"}
    assert keys <= set(items[0])
    assert {i["department"] for i in items} >= {"MF", "MJ"}


def test_an_officer_sees_only_its_own_plan(as_user):
    items = as_user("officer-mf").get("/api/v1/plans?year=2021").get_json()["items"]
    assert [i["department"] for i in items] == ["MF"]
    items = as_user("officer-mj").get("/api/v1/plans?year=2021").get_json()["items"]
    assert [i["department"] for i in items] == ["MJ"]


def test_without_year_the_current_campaign(as_user):
    assert as_user("reviewer").get("/api/v1/plans").get_json()["year"] == 2021


@pytest.mark.parametrize(("query", "status"), [("year=abc", 400), ("year=1999", 404)])
def test_bad_or_unknown_year(as_user, query, status):
    response = as_user("reviewer").get(f"/api/v1/plans?{query}")
    assert response.status_code == status
    assert response.is_json


def test_anonymous_is_refused(demo_client):
    response = demo_client.get("/api/v1/plans?year=2021")
    assert response.status_code in (401, 302)
    assert "items" not in response.get_data(as_text=True)


def test_the_api_costs_the_same_queries_as_the_board(as_user, count_queries):
    client = as_user("reviewer")
    client.get("/api/v1/plans?year=2021")
    with count_queries() as counter:
        client.get("/api/v1/plans?year=2021")
    assert counter.count <= 6, counter.statements
