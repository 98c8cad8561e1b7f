"""The shared factories (tests/factories.py) do what their names say."""

import pytest

from digiweb.auth.models import Role
from digiweb.campaigns.models import CampaignStatus
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanStatus
from tests.factories import make_campaign, make_department, make_plan, make_user, make_world


@pytest.mark.parametrize("status", list(CampaignStatus))
def test_make_campaign_leaves_the_campaign_in_the_status_asked(app, status):
    department = make_department()
    campaign = make_campaign(2030, status, departments=[department])
    assert campaign.status == status
    plans = db.session.scalars(db.select(Plan).where(Plan.campaign_id == campaign.id)).all()
    assert len(plans) == (0 if status == CampaignStatus.DRAFT else 1)


def test_make_plan_finds_the_invited_departments_plan_and_makes_the_others(app):
    invited, outsider = make_department(), make_department()
    campaign = make_campaign(2030, departments=[invited])
    plan = make_plan(campaign, invited, PlanStatus.SUBMITTED, contact_name="Contact")
    assert (plan.status, plan.contact_name) == (PlanStatus.SUBMITTED, "Contact")
    assert make_plan(campaign, invited) is plan
    assert make_plan(campaign, outsider).status == PlanStatus.NOT_STARTED
    assert db.session.scalar(db.select(db.func.count(Plan.id))) == 2


def test_make_user_gives_an_officer_a_department_unless_told_otherwise(app):
    assert make_user().department is not None
    assert make_user(department=None).department is None
    assert make_user(role=Role.REVIEWER).department is None


def test_the_world_reads_its_records_by_name_after_a_commit_and_a_rollback(app):
    world = make_world(2030)
    db.session.commit()
    assert world.plan_mf.department is world.mf and world.officer_mj.department is world.mj
    assert set(world.users) == {"officer-mf", "officer-mj", "reviewer", "viewer", "admin"}
    assert world.users["reviewer"] is world.reviewer
    world.plan_mf.contact_name = "Provisoire"
    db.session.rollback()
    assert world.plan_mf.contact_name == ""
    with pytest.raises(AttributeError):
        world.nothing  # noqa: B018
