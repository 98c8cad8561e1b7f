"""Query-count guard: a campaign's page (the departments' completeness board) costs the same
number of queries for 2 departments with one project each as for 8 departments with many
projects, remarks and follow-ups. (The campaigns list has its guard in test_campaigns.py.)"""

from tests.factories import client_as, make_staff
from tests.ops.guard_world import build_campaign, measure


def test_campaign_page_costs_the_same_queries_whatever_its_size(app, count_queries):
    make_staff()
    small = build_campaign(2030, departments=2, projects_per_plan=1)
    large = build_campaign(2031, departments=8, projects_per_plan=4, history=2)
    for user in ("reviewer", "viewer"):
        client = client_as(app, user, "fr")
        for htmx in (False, True):
            few, _ = measure(client, count_queries, f"/campaigns/{small.campaign_id}", htmx)
            many, body = measure(client, count_queries, f"/campaigns/{large.campaign_id}", htmx)
            assert "G3107" in body  # the eighth department is on the board
            assert many.count <= few.count, (user, htmx, few.statements, many.statements)
