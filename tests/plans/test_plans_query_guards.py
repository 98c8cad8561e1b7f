"""Query-count guards of the plans area beyond the plan page's own (test_plan_routes.py grows
the projects of a draft): an approved plan with its timeline, remarks and follow-ups, and a
project's page with its history (audit entries), cost the same queries whatever their size."""

from tests.factories import client_as, make_staff
from tests.ops.guard_world import build_campaign, measure


def _two_sizes(app, count_queries, url, projects, history, check):
    make_staff()
    small = build_campaign(2030, departments=1, projects_per_plan=1)
    large = build_campaign(2031, departments=1, projects_per_plan=projects, history=history)
    for user in ("officer", "reviewer"):
        small_client = client_as(app, small.officers[0] if user == "officer" else "reviewer", "fr")
        large_client = client_as(app, large.officers[0] if user == "officer" else "reviewer", "fr")
        for htmx in (False, True):
            few, _ = measure(small_client, count_queries, url(small), htmx)
            many, body = measure(large_client, count_queries, url(large), htmx)
            assert check(body)
            assert many.count <= few.count, (user, htmx, few.statements, many.statements)


def test_approved_plan_page_costs_the_same_queries_whatever_its_history(app, count_queries):
    _two_sizes(
        app,
        count_queries,
        lambda world: f"/plans/{world.plan_ids[0]}",
        projects=12,
        history=3,
        check=lambda body: "2031-G3100-012" in body,
    )


def test_project_page_costs_the_same_queries_whatever_its_history(app, count_queries):
    _two_sizes(
        app,
        count_queries,
        lambda world: f"/projects/{world.project_ids[0]}",
        projects=1,
        history=15,
        check=lambda body: body.count("2031-G3100-001") > 1,
    )
