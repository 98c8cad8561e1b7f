"""Every open campaign in sight (issue 17, point 5): with 2021 and 2022 both open, the officer's
home lists both plans with their state, deadline and a late mark, and "My plan" leads to that
list instead of hiding the unsent 2021 plan."""

import html
import re
from datetime import date

import pytest

from digiweb.campaigns.models import CampaignStatus
from digiweb.campaigns.services import close_campaign
from digiweb.extensions import db
from digiweb.plans.models import PlanStatus
from digiweb.plans.open_plans import is_late, open_plans
from tests.factories import client_as, make_campaign, make_plan, make_world


@pytest.fixture
def years(app):
    with app.test_request_context():
        world = make_world(2021)
        world.campaign.deadline = date(2021, 3, 31)
        world.add(campaign_2022=make_campaign(2022, deadline=date(2099, 12, 31)))
        world.add(plan_mf_2022=make_plan(world.campaign_2022, world.mf, PlanStatus.DRAFT))
        db.session.commit()
        yield world


def _row(page: str, year: int) -> str:
    match = re.search(rf'<tr id="open-plan-{year}">(.*?)</tr>', page, re.S)
    assert match, f"no row for {year}"
    return html.unescape(match.group(1))


@pytest.mark.parametrize(
    "lang, late, start",
    [("fr", "En retard", "Commencer le plan 2021"), ("ar", "متأخر", "ابدأ مخطط 2021")],
)
def test_the_home_lists_each_open_years_plan(app, years, lang, late, start):
    page = client_as(app, "officer-mf", lang).get("/").get_data(as_text=True)
    old, new = _row(page, 2021), _row(page, 2022)
    assert f"/plans/{years.plan_mf.id}" in old and start in old
    assert late in old and "2021" in old
    assert f"/plans/{years.plan_mf_2022.id}" in new
    assert late not in new
    assert page.index('id="open-plan-2021"') < page.index('id="open-plan-2022"')
    assert 'datetime="2021-03-31"' in old


def test_my_plan_leads_to_the_list_when_several_years_are_open(app, years):
    response = client_as(app, "officer-mf").get("/my-plan")
    assert response.status_code == 302
    assert response.headers["Location"] == "/"


def test_my_plan_leads_to_the_only_open_plan(app, years):
    with app.test_request_context():
        close_campaign(years.campaign)
        db.session.commit()
    response = client_as(app, "officer-mf").get("/my-plan")
    assert response.headers["Location"] == f"/plans/{years.plan_mf_2022.id}"


def test_late_only_after_the_deadline_and_while_owed(app, years):
    campaign, plan = years.campaign, years.plan_mf
    assert not is_late(plan, campaign, date(2021, 3, 31))
    assert is_late(plan, campaign, date(2021, 4, 1))
    plan.status = PlanStatus.SUBMITTED
    assert not is_late(plan, campaign, date(2021, 4, 1))
    plan.status = PlanStatus.RETURNED
    assert is_late(plan, campaign, date(2021, 4, 1))
    campaign.deadline = None
    assert not is_late(plan, campaign, date(2030, 1, 1))


def test_open_plans_of_the_officer(app, years):
    rows = open_plans(years.officer_mf)
    assert [(r.campaign.year, r.plan.id) for r in rows] == [
        (2021, years.plan_mf.id),
        (2022, years.plan_mf_2022.id),
    ]
    assert [r.late for r in rows] == [True, False]
    assert years.campaign.status == CampaignStatus.OPEN
