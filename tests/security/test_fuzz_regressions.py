"""The server errors the fuzzers found, kept as plain tests (each failed before its fix):

- POST /plans/reminders: a huge `year` reached PostgreSQL ("integer out of range", 500); a huge
  `interval_days` made WTForms' NumberRange overflow (`math.isnan` of a huge int, 500 on both
  databases); a huge department id reached PostgreSQL.
- POST /projects/<id>/progress: the same NumberRange overflow on `progress`.
- GET /meetings?year=<huge> and GET /notifications?page=<huge>: 500 on both databases.
"""

import pytest

from digiweb.campaigns.models import Campaign
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project
from tests.test_csrf_everywhere import database_snapshot

HUGE = "9" * 40


@pytest.mark.parametrize(
    "data",
    [
        {"year": HUGE, "interval_days": "7", "scope": "all"},
        {"year": "2021", "interval_days": HUGE, "scope": "all"},
        {"year": "2021", "interval_days": "-" + HUGE, "scope": "all"},
        {"year": "2021", "interval_days": "7", "departments": HUGE},
    ],
    ids=["year", "interval", "negative-interval", "department"],
)
def test_reminders_with_huge_numbers_are_refused_not_a_500(as_user, data):
    client = as_user("reviewer", lang="fr")
    before = database_snapshot()
    for headers in ({}, {"HX-Request": "true"}):
        response = client.post("/plans/reminders", data=data, headers=headers)
        assert response.status_code in (404, 422), response.status_code
    assert database_snapshot() == before


def test_progress_with_a_huge_number_is_refused_not_a_500(demo_app, as_user):
    code, project = db.session.execute(
        db.select(Department.code, Project)
        .join(Plan, Project.plan_id == Plan.id)
        .join(Department, Plan.department_id == Department.id)
        .join(Campaign, Plan.campaign_id == Campaign.id)
        .where(Campaign.year == 2021, Plan.status == PlanStatus.APPROVED)
        .order_by(Project.id)
    ).first()
    client = as_user(f"officer-{code.lower()}", lang="fr")
    before = database_snapshot()
    data = {"version": project.version, "status": "in_progress", "progress": HUGE, "note": "x"}
    response = client.post(f"/projects/{project.id}/progress", data=data)
    assert response.status_code == 422
    assert "entre 0 et 100" in response.get_data(as_text=True)
    assert database_snapshot() == before


@pytest.mark.parametrize("url", [f"/meetings?year={HUGE}", f"/notifications?page={HUGE}"])
def test_lists_with_huge_numbers_in_the_query_answer(as_user, url):
    assert as_user("reviewer").get(url).status_code == 200
