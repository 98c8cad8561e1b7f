"""Arabic reading order (issue 17, point 8): the timeline's arrow goes from the earlier to the
later state as an Arabic reader reads (« مسودة ← مرسل »), and the Arabic board lists the
departments by their Arabic name, not by their Latin code."""

import html
import re

import pytest

from digiweb.extensions import db
from digiweb.i18n import arrow
from digiweb.plans.models import PlanStatus
from digiweb.review import services
from tests.factories import client_as, make_complete_project, make_plan, make_world

YA = ("AA", "وزارة ياء", "Ministère Y")
ALIF = ("ZZ", "وزارة ألف", "Ministère A")


@pytest.fixture
def sent(app):
    with app.test_request_context("/"):
        world = make_world(2030, departments=(YA, ALIF))
        plan = make_plan(world.campaign, world.zz, contact_name="Amina")
        make_complete_project(plan)
        plan.status = PlanStatus.DRAFT
        db.session.commit()
        services.submit_plan(plan, world.officer_zz, plan.version)
        db.session.commit()
        return world.add(plan=plan)


def test_the_arrow_follows_the_direction(app):
    assert arrow("ar") == "←" and arrow("fr") == "→"


@pytest.mark.parametrize("lang, wanted, unwanted", [("ar", "←", "→"), ("fr", "→", "←")])
def test_the_timeline_arrow_points_the_reading_direction(app, sent, lang, wanted, unwanted):
    page = html.unescape(
        client_as(app, "reviewer", lang).get(f"/plans/{sent.plan.id}").get_data(as_text=True)
    )
    transitions = re.findall(r'<span class="muted">\(([^)]*)\)</span>', page)
    moves = [t for t in transitions if wanted in t or unwanted in t]
    assert moves, transitions
    assert all(wanted in t and unwanted not in t for t in moves)


def test_the_arabic_board_is_sorted_by_the_arabic_name(app, sent):
    page = client_as(app, "reviewer", "ar").get("/plans").get_data(as_text=True)
    assert page.index("وزارة ألف") < page.index("وزارة ياء")
    french = client_as(app, "reviewer", "fr").get("/plans").get_data(as_text=True)
    assert french.index("Ministère Y") < french.index("Ministère A")  # by code: AA, ZZ
