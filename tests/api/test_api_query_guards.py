"""Query-count guards of the JSON API's plans and statistics (the projects API has its own in
test_api_projects.py): the same number of queries for a small and a large campaign."""

import json

from tests.factories import client_as, make_staff
from tests.ops.guard_world import build_campaign, measure


def test_api_costs_the_same_queries_whatever_the_campaigns_size(app, count_queries):
    make_staff()
    small = build_campaign(2030, departments=2, projects_per_plan=1)
    large = build_campaign(2031, departments=8, projects_per_plan=4, history=2)
    for user in ("officer", "reviewer", "viewer"):
        small_client = client_as(app, small.officers[0] if user == "officer" else user, "fr")
        large_client = client_as(app, large.officers[0] if user == "officer" else user, "fr")
        for path in ("/api/v1/plans?year={year}", "/api/v1/stats?year={year}"):
            few, _ = measure(small_client, count_queries, path.format(year=2030))
            many, body = measure(large_client, count_queries, path.format(year=2031))
            assert json.loads(body)
            assert many.count <= few.count, (user, path, few.statements, many.statements)
