"""<time datetime> values carry no fraction of a second (issue 17, point 10: the W3C checker
refuses more than three fraction digits; the history printed microseconds)."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

from digiweb.extensions import db
from digiweb.i18n import machine_time
from digiweb.plans.services import create_project
from tests.factories import client_as, make_world

TEMPLATES = Path(__file__).resolve().parents[2] / "digiweb"
VALID = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d|Z)?)?")


def test_machine_time_drops_the_microseconds():
    moment = datetime(2026, 12, 2, 17, 35, 36, 939276, tzinfo=UTC)
    assert machine_time(moment) == "2026-12-02T17:35:36+00:00"
    assert machine_time(date(2021, 3, 31)) == "2021-03-31"
    assert machine_time(None) == ""


def test_every_time_element_goes_through_the_filter():
    wrong = []
    for path in TEMPLATES.rglob("*.html"):
        for match in re.finditer(r'datetime="([^"]*)"', path.read_text()):
            if not match.group(1).rstrip().endswith("| iso }}"):
                wrong.append(f"{path.relative_to(TEMPLATES)}: {match.group(0)}")
    assert wrong == []


def test_a_project_history_has_valid_time_values(app):
    with app.test_request_context():
        world = make_world(2030)
        project = create_project(world.plan_mf, {"title_fr": "Portail"}, world.officer_mf)
        db.session.commit()
        project_id = project.id
    page = client_as(app, "officer-mf", "fr").get(f"/projects/{project_id}").get_data(as_text=True)
    values = re.findall(r'<time datetime="([^"]*)"', page)
    assert values
    assert [v for v in values if not VALID.fullmatch(v)] == []
