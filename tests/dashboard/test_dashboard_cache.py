"""The dashboard's cached fast path: the same figures with and without the cache, every change
visible on the next request, nothing personal in what is shared, and one path for the page, its
fragments, the API and the CLI."""

import json

import pytest

from digiweb.cache import cache_stats, clear_cache
from digiweb.dashboard.services import consolidated_stats, stats_json, year_over_year
from digiweb.departments.models import Department
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project, Target

FILTERS = ["", "&target=citizens", "&department=MF", "&department=MJ&target=economic_operators"]


def _fragment(client, query: str) -> str:
    response = client.get(f"/dashboard?{query}", headers={"HX-Request": "true"})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _department_id(code: str) -> int:
    return db.session.scalar(db.select(Department.id).where(Department.code == code))


def _all_figures() -> list:
    figures = []
    for department in (None, _department_id("MF"), _department_id("MJ")):
        for target in (None, *Target):
            figures.append(consolidated_stats(2021, department_id=department, target=target))
            figures.append(year_over_year(department_id=department, target=target))
    return figures


def test_figures_identical_with_and_without_the_cache(demo_app):
    demo_app.config["CACHE_ENABLED"] = False
    uncached = _all_figures()
    demo_app.config["CACHE_ENABLED"] = True
    clear_cache()
    first = _all_figures()  # fills the cache
    assert cache_stats()["entries"] > 0
    second = _all_figures()  # served from it
    assert uncached == first == second


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_pages_identical_with_and_without_the_cache(demo_app, as_user, lang):
    client = as_user("viewer", lang=lang)
    demo_app.config["CACHE_ENABLED"] = False
    uncached = {query: _fragment(client, "year=2021" + query) for query in FILTERS}
    demo_app.config["CACHE_ENABLED"] = True
    clear_cache()
    for _ in range(2):  # computed, then served from the cache
        for query in FILTERS:
            assert _fragment(client, "year=2021" + query) == uncached[query]
    assert cache_stats()["hits"] > 0


def test_the_cached_figures_hold_nothing_personal(as_user):
    viewer = _fragment(as_user("viewer", lang="fr"), "year=2021")
    reviewer = _fragment(as_user("reviewer", lang="fr"), "year=2021")
    assert viewer == reviewer
    assert "csrf" not in viewer.lower() and "viewer" not in viewer and "reviewer" not in viewer
    # ... and the full page around them still carries this session's token and user.
    page = as_user("viewer", lang="fr").get("/dashboard?year=2021").get_data(as_text=True)
    assert "X-CSRFToken" in page


def test_each_language_has_its_own_cached_figures(as_user):
    arabic = _fragment(as_user("viewer", lang="ar"), "year=2021")
    french = _fragment(as_user("viewer", lang="fr"), "year=2021")
    assert arabic != french
    assert "Campagne 2021" in french and "Campagne 2021" not in arabic


def _kpi(body: str, name: str) -> str:
    from tests.dashboard.test_dashboard_routes import kpi

    return kpi(body, name)[0]


def test_an_edited_target_shows_on_the_next_request(as_user):
    client = as_user("viewer", lang="fr")
    body = _fragment(client, "year=2021")
    assert (_kpi(body, "citizens"), _kpi(body, "economic-operators")) == ("31", "22")
    assert _kpi(_fragment(client, "year=2021&target=citizens"), "projects") == "31"
    sent = db.select(Plan.id).where(Plan.status.in_([PlanStatus.SUBMITTED, PlanStatus.APPROVED]))
    project = db.session.scalar(
        db.select(Project)
        .where(Project.target == Target.ECONOMIC_OPERATORS, Project.plan_id.in_(sent))
        .order_by(Project.id)
    )
    project.target = Target.CITIZENS
    db.session.commit()
    body = _fragment(client, "year=2021")
    assert (_kpi(body, "citizens"), _kpi(body, "economic-operators")) == ("32", "21")
    assert _kpi(_fragment(client, "year=2021&target=citizens"), "projects") == "32"
    api = as_user("reviewer").get("/api/v1/stats?year=2021").get_json()
    assert api["by_target"]["citizens"] == 32


def test_an_approved_plan_shows_on_the_next_request(as_user):
    client = as_user("viewer", lang="fr")
    before = int(_kpi(_fragment(client, "year=2021"), "approved"))
    plan = db.session.scalar(
        db.select(Plan).where(Plan.status == PlanStatus.SUBMITTED).order_by(Plan.id)
    )
    plan.status = PlanStatus.APPROVED
    db.session.commit()
    assert int(_kpi(_fragment(client, "year=2021"), "approved")) == before + 1


def test_a_plan_sent_brings_its_projects_on_the_next_request(as_user):
    client = as_user("viewer", lang="fr")
    assert _kpi(_fragment(client, "year=2021"), "projects") == "222"
    draft = db.session.scalar(db.select(Plan).where(Plan.status == PlanStatus.DRAFT))
    count = len(draft.projects)
    assert count > 0
    draft.status = PlanStatus.SUBMITTED
    db.session.commit()
    assert _kpi(_fragment(client, "year=2021"), "projects") == str(222 + count)


def test_changes_not_committed_yet_are_seen_by_their_own_transaction(demo_app):
    """The data version changes only at the commit: a session holding changes computes."""
    assert consolidated_stats(2021)["projects"] == 222  # cached for this version
    draft = db.session.scalar(db.select(Plan).where(Plan.status == PlanStatus.DRAFT))
    draft.status = PlanStatus.SUBMITTED
    db.session.flush()
    assert consolidated_stats(2021)["projects"] == 222 + len(draft.projects)
    db.session.rollback()
    assert consolidated_stats(2021)["projects"] == 222


def test_page_fragment_api_and_cli_share_the_aggregates(demo_app, as_user, count_queries):
    clear_cache()
    client = as_user("reviewer", lang="ar")
    client.get("/dashboard?year=2021")  # computes and caches the aggregates
    with count_queries() as api:
        data = client.get("/api/v1/stats?year=2021").get_json()
    assert data["projects"] == 222
    # user, data version: no aggregate is computed again
    assert not any("GROUP BY" in statement for statement in api.statements), api.statements
    result = demo_app.test_cli_runner().invoke(args=["stats", "--year", "2021", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output) == data == stats_json(consolidated_stats(2021))


def test_an_officer_gets_only_its_department_from_the_shared_cache(as_user):
    everyone = as_user("reviewer").get("/api/v1/stats?year=2021").get_json()
    own = as_user("officer-mf").get("/api/v1/stats?year=2021").get_json()
    assert list(own["by_department"]) == ["MF"]
    assert own["projects"] == everyone["by_department"]["MF"]
    assert own["departments_invited"] == 1
