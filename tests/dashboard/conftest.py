"""The dashboard tests' campaigns of a given size, made with tests/factories.py (no demo), and
a viewer's client."""

import pytest

from digiweb.auth.models import Role
from digiweb.extensions import db
from digiweb.plans.models import PlanStatus, Target, Technology
from tests.factories import (
    log_in,
    make_campaign,
    make_department,
    make_plan,
    make_project,
    make_user,
)

TARGETS = list(Target)
TECHNOLOGIES = list(Technology)


@pytest.fixture
def build_campaign(app):
    """build_campaign(year, departments=N, projects=M, statuses=[...]) -> (campaign, plans).

    The plans get the statuses given in turn (default: all submitted); the projects are spread
    over the plans whose status is in `with_projects_in` (default: every plan), and over the
    targets and technologies (two each), with growing budgets."""

    def build(year=2030, departments=3, projects=10, statuses=None, with_projects_in=None):
        depts = [make_department() for _ in range(departments)]
        campaign = make_campaign(year, departments=depts)
        statuses = statuses or [PlanStatus.SUBMITTED]
        plans = [
            make_plan(campaign, department, statuses[index % len(statuses)])
            for index, department in enumerate(depts)
        ]
        holders = [p for p in plans if with_projects_in is None or p.status in with_projects_in]
        for index in range(projects):
            plan = holders[index % len(holders)]
            i = len(plan.projects)
            make_project(
                plan,
                target=TARGETS[i % len(TARGETS)],
                technologies=[TECHNOLOGIES[i % 8], TECHNOLOGIES[(i + 3) % 8]],
                budget_dzd=1_000_000 * (i + 1),
            )
        db.session.flush()
        return campaign, plans

    return build


@pytest.fixture
def viewer_client(app, client):
    """A client logged in as a viewer of the empty database."""
    make_user("cabinet", role=Role.VIEWER)
    db.session.commit()
    return log_in(client, "cabinet")
