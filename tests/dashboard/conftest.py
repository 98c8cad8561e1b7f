"""Builders for the dashboard tests: a campaign of a given size, without the whole demo."""

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus, Project, Target, Technology
from tests.factories import make_campaign, make_department, make_project, make_user, plan_of

TARGETS = list(Target)
TECHNOLOGIES = list(Technology)


def add_projects(plan: Plan, count: int, **fields) -> list[Project]:
    """`count` projects in `plan`, spread over the targets and technologies (each project uses
    two technologies) unless `fields` fixes them."""
    start = len(plan.projects)
    projects = []
    for i in range(start, start + count):
        values = {
            "target": TARGETS[i % len(TARGETS)],
            "technologies": [TECHNOLOGIES[i % 8], TECHNOLOGIES[(i + 3) % 8]],
            "budget_dzd": 1_000_000 * (i + 1),
            **fields,
        }
        projects.append(make_project(plan, **values))
    return projects


@pytest.fixture
def build_campaign(app):
    """build_campaign(year, departments=N, projects=M, statuses=[...]) -> (campaign, plans).

    The plans get the statuses given in turn (default: all submitted); the projects are spread
    over the plans whose status is in `with_projects_in` (default: every plan)."""

    def build(year=2030, departments=3, projects=10, statuses=None, with_projects_in=None):
        depts = [make_department() for _ in range(departments)]
        campaign = make_campaign(year, departments=depts)
        plans = [plan_of(campaign, d) for d in depts]
        statuses = statuses or [PlanStatus.SUBMITTED]
        for index, plan in enumerate(plans):
            plan.status = statuses[index % len(statuses)]
        holders = [p for p in plans if with_projects_in is None or p.status in with_projects_in]
        for index in range(projects):
            add_projects(holders[index % len(holders)], 1)
        db.session.flush()
        return campaign, plans

    return build


@pytest.fixture
def viewer_client(app, client):
    """A client logged in as a viewer of the empty database."""
    from tests.conftest import login
    from tests.factories import PASSWORD

    make_user("cabinet", role=Role.VIEWER)
    db.session.commit()
    login(client, "cabinet", PASSWORD)
    return client
