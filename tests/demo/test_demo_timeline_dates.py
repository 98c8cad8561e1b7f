"""The demo's timelines read as a 2021 campaign (issue 17, point 10): each plan's "created" event
is dated when the campaign opened, before its sending, never on the day the demo was loaded."""

import re

from digiweb.campaigns.models import Campaign
from digiweb.clock import today
from digiweb.extensions import db
from digiweb.plans.models import Plan, PlanEvent, PlanEventKind


def test_every_plan_event_of_the_demo_falls_in_its_campaign_year(demo_app):
    rows = db.session.execute(
        db.select(PlanEvent.kind, PlanEvent.created_at, Campaign.year)
        .join(Plan, Plan.id == PlanEvent.plan_id)
        .join(Campaign, Campaign.id == Plan.campaign_id)
    ).all()
    assert rows
    assert [(k, c) for k, c, year in rows if c.year != year] == []


def test_creation_comes_first_in_each_timeline(demo_app):
    for plan in db.session.scalars(db.select(Plan)):
        events = sorted(plan.events, key=lambda e: e.created_at)
        assert events[0].kind == PlanEventKind.CREATED, plan


def test_a_sent_plans_page_prints_no_load_date(demo_app, as_user):
    plan = db.session.scalar(db.select(Plan).where(Plan.submitted_at.is_not(None)).limit(1))
    page = as_user("reviewer", "fr").get(f"/plans/{plan.id}").get_data(as_text=True)
    created = re.search(r"Plan créé.{0,300}", page, re.S)
    assert created and "/2021" in created.group(0)
    timeline = page[page.index("Plan créé") - 2000 :]
    assert f"/{today().year}" not in timeline  # the day the demo was loaded
