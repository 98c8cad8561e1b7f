"""Query-count guards of the review pages: the plans board (plans under review, with their
completeness), a plan's review page and a project's follow-up page cost the same number of
queries whatever the number of departments, projects, remarks, timeline events and follow-ups.
(test_review_board.py grows the events and reminders of the demo's board; these grow the
departments and the projects.)"""

from digiweb.plans.models import PlanStatus
from tests.factories import client_as, make_staff
from tests.ops.guard_world import build_campaign, measure

SUBMITTED = PlanStatus.SUBMITTED


def test_board_costs_the_same_queries_whatever_the_campaigns_size(app, count_queries):
    make_staff()
    build_campaign(2030, departments=2, projects_per_plan=1, status=SUBMITTED)
    build_campaign(2031, departments=8, projects_per_plan=4, history=2, status=SUBMITTED)
    client = client_as(app, "reviewer", "fr")
    for query in ("", "&status=submitted"):
        for htmx in (False, True):
            few, _ = measure(client, count_queries, f"/plans?year=2030{query}", htmx)
            many, body = measure(client, count_queries, f"/plans?year=2031{query}", htmx)
            assert "G3107" in body
            assert many.count <= few.count, (query, htmx, few.statements, many.statements)


def _two_sizes(app, count_queries, url, status, history, marker):
    make_staff()
    small = build_campaign(2030, departments=1, projects_per_plan=1, status=status)
    large = build_campaign(
        2031, departments=1, projects_per_plan=12, history=history, status=status
    )
    for user in ("officer", "reviewer"):
        small_client = client_as(app, small.officers[0] if user == "officer" else "reviewer", "fr")
        large_client = client_as(app, large.officers[0] if user == "officer" else "reviewer", "fr")
        for htmx in (False, True):
            few, _ = measure(small_client, count_queries, url(small), htmx)
            many, body = measure(large_client, count_queries, url(large), htmx)
            assert marker in body
            assert many.count <= few.count, (user, htmx, few.statements, many.statements)


def test_review_page_costs_the_same_queries_whatever_the_plans_size(app, count_queries):
    _two_sizes(
        app,
        count_queries,
        lambda world: f"/plans/{world.plan_ids[0]}/review",
        SUBMITTED,
        3,
        "2031-G3100-012",
    )


def test_follow_up_page_costs_the_same_queries_whatever_its_history(app, count_queries):
    _two_sizes(
        app,
        count_queries,
        lambda world: f"/projects/{world.project_ids[0]}/progress",
        PlanStatus.APPROVED,
        15,
        "Suivi 14",
    )
