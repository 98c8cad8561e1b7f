"""The project-list tests' scenario (made with tests/factories.py, no demo data needed) and
what a list page shows: its count and the ids of its rows."""

import re

from digiweb.extensions import db
from digiweb.plans.models import PlanStatus
from tests.factories import World, make_plan, make_world

YEAR = 2030
COUNT = re.compile(r'id="project-count" data-total="(\d+)"')
ROW_ID = re.compile(r'<tr id="project-(\d+)"')
SENT = ("SNT", "وزارة المالية", "Ministère des Finances")
DRAFT = ("DRF", "وزارة العدل", "Ministère de la Justice")


def build_world() -> World:
    """make_world with two departments in the YEAR campaign: SNT's plan was submitted, DRF's is
    a draft (world.sent, sent_plan, officer_sent; world.draft, draft_plan, officer_draft)."""
    world = make_world(YEAR, departments=(SENT, DRAFT))
    world.add(
        sent=world.snt,
        draft=world.drf,
        sent_plan=make_plan(world.campaign, world.snt, PlanStatus.SUBMITTED),
        draft_plan=make_plan(world.campaign, world.drf, PlanStatus.DRAFT),
        officer_sent=world.officer_snt,
        officer_draft=world.officer_drf,
    )
    db.session.commit()
    return world


def listed_count(body: str) -> int:
    return int(COUNT.search(body).group(1))


def listed_ids(client, query: str) -> list[int]:
    """Every project id the list shows for `query`, walking all its pages (fragments)."""
    ids, page = [], 1
    while True:
        response = client.get(f"/projects?{query}&page={page}", headers={"HX-Request": "true"})
        assert response.status_code == 200, response.status_code
        body = response.get_data(as_text=True)
        found = [int(i) for i in ROW_ID.findall(body)]
        if not found:
            return ids
        ids += found
        page += 1
