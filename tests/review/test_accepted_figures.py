"""Accepted projects in the consolidated figures (issue 17, point 2): the dashboard, `flask stats`
and `/api/v1/stats` give them under new keys, the contract's keys and the demo's figures
(28 / 222 / 31 / 22) unchanged; the demo's approved plans have every project accepted."""

import json

import sqlalchemy as sa

from digiweb.dashboard.cli import text_report
from digiweb.dashboard.services import consolidated_stats, stats_json
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project
from digiweb.review import decisions
from digiweb.review.models import ProjectReview, ProjectVerdict


def _approved_projects() -> int:
    return db.session.scalar(
        sa.select(sa.func.count(Project.id))
        .join(Plan, Plan.id == Project.plan_id)
        .where(Plan.status == PlanStatus.APPROVED, Project.year == 2021)
    )


def test_the_demo_accepts_every_project_of_its_approved_plans(demo_app):
    approved = _approved_projects()
    assert approved > 0
    reviews = db.session.scalars(sa.select(ProjectReview)).all()
    assert len(reviews) == approved
    assert {r.verdict for r in reviews} == {ProjectVerdict.ACCEPTED}
    for plan in db.session.scalars(sa.select(Plan).where(Plan.status == PlanStatus.APPROVED)):
        assert decisions.undecided(plan) == []


def test_the_figures_give_accepted_projects_under_new_keys(demo_app):
    stats = consolidated_stats(2021)
    assert (stats["departments_submitted"], stats["projects"]) == (28, 222)
    assert (stats["by_target"]["citizens"], stats["by_target"]["economic_operators"]) == (31, 22)
    assert stats["accepted_projects"] == _approved_projects()
    payload = stats_json(stats)
    assert payload["accepted_projects"] == stats["accepted_projects"]
    assert sum(payload["accepted_by_department"].values()) == stats["accepted_projects"]
    assert payload["projects"] == 222 and len(payload["by_department"]) == 28
    result = demo_app.test_cli_runner().invoke(args=["stats", "--year", "2021", "--format", "json"])
    assert json.loads(result.output)["accepted_projects"] == stats["accepted_projects"]
    assert "Projets acceptés par le ministère" in text_report(stats, "fr")
    assert "المشاريع التي قبلتها الوزارة" in text_report(stats, "ar")


def test_the_api_and_the_dashboard_show_them(demo_app, as_user):
    accepted = consolidated_stats(2021)["accepted_projects"]
    client = as_user("reviewer", "fr")
    body = client.get("/api/v1/stats?year=2021").get_json()
    assert body["accepted_projects"] == accepted and body["projects"] == 222
    page = client.get("/dashboard?year=2021").get_data(as_text=True)
    assert 'id="kpi-accepted"' in page and "Projets acceptés par le ministère" in page
    spec = client.get("/api/v1/openapi.json").get_json()
    properties = spec["components"]["schemas"]["Stats"]["properties"]
    assert {"accepted_projects", "accepted_budget_dzd", "accepted_by_department"} <= set(properties)


def test_a_decision_moves_the_accepted_figure(demo_app):
    from digiweb.auth.models import User

    before = consolidated_stats(2021)["accepted_projects"]
    plan = db.session.scalar(sa.select(Plan).where(Plan.status == PlanStatus.SUBMITTED))
    reviewer = db.session.scalar(sa.select(User).where(User.username == "reviewer"))
    with demo_app.test_request_context("/"):
        decisions.decide(plan, plan.projects[0], reviewer, "accepted", "", 0)
    db.session.commit()
    assert consolidated_stats(2021)["accepted_projects"] == before + 1
    assert consolidated_stats(2021)["projects"] == 222


def test_the_campaign_report_gives_them(demo_app):
    import re

    from digiweb.reports import campaign_report

    accepted = consolidated_stats(2021)["accepted_projects"]
    for lang, label in (
        ("fr", "Projets acceptés par le ministère"),
        ("ar", "المشاريع التي قبلتها الوزارة"),
    ):
        html = campaign_report.campaign_html(2021, lang)
        line = re.search(r'<p class="small" id="accepted-projects">([^<]*)</p>', html).group(1)
        assert label in line and str(accepted) in line.replace("\u202f", "")
